// Header detection: within the first 10 rows, by canonical name or synonym, ignoring spaces,
// full-width forms and a trailing unit; columns in any order; unknown columns ignored.
import type { Cell } from "../../src/core/types";
import {
  findHeader,
  ROSTER_FIELDS,
  RATE_FIELDS,
  BUDGET_FIELDS,
  shareBody,
} from "../../src/core/headers";
import { detectSheets } from "../../src/core/engine";
import { headerKey } from "../../src/core/text";
import { issueCell } from "../../src/core/a1";
import {
  book,
  budgetSheet,
  bookOf,
  person,
  rateRows,
  ratesSheet,
  rows,
  run,
  sheet,
  RATE_HEADER,
  ROSTER_HEADER,
} from "../helpers/books";

const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000");

describe("the header row is found within the first 10 rows", () => {
  it("below a title row", () => {
    const m = findHeader(
      [["2024年职工疗休养花名册"], ROSTER_HEADER, ["1", "张三"]],
      ROSTER_FIELDS
    )!;
    expect(m.headerRow).toBe(1);
    expect(m.columns).toMatchObject({
      name: 1,
      idNumber: 3,
      unit: 4,
      member: 5,
      categories: 6,
      program: 7,
      date: 9,
      phone: 10,
    });
  });
  it("below blank rows and a title, on the tenth row at the latest", () => {
    const values: Cell[][] = [
      ["标题"],
      ...Array.from({ length: 8 }, () => [] as Cell[]),
      ROSTER_HEADER,
    ];
    expect(findHeader(values, ROSTER_FIELDS)!.headerRow).toBe(9);
    // Ten rows of notes above it: too far down.
    const notes: Cell[][] = Array.from({ length: 10 }, (_, i) => [`填表说明${i + 1}`]);
    expect(findHeader([...notes, ROSTER_HEADER], ROSTER_FIELDS)).toBeNull();
    expect(findHeader([...notes.slice(1), ROSTER_HEADER], ROSTER_FIELDS)!.headerRow).toBe(9);
  });
  it("the row naming the most fields wins over a title that mentions one", () => {
    const m = findHeader([["姓名", "（请按身份证号填写）"], ROSTER_HEADER], ROSTER_FIELDS)!;
    expect(m.headerRow).toBe(1);
  });
  it("a roster whose header is on row 4 is read with the right sheet rows", () => {
    const people = [person("W1"), person("W1", { 姓名: "" })];
    const values: Cell[][] = [
      ["高新区总工会"],
      ["2024年花名册"],
      [],
      [...ROSTER_HEADER],
      ...rows(people),
    ];
    const a = run(book({ name: "花名册", values }, ratesSheet(), budgetSheet()));
    expect(a.issues.map((i) => [i.code, issueCell(i)])).toEqual([["MISSING_REQUIRED", "B6"]]);
  });
});

describe("headers match their canonical name or a synonym", () => {
  it("roster synonyms: 职工姓名 公民身份号码 所在单位 工会会员 身份类别 项目名称 出发日期 手机号", () => {
    const header = [
      "职工姓名",
      "公民身份号码",
      "所在单位",
      "工会会员",
      "身份类别",
      "项目名称",
      "出发日期",
      "手机号",
    ];
    const m = findHeader([header], ROSTER_FIELDS)!;
    expect(m.columns).toEqual({
      name: 0,
      idNumber: 1,
      unit: 2,
      member: 3,
      categories: 4,
      program: 5,
      date: 6,
      phone: 7,
    });
    expect(m.titles.idNumber).toBe("公民身份号码");
  });
  it("the docs/DOMAIN.md §3 synonyms all resolve", () => {
    const cases: [string, string][] = [
      ["身份证号码", "idNumber"],
      ["证件号码", "idNumber"],
      ["单位", "unit"],
      ["单位名称", "unit"],
      ["会员", "member"],
      ["职工类别", "categories"],
      ["项目", "program"],
      ["项目编号", "program"],
      ["开始日期", "date"],
      ["电话", "phone"],
    ];
    for (const [h, field] of cases) {
      const m = findHeader([["姓名", h]], ROSTER_FIELDS)!;
      expect([h, m.columns[field]]).toEqual([h, 1]);
    }
  });
  it("ignores spaces, full-width letters and a trailing unit such as （元）", () => {
    expect(headerKey(" 人均 标准（元） ")).toBe(headerKey("人均标准"));
    expect(headerKey(fullWidth("ID"))).toBe("id");
    expect(headerKey("金额(万元)")).toBe("金额");
    expect(headerKey("*姓名：")).toBe("姓名");
    const m = findHeader(
      [
        [
          "项目编号",
          "项 目 名 称",
          "名额（人）",
          "人均标准（元/人）",
          "省总工会承担（元）",
          "往返交通费(元)",
        ],
      ],
      RATE_FIELDS,
      true
    )!;
    expect(m.columns).toMatchObject({ code: 0, name: 1, quota: 2, perPerson: 3, transport: 5 });
    expect(m.shares).toEqual([{ body: "省总工会", col: 4, title: "省总工会承担（元）" }]);
  });
  it("full-width and ideographic spaces inside a header", () => {
    const m = findHeader([["姓\u3000名", "身份证号", "工作单位\u3000"]], ROSTER_FIELDS)!;
    expect(m.columns).toMatchObject({ name: 0, idNumber: 1, unit: 2 });
  });
  it("the canonical name beats a synonym when both are present (项目编号 vs 项目名称 on the rate sheet)", () => {
    const m = findHeader([["项目名称", "项目编号", "名额", "人均标准"]], RATE_FIELDS, true)!;
    expect(m.columns).toMatchObject({ name: 0, code: 1 });
  });
  it("share columns are <body>承担, the transport payer column is not one", () => {
    expect(shareBody("省总工会承担")).toBe("省总工会");
    expect(shareBody("高新区总工会承担（元）")).toBe("高新区总工会");
    expect(shareBody("交通费承担方")).toBeNull();
    expect(shareBody("备注")).toBeNull();
  });
  it("budget headers: 资金来源 and 金额（元）", () => {
    expect(findHeader([["资金来源", "金额（元）"]], BUDGET_FIELDS)!.columns).toEqual({
      source: 0,
      amount: 1,
    });
  });
});

describe("columns in any order, unknown columns ignored", () => {
  it("a shuffled roster with extra columns gives the same result as the sample layout", () => {
    const people = [person("W1"), person("N1"), person("W3", { 是否会员: "否" })];
    const shuffled = [
      "身份证号",
      "民族",
      "疗休养项目",
      "姓名",
      "是否会员",
      "籍贯",
      "工作单位",
      "人员类别",
      "疗休养日期",
      "性别",
    ];
    const extra = { 民族: "汉族", 籍贯: "云南玉溪" };
    const a = run(bookOf(people));
    const b = run(
      book(
        sheet(
          "花名册",
          shuffled,
          rows(
            people.map((p) => ({ ...p, ...extra })),
            shuffled
          )
        ),
        ratesSheet(),
        budgetSheet()
      )
    );
    expect(b.issues.map((i) => [i.code, i.column])).toEqual(
      a.issues.map((i) => [i.code, i.column])
    );
    expect(b.issues.map((i) => issueCell(i))).toEqual(["E4"]); // 是否会员 is column E, W3 person on sheet row 4 (no title)
    expect(b.allocation!.programs.map((p) => p.headcount)).toEqual(
      a.allocation!.programs.map((p) => p.headcount)
    );
  });
  it("a rate sheet with columns moved and an unknown column still allocates the seed's figures", () => {
    const order = [...RATE_HEADER].reverse();
    const data = rateRows().map((r) => order.map((h) => r[RATE_HEADER.indexOf(h)]));
    const withNote = data.map((r) => [...r, "内部备注"]);
    const people = Array.from({ length: 46 }, () => person("N1"));
    const a = run(
      book(
        sheet("花名册", ROSTER_HEADER, rows(people)),
        ratesSheet(withNote, { header: [...order, "说明"] }),
        budgetSheet()
      )
    );
    expect(a.errorCount).toBe(0);
    const n1 = a.allocation!.programs.find((p) => p.program.code === "N1")!;
    // Share columns keep their sheet order: here 高新区, 市总, 省总 (reversed).
    expect(Object.fromEntries(n1.shares.map((s) => [s.payer, s.fen]))).toEqual({
      高新区总工会: 4109334n,
      市总工会: 4109333n,
      省总工会: 4109333n,
    });
  });
});

describe("sheets are recognised by name or by headers", () => {
  it("renamed sheets are found by their headers", () => {
    const b = book(
      sheet("Sheet1", ROSTER_HEADER, rows([person("W1")])),
      { ...ratesSheet(), name: "Sheet2" },
      { ...budgetSheet(), name: "Sheet3" }
    );
    expect(detectSheets(b)).toEqual({ roster: ["Sheet1"], rates: "Sheet2", budget: "Sheet3" });
  });
  it("explicit choices win", () => {
    const b = book(sheet("A", ROSTER_HEADER, []), sheet("B", ROSTER_HEADER, []), ratesSheet());
    expect(detectSheets(b, { roster: ["B"] }).roster).toEqual(["B"]);
  });
  it("the tool's own generated sheets are never read as input", () => {
    const b = book(sheet("经费分摊表", ROSTER_HEADER, []), ratesSheet());
    expect(detectSheets(b).roster).toBeUndefined();
  });
});
