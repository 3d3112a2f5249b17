// The generated sheets are rendered by ExcelJS into a small scratch workbook, whose sheet parts,
// styles and strings are then moved into the input (add-sheets.ts).
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan } from "../../core/plan";
import { readPart, STYLES_PART } from "./package";
import { sharedStrings } from "./strings";

/** A plan and the sheet name it is written under. */
export interface NamedPlan {
  plan: SheetPlan;
  name: string;
  renamed: boolean;
}

/** Render the plans with ExcelJS into a scratch workbook (same cells and formats as addPlans). */
export async function renderScratch(
  named: NamedPlan[],
  writePlan: (ws: ExcelJS.Worksheet, plan: SheetPlan) => void
): Promise<JSZip> {
  // ExcelJS is loaded here, when something is written (a bare specifier: every loader finds it).
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  for (const { plan, name } of named) {
    const ws = wb.addWorksheet(name, {
      properties: { tabColor: { argb: "FF" + plan.tabColor.slice(1).toUpperCase() } },
    });
    writePlan(ws, { ...plan, name });
  }
  // Stored, not deflated: the scratch zip is unpacked again at once.
  const buf = await wb.xlsx.writeBuffer({
    useSharedStrings: false,
    zip: { compression: "STORE" },
  } as unknown as ExcelJS.XlsxWriteOptions);
  return JSZip.loadAsync(buf as ArrayBuffer);
}

export function scratchStyles(scratch: JSZip): Promise<string> {
  return readPart(scratch, STYLES_PART);
}

export async function scratchStrings(scratch: JSZip): Promise<string[]> {
  const sstPart = scratch.file("xl/sharedStrings.xml");
  return sharedStrings(sstPart ? await sstPart.async("string") : null);
}

/** The k-th scratch sheet (from 0): its XML, and its relationships part if it has one. */
export async function scratchSheet(
  scratch: JSZip,
  k: number
): Promise<{ xml: string; rels: string | null }> {
  const xml = await readPart(scratch, `xl/worksheets/sheet${k + 1}.xml`);
  const rels = scratch.file(`xl/worksheets/_rels/sheet${k + 1}.xml.rels`);
  return { xml, rels: rels ? await rels.async("string") : null };
}
