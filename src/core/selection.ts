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

/** A programme's ranking, kept as people indexes in rank order. */
export class Ranking implements ProgramSelection {
  private objects: RankedApplicant[] | null = null;
  readonly oversubscribed: boolean;

  constructor(
    readonly program: Program,
    readonly applicants: number,
    private readonly people: People,
    /** People indexes, best first. */
    readonly order: Int32Array,
    /** Index into `priorities` + 1 of each rank (0: no priority). */
    private readonly priority: Int32Array,
    private readonly priorities: string[],
    /** The last year each rank went (history), 0 for none. */
    private readonly went: Int32Array
  ) {
    this.oversubscribed = program.quota !== null && order.length > program.quota;
  }

  get count(): number {
    return this.order.length;
  }

  get selectedCount(): number {
    const q = this.program.quota;
    return q === null ? this.order.length : Math.min(q, this.order.length);
  }

  isSelected(i: number): boolean {
    return this.program.quota === null || i < this.program.quota;
  }

  priorityAt(i: number): string | null {
    const p = this.priority[i];
    return p === 0 ? null : this.priorities[p - 1];
  }

  wentAt(i: number): number | null {
    return this.went[i] === 0 ? null : this.went[i];
  }

  /** Why rank i (0-based), as RankedApplicant.reason says it. */
  reasonAt(i: number): string {
    return reasonText(this.priorityAt(i), this.wentAt(i), this.people.row(this.order[i]));
  }

  get ranked(): RankedApplicant[] {
    if (!this.objects) {
      const out: RankedApplicant[] = [];
      for (let i = 0; i < this.order.length; i++)
        out.push(
          new Ranked(
            this.people.participant(this.order[i]),
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
}

/** Each programme's ranking, in the order of its first applicant (the caller orders them as
 *  the rate sheet does). `ruledOut[k]` marks the people who cannot have a place. */
export function selectApplicants(
  res: ProgramResolution,
  history: HistoryEntry[],
  ruledOut: Uint8Array,
  opts: SelectionOptions
): Ranking[] {
  const lastYear = new Map<string, number>();
  for (const h of history)
    if (h.id18 && h.year !== null && h.year < opts.year)
      lastYear.set(h.id18, Math.max(lastYear.get(h.id18) ?? 0, h.year));

  const { people, programs } = res;
  const n = people.n;
  // Programmes in the order of their first applicant, and how many each may rank.
  const firstSeen: number[] = [];
  const ranks = new Int32Array(programs.length);
  const seen = new Uint8Array(programs.length);
  for (let k = 0; k < n; k++) {
    const pi = res.program[k];
    if (pi < 0) continue;
    if (!seen[pi]) {
      seen[pi] = 1;
      firstSeen.push(pi);
    }
    if (!ruledOut[k]) ranks[pi]++;
  }
  // Each programme's rankable people, in roster order.
  const rows = programs.map((_, pi) => new Int32Array(ranks[pi]));
  const fill = new Int32Array(programs.length);
  for (let k = 0; k < n; k++) {
    const pi = res.program[k];
    if (pi >= 0 && !ruledOut[k]) rows[pi][fill[pi]++] = k;
  }

  return firstSeen.map((pi) => {
    const program = programs[pi];
    const keys = new Set(program.priority.map(valueKey));
    const nearCounts = keys.has(valueKey(NEAR_RETIREMENT));
    const list = rows[pi];
    const m = list.length;
    // The ranking is a stable sort on two yes/no keys: four groups kept in roster order, put
    // one after the other (a counting sort: no comparator, no object per row).
    const group = new Uint8Array(m);
    const prio = new Int32Array(m);
    const went = new Int32Array(m);
    const priorities: string[] = [];
    const prioIndex = new Map<string, number>();
    const sizes = [0, 0, 0, 0];
    for (let i = 0; i < m; i++) {
      const k = list[i];
      const priority = priorityOf(people, k, program, keys, nearCounts, opts.nearMonths);
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
    return new Ranking(program, res.applicants[pi], people, order, rankPrio, priorities, rankWent);
  });
}

function priorityOf(
  people: People,
  k: number,
  program: Program,
  keys: Set<string>,
  nearCounts: boolean,
  nearMonths: number
): string | null {
  if (keys.size === 0) return null;
  const cats = people.categories(k);
  for (let i = 0; i < cats.length; i++) if (keys.has(valueKey(cats[i]))) return cats[i];
  const birth = people.birth[k];
  if (!nearCounts || birth === 0) return null;
  const on = program.start ?? unpackDay(people.date[k]);
  if (!on) return null;
  // Nobody retires before 50: whoever is younger than 50 less the window is not near it (most
  // rows, with no date arithmetic).
  if ((on.y - Math.floor(birth / 10000) + 1) * 12 + nearMonths < YOUNGEST_RETIREMENT_MONTHS)
    return null;
  const b = unpackDay(birth)!;
  const gender = people.gender[k] === GENDER_MALE ? "男" : "女";
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
