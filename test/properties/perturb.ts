// Random damage to a valid workbook, as fast-check arbitraries: blank cells, swapped columns,
// random unicode (control characters, surrogates, full-width forms), numbers where text belongs,
// booleans, huge strings, rows deleted, duplicated or shuffled.
import fc from "fast-check";
import type { Cell, SheetData, WorkbookData } from "../../src/core/types";
import { baseSheets } from "../corpus/build";
import { serialToDay } from "../../src/core/dates";

/** The corpus's valid base as an in-memory workbook (title row, header row, rows). */
export function baseBook(): WorkbookData {
  return {
    sheets: baseSheets().map((s): SheetData => {
      const values: Cell[][] = [];
      if (s.title) values.push([s.title]);
      values.push([...s.header]);
      for (const r of s.rows) values.push(r.map((c) => (c === undefined ? null : c)));
      return { name: s.name, values };
    }),
  };
}

export const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }), // lone surrogates, control characters
  fc.constantFrom(
    "",
    " ",
    "\u3000",
    "\t\n",
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "#N/A",
    "'",
    "合计",
    "全额",
    "其余",
    "1/0",
    "110%",
    "−3000",
    "ｗ１",
    "W1 ",
    "是",
    "否",
    "TRUE",
    "2024年6月1日",
    "2024-02-30"
  ),
  fc.string({ unit: fc.constantFrom(..."０１２３４５６７８９ＸｘX0123456789 -"), maxLength: 20 })
);
export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  anyText,
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.constantFrom(
    530402198503120000,
    45444,
    0,
    -1,
    1e21,
    1e308,
    Number.MAX_SAFE_INTEGER,
    0.5,
    1 / 3
  ),
  fc.integer({ min: 1, max: 20 }).map((n) => "长".repeat(n * 5000)) // up to 100,000 characters
);

export type Damage =
  | { kind: "set"; sheet: number; row: number; col: number; value: Cell }
  | { kind: "swapCols"; sheet: number; a: number; b: number }
  | { kind: "deleteRow"; sheet: number; row: number }
  | { kind: "duplicateRow"; sheet: number; row: number }
  | { kind: "shuffle"; sheet: number; seed: number }
  | { kind: "insertRow"; sheet: number; row: number; cells: Cell[] }
  | { kind: "renameSheet"; sheet: number; name: string }
  | { kind: "dropSheet"; sheet: number };

const idx = fc.nat({ max: 40 });
export const damage: fc.Arbitrary<Damage> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      sheet: fc.nat({ max: 2 }),
      row: idx,
      col: fc.nat({ max: 17 }),
      value: anyCell,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("swapCols" as const),
      sheet: fc.nat({ max: 2 }),
      a: fc.nat({ max: 16 }),
      b: fc.nat({ max: 16 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("deleteRow" as const),
      sheet: fc.nat({ max: 2 }),
      row: idx,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("duplicateRow" as const),
      sheet: fc.nat({ max: 2 }),
      row: idx,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("shuffle" as const),
      sheet: fc.nat({ max: 2 }),
      seed: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("insertRow" as const),
      sheet: fc.nat({ max: 2 }),
      row: idx,
      cells: fc.array(anyCell, { maxLength: 18 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("renameSheet" as const),
      sheet: fc.nat({ max: 2 }),
      name: fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[:\\/?*[\]]/.test(s)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("dropSheet" as const), sheet: fc.nat({ max: 2 }) }),
  }
);

/** Apply damages in order to a copy of the book. */
export function applyDamage(book: WorkbookData, damages: Damage[]): WorkbookData {
  const sheets = book.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  for (const d of damages) {
    const s = sheets[d.sheet % Math.max(1, sheets.length)];
    if (!s) continue;
    const v = s.values;
    switch (d.kind) {
      case "set": {
        const r = d.row % (v.length + 2);
        while (v.length <= r) v.push([]);
        while (v[r].length <= d.col) v[r].push(null);
        v[r][d.col] = d.value;
        break;
      }
      case "swapCols":
        for (const row of v) {
          const a = row[d.a] ?? null;
          row[d.a] = row[d.b] ?? null;
          row[d.b] = a;
        }
        break;
      case "deleteRow":
        if (v.length) v.splice(d.row % v.length, 1);
        break;
      case "duplicateRow":
        if (v.length) v.splice(d.row % v.length, 0, [...v[d.row % v.length]]);
        break;
      case "shuffle": {
        let x = d.seed;
        for (let i = v.length - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) >>> 0;
          const j = x % (i + 1);
          [v[i], v[j]] = [v[j], v[i]];
        }
        break;
      }
      case "insertRow":
        v.splice(d.row % (v.length + 1), 0, d.cells);
        break;
      case "renameSheet":
        if (!sheets.some((o) => o.name === d.name)) s.name = d.name;
        break;
      case "dropSheet":
        sheets.splice(sheets.indexOf(s), 1);
        break;
    }
  }
  return { sheets };
}

/** A date-typed cell as ExcelJS would store it (for .xlsx round trips). */
export function asDate(serial: number): Date | null {
  const d = serialToDay(serial);
  return d ? new Date(Date.UTC(d.y, d.m - 1, d.d)) : null;
}
