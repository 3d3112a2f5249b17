// The 经费分摊表 stays live: editing a share, the transport payer or the roster in the output and
// recalculating (HyperFormula here; LibreOffice in test/print/) gives what regenerating gives, and
// what the formulas cannot follow shows 请重新生成 in 核对 at once.
import * as fs from "fs";
import * as path from "path";
import type { RawCellContent } from "hyperformula";
import { analyse, planSheets } from "../../src/core/engine";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { evaluateWorkbook, EvaluatedWorkbook, HfValue } from "../helpers/hyperformula";

const TODAY = { y: 2024, m: 5, d: 1 };
const SAMPLE = path.resolve(__dirname, "../../assets/sample-2024.xlsx");
const RATES = "项目费率";
const SHEET = "经费分摊表";

async function output(): Promise<EvaluatedWorkbook> {
  const book = await XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE));
  const plans = planSheets(analyse(await book.readWorkbook(), { today: TODAY }));
  await book.writeSheets([plans.allocation!, plans.report]);
  return evaluateWorkbook(await book.toBuffer());
}

/** A cell of a sheet found by its row label (column A) and its header text. */
function finder(ev: EvaluatedWorkbook, sheet: string, headerRowLabel: string) {
  const values = ev.sheetValues(sheet);
  const h = values.findIndex((r) => r.includes(headerRowLabel));
  const heads = values[h];
  return {
    at(rowLabel: string, header: string): { row: number; col: number } {
      const row = values.findIndex((r, i) => i > h && r[0] === rowLabel);
      const col = heads.indexOf(header);
      if (row < 0 || col < 0) throw new Error(`${sheet}: no ${rowLabel} × ${header}`);
      return { row, col };
    },
  };
}

function edit(ev: EvaluatedWorkbook, code: string, header: string, v: RawCellContent): void {
  const { row, col } = finder(ev, RATES, "项目编号").at(code, header);
  ev.hf.setCellContents({ sheet: ev.hf.getSheetId(RATES)!, row, col }, v);
}

function shown(ev: EvaluatedWorkbook, code: string, header: string): HfValue {
  const { row, col } = finder(ev, SHEET, "项目编号").at(code, header);
  return ev.hf.getCellValue({ sheet: ev.hf.getSheetId(SHEET)!, row, col }) as HfValue;
}

const SHARES = ["省总工会承担", "市总工会承担", "高新区总工会承担"];
const split = (ev: EvaluatedWorkbook, code: string) => SHARES.map((h) => shown(ev, code, h));

describe("every share follows the rate sheet", () => {
  it("as generated: the seed's split, 核对 0 (shown as 一致)", async () => {
    const ev = await output();
    expect(split(ev, "W1")).toEqual([110000, 0, 40000]);
    expect(split(ev, "N1")).toEqual([41093.33, 41093.33, 41093.34]);
    expect(["W1", "W2", "W3", "W4", "N1", "合计"].map((c) => shown(ev, c, "核对"))).toEqual(
      Array(6).fill(0)
    );
  });

  it("W1 省总工会承担 2200 → 2100 and 市总工会承担 0 → 100: 105,000 / 5,000 / 40,000", async () => {
    const ev = await output();
    edit(ev, "W1", "省总工会承担", 2100);
    edit(ev, "W1", "市总工会承担", 100);
    expect(split(ev, "W1")).toEqual([105000, 5000, 40000]);
    expect(shown(ev, "W1", "核对")).toBe(0);
    expect(shown(ev, "合计", "省总工会承担")).toBe(274093.33);
  });

  it("N1 1/3 → 50% / 25% / 其余 (typed as text): 61,640 / 30,820 / 30,820", async () => {
    const ev = await output();
    edit(ev, "N1", "省总工会承担", "'50%");
    edit(ev, "N1", "市总工会承担", "'25%");
    edit(ev, "N1", "高新区总工会承担", "'其余");
    expect(split(ev, "N1")).toEqual([61640, 30820, 30820]);
    expect(shown(ev, "N1", "核对")).toBe(0);
  });

  it("N1 as numbers 0.5 / 0.25 and the own union's 1/4 typed as a fraction: the same split", async () => {
    const ev = await output();
    edit(ev, "N1", "省总工会承担", 0.5);
    edit(ev, "N1", "市总工会承担", 0.25);
    edit(ev, "N1", "高新区总工会承担", "'1/4");
    expect(split(ev, "N1")).toEqual([61640, 30820, 30820]);
  });

  it("全额 and blank: W1 all to 省总工会", async () => {
    const ev = await output();
    edit(ev, "W1", "省总工会承担", "'全额");
    edit(ev, "W1", "高新区总工会承担", null);
    expect(split(ev, "W1")).toEqual([150000, 0, 0]);
    expect(shown(ev, "W1", "核对")).toBe(0);
  });

  it("shares that no longer add up: 请重新生成 on the row and in the totals", async () => {
    const ev = await output();
    edit(ev, "W1", "省总工会承担", 2100);
    expect(split(ev, "W1")).toEqual([105000, 0, 40000]);
    expect(shown(ev, "W1", "核对")).toBe("请重新生成");
    expect(shown(ev, "合计", "核对")).toBe("请重新生成");
  });

  it("其余 moved to a payer whose cell does not take the rest: 请重新生成", async () => {
    const ev = await output();
    edit(ev, "N1", "省总工会承担", "'其余");
    edit(ev, "N1", "高新区总工会承担", "'1/3");
    expect(shown(ev, "N1", "核对")).toBe("请重新生成");
  });

  it("the transport payer is a reference: W1's 4,000 moves to 市总工会", async () => {
    const ev = await output();
    const own = finder(ev, SHEET, "项目编号").at("W1", "高新区总工会合计");
    const sheet = ev.hf.getSheetId(SHEET)!;
    expect(ev.hf.getCellValue({ sheet, ...own })).toBe(44000);
    edit(ev, "W1", "交通费承担方", "'市总工会");
    expect(shown(ev, "W1", "交通费承担方")).toBe("市总工会");
    expect(ev.hf.getCellValue({ sheet, ...own })).toBe(40000);
    const values = ev.sheetValues(SHEET);
    const withTransport = values.find((r) => r[0] === "各方承担合计（含往返交通费）")!;
    const heads = values.find((r) => r.includes("项目编号"))!;
    expect(withTransport[heads.indexOf("市总工会承担")]).toBe(41093.33 + 4000);
    expect(shown(ev, "合计", "核对")).toBe(0);
  });

  it("a payer name no column has: the transport is counted nowhere, 请重新生成 below the totals", async () => {
    const ev = await output();
    edit(ev, "W1", "交通费承担方", "'区财政");
    const values = ev.sheetValues(SHEET);
    const heads = values.find((r) => r.includes("项目编号"))!;
    const row = values.find((r) => r[0] === "各方承担合计（含往返交通费）")!;
    expect(row[heads.indexOf("核对")]).toBe("请重新生成");
  });
});
