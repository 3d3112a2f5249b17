// ESLint for the whole tree (npm run lint → office-addin-lint check, which uses this file).
// The office-addins rules (load before read, sync after load, no sync in a loop) are about
// Office.js proxies, so they apply only where Office.js is used: src/excel, src/commands and
// src/taskpane. ExcelJS code (src/xlsx), the Excel double and the pure core would be misread
// by them (ExcelJS's `ws.getCell(…).value` is a plain object, not a proxy).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const OFFICE_RULES = [
  "office-addins/call-sync-after-load",
  "office-addins/call-sync-before-read",
  "office-addins/load-object-before-read",
  "office-addins/no-context-sync-in-loop",
  "office-addins/no-empty-load",
  "office-addins/no-navigational-load",
  "office-addins/no-office-initialize",
  "office-addins/test-for-null-using-isNullObject",
];

const TS = ["**/*.{ts,tsx,mts,cts}"];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", ".tmp/**"] },
  ...officeAddins.configs.react.map((c) =>
    c.files ? { ...c, files: [...c.files, "**/*.tsx"] } : c
  ),
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      // TypeScript checks names itself (and knows the types that no-undef would flag).
      "no-undef": "off",
      // The new JSX transform: React need not be in scope.
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    files: TS,
    ignores: ["src/excel/**", "src/commands/**", "src/taskpane/**"],
    rules: Object.fromEntries(OFFICE_RULES.map((r) => [r, "off"])),
  },
  {
    files: ["test/**", "**/*.test.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest } },
  },
];
