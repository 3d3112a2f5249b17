// A DoubleBook (or the core's WorkbookData) loaded into the double's workbook model.
import { parseRect } from "../../core/a1";
import { CellRec, clean, WorkbookModel } from "./model";
import type { DoubleBook, DoubleSheet } from "./index";

export function loadBook(book: DoubleBook): WorkbookModel {
  const model = new WorkbookModel();
  for (const sd of book.sheets) loadSheet(model, sd);
  for (const n of book.names ?? [])
    model.names.push({
      name: n.name,
      formula: n.formula,
      visible: n.visible ?? true,
      comment: "",
    });
  model.activeSheetId = model.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
  return model;
}

function loadSheet(model: WorkbookModel, sd: DoubleSheet): void {
  const s = model.addSheet(sd.name);
  const r0 = sd.origin?.row ?? 0;
  const c0 = sd.origin?.col ?? 0;
  sd.values.forEach((row, i) => {
    row.forEach((v, j) => {
      const f = sd.formulas?.[i]?.[j];
      const rec: CellRec | undefined = f
        ? { v: null, f }
        : v === null || v === undefined || v === ""
          ? undefined
          : { v };
      if (rec) s.setCell(r0 + i, c0 + j, rec);
    });
  });
  sd.numberFormats?.forEach((row, i) =>
    row.forEach((nf, j) => {
      if (nf && nf !== "General") s.updateFormat(r0 + i, c0 + j, { numberFormat: nf });
    })
  );
  sd.formats?.forEach((row, i) =>
    row.forEach((f, j) => {
      if (f) s.updateFormat(r0 + i, c0 + j, clean(f));
    })
  );
  sd.widths?.forEach((w, c) => {
    if (w !== undefined) s.widths.set(c, w);
  });
  for (const m of sd.merges ?? []) {
    const r = parseRect(m);
    if (r) s.merges.push(r);
  }
  s.freezeRows = sd.freezeRows ?? 0;
  s.visibility = sd.visibility ?? "Visible";
}
