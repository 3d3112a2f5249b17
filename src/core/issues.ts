// Issues as values: each parser and rule returns its own; analyse gathers and orders them.
import type { Issue, IssueCode, WorkbookData } from "./types";
import { SEVERITY } from "./messages";

/** Where an issue sits: 1-based sheet row and column (a column only with a row), and the
 *  column's header text. */
export interface IssueAt {
  row?: number;
  col?: number;
  column?: string;
}

/** An issue with its code's severity (the contract, messages.ts). */
export function makeIssue(
  code: IssueCode,
  sheet: string,
  message: string,
  at: IssueAt = {}
): Issue {
  const issue: Issue = { severity: SEVERITY[code], code, sheet, message };
  if (at.row !== undefined) issue.row = at.row;
  if (at.row !== undefined && at.col !== undefined) issue.col = at.col;
  if (at.column !== undefined) issue.column = at.column;
  return issue;
}

/** Sheet-level issues first, then by sheet order, row and column; an issue with a row but no
 *  cell (its column is missing) before the sheet's cells; ties keep their order. */
export function sortIssues(issues: Issue[], book: WorkbookData): Issue[] {
  const order = new Map(book.sheets.map((s, i) => [s.name, i]));
  const key = (i: Issue) => {
    const hasCell = i.row !== undefined && i.col !== undefined;
    return [
      i.row === undefined ? 0 : 1,
      order.get(i.sheet) ?? -1,
      hasCell ? i.row! : 0,
      hasCell ? i.col! : 0,
    ];
  };
  return issues
    .map((i, n) => ({ i, n, k: key(i) }))
    .sort((a, b) => {
      for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] - b.k[j];
      return a.n - b.n;
    })
    .map((x) => x.i);
}
