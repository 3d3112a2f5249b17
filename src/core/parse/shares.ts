// A programme's share cells (××承担): each read on its own, then checked to add up to the
// per-person cost.
import type { Cell, Issue, Program, ShareCell, ShareSpec } from "../types";
import { MSG } from "../messages";
import { formatYuan, parseShare } from "../money";
import { cellText } from "../text";
import { dateLikeShare } from "../dates";
import type { Table } from "./table";

/** The share cells of values row i; `bad` when one cannot be used. */
export function readShares(
  table: Table,
  i: number,
  issues: Issue[]
): { shares: ShareCell[]; bad: boolean } {
  const shares: ShareCell[] = [];
  let bad = false;
  for (const s of table.header.shares) {
    const col = s.col;
    const r = readShareCell(table.at(i, col), table.format(i, col));
    if (!r.ok) {
      issues.push(
        table.cellIssue(r.code, table.row0(i), table.originCol + col, s.title, r.message)
      );
      bad = true;
      // Counted as 0, so the formula must not refer to the unreadable cell (e.g. -3000).
      shares.push({
        payer: s.body,
        spec: { kind: "zero" },
        ref: { ...table.ref(i, col), numeric: false },
        unreadable: true,
      });
    } else {
      shares.push({ payer: s.body, spec: r.spec, ref: table.ref(i, col) });
    }
  }
  const rests = shares.filter((s) => s.spec.kind === "rest");
  if (rests.length > 1) {
    const s = rests[1];
    const message = MSG.rateInvalid("其余", "一个项目只能有一方承担“其余”");
    issues.push(table.cellIssue("RATE_INVALID", s.ref.row, s.ref.col, s.payer + "承担", message));
    bad = true;
  }
  return { shares, bad };
}

/** RATE_SHARES_MISMATCH on the first share cell, with the sum the shares come to. */
export function sharesMismatch(
  table: Table,
  label: string,
  perPersonFen: bigint,
  shares: ShareCell[]
): Issue {
  const sum = sumParts(perPersonFen, shares);
  const sumText =
    sum.d === 1n || sum.n % sum.d === 0n
      ? formatYuan(sum.n / sum.d)
      : (Number(sum.n) / Number(sum.d) / 100).toFixed(4);
  const first = shares[0];
  return table.cellIssue(
    "RATE_SHARES_MISMATCH",
    first.ref.row,
    first.ref.col,
    table.header.shares[0].title,
    MSG.sharesMismatch(label, sumText, formatYuan(perPersonFen))
  );
}

/** Rational helpers for checking that shares add up, in fen. */
interface Frac {
  n: bigint;
  d: bigint;
}
const add = (a: Frac, b: Frac): Frac => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });

/** A share's exact per-person part in fen, as a fraction ("rest" counts as 0 here). */
function perPersonPart(per: bigint, spec: ShareSpec): Frac {
  switch (spec.kind) {
    case "amount":
      return { n: spec.fen, d: 1n };
    case "ratio":
      return { n: per * spec.num, d: spec.den };
    case "full":
      return { n: per, d: 1n };
    default:
      return { n: 0n, d: 1n };
  }
}

function sumParts(per: bigint, shares: ShareCell[]): Frac {
  return shares.reduce<Frac>((acc, s) => add(acc, perPersonPart(per, s.spec)), { n: 0n, d: 1n });
}

/** Shares add up to the per-person cost exactly; with 其余, the others must not exceed it. */
export function sharesAddUp(per: bigint, shares: Program["shares"]): boolean {
  const sum = sumParts(per, shares);
  const hasRest = shares.some((s) => s.spec.kind === "rest");
  return hasRest ? sum.n <= per * sum.d : sum.n === per * sum.d;
}

type ShareCellRead =
  | { ok: true; spec: ShareSpec }
  | { ok: false; code: "RATE_DATE" | "RATE_INVALID"; message: string };

/** One share cell; a 1/3 that the spreadsheet turned into a date is said as such (RATE_DATE). */
function readShareCell(c: Cell, numberFormat: string): ShareCellRead {
  const date = dateLikeShare(c, numberFormat);
  if (date) {
    const message = MSG.rateDate(date.shown, date.typed, percentOf(date.typed));
    return { ok: false, code: "RATE_DATE", message };
  }
  const r = parseShare(c, numberFormat);
  if (r.ok) return r;
  return { ok: false, code: "RATE_INVALID", message: MSG.rateInvalid(cellText(c), r.reason) };
}

/** 1/3 → "33.33%" (a share of at most the whole), else null. */
function percentOf(typed: string): string | null {
  const [a, b] = typed.split("/").map(Number);
  return b > 0 && a <= b ? `${((a / b) * 100).toFixed(2).replace(/\.?0+$/, "")}%` : null;
}
