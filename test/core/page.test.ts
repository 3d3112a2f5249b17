// How the sheets print (src/core/plan/page.ts): widths from the longest formatted value, so no
// cell shows ### — up to 100,000 people at 10,000 元 each.
import { fitWidths, formattedText, pageSetup } from "../../src/core/plan/page";
import { visualWidth } from "../../src/core/plan";
import { planSheets } from "../../src/core/engine";
import { run, sampleBook } from "../helpers/books";
import fc from "fast-check";
import { makeIssue } from "../../src/core/issues";
import { planReport } from "../../src/core/plan/report";

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

  it("a cell shared by many rows is measured as each row shows it (format and wrapping)", () => {
    const shared = { number: 1234567.5 };
    const rows = [[shared], [shared], [shared], [{ text: "x" }], [shared]];
    const fmt = (r: number) => (r === 1 || r === 4 ? "#,##0.00" : "0");
    // Plain, the shared figure is "1234568" (7); as "#,##0.00" it is "1,234,567.50" (12),
    // halved on the wrapped row 1 to 6, full on row 4: 12 × 1.15 → 14, plus 2.
    const wrap = new Set([1]);
    expect(fitWidths(rows, 1, fmt, { wrapRows: wrap, min: 1 })).toEqual([16]);
    // Without row 4 the widest is the plain 7: 7 × 1.15 → 9, plus 2.
    expect(fitWidths(rows.slice(0, 4), 1, fmt, { wrapRows: wrap, min: 1 })).toEqual([11]);
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

describe("visualWidth", () => {
  // The definition it replaced: a character counts 2 when any of its UTF-16 units is in
  // U+2E80–U+FFEF (so characters beyond the BMP count 2 too).
  const reference = (s: string) => {
    let w = 0;
    for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
    return w;
  };
  it("counts CJK, full-width forms and characters beyond the BMP as 2", () => {
    expect(visualWidth("ab张三（）😀")).toBe(2 + 4 + 4 + 2);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => visualWidth(s) === reference(s)),
      { numRuns: 500 }
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => visualWidth(s) === reference(s)),
      { numRuns: 500 }
    );
  });
});

describe("the 校验结果 rows as tall as their wrapped 说明", () => {
  it("a note longer than the column gets one line's height per line; short ones none", () => {
    const long =
      "人员类别“退休职工”不在“一线职工疗休养”的参加对象（企业一线职工、事业单位干部职工、机关干部职工、社会组织干部职工）之内。";
    const issues = [
      makeIssue("NOT_ELIGIBLE", "花名册", long, { row: 5, col: 7, column: "人员类别" }),
      makeIssue("ID_CHECKSUM", "花名册", "身份证号校验位错误。", {
        row: 6,
        col: 4,
        column: "身份证号",
      }),
    ];
    const plan = planReport(issues, {
      year: 2024,
      ownUnion: "高新区总工会",
      rosters: [{ sheet: "花名册", programCol: 8 }],
      errorCount: 2,
      warningCount: 0,
    });
    expect(plan.rowHeights).toEqual([{ row: 3, height: 30 }]);
  });
});
