// Who goes when a programme is oversubscribed: priority (优先对象, 临近退休), then people who did
// not go before, then roster order; the top 名额 are selected and budgeted, the rest wait.
import type { Cell, WorkbookData } from "../../src/core/types";
import { planSheets, toReportJson } from "../../src/core/engine";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { removalPlan } from "../../src/core/plan";
import { buildWorkbook } from "../../scripts/book-spec";
import { evaluateWorkbook } from "../helpers/hyperformula";
import {
  book,
  budgetSheet,
  historySheet,
  person,
  Person,
  RATE_HEADER,
  rateRows,
  ratesSheet,
  rosterSheet,
  rows,
  run,
  sheet,
  validId,
} from "../helpers/books";
import { issueCell } from "../../src/core/a1";

const QUOTA_COL = RATE_HEADER.indexOf("名额");

/** The seed's rates with W1's 名额 changed. */
function ratesWithQuota(quota: number): Cell[][] {
  const r = rateRows();
  r[0][QUOTA_COL] = quota;
  return r;
}

/** The acceptance roster: A (no priority), B (a category in 优先对象), C, D (retires 2025-04,
 *  within 24 months of W1's start 2024-06-01, not within 1), E — all eligible for W1. */
const FIVE: Person[] = [
  person("W1", { 姓名: "甲A" }),
  person("W1", { 姓名: "乙B", 人员类别: "企业一线职工、艰苦岗位职工" }),
  person("W1", { 姓名: "丙C" }),
  person("W1", {
    姓名: "丁D",
    身份证号: validId({ y: 1965, m: 3, d: 10 }, true),
    性别: "男",
  }),
  person("W1", { 姓名: "戊E" }),
];
const fivePeople = (): Person[] => FIVE.map((p) => ({ ...p }));

function acceptanceBook(extra: WorkbookData["sheets"] = []): WorkbookData {
  return book(
    rosterSheet(rows(fivePeople())),
    ratesSheet(ratesWithQuota(3)),
    budgetSheet(),
    ...extra
  );
}

const ROW = { A: 3, B: 4, C: 5, D: 6, E: 7 };

describe("selection by priority (W1 名额 3, five eligible applicants)", () => {
  it("B (优先对象) and D (临近退休) come first, then A; C and E get QUOTA_EXCEEDED with their ranks", () => {
    const a = run(acceptanceBook());
    const sel = a.selection.find((s) => s.program.code === "W1")!;
    expect(sel.oversubscribed).toBe(true);
    expect(sel.ranked.map((r) => [r.participant.row, r.rank, r.selected])).toEqual([
      [ROW.B, 1, true],
      [ROW.D, 2, true],
      [ROW.A, 3, true],
      [ROW.C, 4, false],
      [ROW.E, 5, false],
    ]);
    const quota = a.issues.filter((i) => i.code === "QUOTA_EXCEEDED");
    expect(quota.map((i) => [issueCell(i), i.severity, i.sheet, i.column])).toEqual([
      [`H${ROW.C}`, "error", "花名册", "疗休养项目"],
      [`H${ROW.E}`, "error", "花名册", "疗休养项目"],
    ]);
    expect(quota[0].message).toContain("名额3人");
    expect(quota[0].message).toContain("按优先顺序排第4位");
    expect(quota[1].message).toContain("按优先顺序排第5位");
    expect(quota[1].message).toContain("候补第2位");
    expect(sel.ranked[0].reason).toContain("优先对象：艰苦岗位职工");
    expect(sel.ranked[1].reason).toContain("临近退休（2025-04-10退休）");
  });

  it("the engine budgets the places: W1 headcount 3 and cost 9,000.00; the JSON lists who is selected", () => {
    const r = toReportJson(run(acceptanceBook()));
    const w1 = r.allocation!.programs.find((p) => p.code === "W1")!;
    expect(w1).toMatchObject({
      headcount: 3,
      quota: 3,
      cost: 9000,
      applicants: 5,
      selected: 3,
      selectedRows: [ROW.B, ROW.D, ROW.A],
      waitlistRows: [ROW.C, ROW.E],
    });
    expect(w1.shares).toEqual({ 省总工会: 6600, 市总工会: 0, 高新区总工会: 2400 });
  });

  it("the recalculated formulas agree (HyperFormula): 人数 = MIN(exact count, 名额) = 3, 费用合计 9,000.00", async () => {
    const data = acceptanceBook();
    const wb = buildWorkbook(
      data.sheets.map((s) => ({ name: s.name, header: s.values[0], rows: s.values.slice(1) }))
    );
    const x = await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    // Rows shift by one when the title row becomes a header: read back what the file holds.
    const a = run(await x.readWorkbook());
    const plans = planSheets(a);
    await x.writeSheets([plans.allocation!, plans.report, plans.waitlist!]);
    const ev = await evaluateWorkbook(await x.toBuffer());
    const values = ev.sheetValues("经费分摊表");
    const header = values[2].map(String);
    const w1 = values.findIndex((row) => row[0] === "W1");
    expect(ev.formula("经费分摊表", `D${w1 + 1}`)).toMatch(
      /^=MIN\(SUMPRODUCT\(--EXACT\(.*\),C\d+\)$/
    );
    expect(values[w1][header.indexOf("人数")]).toBe(3);
    expect(values[w1][header.indexOf("费用合计")]).toBe(9000);
    expect(values[w1][header.indexOf("省总工会承担")]).toBe(6600);
    // The 名额与候补 sheet: 入选 then 候补, in rank order, with the reason.
    const wl = ev.sheetValues("名额与候补");
    const listed = wl.slice(3).map((r) => [r[0], r[3], r[4], r[5]]);
    expect(listed).toEqual([
      ["W1", "入选", 1, "乙B"],
      ["W1", "入选", 2, "丁D"],
      ["W1", "入选", 3, "甲A"],
      ["W1", "候补", 4, "丙C"],
      ["W1", "候补", 5, "戊E"],
    ]);
  });

  it("--near-months changes the selection when someone retires in between (1 vs 120 months)", () => {
    const picked = (m: number) =>
      run(acceptanceBook(), { nearRetirementMonths: m })
        .selection[0].ranked.filter((r) => r.selected)
        .map((r) => r.participant.name);
    expect(picked(120)).toEqual(["乙B", "丁D", "甲A"]);
    expect(picked(1)).toEqual(["乙B", "甲A", "丙C"]);
  });

  it("someone who went in an earlier year (outside the look-back) ranks after those who never went", () => {
    const people = fivePeople();
    const history = historySheet([["甲A", String(people[0]["身份证号"]), "W1", 2020]]);
    const a = run(acceptanceBook([history]));
    expect(a.selection[0].ranked.filter((r) => r.selected).map((r) => r.participant.name)).toEqual([
      "乙B",
      "丁D",
      "丙C",
    ]);
    expect(a.selection[0].ranked.find((r) => r.participant.name === "甲A")!.reason).toContain(
      "2020年参加过"
    );
  });

  it("rows ruled out by an error (not eligible) take no place and are not ranked", () => {
    const people = [...fivePeople(), person("W1", { 姓名: "己F", 人员类别: "退休人员" })];
    people.unshift(people.pop()!); // F first in roster order
    const a = run(book(rosterSheet(rows(people)), ratesSheet(ratesWithQuota(3)), budgetSheet()));
    expect(a.selection[0].applicants).toBe(6);
    expect(a.selection[0].ranked.map((r) => r.participant.name)).not.toContain("己F");
    expect(a.issues.filter((i) => i.code === "QUOTA_EXCEEDED")).toHaveLength(2);
  });

  it("no programme oversubscribed: no 名额与候补 plan (the action removes an earlier one)", async () => {
    const a = run(book(rosterSheet(rows(fivePeople())), ratesSheet(), budgetSheet()));
    expect(a.issues.filter((i) => i.code === "QUOTA_EXCEEDED")).toEqual([]);
    expect(planSheets(a).waitlist).toBeNull();
    // A workbook that has one from an earlier run loses it; the user's sheets stay.
    const first = run(acceptanceBook());
    const wb = buildWorkbook(
      acceptanceBook().sheets.map((s) => ({
        name: s.name,
        header: s.values[0],
        rows: s.values.slice(1),
      }))
    );
    const x = await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const p1 = planSheets(first);
    await x.writeSheets([p1.allocation!, p1.report, p1.waitlist!]);
    const again = await XlsxWorkbook.fromBuffer(await x.toBuffer());
    expect(again.sheetNames).toContain("名额与候补");
    const written = await again.writeSheets([p1.allocation!, p1.report, removalPlan("waitlist")]);
    expect(written.map((w) => w.name)).toEqual(["经费分摊表", "校验结果"]);
    const after = await XlsxWorkbook.fromBuffer(await again.toBuffer());
    expect(after.sheetNames).toEqual(["花名册", "项目费率", "预算", "经费分摊表", "校验结果"]);
  });
});

describe("rules as settings", () => {
  const twice = (): WorkbookData => {
    const p = person("W1");
    const id = p["身份证号"];
    return book(
      rosterSheet(
        rows([p, person("N1", { 身份证号: id, 姓名: p["姓名"] }), person("W3", { 身份证号: id })])
      ),
      ratesSheet(),
      budgetSheet()
    );
  };

  it("每人每年参加次数: 1 flags the same person on three rows; 2 still flags three; 3 allows them", () => {
    const dup = (o = {}) =>
      run(twice(), o)
        .issues.filter((i) => i.code === "DUPLICATE_ID")
        .map((i) => issueCell(i));
    expect(dup()).toEqual(["D3", "D4", "D5"]);
    expect(dup({ perYear: 2 })).toEqual(["D3", "D4", "D5"]);
    expect(dup({ perYear: 3 })).toEqual([]);
    const two = book(
      rosterSheet(twice().sheets[0].values.slice(1, 4)),
      ratesSheet(),
      budgetSheet()
    );
    expect(run(two, { perYear: 2 }).issues.filter((i) => i.code === "DUPLICATE_ID")).toEqual([]);
    expect(run(two).issues.filter((i) => i.code === "DUPLICATE_ID")).toHaveLength(2);
  });

  it("追溯年数: 3 makes anyone in the history within three years DUPLICATE_HISTORY; 0 only this year", () => {
    const p = person("W1");
    const h = historySheet([[p["姓名"], String(p["身份证号"]), "W1", 2022]]);
    const b = book(rosterSheet(rows([p])), ratesSheet(), budgetSheet(), h);
    const codes = (o = {}) => run(b, o).issues.map((i) => i.code);
    expect(codes()).not.toContain("DUPLICATE_HISTORY");
    expect(codes({ historyYears: 1 })).not.toContain("DUPLICATE_HISTORY");
    const flagged = run(b, { historyYears: 3 }).issues.filter(
      (i) => i.code === "DUPLICATE_HISTORY"
    );
    expect(flagged.map((i) => [issueCell(i), i.severity])).toEqual([["D3", "error"]]);
    expect(flagged[0].message).toContain("2022年");
  });

  it("每人每天上限 × 天数: 人均标准 above it is RATE_OVER_CAP on the rate cell", () => {
    const header = [...RATE_HEADER, "天数"];
    const r = rateRows().map((row) => [...row, 5]);
    const b = book(rosterSheet(rows([person("W1")])), ratesSheet(r, { header }), budgetSheet());
    expect(run(b, { dailyCap: 900 }).issues.map((i) => i.code)).not.toContain("RATE_OVER_CAP");
    const over = run(b, { dailyCap: 500 }).issues.filter((i) => i.code === "RATE_OVER_CAP");
    // W4 at 4500 = 900 × 5 is within 900; at 500 a day (2,500.00) every programme is over.
    expect(over.map((i) => [i.sheet, issueCell(i), i.column, i.severity])).toEqual([
      ["项目费率", "H3", "人均标准（元）", "error"],
      ["项目费率", "H4", "人均标准（元）", "error"],
      ["项目费率", "H5", "人均标准（元）", "error"],
      ["项目费率", "H6", "人均标准（元）", "error"],
      ["项目费率", "H7", "人均标准（元）", "error"],
    ]);
    expect(over[3].message).toBe(
      "“城市困难职工解困脱困工作人员疗休养”人均标准4,500.00元，超过每人每天上限500.00元×5天＝2,500.00元。"
    );
  });

  it("每人每年上限: one person's programmes together above it is ANNUAL_CAP_EXCEEDED (a warning)", () => {
    const b = twice();
    expect(run(b, { annualCap: 20000 }).issues.map((i) => i.code)).not.toContain(
      "ANNUAL_CAP_EXCEEDED"
    );
    const w = run(b, { annualCap: 3000, perYear: 3 }).issues.filter(
      (i) => i.code === "ANNUAL_CAP_EXCEEDED"
    );
    expect(w.map((i) => [issueCell(i), i.severity])).toEqual([
      ["H3", "warning"],
      ["H4", "warning"],
      ["H5", "warning"],
    ]);
    expect(w[0].message).toContain("合计8,680.00元");
  });

  it("a 规则 sheet sets the rules and says so; a setting wins over it; a bad value is RULE_INVALID", () => {
    const rules = sheet(
      "规则",
      ["规则", "值"],
      [
        ["每人每年参加次数", 3],
        ["追溯年数", "2年"],
        ["每人每天上限", "不限"],
        ["每人每年上限", "abc"],
        ["每周上限", 1],
      ]
    );
    const b = twice();
    b.sheets.push(rules);
    const a = run(b);
    expect(a.rules.perYear).toEqual({ value: 3, source: "sheet", sheetValue: 3 });
    expect(a.rules.historyYears).toMatchObject({ value: 2, source: "sheet" });
    expect(a.rules.dailyCap).toMatchObject({ value: null, source: "sheet" });
    expect(a.rules.annualCap).toEqual({ value: null, source: "default" });
    expect(a.issues.filter((i) => i.code === "DUPLICATE_ID")).toEqual([]);
    const bad = a.issues.filter((i) => i.code === "RULE_INVALID");
    expect(bad.map((i) => [i.sheet, issueCell(i), i.severity])).toEqual([
      ["规则", "B5", "error"],
      ["规则", "A6", "error"],
    ]);
    const set = run(b, { perYear: 1 });
    expect(set.rules.perYear).toEqual({ value: 1, source: "settings", sheetValue: 3 });
    expect(set.issues.filter((i) => i.code === "DUPLICATE_ID")).toHaveLength(3);
    // The 规则 sheet is never taken for another role.
    expect(Object.values(a.mapping)).not.toContain("规则");
  });

  it("the defaults are the seed's rules, each from 默认", () => {
    const a = run(twice());
    expect(Object.fromEntries(Object.entries(a.rules).map(([k, r]) => [k, r.value]))).toEqual({
      perYear: 1,
      historyYears: 0,
      dailyCap: null,
      annualCap: null,
      nearRetirementMonths: 24,
    });
    expect(new Set(Object.values(a.rules).map((r) => r.source))).toEqual(new Set(["default"]));
  });
});
