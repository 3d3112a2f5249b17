// Evaluate a whole .xlsx workbook with HyperFormula, so tests can compare what Excel would
// compute from the written formulas with what the engine computed.
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { parseA1 } from "../../src/core/a1";
import { forHyperFormula } from "../../src/xlsx/read/compute";

const DAY_MS = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export type HfValue = number | string | boolean | null | { error: string };

export interface EvaluatedWorkbook {
  hf: HyperFormula;
  /** The computed value of one cell, e.g. value("经费分摊表", "C7"). Errors come back as {error}. */
  value(sheet: string, address: string): HfValue;
  /** Every computed value of a sheet, row by row from A1. */
  sheetValues(sheet: string): HfValue[][];
  /** The sheet's formula (with "=") at an address, or undefined. */
  formula(sheet: string, address: string): string | undefined;
}

/** The content HyperFormula should see for one ExcelJS cell. */
export function cellContent(cell: ExcelJS.Cell): RawCellContent {
  // Excel keeps a merged range's value in its top-left cell only.
  if (cell.isMerged && cell.master !== cell) return null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const f = cell.formula;
    if (f) return "=" + forHyperFormula(f);
  }
  return plain(v);
}

export { forHyperFormula };

function plain(v: ExcelJS.CellValue): RawCellContent {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  // A leading apostrophe makes HyperFormula keep the text as text (no number, date or formula parsing).
  if (typeof v === "string") return "'" + v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / DAY_MS;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText))
      return "'" + v.richText.map((r) => r.text).join("");
    if ("hyperlink" in v && "text" in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      if (typeof t === "object" && t && "richText" in t)
        return "'" + (t as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
      return plain(t as ExcelJS.CellValue);
    }
    if ("formula" in v || "sharedFormula" in v)
      return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return "'" + String(v);
}

/** A sheet as HyperFormula input: a dense 2-D array from A1. */
export function sheetContents(ws: ExcelJS.Worksheet): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: RawCellContent[] = new Array(width).fill(null);
    const wr = ws.findRow(r);
    if (wr) {
      wr.eachCell({ includeEmpty: false }, (cell, c) => {
        row[c - 1] = cellContent(cell);
      });
    }
    rows.push(row);
  }
  return rows;
}

function toValue(v: unknown): HfValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && v && "type" in v) {
    const e = v as { type: string; message?: string; value?: string };
    return { error: String(e.value ?? e.type) + (e.message ? ": " + e.message : "") };
  }
  return String(v);
}

/** Build a HyperFormula instance over every sheet of a workbook (an ExcelJS workbook or .xlsx bytes). */
export async function evaluateWorkbook(
  input: ExcelJS.Workbook | Buffer | ArrayBuffer
): Promise<EvaluatedWorkbook> {
  let wb: ExcelJS.Workbook;
  if (input instanceof ExcelJS.Workbook) wb = input;
  else {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(input as ArrayBuffer);
  }
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const ws of wb.worksheets) sheets[ws.name] = sheetContents(ws);
  // Array arithmetic: Excel evaluates SUMPRODUCT's arguments as arrays (the exact headcount counts).
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
  });
  const id = (sheet: string) => {
    const n = hf.getSheetId(sheet);
    if (n === undefined) throw new Error(`no sheet named ${sheet}`);
    return n;
  };
  return {
    hf,
    value(sheet, address) {
      const { row, col } = parseA1(address);
      return toValue(hf.getCellValue({ sheet: id(sheet), row, col }));
    },
    sheetValues(sheet) {
      return hf.getSheetValues(id(sheet)).map((r) => r.map(toValue));
    },
    formula(sheet, address) {
      const { row, col } = parseA1(address);
      return hf.getCellFormula({ sheet: id(sheet), row, col });
    },
  };
}
