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

/** Parse "C7" into 0-based row and column. */
export function parseA1(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(addr.toUpperCase());
  if (!m) throw new Error("bad address " + addr);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
