// Addresses as the double's Excel reads and reports them: an optional sheet prefix
// ('It''s'!A1 or Sheet1!A1) in front of an area the core parses (parseRect), and rectangle
// arithmetic on 0-based inclusive rectangles.
import type { Rect } from "../../core/a1";

/** Excel rejects range addresses longer than this (InvalidArgument). */
export const MAX_ADDRESS_CHARS = 8192;

/** Split "'It''s'!A1:B2" into sheet and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/.exec(address.trim());
  if (!m) return { local: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], local: m[3] };
}

/** The sheet name as Excel writes it in Range.address: quoted only when it must be. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*$/.test(name)
    ? name + "!"
    : "'" + name.replace(/'/g, "''") + "'!";
}

export function rows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}
export function cols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
  return r.r0 > r.r1 || r.c0 > r.c1 ? null : r;
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}
