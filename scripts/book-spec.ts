// Build .xlsx workbooks the way staff lay them out: an optional merged title row, a header row,
// ID columns formatted as text, dates as real dates. Used by the sample script, tests and bench.
import ExcelJS from "exceljs";
import type { Cell } from "../src/core/types";
import { serialToDay } from "../src/core/dates";

export interface SheetSpec {
  name: string;
  title?: string;
  header: Cell[];
  rows: Cell[][];
  /** Header names whose columns are text ("@"), as staff set ID columns. */
  textColumns?: string[];
  /** Header names whose numeric cells are dates. */
  dateColumns?: string[];
  /** Extra rows above the title (blank), to push the header down. */
  blankRowsAbove?: number;
  widths?: number[];
}

export function buildWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "疗休养经费助手";
  for (const s of sheets) addSheet(wb, s);
  return wb;
}

export function addSheet(wb: ExcelJS.Workbook, s: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name);
  let r = 1 + (s.blankRowsAbove ?? 0);
  const width = Math.max(s.header.length, 1);
  if (s.title) {
    ws.getCell(r, 1).value = s.title;
    ws.getCell(r, 1).font = { bold: true, size: 14 };
    if (width > 1) ws.mergeCells(r, 1, r, width);
    r++;
  }
  const headerRow = r;
  s.header.forEach((h, c) => {
    const cell = ws.getCell(headerRow, c + 1);
    cell.value = h as ExcelJS.CellValue;
    cell.font = { bold: true };
  });
  const textCols = new Set(
    (s.textColumns ?? []).map((h) => s.header.indexOf(h)).filter((i) => i >= 0)
  );
  const dateCols = new Set(
    (s.dateColumns ?? []).map((h) => s.header.indexOf(h)).filter((i) => i >= 0)
  );
  s.rows.forEach((row, i) => {
    const wr = ws.getRow(headerRow + 1 + i);
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = wr.getCell(c + 1);
      if (dateCols.has(c) && typeof v === "number") {
        const d = serialToDay(v)!;
        cell.value = new Date(Date.UTC(d.y, d.m - 1, d.d));
        cell.numFmt = "yyyy-mm-dd";
      } else {
        cell.value = v as ExcelJS.CellValue;
        if (textCols.has(c)) cell.numFmt = "@";
      }
    });
  });
  (s.widths ?? s.header.map((h) => Math.max(10, String(h ?? "").length * 2 + 2))).forEach(
    (w, i) => (ws.getColumn(i + 1).width = w)
  );
  return ws;
}
