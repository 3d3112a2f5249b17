// Every issue code of docs/DOMAIN.md §4, each produced by a small input and asserted with its code,
// severity, sheet, row, column and cell. Roster layout as in the sample: title row 1, header
// row 2, people from row 3; columns A 序号 B 姓名 C 性别 D 身份证号 E 工作单位 F 是否会员
// G 人员类别 H 疗休养项目 I 批次 J 疗休养日期 K 联系电话 L 备注.
import type { IssueCode } from "../../src/core/types";
import { SEVERITY } from "../../src/core/messages";
import { a1 } from "../../src/core/a1";
import {
  book,
  bookOf,
  budgetSheet,
  sheet,
  historySheet,
  issuesOf,
  person,
  rateRows,
  ratesSheet,
  rosterSheet,
  rows,
  run,
  sampleBook,
  serial,
  validId,
  RATE_HEADER,
  ROSTER_HEADER,
} from "../helpers/books";

const ALL_CODES: IssueCode[] = [
  "SHEET_MISSING",
  "HEADER_MISSING",
  "MISSING_REQUIRED",
  "ID_FORMAT",
  "ID_CHECKSUM",
  "ID_BIRTHDATE",
  "ID_NUMERIC_PRECISION",
  "ID_15_DIGIT",
  "DUPLICATE_ID",
  "DUPLICATE_HISTORY",
  "POSSIBLE_DUPLICATE",
  "UNKNOWN_PROGRAM",
  "NOT_ELIGIBLE",
  "NOT_MEMBER",
  "QUOTA_EXCEEDED",
  "DATE_OUTSIDE_WINDOW",
  "RETIRED",
  "GENDER_MISMATCH",
  "PHONE_FORMAT",
  "RATE_INVALID",
  "RATE_SHARES_MISMATCH",
  "BUDGET_EXCEEDED",
  "RATE_OVER_CAP",
  "ANNUAL_CAP_EXCEEDED",
  "RULE_INVALID",
  "ROSTER_SHEET_UNUSED",
  "RATE_DATE",
  "FORMULA_NO_VALUE",
];

const produced = new Set<IssueCode>();

const codesOf = (a: ReturnType<typeof run>, code: IssueCode) => {
  const found = issuesOf(a, code);
  if (found.length > 0) produced.add(code);
  return found;
};

const roster = (
  severity: "error" | "warning",
  code: IssueCode,
  row: number,
  column: string,
  col: string
) => ({
  severity,
  code,
  sheet: "花名册",
  row,
  column,
  cell: col + row,
});

describe("the severities are the contract's", () => {
  it("matches docs/DOMAIN.md §4 for all 27 codes", () => {
    const warnings = ALL_CODES.filter((c) => SEVERITY[c] === "warning").sort();
    expect(warnings).toEqual([
      "ANNUAL_CAP_EXCEEDED",
      "BUDGET_EXCEEDED",
      "GENDER_MISMATCH",
      "ID_15_DIGIT",
      "PHONE_FORMAT",
      "POSSIBLE_DUPLICATE",
      "RETIRED",
      "ROSTER_SHEET_UNUSED",
    ]);
    expect(Object.keys(SEVERITY).sort()).toEqual([...ALL_CODES].sort());
  });
});

describe("SHEET_MISSING: a required sheet is not found", () => {
  it("flags a missing rate sheet", () => {
    const a = run(book(rosterSheet(rows([person("W1")]))));
    expect(codesOf(a, "SHEET_MISSING")).toEqual([
      {
        severity: "error",
        code: "SHEET_MISSING",
        sheet: "项目费率",
        row: undefined,
        column: undefined,
        cell: undefined,
      },
    ]);
    expect(a.allocation).toBeNull();
  });
  it("flags a missing roster", () => {
    const a = run(book(ratesSheet(), budgetSheet()));
    expect(codesOf(a, "SHEET_MISSING")).toEqual([
      {
        severity: "error",
        code: "SHEET_MISSING",
        sheet: "花名册",
        row: undefined,
        column: undefined,
        cell: undefined,
      },
    ]);
  });
});

describe("HEADER_MISSING: a required column is not found", () => {
  it("names the missing roster column, without a row or cell", () => {
    const header = ROSTER_HEADER.filter((h) => h !== "工作单位");
    const people = [person("W1")];
    const a = run(book(rosterSheet(rows(people, header), { header }), ratesSheet(), budgetSheet()));
    expect(codesOf(a, "HEADER_MISSING")).toEqual([
      {
        severity: "error",
        code: "HEADER_MISSING",
        sheet: "花名册",
        row: undefined,
        column: "工作单位",
        cell: undefined,
      },
    ]);
  });
  it("names the missing rate column 名额", () => {
    const header = RATE_HEADER.filter((h) => h !== "名额");
    const data = rateRows().map((r) => r.filter((_, i) => RATE_HEADER[i] !== "名额"));
    const a = run(
      book(rosterSheet(rows([person("W1")])), ratesSheet(data, { header }), budgetSheet())
    );
    expect(codesOf(a, "HEADER_MISSING")).toEqual([
      {
        severity: "error",
        code: "HEADER_MISSING",
        sheet: "项目费率",
        row: undefined,
        column: "名额",
        cell: undefined,
      },
    ]);
  });
});

describe("MISSING_REQUIRED: a required cell is blank", () => {
  it("flags a blank 姓名 at B3 and a blank 是否会员 at F4", () => {
    const a = run(bookOf([person("W1", { 姓名: "" }), person("W1", { 是否会员: null })]));
    expect(codesOf(a, "MISSING_REQUIRED")).toEqual([
      roster("error", "MISSING_REQUIRED", 3, "姓名", "B"),
      roster("error", "MISSING_REQUIRED", 4, "是否会员", "F"),
    ]);
  });
  it("a cell of spaces counts as blank", () => {
    const a = run(bookOf([person("W1", { 工作单位: " \u3000 " })]));
    expect(codesOf(a, "MISSING_REQUIRED")).toEqual([
      roster("error", "MISSING_REQUIRED", 3, "工作单位", "E"),
    ]);
  });
});

describe("ID checks", () => {
  it("ID_FORMAT: 17 characters", () => {
    const a = run(bookOf([person("W1"), person("W1", { 身份证号: "53040219850101123" })]));
    expect(codesOf(a, "ID_FORMAT")).toEqual([roster("error", "ID_FORMAT", 4, "身份证号", "D")]);
  });
  it("ID_CHECKSUM: a wrong check digit", () => {
    const good = validId({ y: 1985, m: 3, d: 14 });
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const a = run(bookOf([person("W1", { 身份证号: bad })]));
    expect(codesOf(a, "ID_CHECKSUM")).toEqual([roster("error", "ID_CHECKSUM", 3, "身份证号", "D")]);
    expect(a.issues.find((i) => i.code === "ID_CHECKSUM")!.message).toContain(`应为“${good[17]}”`);
  });
  it("ID_BIRTHDATE: 30 February, and a birth date after today", () => {
    const feb30 = "530402" + "19850230" + "121";
    const future = validId({ y: 2025, m: 1, d: 1 });
    const a = run(
      bookOf([person("W1", { 身份证号: feb30 + "0" }), person("W1", { 身份证号: future })])
    );
    expect(codesOf(a, "ID_BIRTHDATE")).toEqual([
      roster("error", "ID_BIRTHDATE", 3, "身份证号", "D"),
      roster("error", "ID_BIRTHDATE", 4, "身份证号", "D"),
    ]);
  });
  it("ID_NUMERIC_PRECISION: the ID typed as a number", () => {
    const id = validId({ y: 1985, m: 3, d: 14 });
    const a = run(bookOf([person("W1", { 身份证号: Number(id.slice(0, 17)) * 10 })]));
    expect(codesOf(a, "ID_NUMERIC_PRECISION")).toEqual([
      roster("error", "ID_NUMERIC_PRECISION", 3, "身份证号", "D"),
    ]);
  });
  it("ID_15_DIGIT: a first-generation number is a warning", () => {
    const a = run(bookOf([person("W1", { 身份证号: "530402850314121", 性别: "男" })]));
    expect(codesOf(a, "ID_15_DIGIT")).toEqual([
      roster("warning", "ID_15_DIGIT", 3, "身份证号", "D"),
    ]);
    expect(a.errorCount).toBe(0);
  });
});

describe("one participation per year", () => {
  it("DUPLICATE_ID: the same ID on sheet rows 7 and 12 flags both cells", () => {
    const people = Array.from({ length: 12 }, () => person("W1"));
    people[9] = { ...people[9], 身份证号: people[4]["身份证号"] }; // data rows 4 and 9 = sheet rows 7 and 12
    const a = run(bookOf(people));
    expect(codesOf(a, "DUPLICATE_ID")).toEqual([
      roster("error", "DUPLICATE_ID", 7, "身份证号", "D"),
      roster("error", "DUPLICATE_ID", 12, "身份证号", "D"),
    ]);
    expect(a.issues.find((i) => i.code === "DUPLICATE_ID")!.message).toContain("第7、12行");
  });
  it("DUPLICATE_ID: the same person across programmes, with a lowercase x and full-width digits", () => {
    let seq = 0;
    while (!validId({ y: 1985, m: 3, d: 14 }, true, "530402", seq).endsWith("X")) seq++;
    const id = validId({ y: 1985, m: 3, d: 14 }, true, "530402", seq);
    const fullWidth =
      id.slice(0, 17).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) + "x";
    const a = run(bookOf([person("W1", { 身份证号: id }), person("N1", { 身份证号: fullWidth })]));
    expect(codesOf(a, "DUPLICATE_ID").map((i) => i.cell)).toEqual(["D3", "D4"]);
  });
  it("DUPLICATE_HISTORY: the person already took part this year elsewhere", () => {
    const p = person("W1");
    const history = historySheet([
      [p["姓名"], p["身份证号"], "市总工会疗休养", 2024],
      [p["姓名"], p["身份证号"], "去年的疗休养", 2023],
    ]);
    const a = run(bookOf([person("W1"), p], [history]));
    expect(codesOf(a, "DUPLICATE_HISTORY")).toEqual([
      roster("error", "DUPLICATE_HISTORY", 4, "身份证号", "D"),
    ]);
    expect(a.issues.find((i) => i.code === "DUPLICATE_HISTORY")!.message).toContain("2024年");
  });
  it("an entry of another year is not a duplicate", () => {
    const p = person("W1");
    const a = run(bookOf([p], [historySheet([[p["姓名"], p["身份证号"], "W1", 2023]])]));
    expect(issuesOf(a, "DUPLICATE_HISTORY")).toEqual([]);
  });
  it("POSSIBLE_DUPLICATE: same name and unit with another ID, on the 姓名 cells", () => {
    const a = run(
      bookOf([
        person("W1", { 姓名: "张伟", 工作单位: "玉溪某建设集团" }),
        person("W1"),
        person("N1", { 姓名: "张 伟", 工作单位: "玉溪某建设集团" }),
      ])
    );
    expect(codesOf(a, "POSSIBLE_DUPLICATE")).toEqual([
      roster("warning", "POSSIBLE_DUPLICATE", 3, "姓名", "B"),
      roster("warning", "POSSIBLE_DUPLICATE", 5, "姓名", "B"),
    ]);
  });
});

describe("programme rules", () => {
  it("UNKNOWN_PROGRAM: not a code or name of the rate sheet", () => {
    const a = run(bookOf([person("W1", { 疗休养项目: "W9" })]));
    expect(codesOf(a, "UNKNOWN_PROGRAM")).toEqual([
      roster("error", "UNKNOWN_PROGRAM", 3, "疗休养项目", "H"),
    ]);
  });
  it("a programme named by code or name, any case, spaces and full width, is known", () => {
    const a = run(
      bookOf([
        person("W1", { 疗休养项目: "w1 " }),
        person("N1", { 疗休养项目: " 市内 疗休养" }),
        person("W3", { 疗休养项目: "Ｗ３" }),
      ])
    );
    expect(issuesOf(a, "UNKNOWN_PROGRAM")).toEqual([]);
    expect(a.allocation!.programs.map((p) => p.headcount)).toEqual([1, 0, 1, 0, 1]);
  });
  it("NOT_ELIGIBLE: no category in the programme's 参加对象", () => {
    const a = run(
      bookOf([
        person("W2", { 人员类别: "企业一线职工" }),
        person("W2", { 人员类别: "企业一线职工、技术能手" }),
      ])
    );
    expect(codesOf(a, "NOT_ELIGIBLE")).toEqual([
      roster("error", "NOT_ELIGIBLE", 3, "人员类别", "G"),
    ]);
  });
  it("NOT_MEMBER: W3 requires membership", () => {
    const a = run(bookOf([person("W3", { 是否会员: "否" }), person("W1", { 是否会员: "否" })]));
    expect(codesOf(a, "NOT_MEMBER")).toEqual([roster("error", "NOT_MEMBER", 3, "是否会员", "F")]);
  });
  it("QUOTA_EXCEEDED: the fourth person in W2 (quota 3)", () => {
    const a = run(bookOf([person("W2"), person("W2"), person("W2"), person("W2")]));
    expect(codesOf(a, "QUOTA_EXCEEDED")).toEqual([
      roster("error", "QUOTA_EXCEEDED", 6, "疗休养项目", "H"),
    ]);
  });
  it("DATE_OUTSIDE_WINDOW: after the window, before it, and unreadable", () => {
    const a = run(
      bookOf([
        person("W1", { 疗休养日期: serial(2024, 11, 15) }),
        person("N1", { 疗休养日期: "2024年8月31日" }),
        person("N1", { 疗休养日期: "2024年9月1日" }),
        person("W1", { 疗休养日期: "下个月" }),
      ])
    );
    expect(codesOf(a, "DATE_OUTSIDE_WINDOW")).toEqual([
      roster("error", "DATE_OUTSIDE_WINDOW", 3, "疗休养日期", "J"),
      roster("error", "DATE_OUTSIDE_WINDOW", 4, "疗休养日期", "J"),
      roster("error", "DATE_OUTSIDE_WINDOW", 6, "疗休养日期", "J"),
    ]);
  });
  it("RETIRED: a man born in 1963 is past 60 on 2024-06-01", () => {
    const a = run(
      bookOf([person("W1", { 身份证号: validId({ y: 1963, m: 5, d: 10 }, true), 性别: "男" })])
    );
    expect(codesOf(a, "RETIRED")).toEqual([roster("warning", "RETIRED", 3, "身份证号", "D")]);
    expect(a.issues[0].message).toContain("2023-05-10");
  });
  it("GENDER_MISMATCH: 性别 disagrees with the ID's gender digit", () => {
    const a = run(
      bookOf([person("W1", { 身份证号: validId({ y: 1985, m: 1, d: 2 }, false), 性别: "男" })])
    );
    expect(codesOf(a, "GENDER_MISMATCH")).toEqual([
      roster("warning", "GENDER_MISMATCH", 3, "性别", "C"),
    ]);
  });
  it("PHONE_FORMAT: not an 11-digit mobile", () => {
    const a = run(
      bookOf([
        person("W1", { 联系电话: "0877-2021234" }),
        person("W1", { 联系电话: "+86 139 1234 5678" }),
      ])
    );
    expect(codesOf(a, "PHONE_FORMAT")).toEqual([
      roster("warning", "PHONE_FORMAT", 3, "联系电话", "K"),
    ]);
  });
});

describe("rate sheet checks", () => {
  it("RATE_INVALID: a share that is not money, fraction, percentage, 全额, 其余 or blank", () => {
    const r = rateRows();
    r[0][8] = "两千二"; // W1 省总工会承担, sheet row 3, column I
    const a = run(book(rosterSheet(rows([person("W1")])), ratesSheet(r), budgetSheet()));
    expect(codesOf(a, "RATE_INVALID")).toEqual([
      {
        severity: "error",
        code: "RATE_INVALID",
        sheet: "项目费率",
        row: 3,
        column: "省总工会承担",
        cell: "I3",
      },
    ]);
  });
  it("RATE_SHARES_MISMATCH: 2200 + 700 ≠ 3000, on the programme's first share cell", () => {
    const r = rateRows();
    r[2][10] = 700; // W3 高新区总工会承担, sheet row 5
    const a = run(book(rosterSheet(rows([person("W3")])), ratesSheet(r), budgetSheet()));
    expect(codesOf(a, "RATE_SHARES_MISMATCH")).toEqual([
      {
        severity: "error",
        code: "RATE_SHARES_MISMATCH",
        sheet: "项目费率",
        row: 5,
        column: "省总工会承担",
        cell: "I5",
      },
    ]);
    // No one silently absorbs the gap: each payer keeps its own figure.
    const w3 = a.allocation!.programs[2];
    expect(w3.shares.map((s) => s.fen)).toEqual([220000n, 0n, 70000n]);
  });
});

describe("RATE_DATE: a share that a spreadsheet turned into a date", () => {
  // N1 (sheet row 7) 市总工会承担 (column J) typed as 1/3 in a General cell: Excel stores the
  // date 2024-01-03 and shows it as 1月3日.
  const N1_ROW = 6;
  const formats = (f: string) => {
    const grid = [[""], RATE_HEADER.map(() => ""), ...rateRows().map((r) => r.map(() => ""))];
    grid[N1_ROW][9] = f;
    return grid;
  };
  it.each([
    ["Excel's short date", "m/d/yyyy"],
    ["WPS's 月日 format", 'm"月"d"日"'],
    ["a locale-tagged date", "[$-804]m月d日;@"],
  ])("a date serial under %s", (_, fmt) => {
    const r = rateRows();
    r[4][9] = serial(2024, 1, 3);
    const a = run(
      book(
        rosterSheet(rows([person("N1")])),
        ratesSheet(r, { numberFormats: formats(fmt) }),
        budgetSheet()
      )
    );
    expect(codesOf(a, "RATE_DATE")).toEqual([
      {
        severity: "error",
        code: "RATE_DATE",
        sheet: "项目费率",
        row: 7,
        column: "市总工会承担",
        cell: "J7",
      },
    ]);
    const issue = a.issues.find((i) => i.code === "RATE_DATE")!;
    expect(issue.message).toContain("显示为1月3日");
    expect(issue.message).toContain("“1/3”");
    expect(issue.message).toContain("'1/3");
    expect(issue.message).toContain("33.33%");
    // Not a 45,294 元 share: no mismatch sentence with a made-up per-person sum.
    expect(issuesOf(a, "RATE_SHARES_MISMATCH")).toEqual([]);
    expect(a.issues.some((i) => i.message.includes("45,29"))).toBe(false);
    expect(a.errorCount).toBe(1);
  });
  it("a date that came through as text (1月3日, 2024/1/3)", () => {
    const r = rateRows();
    r[4][9] = "1月3日";
    r[4][10] = "2024/1/3";
    const a = run(book(rosterSheet(rows([person("N1")])), ratesSheet(r), budgetSheet()));
    expect(issuesOf(a, "RATE_DATE").map((i) => i.cell)).toEqual(["J7", "K7"]);
  });
  it("a fraction typed as text, a number or a percentage is not a date", () => {
    const r = rateRows();
    r[4][8] = "1/3";
    const a = run(
      book(
        rosterSheet(rows([person("N1")])),
        ratesSheet(r, { numberFormats: formats("0.00%") }),
        budgetSheet()
      )
    );
    expect(issuesOf(a, "RATE_DATE")).toEqual([]);
  });
});

describe("ROSTER_SHEET_UNUSED: a sheet that looks like a roster is not read", () => {
  it("a second roster sheet the user did not choose", () => {
    const a = run(
      book(
        rosterSheet(rows([person("W1")])),
        rosterSheet(rows([person("N1")]), { name: "市内" }),
        ratesSheet(),
        budgetSheet()
      ),
      { sheets: { roster: ["花名册"] } }
    );
    expect(codesOf(a, "ROSTER_SHEET_UNUSED")).toEqual([
      {
        severity: "warning",
        code: "ROSTER_SHEET_UNUSED",
        sheet: "市内",
        row: undefined,
        column: undefined,
        cell: undefined,
      },
    ]);
  });
});

describe("BUDGET_EXCEEDED: the own union's total above its sources", () => {
  it("flags the sample's 93.34 元 gap on the budget sheet", () => {
    const a = run(sampleBook());
    expect(codesOf(a, "BUDGET_EXCEEDED")).toEqual([
      {
        severity: "warning",
        code: "BUDGET_EXCEEDED",
        sheet: "预算",
        row: undefined,
        column: undefined,
        cell: undefined,
      },
    ]);
    expect(a.issues[0].message).toContain("-93.34");
    expect(a.errorCount).toBe(0);
  });
  it("stays quiet when the sources cover it", () => {
    const a = run(
      book(
        rosterSheet(sampleBook().sheets[0].values.slice(2)),
        ratesSheet(),
        budgetSheet([
          ["高新区财政年初预算", 64000],
          ["本级支出", 68093.34],
        ])
      )
    );
    expect(issuesOf(a, "BUDGET_EXCEEDED")).toEqual([]);
    expect(a.allocation!.budget!.differenceFen).toBe(0n);
  });
});

describe("RATE_OVER_CAP: 人均标准 above 每人每天上限 × 天数", () => {
  it("flags W4 (4,500 for 5 days) against a cap of 600 a day, on its 人均标准 cell", () => {
    const header = [...RATE_HEADER, "天数"];
    const b = book(
      rosterSheet(rows([person("W1")])),
      ratesSheet(
        rateRows().map((r) => [...r, 5]),
        { header }
      ),
      budgetSheet()
    );
    expect(codesOf(run(b, { dailyCap: 600 }), "RATE_OVER_CAP")).toEqual([
      {
        severity: "error",
        code: "RATE_OVER_CAP",
        sheet: "项目费率",
        row: 6,
        column: "人均标准（元）",
        cell: "H6",
      },
    ]);
  });
});

describe("ANNUAL_CAP_EXCEEDED: one person's programmes this year above 每人每年上限", () => {
  it("warns on both rows of someone in W1 and N1 (5,680.00) against 5,000", () => {
    const p = person("W1");
    const b = bookOf([p, person("N1", { 身份证号: p["身份证号"], 姓名: p["姓名"] })]);
    expect(codesOf(run(b, { annualCap: 5000, perYear: 2 }), "ANNUAL_CAP_EXCEEDED")).toEqual([
      roster("warning", "ANNUAL_CAP_EXCEEDED", 3, "疗休养项目", "H"),
      roster("warning", "ANNUAL_CAP_EXCEEDED", 4, "疗休养项目", "H"),
    ]);
  });
});

describe("RULE_INVALID: a 规则 sheet value that cannot be used", () => {
  it("flags an out-of-bounds 每人每年参加次数 on its value cell", () => {
    const rules = sheet("规则", ["规则", "值"], [["每人每年参加次数", 0]]);
    expect(codesOf(run(bookOf([person("W1")], [rules])), "RULE_INVALID")).toEqual([
      { severity: "error", code: "RULE_INVALID", sheet: "规则", row: 2, column: "值", cell: "B2" },
    ]);
  });
});

describe("FORMULA_NO_VALUE: a formula the host could give no value for", () => {
  it("is reported on its cell instead of MISSING_REQUIRED", () => {
    const roster = rosterSheet(rows([person("W1")]));
    const rates = ratesSheet();
    // Title on row 1, header on row 2, W1 on row 3.
    const perPerson = rates.values[1].indexOf("人均标准（元）");
    expect(perPerson).toBeGreaterThan(0);
    rates.values[2][perPerson] = null;
    rates.formulasWithoutValue = [{ row: 3, col: perPerson + 1, formula: "LOOKUP_RATE(W1)" }];
    const a = run(book(roster, rates));
    expect(codesOf(a, "FORMULA_NO_VALUE").map((i) => [i.sheet, i.cell])).toEqual([
      ["项目费率", a1(2, perPerson)], // 0-based row and column
    ]);
    expect(issuesOf(a, "MISSING_REQUIRED")).toEqual([]);
    expect(a.issues.find((i) => i.code === "FORMULA_NO_VALUE")!.severity).toBe("error");
  });
});

// Tests run in order within a file: this one comes last.
describe("coverage of the contract", () => {
  it("every one of the 27 codes was produced by some input above", () => {
    expect([...produced].sort()).toEqual([...ALL_CODES].sort());
  });
});
