// The preview of the workbook on the web page: one tab per sheet (the user's, then the
// generated ones), a virtualised grid (only the rows in view are in the page, so a
// 100,000-row roster scrolls), the issues' marks, and the cell an issue points to.
import * as React from "react";
import type { Cell, Severity } from "../core/types";
import { a1, colLetter } from "../core/a1";
import { serialToDay } from "../core/dates";
import type { PreviewSheet } from "./protocol";
import { WEB } from "./strings";

const ROW_HEIGHT = 24;
const COL_WIDTH = 112;
const HEAD_WIDTH = 56;
const OVERSCAN = 20;
const MIN_ROWS = 30;
const MIN_COLS = 8;
const MAX_COLS = 200;

export interface Selection {
  sheet: string;
  row: number; // 0-based sheet row
  col: number; // 0-based sheet column
}

/** Marks per sheet: "row,col" (0-based sheet position) → severity. */
export type Marks = Map<string, Map<string, Severity>>;

const DATE_FORMAT = /(^|[^"\\])[yYdD]|(^|[^"\\])m{1,4}[-/.年月]|[年月日]/;

/** What Excel would roughly show for a value: dates as dates, money with two decimals. */
export function displayValue(v: Cell, fmt = ""): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (fmt && DATE_FORMAT.test(fmt.replace(/\[[^\]]*\]/g, ""))) {
    const d = serialToDay(v);
    if (d) return `${d.y}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
  }
  const decimals = /0\.(0+)/.exec(fmt)?.[1].length;
  if (decimals !== undefined || /#,##0/.test(fmt)) {
    return v.toLocaleString("en-US", {
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? 0,
      useGrouping: /#,##/.test(fmt),
    });
  }
  return String(Number(v.toPrecision(15)));
}

export interface SheetGridProps {
  sheets: PreviewSheet[];
  shown: string;
  onShow(name: string): void;
  selection: Selection | null;
  marks: Marks;
}

export function SheetGrid({
  sheets,
  shown,
  onShow,
  selection,
  marks,
}: SheetGridProps): React.ReactElement {
  const sheet = sheets.find((s) => s.name === shown) ?? sheets[0];
  const scroller = React.useRef<HTMLDivElement>(null);
  const [view, setView] = React.useState({ top: 0, height: 600 });
  const origin = sheet?.origin ?? { row: 0, col: 0 };
  const rows = Math.max((sheet?.values.length ?? 0) + origin.row, MIN_ROWS);
  const cols = React.useMemo(() => {
    const widest = (sheet?.values ?? []).reduce((n, r) => Math.max(n, r.length), 0);
    return Math.min(Math.max(widest + origin.col, MIN_COLS), MAX_COLS);
  }, [sheet, origin.col]);
  const sheetMarks = marks.get(sheet?.name ?? "");
  const sel = selection && sheet && selection.sheet === sheet.name ? selection : null;

  const onScroll = () => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
  };
  React.useEffect(onScroll, [sheet]);
  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (!sel) {
      el.scrollTop = 0;
      onScroll();
      return;
    }
    el.scrollTop = Math.max(0, (sel.row + 1) * ROW_HEIGHT - el.clientHeight / 2);
    const x = HEAD_WIDTH + sel.col * COL_WIDTH;
    if (x < el.scrollLeft || x + COL_WIDTH > el.scrollLeft + el.clientWidth)
      el.scrollLeft = Math.max(0, x - el.clientWidth / 2);
    onScroll();
  }, [sel?.sheet, sel?.row, sel?.col, sheet?.name]);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - 1 - OVERSCAN);
  const last = Math.min(rows, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const body: React.ReactElement[] = [];
  for (let r = first; r < last; r++) {
    const values = sheet?.values[r - origin.row];
    const formats = sheet?.numberFormats?.[r - origin.row];
    const formulas = sheet?.formulas?.[r - origin.row];
    const cells: React.ReactElement[] = [];
    for (let c = 0; c < cols; c++) {
      const i = c - origin.col;
      const v = values && i >= 0 ? (values[i] ?? null) : null;
      const mark = sheetMarks?.get(`${r},${c}`);
      const selected = sel && sel.row === r && sel.col === c;
      const formula = formulas?.[i] ?? undefined;
      cells.push(
        <td
          key={c}
          data-cell={a1(r, c)}
          data-mark={mark}
          data-selected={selected ? "true" : undefined}
          title={formula}
          className={typeof v === "number" ? "num" : undefined}
        >
          {displayValue(v, formats?.[i] ?? "")}
        </td>
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row">{r + 1}</th>
        {cells}
      </tr>
    );
  }
  const selText = sel
    ? `${a1(sel.row, sel.col)} · ${displayValue(
        sheet?.values[sel.row - origin.row]?.[sel.col - origin.col] ?? null,
        sheet?.numberFormats?.[sel.row - origin.row]?.[sel.col - origin.col] ?? ""
      )}`
    : "";

  return (
    <div className="sheet-grid">
      <div className="formula-bar" aria-live="polite">
        {selText}
      </div>
      <div
        className="scroller"
        ref={scroller}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label={sheet ? `${WEB.previewLabel}：${sheet.name}` : WEB.previewLabel}
      >
        <table
          className="grid"
          data-sheet={sheet?.name}
          style={{ width: HEAD_WIDTH + cols * COL_WIDTH }}
        >
          <colgroup>
            <col style={{ width: HEAD_WIDTH }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: COL_WIDTH }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th aria-hidden="true" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">
                  {colLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />
            {body}
            <tr aria-hidden="true" style={{ height: (rows - last) * ROW_HEIGHT }} />
          </tbody>
        </table>
      </div>
      <div className="tabs" role="tablist" aria-label={WEB.sheetTabs}>
        {sheets.map((s) => (
          <button
            key={s.name}
            type="button"
            role="tab"
            aria-selected={s.name === sheet?.name}
            className={s.generated ? "generated" : undefined}
            onClick={() => onShow(s.name)}
          >
            {s.name}
            {s.generated ? WEB.generatedTab : ""}
          </button>
        ))}
      </div>
    </div>
  );
}
