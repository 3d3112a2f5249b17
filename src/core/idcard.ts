// Resident ID numbers (GB 11643): normalisation, check digit, 15→18, birth date and gender.
import type { Cell, Day, Gender } from "./types";
import { fnvStep, FNV_BASIS, fold } from "./text";
import { isValidDay } from "./dates";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Trimmed, full-width folded, x upper-cased. Internal spaces or dashes are kept (and fail).
 *  Only the ASCII x is upper-cased: a full toUpperCase() can unfold characters that NFKC then
 *  recomposes differently (ΐ), which made normalising twice differ from normalising once. */
export function normaliseId(s: string): string {
  return fold(s)
    .replace(/^[\s'‘’`]+|\s+$/g, "")
    .replace(/x/g, "X");
}

export type IdCheck =
  | { kind: "numeric"; digits: string }
  | { kind: "format"; text: string }
  | { kind: "birthdate"; id18: string; reason: string }
  | { kind: "checksum"; id18: string; expected: string }
  | { kind: "ok"; id18: string; birth: Day; gender: Gender; from15: boolean };

/** Classify an ID cell. `today` bounds the birth date. */
export function checkId(c: Cell, today: Day): IdCheck {
  if (typeof c === "number") {
    // Shown as Excel shows it: 15 significant digits, the rest zeros.
    const digits = Number.isInteger(c) && Math.abs(c) < 1e21 ? excelDigits(c) : String(c);
    // Excel keeps 15 significant digits: an 18-digit number has lost its last three.
    if (digits.length > 15 || !Number.isInteger(c)) return { kind: "numeric", digits };
    if (digits.length === 15) return fromText(digits, 15, today);
    return { kind: "format", text: digits };
  }
  // Most cells are already 18 plain characters: nothing for normalising to change.
  if (typeof c === "string" && shapeOf(c) === 18) return fromText(c, 18, today);
  const text = normaliseId(typeof c === "string" ? c : String(c ?? ""));
  return fromText(text, shapeOf(text), today);
}

/** 18 for 17 ASCII digits and a digit or X, 15 for 15 digits, else 0 (a loop, not a regex). */
function shapeOf(s: string): 18 | 15 | 0 {
  const n = s.length;
  if (n !== 18 && n !== 15) return 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (n === 18 && i === 17 && c === 88) continue; // X
    return 0;
  }
  return n;
}

/** An integer as Excel displays it: 15 significant digits, then zeros (not the binary double's tail). */
function excelDigits(n: number): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e\+(\d+)$/.exec(n.toPrecision(15));
  if (!m) return BigInt(Number(n.toPrecision(15))).toString();
  const mantissa = (m[2] + (m[3] ?? "")).replace(/0+$/, "");
  return m[1] + mantissa.padEnd(Number(m[4]) + 1, "0");
}

function fromText(text: string, shape: 18 | 15 | 0, today: Day): IdCheck {
  let id18: string;
  let from15 = false;
  if (shape === 18) {
    id18 = text;
  } else if (shape === 15) {
    const body = text.slice(0, 6) + "19" + text.slice(6);
    id18 = body + checkDigit(body);
    from15 = true;
  } else {
    return { kind: "format", text };
  }
  const fault = idFault(id18, today, from15);
  switch (fault) {
    case ID_OK:
      return { kind: "ok", id18, birth: birthOf(id18), gender: genderOf(id18), from15 };
    case ID_NO_DAY:
      return { kind: "birthdate", id18, reason: "出生日期不存在" };
    case ID_FUTURE:
      return { kind: "birthdate", id18, reason: "出生日期在未来" };
    default:
      return { kind: "checksum", id18, expected: checkDigit(id18) };
  }
}

/** What {@link idFault} finds wrong with an ID of the 18-character shape. */
export const ID_OK = 0;
export const ID_NO_DAY = 1;
export const ID_FUTURE = 2;
export const ID_CHECKSUM = 3;

/** The birth date packed as y*10000 + m*100 + d (positions 7–14; they are digits here). */
export function packedBirth(id18: string): number {
  return (
    id18.charCodeAt(6) * 10000000 +
    id18.charCodeAt(7) * 1000000 +
    id18.charCodeAt(8) * 100000 +
    id18.charCodeAt(9) * 10000 +
    id18.charCodeAt(10) * 1000 +
    id18.charCodeAt(11) * 100 +
    id18.charCodeAt(12) * 10 +
    id18.charCodeAt(13) -
    48 * 11111111
  );
}

function birthOf(id18: string): Day {
  const b = packedBirth(id18);
  return { y: Math.floor(b / 10000), m: Math.floor(b / 100) % 100, d: b % 100 };
}

/** 男 for an odd 17th digit. */
export function genderOf(id18: string): Gender {
  return (id18.charCodeAt(16) - 48) % 2 === 1 ? "男" : "女";
}

/**
 * The checks of an ID of the 18-character shape (17 digits, then a digit or X), without making
 * anything: a real birth date from 1900 on, not after `today`, and the check digit (not for an
 * ID converted from 15 digits, whose check digit was computed). Roster rows are read with this
 * (one call per row, no object).
 */
export function idFault(id18: string, today: Day, from15 = false): number {
  const b = packedBirth(id18);
  const y = Math.floor(b / 10000);
  if (!isValidDay(y, Math.floor(b / 100) % 100, b % 100) || y < 1900) return ID_NO_DAY;
  if (b > today.y * 10000 + today.m * 100 + today.d) return ID_FUTURE;
  if (!from15 && checkDigit(id18) !== id18[17]) return ID_CHECKSUM;
  return ID_OK;
}

/** NOT_PLAIN from {@link plainIdFault}: not 17 ASCII digits and a digit or X. */
export const NOT_PLAIN = -1;

/**
 * For a cell in the form nothing needs normalising (17 ASCII digits, then a digit or X): what
 * {@link idFault} finds; NOT_PLAIN for any other text. The shape and the check digit are read
 * in one pass (a roster row's ID is read once, with no object made). When `hashOut` is given and
 * the cell is plain, the same pass stores the cell's FNV-1a hash (what `hashText` gives) at
 * `hashOut[at]`.
 */
export function plainIdFault(s: string, today: Day, hashOut?: Int32Array, at = 0): number {
  if (s.length !== 18) return NOT_PLAIN;
  let sum = 0;
  let h = FNV_BASIS;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NOT_PLAIN;
    sum += (c - 48) * WEIGHTS[i];
    h = fnvStep(h, c);
  }
  const last = s.charCodeAt(17);
  if ((last < 48 || last > 57) && last !== 88) return NOT_PLAIN;
  if (hashOut) hashOut[at] = fnvStep(h, last) | 0;
  const b = packedBirth(s);
  const y = Math.floor(b / 10000);
  if (!isValidDay(y, Math.floor(b / 100) % 100, b % 100) || y < 1900) return ID_NO_DAY;
  if (b > today.y * 10000 + today.m * 100 + today.d) return ID_FUTURE;
  return CHECK.charCodeAt(sum % 11) === last ? ID_OK : ID_CHECKSUM;
}

/** 性别 as typed: 男/女, M/F; null when blank or unreadable. */
export function readGender(s: string): Gender | null {
  if (s === "男" || s === "女") return s;
  const k = fold(s).trim().toUpperCase();
  if (/^(男|男性|M|MALE)$/.test(k)) return "男";
  if (/^(女|女性|F|FEMALE)$/.test(k)) return "女";
  return null;
}
