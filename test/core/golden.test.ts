// The golden test: the shipped sample gives exactly the seed's table, to the fen
// (docs/DOMAIN.md §2).
import * as fs from "fs";
import * as path from "path";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { analyse, toReportJson } from "../../src/core/engine";

const SAMPLE = path.resolve(__dirname, "../../assets/sample-2024.xlsx");

describe("the 2024 sample workbook", () => {
  it("reproduces the seed's golden figures and the −93.34 budget gap", async () => {
    const book = await XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE));
    const a = analyse(await book.readWorkbook(), { today: { y: 2024, m: 5, d: 1 } });
    const r = toReportJson(a);
    expect(a.errorCount).toBe(0);
    expect(r.issues.map((i) => i.code)).toEqual(["BUDGET_EXCEEDED"]);
    const al = r.allocation!;
    expect(al.ownUnion).toBe("高新区总工会");
    const byCode = Object.fromEntries(al.programs.map((p) => [p.code, p]));
    expect(byCode.W1).toMatchObject({
      headcount: 50,
      cost: 150000,
      transport: 4000,
      shares: { 省总工会: 110000, 市总工会: 0, 高新区总工会: 40000 },
    });
    expect(byCode.W2).toMatchObject({
      headcount: 3,
      cost: 9000,
      shares: { 省总工会: 9000, 市总工会: 0, 高新区总工会: 0 },
    });
    expect(byCode.W3).toMatchObject({
      headcount: 50,
      cost: 150000,
      transport: 4000,
      shares: { 省总工会: 110000, 高新区总工会: 40000 },
    });
    expect(byCode.W4).toMatchObject({ headcount: 2, cost: 9000, shares: { 省总工会: 9000 } });
    expect(byCode.N1).toMatchObject({
      headcount: 46,
      cost: 123280,
      transport: 3000,
      shares: { 省总工会: 41093.33, 市总工会: 41093.33, 高新区总工会: 41093.34 },
    });
    expect(al.totals).toEqual({
      cost: 441280,
      transport: 11000,
      byPayer: { 省总工会: 279093.33, 市总工会: 41093.33, 高新区总工会: 132093.34 },
    });
    expect(al.budget).toEqual({
      sources: [
        { name: "高新区财政年初预算", amount: 64000 },
        { name: "高新区总工会本级支出", amount: 68000 },
      ],
      total: 132000,
      difference: -93.34,
    });
  });
});
