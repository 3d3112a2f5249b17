// The Excel host: the only code that touches Office.js. Each user action is one Excel.run:
//   校验      read → analyse → (remove old marks + add new marks) in one sync
//   生成      read → analyse → write 经费分摊表 and 校验结果 in one sync (more only for huge sheets)
// A 10,000-row roster takes three round trips per action — sheet list with used ranges, cells,
// writes — and more only as the bytes grow (about one per 3.75 MB read), never per row.
import type { Issue, Options } from "../core/types";
import type { Progress, WorkbookPort, WrittenSheet } from "../core/port";
import type { SheetPlan } from "../core/plan";
import { analyse, Analysis, detectSheets, planSheets, SheetMapping } from "../core/engine";
import { ExcelHostError, hostError, errorCode } from "./errors";
import { requirementProblem, runOptions } from "./requirements";
import { readWorkbook, ReadResult, SheetInfo } from "./read";
import { writeSheets } from "./write";
import { queueClear, queueMarks, recordMarks, clearHighlights as clearMarksIn } from "./highlight";
import { loadSettings, persist, setSheetHint } from "./settings";
import { rectOf } from "./a1";

export { ExcelHostError } from "./errors";
export { requirementProblem } from "./requirements";
export { loadSettings, saveSettings } from "./settings";
export type { PaneSettings } from "./settings";
export { readWorkbook } from "./read";
export { writeSheets, needsQuote } from "./write";
export { highlight, clearHighlights } from "./highlight";
export { MARK_COLORS } from "./marks";

export type ProgressFn = (step: string, done: number, total: number) => void;

/** Before any Excel call: a clear Chinese message when Excel is missing or too old. */
function ensureExcel(): void {
  const problem = requirementProblem();
  if (problem)
    throw new ExcelHostError(typeof Office === "undefined" ? "NotInExcel" : "ApiNotFound", problem);
}

/** One Excel.run per action, with one undo step where supported; errors become ExcelHostError. */
async function act<T>(step: string, body: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  ensureExcel();
  const opts = runOptions();
  try {
    return await (opts.mergeUndoGroup
      ? Excel.run(opts as Excel.RunOptions, body)
      : Excel.run(body));
  } catch (e) {
    // Some operations cannot join an undo group; the action is then run without one.
    if (opts.mergeUndoGroup && errorCode(e) === "UndoNotSupported") {
      try {
        return await Excel.run(body);
      } catch (e2) {
        throw hostError(e2, step);
      }
    }
    throw hostError(e, step);
  }
}

function rememberSheets(r: ReadResult): void {
  setSheetHint(r.book.sheets.map((s) => s.name));
}

/** The remembered sheet names are only a speed-up: failing to save them is not an error. */
async function persistQuietly(): Promise<void> {
  try {
    await persist();
  } catch {
    // Next time the sheets are found without the hint, at worst one round trip more.
  }
}

/** The record of marks is what 清除标记 relies on: failing to save it must be said. */
async function persistMarks(step: string): Promise<void> {
  try {
    await persist();
  } catch (e) {
    const code = errorCode(e) ?? "SettingsSaveFailed";
    const detail = e instanceof Error ? e.message : String(e);
    throw new ExcelHostError(
      code,
      `${step}已完成，但${detail}，“清除标记”可能找不到这些标记。请确认工作簿可以编辑后重新校验。（错误代码 ${code}）`,
      e
    );
  }
}

function explicitSheets(options: Options): string[] {
  return Object.values(options.sheets ?? {}).filter((x): x is string => !!x);
}

/** Sheet names and the detected role mapping (by headers, not only names). */
export async function detectWorkbookSheets(): Promise<{ sheets: string[]; mapping: SheetMapping }> {
  const result = await act("读取工作表", async (ctx) => {
    const r = await readWorkbook(ctx, { headRows: 12 });
    return {
      sheets: r.layout.sheets.filter((s) => s.visibility !== "VeryHidden").map((s) => s.name),
      mapping: detectSheets(r.book, loadSettings().mapping ?? {}),
      read: r,
    };
  });
  rememberSheets(result.read);
  await persistQuietly();
  return { sheets: result.sheets, mapping: result.mapping };
}

/** 校验: read the sheets, analyse, remove the old marks and mark the issue cells — one Excel.run. */
export async function runValidate(options: Options, progress?: ProgressFn): Promise<Analysis> {
  const analysis = await act("校验", async (ctx) => {
    progress?.("读取工作表", 0, 3);
    const r = await readWorkbook(ctx, {
      progress,
      withMarks: true,
      explicit: explicitSheets(options),
    });
    progress?.("校验", 1, 3);
    const a = analyse(r.book, options);
    progress?.("标记问题单元格", 2, 3);
    queueClear(ctx, r.marksFound);
    const q = queueMarks(ctx, a.issues, r.layout.sheets);
    await ctx.sync();
    recordMarks(q);
    rememberSheets(r);
    progress?.("完成", 3, 3);
    return a;
  });
  await persistMarks("校验");
  return analysis;
}

/** 生成经费分摊表: read, analyse and, unless errors block it, write the two sheets — one Excel.run. */
export async function runGenerate(
  options: Options,
  force: boolean,
  progress?: ProgressFn
): Promise<{ analysis: Analysis; written: WrittenSheet[]; blocked: boolean }> {
  const out = await act("生成经费分摊表", async (ctx) => {
    progress?.("读取工作表", 0, 4);
    const r = await readWorkbook(ctx, { progress, explicit: explicitSheets(options) });
    rememberSheets(r);
    progress?.("校验与计算", 1, 4);
    const analysis = analyse(r.book, options);
    if ((analysis.errorCount > 0 && !force) || !analysis.allocation)
      return { analysis, written: [] as WrittenSheet[], blocked: true };
    progress?.("写入经费分摊表", 2, 4);
    const plans = planSheets(analysis);
    const written = await writeSheets(ctx, [plans.allocation!, plans.report], r.layout, progress);
    progress?.("完成", 4, 4);
    return { analysis, written, blocked: false };
  });
  await persistQuietly();
  return out;
}

/** 清除标记: remove exactly the add-in's marks. */
export async function runClearMarks(): Promise<void> {
  await act("清除标记", async (ctx) => {
    await clearMarksIn(ctx);
  });
  await persistMarks("清除标记");
}

/** Select a cell (from the issue list). */
export async function goToCell(sheet: string, cell: string): Promise<void> {
  rectOf(cell); // rejects a malformed address before asking Excel
  await act("定位单元格", async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });
}

export async function goToSheet(name: string): Promise<void> {
  await act("打开工作表", async (ctx) => {
    ctx.workbook.worksheets.getItem(name).activate();
    await ctx.sync();
  });
}

/**
 * The workbook port over an Excel.RequestContext, for code written against src/core/port.ts.
 * Reads remember the layout so writes and marks need no extra round trip.
 */
export class ExcelWorkbook implements WorkbookPort {
  private last: ReadResult | null = null;
  constructor(readonly ctx: Excel.RequestContext) {}

  async readWorkbook(progress?: Progress) {
    this.last = await readWorkbook(this.ctx, { progress, withMarks: true });
    return this.last.book;
  }
  private async layout(): Promise<ReadResult> {
    if (!this.last) this.last = await readWorkbook(this.ctx, { headRows: 1, withMarks: true });
    return this.last;
  }
  async writeSheets(plans: SheetPlan[], progress?: Progress): Promise<WrittenSheet[]> {
    return writeSheets(this.ctx, plans, (await this.layout()).layout, progress);
  }
  async highlight(issues: Issue[]): Promise<void> {
    const r = await this.layout();
    const q = queueMarks(this.ctx, issues, r.layout.sheets);
    await this.ctx.sync();
    recordMarks(q);
    await persistMarks("标记问题单元格");
  }
  async clearHighlights(): Promise<void> {
    await clearMarksIn(this.ctx);
    if (this.last) this.last.marksFound = {};
    await persistMarks("清除标记");
  }
}

export type { SheetInfo };
