// Who an issue is about: the roster row's 姓名, so the issue list can say "刘成 · 花名册!D25"
// (for screen readers too) and not only the cell.
import type { Issue, Roster } from "./types";

/** Participants' names by their roster row (1-based), for one analysis. */
export function peopleByRow(roster: Roster | null): Map<number, string> {
  const m = new Map<number, string>();
  for (const p of roster?.participants ?? []) if (p.name) m.set(p.row, p.name);
  return m;
}

/** The name of the person an issue's row belongs to, when the issue is on the roster. */
export function personOf(
  issue: Issue,
  roster: Roster | null,
  byRow = peopleByRow(roster)
): string | null {
  if (!roster || issue.sheet !== roster.sheet || issue.row === undefined) return null;
  return byRow.get(issue.row) ?? null;
}
