// Share cells and money: amounts, fractions, percentages, 全额, 其余, blanks, number formats,
// and what cannot be read (RATE_INVALID).
import { numberToFen, parseFen, parseShare, roundDiv, formatYuan } from "../../src/core/money";
import {
  book,
  budgetSheet,
  issuesOf,
  person,
  rateRows,
  ratesSheet,
  rosterSheet,
  rows,
  run,
} from "../helpers/books";

const spec = (c: Parameters<typeof parseShare>[0], fmt = "") => {
  const r = parseShare(c, fmt);
  return r.ok ? r.spec : { invalid: r.reason };
};

describe("a share cell", () => {
  it("an amount per person: number or text, with thousands separators or 元", () => {
    expect(spec(2200)).toEqual({ kind: "amount", fen: 220000n });
    expect(spec("2,200元")).toEqual({ kind: "amount", fen: 220000n });
    expect(spec("￥2200.50")).toEqual({ kind: "amount", fen: 220050n });
    expect(spec(2200.1)).toEqual({ kind: "amount", fen: 220010n });
    expect(spec("２２００")).toEqual({ kind: "amount", fen: 220000n });
  });
  it("a fraction typed as text: 1/3, 2/3, 1/4", () => {
    expect(spec("1/3")).toEqual({ kind: "ratio", num: 1n, den: 3n, percent: false });
    expect(spec(" 2/3 ")).toEqual({ kind: "ratio", num: 2n, den: 3n, percent: false });
    expect(spec("１／４")).toEqual({ kind: "ratio", num: 1n, den: 4n, percent: false });
  });
  it("a percentage typed as text: 50%, 33.5%, and 100% is the whole", () => {
    expect(spec("50%")).toEqual({ kind: "ratio", num: 50n, den: 100n, percent: true });
    expect(spec("33.5%")).toEqual({ kind: "ratio", num: 335n, den: 1000n, percent: true });
    expect(spec("100%")).toEqual({ kind: "full" });
  });
  it("全额, 其余 and blank", () => {
    expect(spec("全额")).toEqual({ kind: "full" });
    expect(spec("其余")).toEqual({ kind: "rest" });
    expect(spec(" 剩余 ")).toEqual({ kind: "rest" });
    expect(spec(null)).toEqual({ kind: "zero" });
    expect(spec("")).toEqual({ kind: "zero" });
    expect(spec(0)).toEqual({ kind: "zero" });
    expect(spec("-")).toEqual({ kind: "zero" });
  });
  it("a number formatted as a percentage is a ratio (0.5 shown as 50%)", () => {
    expect(spec(0.5, "0%")).toEqual({ kind: "ratio", num: 1n, den: 2n, percent: true });
    expect(spec(0.25, "0.00%")).toEqual({ kind: "ratio", num: 1n, den: 4n, percent: true });
    expect(spec(1, "0%")).toEqual({ kind: "ratio", num: 1n, den: 1n, percent: true });
  });
  it("a number formatted as a fraction is the exact fraction (=1/3 shown as 1/3)", () => {
    expect(spec(1 / 3, "# ?/?")).toEqual({ kind: "ratio", num: 1n, den: 3n, percent: false });
    expect(spec(1 / 6, "# ??/??")).toEqual({ kind: "ratio", num: 1n, den: 6n, percent: false });
  });
  it("a bare number between 0 and 1 is a ratio (no one pays 0.25 元 a head)", () => {
    expect(spec(0.25)).toEqual({ kind: "ratio", num: 1n, den: 4n, percent: false });
    expect(spec(2 / 3)).toEqual({ kind: "ratio", num: 2n, den: 3n, percent: false });
  });
  it("cannot be read: 1/0, abc, -3000, 110%, 4/3, TRUE", () => {
    expect(spec("1/0")).toEqual({ invalid: "分母为0" });
    expect(spec("abc")).toMatchObject({ invalid: expect.stringContaining("无法识别") });
    expect(spec(-3000)).toEqual({ invalid: "不能为负数" });
    expect(spec("-3000")).toEqual({ invalid: "不能为负数" });
    expect(spec("110%")).toEqual({ invalid: "比例超过100%" });
    expect(spec(1.1, "0%")).toEqual({ invalid: "比例超过100%" });
    expect(spec("4/3")).toEqual({ invalid: "比例超过全额" });
    expect(spec(true)).toMatchObject({ invalid: expect.any(String) });
  });
});

describe("RATE_INVALID on the rate sheet, one per unreadable cell", () => {
  it("names each cell: 1/0 at I7, abc at J7, -3000 at I3, 110% at I4", () => {
    const r = rateRows();
    r[4][8] = "1/0"; // N1 省总 (sheet row 7, column I)
    r[4][9] = "abc"; // N1 市总 (J7)
    r[0][8] = -3000; // W1 省总 (I3)
    r[1][8] = "110%"; // W2 省总 (I4)
    const a = run(book(rosterSheet(rows([person("W1")])), ratesSheet(r), budgetSheet()));
    expect(issuesOf(a, "RATE_INVALID").map((i) => [i.cell, i.column])).toEqual([
      ["I3", "省总工会承担"],
      ["I4", "省总工会承担"],
      ["I7", "省总工会承担"],
      ["J7", "市总工会承担"],
    ]);
    // An unreadable programme is not also reported as a mismatch.
    expect(issuesOf(a, "RATE_SHARES_MISMATCH")).toEqual([]);
  });
  it("two 其余 in one programme: the second is invalid", () => {
    const r = rateRows();
    r[4][9] = "其余"; // N1: 1/3, 其余, 其余
    const a = run(book(rosterSheet(rows([person("N1")])), ratesSheet(r), budgetSheet()));
    expect(issuesOf(a, "RATE_INVALID").map((i) => i.cell)).toEqual(["K7"]);
  });
  it("a per-person cost that is not money", () => {
    const r = rateRows();
    r[0][7] = "三千";
    const a = run(book(rosterSheet(rows([person("W1")])), ratesSheet(r), budgetSheet()));
    expect(issuesOf(a, "RATE_INVALID")).toEqual([
      {
        severity: "error",
        code: "RATE_INVALID",
        sheet: "项目费率",
        row: 3,
        column: "人均标准（元）",
        cell: "H3",
      },
    ]);
  });
});

describe("shares must add up to the per-person cost", () => {
  const withN1 = (
    a: string | number | null,
    b: string | number | null,
    c: string | number | null
  ) => {
    const r = rateRows();
    [r[4][8], r[4][9], r[4][10]] = [a, b, c];
    return run(book(rosterSheet(rows([person("N1")])), ratesSheet(r), budgetSheet()));
  };
  it.each([
    ["1/3", "1/3", "其余"],
    ["1/3", "1/3", "1/3"],
    ["50%", "1/4", "25%"],
    [1000, "50%", 340],
    ["全额", null, null],
    [2680, null, null],
    ["1/6", "1/2", "其余"],
    [null, null, "其余"],
  ])("%s + %s + %s adds up", (a, b, c) => {
    expect(withN1(a, b, c).issues).toEqual([]);
  });
  it.each([
    ["1/3", "1/3", null],
    ["50%", "60%", "其余"],
    [2000, 1000, null],
    ["全额", 100, null],
    ["1/4", "1/4", "1/4"],
  ])("%s + %s + %s does not (RATE_SHARES_MISMATCH on I7)", (a, b, c) => {
    expect(issuesOf(withN1(a, b, c), "RATE_SHARES_MISMATCH").map((i) => i.cell)).toEqual(["I7"]);
  });
});

describe("money helpers", () => {
  it("parseFen reads 元 into integer fen, half away from zero past the fen", () => {
    expect(parseFen("64,000")).toBe(6400000n);
    expect(parseFen("0.005")).toBe(1n);
    expect(parseFen("-0.005")).toBe(-1n);
    expect(parseFen("12.3")).toBe(1230n);
    expect(parseFen("abc")).toBeNull();
    expect(parseFen(true)).toBeNull();
  });
  it("numbers are read as Excel rounds them, on their 15 significant digits", () => {
    expect(numberToFen(2200.1)).toBe(220010n); // stored as 2200.0999…
    expect(numberToFen(617.285)).toBe(61729n); // stored as 617.28499…; Excel's ROUND gives 617.29
    expect(numberToFen(-617.285)).toBe(-61729n);
    expect(numberToFen(1.005)).toBe(101n);
    expect(numberToFen(0.125)).toBe(13n);
    expect(numberToFen(1e16)).toBe(1000000000000000000n);
    expect(numberToFen(Infinity)).toBeNull();
  });
  it("roundDiv rounds half away from zero, like Excel's ROUND", () => {
    expect(roundDiv(5n, 2n)).toBe(3n);
    expect(roundDiv(-5n, 2n)).toBe(-3n);
    expect(roundDiv(7n, 3n)).toBe(2n);
    expect(roundDiv(8n, 3n)).toBe(3n);
    expect(roundDiv(5n, -2n)).toBe(-3n);
  });
  it("formatYuan shows separators and two decimals", () => {
    expect(formatYuan(13209334n)).toBe("132,093.34");
    expect(formatYuan(-9334n)).toBe("-93.34");
    expect(formatYuan(5n)).toBe("0.05");
  });
});

describe("budget sources", () => {
  it("amounts in 万元 keep all four decimals (1.2345 万元 is 12,345.00 元), as numbers or text", () => {
    const a = run(
      book(
        rosterSheet(rows([person("W1")])),
        ratesSheet(),
        budgetSheet(
          [
            ["财政预算", 1.2345],
            ["本级支出", "2.5678"],
            ["其他", "0.000001"],
          ],
          { header: ["资金来源", "金额（万元）"] }
        )
      )
    );
    expect(a.allocation!.budget!.sources.map((s) => [s.name, s.fen, s.tenThousand])).toEqual([
      ["财政预算", 1234500n, true],
      ["本级支出", 2567800n, true],
      ["其他", 1n, true],
    ]);
  });
  it("amounts in 元 with separators and 元", () => {
    const a = run(
      book(
        rosterSheet(rows([person("W1")])),
        ratesSheet(),
        budgetSheet([
          ["财政预算", "64,000元"],
          ["本级支出", 68000.5],
        ])
      )
    );
    expect(a.allocation!.budget!.totalFen).toBe(13200050n);
  });
});
