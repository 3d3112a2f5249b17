// The one workbook port between the core and its hosts (Excel, .xlsx files, the test double),
// and the two user actions written against it.
import type { Issue, Options, SheetData, WorkbookData } from "./types";
import type { SheetPlan } from "./plan";
import { analyse, Analysis, planSheets } from "./engine";

export interface WrittenSheet {
  role: SheetPlan["role"];
  /** The name actually used (a user sheet of the same name is never replaced). */
  name: string;
  /** True when the wanted name belonged to a user sheet, so another name was chosen. */
  renamed: boolean;
}

export type Progress = (step: string, done: number, total: number) => void;

export interface WorkbookPort {
  /** Every sheet's values (and number formats where the host has them). */
  readWorkbook(progress?: Progress): Promise<WorkbookData>;
  /** Write generated sheets, replacing only sheets this tool generated before. */
  writeSheets(plans: SheetPlan[], progress?: Progress): Promise<WrittenSheet[]>;
  /** Mark issue cells in the user's sheets, removably; replaces earlier marks. */
  highlight(issues: Issue[]): Promise<void>;
  /** Remove exactly the marks `highlight` made. */
  clearHighlights(): Promise<void>;
}

/** 校验: read, check, mark. */
export async function validateWorkbook(
  port: WorkbookPort,
  options: Options = {},
  progress?: Progress
): Promise<Analysis> {
  progress?.("读取工作表", 0, 3);
  const book = await port.readWorkbook(progress);
  progress?.("校验", 1, 3);
  const analysis = analyse(book, options);
  progress?.("标记问题单元格", 2, 3);
  await port.clearHighlights();
  await port.highlight(analysis.issues);
  progress?.("完成", 3, 3);
  return analysis;
}

export interface GenerateResult {
  analysis: Analysis;
  written: WrittenSheet[];
  /** Not generated because of errors and no force. */
  blocked: boolean;
}

/** 生成经费分摊表: read, check, and write the sheets unless errors block it. */
export async function generateWorkbook(
  port: WorkbookPort,
  options: Options = {},
  force = false,
  progress?: Progress
): Promise<GenerateResult> {
  progress?.("读取工作表", 0, 4);
  const book = await port.readWorkbook(progress);
  progress?.("校验与计算", 1, 4);
  const analysis = analyse(book, options);
  if ((analysis.errorCount > 0 && !force) || !analysis.allocation) {
    return { analysis, written: [], blocked: true };
  }
  progress?.("写入经费分摊表", 2, 4);
  const plans = planSheets(analysis);
  const written = await port.writeSheets([plans.allocation!, plans.report], progress);
  progress?.("完成", 4, 4);
  return { analysis, written, blocked: false };
}

export function sheetByName(book: WorkbookData, name: string): SheetData | undefined {
  return book.sheets.find((s) => s.name === name);
}
