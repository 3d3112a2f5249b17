// Formula cells the host could give no value for (SheetData.formulasWithoutValue): one
// FORMULA_NO_VALUE each, and nothing else about those cells — their blank is not the user's.
import type { Issue, WorkbookData } from "./types";
import { makeIssue } from "./issues";
import { MSG } from "./messages";

export function withFormulaGaps(issues: Issue[], book: WorkbookData): Issue[] {
  const gaps = book.sheets.flatMap((s) =>
    (s.formulasWithoutValue ?? []).map((g) => ({ sheet: s.name, ...g }))
  );
  if (gaps.length === 0) return issues;
  const at = new Set(gaps.map((g) => `${g.sheet}\t${g.row}\t${g.col}`));
  return [
    ...issues.filter(
      (i) => i.row === undefined || i.col === undefined || !at.has(`${i.sheet}\t${i.row}\t${i.col}`)
    ),
    ...gaps.map((g) =>
      makeIssue("FORMULA_NO_VALUE", g.sheet, MSG.formulaNoValue(g.formula), {
        row: g.row,
        col: g.col,
      })
    ),
  ];
}
