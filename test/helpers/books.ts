// Small in-memory workbooks (WorkbookData, as a host hands them over) for unit tests: the
// seed's rate sheet and budget, and rosters built from a few readable people.
import type { Cell, Day, Options, SheetData, WorkbookData } from "../../src/core/types";
import { analyse, Analysis } from "../../src/core/engine";
import { dayToSerial } from "../../src/core/dates";
import { issueCell } from "../../src/core/a1";
import { checkDigit } from "../../src/core/idcard";
import {
  BUDGET_ROWS,
  PROGRAMS,
  RATE_HEADER,
  rateRows,
  rng,
  ROSTER_HEADER,
  personRow,
  sampleRoster,
} from "../../scripts/sample-data";
import { RosterSplit, splitRoster } from "../../scripts/make-samples";

export { RATE_HEADER, ROSTER_HEADER, BUDGET_ROWS, PROGRAMS, rateRows, sampleRoster };

/** The day the tests run "on": before the 2024 programmes start. */
export const TODAY: Day = { y: 2024, m: 5, d: 1 };

export const serial = (y: number, m: number, d: number): number => dayToSerial({ y, m, d });

export interface SheetOptions {
  name?: string;
  /** A title row above the header (the sample layout); null for none. */
  title?: string | null;
  header?: Cell[];
  numberFormats?: string[][];
}

/** A sheet: optional title row, header row, data rows. */
export function sheet(
  name: string,
  header: Cell[],
  rows: Cell[][],
  title: string | null = null,
  numberFormats?: string[][]
): SheetData {
  const values: Cell[][] = [];
  if (title !== null) values.push([title]);
  values.push([...header]);
  for (const r of rows) values.push([...r]);
  const s: SheetData = { name, values };
  if (numberFormats) s.numberFormats = numberFormats;
  return s;
}

/** The roster as in the sample: title on row 1, header on row 2, people from row 3. */
export function rosterSheet(rows: Cell[][], o: SheetOptions = {}): SheetData {
  return sheet(
    o.name ?? "花名册",
    o.header ?? ROSTER_HEADER,
    rows,
    o.title === undefined ? "2024年职工疗休养花名册" : o.title,
    o.numberFormats
  );
}

/** The seed's rate sheet (W1..W4, N1): title on row 1, header on row 2, W1 on row 3. */
export function ratesSheet(rows: Cell[][] = rateRows(), o: SheetOptions = {}): SheetData {
  return sheet(
    o.name ?? "项目费率",
    o.header ?? RATE_HEADER,
    rows,
    o.title === undefined ? "2024年疗休养项目及经费分摊标准" : o.title,
    o.numberFormats
  );
}

/** The budget: header on row 1. */
export function budgetSheet(rows: Cell[][] = BUDGET_ROWS, o: SheetOptions = {}): SheetData {
  return sheet(o.name ?? "预算", o.header ?? ["资金来源", "金额（元）"], rows, o.title ?? null);
}

/** The history of people who already took part: header on row 1. */
export function historySheet(rows: Cell[][], o: SheetOptions = {}): SheetData {
  return sheet(
    o.name ?? "历史记录",
    o.header ?? ["姓名", "身份证号", "项目", "年份"],
    rows,
    o.title ?? null
  );
}

export function book(...sheets: SheetData[]): WorkbookData {
  return { sheets };
}

/** The sheet row (1-based) of roster data row k (0-based) in the sample layout. */
export const rosterRow = (k: number): number => k + 3;

/** A roster field by its canonical header. */
export type RosterField = (typeof ROSTER_HEADER)[number];
export type Person = Record<string, Cell>;

/** A checksum-valid ID for a birth date; odd sequence digit for men. */
export function validId(birth: Day, male = true, region = "530402", seq = 12): string {
  const ymd = String(birth.y) + String(birth.m).padStart(2, "0") + String(birth.d).padStart(2, "0");
  const body = region + ymd + String(seq).padStart(2, "0") + String(male ? 1 : 2);
  return body + checkDigit(body);
}

let personSeed = 1;

/**
 * An eligible person for a programme (W1, W2, W3, W4 or N1), as a header → value record,
 * with overrides. Deterministic: each call takes the next seed.
 */
export function person(code = "W1", overrides: Person = {}): Person {
  const spec = PROGRAMS.find((p) => p.code === code) ?? PROGRAMS[0];
  const r = rng(1000 + personSeed++);
  const row = personRow(r, spec, 1, { minBirthYear: 1975 });
  const rec: Person = {};
  ROSTER_HEADER.slice(1).forEach((h, i) => (rec[h] = row[i]));
  rec["是否会员"] = "是";
  return { ...rec, ...overrides };
}

/** Records → roster rows in ROSTER_HEADER order, numbered from 1. */
export function rows(people: Person[], header: readonly Cell[] = ROSTER_HEADER): Cell[][] {
  return people.map((p, i) =>
    header.map((h) => (h === "序号" ? (p["序号"] ?? i + 1) : (p[String(h)] ?? null)))
  );
}

/** A workbook with the seed's rates and budget and a roster of these people. */
export function bookOf(people: Person[], extra: SheetData[] = []): WorkbookData {
  return book(rosterSheet(rows(people)), ratesSheet(), budgetSheet(), ...extra);
}

/** The full 151-person sample as in-memory data (same as assets/sample-2024.xlsx). */
export function sampleBook(roster: Cell[][] = sampleRoster()): WorkbookData {
  return book(
    rosterSheet(roster, { title: "高新区总工会2024年职工疗休养花名册" }),
    ratesSheet(),
    budgetSheet()
  );
}

/** The 151-person sample with its roster split over several sheets (per scope or per unit),
 *  each laid out as the sample's roster, before the rate and budget sheets. */
export function splitSampleBook(by: RosterSplit, roster: Cell[][] = sampleRoster()): WorkbookData {
  const parts = splitRoster(roster, by).map((p) =>
    rosterSheet(p.rows, { name: p.name, title: `花名册（${p.name}）` })
  );
  return book(...parts, ratesSheet(), budgetSheet());
}

/** analyse() on a fixed "today". */
export function run(b: WorkbookData, options: Options = {}): Analysis {
  return analyse(b, { today: TODAY, ...options });
}

/** The issues of one code, reduced to what tests assert. */
export function issuesOf(a: Analysis, code: string) {
  return a.issues
    .filter((i) => i.code === code)
    .map((i) => ({
      severity: i.severity,
      code: i.code,
      sheet: i.sheet,
      row: i.row,
      column: i.column,
      cell: issueCell(i),
    }));
}
