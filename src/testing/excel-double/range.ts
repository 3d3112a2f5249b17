// Excel.Range and Excel.RangeAreas proxies ("Excel.Range class", "Excel.RangeAreas class" on
// Microsoft Learn). What they do to cells lives in cells.ts.
import { MAX_COLS, MAX_ROWS, Rect, rectAddress } from "../../core/a1";
import { cols, intersect, rows, sheetPrefix } from "./address";
import {
  AreasTarget,
  clearCells,
  each,
  inGrid,
  matrix,
  mergeCells,
  parseAddress,
  RangeTarget,
  readRange,
  writeCells,
} from "./cells";
import { ClientObject, created, fail } from "./client-object";
import { ConditionalFormatCollection } from "./conditional-format";
import { ErrorCodes, invalidArgument, itemNotFound, OfficeExtensionError } from "./errors";
import { RangeFormat } from "./format";
import { Worksheet } from "./worksheet";

export class Range extends ClientObject {
  protected override _navs(): string[] {
    return ["format", "conditionalFormats", "worksheet"];
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, this);
  }
  get conditionalFormats(): ConditionalFormatCollection {
    this.context._need("1.6", "Range.conditionalFormats");
    return new ConditionalFormatCollection(this.context, this);
  }
  get worksheet(): Worksheet {
    const ws = new Worksheet(this.context);
    this.context._op(
      { a: "worksheet" },
      () => {
        ws._t = this._target<RangeTarget>().sheet;
        return { bytes: 8, commit: () => (ws._isNull = false) };
      },
      false
    );
    return ws;
  }
  protected _scalars(): string[] {
    return [
      "address",
      "addressLocal",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "formulas",
      "numberFormat",
      "text",
      "valueTypes",
    ];
  }
  protected _read(prop: string): unknown {
    return readRange(this.context._host.model, this._target<RangeTarget>(), prop);
  }
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._set("values", v, () => this._write(v, "values"));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, () => this._write(v, "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      const at = matrix(v, rect, "numberFormat");
      each(rect, (r, c, i, j) => {
        const f = at(i, j);
        if (f !== null && f !== undefined) s.updateFormat(r, c, { numberFormat: String(f) });
      });
    });
  }
  get hyperlink(): unknown {
    return this._get("hyperlink");
  }
  set hyperlink(v: unknown) {
    this.context._need("1.7", "Range.hyperlink");
    this._set("hyperlink", v, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      const h = v as { documentReference?: string; address?: string; textToDisplay?: string };
      each(rect, (r, c) => {
        s.hyperlinks.set(r * MAX_COLS + c, { ...h });
        if (h.textToDisplay !== undefined) {
          s.setCell(r, c, { v: h.textToDisplay });
          this.context._host.model.touched(s, r, c);
        }
      });
    });
  }

  private _write(v: unknown[][], kind: string): void {
    writeCells(this.context._host.model, this._target<RangeTarget>(), v, kind);
  }

  getCell(row: number, column: number): Range {
    return this._derived({ a: "getCell", row, column }, (t) => {
      const rect = {
        r0: t.rect.r0 + row,
        c0: t.rect.c0 + column,
        r1: t.rect.r0 + row,
        c1: t.rect.c0 + column,
      };
      return inGrid(rect);
    });
  }
  getRow(row: number): Range {
    return this._derived({ a: "getRow", row }, (t) =>
      inGrid({ ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row })
    );
  }
  getColumn(column: number): Range {
    return this._derived({ a: "getColumn", column }, (t) =>
      inGrid({ ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column })
    );
  }
  getEntireColumn(): Range {
    return this._derived({ a: "getEntireColumn" }, (t) => ({ ...t.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): Range {
    return this._derived({ a: "getEntireRow" }, (t) => ({ ...t.rect, c0: 0, c1: MAX_COLS - 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derived({ a: "getResizedRange", deltaRows, deltaColumns }, (t) =>
      inGrid({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns })
    );
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    this.context._need("1.7", "Range.getAbsoluteResizedRange");
    return this._derived({ a: "getAbsoluteResizedRange", numRows, numColumns }, (t) =>
      inGrid({ ...t.rect, r1: t.rect.r0 + numRows - 1, c1: t.rect.c0 + numColumns - 1 })
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derived({ a: "getOffsetRange", rowOffset, columnOffset }, (t) =>
      inGrid({
        r0: t.rect.r0 + rowOffset,
        r1: t.rect.r1 + rowOffset,
        c0: t.rect.c0 + columnOffset,
        c1: t.rect.c1 + columnOffset,
      })
    );
  }
  getIntersection(other: Range | string): Range {
    return this._derived(
      { a: "getIntersection" },
      (t) =>
        intersect(t.rect, this._other(other, t)) ??
        fail(itemNotFound("No intersection.", "Range.getIntersection"))
    );
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    this.context._need("1.4", "Range.getIntersectionOrNullObject");
    const p = new Range(this.context);
    return created(
      p,
      { a: "getIntersectionOrNullObject" },
      () => {
        const t = this._target<RangeTarget>();
        const r = intersect(t.rect, this._other(other, t));
        return r ? { sheet: t.sheet, rect: r } : null;
      },
      true
    );
  }
  getBoundingRect(other: Range | string): Range {
    return this._derived({ a: "getBoundingRect" }, (t) => {
      const o = this._other(other, t);
      return {
        r0: Math.min(t.rect.r0, o.r0),
        c0: Math.min(t.rect.c0, o.c0),
        r1: Math.max(t.rect.r1, o.r1),
        c1: Math.max(t.rect.c1, o.c1),
      };
    });
  }
  getUsedRange(valuesOnly = false): Range {
    return this._derived({ a: "getUsedRange", valuesOnly }, (t) => {
      const u = t.sheet.usedRect(valuesOnly);
      return (
        (u && intersect(u, t.rect)) ??
        fail(itemNotFound("The range is empty.", "Range.getUsedRange"))
      );
    });
  }
  private _other(other: Range | string, t: RangeTarget): Rect {
    return typeof other === "string"
      ? parseAddress(other, t.sheet, this.context._host.model)
      : other._target<RangeTarget>().rect;
  }
  private _derived(payload: unknown, fn: (t: RangeTarget) => Rect): Range {
    return created(new Range(this.context), payload, () => {
      const t = this._target<RangeTarget>();
      return { sheet: t.sheet, rect: fn(t) };
    });
  }

  merge(across = false): void {
    this.context._op({ a: "merge", across }, () => mergeCells(this._target<RangeTarget>(), across));
  }
  unmerge(): void {
    this.context._op({ a: "unmerge" }, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      s.merges = s.merges.filter((x) => !intersect(x, rect));
    });
  }
  clear(applyTo = "All"): void {
    this.context._op({ a: "clear", applyTo }, () =>
      clearCells(this.context._host.model, this._target<RangeTarget>(), applyTo)
    );
  }
  select(): void {
    this.context._op({ a: "select" }, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      const m = this.context._host.model;
      if (s.visibility !== "Visible")
        throw new OfficeExtensionError(
          ErrorCodes.invalidOperation,
          "Cannot select a range on a hidden sheet."
        );
      m.activeSheetId = s.id;
      m.selection = { sheetId: s.id, rect };
    });
  }
}

export class RangeAreas extends ClientObject {
  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.context, this);
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, this);
  }
  protected _scalars(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected _read(prop: string): unknown {
    const t = this._target<AreasTarget>();
    if (prop === "address")
      return t.areas.map((a) => sheetPrefix(t.sheet.name) + rectAddress(a)).join(",");
    if (prop === "areaCount") return t.areas.length;
    if (prop === "cellCount") return t.areas.reduce((n, a) => n + rows(a) * cols(a), 0);
    throw invalidArgument(prop);
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
}
