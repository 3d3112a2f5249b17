// The command line on the sample with its roster split over several sheets (per programme
// scope, per unit), written by ExcelJS: the JSON report has the seed's figures, the output's
// 经费分摊表 sums a COUNTIFS per roster sheet, and its formulas recalculated by HyperFormula give
// the same figures.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildWorkbook } from "../../scripts/book-spec";
import { splitSampleSheets } from "../../scripts/make-samples";
import { sampleRoster } from "../../scripts/sample-data";
import { cleanTmpDirs, runCli, tmpDir } from "../helpers/cli";
import { evaluateWorkbook } from "../helpers/hyperformula";

afterAll(cleanTmpDirs);

const ID = 3; // 身份证号 in a sample row (with 序号)

describe.each(["scope", "unit"] as const)("a roster split per %s", (by) => {
  it("gives the seed's figures in the JSON report and in the recalculated output", async () => {
    const dir = tmpDir();
    const sheets = splitSampleSheets(sampleRoster(), by);
    const rosterNames = sheets.slice(0, -2).map((s) => s.name);
    await buildWorkbook(sheets).xlsx.writeFile(path.join(dir, "split.xlsx"));
    const run = await runCli(["split.xlsx", "--json", "r.json"], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
    expect(json.allocation.totals).toEqual({
      cost: 441280,
      transport: 11000,
      byPayer: { 省总工会: 279093.33, 市总工会: 41093.33, 高新区总工会: 132093.34 },
    });
    expect(json.allocation.budget.difference).toBe(-93.34);
    expect(json.issues.map((i: { code: string }) => i.code)).toEqual(["BUDGET_EXCEEDED"]);
    // The summary names every roster sheet.
    for (const name of rosterNames) expect(run.stdout).toContain(name);

    // Each selected row is named with its sheet: that row there names the programme, and no
    // (sheet, row) is named twice, though row numbers repeat across the sheets.
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(path.join(dir, "split.xlsx"));
    const seen = new Set<string>();
    let rowsRepeat = false;
    for (const p of json.allocation.programs) {
      const at: { sheet: string; row: number }[] = [...p.selectedAt, ...p.waitlistAt];
      expect(at.length).toBe(p.applicants);
      expect(p.selectedAt.map((x: { row: number }) => x.row)).toEqual(p.selectedRows);
      const rows = new Set(at.map((x) => x.row));
      if (rows.size < at.length) rowsRepeat = true;
      for (const x of at) {
        expect(rosterNames).toContain(x.sheet);
        expect([p.code, p.name]).toContain(input.getWorksheet(x.sheet)!.getCell(x.row, 8).value);
        expect(seen.has(`${x.sheet}!${x.row}`)).toBe(false);
        seen.add(`${x.sheet}!${x.row}`);
      }
    }
    expect(seen.size).toBe(151);
    expect(rowsRepeat).toBe(by === "unit");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "split.经费分摊.xlsx"));
    const ws = wb.getWorksheet("经费分摊表")!;
    const n1 = ws.getCell("D8").formula;
    for (const name of rosterNames) expect(n1).toContain(`EXACT('${name}'!$H$1:$H$`);
    const ev = await evaluateWorkbook(wb);
    expect([4, 5, 6, 7, 8].map((r) => ev.value("经费分摊表", `D${r}`))).toEqual([50, 3, 50, 2, 46]);
    expect(ev.value("经费分摊表", "I10")).toBe(132093.34);
    expect(ev.value("经费分摊表", "F9")).toBe(441280);
  });
});

it("a duplicate across two sheets is DUPLICATE_ID on both cells in the JSON report", async () => {
  const dir = tmpDir();
  const roster = sampleRoster();
  const n1 = roster.findIndex((r) => r[7] === "N1");
  roster[n1][ID] = roster[0][ID];
  await buildWorkbook(splitSampleSheets(roster, "scope")).xlsx.writeFile(path.join(dir, "d.xlsx"));
  const run = await runCli(["d.xlsx", "--json", "r.json"], dir);
  expect(run.code).toBe(1);
  const json = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
  expect(
    json.issues
      .filter((i: { code: string }) => i.code === "DUPLICATE_ID")
      .map((i: { sheet: string; cell: string }) => `${i.sheet}!${i.cell}`)
  ).toEqual(["市外花名册!D3", "市内花名册!D3"]);
});
