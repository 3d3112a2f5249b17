// Marks on the user's sheets: conditional formats (custom rule =TRUE) over the flagged cells,
// errors and warnings in two colours. Conditional formats sit above the cells' own formatting,
// so removing them leaves the user's fills, fonts and number formats exactly as they were.
// Their ids are recorded per worksheet id in the document settings; clearing deletes exactly
// those (and only if they are still custom rules), nothing else.
import type { Issue } from "../core/types";
import { issueCell } from "../core/a1";
import { groupAddresses, runs } from "./a1";
import { MARK_COLORS } from "./marks";
import type { ConditionalFormatInfo, SheetInfo } from "./read";
import { getMarks, MarkRecord, setMarks } from "./settings";
import { errorCode } from "../app/errors";

/** Queue the deletion of recorded marks that are still there. Returns how many. */
export function queueClear(
  ctx: Excel.RequestContext,
  found: Record<string, ConditionalFormatInfo[]>,
  record: MarkRecord = getMarks()
): number {
  let n = 0;
  for (const [sheetId, ids] of Object.entries(record)) {
    const present = found[sheetId];
    if (!present) continue;
    const coll = ctx.workbook.worksheets.getItem(sheetId).getRange().conditionalFormats;
    for (const id of ids) {
      if (present.some((c) => c.id === id && c.type === "Custom")) {
        coll.getItem(id).delete();
        n++;
      }
    }
  }
  return n;
}

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

export interface QueuedMarks {
  added: { sheetId: string; cf: Excel.ConditionalFormat }[];
  cells: number;
}

/** Queue one conditional format per address group (each address under 8,192 characters). */
export function queueMarks(
  ctx: Excel.RequestContext,
  issues: Issue[],
  sheets: SheetInfo[]
): QueuedMarks {
  const added: QueuedMarks["added"] = [];
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
        cf.custom.rule.formula = "=TRUE";
        cf.custom.format.fill.color = MARK_COLORS[severity].fill;
        cf.custom.format.font.color = MARK_COLORS[severity].font;
        cf.load("id");
        added.push({ sheetId: info.id, cf });
      }
    }
  }
  return { added, cells };
}

/** After the sync: remember the new marks (replacing the old record). */
export function recordMarks(q: QueuedMarks): MarkRecord {
  const rec: MarkRecord = {};
  for (const { sheetId, cf } of q.added) (rec[sheetId] ??= []).push(cf.id);
  setMarks(rec);
  return rec;
}

/** Mark issue cells in one sync and record them (callers clear old marks first). */
export async function highlight(
  ctx: Excel.RequestContext,
  issues: Issue[],
  sheets: SheetInfo[]
): Promise<MarkRecord> {
  const q = queueMarks(ctx, issues, sheets);
  await ctx.sync();
  return recordMarks(q);
}

/** Remove exactly the recorded marks: list the sheets' conditional formats, delete ours. */
export async function clearHighlights(ctx: Excel.RequestContext): Promise<number> {
  const record = getMarks();
  const ids = Object.keys(record);
  if (ids.length === 0) return 0;
  let found: Record<string, Excel.ConditionalFormatCollection> = {};
  try {
    // Usually every marked sheet still exists: list their conditional formats straight away.
    for (const id of ids)
      found[id] = ctx.workbook.worksheets
        .getItem(id)
        .getRange()
        .conditionalFormats.load("items/id,items/type");
    await ctx.sync();
  } catch (e) {
    if (errorCode(e) !== "ItemNotFound") throw e;
    // A marked sheet was deleted since: look only at the sheets that are left.
    found = {};
    const sheets = ctx.workbook.worksheets.load("items/id");
    await ctx.sync();
    for (const w of sheets.items)
      if (record[w.id]) found[w.id] = w.getRange().conditionalFormats.load("items/id,items/type");
    await ctx.sync();
  }
  const info: Record<string, ConditionalFormatInfo[]> = {};
  for (const [id, coll] of Object.entries(found))
    info[id] = coll.items.map((c) => ({ id: c.id, type: c.type }));
  const n = queueClear(ctx, info, record);
  if (n > 0) await ctx.sync();
  setMarks({});
  return n;
}
