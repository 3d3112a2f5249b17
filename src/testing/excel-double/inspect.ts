// What tests and the playground read back from the double's workbook: values, formulas, fills
// and marks cell by cell, formatting for deep comparisons, and sheet settings. No proxies, no
// syncs: these look straight at the model.
import type { Cell } from "../../core/types";
import { MAX_COLS, parseA1, Rect, rectAddress } from "../../core/a1";
import { MARK_COLORS } from "../../excel/marks";
import { displayText } from "./entry";
import { clean, Scalar, SheetModel, WorkbookModel } from "./model";

type Mark = "error" | "warning" | null;

export interface Snapshot {
  values: unknown[][];
  formulas: (string | null)[][];
  fills: (string | null)[][];
  marks: Mark[][];
}

export function sheetOf(model: WorkbookModel, name: string): SheetModel {
  const s = model.sheet(name);
  if (!s) throw new Error(`No sheet '${name}' in the double`);
  return s;
}

/** A grid over the sheet from A1 to the used range's corner (formats included). */
function fromA1<T>(s: SheetModel, fn: (r: number, c: number) => T): T[][] {
  const e: Rect = s.usedRect(false) ?? { r0: 0, c0: 0, r1: -1, c1: -1 };
  const out: T[][] = [];
  for (let r = 0; r <= e.r1; r++) {
    const row: T[] = [];
    for (let c = 0; c <= e.c1; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

export function snapshot(model: WorkbookModel, name: string): Snapshot {
  const s = sheetOf(model, name);
  const values = fromA1(s, (r, c) => {
    const v = model.value(s, r, c);
    return v === null ? "" : v;
  });
  const formulas = fromA1(s, (r, c) => s.cell(r, c)?.f ?? null);
  const cfFills = fromA1(s, (r, c) => model.condFill(s, r, c)?.fill);
  const fills = fromA1(s, (r, c) => cfFills[r][c] ?? s.format(r, c)?.fill ?? null);
  const marks = cfFills.map((row) => row.map(markOf));
  return { values, formulas, fills, marks };
}

function markOf(fill: string | null | undefined): Mark {
  if (fill === MARK_COLORS.error.fill) return "error";
  if (fill === MARK_COLORS.warning.fill) return "warning";
  return null;
}

/** Cell contents as stored: formulas and constants. */
export function contents(model: WorkbookModel, name: string): (Scalar | null)[][] {
  const s = sheetOf(model, name);
  return fromA1(s, (r, c) => {
    const rec = s.cell(r, c);
    return rec ? (rec.f ?? rec.v) : null;
  });
}

/** Values as Excel shows them (formulas computed). */
export function values(model: WorkbookModel, name: string): Cell[][] {
  const s = sheetOf(model, name);
  return fromA1(s, (r, c) => model.value(s, r, c));
}

/** Displayed texts (number formats applied). */
export function texts(model: WorkbookModel, name: string): string[][] {
  const s = sheetOf(model, name);
  return fromA1(s, (r, c) => displayText(model.value(s, r, c), s.format(r, c)?.numberFormat));
}

export function numberFormat(model: WorkbookModel, name: string, address: string): string {
  const s = sheetOf(model, name);
  const { row, col } = parseA1(address);
  return s.format(row, col)?.numberFormat ?? "General";
}

/** Everything about a sheet's formatting, for deep comparisons. */
export function formatState(model: WorkbookModel, name: string): unknown {
  const s = sheetOf(model, name);
  const cells = [...s.formats.entries()]
    .filter(([, f]) => Object.values(f).some((v) => v !== undefined))
    .sort((a, b) => a[0] - b[0])
    .map(([k, f]) => {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      return [rectAddress({ r0: r, c0: c, r1: r, c1: c }), clean(f)];
    });
  return {
    cells,
    widths: [...s.widths.entries()].sort((a, b) => a[0] - b[0]),
    merges: s.merges.map(rectAddress),
    freeze: [s.freezeRows, s.freezeCols],
    orientation: s.orientation,
    printArea: s.printArea,
    tabColor: s.tabColor,
    visibility: s.visibility,
    conditionalFormats: s.condFormats.map((cf) => ({ ...cf, areas: cf.areas.map(rectAddress) })),
    hyperlinks: [...s.hyperlinks.entries()].sort((a, b) => a[0] - b[0]),
  };
}

export function sheetInfo(model: WorkbookModel, name: string) {
  const s = sheetOf(model, name);
  return {
    freezeRows: s.freezeRows,
    orientation: s.orientation,
    printArea: s.printArea,
    page: { ...s.page, zoom: { ...s.page.zoom }, margins: { ...s.page.margins } },
    rowBreaks: [...s.rowBreaks].sort((a, b) => a - b),
    heights: Object.fromEntries(s.heights),
    widths: Object.fromEntries(s.widths),
    merges: s.merges.map(rectAddress),
    tabColor: s.tabColor,
    visibility: s.visibility,
  };
}

export function selection(model: WorkbookModel): { sheet: string; address: string } | null {
  if (!model.selection) return null;
  const s = model.sheetById(model.selection.sheetId);
  return s ? { sheet: s.name, address: rectAddress(model.selection.rect) } : null;
}
