// What the written workbook holds: live formulas (not values) that refer to the user's sheets,
// sheet names quoted and escaped, user text kept as text. And the real npm script path.
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { buildWorkbook } from "../../scripts/book-spec";
import { sampleSheets } from "../../scripts/make-samples";
import { sampleRoster } from "../../scripts/sample-data";
import { cleanTmpDirs, copyInto, runCli, SAMPLE, sha256, tmpDir } from "../helpers/cli";
import { evaluateWorkbook } from "../helpers/hyperformula";

const ROOT = path.resolve(__dirname, "../..");
afterAll(cleanTmpDirs);

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const formulaOf = (ws: ExcelJS.Worksheet, addr: string): string => {
  const c = ws.getCell(addr);
  expect([addr, c.type]).toEqual([addr, ExcelJS.ValueType.Formula]);
  return c.formula;
};

describe("the output opens with formulas, not values", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const dir = tmpDir();
    copyInto(dir, SAMPLE, "plan.xlsx");
    expect((await runCli(["plan.xlsx"], dir)).code).toBe(0);
    ws = (await load(path.join(dir, "plan.经费分摊.xlsx"))).getWorksheet("经费分摊表")!;
  });

  it("the header row names every payer", () => {
    expect((ws.getRow(3).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      "项目编号",
      "项目名称",
      "名额",
      "人数",
      "人均标准",
      "费用合计",
      "省总工会承担",
      "市总工会承担",
      "高新区总工会承担",
      "往返交通费",
      "交通费承担方",
      "高新区总工会合计",
      "高新区总工会合计（万元）",
      "核对",
    ]);
  });

  it("headcount is an exact count over the roster's programme column (last row + 1000), by code and by name, capped by 名额", () => {
    expect(formulaOf(ws, "D4")).toBe(
      `MIN(SUMPRODUCT(--EXACT('花名册'!$H$1:$H$1153&"","W1"))+SUMPRODUCT(--EXACT('花名册'!$H$1:$H$1153&"","一线职工疗休养")),C4)`
    );
    expect(formulaOf(ws, "D8")).toBe(
      `MIN(SUMPRODUCT(--EXACT('花名册'!$H$1:$H$1153&"","N1"))+SUMPRODUCT(--EXACT('花名册'!$H$1:$H$1153&"","市内疗休养")),C8)`
    );
  });

  it("quota, per-person cost, amounts and transport refer to the rate sheet", () => {
    expect(formulaOf(ws, "C4")).toBe("'项目费率'!$G$3");
    expect(formulaOf(ws, "E4")).toBe("'项目费率'!$H$3");
    // A share reads its own rate cell whatever it holds (src/core/plan/shares.ts); an amount is
    // headcount × the cell, rounded in whole fen.
    expect(formulaOf(ws, "G4")).toMatch(/^IFERROR\(IF\(ISNUMBER\('项目费率'!\$I\$3\),/);
    expect(formulaOf(ws, "G4")).toContain("ROUND(D4*ROUND(ROUND('项目费率'!$I$3*100,6),0)/100,2)");
    expect(formulaOf(ws, "I4")).toContain("ROUND(D4*ROUND(ROUND('项目费率'!$K$3*100,6),0)/100,2)");
    // The transport payer is a reference too.
    expect(formulaOf(ws, "K4")).toBe(`TRIM('项目费率'!$M$3&"")`);
    expect(formulaOf(ws, "J4")).toBe("'项目费率'!$L$3");
  });

  it("cost is ROUND(headcount × per person, 2); 全额 is the cost; 1/3 shares are rounded in whole fen and 其余 takes the rest", () => {
    expect(formulaOf(ws, "F4")).toBe("ROUND(D4*E4,2)");
    // 全额 (W2's 省总工会) is the cost; a/b text is parsed in the formula, on whole fen.
    expect(formulaOf(ws, "G5")).toContain(`TRIM('项目费率'!$I$4)="全额"`);
    expect(formulaOf(ws, "G5")).toMatch(/="100%"\),F5,/);
    expect(formulaOf(ws, "G8")).toContain(
      `ROUND(ROUND(F8*100,0)*VALUE(REPLACE(TRIM('项目费率'!$I$7),FIND("/",TRIM('项目费率'!$I$7)),30,""))`
    );
    expect(formulaOf(ws, "H8")).toContain("'项目费率'!$J$7");
    // The own union's cell takes the rest when the ratios add up (or when it says 其余).
    expect(formulaOf(ws, "I8")).toMatch(/^IF\(AND\(OR\(TRIM\('项目费率'!\$K\$7\)="其余"/);
    expect(formulaOf(ws, "I8")).toContain(",ROUND(F8-SUM(G8,H8),2),");
    expect(formulaOf(ws, "N8")).toMatch(/^IF\(OR\(ABS\(SUM\(G8,H8,I8\)-F8\)>=0\.005,/);
  });

  it("totals are ROUND(SUM(…)), the budget block refers to the budget sheet", () => {
    expect(formulaOf(ws, "F9")).toBe("ROUND(SUM(F4:F8),2)");
    expect(formulaOf(ws, "I10")).toMatch(
      /^ROUND\(I9\+SUMIF\(\$K\$4:\$K\$8,"=高新区总工会",\$J\$4:\$J\$8\),2\)$/
    );
    expect(ws.getCell("A13").value).toBe("高新区总工会承担合计");
    expect(formulaOf(ws, "C13")).toBe("I10");
    expect(formulaOf(ws, "C14")).toBe("'预算'!$B$2");
    expect(formulaOf(ws, "C15")).toBe("'预算'!$B$3");
    expect(formulaOf(ws, "C16")).toBe("ROUND(SUM(C14:C15),2)");
    expect(formulaOf(ws, "C17")).toBe("ROUND(C16-C13,2)");
  });

  it("each formula carries the engine's value as its cached result (so viewers without recalculation show it)", () => {
    expect(ws.getCell("I8").result).toBe(41093.34);
    expect(ws.getCell("C17").result).toBe(-93.34);
  });
});

describe("sheet names in formulas are quoted and escaped", () => {
  it("a roster called It's and a rate sheet called 费率 2024 (with a space)", async () => {
    const dir = tmpDir();
    const sheets = sampleSheets(sampleRoster());
    sheets[0] = { ...sheets[0], name: "It's" };
    sheets[1] = { ...sheets[1], name: "费率 2024" };
    await buildWorkbook(sheets).xlsx.writeFile(path.join(dir, "odd.xlsx"));
    const run = await runCli(["odd.xlsx", "--json", "r.json"], dir);
    expect(run.code).toBe(0);
    const wb = await load(path.join(dir, "odd.经费分摊.xlsx"));
    const ws = wb.getWorksheet("经费分摊表")!;
    expect(formulaOf(ws, "D4")).toMatch(
      /^MIN\(SUMPRODUCT\(--EXACT\('It''s'!\$H\$1:\$H\$\d+&"","W1"\)\)\+SUMPRODUCT\(--EXACT\('It''s'!\$H\$1:\$H\$\d+&"","一线职工疗休养"\)\),C4\)$/
    );
    expect(formulaOf(ws, "G4")).toMatch(/^IFERROR\(IF\(ISNUMBER\('费率 2024'!\$I\$3\),/);
    // And they evaluate: Excel (here HyperFormula) reads the quoted names back.
    const ev = await evaluateWorkbook(wb);
    expect(ev.value("经费分摊表", "D4")).toBe(50);
    expect(ev.value("经费分摊表", "I10")).toBe(132093.34);
    // The issue report links to the escaped sheet name too.
    expect(
      JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8")).allocation.totals.byPayer[
        "高新区总工会"
      ]
    ).toBe(132093.34);
  });
});

describe("user text is written as text, never as a formula", () => {
  it("a roster name and a programme name starting with = stay text", async () => {
    const dir = tmpDir();
    const roster = sampleRoster();
    roster[0][1] = "=1+2";
    roster[1][1] = '=HYPERLINK("http://x","点我")';
    roster[2][11] = "@SUM(A1)";
    const sheets = sampleSheets(roster);
    const rates = sheets[1].rows.map((r) => [...r]);
    rates[0][1] = '=W1&"一线"';
    sheets[1] = { ...sheets[1], rows: rates };
    await buildWorkbook(sheets).xlsx.writeFile(path.join(dir, "eq.xlsx"));
    const run = await runCli(["eq.xlsx", "--force"], dir);
    expect(run.code).toBe(0);
    const wb = await load(path.join(dir, "eq.经费分摊.xlsx"));
    const roster2 = wb.getWorksheet("花名册")!;
    expect([roster2.getCell("B3").type, roster2.getCell("B3").value]).toEqual([
      ExcelJS.ValueType.String,
      "=1+2",
    ]);
    expect([roster2.getCell("B4").type, roster2.getCell("B4").value]).toEqual([
      ExcelJS.ValueType.String,
      '=HYPERLINK("http://x","点我")',
    ]);
    expect(roster2.getCell("L5").value).toBe("@SUM(A1)");
    const alloc = wb.getWorksheet("经费分摊表")!;
    expect([alloc.getCell("B4").type, alloc.getCell("B4").value]).toEqual([
      ExcelJS.ValueType.String,
      '=W1&"一线"',
    ]);
    // A programme name with quotes is escaped inside the exact count's string literal.
    expect(formulaOf(alloc, "D4")).toMatch(
      /^MIN\(SUMPRODUCT\(--EXACT\('花名册'!\$H\$1:\$H\$\d+&"","W1"\)\)\+SUMPRODUCT\(--EXACT\('花名册'!\$H\$1:\$H\$\d+&"","=W1&""一线"""\)\),C4\)$/
    );
    // Evaluated, they are still the text. (The "==…" criterion is Excel's "equals =…"; HyperFormula
    // 3.5 reads "==" as one operator and cannot evaluate it, so D4 is not evaluated here.)
    const ev = await evaluateWorkbook(wb);
    expect(ev.value("花名册", "B3")).toBe("=1+2");
    expect(ev.value("花名册", "B4")).toBe('=HYPERLINK("http://x","点我")');
    expect(ev.value("经费分摊表", "B4")).toBe('=W1&"一线"');
    expect(ev.value("经费分摊表", "D5")).toBe(3);
  });
});

describe("the npm script path, as a real process", () => {
  const env = { ...process.env };
  delete env.INIT_CWD;

  it("node_modules/.bin/tsx src/cli/main.ts writes into the current folder and exits 0", () => {
    const dir = tmpDir();
    const before = sha256(SAMPLE);
    const p = spawnSync(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [path.join(ROOT, "src/cli/main.ts"), "--json", "r.json"],
      { cwd: dir, env, encoding: "utf8", timeout: 60000 }
    );
    expect(p.status).toBe(0);
    expect(p.stdout).toContain("132,093.34");
    expect(fs.readdirSync(dir).sort()).toEqual(["r.json", "sample-2024.经费分摊.xlsx"]);
    expect(
      JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8")).allocation.budget.difference
    ).toBe(-93.34);
    expect(sha256(SAMPLE)).toBe(before);
  });

  it("exit codes 1 and 2 reach the shell, with one line on stderr for 2", () => {
    const dir = tmpDir();
    copyInto(dir, path.join(ROOT, "assets/sample-2024-mistakes.xlsx"), "m.xlsx");
    const one = spawnSync(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [path.join(ROOT, "src/cli/main.ts"), "m.xlsx"],
      { cwd: dir, env, encoding: "utf8", timeout: 60000 }
    );
    expect(one.status).toBe(1);
    const two = spawnSync(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [path.join(ROOT, "src/cli/main.ts"), "missing.xlsx"],
      { cwd: dir, env, encoding: "utf8", timeout: 60000 }
    );
    expect(two.status).toBe(2);
    expect(two.stderr.trim().split("\n")).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(["m.xlsx"]);
  });

  it("npm run generate from another folder writes there (INIT_CWD)", () => {
    const dir = tmpDir();
    const p = spawnSync(
      "npm",
      ["--prefix", ROOT, "run", "--silent", "generate", "--", "--json", "r.json"],
      { cwd: dir, env, encoding: "utf8", timeout: 90000 }
    );
    expect(p.status).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(["r.json", "sample-2024.经费分摊.xlsx"]);
  });
});
