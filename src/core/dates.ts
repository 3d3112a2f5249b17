// Calendar days: Excel serial numbers, the text forms staff type, and month arithmetic.
import type { Cell, Day } from "./types";
import { cellText, fold } from "./text";

export const DAY_MS = 86400000;
/** Excel's day 0, 1899-12-30, once its fictitious 1900-02-29 is accounted for (serials ≥ 61). */
export const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function isValidDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  // Arithmetic for the usual case (no Date per call); Date.UTC otherwise (it reads years 0–99 as 19xx).
  if (Number.isInteger(y) && y >= 100 && Number.isInteger(m) && m >= 1 && m <= 12) {
    return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
  }
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function serialToDay(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const whole = Math.floor(serial);
  return civilFromDays(EXCEL_EPOCH / DAY_MS + (whole < 61 ? whole + 1 : whole));
}

/** Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant's civil_from_days; no Date object). */
function civilFromDays(days: number): Day {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function dayToSerial(day: Day): number {
  const n = Math.round((Date.UTC(day.y, day.m - 1, day.d) - EXCEL_EPOCH) / DAY_MS);
  return n < 61 ? n - 1 : n;
}

export function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function addMonths(day: Day, months: number): Day {
  const total = day.y * 12 + (day.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

export function formatDay(day: Day): string {
  return `${day.y}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

/**
 * A date cell: an Excel serial (number), or text such as 2024-06-01, 2024/6/1, 2024.6.1,
 * 2024年6月1日, 20240601, or 2024年6月 (the first of the month). A range like
 * "2024-06-01至2024-06-05" gives its first day. Null when it cannot be read.
 */
export function parseDay(c: Cell): Day | null {
  if (typeof c === "number") return serialToDay(c);
  if (typeof c !== "string") return null;
  const s = fold(cellText(c)).replace(/\s+/g, "");
  if (s === "") return null;
  const first = s.split(/至|到|~|—|–/)[0];
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T.*|\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(
    first
  );
  if (m) return checked(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(first);
  if (m) return checked(+m[1], +m[2], +m[3]);
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(first);
  if (m) return checked(+m[1], +m[2], 1);
  if (/^\d+(\.\d+)?$/.test(first)) return serialToDay(Number(first));
  return null;
}

/** Whether a number format shows a date or time (m/d, yyyy-mm-dd, m"月"d"日", d-mmm, [$-804]…):
 *  a y, m, d, h or s outside quotes, brackets and escapes. "General" and 0.00, #,##0, 0%, # ?/?
 *  are not. */
export function isDateFormat(fmt: string): boolean {
  if (fmt === "" || fmt === "General" || fmt === "@") return false;
  // Only the first section (positive numbers) decides.
  const first = fmt.split(";")[0];
  const bare = first
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  return /[ymdhse年月日]/i.test(bare.replace(/E[+-]/gi, ""));
}

/** A share typed as 1/3 that a spreadsheet turned into a date: the day it became and the text
 *  that was probably typed (month/day). Text such as 1月3日 (a date exported as text) too. */
export function dateLikeShare(
  c: Cell,
  numberFormat: string
): { shown: string; typed: string } | null {
  let day: Day | null = null;
  if (typeof c === "number") day = isDateFormat(numberFormat) ? serialToDay(c) : null;
  else if (typeof c === "string") {
    const s = fold(cellText(c)).replace(/\s+/g, "");
    // 2024/1/3, 2024-01-03, 2024年1月3日, 1月3日; a bare 1/3 is a fraction and 1.3 an amount.
    const m =
      /^\d{4}[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{1,2})月(\d{1,2})日?$/.exec(s);
    if (m) day = checked(2000, +m[1], +m[2]);
  }
  if (!day) return null;
  return { shown: `${day.m}月${day.d}日`, typed: `${day.m}/${day.d}` };
}

function checked(y: number, m: number, d: number): Day | null {
  return isValidDay(y, m, d) ? { y, m, d } : null;
}

/** Today's date in local time, for defaults only. */
export function today(): Day {
  const t = new Date();
  return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate() };
}
