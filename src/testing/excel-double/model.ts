// The workbook behind the double: cells as Excel stores them (a constant or a formula; see
// entry.ts for what typing stores), per-cell formats, conditional formats, names, and
// HyperFormula for the values of formula cells.
import { HyperFormula } from "hyperformula";
import { MAX_COLS, MAX_ROWS, Rect } from "../../core/a1";
import { contains } from "./address";
import { ErrorCodes, OfficeExtensionError } from "./errors";

export type Scalar = string | number | boolean;

export interface CellRec {
  /** The constant, or the last computed value for a formula cell. */
  v: Scalar | null;
  /** The formula with its leading "=". */
  f?: string;
}

export interface CellFormat {
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontName?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: Record<string, string>;
}

/** A format without its unset properties. */
export function clean(f: CellFormat): CellFormat {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined) out[k] = v;
  return out as CellFormat;
}

export interface CondFormat {
  id: string;
  type: string;
  areas: Rect[];
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  priority: number;
  stopIfTrue: boolean;
  cellValueRule?: { formula1: string; formula2?: string; operator: string };
}

interface Hyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface PageModel {
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  /** In points. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  printTitleRows: string | null;
  centerFooter: string;
}

let nextSheetId = 1;
let nextCfId = 1;

/** True while a sync applies the add-in's operations: protection guards only those, not the
 *  user's own edits (dbl.edit) or the loading of a test workbook. */
export const apiWriting = { on: false };

function protectedError(what: string): Error {
  // "Protect a worksheet" / WorksheetProtection (Microsoft Learn): a protected sheet refuses
  // changes; the exact code for an API write is not documented, AccessDenied is Office's code
  // for "You can't perform the requested operation" (Excel.ErrorCodes).
  return new OfficeExtensionError(ErrorCodes.accessDenied, what);
}

/** A fresh worksheet id, as Excel gives them ({…} GUID strings). */
export function newSheetId(): string {
  return `{00000000-0001-0000-${String(nextSheetId++).padStart(4, "0")}-000000000000}`;
}

export class SheetModel {
  id: string;
  /** Worksheet protection (Worksheet.protection.protected). */
  protected = false;
  rows: (CellRec | undefined)[][] = [];
  formats = new Map<number, CellFormat>();
  widths = new Map<number, number>();
  merges: Rect[] = [];
  freezeRows = 0;
  freezeCols = 0;
  orientation = "Portrait";
  printArea: string | null = null;
  /** Worksheet.pageLayout beyond orientation and print area ("Excel.PageLayout class"). */
  page: PageModel = {
    paperSize: "Letter",
    zoom: { scale: 100 },
    centerHorizontally: false,
    margins: { left: 51.02, right: 51.02, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    printTitleRows: null,
    centerFooter: "",
  };
  /** Rows (0-based) a manual page break comes before (worksheet.horizontalPageBreaks). */
  rowBreaks: number[] = [];
  /** Row heights in points, by 0-based row (range.format.rowHeight). */
  heights = new Map<number, number>();
  tabColor = "";
  visibility = "Visible";
  condFormats: CondFormat[] = [];
  hyperlinks = new Map<number, Hyperlink>();
  customProperties = new Map<string, string>();

  constructor(public name: string) {
    this.id = newSheetId();
  }

  /** Fail an API write to a protected sheet. */
  guard(): void {
    if (this.protected && apiWriting.on)
      throw protectedError(`The sheet '${this.name}' is protected: the change was refused.`);
  }

  cell(r: number, c: number): CellRec | undefined {
    return this.rows[r]?.[c];
  }

  setCell(r: number, c: number, rec: CellRec | undefined): void {
    this.guard();
    let row = this.rows[r];
    if (!row) {
      if (!rec) return;
      row = this.rows[r] = [];
    }
    row[c] = rec;
  }

  format(r: number, c: number): CellFormat | undefined {
    return this.formats.get(r * MAX_COLS + c);
  }

  updateFormat(r: number, c: number, patch: Partial<CellFormat>): void {
    this.guard();
    const k = r * MAX_COLS + c;
    const cur = this.formats.get(k) ?? {};
    this.formats.set(k, { ...cur, ...patch });
  }

  /** The bounding box of cells with content (valuesOnly) or also with formats. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((rec, c) => {
        if (rec && (rec.f !== undefined || (rec.v !== null && rec.v !== ""))) {
          if (r < r0) r0 = r;
          if (r > r1) r1 = r;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      });
    });
    if (!valuesOnly) {
      for (const [k, f] of this.formats) {
        if (!f || Object.keys(f).length === 0) continue;
        const r = Math.floor(k / MAX_COLS);
        const c = k % MAX_COLS;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  newCondFormat(type: string, areas: Rect[]): CondFormat {
    this.guard();
    for (const cf of this.condFormats) cf.priority++;
    const cf: CondFormat = {
      id: `{CF-${String(nextCfId++).padStart(6, "0")}}`,
      type,
      areas,
      formula: null,
      fill: null,
      fontColor: null,
      priority: 0,
      stopIfTrue: false,
    };
    this.condFormats.unshift(cf);
    return cf;
  }
}

export interface NamedItemModel {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

/** The whole workbook, with HyperFormula built lazily and kept in step cell by cell. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: NamedItemModel[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  /** Workbook structure protection (Workbook.protection.protected): no sheet added, deleted,
   *  renamed, moved, hidden or shown. */
  structureProtected = false;
  private hf: HyperFormula | null = null;
  private hfDirtyCells: { sheet: SheetModel; r: number; c: number }[] = [];
  private hfStructureDirty = false;

  sheet(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Fail an API change to the workbook's structure while it is protected. */
  guardStructure(): void {
    if (this.structureProtected && apiWriting.on)
      throw protectedError("The workbook's structure is protected: the change was refused.");
  }

  addSheet(name: string): SheetModel {
    this.guardStructure();
    const s = new SheetModel(name);
    this.sheets.push(s);
    this.hfStructureDirty = true;
    return s;
  }

  removeSheet(s: SheetModel): void {
    this.guardStructure();
    this.sheets = this.sheets.filter((x) => x !== s);
    // Excel turns references to a deleted sheet into #REF!.
    this.rewriteRefs(s.name, "#REF!");
    if (this.activeSheetId === s.id)
      this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")?.id ?? null;
    if (this.selection?.sheetId === s.id) this.selection = null;
    this.hfStructureDirty = true;
  }

  renameSheet(s: SheetModel, name: string): void {
    this.guardStructure();
    // Excel follows a rename in every formula and defined name that refers to the sheet.
    this.rewriteRefs(s.name, "'" + name.replace(/'/g, "''") + "'!");
    s.name = name;
    this.hfStructureDirty = true;
  }

  /** Replace references to sheet `from` ('from'! or from!) in names and cell formulas. */
  private rewriteRefs(from: string, to: string): void {
    const ref = new RegExp(
      "(?<![\\w\\u3400-\\u9fff.'])(?:'" +
        escapeRe(from.replace(/'/g, "''")) +
        "'|" +
        escapeRe(from) +
        ")!",
      "gi"
    );
    for (const n of this.names) n.formula = n.formula.replace(ref, to);
    for (const sheet of this.sheets) {
      for (const row of sheet.rows) {
        if (!row) continue;
        for (const rec of row) if (rec?.f !== undefined) rec.f = rec.f.replace(ref, to);
      }
    }
  }

  /** Record a content change (for HyperFormula). */
  touched(sheet: SheetModel, r: number, c: number): void {
    if (this.hf && !this.hfStructureDirty) this.hfDirtyCells.push({ sheet, r, c });
  }

  /** The value Excel shows for a cell: formula cells evaluated by HyperFormula. */
  value(sheet: SheetModel, r: number, c: number): Scalar | null {
    const rec = sheet.cell(r, c);
    if (!rec) return null;
    if (rec.f === undefined) return rec.v;
    const hf = this.engine();
    const sid = hf.getSheetId(hfName(sheet));
    const v = sid === undefined ? null : hf.getCellValue({ sheet: sid, row: r, col: c });
    if (v === null || v === undefined) return 0;
    if (typeof v === "object") return (v as { value: string }).value;
    return v as Scalar;
  }

  private engine(): HyperFormula {
    if (!this.hf || this.hfStructureDirty) {
      this.hf?.destroy();
      const data: Record<string, (string | number | boolean | null)[][]> = {};
      for (const s of this.sheets)
        data[hfName(s)] = Array.from(s.rows, (row) =>
          row ? Array.from(row, (rec) => hfContent(rec)) : []
        );
      this.hf = HyperFormula.buildFromSheets(data, {
        licenseKey: "gpl-v3",
        maxRows: MAX_ROWS,
        maxColumns: MAX_COLS,
        // Excel evaluates SUMPRODUCT's arguments as arrays (the exact headcount counts); HyperFormula
        // does so only in array-arithmetic mode.
        useArrayArithmetic: true,
      });
      this.hfDirtyCells = [];
      this.hfStructureDirty = false;
    } else if (this.hfDirtyCells.length) {
      const hf = this.hf;
      const dirty = this.hfDirtyCells;
      this.hfDirtyCells = [];
      hf.batch(() => {
        for (const d of dirty) {
          const sid = hf.getSheetId(hfName(d.sheet));
          if (sid !== undefined)
            hf.setCellContents({ sheet: sid, row: d.r, col: d.c }, [
              [hfContent(d.sheet.cell(d.r, d.c))],
            ]);
        }
      });
    }
    return this.hf;
  }

  /** Fill a conditional format applies to a cell (custom rules with constant TRUE formulas). */
  condFill(sheet: SheetModel, r: number, c: number): CondFormat | null {
    const hits = sheet.condFormats.filter(
      (cf) => cf.areas.some((a) => contains(a, r, c)) && cfApplies(cf)
    );
    hits.sort((a, b) => a.priority - b.priority);
    return hits[0] ?? null;
  }
}

/** Custom rules whose formula is always TRUE: =TRUE, =1=1, or ISTEXT of a string literal. */
function cfApplies(cf: CondFormat): boolean {
  if (cf.type !== "Custom") return false;
  if (/^=ISTEXT\("(?:[^"]|"")*"\)$/i.test((cf.formula ?? "").trim())) return true;
  const f = (cf.formula ?? "").replace(/\s+/g, "").toUpperCase();
  return f === "=TRUE" || f === "TRUE" || f === "=1=1";
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// HyperFormula keeps sheet names as given; formulas refer to them quoted.
function hfName(s: SheetModel): string {
  return s.name;
}

function hfContent(rec: CellRec | undefined): string | number | boolean | null {
  if (!rec) return null;
  if (rec.f !== undefined) return rec.f;
  if (typeof rec.v === "string") return rec.v === "" ? null : "'" + rec.v;
  return rec.v;
}
