// A1 addresses as Excel accepts them: "A1", "$A$1:B2", "A:C", "3:5", with an optional
// sheet prefix ('It''s'!A1 or Sheet1!A1). Limits are Excel's grid: 1,048,576 × 16,384.

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Excel rejects range addresses longer than this (InvalidArgument). */
export const MAX_ADDRESS_CHARS = 8192;

/** 0-based, inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Column letters: the core's conversion, so the double and the plans agree. */
import { colLetter } from "../../core/a1";
export const colLetters = colLetter;

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** Split "'It''s'!A1:B2" into sheet and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/.exec(address.trim());
  if (!m) return { local: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], local: m[3] };
}

function parsePart(p: string): { r?: number; c?: number } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(p);
  if (!m || (!m[1] && !m[2])) return null;
  return { c: m[1] ? colIndex(m[1]) : undefined, r: m[2] ? Number(m[2]) - 1 : undefined };
}

/** One area ("A1", "A1:B2", "A:A", "1:3") to a rectangle, or null when Excel would reject it. */
export function parseArea(local: string): Rect | null {
  const [a, b = a, extra] = local.split(":");
  if (extra !== undefined) return null;
  const p = parsePart(a);
  const q = parsePart(b);
  if (!p || !q) return null;
  let rect: Rect;
  if (p.r !== undefined && p.c !== undefined && q.r !== undefined && q.c !== undefined) {
    rect = { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
  } else if (
    p.r === undefined &&
    q.r === undefined &&
    p.c !== undefined &&
    q.c !== undefined &&
    local.includes(":")
  ) {
    rect = { r0: 0, c0: p.c, r1: MAX_ROWS - 1, c1: q.c };
  } else if (
    p.c === undefined &&
    q.c === undefined &&
    p.r !== undefined &&
    q.r !== undefined &&
    local.includes(":")
  ) {
    rect = { r0: p.r, c0: 0, r1: q.r, c1: MAX_COLS - 1 };
  } else return null;
  const n = normalise(rect);
  if (n.r0 < 0 || n.c0 < 0 || n.r1 >= MAX_ROWS || n.c1 >= MAX_COLS) return null;
  return n;
}

function normalise(r: Rect): Rect {
  return {
    r0: Math.min(r.r0, r.r1),
    c0: Math.min(r.c0, r.c1),
    r1: Math.max(r.r0, r.r1),
    c1: Math.max(r.c0, r.c1),
  };
}

export function areaAddress(r: Rect): string {
  const a = colLetters(r.c0) + (r.r0 + 1);
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return a + ":" + colLetters(r.c1) + (r.r1 + 1);
}

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

/** UTF-8 length of a string, for request-size estimates (no Node Buffer: this runs in browsers). */
export function utf8Length(s: string): number {
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
