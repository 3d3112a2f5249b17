// The 校验结果 sheet: one row per issue, errors first, each cell a link to where it is.
import type { Issue } from "../types";
import type { PlanCell, PlanContext, RangeFormat, SheetPlan } from "./types";
import { a1, issueCell, sheetRef } from "../a1";
import { SEVERITY_LABEL, TITLE } from "../messages";
import { REPORT_SHEET, TAB_COLOR } from "../generated";
import { blankRow, HEADER_FILL, num, text, visualWidth, WARN_COLOR } from "./cells";
import { fitWidths, pageSetup } from "./page";

const HEADS = ["序号", "级别", "代码", "问题", "工作表", "单元格", "列", "说明"];
const CELL_COL = 5;
const NOTE_COL = 7;

export function planReport(issues: Issue[], ctx: PlanContext, sheetName = REPORT_SHEET): SheetPlan {
  const rows: PlanCell[][] = [titleRow(ctx), countsRow(issues, ctx), HEADS.map(text)];
  const links: SheetPlan["links"] = [];
  // Errors first, each kind in the issues' order (a stable partition, not a sort).
  const sorted = issues.filter((i) => i.severity === "error");
  for (const i of issues) if (i.severity !== "error") sorted.push(i);
  const shared: Shared = new Map();
  const refs = new Map<string, string>();
  for (let k = 0; k < sorted.length; k++) {
    const is = sorted[k];
    const r = rows.length;
    const cell = issueCell(is);
    rows.push(issueRow(is, k + 1, cell, shared));
    if (cell) {
      let ref = refs.get(is.sheet);
      if (ref === undefined) refs.set(is.sheet, (ref = sheetRef(is.sheet)));
      links.push({ address: a1(r, CELL_COL), target: ref + cell, text: cell });
    }
  }
  const lastIssueRow = rows.length;
  rows.push(blankRow(HEADS.length));
  rows.push(reportSignature(ctx.ownUnion));
  const lastRow = rows.length;
  // Every column fits its longest value; 说明 wraps at NOTE_WIDTH characters (not measured).
  const fitted = fitWidths(rows, HEADS.length, () => undefined, {
    skip: (r, c) => r < 2 || r === lastRow - 1 || c === NOTE_COL,
    min: 6,
    max: 70,
  });
  fitted[NOTE_COL] = NOTE_WIDTH;
  return {
    role: "report",
    tabColor: TAB_COLOR.report,
    name: sheetName,
    cells: rows,
    formats: reportFormats(lastIssueRow, ctx.errorCount),
    merges: ["A1:H1", "A2:H2"],
    widths: fitted,
    freezeRows: 3,
    links,
    page: pageSetup("1:3"),
    printArea: `A1:H${lastRow}`,
    rowHeights: noteHeights(sorted),
  };
}

/** 说明's width in characters; longer notes wrap. */
const NOTE_WIDTH = 70;
/** Points per line of 11-point text (the sheets' default row height). */
const LINE_HEIGHT = 15;

/**
 * Rows whose 说明 wraps, as tall as its lines: a spreadsheet does not grow a row for wrapped
 * text on opening (LibreOffice printed the second line over the next row), so the height is
 * written. Lines are estimated from the text's width (CJK characters count two).
 */
function noteHeights(sorted: Issue[]): { row: number; height: number }[] {
  const out: { row: number; height: number }[] = [];
  for (let k = 0; k < sorted.length; k++) {
    // A 70-wide column holds about 76 units of 等线 text (LibreOffice's print of the sample).
    // A unit counts at most 2, so a note of up to 38 units fits one line unmeasured.
    const m = sorted[k].message;
    if (m.length * 2 <= NOTE_WIDTH + 6) continue;
    const lines = Math.ceil(visualWidth(m) / (NOTE_WIDTH + 6));
    if (lines > 1) out.push({ row: 3 + k, height: LINE_HEIGHT * lines });
  }
  return out;
}

function titleRow(ctx: PlanContext): PlanCell[] {
  const row = blankRow(HEADS.length);
  row[0] = text(`${ctx.ownUnion}${ctx.year}年职工疗休养校验结果`);
  return row;
}

/** 填报单位, 制表人, 审核人 and 日期 under the list. */
function reportSignature(ownUnion: string): PlanCell[] {
  const row = blankRow(HEADS.length);
  row[0] = text(`填报单位（盖章）：${ownUnion}`);
  row[4] = text("制表人：");
  row[6] = text("审核人：");
  row[7] = text("日期：    年  月  日");
  return row;
}

function countsRow(issues: Issue[], ctx: PlanContext): PlanCell[] {
  const row = blankRow(HEADS.length);
  row[0] = text(
    issues.length === 0
      ? "未发现问题。"
      : `共${issues.length}条：错误${ctx.errorCount}条，警告${ctx.warningCount}条。点击“单元格”可跳到对应位置。`
  );
  return row;
}

/** One text cell for each distinct text of the columns that repeat (级别, 代码, 问题, 工作表, 列):
 *  thousands of issues share a few dozen (cells are never changed once planned). */
type Shared = Map<string, PlanCell>;

function sharedText(shared: Shared, s: string): PlanCell {
  let c = shared.get(s);
  if (!c) shared.set(s, (c = text(s)));
  return c;
}

function issueRow(is: Issue, n: number, cell: string | undefined, shared: Shared): PlanCell[] {
  // In HEADS order (CELL_COL is 5, NOTE_COL 7).
  return [
    num(n),
    sharedText(shared, SEVERITY_LABEL[is.severity]),
    sharedText(shared, is.code),
    sharedText(shared, TITLE[is.code]),
    sharedText(shared, is.sheet),
    cell ? text(cell) : null,
    is.column ? sharedText(shared, is.column) : null,
    text(is.message),
  ];
}

function reportFormats(lastRow: number, errorCount: number): RangeFormat[] {
  const formats: RangeFormat[] = [
    { address: "A1", bold: true, fontSize: 14 },
    { address: "A3:H3", bold: true, fill: HEADER_FILL, border: true },
  ];
  if (lastRow > 3) {
    formats.push({ address: `A4:H${lastRow}`, border: true });
    formats.push({ address: `H4:H${lastRow}`, wrap: true });
    // Errors come first, so they are one range.
    if (errorCount > 0)
      formats.push({ address: `B4:B${3 + errorCount}`, fontColor: WARN_COLOR, bold: true });
  }
  return formats;
}
