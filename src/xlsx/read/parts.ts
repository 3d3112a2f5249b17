// The small parts: workbook.xml (sheets, 1904 dates, calculation settings), relationships,
// shared strings (plain and rich text) and the number formats of styles.xml.
import { isMain, isRel, parseXml, Prefixes } from "./xml";
import { xmlStream } from "./tokens";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string | null): Relationship[] {
  const out: Relationship[] = [];
  if (!xml) return out;
  parseXml(xml, {
    open(t) {
      if (t.local !== "Relationship") return;
      out.push({
        id: t.attr("Id") ?? "",
        type: t.attr("Type") ?? "",
        target: t.attr("Target") ?? "",
        external: (t.attr("TargetMode") ?? "").toLowerCase() === "external",
      });
    },
  });
  return out;
}

export interface SheetRef {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  rid: string;
}

export interface WorkbookPart {
  sheets: SheetRef[];
  date1904: boolean;
  /** calcPr fullCalcOnLoad: the writer asks for every formula to be computed again on opening. */
  fullCalcOnLoad: boolean;
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

export function parseWorkbookPart(xml: string): WorkbookPart {
  const wb: WorkbookPart = { sheets: [], date1904: false, fullCalcOnLoad: false };
  parseXml(xml, {
    open(t) {
      if (!isMain(t.uri)) return;
      if (t.local === "workbookPr") wb.date1904 = truthy(t.attr("date1904"));
      else if (t.local === "calcPr") wb.fullCalcOnLoad = truthy(t.attr("fullCalcOnLoad"));
      else if (t.local === "sheet") {
        const state = t.attr("state");
        wb.sheets.push({
          name: t.attr("name") ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          rid: t.attr("id", isRel) ?? "",
        });
      }
    },
  });
  return wb;
}

/** The shared strings in order, read as the part's text arrives in pieces of any size: rich text
 *  runs joined, phonetic guides (rPh) left out. */
export function sharedStringsReader(): { write(piece: string): void; end(): string[] } {
  const out: string[] = [];
  // A roster's names are 100,000 strings: prefixes are resolved as the sheets' are.
  const ns = new Prefixes();
  let cur: string | null = null;
  let inT = false;
  let phonetic = 0;
  const stream = xmlStream({
    open(name, a, selfClosing) {
      const local = ns.open(a, name);
      if (local === "si") cur = "";
      else if (local === "rPh") phonetic++;
      else if (local === "t" && phonetic === 0 && !selfClosing) inT = true;
    },
    close() {
      const local = ns.close();
      if (local === "si") {
        out.push(cur ?? "");
        cur = null;
      } else if (local === "rPh") phonetic--;
      else if (local === "t") inT = false;
    },
    text(s) {
      if (inT && cur !== null) cur += s;
    },
  });
  let empty = true;
  return {
    write(piece) {
      if (empty && piece.trim() !== "") empty = false;
      stream.write(piece);
    },
    end() {
      // An empty part is an empty table, as before (not a malformed one).
      if (!empty) stream.end();
      return out;
    },
  };
}

/** Excel's built-in number formats, as ExcelJS names them (ids 27–36 and 50–81 are locale-specific). */
const BUILTIN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The number format of each cell format (cellXfs index); "" for General. */
export function parseStyles(xml: string | null): string[] {
  const custom = new Map<number, string>();
  const xfs: string[] = [];
  if (!xml) return xfs;
  let inCellXfs = false;
  parseXml(xml, {
    open(t) {
      if (!isMain(t.uri)) return;
      if (t.local === "numFmt") {
        custom.set(Number(t.attr("numFmtId")), t.attr("formatCode") ?? "");
      } else if (t.local === "cellXfs") inCellXfs = true;
      else if (t.local === "xf" && inCellXfs) {
        const id = Number(t.attr("numFmtId") ?? 0) || 0;
        xfs.push(id === 0 ? "" : (custom.get(id) ?? BUILTIN[id] ?? ""));
      }
    },
    close(local, uri) {
      if (isMain(uri) && local === "cellXfs") inCellXfs = false;
    },
  });
  return xfs;
}

/** ExcelJS's test: a format with y, m, d, h, s or b outside quotes and brackets shows a date. */
export function isDateFormat(fmt: string): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
