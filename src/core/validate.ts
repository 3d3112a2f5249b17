// The rules that need more than one sheet — programmes, eligibility, membership, dates,
// retirement, quotas, duplicates, history — and the budget. Each rule returns its issues.
import type {
  Day,
  HistoryEntry,
  Issue,
  IssueCode,
  Participant,
  Program,
  RateTable,
  Roster,
} from "./types";
import type { Allocation } from "./allocate";
import type { Enrolment, ProgramResolution } from "./programs";
import { compareDays, formatDay } from "./dates";
import { ROSTER_FIELDS } from "./headers";
import { makeIssue } from "./issues";
import { MSG } from "./messages";
import { formatYuan } from "./money";
import { retirementDate, retirementStatus } from "./retirement";
import { valueKey } from "./text";
import { ProgramSelection, selectApplicants } from "./selection";

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
  /** Each programme's ranking of its applicants (selection.ts). */
  selection: Map<Program, ProgramSelection>;
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
  rosters: Roster[],
  programs: ProgramResolution,
  rates: RateTable | null,
  history: HistoryEntry[],
  opts: CheckOptions
): RosterCheck {
  const at = placer(rosters);
  const participants =
    rosters.length === 1 ? rosters[0].participants : rosters.flatMap((r) => r.participants);
  const unknown = unknownPrograms(at, programs.unknown, rates);
  const enrolment = enrolmentRules(at, programs.enrolled, opts);
  const past = history.length > 0 ? historyRule(at, participants, history, opts) : [];
  // Rows ruled out, by sheet and row number (a set of participants would give each of 100,000
  // objects an identity hash just to ask).
  const rows = new Map<string, Set<number>>();
  for (const i of [...enrolment, ...past]) {
    if (!RULED_OUT.has(i.code) || i.row === undefined) continue;
    let set = rows.get(i.sheet);
    if (!set) rows.set(i.sheet, (set = new Set()));
    set.add(i.row);
  }
  const ruledOut = (p: Participant) => rows.get(p.sheet)?.has(p.row) === true;
  const selection = selectApplicants(programs.enrolled, history, ruledOut, opts);
  return {
    issues: [
      unknown,
      enrolment,
      quotaRule(at, selection),
      duplicateRules(at, participants, opts.perYear),
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

/** An issue in a participant's row, in a field's column (the row only when it is missing). */
type At = (code: IssueCode, p: Participant, field: string, message: string) => Issue;

/** Issues placed on the participant's own roster sheet, in that sheet's column for the field. */
function placer(rosters: Roster[]): At {
  const bySheet = new Map(rosters.map((r) => [r.sheet, r]));
  return (code, p, field, message) => {
    const c = bySheet.get(p.sheet)?.columns[field];
    const column = c?.title ?? ROSTER_FIELDS.find((x) => x.field === field)?.canonical ?? field;
    return makeIssue(code, p.sheet, message, {
      row: p.row,
      col: c ? c.col + 1 : undefined,
      column,
    });
  };
}

const placeOf = (p: Participant) => ({ sheet: p.sheet, row: p.row });

function unknownPrograms(at: At, unknown: Participant[], rates: RateTable | null): Issue[] {
  // Without a rate sheet (SHEET_MISSING) no programme is known: nothing to say per row.
  if (!rates) return [];
  return unknown.map((p) =>
    at("UNKNOWN_PROGRAM", p, "program", MSG.unknownProgram(p.programText, rates.sheet))
  );
}

/** Each enrolled row against its programme: 参加对象, 须为会员, the dates, retirement. */
function enrolmentRules(at: At, enrolled: Enrolment[], opts: CheckOptions): Issue[] {
  const issues: Issue[] = [];
  const flag = (code: IssueCode, p: Participant, field: string, message: string) =>
    issues.push(at(code, p, field, message));
  // Each programme's 参加对象 as a set of keys, built once rather than once per row.
  const eligibleKeys = new Map<Program, Set<string>>();
  const eligibleOf = (prog: Program): Set<string> => {
    let keys = eligibleKeys.get(prog);
    if (!keys) eligibleKeys.set(prog, (keys = new Set(prog.eligible.map(valueKey))));
    return keys;
  };

  for (const { participant: p, program: prog } of enrolled) {
    const label = prog.name || prog.code;
    if (prog.eligible.length > 0 && p.categories.length > 0) {
      const keys = eligibleOf(prog);
      if (!p.categories.some((c) => keys.has(valueKey(c))))
        flag("NOT_ELIGIBLE", p, "categories", MSG.notEligible(p.categories, label, prog.eligible));
    }
    // A blank cell is already MISSING_REQUIRED; an unreadable or 否 value is NOT_MEMBER.
    if (prog.memberRequired && p.member !== true && p.memberText !== "")
      flag("NOT_MEMBER", p, "member", MSG.notMember(label, p.memberText));
    if (p.date && !inWindow(p.date, prog))
      flag(
        "DATE_OUTSIDE_WINDOW",
        p,
        "date",
        MSG.dateOutside(dateTextOf(p), label, windowText(prog))
      );
    const on = prog.start ?? p.date;
    // Nobody retires before 50 (the youngest statutory age): most rows need no date arithmetic.
    if (on && p.id.birth && p.id.gender && on.y - p.id.birth.y >= MIN_RETIREMENT_YEARS) {
      const worker = p.postType.includes("工人");
      if (retirementStatus(p.id.birth, p.id.gender, worker, on, opts.nearMonths) === "retired") {
        const date = retirementDate(p.id.birth, p.id.gender, worker);
        flag("RETIRED", p, "idNumber", MSG.retired(formatDay(date)));
      }
    }
  }
  return issues;
}

function inWindow(d: Day, p: Program): boolean {
  if (p.start && compareDays(d, p.start) < 0) return false;
  if (p.end && compareDays(d, p.end) > 0) return false;
  return true;
}

/** The date as typed, or a date serial as 2024-06-01. */
function dateTextOf(p: Participant): string {
  return p.dateText || (p.date ? formatDay(p.date) : "");
}

const MIN_RETIREMENT_YEARS = 50;

function windowText(p: Program): string {
  return `${p.start ? formatDay(p.start) : "不限"}至${p.end ? formatDay(p.end) : "不限"}`;
}

/** Quotas: the ranked applicants past a programme's 名额 are flagged, with their rank. */
function quotaRule(at: At, selection: Map<Program, ProgramSelection>): Issue[] {
  const issues: Issue[] = [];
  for (const sel of selection.values()) {
    const prog = sel.program;
    if (!sel.oversubscribed || prog.quota === null) continue;
    for (const r of sel.ranked) {
      if (r.selected) continue;
      const message = MSG.quotaExceeded(
        prog.name || prog.code,
        prog.quota,
        sel.ranked.length,
        r.rank,
        r.reason
      );
      issues.push(at("QUOTA_EXCEEDED", r.participant, "program", message));
    }
  }
  return issues;
}

/** The same person more often than 每人每年参加次数 allows (by normalised ID): every such row is
 *  flagged; and the same name and unit under different IDs. */
function duplicateRules(at: At, participants: Participant[], perYear: number): Issue[] {
  const issues: Issue[] = [];
  for (const list of sameId(participants)) {
    if (list.length <= perYear) continue;
    const places = list.map(placeOf);
    const message =
      perYear === 1 ? MSG.duplicateId(places) : MSG.duplicateIdPerYear(places, perYear);
    for (const p of list) issues.push(at("DUPLICATE_ID", p, "idNumber", message));
  }
  for (const list of sameNameAndUnit(participants)) {
    const ids = new Set(list.map((p) => p.id.id18));
    if (ids.size < 2) continue;
    const message = MSG.possibleDuplicate(list.map(placeOf));
    for (const p of list) issues.push(at("POSSIBLE_DUPLICATE", p, "name", message));
  }
  return issues;
}

/** Groups of two or more participants with the same normalised ID, in roster order. */
function sameId(participants: Participant[]): Participant[][] {
  // One entry per person (the index of their first row); a list only for the rare repeats (no
  // array per row), noted as it is made so that the map is never walked.
  const byId = new Map<string, number | Participant[]>();
  const repeats: Repeat[] = [];
  for (let j = 0; j < participants.length; j++) {
    const p = participants[j];
    const id = p.id.id18;
    if (!id) continue;
    const seen = byId.get(id);
    if (seen === undefined) byId.set(id, j);
    else if (typeof seen !== "number") seen.push(p);
    else {
      const list = [participants[seen], p];
      byId.set(id, list);
      repeats.push({ first: seen, list });
    }
  }
  return inFirstOrder(repeats);
}

/** A repeated key: its list and the index of its first row. */
interface Repeat {
  first: number;
  list: Participant[];
}

/** The lists in the order of their first rows (the order of the map's entries). */
function inFirstOrder(repeats: Repeat[]): Participant[][] {
  repeats.sort((a, b) => a.first - b.first);
  return repeats.map((r) => r.list);
}

/** Groups of two or more participants with a usable ID and the same name in the same unit. */
function sameNameAndUnit(participants: Participant[]): Participant[][] {
  // By name first (short keys), then by unit only among namesakes: most people have no
  // namesake, so their unit is never hashed. One entry per name; a list only for repeats.
  const byName = new Map<string, number | Participant[]>();
  const repeats: Repeat[] = [];
  for (let j = 0; j < participants.length; j++) {
    const p = participants[j];
    if (!p.name || !p.unit || !p.id.id18) continue;
    const k = valueKey(p.name);
    const seen = byName.get(k);
    if (seen === undefined) byName.set(k, j);
    else if (typeof seen !== "number") seen.push(p);
    else {
      const list = [participants[seen], p];
      byName.set(k, list);
      repeats.push({ first: seen, list });
    }
  }
  const out: Participant[][] = [];
  for (const namesakes of inFirstOrder(repeats)) sameUnit(namesakes, out);
  return out;
}

/** Namesakes grouped by unit (groups in the order of their first row), each group of two or
 *  more added to out. A few namesakes (the usual case) are compared pairwise, without a map. */
function sameUnit(namesakes: Participant[], out: Participant[][]): void {
  const n = namesakes.length;
  if (n === 2) {
    // Two namesakes, the usual group: one comparison.
    if (valueKey(namesakes[0].unit) === valueKey(namesakes[1].unit)) out.push(namesakes);
    return;
  }
  if (n > 16) {
    const byUnit = new Map<string, Participant[]>();
    for (const p of namesakes) {
      const u = valueKey(p.unit);
      const list = byUnit.get(u);
      if (list) list.push(p);
      else byUnit.set(u, [p]);
    }
    for (const list of byUnit.values()) if (list.length >= 2) out.push(list);
    return;
  }
  const units = namesakes.map((p) => valueKey(p.unit));
  const taken: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (taken[i]) continue;
    let list: Participant[] | null = null;
    for (let j = i + 1; j < n; j++) {
      if (taken[j] || units[j] !== units[i]) continue;
      taken[j] = true;
      if (list) list.push(namesakes[j]);
      else list = [namesakes[i], namesakes[j]];
    }
    if (list) out.push(list);
  }
}

/** Someone in the history sheet: this year (or a year left blank) as often as 每人每年参加次数
 *  allows together with the roster, or in one of the look-back years before it. */
function historyRule(
  at: At,
  participants: Participant[],
  history: HistoryEntry[],
  opts: CheckOptions
): Issue[] {
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
  const rowsOf = new Map<string, number>();
  for (const p of participants)
    if (p.id.id18) rowsOf.set(p.id.id18, (rowsOf.get(p.id.id18) ?? 0) + 1);
  const issues: Issue[] = [];
  for (const p of participants) {
    if (!p.id.id18) continue;
    const went = thisYear.get(p.id.id18);
    const before = earlier.get(p.id.id18);
    let message: string | null = null;
    if (went && went.length + rowsOf.get(p.id.id18)! > perYear)
      message =
        perYear === 1
          ? MSG.duplicateHistory(went[0].program, went[0].year ?? year)
          : MSG.duplicateHistoryPerYear(went.length, perYear);
    else if (before) message = MSG.historyWithin(before.program, before.year!, historyYears);
    if (message) issues.push(at("DUPLICATE_HISTORY", p, "idNumber", message));
  }
  return issues;
}
