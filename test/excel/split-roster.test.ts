// The Excel host, inside the strict Excel double, on the sample with its roster split over
// several sheets: 经费分摊表's formulas, recalculated by the double (HyperFormula), give the
// seed's figures, and a duplicate across two sheets is marked on both cells.
import * as host from "../../src/excel";
import { doubleFromXlsx } from "../../src/testing/excel-double/fromXlsx";
import type { ExcelDouble } from "../../src/testing/excel-double";
import { buildWorkbook } from "../../scripts/book-spec";
import { splitSampleSheets, RosterSplit } from "../../scripts/make-samples";
import { sampleRoster } from "../../scripts/sample-data";
import type { Cell } from "../../src/core/types";
import { OPTIONS, rowOf } from "./helpers";

let d: ExcelDouble | null = null;
afterEach(() => {
  d?.uninstallGlobals();
  d = null;
});

async function openSplit(by: RosterSplit, roster: Cell[][] = sampleRoster()) {
  const buf = await buildWorkbook(splitSampleSheets(roster, by)).xlsx.writeBuffer();
  d = await doubleFromXlsx(Buffer.from(buf));
  d.installGlobals();
  return d;
}

describe.each(["scope", "unit"] as const)("a roster split per %s", (by) => {
  it("generates 经费分摊表 whose recalculated formulas give the seed's figures", async () => {
    const dbl = await openSplit(by);
    const detected = await host.detectWorkbookSheets();
    const rosterNames = detected.sheets.filter((n) => n !== "项目费率" && n !== "预算");
    expect(detected.mapping.roster).toEqual(rosterNames);
    const r = await host.generate(OPTIONS, { force: false });
    expect(r.blocked).toBe(false);
    const v = dbl.values("经费分摊表");
    const header = v[2] as string[];
    const col = (h: string) => header.indexOf(h);
    expect(["W1", "W2", "W3", "W4", "N1"].map((c) => rowOf(v, c)[col("人数")])).toEqual([
      50, 3, 50, 2, 46,
    ]);
    const n1 = rowOf(v, "N1");
    expect([n1[col("省总工会承担")], n1[col("市总工会承担")], n1[col("高新区总工会承担")]]).toEqual(
      [41093.33, 41093.33, 41093.34]
    );
    expect(rowOf(v, "合计")[col("费用合计")]).toBe(441280);
    expect(rowOf(v, "高新区总工会承担合计")[2]).toBe(132093.34);
    expect(rowOf(v, "差额（来源－承担，负数为超支）")[2]).toBe(-93.34);
    const f = dbl.snapshot("经费分摊表").formulas;
    const n1Row = v.findIndex((row) => row[0] === "N1");
    for (const name of rosterNames) expect(f[n1Row][col("人数")]).toContain(`'${name}'!$H$1:$H$`);
  });
});

it("a duplicate across two sheets is marked on both cells", async () => {
  const roster = sampleRoster();
  const n1 = roster.findIndex((r) => r[7] === "N1");
  roster[n1][3] = roster[0][3];
  const dbl = await openSplit("scope", roster);
  const a = await host.validate(OPTIONS);
  expect(
    a.issues.filter((i) => i.code === "DUPLICATE_ID").map((i) => `${i.sheet}!${i.row}`)
  ).toEqual(["市外花名册!3", "市内花名册!3"]);
  expect(dbl.snapshot("市外花名册").marks[2][3]).toBe("error");
  expect(dbl.snapshot("市内花名册").marks[2][3]).toBe("error");
});
