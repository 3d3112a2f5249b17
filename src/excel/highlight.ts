// Marks on the user's sheets: conditional formats (a custom rule that is always TRUE) over the
// flagged cells, errors and warnings in two colours. Conditional formats sit above the cells'
// own formatting, so removing them leaves the user's fills, fonts and number formats exactly as
// they were. A mark is recognised by its rule formula (marks.ts MARK_SENTINEL), never by a
// stored id: ConditionalFormat.id is the rule's priority position and shifts whenever the user
// (or we) add or delete a rule. Clearing lists every sheet's rules, keeps those whose formula
// carries the sentinel, and deletes them from the highest position down within one sync, so no
// deletion moves a rule that is still to be deleted.
import type { Issue } from "../core/types";
import { issueCell } from "../core/a1";
import { groupAddresses, runs } from "./a1";
import { isMarkFormula, MARK_COLORS, MARK_FORMULA } from "./marks";
import type { SheetInfo } from "./read";
import { ExcelHostError } from "./errors";

/** Cells to mark per sheet and severity (a cell with an error is not also marked as a warning). */
export function markCells(
  issues: Issue[]
): Map<string, { error: { row: number; col: number }[]; warning: { row: number; col: number }[] }> {
  const out = new Map<
    string,
    {
      error: Map<string, { row: number; col: number }>;
      warning: Map<string, { row: number; col: number }>;
    }
  >();
  for (const i of issues) {
    const cell = issueCell(i);
    if (!cell) continue;
    let s = out.get(i.sheet);
    if (!s) out.set(i.sheet, (s = { error: new Map(), warning: new Map() }));
    s[i.severity].set(cell, { row: i.row! - 1, col: i.col! - 1 });
  }
  const res = new Map<
    string,
    { error: { row: number; col: number }[]; warning: { row: number; col: number }[] }
  >();
  for (const [sheet, s] of out) {
    for (const k of s.error.keys()) s.warning.delete(k);
    res.set(sheet, { error: [...s.error.values()], warning: [...s.warning.values()] });
  }
  return res;
}

/** The marks found on one sheet: its rule collection and our rules, highest position first. */
export interface SheetMarks {
  sheet: SheetInfo;
  ours: Excel.ConditionalFormat[];
  protected: boolean;
}

/** Queued loads of every sheet's rule types and protection (stage one of findMarks). */
export interface RuleListing {
  sheets: SheetInfo[];
  listed: {
    sheet: SheetInfo;
    prot: Excel.WorksheetProtection;
    coll: Excel.ConditionalFormatCollection;
  }[];
  /** The loads went out with a sync already (the read's cell sync carries them). */
  synced: boolean;
}

/** Queue stage one without a sync, so it can ride along with another round trip. */
export function queueRuleTypes(ctx: Excel.RequestContext, sheets: SheetInfo[]): RuleListing {
  const listed = sheets.map((sheet) => {
    const ws = ctx.workbook.worksheets.getItem(sheet.id);
    const prot = ws.protection.load("protected");
    const coll = ws.getRange().conditionalFormats.load("items/type,items/priority");
    return { sheet, prot, coll };
  });
  return { sheets, listed, synced: false };
}

/**
 * Find this tool's marks on `sheets`: every sheet's rule types (and its protection), then the
 * formulas of the custom rules — two round trips, one when the first rode along with the read.
 * Navigation properties are cached by Office.js, so `cf.custom.rule` loaded in one access is
 * read in the next.
 */
export async function findMarks(
  ctx: Excel.RequestContext,
  sheets: SheetInfo[],
  pre?: RuleListing
): Promise<SheetMarks[]> {
  const listing = pre ?? queueRuleTypes(ctx, sheets);
  const { listed } = listing;
  if (listed.length === 0) return [];
  if (!listing.synced) await ctx.sync();
  const customs = listed.map((l) => l.coll.items.filter((cf) => cf.type === "Custom"));
  for (const list of customs) for (const cf of list) cf.custom.rule.load("formula");
  if (customs.some((l) => l.length > 0)) await ctx.sync();
  return listed.map((l, i) => ({
    sheet: l.sheet,
    protected: l.prot.protected,
    ours: customs[i]
      .filter((cf) => isMarkFormula(cf.custom.rule.formula))
      .sort((a, b) => b.priority - a.priority),
  }));
}

/** Queue the deletion of the marks found, highest position first. Returns how many. */
export function queueClear(found: SheetMarks[]): number {
  let n = 0;
  for (const f of found) {
    for (const cf of f.ours) {
      cf.delete();
      n++;
    }
  }
  return n;
}

/** Refuse, before anything is written, when a sheet to change is protected. */
export function assertWritable(found: SheetMarks[], sheetsToChange: Set<string>): void {
  const locked = found.find(
    (f) => f.protected && (f.ours.length > 0 || sheetsToChange.has(f.sheet.name))
  );
  if (locked)
    throw new ExcelHostError(
      "SheetProtected",
      `工作表“${locked.sheet.name}”受保护，无法标记或清除标记。工作簿未做任何修改。请在“审阅 → 撤消工作表保护”后重试。`
    );
}

/** Queue one conditional format per address group (each address under 8,192 characters). */
export function queueMarks(
  ctx: Excel.RequestContext,
  issues: Issue[],
  sheets: SheetInfo[]
): number {
  let cells = 0;
  for (const [sheetName, bySeverity] of markCells(issues)) {
    const info = sheets.find((s) => s.name === sheetName);
    if (!info) continue;
    const ws = ctx.workbook.worksheets.getItem(info.id);
    // Warnings first, so errors end up on top where both overlap a range.
    for (const severity of ["warning", "error"] as const) {
      const list = bySeverity[severity];
      cells += list.length;
      for (const address of groupAddresses(runs(list))) {
        const cf = ws.getRanges(address).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = MARK_COLORS[severity].fill;
        cf.custom.format.font.color = MARK_COLORS[severity].font;
      }
    }
  }
  return cells;
}

/** Sheets that will receive marks for these issues. */
export function sheetsMarked(issues: Issue[]): Set<string> {
  return new Set(markCells(issues).keys());
}

/** Replace the marks: find ours, check protection, then delete ours and add the new in one sync. */
export async function replaceHighlights(
  ctx: Excel.RequestContext,
  issues: Issue[],
  sheets: SheetInfo[],
  pre?: RuleListing
): Promise<void> {
  const found = await findMarks(ctx, sheets, pre);
  assertWritable(found, sheetsMarked(issues));
  queueClear(found);
  queueMarks(ctx, issues, sheets);
  await ctx.sync();
}

/** Mark issue cells in one sync (callers clear old marks first). */
export async function highlight(
  ctx: Excel.RequestContext,
  issues: Issue[],
  sheets: SheetInfo[]
): Promise<void> {
  queueMarks(ctx, issues, sheets);
  await ctx.sync();
}

/** Remove exactly this tool's marks from every sheet. Returns how many were removed. */
export async function clearHighlights(
  ctx: Excel.RequestContext,
  known?: SheetInfo[]
): Promise<number> {
  let sheets = known;
  if (!sheets) {
    const coll = ctx.workbook.worksheets.load("items/name,items/id,items/visibility");
    await ctx.sync();
    sheets = coll.items.map((w) => ({ name: w.name, id: w.id, visibility: w.visibility }));
  }
  const found = await findMarks(ctx, sheets);
  assertWritable(found, new Set());
  const n = queueClear(found);
  if (n > 0) await ctx.sync();
  return n;
}
