// The rules from the command line (docs/DOMAIN.md §4a, §4b): each flag changes the result as
// described, a 规则 sheet in the workbook does the same, and a flag wins over the sheet.
import * as fs from "fs";
import * as path from "path";
import type { Cell, SheetData, WorkbookData } from "../../src/core/types";
import type { ReportJson } from "../../src/core/engine";
import { buildWorkbook } from "../../scripts/book-spec";
import { cleanTmpDirs, copyInto, runCli, SAMPLE, tmpDir } from "../helpers/cli";
import {
  book,
  budgetSheet,
  historySheet,
  person,
  RATE_HEADER,
  rateRows,
  ratesSheet,
  rosterSheet,
  rows,
  sheet,
  validId,
} from "../helpers/books";

afterAll(cleanTmpDirs);

async function write(dir: string, name: string, data: WorkbookData): Promise<string> {
  const wb = buildWorkbook(
    data.sheets.map((s) => ({
      name: s.name,
      header: s.values[0],
      rows: s.values.slice(1),
      textColumns: ["身份证号"],
    }))
  );
  await wb.xlsx.writeFile(path.join(dir, name));
  return name;
}

async function report(dir: string, file: string, ...flags: string[]) {
  const json = `${file}.${flags.join("_") || "default"}.json`;
  const run = await runCli([file, "-o", `out-${json}.xlsx`, "--json", json, ...flags], dir);
  const r = JSON.parse(fs.readFileSync(path.join(dir, json), "utf8")) as ReportJson;
  return { run, r, codes: r.issues.map((i) => `${i.code} ${i.sheet}!${i.cell ?? ""}`) };
}

const A = person("W1", { 姓名: "甲A" });
const B = person("W1", { 姓名: "乙B", 人员类别: "企业一线职工、艰苦岗位职工" });
const C = person("W1", { 姓名: "丙C" });
const D = person("W1", {
  姓名: "丁D",
  身份证号: validId({ y: 1965, m: 3, d: 10 }, true),
  性别: "男",
});
const E = person("W1", { 姓名: "戊E" });

function acceptance(extra: SheetData[] = []): WorkbookData {
  const r = rateRows();
  r[0][RATE_HEADER.indexOf("名额")] = 3;
  return book(rosterSheet(rows([A, B, C, D, E])), ratesSheet(r), budgetSheet(), ...extra);
}

/** A person in W1 and again in N1. */
function twoTrips(extra: SheetData[] = []): WorkbookData {
  const again = person("N1", { 身份证号: A["身份证号"], 姓名: A["姓名"], 性别: A["性别"] });
  return book(rosterSheet(rows([A, again])), ratesSheet(), budgetSheet(), ...extra);
}

const rulesSheet = (...r: Cell[][]) => sheet("规则", ["规则", "值"], r);

describe("who goes, from the command line", () => {
  it("--near-months 1 and 120 select different people when D retires in between", async () => {
    const dir = tmpDir();
    const f = await write(dir, "acc.xlsx", acceptance());
    const near = await report(dir, f, "--near-months", "120");
    const far = await report(dir, f, "--near-months", "1");
    const w1 = (x: typeof near) => x.r.allocation!.programs.find((p) => p.code === "W1")!;
    // Title row 1 becomes the header in the file: A..E are rows 3..7 either way.
    expect([w1(near).selectedRows, w1(near).waitlistRows]).toEqual([
      [4, 6, 3],
      [5, 7],
    ]);
    expect([w1(far).selectedRows, w1(far).waitlistRows]).toEqual([
      [4, 3, 5],
      [6, 7],
    ]);
    expect(w1(near)).toMatchObject({ applicants: 5, selected: 3, headcount: 3, cost: 9000 });
    expect(near.run.stdout).toMatch(/W1 +一线职工疗休养 +5\/3\/3\/2 +9,000\.00/);
    expect(near.run.stdout).toContain("报名超过名额：W1");
    expect(near.r.rules.nearRetirementMonths).toEqual({ value: 120, source: "settings" });
  });
});

describe("each rule from a flag and from a 规则 sheet; the flag wins", () => {
  it("--per-year 2 allows a second trip; a 规则 sheet saying 2 does the same; --per-year 1 overrides it", async () => {
    const dir = tmpDir();
    const f = await write(dir, "two.xlsx", twoTrips());
    const g = await write(dir, "two-rules.xlsx", twoTrips([rulesSheet(["每人每年参加次数", 2])]));
    expect((await report(dir, f)).codes).toEqual([
      "DUPLICATE_ID 花名册!D3",
      "DUPLICATE_ID 花名册!D4",
    ]);
    const flag = await report(dir, f, "--per-year", "2");
    expect([flag.run.code, flag.codes]).toEqual([0, []]);
    const fromSheet = await report(dir, g);
    expect([fromSheet.run.code, fromSheet.codes]).toEqual([0, []]);
    expect(fromSheet.r.rules.perYear).toEqual({ value: 2, source: "sheet" });
    const over = await report(dir, g, "--per-year", "1");
    expect(over.codes).toHaveLength(2);
    expect(over.r.rules.perYear).toEqual({ value: 1, source: "settings" });
  });

  it("--annual-cap 5000 warns on both rows of the person with 5,680.00 this year", async () => {
    const dir = tmpDir();
    const f = await write(dir, "two.xlsx", twoTrips());
    const r = await report(dir, f, "--per-year", "2", "--annual-cap", "5000");
    expect([r.run.code, r.codes]).toEqual([
      0,
      ["ANNUAL_CAP_EXCEEDED 花名册!H3", "ANNUAL_CAP_EXCEEDED 花名册!H4"],
    ]);
    const g = await write(
      dir,
      "two-rules.xlsx",
      twoTrips([rulesSheet(["每人每年参加次数", "2次"], ["每人每年上限", "5000元"])])
    );
    expect((await report(dir, g)).codes).toEqual(r.codes);
  });

  it("--history-years 3 makes someone who went in 2022 DUPLICATE_HISTORY; the default does not", async () => {
    const dir = tmpDir();
    const h = historySheet([[A["姓名"], String(A["身份证号"]), "W1", 2022]]);
    const f = await write(
      dir,
      "hist.xlsx",
      book(rosterSheet(rows([A])), ratesSheet(), budgetSheet(), h)
    );
    expect((await report(dir, f)).codes).toEqual([]);
    const r = await report(dir, f, "--history-years", "3");
    expect([r.run.code, r.codes]).toEqual([1, ["DUPLICATE_HISTORY 花名册!D3"]]);
  });

  it("--daily-cap 20 on the sample (no 天数 column: the 开始/结束 dates count) flags W4 and N1", async () => {
    const dir = tmpDir();
    const f = path.basename(copyInto(dir, SAMPLE));
    const r = await report(dir, f, "--daily-cap", "20");
    // W1–W3: 3,000 ≤ 20 × 153 days; W4: 4,500 > 3,060; N1: 2,680 > 20 × 122 = 2,440.
    expect(r.codes.filter((c) => c.startsWith("RATE_OVER_CAP"))).toEqual([
      "RATE_OVER_CAP 项目费率!H6",
      "RATE_OVER_CAP 项目费率!H7",
    ]);
    expect(r.run.code).toBe(1);
  });

  it("a bad flag value is a usage error (exit 2) with the bounds", async () => {
    const dir = tmpDir();
    const r = await runCli(["--per-year", "0"], dir);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toContain("--per-year 应为1到10之间的整数");
  });
});

describe("the defaults reproduce today's figures", () => {
  it("the sample: 132,093.34, 151 people, rules all from 默认", async () => {
    const dir = tmpDir();
    const f = path.basename(copyInto(dir, SAMPLE));
    const r = await report(dir, f);
    expect(r.r.allocation!.totals.byPayer["高新区总工会"]).toBe(132093.34);
    expect(r.r.allocation!.programs.map((p) => [p.applicants, p.selected, p.headcount])).toEqual([
      [50, 50, 50],
      [3, 3, 3],
      [50, 50, 50],
      [2, 2, 2],
      [46, 46, 46],
    ]);
    expect(new Set(Object.values(r.r.rules).map((x) => x.source))).toEqual(new Set(["default"]));
    expect(r.run.stdout).not.toContain("报名超过名额");
  });
});
