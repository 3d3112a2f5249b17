// A sample .xlsx fetched by the browser, turned into the Excel double's workbook: values,
// number formats, formulas, fills, bold, widths and merges (ExcelJS's browser build).
import ExcelJS from "exceljs";
import type { DoubleBook, DoubleSheet, CellFormat } from "../testing/excel-double";
import { sheetData } from "../xlsx/exceljs-model";

export const SAMPLES = {
  clean: "samples/sample-2024.xlsx",
  mistakes: "samples/sample-2024-mistakes.xlsx",
} as const;
export type SampleName = keyof typeof SAMPLES;

function rgb(argb: string | undefined): string | undefined {
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? "#" + argb.slice(2).toUpperCase() : undefined;
}

export function doubleSheet(ws: ExcelJS.Worksheet): DoubleSheet {
  const data = sheetData(ws);
  const formulas: (string | null)[][] = data.values.map((row) => row.map(() => null));
  const formats: (CellFormat | null)[][] = data.values.map((row) => row.map(() => null));
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (r - 1 >= formulas.length || c - 1 >= formulas[r - 1].length) return;
      if (cell.formula) formulas[r - 1][c - 1] = "=" + cell.formula;
      const fill =
        cell.fill && cell.fill.type === "pattern" && cell.fill.pattern === "solid"
          ? rgb(cell.fill.fgColor?.argb)
          : undefined;
      const f: CellFormat = {};
      if (fill) f.fill = fill;
      if (cell.font?.bold) f.bold = true;
      if (cell.font?.color?.argb) f.fontColor = rgb(cell.font.color.argb);
      if (Object.keys(f).length) formats[r - 1][c - 1] = f;
    });
  });
  const widths = (ws.columns ?? []).map((col) => (col && col.width ? col.width * 7 : undefined));
  const merges = Object.keys((ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {})
    .length
    ? ((ws.model as unknown as { merges?: string[] }).merges ?? [])
    : [];
  return { ...data, formulas, formats, widths, merges };
}

export async function loadSample(name: SampleName): Promise<DoubleBook> {
  const res = await fetch(SAMPLES[name]);
  if (!res.ok) throw new Error(`无法读取样例工作簿（HTTP ${res.status}）`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return {
    sheets: wb.worksheets.filter((ws) => ws.state !== "veryHidden").map(doubleSheet),
  };
}
