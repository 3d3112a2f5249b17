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
  // Every issue has the same keys (absent ones undefined): one shape, so the code that reads
  // thousands of them stays monomorphic, and the shape does not die with an analysis.
  return {
    severity: SEVERITY[code],
    code,
    sheet,
    message,
    row: at.row,
    col: at.row !== undefined ? at.col : undefined,
    column: at.column,
  };
}

/** Sheet-level issues first, then by sheet order, row and column; an issue with a row but no
 *  cell (its column is missing) before the sheet's cells; ties keep their order. */
export function sortIssues(issues: Issue[], book: WorkbookData): Issue[] {
  const order = new Map(book.sheets.map((s, i) => [s.name, i]));
  // Four numeric keys per issue in typed arrays, and a sort of indexes (no key array per issue).
  const n = issues.length;
  const onRow = new Uint8Array(n);
  const sheet = new Int32Array(n);
  const row = new Float64Array(n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const i = issues[j];
    const hasCell = i.row !== undefined && i.col !== undefined;
    onRow[j] = i.row === undefined ? 0 : 1;
    sheet[j] = order.get(i.sheet) ?? -1;
    row[j] = hasCell ? i.row! : 0;
    col[j] = hasCell ? i.col! : 0;
  }
  const idx = Array.from({ length: n }, (_, j) => j);
  idx.sort(
    (a, b) =>
      onRow[a] - onRow[b] || sheet[a] - sheet[b] || row[a] - row[b] || col[a] - col[b] || a - b
  );
  return idx.map((j) => issues[j]);
}
