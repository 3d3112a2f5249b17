// The rules that need more than one sheet — programmes, eligibility, membership, dates,
// retirement, quotas, duplicates, history — and the budget. Each rule returns its issues.
import type { HistoryEntry, Issue, IssueCode, Program, RateTable } from "./types";
import type { Allocation } from "./allocate";
import { ProgramResolution, UNKNOWN_PROGRAM } from "./programs";
import { formatDay } from "./dates";
import { ROSTER_FIELDS } from "./headers";
import { makeIssue } from "./issues";
import { MSG } from "./messages";
import { formatYuan } from "./money";
import { retirementDate, retirementStatus } from "./retirement";
import { valueKey } from "./text";
import { Ranking, selectApplicants } from "./selection";
import {
  equalGroups,
  GENDER_MALE,
  MEMBER_BLANK,
  MEMBER_YES,
  packDay,
  People,
  RosterField,
  unpackDay,
} from "./rows";

export interface CheckOptions {
  year: number;
  nearMonths: number;
  /** 每人每年参加次数. */
  perYear: number;
  /** 追溯年数: earlier history years that also rule a person out. */
  historyYears: number;
}

export interface RosterCheck {
  issues: Issue[];
  /** Each programme's ranking of its applicants (selection.ts), in the order of its first. */
  selection: Ranking[];
}

/** Errors that take a row out of the ranking: it cannot have a place. */
const RULED_OUT: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "NOT_ELIGIBLE",
  "NOT_MEMBER",
  "DATE_OUTSIDE_WINDOW",
  "DUPLICATE_HISTORY",
]);

/** Every roster rule, in the order they report, and who is selected where places are short. A
 *  roster split over several sheets is checked as one: quotas, duplicates and history across all
 *  of them, each issue on its own sheet. */
export function checkRoster(
  res: ProgramResolution,
  rates: RateTable | null,
  history: HistoryEntry[],
  opts: CheckOptions
): RosterCheck {
  const people = res.people;
  // The people ruled out (by index: no set of objects to ask).
  // The people ruled out (by index: no set of objects to ask), and how many per programme.
  const ruledOut = new Uint8Array(people.n);
  const outOf = new Int32Array(res.programs.length);
  const at: At = (code, k, field, message) => {
    if (RULED_OUT.has(code) && ruledOut[k] === 0) {
      ruledOut[k] = 1;
      // DUPLICATE_HISTORY also falls on rows that name no programme.
      if (res.program[k] >= 0) outOf[res.program[k]]++;
    }
    return placeIssue(people, code, k, field, message);
  };
  const enrolment = programmeRules(at, res, rates, opts);
  const past = history.length > 0 ? historyRule(at, people, history, opts) : [];
  const selection = selectApplicants(res, history, ruledOut, outOf, opts);
  return {
    issues: [
      enrolment,
      quotaRule(at, selection),
      duplicateRules(at, people, opts.perYear),
      past,
    ].flat(),
    selection,
  };
}

/** The own union's share against its funding sources. */
export function checkBudget(al: Allocation): Issue[] {
  const b = al.budget;
  if (!b || b.differenceFen >= 0n) return [];
  const message = MSG.budgetExceeded(
    al.ownUnion,
    formatYuan(al.ownTotalFen),
    formatYuan(b.totalFen),
    formatYuan(b.differenceFen)
  );
  return [makeIssue("BUDGET_EXCEEDED", b.sheet, message)];
}

/** An issue in a person's row, in a field's column (the row only when it is missing). */
type At = (code: IssueCode, k: number, field: RosterField, message: string) => Issue;

/** An issue placed on the person's own roster sheet, in that sheet's column for the field. */
function placeIssue(
  people: People,
  code: IssueCode,
  k: number,
  field: RosterField,
  message: string
): Issue {
  const sheet = people.sheet(k);
  const c = people.columns(k)[field];
  const column = c?.title ?? ROSTER_FIELDS.find((x) => x.field === field)?.canonical ?? field;
  return makeIssue(code, sheet, message, {
    row: people.row(k),
    col: c ? c.col + 1 : undefined,
    column,
  });
}

/** Each row against the programme it names: a programme the rate sheet does not have, then
 *  参加对象, 须为会员, the dates, retirement. One pass (these and the rules after them issue on
 *  different cells, so their order in the list does not change the sorted one). */
function programmeRules(
  at: At,
  res: ProgramResolution,
  rates: RateTable | null,
  opts: CheckOptions
): Issue[] {
  const issues: Issue[] = [];
  const { people, programs } = res;
  // Each programme's 参加对象 as a set of keys, and its window packed, once rather than per row.
  const eligible = programs.map((p) => new Set(p.eligible.map(valueKey)));
  const starts = programs.map((p) => packDay(p.start));
  const ends = programs.map((p) => packDay(p.end));
  // Whether a category list (by identity: the rows share them) meets each programme's 参加对象.
  const fits = programs.map(() => new Map<string[], boolean>());
  for (let k = 0; k < people.n; k++) {
    const pi = res.program[k];
    if (pi < 0) {
      // Without a rate sheet (SHEET_MISSING) no programme is known: nothing to say per row.
      if (pi === UNKNOWN_PROGRAM && rates) {
        const message = MSG.unknownProgram(people.text(k, "program"), rates.sheet);
        issues.push(at("UNKNOWN_PROGRAM", k, "program", message));
      }
      continue;
    }
    const prog = programs[pi];
    const label = prog.name || prog.code;
    if (prog.eligible.length > 0) {
      const cats = people.categories(k);
      if (cats.length > 0) {
        let ok = fits[pi].get(cats);
        if (ok === undefined) {
          const keys = eligible[pi];
          fits[pi].set(cats, (ok = cats.some((c) => keys.has(valueKey(c)))));
        }
        if (!ok)
          issues.push(
            at("NOT_ELIGIBLE", k, "categories", MSG.notEligible(cats, label, prog.eligible))
          );
      }
    }
    // A blank cell is already MISSING_REQUIRED; an unreadable or 否 value is NOT_MEMBER.
    const member = people.c.member[k];
    if (prog.memberRequired && member !== MEMBER_YES && member !== MEMBER_BLANK)
      issues.push(at("NOT_MEMBER", k, "member", MSG.notMember(label, people.text(k, "member"))));
    const date = people.c.date[k];
    if (
      date !== 0 &&
      ((starts[pi] !== 0 && date < starts[pi]) || (ends[pi] !== 0 && date > ends[pi]))
    )
      issues.push(
        at(
          "DATE_OUTSIDE_WINDOW",
          k,
          "date",
          MSG.dateOutside(dateTextOf(people, k), label, windowText(prog))
        )
      );
    const birth = people.c.birth[k];
    if (birth === 0) continue;
    const on = prog.start ?? unpackDay(date);
    // Nobody retires before 50 (the youngest statutory age): most rows need no date arithmetic.
    if (on && on.y - Math.floor(birth / 10000) >= MIN_RETIREMENT_YEARS) {
      const b = unpackDay(birth)!;
      const gender = people.c.gender[k] === GENDER_MALE ? "男" : "女";
      const worker = people.text(k, "postType").includes("工人");
      if (retirementStatus(b, gender, worker, on, opts.nearMonths) === "retired") {
        const retired = retirementDate(b, gender, worker);
        issues.push(at("RETIRED", k, "idNumber", MSG.retired(formatDay(retired))));
      }
    }
  }
  return issues;
}

/** The date as typed, or a date serial as 2024-06-01. */
function dateTextOf(people: People, k: number): string {
  const d = unpackDay(people.c.date[k]);
  return people.dateText(k) || (d ? formatDay(d) : "");
}

const MIN_RETIREMENT_YEARS = 50;

function windowText(p: Program): string {
  return `${p.start ? formatDay(p.start) : "不限"}至${p.end ? formatDay(p.end) : "不限"}`;
}

/** Quotas: the ranked applicants past a programme's 名额 are flagged, with their rank. */
function quotaRule(at: At, selection: Ranking[]): Issue[] {
  const issues: Issue[] = [];
  for (const sel of selection) {
    const prog = sel.program;
    if (!sel.oversubscribed || prog.quota === null) continue;
    for (let i = prog.quota; i < sel.count; i++) {
      const message = MSG.quotaExceeded(
        prog.name || prog.code,
        prog.quota,
        sel.count,
        i + 1,
        sel.reasonAt(i)
      );
      issues.push(at("QUOTA_EXCEEDED", sel.order[i], "program", message));
    }
  }
  return issues;
}

/** The same person more often than 每人每年参加次数 allows (by normalised ID): every such row is
 *  flagged; and the same name and unit under different IDs. */
function duplicateRules(at: At, people: People, perYear: number): Issue[] {
  const issues: Issue[] = [];
  const placesOf = (list: number[]) =>
    list.map((k) => ({ sheet: people.sheet(k), row: people.row(k) }));
  for (const list of sameId(people)) {
    if (list.length <= perYear) continue;
    const places = placesOf(list);
    const message =
      perYear === 1 ? MSG.duplicateId(places) : MSG.duplicateIdPerYear(places, perYear);
    for (const k of list) issues.push(at("DUPLICATE_ID", k, "idNumber", message));
  }
  for (const list of sameNameAndUnit(people)) {
    const ids = new Set(list.map((k) => people.id18(k)));
    if (ids.size < 2) continue;
    const message = MSG.possibleDuplicate(placesOf(list));
    for (const k of list) issues.push(at("POSSIBLE_DUPLICATE", k, "name", message));
  }
  return issues;
}

/** Groups of two or more people with the same normalised ID, in roster order. */
function sameId(people: People): number[][] {
  return equalGroups(
    people.n,
    people.c.idHash,
    people.c.idState,
    (a, b) => people.id18(a) === people.id18(b)
  );
}

/** Groups of two or more people with a usable ID and the same name in the same unit (the
 *  pair hashed as the rows were read; the keys compared only where the hashes meet). */
function sameNameAndUnit(people: People): number[][] {
  const key = (k: number, field: RosterField) => valueKey(people.text(k, field));
  return equalGroups(
    people.n,
    people.c.nameUnitHash,
    people.c.hasNameUnit,
    (a, b) => key(a, "name") === key(b, "name") && key(a, "unit") === key(b, "unit")
  );
}

/** Someone in the history sheet: this year (or a year left blank) as often as 每人每年参加次数
 *  allows together with the roster, or in one of the look-back years before it. */
function historyRule(at: At, people: People, history: HistoryEntry[], opts: CheckOptions): Issue[] {
  const { year, perYear, historyYears } = opts;
  const thisYear = new Map<string, HistoryEntry[]>();
  const earlier = new Map<string, HistoryEntry>();
  for (const h of history) {
    if (!h.id18) continue;
    if (h.year === null || h.year === year) {
      const list = thisYear.get(h.id18);
      if (list) list.push(h);
      else thisYear.set(h.id18, [h]);
    } else if (h.year < year && h.year >= year - historyYears) {
      const seen = earlier.get(h.id18);
      if (!seen || (seen.year ?? 0) < h.year) earlier.set(h.id18, h);
    }
  }
  const ids: (string | null)[] = [];
  const rowsOf = new Map<string, number>();
  for (let k = 0; k < people.n; k++) {
    const id = people.id18(k);
    ids.push(id);
    if (id) rowsOf.set(id, (rowsOf.get(id) ?? 0) + 1);
  }
  const issues: Issue[] = [];
  for (let k = 0; k < people.n; k++) {
    const id = ids[k];
    if (!id) continue;
    const went = thisYear.get(id);
    const before = earlier.get(id);
    let message: string | null = null;
    if (went && went.length + rowsOf.get(id)! > perYear)
      message =
        perYear === 1
          ? MSG.duplicateHistory(went[0].program, went[0].year ?? year)
          : MSG.duplicateHistoryPerYear(went.length, perYear);
    else if (before) message = MSG.historyWithin(before.program, before.year!, historyYears);
    if (message) issues.push(at("DUPLICATE_HISTORY", k, "idNumber", message));
  }
  return issues;
}
