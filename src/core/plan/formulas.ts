// The formulas of a programme row: headcount by an exact count over the roster's programme
// column, and each payer's share.
import type { Program } from "../types";
import type { PayerShare, ProgramAllocation } from "../allocate";
import type { PlanContext } from "./types";
import { a1, colLetter, formulaString, sheetRef } from "../a1";
import { cellAsText, numberText } from "../text";
import { moneyRef, refText } from "./cells";

/** Rows below the roster's last row that the count still covers (rows the user adds later). */
export const COUNT_HEADROOM = 1000;

/** The quota cell as a reference, when it holds a number. */
export function quotaRef(p: Program): string | null {
  return p.quotaRef?.numeric ? refText(p.quotaRef) : null;
}

/**
 * One roster sheet's count of cells whose text is exactly `spelling` (case, spaces and width
 * kept). COUNTIFS would coerce: "=01" also counts 1, 001 and １, and * ? ~ = < are operators to
 * it. EXACT over range&"" compares the texts Excel shows for the raw values (1 → "1", TRUE →
 * "TRUE"), which is what the engine's spellings are (plan/cells.ts cellAsText). Bounded rows: a
 * whole-column SUMPRODUCT would walk a million rows on every recalculation.
 */
export function exactCountTerm(range: string, spelling: string): string {
  return `SUMPRODUCT(--EXACT(${range}&"",${formulaString(spelling)}))`;
}

/** The roster's programme column from row 1 to its last row plus the headroom. */
export function rosterProgramRange(sheet: string, col: number, lastRow: number): string {
  const c = colLetter(col);
  return `${sheetRef(sheet)}$${c}$1:$${c}$${Math.max(1, lastRow) + COUNT_HEADROOM}`;
}

/** 人数: the sum over every roster sheet of its exact count of each spelling. */
export function countFormula(pa: ProgramAllocation, ctx: PlanContext): string {
  const terms: string[] = [];
  for (const r of ctx.rosters) {
    if (r.programCol === null) continue;
    const range = rosterProgramRange(r.sheet, r.programCol, r.lastRow ?? 0);
    for (const s of pa.spellings) terms.push(exactCountTerm(range, cellAsText(s)));
  }
  return terms.join("+") || "0";
}

/** 人数 budgets the places, not the sign-ups: the count capped by the 名额 cell. */
export function cappedCountFormula(count: string, quotaCell: string | null): string {
  return quotaCell === null ? count : `MIN(${count},${quotaCell})`;
}

/** Where a programme row's count, cost and first share sit (0-based columns). */
export interface RowColumns {
  count: number;
  cost: number;
  payer0: number;
}

/** One payer's share in row r, without its leading "=". */
export function shareFormula(
  s: PayerShare,
  pa: ProgramAllocation,
  r: number,
  C: RowColumns
): string {
  const count = a1(r, C.count);
  const cost = a1(r, C.cost);
  if (s.remainder) {
    const others = pa.shares
      .map((x, j) => (x === s ? null : a1(r, C.payer0 + j)))
      .filter((x): x is string => x !== null);
    return others.length ? `ROUND(${cost}-SUM(${others.join(",")}),2)` : cost;
  }
  if (!s.spec || !s.ref) return "0";
  const spec = s.spec;
  switch (spec.kind) {
    case "zero":
      return s.ref.numeric ? `ROUND(${count}*${moneyRef(s.ref)},2)` : "0";
    case "amount":
      return `ROUND(${count}*${s.ref.numeric ? moneyRef(s.ref) : numberText(Number(spec.fen) / 100)},2)`;
    case "ratio": {
      // Whole fen, as the engine computes: ROUND(cost*1/6,2) would see 72386.73/6 = 12064.455 as
      // 12064.4549999… in floating point and round it down in spreadsheets whose ROUND is not
      // decimal-aware. Integer fen × num / den is exact; a ratio cell (0.1666…) is first rounded
      // to 1e-5 fen, which restores an exact half without moving any other value across one.
      const costFen = `ROUND(${cost}*100,0)`;
      return s.ref.numeric
        ? `ROUND(ROUND(${costFen}*${refText(s.ref)},5),0)/100`
        : `ROUND(${costFen}*${spec.num}/${spec.den},0)/100`;
    }
    case "full":
      return cost;
    case "rest":
      return "0";
  }
}
