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

/** "B12" → 0-based row and column; null when malformed. */
function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = Number(ref.slice(i));
  if (col === 0 || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
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
    ns.open(a);
    const local = ns.local(name);
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
        const at = r ? cellRef(r) : null;
        if (at) {
          row = at.row;
          col = at.col;
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
  function close(name: string): void {
    const local = ns.local(name);
    ns.close();
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
      if (typeof value === "number" && isDateFormat(fmt)) value = dateSerial(value, ctx.date1904);
    }
    if (formula !== null) formulas.push({ row, col, formula, cached: has });

    if (col > (lastCol[row] ?? -1)) lastCol[row] = col;
    // ExcelJS counts a cell with no value as empty only when it has a style.
    if (has || formula !== null || s < 0) valued[row] = true;
    if (!has) return;
    let vals = rows[row];
    if (!vals) {
      vals = rows[row] = [];
      fmts[row] = [];
    }
    vals[col] = value;
    fmts[row][col] = fmt;
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
      const s0 = cellRef(a);
      const e0 = cellRef(b);
      if (!s0 || !e0) continue;
      for (let r = s0.row; r <= e0.row; r++) {
        if (e0.col > (lastCol[r] ?? -1)) lastCol[r] = e0.col;
        valued[r] = true;
        if (r > lastRow) lastRow = r;
        const vals = rows[r];
        if (!vals) continue;
        for (let c = s0.col; c <= e0.col; c++) {
          if (r === s0.row && c === s0.col) continue;
          if (vals[c] !== undefined) {
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
    const values: Cell[][] = new Array(height);
    const numberFormats: string[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const vals: Cell[] = new Array(width).fill(null);
      const fs: string[] = new Array(width).fill("");
      const src = rows[r];
      if (src) {
        const fsrc = fmts[r];
        for (let c = 0; c < src.length && c < width; c++) {
          if (src[c] !== undefined) {
            vals[c] = src[c];
            fs[c] = fsrc[c];
          }
        }
      }
      values[r] = vals;
      numberFormats[r] = fs;
    }
    return {
      values,
      numberFormats,
      formulas: formulas.filter((x) => x.row < height && x.col < width),
    };
  }
}
