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

export interface CheckOptions {
  year: number;
  nearMonths: number;
}

/** Every roster rule, in the order they report. A roster split over several sheets is checked
 *  as one: quotas, duplicates and history across all of them, each issue on its own sheet. */
export function checkRoster(
  rosters: Roster[],
  programs: ProgramResolution,
  rates: RateTable | null,
  history: HistoryEntry[],
  opts: CheckOptions
): Issue[] {
  const at = placer(rosters);
  const participants =
    rosters.length === 1 ? rosters[0].participants : rosters.flatMap((r) => r.participants);
  return [
    unknownPrograms(at, programs.unknown, rates),
    enrolmentRules(at, programs.enrolled, opts),
    quotaRule(at, programs.enrolled),
    duplicateRules(at, participants),
    history.length > 0 ? historyRule(at, participants, history, opts.year) : [],
  ].flat();
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

/** The date as typed, or a date serial as 2024-06-01. */
function dateTextOf(p: Participant): string {
  return p.dateText || (p.date ? formatDay(p.date) : "");
}

const MIN_RETIREMENT_YEARS = 50;

function inWindow(d: Day, p: Program): boolean {
  if (p.start && compareDays(d, p.start) < 0) return false;
  if (p.end && compareDays(d, p.end) > 0) return false;
  return true;
}

function windowText(p: Program): string {
  return `${p.start ? formatDay(p.start) : "不限"}至${p.end ? formatDay(p.end) : "不限"}`;
}

/** Quotas: the rows past a programme's quota, in roster order, are flagged. */
function quotaRule(at: At, enrolled: Enrolment[]): Issue[] {
  const counts = new Map<Program, number>();
  for (const e of enrolled) counts.set(e.program, (counts.get(e.program) ?? 0) + 1);
  const issues: Issue[] = [];
  const nth = new Map<Program, number>();
  for (const { participant: p, program: prog } of enrolled) {
    const n = counts.get(prog)!;
    if (prog.quota === null || n <= prog.quota) continue;
    const k = (nth.get(prog) ?? 0) + 1;
    nth.set(prog, k);
    if (k > prog.quota) {
      const message = MSG.quotaExceeded(prog.name || prog.code, prog.quota, n, k);
      issues.push(at("QUOTA_EXCEEDED", p, "program", message));
    }
  }
  return issues;
}

/** The same person twice (by normalised ID), and the same name and unit under different IDs. */
function duplicateRules(at: At, participants: Participant[]): Issue[] {
  const issues: Issue[] = [];
  for (const list of sameId(participants)) {
    const message = MSG.duplicateId(list.map(placeOf));
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
  // One entry per person; a list only for the rare repeats (no array per row).
  const byId = new Map<string, Participant | Participant[]>();
  for (const p of participants) {
    if (!p.id.id18) continue;
    const seen = byId.get(p.id.id18);
    if (seen === undefined) byId.set(p.id.id18, p);
    else if (Array.isArray(seen)) seen.push(p);
    else byId.set(p.id.id18, [seen, p]);
  }
  return [...byId.values()].filter((x): x is Participant[] => Array.isArray(x));
}

/** Groups of two or more participants with a usable ID and the same name in the same unit. */
function sameNameAndUnit(participants: Participant[]): Participant[][] {
  // By name first (short keys), then by unit only among namesakes: most people have no
  // namesake, so their unit is never hashed. One entry per name; a list only for repeats.
  const byName = new Map<string, Participant | Participant[]>();
  for (const p of participants) {
    if (!p.name || !p.unit || !p.id.id18) continue;
    const k = valueKey(p.name);
    const seen = byName.get(k);
    if (seen === undefined) byName.set(k, p);
    else if (Array.isArray(seen)) seen.push(p);
    else byName.set(k, [seen, p]);
  }
  const out: Participant[][] = [];
  for (const namesakes of byName.values()) {
    if (!Array.isArray(namesakes)) continue;
    const byUnit = new Map<string, Participant[]>();
    for (const p of namesakes) {
      const u = valueKey(p.unit);
      const list = byUnit.get(u);
      if (list) list.push(p);
      else byUnit.set(u, [p]);
    }
    for (const list of byUnit.values()) if (list.length >= 2) out.push(list);
  }
  return out;
}

/** Someone in the history sheet for this year (or a year left blank). */
function historyRule(
  at: At,
  participants: Participant[],
  history: HistoryEntry[],
  year: number
): Issue[] {
  const seen = new Map<string, HistoryEntry>();
  for (const h of history) {
    if (h.id18 && (h.year === null || h.year === year) && !seen.has(h.id18)) seen.set(h.id18, h);
  }
  const issues: Issue[] = [];
  for (const p of participants) {
    const h = p.id.id18 ? seen.get(p.id.id18) : undefined;
    if (h) {
      const message = MSG.duplicateHistory(h.program, h.year ?? year);
      issues.push(at("DUPLICATE_HISTORY", p, "idNumber", message));
    }
  }
  return issues;
}
