// The Excel host: the only code that touches Office.js. Each user action is one Excel.run in
// which src/app's action runs over an ExcelWorkbook port:
//   校验      read → analyse → (remove old marks + add new marks) in one sync
//   生成      read → analyse → write 经费分摊表 and 校验结果 in one sync (more only for huge sheets)
// A 10,000-row roster takes three round trips per action — sheet list with used ranges, cells,
// writes — and more only as the bytes grow (about one per 3.75 MB read), never per row.
import type { Options } from "../core/types";
import type { Analysis } from "../core/engine";
import { detectSheets, SheetMapping } from "../core/engine";
import type { Progress } from "../app/port";
import * as app from "../app/actions";
import { errorCode } from "../app/errors";
import { ExcelHostError, hostError } from "./errors";
import { requirementProblem, runOptions } from "./requirements";
import { readWorkbook } from "./read";
import { loadSettings, persist, setSheetHint } from "./settings";
import { rectOf } from "./a1";
import { ExcelWorkbook } from "./port";

export { ExcelHostError } from "./errors";
export { requirementProblem } from "./requirements";
export { loadSettings, saveSettings } from "./settings";
export { ExcelWorkbook } from "./port";

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
  const s = options.sheets ?? {};
  return [...(s.roster ?? []), s.rates, s.history, s.budget].filter((x): x is string => !!x);
}

/** Run one of src/app's actions over the workbook in one Excel.run, then save what it changed. */
async function withPort<T>(
  step: string,
  options: Options,
  body: (port: ExcelWorkbook) => Promise<T>
): Promise<T> {
  let port: ExcelWorkbook | null = null;
  const out = await act(step, (ctx) =>
    body((port = new ExcelWorkbook(ctx, explicitSheets(options))))
  );
  if ((port as ExcelWorkbook | null)?.marksChanged) await persistMarks(step);
  else await persistQuietly();
  return out;
}

/** Sheet names and the detected role mapping (by headers, not only names). */
export async function detectWorkbookSheets(): Promise<{ sheets: string[]; mapping: SheetMapping }> {
  const result = await act("读取工作表", async (ctx) => {
    const r = await readWorkbook(ctx, { headRows: 12 });
    setSheetHint(r.book.sheets.map((s) => s.name));
    return {
      sheets: r.layout.sheets.filter((s) => s.visibility !== "VeryHidden").map((s) => s.name),
      mapping: detectSheets(r.book, loadSettings().mapping ?? {}),
    };
  });
  await persistQuietly();
  return result;
}

/** 校验 in Excel. */
export function validate(options: Options, progress?: Progress): Promise<Analysis> {
  return withPort("校验", options, (port) => app.validate(port, options, progress));
}

/** 生成经费分摊表 in Excel. */
export function generate(
  options: Options,
  request: app.GenerateRequest,
  progress?: Progress
): Promise<app.GenerateResult> {
  return withPort("生成经费分摊表", options, (port) =>
    app.generate(port, options, request, progress)
  );
}

/** 清除标记 in Excel. */
export function clearMarks(): Promise<void> {
  return withPort("清除标记", {}, (port) => app.clearMarks(port));
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
