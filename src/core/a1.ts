// A1 addresses and sheet references for messages and formulas.
import type { Issue } from "./types";

/** 0-based column index to letters: 0 → A, 26 → AA. */
export function colLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "C7" from 0-based row and column. */
export function a1(row: number, col: number): string {
  return colLetter(col) + (row + 1);
}

/** An issue's cell as A1 text ("C7"), or undefined when it has no cell. */
export function issueCell(i: Pick<Issue, "row" | "col">): string | undefined {
  return i.row !== undefined && i.col !== undefined ? a1(i.row - 1, i.col - 1) : undefined;
}

/** "$C$7". */
export function absA1(row: number, col: number): string {
  return "$" + colLetter(col) + "$" + (row + 1);
}

/** The sheet name as a formula prefix, always quoted: 'It''s'! */
export function sheetRef(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'!";
}

/** A string literal for a formula: "a""b". */
export function formulaString(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

/** Letters to a 0-based column index: A → 0, AA → 26 (case-insensitive). */
function colIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** Parse "C7" into 0-based row and column. */
export function parseA1(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(addr.toUpperCase());
  if (!m) throw new Error("bad address " + addr);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

/** The spreadsheet grid: 1,048,576 rows × 16,384 columns (A to XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A 0-based, inclusive rectangle of cells. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "C7", or "C7:E9" for a rectangle of several cells. */
export function rectAddress(r: Rect): string {
  const a = a1(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : a + ":" + a1(r.r1, r.c1);
}

/** One end of an area: "$C$7", "C" or "7". */
function parseEnd(p: string): { r?: number; c?: number } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(p);
  if (!m || (!m[1] && !m[2])) return null;
  return { c: m[1] ? colIndex(m[1]) : undefined, r: m[2] ? Number(m[2]) - 1 : undefined };
}

/**
 * One area without a sheet name ("A1", "$A$1:B2", whole columns "A:C", whole rows "3:5") as a
 * rectangle, corners in either order; null when it is malformed or leaves the grid.
 */
export function parseRect(area: string): Rect | null {
  const [a, b = a, extra] = area.split(":");
  if (extra !== undefined) return null;
  const p = parseEnd(a);
  const q = parseEnd(b);
  if (!p || !q) return null;
  const range = area.includes(":");
  let rect: Rect;
  if (p.r !== undefined && p.c !== undefined && q.r !== undefined && q.c !== undefined)
    rect = { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
  else if (
    range &&
    p.r === undefined &&
    q.r === undefined &&
    p.c !== undefined &&
    q.c !== undefined
  )
    rect = { r0: 0, c0: p.c, r1: MAX_ROWS - 1, c1: q.c };
  else if (
    range &&
    p.c === undefined &&
    q.c === undefined &&
    p.r !== undefined &&
    q.r !== undefined
  )
    rect = { r0: p.r, c0: 0, r1: q.r, c1: MAX_COLS - 1 };
  else return null;
  const n = {
    r0: Math.min(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    r1: Math.max(rect.r0, rect.r1),
    c1: Math.max(rect.c0, rect.c1),
  };
  return n.r0 < 0 || n.c0 < 0 || n.r1 >= MAX_ROWS || n.c1 >= MAX_COLS ? null : n;
}
