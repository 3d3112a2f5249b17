// How the generated sheets print, and the shapes every printed sheet shares: one font family on
// every style, column widths from the longest formatted value (CJK characters count double), the
// signature line of a document a union files.
import type { PageSetup, PlanCell, RangeFormat } from "./types";
import type { Rect } from "../a1";
import { parseRect } from "../a1";
import { visualWidth } from "./cells";
import { numberText } from "../text";

/**
 * The one font family of every generated cell. 等线 is the usual spreadsheet default CJK sans
 * font; where it is missing the substitute is a sans face for Latin and CJK
 * alike, so bold and regular text stay in one family.
 */
export const FONT = "等线";
export const FONT_SIZE = 11;

/** The footer: 第 N 页 共 M 页. */
export const PAGE_FOOTER = "第 &P 页 共 &N 页";

/** A4, fit to one page wide, header rows on every page, page numbers in the footer. */
export function pageSetup(
  titleRows: string | null,
  orientation: PageSetup["orientation"] = "landscape"
): PageSetup {
  return {
    paper: "A4",
    orientation,
    fitWidth: 1,
    titleRows,
    footer: PAGE_FOOTER,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  };
}

/** How a value shows with a number format: enough to measure its width. */
export function formattedText(v: number | string, numberFormat: string | undefined): string {
  if (typeof v === "string") return v;
  if (numberFormat && /#,##0/.test(numberFormat)) {
    const decimals = /\.(0+)/.exec(numberFormat)?.[1].length ?? 0;
    const [i, f] = Math.abs(v).toFixed(decimals).split(".");
    const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (v < 0 ? "-" : "") + grouped + (f ? "." + f : "");
  }
  if (numberFormat && /^0(\.0+)?$/.test(numberFormat)) {
    const decimals = /\.(0+)/.exec(numberFormat)?.[1].length ?? 0;
    return v.toFixed(decimals);
  }
  return numberText(v);
}

export interface FitOptions {
  /** Cells that do not size their column: text spanning merged cells or overflowing right. */
  skip?: (r: number, c: number) => boolean;
  /** Rows whose text wraps (a header): they need half their width. */
  wrapRows?: Set<number>;
  min?: number;
  max?: number;
  /** Values a column must also fit (the biggest figure the sheet is made for), by column. */
  largest?: Map<number, number>;
}

/**
 * Column widths in characters from the longest formatted value of each column, at least `min`,
 * at most `max`, plus padding. `formatOf(r, c)` is the number format a cell shows with (r is -1
 * for the `largest` values).
 */
export function fitWidths(
  cells: PlanCell[][],
  width: number,
  formatOf: (r: number, c: number) => string | undefined,
  opts: FitOptions = {}
): number[] {
  const { skip = () => false, wrapRows = new Set<number>(), min = 6, max = 60 } = opts;
  const largest = opts.largest ?? new Map<number, number>();
  const widths = new Array<number>(width).fill(0);
  // A plan shares one cell object among rows that show the same text (the report's 级别, 代码,
  // 问题…): a column's width is measured again only when its cell or format changes.
  const lastCell = new Array<PlanCell | null>(width).fill(null);
  const lastFormat = new Array<string | undefined>(width).fill(undefined);
  const lastWidth = new Array<number>(width).fill(0);
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    const n = Math.min(row.length, width);
    for (let i = 0; i < n; i++) {
      const c = row[i];
      if (!c || skip(r, i)) continue;
      const fmt = formatOf(r, i);
      let w = lastWidth[i];
      if (c !== lastCell[i] || fmt !== lastFormat[i]) {
        const v = "text" in c ? c.text : "number" in c ? c.number : c.value;
        w = visualWidth(formattedText(v, fmt));
        lastCell[i] = c;
        lastFormat[i] = fmt;
        lastWidth[i] = w;
      }
      widths[i] = Math.max(widths[i], wrapRows.has(r) ? Math.ceil(w / 2) : w);
    }
  }
  for (const [c, v] of largest)
    if (c < width) widths[c] = Math.max(widths[c], visualWidth(formattedText(v, formatOf(-1, c))));
  // Bold text is a little wider, substitute fonts a little more: 15% and 2 characters.
  return widths.map((w) => Math.min(max, Math.max(min, Math.ceil(w * 1.15) + 2)));
}

/** The number format each cell shows with, from a plan's formats (the last one wins). */
export function formatLookup(formats: RangeFormat[]): (r: number, c: number) => string | undefined {
  const withFormat = formats
    .filter((f) => f.numberFormat)
    .map((f) => ({ rect: parseRect(f.address), fmt: f.numberFormat! }))
    .filter((x): x is { rect: Rect; fmt: string } => x.rect !== null)
    .reverse();
  return (r, c) =>
    withFormat.find(
      (x) => (r < 0 || (r >= x.rect.r0 && r <= x.rect.r1)) && c >= x.rect.c0 && c <= x.rect.c1
    )?.fmt;
}
