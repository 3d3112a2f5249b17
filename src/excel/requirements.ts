// Requirement sets, checked at run time. src/excel uses ExcelApi up to 1.9 (RangeAreas for the
// grouped highlight ranges, pageLayout for the print area); manifest.xml declares the same.
export const EXCEL_API = "ExcelApi";
export const MIN_EXCEL_API = "1.9";

export function isSupported(version: string): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      !!Office.context?.requirements?.isSetSupported(EXCEL_API, version)
    );
  } catch {
    return false;
  }
}

/** Chinese message naming what is missing when Excel is too old, else null. */
export function requirementProblem(): string | null {
  if (typeof Office === "undefined" || !Office.context || !Office.context.requirements) {
    return "未检测到 Excel：请在 Excel（桌面版或网页版）中打开“疗休养经费助手”。";
  }
  if (typeof Excel === "undefined" || !isSupported(MIN_EXCEL_API)) {
    return `此 Excel 版本过旧：本加载项需要 ${EXCEL_API} ${MIN_EXCEL_API}（Microsoft 365、Excel 2021 或更高版本，或 Excel 网页版）。请升级 Excel 后再使用；在此之前也可以使用命令行版本处理 .xlsx 文件。`;
  }
  return null;
}

/**
 * Run options for every batch. delayForCellEdit: "When false, if the user is in cell edit when
 * the batch request is processed by the host, the batch automatically fails" (Excel.RunOptions).
 * No mergeUndoGroup (ExcelApi 1.20): the undo-support table lists Worksheet.delete as
 * unsupported, an unsupported call fails the batch with UndoNotSupported after the calls before
 * it applied and clears the user's undo stack, and the table says nothing of the conditional
 * format calls the marks use. Each sync is then its own undo record, as without the option.
 */
export function runOptions(): Excel.RunOptions {
  return { delayForCellEdit: true };
}
