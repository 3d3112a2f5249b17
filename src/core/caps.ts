// The spending caps some unions set: per person per day (人均标准 against cap × 天数, on the rate
// sheet) and per person per year across programmes (on the roster, with the history sheet's
// amounts for this year where it has them).
import type { HistoryEntry, Issue, Participant, RateTable, Roster } from "./types";
import type { ProgramResolution } from "./programs";
import { makeIssue } from "./issues";
import { MSG } from "./messages";
import { formatYuan } from "./money";

/** RATE_OVER_CAP on each programme whose 人均标准 is above 每人每天上限 × its days. */
export function checkDailyCap(rates: RateTable, capYuan: number | null): Issue[] {
  if (capYuan === null) return [];
  const capFen = BigInt(capYuan) * 100n;
  const issues: Issue[] = [];
  for (const p of rates.programs) {
    if (p.days === null) continue;
    const maxFen = capFen * BigInt(p.days);
    if (p.perPersonFen <= maxFen) continue;
    const message = MSG.rateOverCap(
      p.name || p.code,
      formatYuan(p.perPersonFen),
      formatYuan(capFen),
      p.days,
      formatYuan(maxFen)
    );
    const ref = p.perPersonRef;
    issues.push(
      makeIssue("RATE_OVER_CAP", rates.sheet, message, {
        row: p.row,
        col: ref ? ref.col + 1 : undefined,
        column: rates.perPersonTitle ?? "人均标准",
      })
    );
  }
  return issues;
}

/** ANNUAL_CAP_EXCEEDED on each roster row of a person whose programmes this year (and the
 *  history sheet's amounts for this year) together exceed 每人每年上限. */
export function checkAnnualCap(
  rosters: Roster[],
  res: ProgramResolution,
  history: HistoryEntry[],
  year: number,
  capYuan: number | null
): Issue[] {
  if (capYuan === null) return [];
  const capFen = BigInt(capYuan) * 100n;
  const trips = new Map<string, { label: string; fen: bigint; p?: Participant }[]>();
  const add = (id: string, t: { label: string; fen: bigint; p?: Participant }) => {
    const list = trips.get(id);
    if (list) list.push(t);
    else trips.set(id, [t]);
  };
  for (const { participant: p, program } of res.enrolled)
    if (p.id.id18) add(p.id.id18, { label: program.code, fen: program.perPersonFen, p });
  for (const h of history)
    if (h.id18 && h.fen !== null && (h.year === null || h.year === year) && trips.has(h.id18))
      add(h.id18, { label: `历史记录${h.program ? "（" + h.program + "）" : ""}`, fen: h.fen });
  const issues: Issue[] = [];
  const columns = new Map(rosters.map((r) => [r.sheet, r.columns.program]));
  for (const list of trips.values()) {
    const total = list.reduce((a, t) => a + t.fen, 0n);
    if (total <= capFen) continue;
    const parts = list.map((t) => `${t.label} ${formatYuan(t.fen)}元`).join("、");
    const message = MSG.annualCapExceeded(formatYuan(total), formatYuan(capFen), parts);
    for (const t of list) {
      if (!t.p) continue;
      // On the row's own roster sheet (a roster may be split over several).
      const col = columns.get(t.p.sheet);
      issues.push(
        makeIssue("ANNUAL_CAP_EXCEEDED", t.p.sheet, message, {
          row: t.p.row,
          col: col ? col.col + 1 : undefined,
          column: col?.title ?? "疗休养项目",
        })
      );
    }
  }
  return issues;
}
