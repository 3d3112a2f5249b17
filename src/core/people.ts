// Who an issue is about: the roster row's 姓名, so the issue list can say "刘成 · 花名册!D25"
// (for screen readers too) and not only the cell.
import type { Issue, Roster } from "./types";

/** Participants' names by roster sheet and row (1-based), for one analysis: a roster may be
 *  split over several sheets. */
export function peopleByRow(rosters: Roster[]): Map<string, Map<number, string>> {
  const m = new Map<string, Map<number, string>>();
  for (const r of rosters) {
    const rows = new Map<number, string>();
    for (const p of r.participants) if (p.name) rows.set(p.row, p.name);
    m.set(r.sheet, rows);
  }
  return m;
}

/** The name of the person an issue's row belongs to, when the issue is on a roster sheet. */
export function personOf(
  issue: Issue,
  rosters: Roster[],
  byRow = peopleByRow(rosters)
): string | null {
  if (issue.row === undefined) return null;
  return byRow.get(issue.sheet)?.get(issue.row) ?? null;
}
