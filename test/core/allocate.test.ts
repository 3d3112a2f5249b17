// The allocation in integer fen and the remainder rule (docs/DOMAIN.md §2): each programme × payer
// cell is rounded to the fen; the payer marked 其余 — else the own union — takes the rounding
// remainder, so the shares of a programme add up to its cost exactly.
import type { Cell } from "../../src/core/types";
import {
  book,
  budgetSheet,
  person,
  rateRows,
  ratesSheet,
  rosterSheet,
  rows,
  run,
} from "../helpers/books";

function n1With(shares: Cell[], people = 46, payersHeader?: string[]) {
  const r = rateRows();
  [r[4][8], r[4][9], r[4][10]] = shares;
  const roster = rows(Array.from({ length: people }, () => person("N1")));
  const header = payersHeader
    ? [
        "项目编号",
        "项目名称",
        "类型",
        "疗养地点",
        "开始日期",
        "结束日期",
        "名额",
        "人均标准（元）",
        ...payersHeader,
        "往返交通费（元）",
        "交通费承担方",
        "参加对象",
        "优先对象",
        "须为会员",
      ]
    : undefined;
  const a = run(book(rosterSheet(roster), ratesSheet(r, header ? { header } : {}), budgetSheet()), {
    nearRetirementMonths: 24,
  });
  const n1 = a.allocation!.programs.find((p) => p.program.code === "N1")!;
  return {
    a,
    n1,
    fen: Object.fromEntries(n1.shares.map((s) => [s.payer, s.fen])),
    remainder: n1.shares.find((s) => s.remainder)?.payer ?? null,
  };
}

describe("the remainder rule on N1 (46 × 2680 = 123,280.00)", () => {
  it("1/3, 1/3, 其余 → 41,093.33 / 41,093.33 / 41,093.34 (其余 takes the remainder)", () => {
    const { fen, remainder, n1 } = n1With(["1/3", "1/3", "其余"]);
    expect(n1.costFen).toBe(12328000n);
    expect(fen).toEqual({ 省总工会: 4109333n, 市总工会: 4109333n, 高新区总工会: 4109334n });
    expect(remainder).toBe("高新区总工会");
  });
  it("1/3 × 3 without 其余 gives the same: the own union takes the remainder", () => {
    const { fen, remainder, a } = n1With(["1/3", "1/3", "1/3"]);
    expect(a.errorCount).toBe(0);
    expect(fen).toEqual({ 省总工会: 4109333n, 市总工会: 4109333n, 高新区总工会: 4109334n });
    expect(remainder).toBe("高新区总工会");
  });
  it("其余 elsewhere: the remainder goes where 其余 is written, not to the own union", () => {
    const { fen, remainder } = n1With(["其余", "1/3", "1/3"]);
    expect(fen).toEqual({ 省总工会: 4109334n, 市总工会: 4109333n, 高新区总工会: 4109333n });
    expect(remainder).toBe("省总工会");
  });
  it("the shares of every headcount 0..200 add up to the cost exactly", () => {
    for (const shares of [
      ["1/3", "1/3", "其余"],
      ["1/3", "1/3", "1/3"],
      ["1/6", "2/3", "1/6"],
      ["1/7", "2/7", "其余"],
    ] as Cell[][]) {
      const r = rateRows();
      [r[4][8], r[4][9], r[4][10]] = shares;
      r[4][7] = 2680.01;
      // 名额 above every headcount tried: the headcount is capped by it (MIN(count, 名额)).
      r[4][6] = 200;
      const rates = ratesSheet(r);
      for (let n = 0; n <= 200; n += 7) {
        const a = run(
          book(
            rosterSheet(
              rows(
                Array.from({ length: n }, () => ({
                  姓名: "某",
                  身份证号: null,
                  工作单位: "u",
                  是否会员: "是",
                  人员类别: "在职职工会员",
                  疗休养项目: "N1",
                }))
              )
            ),
            rates
          )
        );
        const n1 = a.allocation!.programs[4];
        expect(n1.headcount).toBe(n);
        expect(n1.shares.reduce((s, x) => s + x.fen, 0n)).toBe(n1.costFen);
        expect(n1.costFen).toBe(BigInt(n) * 268001n);
      }
    }
  });
});

describe("payers", () => {
  it("fixed amounts are per person × headcount, with no remainder", () => {
    const a = run(
      book(
        rosterSheet(rows(Array.from({ length: 7 }, () => person("W1")))),
        ratesSheet(),
        budgetSheet()
      )
    );
    const w1 = a.allocation!.programs[0];
    expect(w1.shares.map((s) => [s.payer, s.fen, s.remainder])).toEqual([
      ["省总工会", 1540000n, false],
      ["市总工会", 0n, false],
      ["高新区总工会", 560000n, false],
    ]);
  });
  it("全额 is the whole cost", () => {
    const a = run(
      book(rosterSheet(rows([person("W4"), person("W4")])), ratesSheet(), budgetSheet())
    );
    expect(a.allocation!.programs[3].shares.map((s) => s.fen)).toEqual([900000n, 0n, 0n]);
  });
  it("a programme nobody signed up for costs 0 and still has its row", () => {
    const a = run(book(rosterSheet(rows([person("W1")])), ratesSheet(), budgetSheet()));
    expect(a.allocation!.programs.map((p) => [p.program.code, p.headcount, p.costFen])).toEqual([
      ["W1", 1, 300000n],
      ["W2", 0, 0n],
      ["W3", 0, 0n],
      ["W4", 0, 0n],
      ["N1", 0, 0n],
    ]);
  });
  it("byPayer includes the transport each body pays; totals are sums of the rounded cells", () => {
    const a = run(
      book(rosterSheet(rows([person("W1"), person("N1")])), ratesSheet(), budgetSheet())
    );
    const al = a.allocation!;
    // W1: 2200/0/800 + transport 4000 to 高新区; N1 one person: 893.33/893.33/893.34 + 3000.
    expect(Object.fromEntries(al.sharesByPayer)).toEqual({
      省总工会: 220000n + 89333n,
      市总工会: 89333n,
      高新区总工会: 80000n + 89334n,
    });
    expect(Object.fromEntries(al.byPayer)).toEqual({
      省总工会: 309333n,
      市总工会: 89333n,
      高新区总工会: 169334n + 400000n + 300000n + 400000n,
    });
    expect(al.ownTotalFen).toBe(al.byPayer.get("高新区总工会"));
    expect(al.budget!.differenceFen).toBe(13200000n - al.ownTotalFen);
  });
  it("the own union can be named explicitly", () => {
    const a = run(book(rosterSheet(rows([person("W1")])), ratesSheet(), budgetSheet()), {
      ownUnion: "市总工会",
    });
    expect(a.allocation!.ownUnion).toBe("市总工会");
  });
});
