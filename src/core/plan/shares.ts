// Live share formulas: each payer's cell of a programme row reads its share straight from the
// rate sheet, whatever the cell holds — an amount per person (2200), a fraction (1/3 as text or
// 0.333… as a number), a percentage (50% as text or 0.5), 全额, 其余 or blank — so editing a
// share and recalculating gives what regenerating would. One cell per programme can take the
// rounding remainder (the payer marked 其余 when generated, else the own union, as the engine
// does); it is the only one that refers to the others, so there is no circular reference. What a
// formula cannot follow (其余 moved to another payer, shares that no longer add up) shows in the
// row's 核对 cell.
import type { CellRef } from "../types";
import type { PayerShare, ProgramAllocation } from "../allocate";
import { formulaString } from "../a1";
import { numberText } from "../text";
import { refText } from "./cells";

/** The words that mean 其余 (as src/core/money.ts reads them). */
const REST_WORDS = ["其余", "剩余", "余额", "其余部分", "差额"];
const ZERO_WORDS = ["", "-", "—", "/"];
const FULL_WORDS = ["全额", "全部", "100%"];

export interface ShareCells {
  /** The programme row's headcount and cost cells (A1, same sheet). */
  count: string;
  cost: string;
}

const anyOf = (t: string, words: string[]) =>
  `OR(${words.map((w) => `${t}=${formulaString(w)}`).join(",")})`;

/** Whether the rate cell says 其余. */
function isRest(x: string): string {
  return anyOf(`TRIM(${x})`, REST_WORDS);
}

/** Whether the rate cell holds a fraction or a percentage (numeric below 1, or text a/b, n%). */
function isRatio(x: string, upTo1: boolean): string {
  const t = `TRIM(${x})`;
  return `IF(ISNUMBER(${x}),AND(${x}>0,${x}${upTo1 ? "<=" : "<"}1),OR(ISNUMBER(FIND("/",${t})),AND(RIGHT(${t},1)="%",${t}<>"100%")))`;
}

/**
 * The payer's share from its rate cell alone (其余 counts 0), in 元 rounded to the fen as the
 * engine computes it: ratios on whole fen (see formulas.ts), amounts × headcount.
 * `upTo1`: a number of 1 is a ratio (100%, the cell was formatted as a percentage) rather than 1 元.
 */
export function rawShare(x: string, c: ShareCells, upTo1: boolean, fallback = "0"): string {
  const t = `TRIM(${x})`;
  const fen = `ROUND(${c.cost}*100,0)`;
  const ratio = (r: string) => `ROUND(ROUND(${fen}*${r},5),0)/100`;
  const slash = `FIND("/",${t})`;
  // The text either side of the slash (written without "+1"/"-1": no formula here holds a
  // fragment that looks like user input, see test/security/text-stays-text.test.ts).
  const top = `VALUE(REPLACE(${t},${slash},30,""))`;
  const bottom = `VALUE(RIGHT(${t},LEN(${t})-${slash}))`;
  // Above the whole is unreadable (RATE_INVALID) and counts 0, as in the engine.
  const fraction = `IF(${top}>${bottom},0,ROUND(${fen}*${top}/${bottom},0)/100)`;
  const pct = `VALUE(SUBSTITUTE(${t},"%",""))`;
  const percent = `IF(${pct}>100,0,ROUND(ROUND(${fen}*${pct}/100,5),0)/100)`;
  // Whole fen per person (617.285 → 617.29, as the engine reads it); a negative amount is
  // unreadable (RATE_INVALID) and counts 0, as does any text the formula cannot read.
  const amount = (v: string) => `IF(${v}<0,0,ROUND(${c.count}*ROUND(ROUND(${v}*100,6),0)/100,2))`;
  return (
    `IFERROR(IF(ISNUMBER(${x}),IF(${x}<0,0,IF(${x}${upTo1 ? "<=" : "<"}1,${ratio(x)},${amount(x)})),` +
    `IF(${anyOf(t, ZERO_WORDS)},0,IF(${anyOf(t, FULL_WORDS)},${c.cost},` +
    `IF(${isRest(x)},0,IF(ISNUMBER(${slash}),${fraction},` +
    `IF(RIGHT(${t},1)="%",${percent},${amount(`VALUE(${t})`)})))))),${fallback})`
  );
}

/**
 * What a formula cannot read (text such as ２２００ or 2,200元, which the engine reads) keeps the
 * figure it had when generated; an unreadable cell (RATE_INVALID) counts 0 as in the engine.
 */
function fixedShare(s: PayerShare, c: ShareCells): string {
  const spec = s.spec;
  if (!spec) return "0";
  switch (spec.kind) {
    case "amount":
      return `ROUND(${c.count}*${numberText(Number(spec.fen) / 100)},2)`;
    case "ratio":
      return `ROUND(ROUND(${c.cost}*100,0)*${spec.num}/${spec.den},0)/100`;
    case "full":
      return c.cost;
    default:
      return "0";
  }
}

/** Whether a numeric share cell is read as a ratio up to and including 1 (a percentage). */
function upTo1(s: PayerShare): boolean {
  return s.spec?.kind === "ratio" || s.spec?.kind === "full";
}

/** The payer whose cell takes the rounding remainder: 其余 when generated, else the own union. */
export function remainderIndex(pa: ProgramAllocation, ownUnion: string): number {
  const rem = pa.shares.findIndex((s) => s.remainder);
  if (rem >= 0) return rem;
  return pa.shares.findIndex((s) => s.payer === ownUnion && s.ref !== null);
}

/** The rate cell of a share as a formula reference (numeric rounded to the fen where needed). */
function rateCell(ref: CellRef): string {
  return refText(ref);
}

/**
 * Each payer's share formula (without "="), in payer order. `cellOf(j)` is the A1 address of
 * payer j's share cell in the row. A payer without a share column pays nothing (0).
 */
export function liveShareFormulas(
  pa: ProgramAllocation,
  c: ShareCells,
  cellOf: (j: number) => string,
  ownUnion: string
): string[] {
  const rem = remainderIndex(pa, ownUnion);
  const raws = pa.shares.map((s) =>
    s.ref && !s.unreadable ? rawShare(rateCell(s.ref), c, upTo1(s), fixedShare(s, c)) : "0"
  );
  // 其余 takes the rest only when it is the programme's one 其余, as in the engine.
  const rests = pa.shares
    .filter((o) => o.ref)
    .map((o) => isRest(rateCell(o.ref!)))
    .join("+");
  return pa.shares.map((s, j) => {
    if (j !== rem || !s.ref) return raws[j];
    const others = pa.shares.map((_, k) => k).filter((k) => k !== j);
    const sumOthers = others.length ? `SUM(${others.map(cellOf).join(",")})` : "0";
    const rest = `ROUND(${c.cost}-${sumOthers},2)`;
    const x = rateCell(s.ref);
    const ratios = pa.shares
      .filter((o) => o.ref)
      .map((o) => isRatio(rateCell(o.ref!), upTo1(o)))
      .join(",");
    // Ratios that add up to the whole leave their rounding to this cell; anything else keeps
    // the cell's own figure, so a gap shows in 核对.
    const tolerance = (0.005 * pa.shares.length + 0.000001).toFixed(6);
    const addsUp = `ABS(${raws[j]}+${sumOthers}-${c.cost})<=${tolerance}`;
    return `IF(AND(${isRest(x)},${rests}=1),${rest},IF(AND(OR(${ratios}),${addsUp}),${rest},${raws[j]}))`;
  });
}

/**
 * 核对 of a programme row: 0 (一致) while the shares add up to the cost and 其余 is where it was
 * when generated; else 请重新生成.
 */
export function checkFormula(
  pa: ProgramAllocation,
  c: ShareCells,
  cellOf: (j: number) => string,
  ownUnion: string
): string {
  const rem = remainderIndex(pa, ownUnion);
  const sum = pa.shares.length ? `SUM(${pa.shares.map((_, j) => cellOf(j)).join(",")})` : "0";
  const conds = [`ABS(${sum}-${c.cost})>=0.005`];
  pa.shares.forEach((s, j) => {
    if (!s.ref) return;
    if (j !== rem) conds.push(isRest(rateCell(s.ref)));
    else conds.push(`${cellOf(j)}<0`);
  });
  return `IF(OR(${conds.join(",")}),${formulaString(REGENERATE)},0)`;
}

export const REGENERATE = "请重新生成";

/**
 * 核对 is 0 while the sheet matches the rates, shown as 一致; else the text 请重新生成, in red.
 * (A number, not "": an empty formula result is not kept by every writer.)
 */
export const CHECK_FORMAT = '"一致";"一致";"一致";[Red]@';

/** What 核对 shows when generated: the same test on the engine's figures. */
export function checkValue(pa: ProgramAllocation, ownUnion: string): string | 0 {
  const rem = remainderIndex(pa, ownUnion);
  const sum = pa.shares.reduce((a, s) => a + s.fen, 0n);
  const bad =
    sum !== pa.costFen ||
    pa.shares.some((s, j) => (j === rem ? s.fen < 0n : s.ref !== null && s.spec?.kind === "rest"));
  return bad ? REGENERATE : 0;
}
