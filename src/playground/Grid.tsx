// The in-browser workbook: one tab per sheet, a grid with what Excel would show (values,
// formula results, fills, the add-in's marks) and the selection; a formula bar above.
import * as React from "react";
import type { ExcelDouble } from "../testing/excel-double";

function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Cells covered by an A1 area ("D7" or "A1:C3"). */
function inArea(address: string, r: number, c: number): boolean {
  const parts = address.replace(/\$/g, "").split(":");
  const pos = parts.map((p) => {
    const m = /^([A-Z]+)(\d+)$/.exec(p);
    if (!m) return { r: -1, c: -1 };
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]) - 1, c: col - 1 };
  });
  const [a, b = a] = pos;
  return (
    r >= Math.min(a.r, b.r) &&
    r <= Math.max(a.r, b.r) &&
    c >= Math.min(a.c, b.c) &&
    c <= Math.max(a.c, b.c)
  );
}

const MARK_OUTLINE = { error: "#C00000", warning: "#BF8F00" } as const;

export function Grid({ dbl }: { dbl: ExcelDouble }): React.ReactElement {
  const [, setVersion] = React.useState(0);
  const [shown, setShown] = React.useState(dbl.activeSheet);
  const lastActive = React.useRef(dbl.activeSheet);
  const lastSelection = React.useRef<string>("");

  React.useEffect(
    () =>
      dbl.onChange(() => {
        setVersion((v) => v + 1);
      }),
    [dbl]
  );
  // The add-in activating a sheet or selecting a cell brings that sheet to the front. The
  // double has no event for selection, so it is checked on every change and every tick.
  React.useEffect(() => {
    const t = setInterval(() => {
      const sel = dbl.selection ? `${dbl.selection.sheet}!${dbl.selection.address}` : "";
      if (dbl.activeSheet !== lastActive.current || sel !== lastSelection.current) {
        lastActive.current = dbl.activeSheet;
        lastSelection.current = sel;
        setShown(dbl.selection && sel ? dbl.selection.sheet : dbl.activeSheet);
        setVersion((v) => v + 1);
      }
    }, 100);
    return () => clearInterval(t);
  }, [dbl]);

  const names = dbl.sheetNames();
  const sheet = names.includes(shown) ? shown : names[0];
  const snap = sheet ? dbl.snapshot(sheet) : { values: [], formulas: [], fills: [], marks: [] };
  const texts = sheet ? dbl.texts(sheet) : [];
  const sel = dbl.selection && dbl.selection.sheet === sheet ? dbl.selection.address : null;
  const rows = Math.max(snap.values.length, 20);
  const cols = Math.max(
    snap.values.reduce((n, r) => Math.max(n, r.length), 0),
    8
  );
  const selRef = React.useRef<HTMLTableCellElement | null>(null);

  React.useEffect(() => {
    selRef.current?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [sel, sheet]);

  let barAddress = "";
  let barContent = "";
  if (sel) {
    barAddress = sel;
    const first = /^\$?([A-Z]+)\$?(\d+)/.exec(sel);
    if (first) {
      let c = 0;
      for (const ch of first[1]) c = c * 26 + ch.charCodeAt(0) - 64;
      const r = Number(first[2]) - 1;
      barContent = snap.formulas[r]?.[c - 1] ?? texts[r]?.[c - 1] ?? "";
    }
  }

  return (
    <div className="workbook">
      <div className="formula-bar" aria-label="编辑栏">
        <span className="name-box" data-testid="name-box">
          {barAddress}
        </span>
        <span className="fx">fx</span>
        <span className="bar-content" data-testid="formula-bar">
          {barContent}
        </span>
      </div>
      <div className="grid-scroll">
        <table className="grid" data-sheet={sheet} aria-label={`工作表 ${sheet ?? ""}`}>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const address = columnName(c) + (r + 1);
                  const mark = snap.marks[r]?.[c] ?? null;
                  const fill = snap.fills[r]?.[c] ?? null;
                  const selected = sel ? inArea(sel, r, c) : false;
                  const formula = snap.formulas[r]?.[c] ?? null;
                  const v = snap.values[r]?.[c];
                  const style: React.CSSProperties = {};
                  if (fill) style.background = fill;
                  if (mark) style.boxShadow = `inset 0 0 0 2px ${MARK_OUTLINE[mark]}`;
                  if (typeof v === "number") style.textAlign = "right";
                  return (
                    <td
                      key={c}
                      ref={
                        selected && sel && address === sel.split(":")[0].replace(/\$/g, "")
                          ? selRef
                          : undefined
                      }
                      data-cell={address}
                      data-mark={mark ?? undefined}
                      data-selected={selected ? "true" : undefined}
                      title={formula ?? undefined}
                      style={style}
                    >
                      {texts[r]?.[c] ?? ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="tabs" role="tablist" aria-label="工作表">
        {names.map((n) => (
          <button
            key={n}
            type="button"
            role="tab"
            aria-selected={n === sheet}
            className="tab"
            onClick={() => setShown(n)}
          >
            {n}
          </button>
        ))}
      </div>
    </div>
  );
}
