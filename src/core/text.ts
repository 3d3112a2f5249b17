// Text normalisation shared by header matching, programme lookup and ID checks.
import type { Cell } from "./types";

/** Full-width forms folded to half-width (NFKC), ideographic spaces included. */
export function fold(s: string): string {
  return nfkcStable(s) ? s : s.normalize("NFKC");
}

/** Characters NFKC leaves alone in any context: ASCII and the CJK Unified Ideographs block. */
function stableCode(c: number): boolean {
  return c < 0x80 || (c >= 0x4e00 && c <= 0x9fff);
}

/** True when NFKC would return `s` unchanged (checked cheaply; most cells are plain ASCII or 汉字). */
function nfkcStable(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!stableCode(s.charCodeAt(i))) return false;
  return true;
}

/** A character that trimming never removes: printable ASCII or a CJK ideograph. */
function keptAtEdge(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);
}

/** The cell as the user sees it, trimmed; numbers in plain decimal form. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "number") return Number.isFinite(c) ? numberText(c) : "";
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  if (c.length > 0 && keptAtEdge(c.charCodeAt(0)) && keptAtEdge(c.charCodeAt(c.length - 1)))
    return c;
  return c.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, "");
}

/** `cellText(c) === ""`, without making the text. */
export function blankText(c: Cell | undefined): boolean {
  if (typeof c === "string")
    return c.length === 0 || (!keptAtEdge(c.charCodeAt(0)) && cellText(c) === "");
  return c === null || c === undefined || (typeof c === "number" && !Number.isFinite(c));
}

/** Plain decimal text for a number (no exponent for integers below 1e21). */
export function numberText(n: number): string {
  // String() already gives plain digits for safe integers (and "0" for -0, as BigInt does).
  if (Number.isSafeInteger(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** A header or key as compared: folded, no spaces, no trailing unit like （元）, no * or colon. */
export function headerKey(s: string, keepCase = false): string {
  let k = fold(s).replace(/[\s\u00a0]+/g, "");
  k = k.replace(/^[*＊]+|[*＊:：]+$/g, "");
  // Trailing units: (元), (元/人), (人), (万元) …
  k = k.replace(/\([^()]*\)$/, "");
  return keepCase ? k : k.toLowerCase();
}

/** The unit written in a header's trailing parentheses, e.g. "万元" for "金额（万元）". */
export function headerUnit(s: string): string {
  const m = /\(([^()]*)\)\s*$/.exec(fold(s).replace(/[\s\u00a0]+/g, ""));
  return m ? m[1] : "";
}

/** FNV-1a (32-bit): the offset basis, and one step over a UTF-16 unit. */
export const FNV_BASIS = 0x811c9dc5;
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a over the UTF-16 units: a 32-bit hash for the roster's tables (rows.ts). */
export function hashText(s: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h | 0;
}

/** A UTF-16 unit that {@link valueKey} keeps as it is (no folding, not a space, not lower case). */
export function keyCode(c: number): boolean {
  return stableCode(c) && c > 0x20 && !(c >= 0x61 && c <= 0x7a);
}

/** A value as compared: folded, trimmed, inner spaces removed, case-insensitive. */
export function valueKey(s: string): string {
  // Already a key (汉字, digits, capitals, no spaces): the common case, returned as is.
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) plain = keyCode(s.charCodeAt(i));
  if (plain) return s;
  return fold(s)
    .replace(/[\s\u00a0]+/g, "")
    .toUpperCase();
}

/** , ; / (the ASCII separators of a list; 、 is counted apart). */
const LIST_SEP = new Set([0x2c, 0x3b, 0x2f]);

/** Split a category list on 、，,;；/ and spaces. */
export function splitList(s: string): string[] {
  // A single category (no separator, no space) is the usual cell: one array, no split. And a
  // list of plain items split on 、 only (the usual list) is cut without NFKC or a regex.
  if (s === "") return [];
  let plain = true;
  let sep = 0;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3001) sep++;
    else plain = stableCode(c) && c > 0x20 && !(c >= 0x61 && c <= 0x7a) && !LIST_SEP.has(c);
  }
  if (plain && sep === 0) return [s];
  if (plain) {
    const parts = s.split("、");
    return parts.every((x) => x !== "") ? parts : parts.filter((x) => x !== "");
  }
  return fold(s)
    .split(/[、,;/\s\u00a0]+/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

const YES = new Set(["是", "Y", "YES", "TRUE", "√", "✓", "✔", "会员", "是会员", "1"]);
const NO = new Set(["否", "N", "NO", "FALSE", "×", "✗", "非会员", "不是", "0"]);

/** 是/否 in the forms staff type; null when it cannot be read. */
export function yesNo(c: Cell): boolean | null {
  if (typeof c === "boolean") return c;
  const k = valueKey(cellText(c));
  if (k === "") return null;
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return null;
}

/** Bytes of a string in UTF-8 (a loop over UTF-16 units: no Buffer or TextEncoder needed). */
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

/** Bytes of a value written as JSON in UTF-8: the size of a request or response that carries it. */
export function jsonBytes(x: unknown): number {
  return utf8Length(JSON.stringify(x) ?? "");
}

/** A cell's value as text, as Excel's `cell&""` gives it: 1 → "1", TRUE → "TRUE". */
export function cellAsText(c: string | number | boolean | null): string {
  if (c === null) return "";
  if (typeof c === "number") return numberText(c);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return String(c);
}
