// Two groups of suites (jest projects), one list apart:
//   npm test            every suite (both projects)
//   npm run test:unit   the "unit" project only: the fast suites, for the edit-test loop
// A suite is "slow" when it builds with webpack or drives a browser, spawns the CLI as a child
// process, or runs the whole bad-input corpus or a roster of thousands of rows through a host.
// Every test file is in exactly one project: "slow" takes the paths below, "unit" the rest.
const SLOW = [
  "test/browser/", // webpack build + Chromium (the playground and the offline web page)
  "test/corpus/", // the 81 corpus workbooks through the CLI and the Excel double
  "test/safety/", // the corpus again, forced, through the CLI (child processes) and the double
  "test/security/no-network.test.ts", // the CLI on every corpus file
  "test/cli/output.test.ts", // the CLI as a child process (tsx, npm run)
  "test/cli/large.test.ts", // 6,040 roster rows through the CLI
  "test/excel/scale.test.ts", // 10,000 and 100,000 rows through the Excel double
  "test/excel/promises.test.ts", // a 生成 failed at each of its operations in turn, 120 dense sheets
  "test/foreign/", // workbooks written by openpyxl, XlsxWriter and LibreOffice (external programs)
  "test/taskpane/pane.test.tsx", // every pane state rendered and checked with axe (~15 s CPU)
  "test/print/", // every generated sheet printed and recalculated by LibreOffice (soffice, poppler)
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
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

/** @type {import('jest').Config} */
module.exports = {
  // One timeout for every test and hook, long enough for a 2-core machine shared with other
  // work (load 15+ slows the heaviest tests to about two minutes). Tests set their own only
  // when they need longer than this.
  testTimeout: 300_000,
  projects: [
    {
      ...base,
      displayName: "unit",
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", ...SLOW.map((p) => "<rootDir>/" + escape(p))],
    },
    {
      ...base,
      displayName: "slow",
      testMatch: SLOW.map((p) => "<rootDir>/" + p + (p.endsWith("/") ? "**/*.test.{ts,tsx}" : "")),
    },
  ],
};
