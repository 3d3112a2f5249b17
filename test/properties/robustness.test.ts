// Random damage to a valid workbook never crashes the engine: analyse, the JSON report and the
// generated sheets' plans always come back, and every issue is a coded, located, Chinese message.
// A smaller share of runs also goes through the .xlsx writer and is read back.
import fc from "fast-check";
import ExcelJS from "exceljs";
import type { Cell, Issue, IssueCode } from "../../src/core/types";
import { analyse, planSheets, toReportJson } from "../../src/core/engine";
import { SEVERITY } from "../../src/core/messages";
import { issueCell, parseA1 } from "../../src/core/a1";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { applyDamage, baseBook, damage } from "./perturb";

const TODAY = { y: 2024, m: 5, d: 1 };
const CODES = Object.keys(SEVERITY) as IssueCode[];

function checkIssue(i: Issue, sheetNames: string[]): void {
  expect(CODES).toContain(i.code);
  expect(i.severity).toBe(SEVERITY[i.code]);
  expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  expect(typeof i.sheet).toBe("string");
  const cell = issueCell(i);
  if (cell !== undefined) {
    const { row } = parseA1(cell);
    expect(i.row).toBe(row + 1);
    expect(sheetNames).toContain(i.sheet);
  }
}

describe("random damage never throws and always ends in coded issues", () => {
  it("in memory: analyse, report and plans", () => {
    const base = baseBook();
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 12 }), (damages) => {
        const book = applyDamage(base, damages);
        const a = analyse(book, { today: TODAY });
        const names = book.sheets.map((s) => s.name);
        a.issues.forEach((i) => checkIssue(i, names));
        expect(a.errorCount + a.warningCount).toBe(a.issues.length);
        const json = toReportJson(a);
        expect(JSON.parse(JSON.stringify(json)).ok).toBe(a.errorCount === 0);
        const plans = planSheets(a);
        // Title, counts, header, the issues, a blank row and the signature line.
        expect(plans.report.cells.length).toBe(5 + a.issues.length);
        // Money stays exact: each valid programme's shares add up to its cost.
        for (const pa of a.allocation?.programs ?? []) {
          if (!pa.program.sharesInvalid && pa.shares.some((s) => s.remainder))
            expect(pa.shares.reduce((s, x) => s + x.fen, 0n)).toBe(pa.costFen);
        }
      }),
      { numRuns: 400, seed: 20240601 }
    );
  });

  it("a damaged roster with the ID column cleared still gets one issue per bad row, not an exception", () => {
    const base = baseBook();
    const book = applyDamage(
      base,
      base.sheets[0].values.slice(2).map((_, k) => ({
        kind: "set" as const,
        sheet: 0,
        row: k + 2,
        col: 3,
        value: true as Cell,
      }))
    );
    const a = analyse(book, { today: TODAY });
    expect(a.issues.filter((i) => i.code === "ID_FORMAT")).toHaveLength(8);
  });

  it("through the .xlsx writer: the output is a readable workbook with the issues listed", async () => {
    const base = baseBook();
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 8 }), async (damages) => {
        const book = applyDamage(base, damages);
        const a = analyse(book, { today: TODAY });
        const wb = new ExcelJS.Workbook();
        for (const s of book.sheets) {
          const ws = wb.addWorksheet(s.name);
          s.values.forEach((row, r) =>
            row.forEach(
              (c, k) => c !== null && (ws.getCell(r + 1, k + 1).value = c as ExcelJS.CellValue)
            )
          );
        }
        const x = new XlsxWorkbook(wb);
        const plans = planSheets(a);
        await x.writeSheets(plans.allocation ? [plans.allocation, plans.report] : [plans.report]);
        const back = await XlsxWorkbook.fromBuffer(await x.toBuffer());
        const report = (await back.model()).worksheets.find((w) => w.name.startsWith("校验结果"))!;
        expect(report).toBeDefined();
        // The last issue line of 校验结果 (above a blank row and the signature line) carries the
        // last issue's code (or the header when there are none); the signature line follows.
        const n = plans.report.cells.length;
        const last = plans.report.cells[n - 3][2] as { text: string };
        expect(report.getCell(n - 2, 3).value).toBe(last.text);
        expect(report.getCell(n, 1).value).toBe(
          (plans.report.cells[n - 1][0] as { text: string }).text
        );
        expect(a.issues.length === 0 ? last.text : a.issues.map((i) => i.code)).toContain(
          last.text
        );
      }),
      { numRuns: 40, seed: 7 }
    );
  });
});
