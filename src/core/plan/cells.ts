// Cell and formula helpers shared by the plans: cell values, number formats and colours,
// references to input cells, SUMIF criteria, display widths.
import type { Cell, CellRef } from "../types";
import type { PlanCell } from "./types";
import { absA1, formulaString, sheetRef } from "../a1";
import { fenToYuan, numberToFen } from "../money";
import { numberText } from "../text";

export const MONEY = "#,##0.00";
export const WAN = "0.00";
export const COUNT = "0";
export const HEADER_FILL = "#DDEBF7";
export const TOTAL_FILL = "#F2F2F2";
export const WARN_COLOR = "#C00000";

export const text = (s: string): PlanCell => ({ text: s });
export const num = (n: number): PlanCell => ({ number: n });
export const fx = (formula: string, value: number | string): PlanCell => ({ formula, value });
export const yuan = (f: bigint) => fenToYuan(f);

/** A row of `width` empty cells. */
export const blankRow = (width: number): PlanCell[] => new Array<PlanCell>(width).fill(null);

/** An input cell in a formula: '项目费率'!$H$3. */
export function refText(r: CellRef): string {
  return sheetRef(r.sheet) + absA1(r.row, r.col);
}

/**
 * A money cell in a formula, in 元: the plain reference, or — when the cell has digits below
 * the fen (617.285), which the engine rounds away — that rounding written out in whole fen, so
 * it is exact in every spreadsheet: ROUND(ROUND(ref*100,6),0)/100.
 */
export function moneyRef(r: CellRef, tenThousand = false): string {
  const v = (r.value ?? 0) * (tenThousand ? 10000 : 1);
  const fen = numberToFen(v);
  if (fen !== null && Number(fen) / 100 === v) return refText(r) + (tenThousand ? "*10000" : "");
  return `ROUND(ROUND(${refText(r)}*${tenThousand ? 1000000 : 100},6),0)/100`;
}

/** COUNTIFS/SUMIF criterion for an exact, case-insensitive match: wildcards escaped, "=" first. */
export function exactCriterion(c: Cell): string {
  const s = typeof c === "number" ? numberText(c) : String(c ?? "");
  return formulaString("=" + s.replace(/[~*?]/g, (m) => "~" + m));
}

/** Display width: CJK characters count double. */
export function visualWidth(s: string): number {
  // CJK and full-width forms (U+2E80–U+FFEF) and characters beyond the BMP count 2, others 1
  // (a loop over code units: no regex or string per character).
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      w += 2;
    } else w += c >= 0x2e80 && c <= 0xffef ? 2 : 1;
  }
  return w;
}
