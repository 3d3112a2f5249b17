// The Excel host: the only code that touches Office.js. Each user action is one Excel.run in
// which src/app's action runs over an ExcelWorkbook port:
//   校验      read → analyse → (remove old marks + add new marks) in one sync
//   生成      read → analyse → write 经费分摊表 and 校验结果 in one sync (more only for huge sheets);
//             after a failed write, a cleanup run removes a new sheet left without its marker
// A 10,000-row roster takes three round trips per action — sheet list with used ranges, cells,
// writes — and more only as the bytes grow (about one per 3.75 MB read), never per row.
import type { Options } from "../core/types";
import type { Analysis } from "../core/engine";
import { detectSheets, SheetMapping } from "../core/engine";
import type { Progress } from "../app/port";
import * as app from "../app/actions";
import { ExcelHostError, hostError } from "./errors";
import { requirementProblem, runOptions } from "./requirements";
import { readWorkbook } from "./read";
import { loadSettings, persist, setSheetHint } from "./settings";
import { GENERATED_ROLES, isGeneratedName, markerName, sheetOfMarker } from "../core/generated";
import { rectOf } from "./a1";
import { ExcelWorkbook } from "./port";

export { ExcelHostError } from "./errors";
export { requirementProblem } from "./requirements";
export { loadSettings, saveSettings, refreshSettings } from "./settings";
export { ExcelWorkbook } from "./port";

/** Before any Excel call: a clear Chinese message when Excel is missing or too old. */
function ensureExcel(): void {
  const problem = requirementProblem();
  if (problem)
    throw new ExcelHostError(typeof Office === "undefined" ? "NotInExcel" : "ApiNotFound", problem);
}

/** One Excel.run per action (requirements.ts runOptions); errors become ExcelHostError. */
async function act<T>(step: string, body: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  ensureExcel();
  try {
    return await Excel.run(runOptions(), body);
  } catch (e) {
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

function explicitSheets(options: Options): string[] {
  const s = options.sheets ?? {};
  return [...(s.roster ?? []), s.rates, s.history, s.budget].filter((x): x is string => !!x);
}

/** Where an action runs: the pane saves its settings copy; the ribbon's function file only
 *  reads (refreshAsync first) and never saves, so it cannot overwrite what the pane saved. */
export interface RunSite {
  save?: boolean;
}

/** Run one of src/app's actions over the workbook in one Excel.run, then save the sheet hint. */
async function withPort<T>(
  step: string,
  options: Options,
  body: (port: ExcelWorkbook) => Promise<T>,
  site: RunSite = {}
): Promise<T> {
  const out = await act(step, (ctx) => body(new ExcelWorkbook(ctx, explicitSheets(options))));
  if (site.save !== false) await persistQuietly();
  return out;
}

/**
 * After a failed write: remove a sheet the failed batch added under one of the names it chose
 * but left without its marker (the batch stopped between the two). Such a name belonged to no
 * user sheet (core/generated.ts freeSheetName), so nothing of the user's is touched; a sheet
 * its marker points at is ours and is replaced by the next 生成.
 */
async function cleanUpAfterFailedWrite(intended: string[]): Promise<void> {
  if (intended.length === 0) return;
  try {
    await Excel.run(runOptions(), async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const names = ctx.workbook.names.load("items/name,items/formula");
      await ctx.sync();
      const marked = new Set<string>();
      for (const role of GENERATED_ROLES) {
        const n = names.items.find((x) => x.name === markerName(role));
        const target = n ? sheetOfMarker(String(n.formula ?? "")) : null;
        if (target) marked.add(target.toLowerCase());
      }
      const want = new Set(intended.map((n) => n.toLowerCase()));
      const orphans = sheets.items.filter(
        (w) =>
          want.has(w.name.toLowerCase()) &&
          isGeneratedName(w.name) &&
          !marked.has(w.name.toLowerCase())
      );
      for (const w of orphans) w.delete();
      if (orphans.length) await ctx.sync();
    });
  } catch {
    // The next 生成 still never replaces a user sheet; at worst it picks a free name.
  }
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
export function validate(options: Options, progress?: Progress, site?: RunSite): Promise<Analysis> {
  return withPort("校验", options, (port) => app.validate(port, options, progress), site);
}

/** 生成经费分摊表 in Excel. */
export async function generate(
  options: Options,
  request: app.GenerateRequest,
  progress?: Progress,
  site?: RunSite
): Promise<app.GenerateResult> {
  let intended: string[] = [];
  try {
    return await withPort(
      "生成经费分摊表",
      options,
      (port) => {
        intended = port.intended;
        return app.generate(port, options, request, progress);
      },
      site
    );
  } catch (e) {
    await cleanUpAfterFailedWrite(intended);
    throw e;
  }
}

/** 清除标记 in Excel. */
export function clearMarks(site?: RunSite): Promise<void> {
  return withPort("清除标记", {}, (port) => app.clearMarks(port), site);
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
