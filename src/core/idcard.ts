// Resident ID numbers (GB 11643): normalisation, check digit, 15→18, birth date and gender.
import type { Cell, Day, Gender } from "./types";
import { fold } from "./text";
import { compareDays, isValidDay } from "./dates";

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
    if (digits.length === 15) return fromText(digits, today);
    return { kind: "format", text: digits };
  }
  const text = normaliseId(typeof c === "string" ? c : String(c ?? ""));
  return fromText(text, today);
}

/** An integer as Excel displays it: 15 significant digits, then zeros (not the binary double's tail). */
function excelDigits(n: number): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e\+(\d+)$/.exec(n.toPrecision(15));
  if (!m) return BigInt(Number(n.toPrecision(15))).toString();
  const mantissa = (m[2] + (m[3] ?? "")).replace(/0+$/, "");
  return m[1] + mantissa.padEnd(Number(m[4]) + 1, "0");
}

function fromText(text: string, today: Day): IdCheck {
  let id18: string;
  let from15 = false;
  if (/^\d{17}[\dX]$/.test(text)) {
    id18 = text;
  } else if (/^\d{15}$/.test(text)) {
    const body = text.slice(0, 6) + "19" + text.slice(6);
    id18 = body + checkDigit(body);
    from15 = true;
  } else {
    return { kind: "format", text };
  }
  // Positions 0–16 are digits here: read them without cutting substrings.
  const dg = (i: number) => id18.charCodeAt(i) - 48;
  const y = dg(6) * 1000 + dg(7) * 100 + dg(8) * 10 + dg(9);
  const m = dg(10) * 10 + dg(11);
  const d = dg(12) * 10 + dg(13);
  if (!isValidDay(y, m, d) || y < 1900)
    return { kind: "birthdate", id18, reason: "出生日期不存在" };
  const birth = { y, m, d };
  if (compareDays(birth, today) > 0) return { kind: "birthdate", id18, reason: "出生日期在未来" };
  const expected = checkDigit(id18); // reads the first 17 characters
  if (!from15 && expected !== id18[17]) return { kind: "checksum", id18, expected };
  const gender: Gender = (id18.charCodeAt(16) - 48) % 2 === 1 ? "男" : "女";
  return { kind: "ok", id18, birth, gender, from15 };
}

/** 性别 as typed: 男/女, M/F; null when blank or unreadable. */
export function readGender(s: string): Gender | null {
  if (s === "男" || s === "女") return s;
  const k = fold(s).trim().toUpperCase();
  if (/^(男|男性|M|MALE)$/.test(k)) return "男";
  if (/^(女|女性|F|FEMALE)$/.test(k)) return "女";
  return null;
}
