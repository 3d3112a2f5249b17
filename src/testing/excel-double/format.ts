// Range formatting proxies: Excel.RangeFormat, RangeFill, RangeFont, RangeBorderCollection and
// RangeBorder ("Excel.RangeFormat class" … on Microsoft Learn). They apply to every cell of a
// Range or RangeAreas; a property that differs between the cells reads back as null.
import type { Rect } from "../../core/a1";
import { cols, rows } from "./address";
import { areasOf, each } from "./cells";
import { ClientObject } from "./client-object";
import { Collection } from "./collection";
import { ErrorCodes, invalidArgument, OfficeExtensionError } from "./errors";
import type { CellFormat, SheetModel } from "./model";

function eachCell(o: ClientObject, fn: (s: SheetModel, r: number, c: number) => void): void {
  const { sheet, areas } = areasOf(o);
  for (const a of areas) {
    if (rows(a) * cols(a) > 2_000_000)
      throw new OfficeExtensionError(
        ErrorCodes.invalidArgument,
        "The double does not format whole rows or columns."
      );
    each(a, (r, c) => fn(sheet, r, c));
  }
}

/** A property is reported when every cell agrees, else null (as Excel does). */
function uniform<T>(o: ClientObject, get: (f: CellFormat | undefined) => T): T | null {
  let first = true;
  let val: T | null = null;
  let mixed = false;
  eachCell(o, (s, r, c) => {
    const v = get(s.format(r, c));
    if (first) {
      val = v;
      first = false;
    } else if (v !== val) mixed = true;
  });
  return mixed ? null : val;
}

/** Set one format property on every cell. */
function formatEach(o: ClientObject, patch: Partial<CellFormat>): void {
  eachCell(o, (s, r, c) => s.updateFormat(r, c, patch));
}

export class RangeFormat extends ClientObject {
  protected override _navs(): string[] {
    return ["fill", "font", "borders"];
  }
  get fill(): RangeFill {
    return new RangeFill(this.context, this);
  }
  get font(): RangeFont {
    return new RangeFont(this.context, this);
  }
  get borders(): RangeBorderCollection {
    return new RangeBorderCollection(this.context, this);
  }
  protected _scalars(): string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"];
  }
  protected _read(prop: string): unknown {
    const { sheet, areas } = areasOf(this);
    switch (prop) {
      case "columnWidth":
        return sheet.widths.get(areas[0].c0) ?? 48;
      case "rowHeight":
        return sheet.heights.get(areas[0].r0) ?? 15;
      case "horizontalAlignment":
        return uniform(this, (f) => f?.horizontal ?? "General");
      case "verticalAlignment":
        return uniform(this, (f) => f?.vertical ?? "Bottom");
      case "wrapText":
        return uniform(this, (f) => f?.wrap ?? false);
    }
    throw invalidArgument(prop);
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, () => {
      const { sheet, areas } = areasOf(this);
      for (const a of areas) for (let c = a.c0; c <= a.c1; c++) sheet.widths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  /** Points; Excel refuses heights above 409. */
  set rowHeight(v: number) {
    this._set("rowHeight", v, () => {
      if (!(v >= 0 && v <= 409)) throw invalidArgument("rowHeight");
      const { sheet, areas } = areasOf(this);
      for (const a of areas) for (let r = a.r0; r <= a.r1; r++) sheet.heights.set(r, v);
    });
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._set("horizontalAlignment", v, () => formatEach(this, { horizontal: v }));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._set("verticalAlignment", v, () => formatEach(this, { vertical: v }));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, () => formatEach(this, { wrap: v }));
  }
  autofitColumns(): void {
    this.context._op({ a: "autofitColumns" }, () => undefined);
  }
  /** RangeFormat.autofitRows (ExcelApi 1.2): Excel sizes the rows to their wrapped text; the
   *  double has no fonts to measure, so it records the call and changes no height. */
  autofitRows(): void {
    this.context._op({ a: "autofitRows" }, () => undefined);
  }
}

class RangeFill extends ClientObject {
  protected _scalars(): string[] {
    return ["color"];
  }
  protected _read(prop: string): unknown {
    if (prop === "color") return uniform(this, (f) => f?.fill ?? "#FFFFFF");
    throw invalidArgument(prop);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => formatEach(this, { fill: normColor(v) }));
  }
  clear(): void {
    this.context._op({ a: "fill.clear" }, () => formatEach(this, { fill: undefined }));
  }
}

const NAMED: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  yellow: "#FFFF00",
  green: "#008000",
  blue: "#0000FF",
};

/** A colour as Excel reports it: #RRGGBB in capitals; a few HTML colour names are accepted. */
export function normColor(v: string): string {
  const n = NAMED[v.toLowerCase()];
  if (n) return n;
  if (!/^#[0-9a-f]{6}$/i.test(v)) throw invalidArgument(`Colour '${v}'.`);
  return v.toUpperCase();
}

class RangeFont extends ClientObject {
  protected _scalars(): string[] {
    return ["color", "bold", "italic", "size", "name"];
  }
  protected _read(prop: string): unknown {
    switch (prop) {
      case "color":
        return uniform(this, (f) => f?.fontColor ?? "#000000");
      case "bold":
        return uniform(this, (f) => f?.bold ?? false);
      case "italic":
        return uniform(this, (f) => f?.italic ?? false);
      case "size":
        return uniform(this, (f) => f?.size ?? 11);
      case "name":
        return uniform(this, (f) => f?.fontName ?? "等线");
    }
    throw invalidArgument(prop);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => formatEach(this, { fontColor: normColor(v) }));
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, () => formatEach(this, { bold: v }));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, () => formatEach(this, { italic: v }));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v, () => formatEach(this, { size: v }));
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => formatEach(this, { fontName: v }));
  }
}

/** Excel.BorderIndex. */
const BORDER_INDEX = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

/** borders.getItem(index) is a view of the range's borders: it needs no round trip. */
class RangeBorderCollection extends Collection<RangeBorder, string> {
  protected _members(): string[] {
    return BORDER_INDEX;
  }
  protected _proxy(): RangeBorder {
    return new RangeBorder(this.context, this);
  }
  protected override _proxyFor(index: string): RangeBorder {
    return this.getItem(index);
  }
  getItem(index: string): RangeBorder {
    const b = this._proxy();
    b._index = index;
    return b;
  }
}

/** Is the cell (r, c) of area `a` on the `side` border? */
function onSide(side: string, a: Rect, r: number, c: number): boolean {
  return (
    (side === "EdgeTop" && r === a.r0) ||
    (side === "EdgeBottom" && r === a.r1) ||
    (side === "EdgeLeft" && c === a.c0) ||
    (side === "EdgeRight" && c === a.c1) ||
    (side === "InsideHorizontal" && r !== a.r1) ||
    (side === "InsideVertical" && c !== a.c1) ||
    side.startsWith("Diagonal")
  );
}

class RangeBorder extends ClientObject {
  _index = "EdgeTop";
  protected _scalars(): string[] {
    return ["style", "color"];
  }
  protected _read(prop: string): unknown {
    if (prop === "style") return uniform(this, (f) => f?.borders?.[this._index] ?? "None");
    if (prop === "color") return "#000000";
    throw invalidArgument(prop);
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", { index: this._index, v }, () => this._apply(v), v);
  }
  private _apply(v: string): void {
    const side = this._index;
    if (!BORDER_INDEX.includes(side)) throw invalidArgument(`Border index '${side}'.`);
    // Edges apply to the outline of each area; inside borders to inner cell edges. The double
    // records the style per cell and side, which is what a deep format compare needs.
    const { areas } = areasOf(this);
    eachCell(this, (s, r, c) => {
      const a = areas.find((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1)!;
      if (onSide(side, a, r, c))
        s.updateFormat(r, c, { borders: { ...(s.format(r, c)?.borders ?? {}), [side]: v } });
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => undefined);
  }
  get weight(): string {
    return "Thin";
  }
  set weight(v: string) {
    this._set("weight", v, () => undefined);
  }
}
