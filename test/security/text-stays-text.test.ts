// User text always lands as text: names, units and programme names that look like formulas
// (=HYPERLINK(…), +1, -1, @SUM(…), =cmd|…) stay text cells in the output workbook and in Excel,
// and nothing a user typed ever becomes part of a formula except inside a quoted string literal.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildWorkbook } from "../../scripts/book-spec";
import { baseSheets, INJECTION_NAMES } from "../corpus/build";
import { cleanTmpDirs, runCli, tmpDir } from "../helpers/cli";
import { evaluateWorkbook } from "../helpers/hyperformula";
import { doubleFromXlsx } from "../../src/testing/excel-double/fromXlsx";
import type { ExcelDouble } from "../../src/testing/excel-double";
import { generate } from "../../src/excel";
import { ALLOCATION_SHEET, REPORT_SHEET } from "../../src/core/generated";

const ROSTER = '花名册"终稿"';
// In the double, a sheet name with an apostrophe: its HyperFormula engine (3.5) cannot read the
// doubled "" inside string literals that Excel uses, so a link to 花名册"终稿" shows #ERROR! there
// although Excel reads it (the CLI test above checks that name).
const ROSTER_IN_EXCEL = "It's 花名册";
const EVIL_PROGRAMME = '=HYPERLINK("http://evil.example/","优秀技术技能人才疗休养")';
const EVIL_UNIT = "-2+3";
const EVIL_PROGRAMME_CELL = "=1+1";

/** The base workbook with formula-looking text everywhere a user types. */
async function hostileWorkbook(rosterName = ROSTER): Promise<Buffer> {
  const s = baseSheets();
  const roster = s[0];
  roster.name = rosterName; // a double quote in a sheet name must survive formulas and links too
  INJECTION_NAMES.forEach((n, k) => (roster.rows[k][1] = n));
  roster.rows[6][4] = EVIL_UNIT;
  roster.rows[7][7] = EVIL_PROGRAMME_CELL; // → UNKNOWN_PROGRAM, its text quoted in the report
  s[1].rows[1][1] = EVIL_PROGRAMME; // W2's name
  const wb = buildWorkbook(s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const USER_TEXTS = [...INJECTION_NAMES, EVIL_UNIT, EVIL_PROGRAMME_CELL, EVIL_PROGRAMME];

/** A formula with its string literals emptied: what Excel would actually execute. */
function executable(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

afterAll(cleanTmpDirs);

describe("formula-looking text from the user stays text", () => {
  it("in the CLI's output workbook", async () => {
    const dir = tmpDir();
    const input = path.join(dir, "hostile.xlsx");
    fs.writeFileSync(input, await hostileWorkbook());
    const out = path.join(dir, "out.xlsx");
    const r = await runCli([input, "-o", out, "--force", "--json", path.join(dir, "r.json")], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
    expect(report.issues.map((i: { code: string; cell: string }) => `${i.code} ${i.cell}`)).toEqual(
      ["UNKNOWN_PROGRAM H10"]
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(ROSTER)!;
    INJECTION_NAMES.forEach((n, k) => {
      const cell = ws.getCell(3 + k, 2);
      expect([cell.address, cell.type, cell.value]).toEqual([
        cell.address,
        ExcelJS.ValueType.String,
        n,
      ]);
    });
    expect(ws.getCell("E9").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("H10").type).toBe(ExcelJS.ValueType.String);

    // Every formula in every sheet: no user text outside string literals.
    const found = new Set<string>();
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (cell.type === ExcelJS.ValueType.Formula) {
            const f = executable(cell.formula);
            for (const t of USER_TEXTS)
              expect([sheet.name, cell.address, f.includes(t.replace(/^=/, ""))]).toEqual([
                sheet.name,
                cell.address,
                false,
              ]);
            expect(f).not.toMatch(/evil|cmd\|/i);
          } else if (typeof v === "string") {
            for (const t of USER_TEXTS) if (v.includes(t)) found.add(`${sheet.name}:${t}`);
          }
        })
      );
    }
    // The programme's formula-looking name is a text cell of 经费分摊表; the unknown programme's text is in the report.
    expect(found).toContain(`${ALLOCATION_SHEET}:${EVIL_PROGRAMME}`);
    expect(
      [...found].some((k) => k.startsWith(REPORT_SHEET + ":") && k.endsWith(EVIL_PROGRAMME_CELL))
    ).toBe(true);

    // The name reaches the headcount formula only as a quoted string literal of the exact count
    // (EXACT(range&"","=…") compares texts; nothing in it is an operator).
    const alloc = wb.getWorksheet(ALLOCATION_SHEET)!;
    let w2Row = 0;
    alloc.eachRow((row, n) => (row.getCell(1).value === "W2" ? (w2Row = n) : undefined));
    expect(alloc.getCell(w2Row, 2).type).toBe(ExcelJS.ValueType.String);
    expect(alloc.getCell(w2Row, 4).formula).toContain(
      '&"","' + EVIL_PROGRAMME.replace(/"/g, '""') + '"'
    );
  });

  it("a programme named @HYPERLINK(…) is text and still counted by its code (evaluated)", async () => {
    const dir = tmpDir();
    const s = baseSheets();
    const name = '@HYPERLINK("http://evil.example/","点我")';
    s[1].rows[1][1] = name;
    s[0].rows[2][7] = name; // one W2 person refers to the programme by this name
    const input = path.join(dir, "at.xlsx");
    fs.writeFileSync(input, Buffer.from(await buildWorkbook(s).xlsx.writeBuffer()));
    const out = path.join(dir, "at.out.xlsx");
    expect((await runCli([input, "-o", out], dir)).code).toBe(0);
    const ev = await evaluateWorkbook(fs.readFileSync(out));
    const w2 = ev.sheetValues(ALLOCATION_SHEET).find((row) => row[0] === "W2")!;
    expect(w2[1]).toBe(name);
    expect(w2[3]).toBe(1);
    expect(w2[5]).toBe(3000);
  });

  describe("in Excel (the strict double reads =, +, -, @ as formulas, as Excel does)", () => {
    let d: ExcelDouble;
    beforeAll(async () => {
      d = await doubleFromXlsx(await hostileWorkbook(ROSTER_IN_EXCEL));
      d.installGlobals();
      const g = await generate({}, { force: true });
      expect(g.blocked).toBe(false);
    });
    afterAll(() => d.uninstallGlobals());

    it("the user's cells are untouched text", () => {
      const snap = d.snapshot(ROSTER_IN_EXCEL);
      INJECTION_NAMES.forEach((n, k) => {
        expect(snap.formulas[2 + k][1]).toBeNull();
        expect(snap.values[2 + k][1]).toBe(n);
      });
    });

    it("the generated sheets show the user's text as text, never as formulas", () => {
      for (const sheet of [ALLOCATION_SHEET, REPORT_SHEET]) {
        const snap = d.snapshot(sheet);
        snap.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const f = snap.formulas[r][c];
            if (f) {
              const code = executable(f);
              expect([sheet, r, c, /evil|cmd\||HYPERLINK\("http/i.test(code)]).toEqual([
                sheet,
                r,
                c,
                false,
              ]);
            }
          })
        );
      }
      // Every link of the report evaluates (the quote in the sheet name is escaped).
      const links = d.snapshot(REPORT_SHEET);
      expect(links.values.flat().filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual(
        []
      );
      const alloc = d.snapshot(ALLOCATION_SHEET);
      const r = alloc.values.findIndex((row) => row[0] === "W2");
      expect(alloc.values[r][1]).toBe(EVIL_PROGRAMME);
      expect(alloc.formulas[r][1]).toBeNull();
      expect(alloc.formulas[r][3]).toContain('&"","' + EVIL_PROGRAMME.replace(/"/g, '""') + '"');
      // The report's link to the unknown programme's cell works despite the quote in the sheet name.
      const rep = d.snapshot(REPORT_SHEET);
      const i = rep.values.findIndex((row) => row[2] === "UNKNOWN_PROGRAM");
      expect(rep.values[i][5]).toBe("H10");
      expect(String(rep.values[i][7])).toContain(EVIL_PROGRAMME_CELL);
      expect(rep.formulas[i][7]).toBeNull();
    });
  });
});
