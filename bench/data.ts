// Benchmark rosters: the seed's rate sheet and programmes, N people with a fixed seed and the
// mix a large union really sends in — about 2% repeated IDs, 3% not eligible, and a few bad IDs
// (wrong check digit, typed as numbers, first-generation 15-digit numbers).
import type { Cell, SheetData, WorkbookData } from "../src/core/types";
import { checkDigit } from "../src/core/idcard";
import {
  BUDGET_ROWS,
  PROGRAMS,
  RATE_HEADER,
  rateRows,
  rng,
  ROSTER_HEADER,
  personRow,
  pick,
  UNITS,
} from "../scripts/sample-data";
import type { SheetSpec } from "../scripts/book-spec";

export const SEED = 20240601;

/** Share of the roster per programme (W1, W2, W3, W4, N1). */
const WEIGHTS = [0.4, 0.02, 0.3, 0.02, 0.26];

export interface Mix {
  rows: number;
  duplicates: number;
  ineligible: number;
  checksum: number;
  numeric: number;
  fifteen: number;
  /** Pairs of distinct 18-digit IDs that agree on their first 15 digits (COUNTIF's blind spot). */
  prefixTwins: number;
}

export interface BenchRoster {
  /** Roster rows including 序号, in ROSTER_HEADER order. */
  rows: Cell[][];
  /** The rate sheet with each quota set to its programme's headcount (so quotas are large enough). */
  rates: Cell[][];
  mix: Mix;
}

const ID = 3; // column of 身份证号 in a roster row with 序号
const CATS = 6;
const UNIT = 4;

/** A 15-digit first-generation ID (6-digit region, yymmdd, 3-digit order). */
function oldId(id18: string): string {
  return id18.slice(0, 6) + id18.slice(8, 17);
}

/** Another valid ID that agrees with `id` on the first 15 digits (same district, birthday, order prefix). */
function prefixTwin(id: string, r: () => number): string {
  for (;;) {
    const body = id.slice(0, 15) + String(Math.floor(r() * 100)).padStart(2, "0");
    const twin = body + checkDigit(body);
    if (twin !== id) return twin;
  }
}

export function benchRoster(n: number, seed = SEED): BenchRoster {
  const r = rng(seed + n);
  const rows: Cell[][] = [];
  const mix: Mix = {
    rows: n,
    duplicates: 0,
    ineligible: 0,
    checksum: 0,
    numeric: 0,
    fifteen: 0,
    prefixTwins: 0,
  };
  // About a hundred people per unit, as in a city-wide roster.
  const branches = Math.max(1, Math.round(n / 100 / UNITS.length));
  const counts = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const x = r();
    let acc = 0;
    let pi = 0;
    while (pi < WEIGHTS.length - 1 && x >= (acc += WEIGHTS[pi])) pi++;
    const p = PROGRAMS[pi];
    const row = personRow(r, p, 1 + Math.floor(k / 25));
    if (branches > 1) row[UNIT - 1] = `${pick(r, UNITS)}第${1 + Math.floor(r() * branches)}分部`;
    const full: Cell[] = [k + 1, ...row];
    const roll = r();
    if (k > 10 && roll < 0.02) {
      // The same person entered again (another batch, another programme line).
      full[ID] = rows[Math.floor(r() * rows.length)][ID];
      if (typeof full[ID] === "string") mix.duplicates++;
    } else if (roll < 0.05) {
      full[CATS] = pick(r, [
        "退休职工",
        "临时工",
        "家属",
        PROGRAMS[(pi + 1) % PROGRAMS.length].categories[0],
      ]);
      mix.ineligible++;
    } else if (roll < 0.053) {
      const id = String(full[ID]);
      full[ID] = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
      mix.checksum++;
    } else if (roll < 0.055) {
      // Typed into a General cell: Excel keeps 15 significant digits.
      full[ID] = Number(String(full[ID]).slice(0, 15) + "000");
      mix.numeric++;
    } else if (roll < 0.058) {
      full[ID] = oldId(String(full[ID]));
      mix.fifteen++;
    } else if (roll < 0.061 && k > 0) {
      // A colleague born the same day in the same district: distinct IDs, same first 15 digits.
      const prev = rows[rows.length - 1][ID];
      if (typeof prev === "string" && prev.length === 18) {
        full[ID] = prefixTwin(prev, r);
        mix.prefixTwins++;
      }
    }
    counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    rows.push(full);
  }
  const rates = rateRows().map((row) => {
    const out = [...row];
    out[6] = Math.max(counts.get(String(row[0])) ?? 0, Number(row[6]));
    return out;
  });
  return { rows, rates, mix };
}

const ROSTER_TITLE = "高新区总工会2024年职工疗休养花名册";
const RATES_TITLE = "2024年疗休养项目及经费分摊标准";
const ID_COL = ROSTER_HEADER.indexOf("身份证号");
const PHONE_COL = ROSTER_HEADER.indexOf("联系电话");
const DATE_COL = ROSTER_HEADER.indexOf("疗休养日期");

function withTitle(
  title: string,
  header: Cell[],
  rows: Cell[][],
  fmt?: (c: number) => string
): SheetData {
  const width = header.length;
  const values: Cell[][] = [
    [title, ...new Array<Cell>(width - 1).fill(null)],
    [...header],
    ...rows.map((row) => [...row]),
  ];
  const numberFormats: string[][] = values.map((_, i) =>
    Array.from({ length: width }, (_, c) => (i >= 2 && fmt ? fmt(c) : ""))
  );
  return { name: "", values, numberFormats };
}

/** The workbook as a host hands it to the core: values and number formats (ID and phone as text). */
export function benchBook(b: BenchRoster): WorkbookData {
  return hostCopy(benchBookRaw(b));
}

/** Values as a host really hands them over: deserialised (Office.js sends JSON), so strings are flat. */
function hostCopy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function benchBookRaw(b: BenchRoster): WorkbookData {
  const roster = withTitle(ROSTER_TITLE, ROSTER_HEADER, b.rows, (c) =>
    c === ID_COL || c === PHONE_COL ? "@" : c === DATE_COL ? "yyyy-mm-dd" : "General"
  );
  roster.name = "花名册";
  const rates = withTitle(RATES_TITLE, RATE_HEADER, b.rates, (c) =>
    c === 4 || c === 5 ? "yyyy-mm-dd" : "General"
  );
  rates.name = "项目费率";
  const budget: SheetData = {
    name: "预算",
    values: [["资金来源", "金额（元）"], ...BUDGET_ROWS.map((row) => [...row])],
  };
  return { sheets: [roster, rates, budget] };
}

/** The same workbook as an .xlsx layout (for ExcelJS): the sample's sheets and formats. */
export function benchSheets(b: BenchRoster): SheetSpec[] {
  return [
    {
      name: "花名册",
      title: ROSTER_TITLE,
      header: ROSTER_HEADER,
      rows: b.rows,
      textColumns: ["身份证号", "联系电话"],
      dateColumns: ["疗休养日期"],
      widths: [6, 10, 6, 22, 24, 10, 30, 12, 8, 12, 14, 10],
    },
    {
      name: "项目费率",
      title: RATES_TITLE,
      header: RATE_HEADER,
      rows: b.rates,
      dateColumns: ["开始日期", "结束日期"],
    },
    { name: "预算", header: ["资金来源", "金额（元）"], rows: BUDGET_ROWS, widths: [24, 14] },
  ];
}

/** A roster with only 序号, 姓名 and 身份证号 (the duplicate check alone, as COUNTIF sees it). */
export function idOnlyBook(b: BenchRoster, n: number): WorkbookData {
  const rows = b.rows.slice(0, n).map((row) => [row[0], row[1], row[ID]]);
  const values: Cell[][] = [["序号", "姓名", "身份证号"], ...rows];
  return hostCopy({
    sheets: [
      { name: "花名册", values, numberFormats: values.map((_, i) => ["", "", i > 0 ? "@" : ""]) },
    ],
  });
}

export { ID as ID_INDEX };
