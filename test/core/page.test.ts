// How the sheets print (src/core/plan/page.ts): widths from the longest formatted value, so no
// cell shows ### — up to 100,000 people at 10,000 元 each.
import { fitWidths, formattedText, pageSetup } from "../../src/core/plan/page";
import { visualWidth } from "../../src/core/plan";
import { planSheets } from "../../src/core/engine";
import { run, sampleBook } from "../helpers/books";

describe("widths fit the longest formatted value", () => {
  it("formats as the sheet shows: thousands, two decimals, 万元", () => {
    expect(formattedText(1e9, "#,##0.00")).toBe("1,000,000,000.00");
    expect(formattedText(-93.34, "#,##0.00")).toBe("-93.34");
    expect(formattedText(13.209334, "0.00")).toBe("13.21");
    expect(formattedText(151, "0")).toBe("151");
    expect(formattedText("高新区总工会", undefined)).toBe("高新区总工会");
  });

  it("CJK characters count double; skipped and wrapped cells do not widen a column", () => {
    const w = fitWidths(
      [[{ text: "很长很长的标题不算" }], [{ text: "表头两行" }], [{ text: "ab" }]],
      1,
      () => undefined,
      { skip: (r) => r === 0, wrapRows: new Set([1]), min: 1 }
    );
    // "表头两行" is 8 wide, halved to 4; "ab" is 2: 4 × 1.15 → 5, plus 2.
    expect(w).toEqual([7]);
  });

  it("经费分摊表: every money column fits 1,000,000,000.00 and every count 100,000", () => {
    const plan = planSheets(run(sampleBook())).allocation!;
    const heads = plan.cells[2].map((c) => (c && "text" in c ? c.text : ""));
    const need = visualWidth("1,000,000,000.00");
    for (const h of ["费用合计", "省总工会承担", "市总工会承担", "高新区总工会承担", "往返交通费"])
      expect([h, plan.widths[heads.indexOf(h)] >= need]).toEqual([h, true]);
    for (const h of ["名额", "人数"])
      expect([h, plan.widths[heads.indexOf(h)] >= "100000".length]).toEqual([h, true]);
    expect(plan.widths[heads.indexOf("核对")]).toBeGreaterThanOrEqual(visualWidth("请重新生成"));
    expect(plan.page).toEqual(pageSetup("1:3"));
    expect(plan.page).toMatchObject({ paper: "A4", orientation: "landscape", fitWidth: 1 });
  });
});
