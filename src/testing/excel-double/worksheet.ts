// Excel.WorksheetCollection, Excel.Worksheet, its freeze panes and page layout, following the
// API reference pages of the same names ("Excel.Worksheet class" …) on Microsoft Learn.
import { MAX_COLS, MAX_ROWS, rectAddress } from "../../core/a1";
import { MAX_ADDRESS_CHARS } from "./address";
import { ErrorCodes, invalidArgument, itemNotFound, OfficeExtensionError } from "./errors";
import { ClientObject, created } from "./client-object";
import { Collection } from "./collection";
import type { PageModel, SheetModel } from "./model";
import { parseAddress, RangeTarget } from "./cells";
import { Range, RangeAreas } from "./range";

export class WorksheetCollection extends Collection<Worksheet, SheetModel> {
  protected _members(): SheetModel[] {
    return this.context._host.model.sheets;
  }
  protected _proxy(): Worksheet {
    return new Worksheet(this.context);
  }
  private _find(key: string): SheetModel | undefined {
    const m = this.context._host.model;
    return m.sheet(key) ?? m.sheetById(key);
  }
  getItem(key: string): Worksheet {
    return this._lookup(
      { a: "getItem", k: key },
      () => this._find(key),
      () => itemNotFound(`Worksheet '${key}'.`, "WorksheetCollection.getItem")
    );
  }
  getItemOrNullObject(key: string): Worksheet {
    this.context._need("1.4", "WorksheetCollection.getItemOrNullObject");
    return this._lookupOrNull({ a: "getItemOrNullObject", k: key }, () => this._find(key));
  }
  getActiveWorksheet(): Worksheet {
    const m = this.context._host.model;
    return created(
      new Worksheet(this.context),
      { a: "getActiveWorksheet" },
      () => m.sheetById(m.activeSheetId ?? "") ?? m.sheets[0]
    );
  }
  getFirst(visibleOnly = false): Worksheet {
    this.context._need("1.5", "WorksheetCollection.getFirst");
    return this._lookup(
      { a: "getFirst", visibleOnly },
      () => this._members().find((s) => !visibleOnly || s.visibility === "Visible"),
      () => itemNotFound("No worksheet.")
    );
  }
  getLast(visibleOnly = false): Worksheet {
    this.context._need("1.5", "WorksheetCollection.getLast");
    return this._lookup(
      { a: "getLast", visibleOnly },
      () => [...this._members()].reverse().find((s) => !visibleOnly || s.visibility === "Visible"),
      () => itemNotFound("No worksheet.")
    );
  }
  add(name?: string): Worksheet {
    const m = this.context._host.model;
    const ws = new Worksheet(this.context);
    this.context._op({ a: "add", n: name }, () => {
      let n = name;
      if (n === undefined) for (let k = 1; !n || m.sheet(n); k++) n = "Sheet" + k;
      checkSheetName(n);
      if (m.sheet(n))
        throw new OfficeExtensionError(
          ErrorCodes.itemAlreadyExists,
          `A worksheet named '${n}' already exists.`,
          "WorksheetCollection.add"
        );
      ws._t = m.addSheet(n);
      return { bytes: 16, commit: () => (ws._isNull = false) };
    });
    return ws;
  }
  getCount(): { value: number } {
    return this._count();
  }
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], no apostrophe at
 *  either end, and not "History" (reserved). */
function checkSheetName(n: string): void {
  if (
    !n ||
    n.length > 31 ||
    /[:\\/?*[\]]/.test(n) ||
    n.startsWith("'") ||
    n.endsWith("'") ||
    n === "History"
  ) {
    throw invalidArgument(`Invalid worksheet name '${n}'.`, "Worksheet.name");
  }
}

export class Worksheet extends ClientObject {
  protected override _navs(): string[] {
    return ["freezePanes", "pageLayout", "protection", "horizontalPageBreaks"];
  }
  get horizontalPageBreaks(): PageBreakCollection {
    this.context._need("1.9", "Worksheet.horizontalPageBreaks");
    return new PageBreakCollection(this.context, this);
  }
  /** Worksheet.protection (ExcelApi 1.2): whether the sheet is protected. */
  get protection(): WorksheetProtection {
    this.context._need("1.2", "Worksheet.protection");
    return this._nav("protection", () => new WorksheetProtection(this.context, this));
  }
  get freezePanes(): WorksheetFreezePanes {
    this.context._need("1.7", "Worksheet.freezePanes");
    return new WorksheetFreezePanes(this.context, this);
  }
  get pageLayout(): PageLayout {
    this.context._need("1.9", "Worksheet.pageLayout");
    return new PageLayout(this.context, this);
  }
  protected _scalars(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  protected _read(prop: string): unknown {
    const s = this._target<SheetModel>();
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.context._host.model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "standardWidth":
        return 8.43;
    }
    throw invalidArgument(`Worksheet has no property '${prop}'.`);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => {
      const m = this.context._host.model;
      checkSheetName(v);
      const other = m.sheet(v);
      if (other && other !== this._target())
        throw new OfficeExtensionError(
          ErrorCodes.itemAlreadyExists,
          `A worksheet named '${v}' already exists.`
        );
      m.renameSheet(this._target<SheetModel>(), v);
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, () => {
      const m = this.context._host.model;
      m.guardStructure();
      const s = this._target<SheetModel>();
      m.sheets = m.sheets.filter((x) => x !== s);
      m.sheets.splice(Math.max(0, Math.min(v, m.sheets.length)), 0, s);
    });
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, () => {
      this.context._host.model.guardStructure();
      this._target<SheetModel>().visibility = v;
    });
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, () => (this._target<SheetModel>().tabColor = v));
  }
  activate(): void {
    this.context._op({ a: "activate" }, () => {
      const s = this._target<SheetModel>();
      if (s.visibility !== "Visible")
        throw new OfficeExtensionError(
          ErrorCodes.invalidOperation,
          "A hidden sheet cannot be activated."
        );
      this.context._host.model.activeSheetId = s.id;
    });
  }
  delete(): void {
    this.context._op({ a: "delete" }, () => {
      const m = this.context._host.model;
      const s = this._target<SheetModel>();
      // Worksheet.delete (Microsoft Learn): "if the worksheet's visibility is set to
      // 'VeryHidden', the delete operation will fail with an InvalidOperation exception".
      if (s.visibility === "VeryHidden")
        throw new OfficeExtensionError(
          ErrorCodes.invalidOperation,
          "A very hidden worksheet cannot be deleted; make it hidden or visible first."
        );
      if (m.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new OfficeExtensionError(
          ErrorCodes.invalidOperation,
          "A workbook must contain at least one visible worksheet."
        );
      }
      m.removeSheet(s);
    });
  }
  getRange(address?: string): Range {
    return created(new Range(this.context), { a: "getRange", addr: address }, () => {
      const s = this._target<SheetModel>();
      if (address === undefined || address === "")
        return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      return { sheet: s, rect: parseAddress(address, s, this.context._host.model) };
    });
  }
  getRanges(address: string): RangeAreas {
    this.context._need("1.9", "Worksheet.getRanges");
    return created(new RangeAreas(this.context), { a: "getRanges", addr: address }, () => {
      const s = this._target<SheetModel>();
      if (address.length > MAX_ADDRESS_CHARS)
        throw invalidArgument(
          `The address is longer than ${MAX_ADDRESS_CHARS} characters.`,
          "Worksheet.getRanges"
        );
      const areas = address
        .split(",")
        .map((a) => parseAddress(a.trim(), s, this.context._host.model));
      return { sheet: s, areas };
    });
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Range {
    this.context._need("1.7", "Worksheet.getRangeByIndexes");
    const i = [startRow, startColumn, rowCount, columnCount];
    return created(new Range(this.context), { a: "getRangeByIndexes", i }, () => {
      const rect = {
        r0: startRow,
        c0: startColumn,
        r1: startRow + rowCount - 1,
        c1: startColumn + columnCount - 1,
      };
      if (
        rowCount < 1 ||
        columnCount < 1 ||
        startRow < 0 ||
        startColumn < 0 ||
        rect.r1 >= MAX_ROWS ||
        rect.c1 >= MAX_COLS
      ) {
        throw invalidArgument("The range is outside the grid.", "Worksheet.getRangeByIndexes");
      }
      return { sheet: this._target<SheetModel>(), rect };
    });
  }
  getUsedRange(valuesOnly = false): Range {
    if (valuesOnly) this.context._need("1.2", "Worksheet.getUsedRange(valuesOnly)");
    return created(new Range(this.context), { a: "getUsedRange", valuesOnly }, () => {
      const s = this._target<SheetModel>();
      return { sheet: s, rect: s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    this.context._need("1.4", "Worksheet.getUsedRangeOrNullObject");
    const payload = { a: "getUsedRangeOrNullObject", valuesOnly };
    return created(
      new Range(this.context),
      payload,
      () => {
        const s = this._target<SheetModel>();
        const r = s.usedRect(valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      },
      true
    );
  }
}

class WorksheetFreezePanes extends ClientObject {
  protected _scalars(): string[] {
    return [];
  }
  protected _read(prop: string): unknown {
    throw invalidArgument(prop);
  }
  freezeRows(count = 1): void {
    this.context._op({ a: "freezeRows", count }, () => {
      const s = this._target<SheetModel>();
      s.freezeRows = count;
      s.freezeCols = 0;
    });
  }
  freezeColumns(count = 1): void {
    this.context._op({ a: "freezeColumns", count }, () => {
      const s = this._target<SheetModel>();
      s.freezeCols = count;
      s.freezeRows = 0;
    });
  }
  unfreeze(): void {
    this.context._op({ a: "unfreeze" }, () => {
      const s = this._target<SheetModel>();
      s.freezeRows = 0;
      s.freezeCols = 0;
    });
  }
}

const PAPER_TYPES = ["Letter", "A3", "A4", "A5", "Legal", "B4", "B5"];
const MARGINS = ["left", "right", "top", "bottom", "header", "footer"] as const;

class PageLayout extends ClientObject {
  protected override _navs(): string[] {
    return ["headersFooters"];
  }
  get headersFooters(): HeaderFooterGroup {
    return new HeaderFooterGroup(this.context, this);
  }
  protected _scalars(): string[] {
    return [
      "orientation",
      "paperSize",
      "zoom",
      "centerHorizontally",
      ...MARGINS.map((m) => m + "Margin"),
    ];
  }
  protected _read(prop: string): unknown {
    const s = this._target<SheetModel>();
    if (prop === "orientation") return s.orientation;
    if (prop === "paperSize") return s.page.paperSize;
    if (prop === "zoom") return { ...s.page.zoom };
    if (prop === "centerHorizontally") return s.page.centerHorizontally;
    const m = MARGINS.find((x) => x + "Margin" === prop);
    if (m) return s.page.margins[m];
    throw invalidArgument(prop);
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._set("orientation", v, () => {
      if (v !== "Landscape" && v !== "Portrait") throw invalidArgument(`Orientation '${v}'.`);
      this._target<SheetModel>().orientation = v;
    });
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    this._set("paperSize", v, () => {
      if (!PAPER_TYPES.includes(v)) throw invalidArgument(`PaperType '${v}'.`);
      this._target<SheetModel>().page.paperSize = v;
    });
  }
  get zoom(): PageModel["zoom"] {
    return this._get("zoom");
  }
  /** "Print page scale value can be between 10 and 400"; fit counts are whole pages. */
  set zoom(v: PageModel["zoom"]) {
    this._set("zoom", v, () => {
      const { scale, horizontalFitToPages: h, verticalFitToPages: w } = v;
      if (scale !== undefined && (scale < 10 || scale > 400)) throw invalidArgument("zoom.scale");
      for (const n of [h, w])
        if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw invalidArgument("zoom");
      this._target<SheetModel>().page.zoom = { ...v };
    });
  }
  get centerHorizontally(): boolean {
    return this._get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this._set("centerHorizontally", v, () => {
      this._target<SheetModel>().page.centerHorizontally = v;
    });
  }
  private margin(m: (typeof MARGINS)[number], v: number): void {
    this._set(m + "Margin", v, () => {
      if (!(v >= 0)) throw invalidArgument(m + "Margin");
      this._target<SheetModel>().page.margins[m] = v;
    });
  }
  set leftMargin(v: number) {
    this.margin("left", v);
  }
  set rightMargin(v: number) {
    this.margin("right", v);
  }
  set topMargin(v: number) {
    this.margin("top", v);
  }
  set bottomMargin(v: number) {
    this.margin("bottom", v);
  }
  set headerMargin(v: number) {
    this.margin("header", v);
  }
  set footerMargin(v: number) {
    this.margin("footer", v);
  }
  /** Whole rows only, e.g. "$1:$3" (a range of cells is refused). */
  setPrintTitleRows(rows: string | Range): void {
    const addr = typeof rows === "string" ? rows : null;
    this.context._op({ a: "setPrintTitleRows", addr }, () => {
      if (addr === null || !/^\$?\d+:\$?\d+$/.test(addr)) throw invalidArgument("printTitleRows");
      this._target<SheetModel>().page.printTitleRows = addr;
    });
  }
  setPrintArea(printArea: string | Range | RangeAreas): void {
    const addr = typeof printArea === "string" ? printArea : null;
    this.context._op({ a: "setPrintArea", addr }, () => {
      const s = this._target<SheetModel>();
      if (addr !== null) {
        parseAddress(addr, s, this.context._host.model);
        s.printArea = addr;
      } else {
        const t = (printArea as Range)._target<RangeTarget>();
        s.printArea = rectAddress(t.rect);
      }
    });
  }
}

/** PageLayout.headersFooters: only defaultForAllPages is imitated. */
class HeaderFooterGroup extends ClientObject {
  protected override _navs(): string[] {
    return ["defaultForAllPages"];
  }
  get defaultForAllPages(): HeaderFooter {
    return new HeaderFooter(this.context, this);
  }
  protected _scalars(): string[] {
    return [];
  }
  protected _read(prop: string): unknown {
    throw invalidArgument(prop);
  }
}

class HeaderFooter extends ClientObject {
  protected _scalars(): string[] {
    return ["centerFooter"];
  }
  protected _read(prop: string): unknown {
    if (prop === "centerFooter") return this._target<SheetModel>().page.centerFooter;
    throw invalidArgument(prop);
  }
  get centerFooter(): string {
    return this._get("centerFooter");
  }
  set centerFooter(v: string) {
    this._set("centerFooter", v, () => {
      // "The total length of the header or footer text cannot exceed 255 characters."
      if (v.length > 255) throw invalidArgument("centerFooter");
      this._target<SheetModel>().page.centerFooter = v;
    });
  }
}

/** Worksheet.horizontalPageBreaks: add() puts a break before the range's top-left cell. */
class PageBreakCollection extends ClientObject {
  protected _scalars(): string[] {
    return [];
  }
  protected _read(prop: string): unknown {
    throw invalidArgument(prop);
  }
  add(pageBreakRange: Range | string): void {
    this.context._op({ a: "addPageBreak" }, () => {
      const s = this._target<SheetModel>();
      const rect =
        typeof pageBreakRange === "string"
          ? parseAddress(pageBreakRange, s, this.context._host.model)
          : pageBreakRange._target<RangeTarget>().rect;
      if (rect.r0 === 0) throw invalidArgument("A page break cannot precede the first row.");
      if (!s.rowBreaks.includes(rect.r0)) s.rowBreaks.push(rect.r0);
    });
  }
}

/** Worksheet.protection: `protected` is what the add-in checks before writing. */
export class WorksheetProtection extends ClientObject {
  protected _scalars(): string[] {
    return ["protected"];
  }
  protected _read(prop: string): unknown {
    if (prop === "protected") return this._target<SheetModel>().protected;
    throw invalidArgument(`WorksheetProtection has no property '${prop}'.`);
  }
  get protected(): boolean {
    return this._get("protected");
  }
}
