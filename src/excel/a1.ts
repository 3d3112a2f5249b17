// Range addresses for Office.js calls: rectangles, and several cells grouped into address
// strings that stay under Excel's 8,192-character limit.
import { colLetter, parseA1 } from "../core/a1";

export const MAX_ADDRESS_CHARS = 8192;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "B3:D7" or "B3" → 0-based rectangle. */
export function rectOf(address: string): Rect {
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  return {
    r0: Math.min(p.row, q.row),
    c0: Math.min(p.col, q.col),
    r1: Math.max(p.row, q.row),
    c1: Math.max(p.col, q.col),
  };
}

export function rectAddress(r: Rect): string {
  const a = colLetter(r.c0) + (r.r0 + 1);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : a + ":" + colLetter(r.c1) + (r.r1 + 1);
}

/** Cells (0-based) as few areas: vertical runs in each column. */
export function runs(cells: { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let cur: Rect | null = null;
  for (const c of sorted) {
    if (cur && c.col === cur.c0 && c.row === cur.r1 + 1) cur.r1 = c.row;
    else if (cur && c.col === cur.c0 && c.row === cur.r1) continue;
    else {
      if (cur) out.push(rectAddress(cur));
      cur = { r0: c.row, c0: c.col, r1: c.row, c1: c.col };
    }
  }
  if (cur) out.push(rectAddress(cur));
  return out;
}

/** Join areas with commas into strings of at most `limit` characters each. */
export function groupAddresses(areas: string[], limit = MAX_ADDRESS_CHARS - 192): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of areas) {
    if (cur && cur.length + 1 + a.length > limit) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? cur + "," + a : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** UTF-8 size of a JSON value: what a request or response carries. */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
