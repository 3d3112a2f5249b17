// What a Range does to the cells behind it, apart from the proxy: address checks, reading
// values/formulas/texts as 2-D arrays, writing them (a 2-D input must match the range, a single
// value fills it), clearing and merging — as the "Excel.Range class" reference describes.
import { MAX_COLS, MAX_ROWS, parseRect, Rect, rectAddress } from "../../core/a1";
import { cols, intersect, MAX_ADDRESS_CHARS, rows, sheetPrefix, splitSheet } from "./address";
import { ErrorCodes, invalidArgument, OfficeExtensionError } from "./errors";
import type { ClientObject } from "./client-object";
import { displayText, enter } from "./entry";
import type { SheetModel, WorkbookModel } from "./model";

/** What a Range proxy resolves to. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** What a RangeAreas proxy resolves to. */
export interface AreasTarget {
  sheet: SheetModel;
  areas: Rect[];
}

/** The target behind a Range or RangeAreas (or a proxy under one): sheet and areas. */
export function areasOf(o: ClientObject): AreasTarget {
  const t = o._target<RangeTarget | AreasTarget>();
  return "areas" in t ? t : { sheet: t.sheet, areas: [t.rect] };
}

/** One area of `sheet` as getRange accepts it; InvalidArgument otherwise. */
export function parseAddress(address: string, sheet: SheetModel, m: WorkbookModel): Rect {
  if (address.length > MAX_ADDRESS_CHARS)
    throw invalidArgument(
      `The address is longer than ${MAX_ADDRESS_CHARS} characters.`,
      "Worksheet.getRange"
    );
  const { sheet: sn, local } = splitSheet(address);
  if (sn !== undefined && m.sheet(sn) !== sheet)
    throw invalidArgument(`The address '${address}' is on another sheet.`, "Worksheet.getRange");
  if (local.includes(","))
    throw invalidArgument(
      `getRange takes one area: '${address.slice(0, 40)}'. Use getRanges for several.`,
      "Worksheet.getRange"
    );
  const r = parseRect(local);
  if (!r) throw invalidArgument(`Invalid address '${address.slice(0, 60)}'.`, "Worksheet.getRange");
  return r;
}

/** A derived range must stay on the grid and keep its corners in order. */
export function inGrid(r: Rect): Rect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS || r.r1 < r.r0 || r.c1 < r.c0)
    throw invalidArgument("The range is outside the grid.");
  return r;
}

export function each(rect: Rect, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++)
    for (let c = rect.c0; c <= rect.c1; c++) fn(r, c, r - rect.r0, c - rect.c0);
}

function grid<T>(rect: Rect, fn: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: T[] = new Array(cols(rect));
    for (let c = rect.c0; c <= rect.c1; c++) row[c - rect.c0] = fn(r, c);
    out.push(row);
  }
  return out;
}

/** Excel reads at most five million cells at once ("Resource limits and performance
 *  optimization for Office Add-ins"). */
const READ_CELL_LIMIT = 5_000_000;

function checkReadSize(rect: Rect, prop: string): void {
  if (rows(rect) * cols(rect) > READ_CELL_LIMIT) {
    throw new OfficeExtensionError(
      ErrorCodes.responsePayloadSizeLimitExceeded,
      `Reading ${rows(rect) * cols(rect)} cells exceeds Excel's limit of ${READ_CELL_LIMIT}.`,
      "Range." + prop
    );
  }
}

/** The cell grids a Range loads (values, formulas, numberFormat, text, valueTypes). */
const GRIDS: Record<string, (m: WorkbookModel, s: SheetModel, r: number, c: number) => unknown> = {
  values: (m, s, r, c) => {
    const v = m.value(s, r, c);
    return v === null ? "" : v;
  },
  formulas: (m, s, r, c) => {
    const rec = s.cell(r, c);
    return rec?.f ?? (rec?.v === null || rec?.v === undefined ? "" : rec.v);
  },
  numberFormat: (m, s, r, c) => s.format(r, c)?.numberFormat ?? "General",
  text: (m, s, r, c) => displayText(m.value(s, r, c), s.format(r, c)?.numberFormat),
  valueTypes: (m, s, r, c) => {
    const v = m.value(s, r, c);
    if (v === null || v === "") return "Empty";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return s.cell(r, c)?.f !== undefined && /^#/.test(v) ? "Error" : "String";
  },
};

/** A Range property, read at sync. */
export function readRange(
  m: WorkbookModel,
  { sheet: s, rect }: RangeTarget,
  prop: string
): unknown {
  const cell = GRIDS[prop];
  if (cell) {
    checkReadSize(rect, prop);
    return grid(rect, (r, c) => cell(m, s, r, c));
  }
  switch (prop) {
    case "address":
    case "addressLocal":
      return sheetPrefix(s.name) + rectAddress(rect);
    case "rowIndex":
      return rect.r0;
    case "columnIndex":
      return rect.c0;
    case "rowCount":
      return rows(rect);
    case "columnCount":
      return cols(rect);
    case "cellCount":
      return rows(rect) * cols(rect);
    case "hyperlink":
      return s.hyperlinks.get(rect.r0 * MAX_COLS + rect.c0) ?? null;
  }
  throw invalidArgument(`Range has no property '${prop}'.`);
}

/** A 2-D input must match the range's shape exactly; a single value fills the range. */
export function matrix(v: unknown, rect: Rect, kind: string): (i: number, j: number) => unknown {
  if (!Array.isArray(v)) return () => v;
  if (
    v.length !== rows(rect) ||
    v.some((row) => !Array.isArray(row) || row.length !== cols(rect))
  ) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${kind}: ${v.length}×${Array.isArray(v[0]) ? v[0].length : "?"} for ${rows(rect)}×${cols(rect)}).`,
      "Range." + kind
    );
  }
  return (i, j) => (v[i] as unknown[])[j];
}

/** Range.values / Range.formulas = v: each cell entered as if typed; null leaves a cell. */
export function writeCells(m: WorkbookModel, t: RangeTarget, v: unknown[][], kind: string): void {
  const { sheet: s, rect } = t;
  const at = matrix(v, rect, kind);
  each(rect, (r, c, i, j) => {
    const input = at(i, j);
    if (input === null || input === undefined) return; // null leaves the cell as it is
    if (typeof input === "object")
      throw invalidArgument(`A ${kind} cell must be a string, number or boolean.`, "Range." + kind);
    const rec = enter(input, s.format(r, c)?.numberFormat);
    s.setCell(r, c, rec && rec.v === "" && rec.f === undefined ? undefined : rec);
    m.touched(s, r, c);
  });
}

/** Range.clear(applyTo): contents, formats, or both. */
export function clearCells(m: WorkbookModel, { sheet: s, rect }: RangeTarget, applyTo: string) {
  if (applyTo === "All" || applyTo === "Contents") {
    s.rows.forEach((row, r) => {
      if (!row || r < rect.r0 || r > rect.r1) return;
      row.forEach((rec, c) => {
        if (rec && c >= rect.c0 && c <= rect.c1) {
          s.setCell(r, c, undefined);
          m.touched(s, r, c);
        }
      });
    });
  }
  if (applyTo === "All" || applyTo === "Formats") {
    for (const k of [...s.formats.keys()]) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) s.formats.delete(k);
    }
  }
}

/** Range.merge(across): one merged area, or one per row; never over an existing merge. */
export function mergeCells({ sheet: s, rect }: RangeTarget, across: boolean): void {
  const parts = across
    ? Array.from({ length: rows(rect) }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i }))
    : [rect];
  for (const p of parts) {
    if (s.merges.some((x) => intersect(x, p)))
      throw new OfficeExtensionError(
        ErrorCodes.invalidOperation,
        "Cannot merge a range that overlaps a merged range."
      );
    s.merges.push(p);
  }
}
