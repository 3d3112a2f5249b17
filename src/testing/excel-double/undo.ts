// Undo grouping (Excel.run({ mergeUndoGroup: true }), ExcelApi 1.20), as "Undo capabilities in
// Excel add-ins" (Microsoft Learn) describes it: "If an API within the group doesn't offer undo
// support, the UndoNotSupported error is thrown", and calling an unsupported API "clears the
// user's undo stack from that API call". Its "Unsupported APIs" table lists Worksheet.delete on
// every platform. Where the table is silent about an API the add-in calls, the double takes the
// harsher case: unsupported. The only writes taken as supported are the ones the page's own
// sample groups: Range values and formats (fill, font, borders).

/** The add-in's write operations (by the double's payload) and whether they can join a group. */
export const UNDO_TABLE: { op: string; api: string; supported: boolean; source: string }[] = [
  {
    op: "set:Range",
    api: "Range.values / formulas / numberFormat",
    supported: true,
    source: "sample",
  },
  { op: "set:RangeFormat", api: "RangeFormat.*", supported: true, source: "sample" },
  { op: "set:RangeFill", api: "RangeFill.color", supported: true, source: "sample" },
  { op: "set:RangeFont", api: "RangeFont.*", supported: true, source: "sample" },
  { op: "set:RangeBorder", api: "RangeBorder.style", supported: true, source: "sample" },
  { op: "delete", api: "Worksheet.delete", supported: false, source: "table" },
  { op: "add", api: "WorksheetCollection.add", supported: false, source: "silent" },
  { op: "deleteName", api: "NamedItem.delete", supported: false, source: "silent" },
  { op: "addName", api: "NamedItemCollection.add", supported: false, source: "silent" },
  {
    op: "addConditionalFormat",
    api: "ConditionalFormatCollection.add",
    supported: false,
    source: "silent",
  },
  {
    op: "deleteConditionalFormat",
    api: "ConditionalFormat.delete",
    supported: false,
    source: "silent",
  },
];

/** Whether a queued write (its payload) may be part of a merged undo group. */
export function undoSupported(payload: unknown, extraUnsupported: string[] = []): boolean {
  const p = (payload ?? {}) as { a?: string; o?: string };
  const a = String(p.a ?? "");
  if (extraUnsupported.includes(a)) return false;
  const key = a === "set" ? `set:${p.o}` : a;
  const row = UNDO_TABLE.find((r) => r.op === key);
  return row ? row.supported : false;
}
