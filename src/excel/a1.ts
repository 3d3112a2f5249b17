// Range addresses for Office.js calls: rectangles, and several cells grouped into address
// strings that stay under Excel's 8,192-character limit.
import { parseRect, Rect, rectAddress } from "../core/a1";

export const MAX_ADDRESS_CHARS = 8192;

/** "B3:D7" or "B3" → 0-based rectangle; throws on an address Excel would reject. */
export function rectOf(address: string): Rect {
  const r = parseRect(address);
  if (!r) throw new Error("bad address " + address);
  return r;
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
