// The cost allocation in integer fen. Each programme × payer cell is rounded to the fen (half
// away from zero, like Excel's ROUND); the payer marked 其余 — else the own union — takes the
// rounding remainder, so a programme's shares always add up to its cost.
import type { Budget, Cell, CellRef, Program, RateTable, ShareSpec } from "./types";
import { roundDiv } from "./money";
import { cellAsText, headerKey, valueKey } from "./text";
import { ProgramResolution, programIndex } from "./programs";

export interface PayerShare {
  payer: string;
  fen: bigint;
  /** null: this payer has no share column (it only pays transport). */
  spec: ShareSpec | null;
  ref: CellRef | null;
  /** The rate cell could not be read (RATE_INVALID, RATE_DATE): the share is 0 in the sheet too,
   *  whatever the cell holds (a 1/3 turned into a date is a number the formula would take). */
  unreadable?: boolean;
  /** This cell is the programme's cost minus the other payers' cells. */
  remainder: boolean;
}

export interface ProgramAllocation {
  program: Program;
  /** The places budgeted: the rows that name the programme, at most its 名额. */
  headcount: number;
  /** The rows that name the programme (报名). */
  applicants: number;
  /** The distinct texts the roster uses for this programme (one exact count each). */
  spellings: Cell[];
  costFen: bigint;
  shares: PayerShare[];
  transportFen: bigint;
  transportPayer: string;
}

export interface BudgetAllocation {
  sheet: string;
  sources: Budget["sources"];
  totalFen: bigint;
  differenceFen: bigint;
}

export interface Allocation {
  ownUnion: string;
  payers: string[];
  programs: ProgramAllocation[];
  costFen: bigint;
  transportFen: bigint;
  /** Shares only, by payer. */
  sharesByPayer: Map<string, bigint>;
  /** Shares plus the transport each payer pays. */
  byPayer: Map<string, bigint>;
  ownTotalFen: bigint;
  budget: BudgetAllocation | null;
}

/** The own union: the one named, else the usual transport payer, else the 其余 payer, else the last. */
export function detectOwnUnion(rates: RateTable, wanted?: string): string {
  if (wanted) {
    const hit = rates.payers.find((p) => headerKey(p) === headerKey(wanted));
    return hit ?? wanted;
  }
  const votes = new Map<string, number>();
  for (const p of rates.programs) {
    const payer = resolvePayer(rates.payers, p.transportPayer);
    if (payer && p.transportFen > 0n) votes.set(payer, (votes.get(payer) ?? 0) + 1);
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  for (const p of rates.programs) {
    const rest = p.shares.find((s) => s.spec.kind === "rest");
    if (rest) return rest.payer;
  }
  return rates.payers[rates.payers.length - 1] ?? "本级工会";
}

function resolvePayer(payers: string[], text: string): string | null {
  if (!text) return null;
  return payers.find((p) => headerKey(p) === headerKey(text)) ?? text;
}

/** The figures per programme and payer, from the rows enrolled in each programme
 *  (resolvePeople). */
export function allocate(
  rates: RateTable,
  res: ProgramResolution,
  ownUnion: string,
  budget: Budget | null
): Allocation {
  const payers = rates.payers.includes(ownUnion) ? rates.payers : [...rates.payers, ownUnion];
  const index = programIndex(rates);
  const ownsName = (prog: Program) => prog.name !== "" && index.get(valueKey(prog.name)) === prog;
  // The cells as typed for each programme, in roster order (each distinct cell once).
  const raws = rates.programs.map((): Cell[] => []);
  if (res.programs === rates.programs) for (const r of res.raws) raws[r.program].push(r.raw);
  const programs = rates.programs.map((prog, pi) =>
    allocateProgram(
      prog,
      res.programs === rates.programs ? res.applicants[pi] : 0,
      raws[pi],
      payers,
      ownUnion,
      ownsName(prog)
    )
  );

  const totals = sumTotals(programs, payers);
  const ownTotalFen = totals.byPayer.get(ownUnion) ?? 0n;
  return {
    ownUnion,
    payers,
    programs,
    ...totals,
    ownTotalFen,
    budget: budget ? againstBudget(budget, ownTotalFen) : null,
  };
}

function sumTotals(
  programs: ProgramAllocation[],
  payers: string[]
): Pick<Allocation, "costFen" | "transportFen" | "sharesByPayer" | "byPayer"> {
  const sharesByPayer = new Map<string, bigint>(payers.map((p) => [p, 0n]));
  const byPayer = new Map<string, bigint>(payers.map((p) => [p, 0n]));
  let costFen = 0n;
  let transportFen = 0n;
  for (const pa of programs) {
    costFen += pa.costFen;
    transportFen += pa.transportFen;
    for (const s of pa.shares) {
      sharesByPayer.set(s.payer, sharesByPayer.get(s.payer)! + s.fen);
      byPayer.set(s.payer, byPayer.get(s.payer)! + s.fen);
    }
    byPayer.set(pa.transportPayer, (byPayer.get(pa.transportPayer) ?? 0n) + pa.transportFen);
  }
  return { costFen, transportFen, sharesByPayer, byPayer };
}

function againstBudget(budget: Budget, ownTotalFen: bigint): BudgetAllocation {
  const totalFen = budget.sources.reduce((a, s) => a + s.fen, 0n);
  return {
    sheet: budget.sheet,
    sources: budget.sources,
    totalFen,
    differenceFen: totalFen - ownTotalFen,
  };
}

function allocateProgram(
  prog: Program,
  applicants: number,
  raws: Cell[],
  payers: string[],
  ownUnion: string,
  ownsName: boolean
): ProgramAllocation {
  // The places, not the sign-ups: the sheet's MIN(count, 名额) (cappedCountFormula).
  const headcount = prog.quota === null ? applicants : Math.min(applicants, prog.quota);
  const costFen = BigInt(headcount) * prog.perPersonFen;
  const specs = new Map(prog.shares.map((s) => [s.payer, s]));
  const remainderPayer = pickRemainder(prog, ownUnion);
  const shares: PayerShare[] = payers.map((payer) => {
    const s = specs.get(payer);
    return {
      payer,
      spec: s ? s.spec : null,
      ref: s ? s.ref : null,
      ...(s?.unreadable ? { unreadable: true } : {}),
      remainder: payer === remainderPayer,
      fen: s && payer !== remainderPayer ? shareFen(s.spec, headcount, costFen) : 0n,
    };
  });
  const rem = shares.find((s) => s.remainder);
  if (rem) rem.fen = costFen - shares.reduce((a, s) => a + (s.remainder ? 0n : s.fen), 0n);
  const transportPayer = resolvePayer(payers, prog.transportPayer) ?? ownUnion;
  return {
    program: prog,
    headcount,
    applicants,
    spellings: spellings(prog, raws, ownsName),
    costFen,
    shares,
    transportFen: prog.transportFen,
    transportPayer,
  };
}

function pickRemainder(prog: Program, ownUnion: string): string | null {
  const rests = prog.shares.filter((s) => s.spec.kind === "rest");
  if (rests.length === 1) return rests[0].payer;
  // Shares that do not add up keep each payer's own figure: no one silently absorbs the gap.
  if (prog.sharesInvalid || rests.length > 1) return null;
  const ratios = prog.shares.filter((s) => s.spec.kind === "ratio");
  if (ratios.length === 0) return null;
  if (prog.shares.some((s) => s.payer === ownUnion)) return ownUnion;
  return ratios[ratios.length - 1].payer;
}

/** One payer's cell without the remainder rule. */
export function shareFen(spec: ShareSpec, headcount: number, costFen: bigint): bigint {
  switch (spec.kind) {
    case "zero":
      return 0n;
    case "amount":
      return BigInt(headcount) * spec.fen;
    case "ratio":
      return roundDiv(costFen * spec.num, spec.den);
    case "full":
      return costFen;
    case "rest": // only reached when a programme has more than one 其余 (RATE_INVALID)
      return 0n;
  }
}

/** The exact texts the roster uses for this programme (the formula counts each exactly once). */
function spellings(prog: Program, raws: Cell[], ownsName: boolean): Cell[] {
  const out: Cell[] = [];
  const seen = new Set<string>();
  const addSpelling = (c: Cell) => {
    const k = criterionKey(c);
    if (k === "" || seen.has(k)) return;
    seen.add(k);
    out.push(c);
  };
  addSpelling(prog.code);
  if (ownsName) addSpelling(prog.name);
  // Rows mostly repeat a few spellings: each distinct cell value is keyed once.
  for (const raw of raws) addSpelling(raw);
  return out;
}

export function criterionKey(c: Cell): string {
  return cellAsText(c);
}
