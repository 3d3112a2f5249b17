// A cell's content as Excel sees it: what typing (or writing values/formulas) stores, and the
// text Excel shows for a value under a number format (the subset the add-in uses).
import { DAY_MS, EXCEL_EPOCH } from "../../core/dates";
import type { CellRec, Scalar } from "./model";

/** What Excel stores when the user (or values/formulas) enters `input` into a cell. */
export function enter(input: unknown, numberFormat: string | undefined): CellRec | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new Error("NaN");
    return { v: input };
  }
  if (typeof input === "boolean") return { v: input };
  const s = String(input);
  if (s === "") return { v: "" };
  if (numberFormat === "@") return { v: s };
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (s.length > 1 && s.startsWith("=")) return { v: null, f: s };
  // Excel reads a leading + or - (and @) as the start of a formula unless it is a number.
  const num = parseNumberText(s);
  if (num !== null) return { v: num };
  if (s.length > 1 && /^[+\-@]/.test(s)) return { v: null, f: "=" + s };
  if (/^(TRUE|FALSE)$/i.test(s)) return { v: s.toUpperCase() === "TRUE" };
  return { v: s };
}

function parseNumberText(s: string): number | null {
  const t = s.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?([eE][+-]?\d+)?$/.test(t) || /^[+-]?\.\d+$/.test(t))
    return Number(t.replace(/,/g, ""));
  const pct = /^([+-]?\d+(\.\d*)?)%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  return null;
}

/** The text Excel shows for a value under a number format (the subset the add-in uses). */
export function displayText(v: Scalar | null, numberFormat: string | undefined): string {
  if (v === null || v === "") return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  // Sections positive;negative;zero;text, as in Excel's number formats; a colour such as [Red]
  // only colours the text, and a section that is a quoted literal shows that literal.
  const sections = (numberFormat ?? "General").split(";");
  if (typeof v === "string") {
    const t = sections[3]?.replace(/\[[A-Za-z]+\]/g, "");
    return t !== undefined && t.includes("@") ? t.replace(/"([^"]*)"/g, "$1").replace("@", v) : v;
  }
  const pick = sections.length > 2 && v === 0 ? 2 : sections.length > 1 && v < 0 ? 1 : 0;
  const section = sections[pick].replace(/\[[A-Za-z]+\]/g, "");
  const literal = /^"([^"]*)"$/.exec(section);
  if (literal) return literal[1];
  const f = sections[0];
  if (f === "General" || f === "" || f === "@") return generalNumber(v);
  if (/[yd]/i.test(f) && !/[#0]/.test(f)) return dateText(v, f);
  const pct = f.endsWith("%");
  const x = pct ? v * 100 : v;
  const dec = /\.(0+)/.exec(f)?.[1].length ?? 0;
  let s = Math.abs(x).toFixed(dec);
  if (f.includes(",")) {
    const [i, d] = s.split(".");
    s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (d !== undefined ? "." + d : "");
  }
  return (x < 0 && Number(s.replace(/,/g, "")) !== 0 ? "-" : "") + s + (pct ? "%" : "");
}

function generalNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const s = String(Number(v.toPrecision(10)));
  return s.length > 11
    ? v
        .toExponential(5)
        .replace(/\.?0+e/, "E")
        .replace("e", "E")
    : s;
}

function dateText(serial: number, f: string): string {
  const ms = EXCEL_EPOCH + Math.round(serial * DAY_MS);
  const d = new Date(ms);
  const y = d.getUTCFullYear(),
    m = d.getUTCMonth() + 1,
    day = d.getUTCDate();
  return f
    .replace(/yyyy/gi, String(y))
    .replace(/mm/g, String(m).padStart(2, "0"))
    .replace(/m/g, String(m))
    .replace(/dd/gi, String(day).padStart(2, "0"))
    .replace(/d/gi, String(day))
    .replace(/\\/g, "")
    .replace(/"/g, "");
}
