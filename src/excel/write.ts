// Writing the generated sheets: one 2-D `formulas` array per sheet (chunked by rows only when a
// sheet is larger than a request may carry), then formats, widths, merges, frozen header and
// print setup, all queued into the same sync with calculation suspended. A sheet this add-in
// generated before is replaced; a user's sheet is never touched — a free name is used instead.
// A batch is not a transaction: any operation may be the last one applied. So per sheet the
// order is: delete our old sheet (its marker then refers to #REF!, still ours), delete the
// marker, add the new sheet and at once its marker. A failure between the add and the marker
// leaves an unmarked sheet under a name no user sheet had; src/excel/index.ts removes it.
import type { PlanCell, RangeFormat, SheetPlan } from "../core/plan";
import { FONT, FONT_SIZE } from "../core/plan";
import type { WrittenSheet } from "../app/port";
import { formulaString } from "../core/a1";
import { jsonBytes } from "../core/text";
import { rectOf } from "./a1";
import { maxOf } from "../core/max";
import { freeSheetName, markerName } from "../core/generated";
import type { Layout } from "./read";
import type { Progress } from "../app/port";
import { ExcelHostError } from "./errors";

/** Bytes of cell data queued into one sync. */
export const WRITE_BUDGET = 3 * 1024 * 1024;

/**
 * Text Excel would not keep as typed: a leading = + - @ starts a formula, and numbers, percents,
 * dates and TRUE/FALSE are converted. A leading apostrophe makes Excel store the text as is.
 */
export function needsQuote(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@']/.test(s)) return true;
  if (/^(true|false)$/i.test(s.trim())) return true;
  const t = s.trim();
  return /\d/.test(t) && /^[\d\s.,:/%$¥￥()+\-eE]+$/.test(t);
}

/** A plan cell as Excel input for `range.formulas`. */
export function cellInput(c: PlanCell): string | number {
  if (c === null) return "";
  if ("text" in c) return needsQuote(c.text) ? "'" + c.text : c.text;
  if ("number" in c) return c.number;
  return c.formula;
}

/** The plan's cells as rows of Excel input, internal links as HYPERLINK formulas. */
export function planRows(plan: SheetPlan): (string | number)[][] {
  const width = maxOf(
    plan.cells.map((r) => r.length),
    Math.max(1, plan.widths.length)
  );
  const rows = plan.cells.map((r) => {
    const out: (string | number)[] = new Array(width).fill("");
    r.forEach((c, i) => (out[i] = cellInput(c)));
    return out;
  });
  for (const l of plan.links) {
    const { r0, c0 } = rectOf(l.address);
    if (rows[r0])
      rows[r0][c0] = `=HYPERLINK(${formulaString("#" + l.target)},${formulaString(l.text)})`;
  }
  return rows;
}

function chunkRows(
  rows: (string | number)[][],
  budget: number
): { start: number; rows: (string | number)[][] }[] {
  const out: { start: number; rows: (string | number)[][] }[] = [];
  let cur: (string | number)[][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const b = jsonBytes(row);
    if (cur.length && bytes + b > budget) {
      out.push({ start, rows: cur });
      cur = [];
      start = i;
      bytes = 0;
    }
    cur.push(row);
    bytes += b;
  });
  if (cur.length) out.push({ start, rows: cur });
  return out;
}

/** Characters → points (Calibri/等线 11: about 7 px a character plus padding; 0.75 pt a px). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function applyFormat(ws: Excel.Worksheet, f: RangeFormat): void {
  const range = ws.getRange(f.address);
  if (f.numberFormat) {
    const r = rectOf(f.address);
    const row = new Array(r.c1 - r.c0 + 1).fill(f.numberFormat);
    range.numberFormat = Array.from({ length: r.r1 - r.r0 + 1 }, () => row.slice());
  }
  if (f.bold !== undefined) range.format.font.bold = f.bold;
  if (f.italic !== undefined) range.format.font.italic = f.italic;
  if (f.fontSize) range.format.font.size = f.fontSize;
  if (f.fontColor) range.format.font.color = f.fontColor;
  if (f.fill) range.format.fill.color = f.fill;
  if (f.horizontal)
    range.format.horizontalAlignment = (
      { left: "Left", center: "Center", right: "Right" } as const
    )[f.horizontal];
  if (f.wrap) {
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
  }
  if (f.border) {
    const r = rectOf(f.address);
    const sides: Excel.BorderIndex[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ] as Excel.BorderIndex[];
    if (r.c1 > r.c0) sides.push("InsideVertical" as Excel.BorderIndex);
    if (r.r1 > r.r0) sides.push("InsideHorizontal" as Excel.BorderIndex);
    for (const s of sides) range.format.borders.getItem(s).style = "Continuous";
  }
}

/** Inches → points. */
const pt = (inches: number) => Math.round(inches * 72 * 100) / 100;

/**
 * The plan's print setup through Worksheet.pageLayout (ExcelApi 1.9, checked at start-up by
 * requirements.ts): A4, orientation, fit to pages wide (the height unlimited), the title rows
 * repeated on every page, the centred footer, margins in points, and page breaks.
 */
function writePageSetup(ws: Excel.Worksheet, plan: SheetPlan): void {
  const page = plan.page;
  const layout = ws.pageLayout;
  layout.paperSize = "A4" as Excel.PaperType;
  layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  if (page.fitWidth > 0) layout.zoom = { horizontalFitToPages: page.fitWidth };
  layout.centerHorizontally = page.centerHorizontally;
  layout.leftMargin = pt(page.margins.left);
  layout.rightMargin = pt(page.margins.right);
  layout.topMargin = pt(page.margins.top);
  layout.bottomMargin = pt(page.margins.bottom);
  layout.headerMargin = pt(page.margins.header);
  layout.footerMargin = pt(page.margins.footer);
  if (page.titleRows) layout.setPrintTitleRows(page.titleRows.replace(/(\d+)/g, "$$$1"));
  layout.headersFooters.defaultForAllPages.centerFooter = page.footer;
  if (plan.printArea) layout.setPrintArea(plan.printArea);
  for (const r of plan.rowBreaks ?? [])
    ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r + 1, 0, 1, 1));
}

/**
 * Queue the sheets; the first sync carries the structure, formats and the first rows, more
 * syncs only when the cells exceed the budget. Returns the names used.
 */
export async function writeSheets(
  ctx: Excel.RequestContext,
  plans: SheetPlan[],
  layout: Layout,
  progress?: Progress,
  /** Filled with the names of the sheets queued for adding, before the first sync. */
  intended: string[] = []
): Promise<WrittenSheet[]> {
  if (layout.structureProtected)
    throw new ExcelHostError(
      "WorkbookProtected",
      "工作簿结构受保护，无法添加或替换工作表，工作簿未做任何修改。请在“审阅 → 保护工作簿”中取消保护后重试。"
    );
  const wb = ctx.workbook;
  wb.application.suspendApiCalculationUntilNextSync();
  const taken = new Set(layout.sheets.map((s) => s.name));
  const written: WrittenSheet[] = [];
  const pending: {
    ws: Excel.Worksheet;
    width: number;
    chunks: { start: number; rows: (string | number)[][] }[];
  }[] = [];
  const autofit: { ws: Excel.Worksheet; rows: number; width: number }[] = [];
  let firstActivate: Excel.Worksheet | null = null;
  for (const plan of plans) {
    const ours = layout.generated[plan.role];
    if (ours) {
      wb.worksheets.getItem(ours).delete();
      taken.delete(ours);
    }
    const marker = layout.markerNames[plan.role];
    if (marker) wb.names.getItem(marker).delete();
    if (plan.remove) continue;
    const name = freeSheetName(plan.name, taken);
    taken.add(name);
    intended.push(name);
    const ws = wb.worksheets.add(name);
    wb.names.add(
      markerName(plan.role),
      ws.getRange("A1"),
      "疗休养经费助手生成的工作表（重新生成时只替换此表）"
    ).visible = false;
    ws.tabColor = plan.tabColor;
    const rows = planRows(plan);
    const width = rows[0]?.length ?? 1;
    // One font family on every cell, then the plan's formats. Number formats before values:
    // nothing here depends on it, but text cells stay text either way.
    const font = ws.getRangeByIndexes(0, 0, Math.max(1, rows.length), width).format.font;
    font.name = FONT;
    font.size = FONT_SIZE;
    for (const f of plan.formats) applyFormat(ws, f);
    // Row heights as runs of equal rows; a sheet with very many (a long 校验结果, whose notes
    // wrap) has Excel fit its rows to the text instead, once the cells are written: one call,
    // not thousands in the first request.
    const runs = heightRuns(plan.rowHeights ?? []);
    if (runs.length <= MAX_HEIGHT_RUNS)
      for (const r of runs) ws.getRangeByIndexes(r.row, 0, r.count, 1).format.rowHeight = r.height;
    else autofit.push({ ws, rows: rows.length, width });
    for (const m of plan.merges) ws.getRange(m).merge(false);
    plan.widths.forEach(
      (w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(w))
    );
    if (plan.freezeRows > 0) ws.freezePanes.freezeRows(plan.freezeRows);
    writePageSetup(ws, plan);
    pending.push({ ws, width, chunks: rows.length ? chunkRows(rows, WRITE_BUDGET) : [] });
    written.push({ role: plan.role, name, renamed: name !== plan.name });
    if (!firstActivate) firstActivate = ws;
  }
  firstActivate?.activate();

  // Cells: as many chunks per sync as the budget allows; usually everything goes in the first.
  const all = pending.flatMap((p) => p.chunks.map((c) => ({ ...c, ws: p.ws, width: p.width })));
  let budget = WRITE_BUDGET;
  let done = 0;
  for (let i = 0; i < all.length; i++) {
    const c = all[i];
    const bytes = jsonBytes(c.rows);
    if (budget - bytes < 0 && budget < WRITE_BUDGET) {
      await ctx.sync();
      progress?.("write", done, all.length);
      wb.application.suspendApiCalculationUntilNextSync();
      budget = WRITE_BUDGET;
    }
    c.ws.getRangeByIndexes(c.start, 0, c.rows.length, c.width).formulas = c.rows;
    budget -= bytes;
    done++;
  }
  for (const a of autofit)
    a.ws.getRangeByIndexes(0, 0, Math.max(1, a.rows), a.width).format.autofitRows();
  await ctx.sync();
  return written;
}

/** More runs of row heights than this and Excel fits the rows itself (autofitRows). */
const MAX_HEIGHT_RUNS = 200;

/** Row heights grouped into runs of consecutive rows of the same height. */
function heightRuns(
  heights: { row: number; height: number }[]
): { row: number; count: number; height: number }[] {
  const sorted = [...heights].sort((a, b) => a.row - b.row);
  const runs: { row: number; count: number; height: number }[] = [];
  for (const h of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.height === h.height && last.row + last.count === h.row) last.count++;
    else runs.push({ row: h.row, count: 1, height: h.height });
  }
  return runs;
}
