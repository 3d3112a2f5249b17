// The streaming .xlsx reader (issue 11): what Excel, WPS, LibreOffice, openpyxl, XlsxWriter and
// exports write. fflate unzips the XML parts, htmlparser2's tokenizer reads each once; images, charts, tables,
// comments, drawings and VBA are never parsed, so they can neither slow nor break the read.
import type { SheetData } from "../../core/types";
import { openParts, relsPartOf, resolveTarget } from "./zip";
import type { Bytes } from "./zip";
import { parseRels, parseStyles, parseWorkbookPart, sharedStringsReader } from "./parts";
import type { SheetRef } from "./parts";
import { sheetReader } from "./sheet";
import { parseXml } from "./xml";
import type { FormulaCell } from "./sheet";

export type { FormulaCell } from "./sheet";

export interface ReadSheet extends SheetRef {
  data: SheetData;
  formulas: FormulaCell[];
}

export interface ReadBook {
  /** Worksheets in tab order (chart sheets, dialog and macro sheets left out). */
  sheets: ReadSheet[];
  date1904: boolean;
  fullCalcOnLoad: boolean;
  /** The workbook part's content type is the macro-enabled one (.xlsm). */
  macroEnabled: boolean;
}

class XlsxReadError extends Error {}

const WORKSHEET = /\/worksheet$/;
const OFFICE_DOC = /\/officeDocument$/;

/** The content type [Content_Types].xml gives a part (its Override, else its extension's Default). */
function contentTypeOf(xml: string, part: string): string {
  let override = "";
  let byExt = "";
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  parseXml(xml, {
    open(t) {
      if (t.local === "Override" && (t.attr("PartName") ?? "").replace(/^\//, "") === part)
        override = t.attr("ContentType") ?? "";
      else if (t.local === "Default" && (t.attr("Extension") ?? "").toLowerCase() === ext)
        byExt = t.attr("ContentType") ?? "";
    },
  });
  return override || byExt;
}

/** The worksheets' names in tab order, from workbook.xml alone (no sheet is read). */
export function sheetNamesOf(bytes: Bytes): string[] {
  const parts = openParts(bytes);
  const main = parseRels(parts.text("_rels/.rels")).find((r) => OFFICE_DOC.test(r.type));
  const wbPart = main ? resolveTarget("", main.target) : "xl/workbook.xml";
  const wb = parseWorkbookPart(parts.text(wbPart) ?? "<workbook/>");
  const byId = new Map(parseRels(parts.text(relsPartOf(wbPart))).map((r) => [r.id, r]));
  return wb.sheets.filter((s) => WORKSHEET.test(byId.get(s.rid)?.type ?? "")).map((s) => s.name);
}

export async function readXlsx(bytes: Bytes): Promise<ReadBook> {
  const parts = openParts(bytes);
  const root = parseRels(parts.text("_rels/.rels"));
  const main = root.find((r) => OFFICE_DOC.test(r.type));
  const wbPart = main ? resolveTarget("", main.target) : "xl/workbook.xml";
  const wbXml = parts.text(wbPart);
  // A zip without a workbook (a renamed .docx): no sheets, which the caller reports as such.
  if (wbXml === null)
    return { sheets: [], date1904: false, fullCalcOnLoad: false, macroEnabled: false };
  const wb = parseWorkbookPart(wbXml);
  const rels = parseRels(parts.text(relsPartOf(wbPart)));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const target = (suffix: RegExp) => {
    const r = rels.find((x) => suffix.test(x.type) && !x.external);
    return r ? resolveTarget(wbPart, r.target) : null;
  };
  const sstPart = target(/\/sharedStrings$/);
  const stylesPart = target(/\/styles$/);
  // Streamed like the sheets: a roster's string table is megabytes of XML.
  const sst = sharedStringsReader();
  const strings =
    sstPart && (await parts.stream(sstPart, (piece) => sst.write(piece))) ? sst.end() : [];
  const formats = parseStyles(stylesPart ? parts.text(stylesPart) : null);
  const ctx = { strings, formats, date1904: wb.date1904 };

  const sheets: ReadSheet[] = [];
  for (const ref of wb.sheets) {
    const rel = byId.get(ref.rid);
    if (!rel || !WORKSHEET.test(rel.type) || rel.external) continue; // chart sheets and the like
    const part = resolveTarget(wbPart, rel.target);
    const reader = sheetReader(ctx);
    if (!(await parts.stream(part, (piece) => reader.write(piece))))
      throw new XlsxReadError(`缺少工作表部件 ${part}（${ref.name}）`);
    const cells = reader.end();
    sheets.push({
      ...ref,
      data: { name: ref.name, values: cells.values, numberFormats: cells.numberFormats },
      formulas: cells.formulas,
    });
  }
  const types = parts.text("[Content_Types].xml");
  return {
    sheets,
    date1904: wb.date1904,
    fullCalcOnLoad: wb.fullCalcOnLoad,
    macroEnabled: types !== null && contentTypeOf(types, wbPart).includes("macroEnabled"),
  };
}
