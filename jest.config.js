/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(ts|tsx)$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "/node_modules/.+\\.js$": [
      "ts-jest",
      {
        tsconfig: { allowJs: true, module: "commonjs", esModuleInterop: true },
        diagnostics: false,
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // office-addin-mock → office-addin-manifest pulls in ESM-only packages (uuid@11+, strip-bom@5):
  // compile just those to CommonJS; the rest of node_modules stays untransformed.
  transformIgnorePatterns: ["/node_modules/(?!(?:.*/node_modules/)?(?:uuid|strip-bom)/)"],
};
