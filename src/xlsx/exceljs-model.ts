// The ExcelJS side of the .xlsx port: cell values as ExcelJS hands them over, and the generated
// sheets written into an ExcelJS worksheet (the patcher renders them this way; a full rewrite,
// the last resort, writes the whole model). Loaded only when something is written.
import type ExcelJS from "exceljs";
import type { Cell, SheetData } from "../core/types";
import type { RangeFormat, SheetPlan } from "../core/plan";
import { FONT, FONT_SIZE } from "../core/plan";
import type { WrittenSheet } from "../app/port";
import { freeSheetName, markerName, markerTarget, sheetOfMarker } from "../core/generated";
import { DAY_MS, EXCEL_EPOCH } from "../core/dates";

/** A cell value as Excel would hand it over: plain text, number, boolean or null. */
export function plainValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / DAY_MS;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in v && "text" in v)
      return plainValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

export function sheetData(ws: ExcelJS.Worksheet): SheetData {
  const values: Cell[][] = [];
  const numberFormats: string[][] = [];
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const colCount = ws.columnCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    const vals: Cell[] = new Array(colCount).fill(null);
    const fmts: string[] = new Array(colCount).fill("");
    if (row && row.hasValues) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // Excel reports merged cells' value only in the top-left cell.
        if (cell.isMerged && cell.master !== cell) return;
        vals[c - 1] = plainValue(cell.value);
        fmts[c - 1] = cell.numFmt ?? "";
      });
    }
    values.push(vals);
    numberFormats.push(fmts);
  }
  return { name: ws.name, values, numberFormats };
}

function argb(color: string): string {
  return "FF" + color.replace("#", "").toUpperCase();
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function eachCellIn(ws: ExcelJS.Worksheet, address: string, fn: (c: ExcelJS.Cell) => void): void {
  const [a, b = a] = address.split(":");
  const s = ws.getCell(a);
  const e = ws.getCell(b);
  for (let r = Number(s.row); r <= Number(e.row); r++) {
    for (let c = Number(s.col); c <= Number(e.col); c++) fn(ws.getCell(r, c));
  }
}

/** The one font family on every cell of the plan (page.ts). */
function applyFont(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  let width = plan.widths.length;
  for (const r of plan.cells) if (r.length > width) width = r.length;
  for (let r = 1; r <= plan.cells.length; r++)
    for (let c = 1; c <= width; c++) ws.getCell(r, c).font = { name: FONT, size: FONT_SIZE };
}

function applyFormat(ws: ExcelJS.Worksheet, f: RangeFormat): void {
  eachCellIn(ws, f.address, (cell) => {
    if (f.numberFormat) cell.numFmt = f.numberFormat;
    if (f.bold !== undefined || f.italic !== undefined || f.fontSize || f.fontColor) {
      cell.font = {
        ...cell.font,
        ...(f.bold !== undefined ? { bold: f.bold } : {}),
        ...(f.italic !== undefined ? { italic: f.italic } : {}),
        ...(f.fontSize ? { size: f.fontSize } : {}),
        ...(f.fontColor ? { color: { argb: argb(f.fontColor) } } : {}),
      };
    }
    if (f.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
    if (f.horizontal || f.wrap)
      cell.alignment = {
        ...cell.alignment,
        ...(f.horizontal ? { horizontal: f.horizontal } : {}),
        ...(f.wrap ? { wrapText: true, vertical: "top" } : {}),
      };
    if (f.border) cell.border = THIN;
  });
}

/** Copy a sheet plan into a worksheet. User text always lands as text. */
export function writePlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.cells.forEach((row, r) => {
    row.forEach((pc, c) => {
      if (!pc) return;
      const cell = ws.getCell(r + 1, c + 1);
      if ("text" in pc) cell.value = pc.text;
      else if ("number" in pc) cell.value = pc.number;
      else
        cell.value = {
          formula: pc.formula.replace(/^=/, ""),
          result: pc.value,
        } as ExcelJS.CellFormulaValue;
    });
  });
  // The links' text; the links themselves go into the sheet XML in Excel's own form
  // (patch/links.ts), which ExcelJS cannot write.
  for (const l of plan.links) ws.getCell(l.address).value = l.text;
  applyFont(ws, plan);
  plan.formats.forEach((f) => applyFormat(ws, f));
  plan.merges.forEach((m) => ws.mergeCells(m));
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: plan.freezeRows, xSplit: 0 }];
  const page = plan.page;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: page.orientation,
    printArea: plan.printArea,
    fitToPage: page.fitWidth > 0,
    fitToWidth: page.fitWidth,
    fitToHeight: 0,
    horizontalCentered: page.centerHorizontally,
    margins: page.margins,
    ...(page.titleRows ? { printTitlesRow: page.titleRows } : {}),
  };
  ws.headerFooter = { oddFooter: "&C" + page.footer };
  for (const h of plan.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  for (const r of plan.rowBreaks ?? []) ws.getRow(r + 1).addPageBreak();
}

/** The name of the sheet this tool generated for a role, if the workbook has one. */
export function generatedSheet(wb: ExcelJS.Workbook, role: SheetPlan["role"]): string | null {
  const ranges = wb.definedNames.getRanges(markerName(role)).ranges;
  for (const r of ranges) {
    const name = sheetOfMarker(r);
    if (name !== null && wb.getWorksheet(name)) return name;
  }
  return null;
}

/** Add the plans as sheets: a sheet this tool generated is replaced; a user sheet never is. */
export function addPlans(wb: ExcelJS.Workbook, plans: SheetPlan[]): WrittenSheet[] {
  const out: WrittenSheet[] = [];
  for (const plan of plans) {
    const ours = generatedSheet(wb, plan.role);
    if (ours) wb.removeWorksheet(wb.getWorksheet(ours)!.id);
    wb.definedNames.remove(markerTarget(ours ?? plan.name), markerName(plan.role));
    if (plan.remove) continue;
    const name = freeSheetName(
      plan.name,
      wb.worksheets.map((w) => w.name)
    );
    const renamed = name !== plan.name;
    const ws = wb.addWorksheet(name, { properties: { tabColor: { argb: argb(plan.tabColor) } } });
    writePlan(ws, { ...plan, name });
    wb.definedNames.add(markerTarget(name), markerName(plan.role));
    out.push({ role: plan.role, name, renamed });
  }
  return out;
}
