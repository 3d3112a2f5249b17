// Who goes when a programme has more applicants than places (名额). The seed says who comes first
// (优先安排 …、临近退休职工), so each oversubscribed programme's applicants are ranked:
//   1. a category listed in the programme's 优先对象, or near retirement when 优先对象 lists
//      临近退休 (within the near-retirement window on the programme's start date);
//   2. then people not in the history sheet at all, before those who went in an earlier year
//      (within the look-back years they are DUPLICATE_HISTORY and not ranked);
//   3. then roster order.
// The top 名额 are selected (入选); the rest are the waitlist (候补), in rank order. Rows with an
// error that rules them out (not eligible, not a member, outside the window, already went) are
// not ranked: they take no place.
import type { HistoryEntry, Participant, Program } from "./types";
import type { Enrolment } from "./programs";
import { formatDay } from "./dates";
import { retirementDate, retirementStatus } from "./retirement";
import { valueKey } from "./text";

/** The youngest statutory retirement age (women workers before the reform), in months. */
const YOUNGEST_RETIREMENT_MONTHS = 50 * 12;

/** The word in 优先对象 that means near retirement. */
const NEAR_RETIREMENT = "临近退休";

export interface RankedApplicant {
  participant: Participant;
  /** 1-based rank within the programme. */
  rank: number;
  /** The priority that put them in the first group (a category, or 临近退休), if any. */
  priority: string | null;
  /** The last year they went (history), if any. */
  wentIn: number | null;
  selected: boolean;
  /** Why this rank, in Chinese: "优先对象（艰苦岗位职工）；往年未参加；花名册第12行". */
  readonly reason: string;
}

/** A ranked applicant; the reason is written out only when asked for (the waitlist and the
 *  QUOTA_EXCEEDED messages: a few rows, where 100,000 applicants would each carry a string). */
class Ranked implements RankedApplicant {
  constructor(
    readonly participant: Participant,
    readonly rank: number,
    readonly priority: string | null,
    readonly wentIn: number | null,
    readonly selected: boolean
  ) {}

  get reason(): string {
    return reasonText(this.priority, this.wentIn, this.participant.row);
  }
}

export interface ProgramSelection {
  program: Program;
  /** Rows that name the programme (报名). */
  applicants: number;
  /** Ranked rows: the ones not ruled out, best first. */
  ranked: RankedApplicant[];
  /** More ranked applicants than 名额. */
  oversubscribed: boolean;
}

export interface SelectionOptions {
  nearMonths: number;
  year: number;
}

/** Each programme's ranking, keyed by programme (the caller orders them as the rate sheet does). */
export function selectApplicants(
  enrolled: Enrolment[],
  history: HistoryEntry[],
  ruledOut: (p: Participant) => boolean,
  opts: SelectionOptions
): Map<Program, ProgramSelection> {
  const lastYear = new Map<string, number>();
  for (const h of history)
    if (h.id18 && h.year !== null && h.year < opts.year)
      lastYear.set(h.id18, Math.max(lastYear.get(h.id18) ?? 0, h.year));

  const byProgram = new Map<Program, { applicants: number; rows: Participant[] }>();
  for (const { participant, program } of enrolled) {
    let g = byProgram.get(program);
    if (!g) byProgram.set(program, (g = { applicants: 0, rows: [] }));
    g.applicants++;
    if (!ruledOut(participant)) g.rows.push(participant);
  }

  const out = new Map<Program, ProgramSelection>();
  for (const [program, g] of byProgram) {
    const keys = new Set(program.priority.map(valueKey));
    const nearCounts = keys.has(valueKey(NEAR_RETIREMENT));
    // The ranking is a stable sort on two yes/no keys: four groups kept in roster order, put
    // one after the other (no comparator, no record per row before the ranked one).
    const n = g.rows.length;
    const priorities: (string | null)[] = new Array(n);
    const went: (number | null)[] = new Array(n);
    const groups: number[][] = [[], [], [], []];
    for (let order = 0; order < n; order++) {
      const p = g.rows[order];
      const priority = priorityOf(p, program, keys, nearCounts, opts.nearMonths);
      // No history (the usual case): no lookup per row.
      const wentIn = lastYear.size > 0 && p.id.id18 ? (lastYear.get(p.id.id18) ?? null) : null;
      priorities[order] = priority;
      went[order] = wentIn;
      groups[(priority !== null ? 0 : 2) + (wentIn !== null ? 1 : 0)].push(order);
    }
    const quota = program.quota;
    const ranked: RankedApplicant[] = [];
    for (const group of groups) {
      for (const order of group) {
        const k = ranked.length;
        const priority = priorities[order];
        const wentIn = went[order];
        const p = g.rows[order];
        ranked.push(new Ranked(p, k + 1, priority, wentIn, quota === null || k < quota));
      }
    }
    out.set(program, {
      program,
      applicants: g.applicants,
      ranked,
      oversubscribed: quota !== null && ranked.length > quota,
    });
  }
  return out;
}

function priorityOf(
  p: Participant,
  program: Program,
  keys: Set<string>,
  nearCounts: boolean,
  nearMonths: number
): string | null {
  for (const c of p.categories) if (keys.has(valueKey(c))) return c;
  const on = program.start ?? p.date;
  if (!nearCounts || !on || !p.id.birth || !p.id.gender) return null;
  // Nobody retires before 50: whoever is younger than 50 less the window is not near it (most
  // rows, with no date arithmetic).
  if ((on.y - p.id.birth.y + 1) * 12 + nearMonths < YOUNGEST_RETIREMENT_MONTHS) return null;
  const worker = p.postType.includes("工人");
  if (retirementStatus(p.id.birth, p.id.gender, worker, on, nearMonths) !== "near") return null;
  return `${NEAR_RETIREMENT}（${formatDay(retirementDate(p.id.birth, p.id.gender, worker))}退休）`;
}

function reasonText(priority: string | null, wentIn: number | null, row: number): string {
  return (
    (priority ? `优先对象：${priority}` : "非优先对象") +
    (wentIn !== null ? `；${wentIn}年参加过` : "；往年未参加") +
    `；花名册第${row}行`
  );
}
