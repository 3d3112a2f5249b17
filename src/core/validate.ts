// Row checks that need more than one sheet: programmes, eligibility, quotas, duplicates, history.
import type { Day, HistoryEntry, Participant, Program, RateTable } from "./types";
import { compareDays, formatDay } from "./dates";
import { MSG } from "./messages";
import { IssueSink, Roster, windowText } from "./parse";
import { retirementDate, retirementStatus } from "./retirement";
import { valueKey } from "./text";

/** Programme lookup by code or name, compared folded, without spaces and case-insensitively. */
export function programIndex(rates: RateTable): Map<string, Program> {
  const idx = new Map<string, Program>();
  for (const p of rates.programs) {
    idx.set(valueKey(p.code), p);
  }
  for (const p of rates.programs) {
    const k = valueKey(p.name);
    if (k && !idx.has(k)) idx.set(k, p);
  }
  return idx;
}

export interface CheckOptions {
  year: number;
  nearMonths: number;
}

export function checkRoster(
  roster: Roster,
  rates: RateTable | null,
  history: HistoryEntry[],
  opts: CheckOptions,
  sink: IssueSink
): void {
  const t = roster.table;
  const index = rates ? programIndex(rates) : new Map<string, Program>();
  const counts = new Map<Program, number>();
  const i0 = (p: Participant) => p.row - 1 - t.originRow;
  // Each programme's 参加对象 as a set of keys, built once rather than once per row.
  const eligibleKeys = new Map<Program, Set<string>>();
  const eligibleOf = (prog: Program): Set<string> => {
    let keys = eligibleKeys.get(prog);
    if (!keys) eligibleKeys.set(prog, (keys = new Set(prog.eligible.map(valueKey))));
    return keys;
  };

  for (const p of roster.participants) {
    if (!p.programText) continue;
    const prog = index.get(valueKey(p.programText));
    if (!prog) {
      if (rates)
        t.issue(
          sink,
          "UNKNOWN_PROGRAM",
          i0(p),
          "program",
          MSG.unknownProgram(p.programText, rates.sheet)
        );
      continue;
    }
    p.programCode = prog.code;
    const label = prog.name || prog.code;
    const n = (counts.get(prog) ?? 0) + 1;
    counts.set(prog, n);

    if (prog.eligible.length > 0 && p.categories.length > 0) {
      const keys = eligibleOf(prog);
      const ok = p.categories.some((c) => keys.has(valueKey(c)));
      if (!ok)
        t.issue(
          sink,
          "NOT_ELIGIBLE",
          i0(p),
          "categories",
          MSG.notEligible(p.categories, label, prog.eligible)
        );
    }
    if (prog.memberRequired && p.member !== true && t.has("member")) {
      // A blank cell is already MISSING_REQUIRED; an unreadable or 否 value is NOT_MEMBER.
      if (p.memberText !== "")
        t.issue(sink, "NOT_MEMBER", i0(p), "member", MSG.notMember(label, p.memberText));
    }
    if (p.date && !inWindow(p.date, prog)) {
      t.issue(
        sink,
        "DATE_OUTSIDE_WINDOW",
        i0(p),
        "date",
        MSG.dateOutside(p.dateText, label, windowText(prog))
      );
    }
    const on = prog.start ?? p.date;
    if (on && p.id.birth && p.id.gender) {
      const worker = p.postType.includes("工人");
      if (retirementStatus(p.id.birth, p.id.gender, worker, on, opts.nearMonths) === "retired") {
        t.issue(
          sink,
          "RETIRED",
          i0(p),
          "idNumber",
          MSG.retired(formatDay(retirementDate(p.id.birth, p.id.gender, worker)))
        );
      }
    }
  }

  // Quotas: the rows past the quota, in roster order, are flagged.
  for (const [prog, n] of counts) {
    if (prog.quota === null || n <= prog.quota) continue;
    let k = 0;
    for (const p of roster.participants) {
      if (p.programCode !== prog.code) continue;
      k++;
      if (k > prog.quota)
        t.issue(
          sink,
          "QUOTA_EXCEEDED",
          i0(p),
          "program",
          MSG.quotaExceeded(prog.name || prog.code, prog.quota, n, k)
        );
    }
  }

  checkDuplicates(roster, sink);
  if (history.length > 0) checkHistory(roster, history, opts.year, sink);
}

function inWindow(d: Day, p: Program): boolean {
  if (p.start && compareDays(d, p.start) < 0) return false;
  if (p.end && compareDays(d, p.end) > 0) return false;
  return true;
}

/** The same person twice (by normalised ID), and the same name and unit under different IDs. */
function checkDuplicates(roster: Roster, sink: IssueSink): void {
  const t = roster.table;
  // One entry per person; a list only for the rare repeats (no array per row).
  const byId = new Map<string, Participant | Participant[]>();
  for (const p of roster.participants) {
    if (!p.id.id18) continue;
    const seen = byId.get(p.id.id18);
    if (seen === undefined) byId.set(p.id.id18, p);
    else if (Array.isArray(seen)) seen.push(p);
    else byId.set(p.id.id18, [seen, p]);
  }
  for (const list of byId.values()) {
    if (!Array.isArray(list)) continue;
    const rows = list.map((p) => p.row);
    for (const p of list)
      t.issue(sink, "DUPLICATE_ID", p.row - 1 - t.originRow, "idNumber", MSG.duplicateId(rows));
  }

  // Unit, then name: two small lookups instead of hashing a joined key per row.
  const byUnit = new Map<string, Map<string, Participant[]>>();
  for (const p of roster.participants) {
    if (!p.name || !p.unit || !p.id.id18) continue;
    const u = valueKey(p.unit);
    let byName = byUnit.get(u);
    if (!byName) byUnit.set(u, (byName = new Map()));
    const k = valueKey(p.name);
    const list = byName.get(k);
    if (list) list.push(p);
    else byName.set(k, [p]);
  }
  for (const byName of byUnit.values()) {
    for (const list of byName.values()) {
      if (list.length < 2) continue;
      const ids = new Set(list.map((p) => p.id.id18));
      if (ids.size < 2) continue;
      const rows = list.map((p) => p.row);
      for (const p of list)
        t.issue(
          sink,
          "POSSIBLE_DUPLICATE",
          p.row - 1 - t.originRow,
          "name",
          MSG.possibleDuplicate(rows)
        );
    }
  }
}

function checkHistory(
  roster: Roster,
  history: HistoryEntry[],
  year: number,
  sink: IssueSink
): void {
  const t = roster.table;
  const seen = new Map<string, HistoryEntry>();
  for (const h of history) {
    if (h.id18 && (h.year === null || h.year === year) && !seen.has(h.id18)) seen.set(h.id18, h);
  }
  for (const p of roster.participants) {
    const h = p.id.id18 ? seen.get(p.id.id18) : undefined;
    if (h)
      t.issue(
        sink,
        "DUPLICATE_HISTORY",
        p.row - 1 - t.originRow,
        "idNumber",
        MSG.duplicateHistory(h.program, h.year ?? year)
      );
  }
}
