// Exact money: integer fen (bigint) and rational shares. Rounding is half away from zero,
// as Excel's ROUND does, so the core and the formulas agree to the fen.
import type { Cell, ShareSpec } from "./types";
import { cellText, fold } from "./text";

/** Parse a money amount in 元 into fen: 3000, "3,000", "3000元", "2200.5". Null if unreadable. */
export function parseFen(c: Cell): bigint | null {
  if (typeof c === "number") return numberToFen(c);
  if (typeof c !== "string") return null;
  const s = minusSign(
    fold(cellText(c))
      .replace(/[,\s]/g, "")
      .replace(/(元|¥|￥|rmb)$/i, "")
      .replace(/^[¥￥]/, "")
  );
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return decimalToFen(s);
}

/** A minus typed as − (U+2212) or – before digits is a minus sign (NFKC keeps them), so
 *  "−3000" is reported as negative rather than as unreadable. */
function minusSign(s: string): string {
  return s.replace(/^[\u2212\u2013](?=\d)/, "-");
}

export function numberToFen(n: number): bigint | null {
  if (!Number.isFinite(n)) return null;
  // As Excel rounds: on the 15 significant digits it shows. 2200.1 is stored as 2200.0999… and
  // 617.285 as 617.28499…; read as decimals they are 2200.10 and 617.29 (half away from zero).
  const t = n.toPrecision(15);
  if (/e/i.test(t)) {
    // 1e308 * 100 overflows to Infinity: too large to be money, so unreadable rather than a crash.
    const f = Math.round(n * 100);
    return Number.isFinite(f) ? BigInt(f) : null;
  }
  return decimalToFen(t);
}

function decimalToFen(s: string): bigint {
  const neg = s.startsWith("-");
  const [int, frac = ""] = s.replace("-", "").split(".");
  const cents = BigInt(int + (frac + "00").slice(0, 2));
  const rest = frac.slice(2);
  const up = rest !== "" && rest[0] >= "5" ? 1n : 0n;
  const v = cents + up;
  return neg ? -v : v;
}

/** num/den rounded to an integer, half away from zero. */
export function roundDiv(num: bigint, den: bigint): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const a = neg ? -num : num;
  const q = (2n * a + den) / (2n * den);
  return neg ? -q : q;
}

export function fenToYuan(f: bigint): number {
  return Number(f) / 100;
}

/** "132,093.34" */
export function formatYuan(f: bigint): string {
  const neg = f < 0n;
  const a = neg ? -f : f;
  const int = (a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + int + "." + (a % 100n).toString().padStart(2, "0");
}

export type ShareParse = { ok: true; spec: ShareSpec } | { ok: false; reason: string };

/**
 * A share cell: an amount per person (2200), a fraction (1/3), a percentage (50%), 全额, 其余,
 * or blank. A number formatted as % or as a fraction is read as such; a bare number between
 * 0 and 1 is a ratio too (no one pays 0.33 元 a head).
 */
export function parseShare(c: Cell, numberFormat = ""): ShareParse {
  if (typeof c === "boolean") return { ok: false, reason: "不是金额或比例" };
  if (typeof c === "number") {
    if (!Number.isFinite(c) || c < 0) return { ok: false, reason: "不能为负数" };
    if (numberFormat.includes("%")) return ratioFromNumber(c, true);
    if (/\?\/|#\/|\/\d/.test(numberFormat) || (c > 0 && c < 1)) return ratioFromNumber(c, false);
    const fen = numberToFen(c);
    return fen === null
      ? { ok: false, reason: "不是金额" }
      : { ok: true, spec: fen === 0n ? { kind: "zero" } : { kind: "amount", fen } };
  }
  const s = minusSign(fold(cellText(c)).replace(/\s+/g, ""));
  if (s === "" || s === "-" || s === "—" || s === "/") return { ok: true, spec: { kind: "zero" } };
  if (/^(全额|全部|100%)$/.test(s)) return { ok: true, spec: { kind: "full" } };
  if (/^(其余|剩余|余额|其余部分|差额)$/.test(s)) return { ok: true, spec: { kind: "rest" } };
  let m = /^(\d+)\/(\d+)$/.exec(s);
  if (m) {
    const num = BigInt(m[1]);
    const den = BigInt(m[2]);
    if (den === 0n) return { ok: false, reason: "分母为0" };
    if (num > den) return { ok: false, reason: "比例超过全额" };
    return {
      ok: true,
      spec: num === 0n ? { kind: "zero" } : { kind: "ratio", num, den, percent: false },
    };
  }
  m = /^(\d+(?:\.\d+)?)%$/.exec(s);
  if (m) {
    const { num, den } = decimalRatio(m[1]);
    const d = den * 100n;
    if (num > d) return { ok: false, reason: "比例超过100%" };
    return {
      ok: true,
      spec: num === 0n ? { kind: "zero" } : { kind: "ratio", num, den: d, percent: true },
    };
  }
  if (/^-/.test(s)) return { ok: false, reason: "不能为负数" };
  const fen = parseFen(s);
  if (fen !== null)
    return { ok: true, spec: fen === 0n ? { kind: "zero" } : { kind: "amount", fen } };
  return { ok: false, reason: "无法识别（应为金额、1/3、50%、全额、其余或留空）" };
}

function decimalRatio(s: string): { num: bigint; den: bigint } {
  const [i, f = ""] = s.split(".");
  return { num: BigInt(i + f), den: 10n ** BigInt(f.length) };
}

/** A numeric ratio cell as an exact fraction: small denominators first (1/3), else its decimal. */
function ratioFromNumber(x: number, percent: boolean): ShareParse {
  if (x > 1 + 1e-12) return { ok: false, reason: percent ? "比例超过100%" : "比例超过全额" };
  if (x === 0) return { ok: true, spec: { kind: "zero" } };
  for (let den = 1; den <= 1000; den++) {
    const num = Math.round(x * den);
    if (Math.abs(num / den - x) < 1e-12) {
      return { ok: true, spec: { kind: "ratio", num: BigInt(num), den: BigInt(den), percent } };
    }
  }
  const { num, den } = decimalRatio(x.toFixed(15).replace(/0+$/, ""));
  return { ok: true, spec: { kind: "ratio", num, den, percent } };
}
