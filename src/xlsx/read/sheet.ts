// One worksheet part in a single streaming pass: cell values as Excel hands them over (shared and
// inline strings, numbers, booleans, errors, dates as 1900-system serials), number formats, the
// formulas (shared ones expanded) and whether each has a stored value, and merged ranges.
import type { Cell } from "../../core/types";
import { Prefixes } from "./xml";
import { xmlStream } from "./tokens";
import type { Attrs } from "./tokens";
import { isDateFormat } from "./parts";
import { shiftFormula } from "./formula";

export interface FormulaCell {
  /** 0-based. */
  row: number;
  col: number;
  /** Without the leading "=". */
  formula: string;
  /** The file stores a value for it. */
  cached: boolean;
}

export interface SheetCells {
  values: Cell[][];
  numberFormats: string[][];
  formulas: FormulaCell[];
}

export interface SheetContext {
  strings: string[];
  /** Number format per cell format index. */
  formats: string[];
  date1904: boolean;
}

const DAY_MS = 86400000;

/** A date-formatted serial as ExcelJS turns it into a Date and plainValue back (to the millisecond). */
function dateSerial(v: number, date1904: boolean): number {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  return (ms + 25569 * DAY_MS) / DAY_MS;
}

/** Set by cellRef: the 0-based row and column it read (no object per cell). */
let refRow = 0;
let refCol = 0;

/** "B12" → refRow and refCol, 0-based; false when malformed. */
function cellRef(ref: string): boolean {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  let row = 0;
  if (i === ref.length) return false;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (col === 0 || row < 1) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

function isoSerial(s: string): number | string {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : s + "Z");
  return Number.isNaN(t) ? s : (t + 25569 * DAY_MS) / DAY_MS;
}

/** A sheet read as its XML arrives, in pieces of any size. */
export function sheetReader(ctx: SheetContext): { write(s: string): void; end(): SheetCells } {
  const rows: Cell[][] = [];
  const fmts: string[][] = [];
  const formulas: FormulaCell[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  /** Whether each cell format shows a date (isDateFormat, once per format). */
  const dateStyle: boolean[] = [];
  const merges: string[] = [];
  /** Per row: the last column of any <c>, and whether it has a cell ExcelJS counts as a value. */
  const lastCol: number[] = [];
  const valued: boolean[] = [];
  let lastRow = -1;

  let inSheetData = false;
  let row = -1;
  let col = -1;
  // The cell being read.
  let t = "";
  let s = -1;
  let v: string | null = null;
  let f: string | null = null;
  let fShared: { si: string; ref: string | undefined } | null = null;
  let inline: string | null = null;
  let text: "v" | "f" | "t" | null = null;
  let phonetic = 0;
  let inIs = false;

  const ns = new Prefixes();
  function open(name: string, a: Attrs, selfClosing: boolean): void {
    const local = ns.open(a, name);
    if (local === null) return;
    switch (local) {
      case "sheetData":
        inSheetData = !selfClosing;
        return;
      case "row": {
        if (!inSheetData) return;
        const r = a.get("r");
        row = r ? Number(r) - 1 : row + 1;
        col = -1;
        if (row > lastRow) lastRow = row;
        return;
      }
      case "c": {
        if (!inSheetData) return;
        const r = a.get("r");
        if (r && cellRef(r)) {
          row = refRow;
          col = refCol;
        } else col++;
        if (row > lastRow) lastRow = row;
        t = a.get("t") ?? "n";
        s = Number(a.get("s") ?? -1);
        v = f = inline = null;
        fShared = null;
        return;
      }
      case "v":
        if (!inSheetData) return;
        v = "";
        if (!selfClosing) text = "v";
        return;
      case "f":
        if (!inSheetData) return;
        f = "";
        if (a.get("t") === "shared") fShared = { si: a.get("si") ?? "", ref: a.get("ref") };
        text = selfClosing ? null : "f";
        return;
      case "is":
        if (inSheetData) {
          inIs = true;
          inline = "";
        }
        return;
      case "rPh":
        phonetic++;
        return;
      case "t":
        if (inIs && phonetic === 0 && !selfClosing) text = "t";
        return;
      case "mergeCell": {
        const ref = a.get("ref");
        if (ref) merges.push(ref);
        return;
      }
    }
  }
  function onText(x: string): void {
    if (text === "v") v += x;
    else if (text === "f") f += x;
    else if (text === "t") inline += x;
  }
  function close(): void {
    const local = ns.close();
    if (local === null) return;
    switch (local) {
      case "sheetData":
        inSheetData = false;
        return;
      case "c":
        if (inSheetData) endCell();
        return;
      case "v":
      case "f":
        text = null;
        return;
      case "t":
        if (text === "t") text = null;
        return;
      case "is":
        inIs = false;
        return;
      case "rPh":
        phonetic--;
        return;
    }
  }
  const stream = xmlStream({ open, close, text: onText });

  function endCell(): void {
    if (row < 0 || col < 0) return;
    let formula: string | null = null;
    if (fShared) {
      if (f !== null && f !== "" && fShared.ref !== undefined) {
        shared.set(fShared.si, { formula: f, row, col });
        formula = f;
      } else {
        const master = shared.get(fShared.si);
        if (master) formula = shiftFormula(master.formula, row - master.row, col - master.col);
      }
    } else if (f !== null && f !== "") formula = f;

    const fmt = s >= 0 ? (ctx.formats[s] ?? "") : "";
    let date = false;
    if (s >= 0) {
      date = dateStyle[s] ??= isDateFormat(fmt);
    }
    let value: Cell = null;
    let has = true;
    if (t === "inlineStr") {
      if (inline !== null) value = inline;
      else if (v !== null) value = v;
      else has = false;
    } else if (v === null) has = false;
    else if (t === "s") value = ctx.strings[Number(v)] ?? "";
    else if (t === "str") value = v;
    else if (t === "b") value = parseInt(v, 10) !== 0;
    else if (t === "e") value = v;
    else if (t === "d") value = isoSerial(v);
    else {
      const x = Number(v);
      value = v.trim() === "" || Number.isNaN(x) ? v : x;
      if (typeof value === "number" && date) value = dateSerial(value, ctx.date1904);
    }
    if (formula !== null) formulas.push({ row, col, formula, cached: has });

    if (col > (lastCol[row] ?? -1)) lastCol[row] = col;
    // ExcelJS counts a cell with no value as empty only when it has a style.
    if (has || formula !== null || s < 0) valued[row] = true;
    if (!has) return;
    // Rows are kept packed (nulls and "" up to the cell), ready to hand over as they are.
    let vals = rows[row];
    let fs = fmts[row];
    if (!vals) {
      vals = rows[row] = [];
      fs = fmts[row] = [];
    }
    while (vals.length < col) {
      vals.push(null);
      fs.push("");
    }
    vals[col] = value;
    fs[col] = fmt;
  }

  return {
    write: (x: string) => stream.write(x),
    end: () => {
      stream.end();
      return finish();
    },
  };

  function finish(): SheetCells {
    // Merged ranges: only the top-left cell keeps a value; the range counts as used.
    for (const ref of merges) {
      const [a, b = a] = ref.split(":");
      if (!cellRef(a)) continue;
      const s0 = { row: refRow, col: refCol };
      if (!cellRef(b)) continue;
      const e0 = { row: refRow, col: refCol };
      for (let r = s0.row; r <= e0.row; r++) {
        if (e0.col > (lastCol[r] ?? -1)) lastCol[r] = e0.col;
        valued[r] = true;
        if (r > lastRow) lastRow = r;
        const vals = rows[r];
        if (!vals) continue;
        for (let c = s0.col; c <= e0.col; c++) {
          if (r === s0.row && c === s0.col) continue;
          if (c < vals.length) {
            vals[c] = null;
            fmts[r][c] = "";
          }
        }
      }
    }

    let width = 0;
    let any = false;
    for (let r = 0; r <= lastRow; r++) {
      if (!valued[r]) continue;
      any = true;
      if ((lastCol[r] ?? -1) + 1 > width) width = lastCol[r] + 1;
    }
    const height = any ? lastRow + 1 : 0;
    // The rows as read, padded to the width (a row with no value is all blank).
    const values: Cell[][] = rows;
    const numberFormats: string[][] = fmts;
    values.length = height;
    numberFormats.length = height;
    for (let r = 0; r < height; r++) {
      const vals = values[r];
      if (!vals) {
        values[r] = new Array<Cell>(width).fill(null);
        numberFormats[r] = new Array<string>(width).fill("");
        continue;
      }
      const fs = numberFormats[r];
      while (vals.length < width) {
        vals.push(null);
        fs.push("");
      }
      if (vals.length > width) {
        vals.length = width;
        fs.length = width;
      }
    }
    // A roster's rows mostly have the same formats: rows equal to the one before share its
    // array (a tenth of a 100,000-row sheet's memory; nothing changes a read row's formats).
    for (let r = 1; r < height; r++) {
      const a = numberFormats[r - 1];
      const b = numberFormats[r];
      let same = true;
      for (let c = 0; c < width && same; c++) same = a[c] === b[c];
      if (same) numberFormats[r] = a;
    }
    return {
      values,
      numberFormats,
      formulas: formulas.filter((x) => x.row < height && x.col < width),
    };
  }
}
