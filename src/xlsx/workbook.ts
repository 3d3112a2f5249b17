// The workbook port over .xlsx files (ExcelJS): for the command line and tests.
import ExcelJS from "exceljs";
import type { Cell, Issue, SheetData, WorkbookData } from "../core/types";
import type { RangeFormat, SheetPlan } from "../core/plan";
import { FONT, FONT_SIZE } from "../core/plan";
import type { Progress, WorkbookPort, WrittenSheet } from "../app/port";
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
  const width = Math.max(plan.widths.length, ...plan.cells.map((r) => r.length));
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
  for (const l of plan.links) {
    ws.getCell(l.address).value = {
      text: l.text,
      hyperlink: "#" + l.target,
    } as ExcelJS.CellHyperlinkValue;
  }
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

/** An in-memory ExcelJS workbook as a port (highlights are not kept in files). */
export class XlsxWorkbook implements WorkbookPort {
  /** The file it was read from, and the plans written since: saved by patching that file. */
  private source: Buffer | ArrayBuffer | null = null;
  private batches: { plans: SheetPlan[]; written: WrittenSheet[] }[] = [];
  /** Someone took the ExcelJS workbook itself (and may have changed it): save it whole. */
  private exposed = false;
  /** How the last toBuffer saved: the input patched, or the whole model written (and why). */
  saveMode: "patch" | "full" | null = null;
  patchError: Error | null = null;

  /** The ExcelJS model; null once release() or toBuffer({ release: true }) let it go. */
  private book: ExcelJS.Workbook | null;
  /** After release(): the file with every batch written so far, patched as they come. */
  private patched: Buffer | null = null;

  constructor(book: ExcelJS.Workbook) {
    this.book = book;
  }

  private get model(): ExcelJS.Workbook {
    if (!this.book)
      throw new Error(
        "XlsxWorkbook: the workbook was released (release() or toBuffer({ release: true }))"
      );
    return this.book;
  }

  /**
   * The caller has read what it needs: let the in-memory model go (on a 100,000-row roster it is
   * most of the memory in use). Later writeSheets go straight into the file, which toBuffer then
   * returns; readWorkbook, sheetNames and wb are no longer available. Only for a workbook read
   * from a file whose model nobody took through .wb; returns whether it was released.
   */
  release(): boolean {
    if (!this.source || this.exposed || !this.book) return false;
    if (this.batches.length > 0) return false; // keep it simple: release before writing
    this.book = null;
    return true;
  }

  get wb(): ExcelJS.Workbook {
    this.exposed = true;
    return this.model;
  }

  /** The worksheets' names (reading them does not stop toBuffer from patching the file). */
  get sheetNames(): string[] {
    return this.model.worksheets.map((ws) => ws.name);
  }

  static async fromBuffer(buf: Buffer | ArrayBuffer): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as ArrayBuffer);
    const x = new XlsxWorkbook(wb);
    x.source = buf;
    return x;
  }

  async readWorkbook(progress?: Progress): Promise<WorkbookData> {
    const sheets: SheetData[] = [];
    const list = this.model.worksheets.filter((ws) => ws.state !== "veryHidden");
    list.forEach((ws, i) => {
      progress?.("read", i, list.length, ws.name);
      sheets.push(sheetData(ws));
    });
    return { sheets };
  }

  async writeSheets(plans: SheetPlan[]): Promise<WrittenSheet[]> {
    if (!this.book && this.source) {
      try {
        const { patchWorkbook } = await import("./patch");
        const r = await patchWorkbook(
          this.patched ?? Buffer.from(this.source as ArrayBuffer),
          plans,
          writePlan
        );
        this.patched = r.buffer;
        this.batches.push({ plans, written: r.written });
        return r.written;
      } catch (e) {
        // Back to the model: the file again, with what was written so far.
        this.patchError = e as Error;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(this.source as ArrayBuffer);
        for (const batch of this.batches) addPlans(wb, batch.plans);
        this.book = wb;
        this.patched = null;
      }
    }
    const written = addPlans(this.model, plans);
    this.batches.push({ plans, written });
    return written;
  }

  // A file copy carries the issues in its 校验结果 sheet instead of colouring the user's cells.
  async replaceMarks(_issues: Issue[]): Promise<void> {}
  async clearMarks(): Promise<void> {}

  /**
   * The workbook as .xlsx. Read from a file and changed only through writeSheets: that file with
   * the generated sheets added (the user's sheets are not re-serialised). Otherwise, or if the
   * file's layout is one the patcher does not handle, ExcelJS writes the whole model.
   * `release`: the caller is done with this object; the in-memory model is let go before the
   * save (the command line: on a 100,000-row roster that model is most of the memory in use).
   */
  async toBuffer(opts: { release?: boolean } = {}): Promise<Buffer> {
    if (this.patched && !this.book) {
      this.saveMode = "patch";
      return this.patched;
    }
    if (this.source && !this.exposed && this.batches.length > 0) {
      if (opts.release) this.book = null;
      try {
        const { patchWorkbook, PatchUnsupported } = await import("./patch");
        let buffer: Buffer = Buffer.from(this.source as ArrayBuffer);
        // Each writeSheets call in turn, as addPlans applied them; the names must come out the same.
        for (const batch of this.batches) {
          const r = await patchWorkbook(buffer, batch.plans, writePlan);
          if (JSON.stringify(r.written) !== JSON.stringify(batch.written))
            throw new PatchUnsupported("names differ");
          buffer = r.buffer;
        }
        this.saveMode = "patch";
        if (!this.book) this.patched = buffer; // released: later writes build on this file
        return buffer;
      } catch (e) {
        this.patchError = e as Error; // then the full write below
      }
    }
    this.saveMode = "full";
    if (!this.book) {
      // Released and the patch failed: the same model again, from the file and the plans.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(this.source as ArrayBuffer);
      for (const batch of this.batches) addPlans(wb, batch.plans);
      return Buffer.from(await wb.xlsx.writeBuffer());
    }
    const out = Buffer.from(await this.book.xlsx.writeBuffer());
    if (opts.release) this.book = null;
    return out;
  }
}
