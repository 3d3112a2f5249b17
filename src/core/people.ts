// Who an issue is about: the roster row's 姓名, so the issue list can say "刘成 · 花名册!D25"
// (for screen readers too) and not only the cell.
import type { Issue, Roster } from "./types";
import { readRows } from "./rows";

/** Names by 1-based row of a roster that is a plain copy (the web page's), made once each. */
const plainNames = new WeakMap<Roster, Map<number, string>>();

/** The name of the person an issue's row belongs to, when the issue is on a participant's row
 *  of a roster sheet (a roster may be split over several sheets). A roster as read answers from
 *  its own cells, with no participant made. */
export function personOf(issue: Issue, rosters: Roster[]): string | null {
  if (issue.row === undefined) return null;
  const roster = rosters.find((r) => r.sheet === issue.sheet);
  if (!roster) return null;
  const rows = readRows(roster);
  if (rows) {
    const j = rows.indexOfRow(issue.row);
    return j < 0 ? null : rows.text(j, "name") || null;
  }
  let names = plainNames.get(roster);
  if (!names) {
    names = new Map();
    for (const p of roster.participants) if (p.name) names.set(p.row, p.name);
    plainNames.set(roster, names);
  }
  return names.get(issue.row) ?? null;
}
