// Node-only: build an Excel double from an .xlsx file (or an ExcelJS workbook), keeping values,
// formulas, number formats, fills, fonts, alignment, widths, merges and defined names, so tests
// run on the shipped samples exactly as a user would open them in Excel.
import ExcelJS from "exceljs";
import { plainValue } from "../../xlsx/exceljs-model";
import type { Cell } from "../../core/types";
import { createExcelDouble, DoubleBook, DoubleOptions, DoubleSheet, ExcelDouble } from "./index";
import type { CellFormat } from "./model";

function color(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = c?.argb;
  return argb && argb.length === 8 ? "#" + argb.slice(2).toUpperCase() : undefined;
}

function cellFormat(cell: ExcelJS.Cell): CellFormat | null {
  const f: CellFormat = {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") f.fill = color(fill.fgColor);
  if (cell.font) {
    if (cell.font.bold) f.bold = true;
    if (cell.font.italic) f.italic = true;
    if (cell.font.size && cell.font.size !== 11) f.size = cell.font.size;
    const fc = color(cell.font.color);
    if (fc && fc !== "#000000") f.fontColor = fc;
  }
  if (cell.alignment?.horizontal)
    f.horizontal = cell.alignment.horizontal[0].toUpperCase() + cell.alignment.horizontal.slice(1);
  if (cell.alignment?.wrapText) f.wrap = true;
  for (const k of Object.keys(f) as (keyof CellFormat)[]) if (f[k] === undefined) delete f[k];
  return Object.keys(f).length ? f : null;
}

function bookFromExcelJs(wb: ExcelJS.Workbook): DoubleBook {
  const sheets: DoubleSheet[] = [];
  for (const ws of wb.worksheets) {
    const values: Cell[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: string[][] = [];
    const formats: (CellFormat | null)[][] = [];
    const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    const colCount = ws.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const vals: Cell[] = new Array(colCount).fill(null);
      const fx: (string | null)[] = new Array(colCount).fill(null);
      const nf: string[] = new Array(colCount).fill("");
      const fm: (CellFormat | null)[] = new Array(colCount).fill(null);
      const row = ws.findRow(r);
      row?.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        if (v && typeof v === "object" && "formula" in v && (v as ExcelJS.CellFormulaValue).formula)
          fx[c - 1] = "=" + (v as ExcelJS.CellFormulaValue).formula;
        vals[c - 1] = plainValue(v);
        nf[c - 1] = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : "";
        fm[c - 1] = cellFormat(cell);
      });
      values.push(vals);
      formulas.push(fx);
      numberFormats.push(nf);
      formats.push(fm);
    }
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= colCount; c++) {
      const w = ws.getColumn(c).width;
      if (w) widths[c - 1] = Math.round((w * 7 + 5) * 0.75 * 100) / 100;
    }
    const merges: string[] = ((ws.model as { merges?: string[] }).merges ?? []).slice();
    const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
    sheets.push({
      name: ws.name,
      values,
      formulas,
      numberFormats,
      formats,
      widths,
      merges,
      freezeRows: view?.state === "frozen" ? (view.ySplit ?? 0) : 0,
      visibility:
        ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible",
    });
  }
  const names: DoubleBook["names"] = [];
  const model =
    (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const n of model)
    if (n.ranges.length) names.push({ name: n.name, formula: "=" + n.ranges[0] });
  return { sheets, names };
}

export async function doubleFromXlsx(
  buf: Buffer | ArrayBuffer,
  opts?: DoubleOptions
): Promise<ExcelDouble> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  return createExcelDouble(bookFromExcelJs(wb), opts);
}
