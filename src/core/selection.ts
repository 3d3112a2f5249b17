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
import type { ProgramResolution } from "./programs";
import { GENDER_MALE, People, unpackDay } from "./rows";
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
  /** Ranked rows: the ones not ruled out, best first (objects made on first use). */
  readonly ranked: RankedApplicant[];
  /** How many are ranked, and how many of them are selected (入选; the rest are 候补). */
  count: number;
  selectedCount: number;
  /** More ranked applicants than 名额. */
  oversubscribed: boolean;
}

export interface SelectionOptions {
  nearMonths: number;
  year: number;
}

/** What every programme's ranking reads: the people, their programmes, who is ruled out and
 *  the history's last year per ID. */
interface RankInput {
  res: ProgramResolution;
  ruledOut: Uint8Array;
  lastYear: Map<string, number>;
  opts: SelectionOptions;
}

/** A programme's ranking, as people indexes in rank order. How many rank is known at once; the
 *  order itself is worked out when first asked for (a QUOTA_EXCEEDED, the waitlist, the JSON
 *  report), so a programme with places for all costs one count. */
export class Ranking implements ProgramSelection {
  private objects: RankedApplicant[] | null = null;
  private made: Order | null = null;
  readonly oversubscribed: boolean;

  constructor(
    readonly program: Program,
    private readonly index: number,
    readonly applicants: number,
    /** How many are ranked (not ruled out). */
    readonly count: number,
    private readonly input: RankInput
  ) {
    this.oversubscribed = program.quota !== null && count > program.quota;
  }

  get selectedCount(): number {
    const q = this.program.quota;
    return q === null ? this.count : Math.min(q, this.count);
  }

  isSelected(i: number): boolean {
    return this.program.quota === null || i < this.program.quota;
  }

  /** People indexes, best first. */
  get order(): Int32Array {
    return this.ordered().order;
  }

  priorityAt(i: number): string | null {
    const o = this.ordered();
    const p = o.priority[i];
    return p === 0 ? null : o.priorities[p - 1];
  }

  wentAt(i: number): number | null {
    const w = this.ordered().went[i];
    return w === 0 ? null : w;
  }

  /** Why rank i (0-based), as RankedApplicant.reason says it. */
  reasonAt(i: number): string {
    const people = this.input.res.people;
    return reasonText(this.priorityAt(i), this.wentAt(i), people.row(this.order[i]));
  }

  get ranked(): RankedApplicant[] {
    if (!this.objects) {
      const people = this.input.res.people;
      const order = this.order;
      const out: RankedApplicant[] = [];
      for (let i = 0; i < order.length; i++)
        out.push(
          new Ranked(
            people.participant(order[i]),
            i + 1,
            this.priorityAt(i),
            this.wentAt(i),
            this.isSelected(i)
          )
        );
      this.objects = out;
    }
    return this.objects;
  }

  private ordered(): Order {
    return (this.made ??= rank(this.program, this.index, this.count, this.input));
  }
}

/** A ranking worked out: people indexes best first, and each rank's priority and last year. */
interface Order {
  order: Int32Array;
  /** Index into `priorities` + 1 of each rank (0: no priority). */
  priority: Int32Array;
  priorities: string[];
  /** The last year each rank went (history), 0 for none. */
  went: Int32Array;
}

/** Each programme's ranking, in the order of its first applicant (the caller orders them as
 *  the rate sheet does). `ruledOut[k]` marks the people who cannot have a place. */
export function selectApplicants(
  res: ProgramResolution,
  history: HistoryEntry[],
  ruledOut: Uint8Array,
  /** How many of each programme's applicants are ruled out. */
  outOf: Int32Array,
  opts: SelectionOptions
): Ranking[] {
  const lastYear = new Map<string, number>();
  for (const h of history)
    if (h.id18 && h.year !== null && h.year < opts.year)
      lastYear.set(h.id18, Math.max(lastYear.get(h.id18) ?? 0, h.year));
  const input: RankInput = { res, ruledOut, lastYear, opts };
  // Programmes in the order of their first applicant (the first row naming each, not a pass
  // over every row), each ranking its applicants less those ruled out.
  const programs = res.programs;
  return res.firstSeen.map(
    (pi) => new Ranking(programs[pi], pi, res.applicants[pi], res.applicants[pi] - outOf[pi], input)
  );
}

/** Programme pi's ranking: its rankable people in roster order, then a stable sort on two yes/no
 *  keys — four groups kept in roster order, put one after the other (a counting sort: no
 *  comparator, no object per row). */
function rank(program: Program, pi: number, m: number, input: RankInput): Order {
  const { res, ruledOut, lastYear, opts } = input;
  const people = res.people;
  const list = new Int32Array(m);
  let fill = 0;
  for (let k = 0; k < people.n; k++)
    if (res.program[k] === pi && ruledOut[k] === 0) list[fill++] = k;
  const keys = new Set(program.priority.map(valueKey));
  const nearCounts = keys.has(valueKey(NEAR_RETIREMENT));
  const group = new Uint8Array(m);
  const prio = new Int32Array(m);
  const went = new Int32Array(m);
  const priorities: string[] = [];
  const prioIndex = new Map<string, number>();
  // The category that gives priority, by list (the rows share their lists): once per list.
  const byList = new Map<string[], string | null>();
  const sizes = [0, 0, 0, 0];
  for (let i = 0; i < m; i++) {
    const k = list[i];
    const cats = people.categories(k);
    let category = byList.get(cats);
    if (category === undefined) byList.set(cats, (category = priorityCategory(cats, keys)));
    const priority = category ?? nearRetirement(people, k, program, nearCounts, opts.nearMonths);
    if (priority !== null) {
      let x = prioIndex.get(priority);
      if (x === undefined) {
        priorities.push(priority);
        prioIndex.set(priority, (x = priorities.length));
      }
      prio[i] = x;
    }
    // No history (the usual case): no lookup per row.
    if (lastYear.size > 0) {
      const id = people.id18(k);
      went[i] = (id && lastYear.get(id)) || 0;
    }
    const g = (priority !== null ? 0 : 2) + (went[i] !== 0 ? 1 : 0);
    group[i] = g;
    sizes[g]++;
  }
  const start = [0, sizes[0], sizes[0] + sizes[1], sizes[0] + sizes[1] + sizes[2]];
  const order = new Int32Array(m);
  const rankPrio = new Int32Array(m);
  const rankWent = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const at = start[group[i]]++;
    order[at] = list[i];
    rankPrio[at] = prio[i];
    rankWent[at] = went[i];
  }
  return { order, priority: rankPrio, priorities, went: rankWent };
}

/** The first of the categories that 优先对象 lists, if any. */
function priorityCategory(cats: string[], keys: Set<string>): string | null {
  if (keys.size === 0) return null;
  for (let i = 0; i < cats.length; i++) if (keys.has(valueKey(cats[i]))) return cats[i];
  return null;
}

/** 临近退休（…退休）, when 优先对象 lists it and person k is within the window on the
 *  programme's start (or their own date). */
function nearRetirement(
  people: People,
  k: number,
  program: Program,
  nearCounts: boolean,
  nearMonths: number
): string | null {
  const birth = people.c.birth[k];
  if (!nearCounts || birth === 0) return null;
  const on = program.start ?? unpackDay(people.c.date[k]);
  if (!on) return null;
  // Nobody retires before 50: whoever is younger than 50 less the window is not near it (most
  // rows, with no date arithmetic).
  if ((on.y - Math.floor(birth / 10000) + 1) * 12 + nearMonths < YOUNGEST_RETIREMENT_MONTHS)
    return null;
  const b = unpackDay(birth)!;
  const gender = people.c.gender[k] === GENDER_MALE ? "男" : "女";
  const worker = people.text(k, "postType").includes("工人");
  if (retirementStatus(b, gender, worker, on, nearMonths) !== "near") return null;
  return `${NEAR_RETIREMENT}（${formatDay(retirementDate(b, gender, worker))}退休）`;
}

function reasonText(priority: string | null, wentIn: number | null, row: number): string {
  return (
    (priority ? `优先对象：${priority}` : "非优先对象") +
    (wentIn !== null ? `；${wentIn}年参加过` : "；往年未参加") +
    `；花名册第${row}行`
  );
}
