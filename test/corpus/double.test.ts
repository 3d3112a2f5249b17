// The same corpus inside Excel: each damaged workbook opened in the strict Excel double, 校验 run
// through the add-in's own validate, and the issues compared exactly with the CLI's
// expectations; every issue with a cell is marked in that cell, with its severity.
// Files that Excel itself cannot open (exit 2 in the CLI) have no Excel path.
import { validate } from "../../src/excel";
import { doubleFromXlsx } from "../../src/testing/excel-double/fromXlsx";
import type { ExcelDouble } from "../../src/testing/excel-double";
import type { Issue } from "../../src/core/types";
import { issueCell, parseA1 } from "../../src/core/a1";
import { CASES, caseBytes, ExpectedIssue } from "./build";

const keys = (list: ExpectedIssue[]) =>
  list.map((i) => `${i.code} ${i.sheet} ${i.cell ?? "-"}`).sort();
const expectedOf = (list: Issue[]): ExpectedIssue[] =>
  list.map((i) => ({ code: i.code, sheet: i.sheet, cell: issueCell(i) }));

let d: ExcelDouble | null = null;
afterEach(() => {
  d?.uninstallGlobals();
  d = null;
});

const workbookCases = CASES.filter((c) => c.exit !== 2);

describe("the bad-input corpus in the Excel double", () => {
  it.each(workbookCases.map((c) => [c.file, c] as const))(
    "%s: validate reports exactly the expected issues and marks them",
    async (_f, c) => {
      d = await doubleFromXlsx(await caseBytes(c));
      d.installGlobals();
      const a = await validate({});
      expect(keys(expectedOf(a.issues))).toEqual(keys(c.expected));
      // A cell with both an error and a warning shows the error.
      for (const i of a.issues) {
        const cell = issueCell(i);
        if (!cell) continue;
        const { row, col } = parseA1(cell);
        const worst = a.issues.some(
          (j) => j.sheet === i.sheet && issueCell(j) === cell && j.severity === "error"
        )
          ? "error"
          : "warning";
        expect(d.snapshot(i.sheet).marks[row]?.[col]).toBe(worst);
      }
      for (const e of c.expected.filter((x) => x.says)) {
        expect(
          a.issues.find((i) => i.code === e.code && issueCell(i) === e.cell)?.message
        ).toContain(e.says);
      }
      if (c.headcounts) {
        const got = Object.fromEntries(
          a.allocation!.programs.map((p) => [p.program.code, p.headcount])
        );
        expect(got).toMatchObject(c.headcounts);
      }
    }
  );
});
