// Saving without rewriting the user's sheets: the generated sheets are written as SpreadsheetML
// (render.ts) and added to the input .xlsx zip, whose other parts stay byte for byte as they were
// (charts, pivot tables and anything ExcelJS cannot read survive too). On a 100,000-row roster
// this takes well under a second and little memory, where re-serialising the whole ExcelJS model
// took ~9 s and 2 GB. Anything unexpected throws PatchUnsupported; the caller then falls back to
// a full ExcelJS write.
import type { SheetPlan } from "../../core/plan";
import type { WrittenSheet } from "../../app/port";
import { freeSheetName } from "../../core/generated";
import type { Package } from "./package";
import { addStylesPart, openPackage, savePackage, STYLES_PART } from "./package";
import type { SheetEntry } from "./workbook-xml";
import { readWorkbook, writeWorkbook } from "./workbook-xml";
import { removeGeneratedSheets } from "./remove-sheets";
import { removeCalcChain } from "./calc-chain";
import type { NamedPlan } from "./add-sheets";
import { addSheets } from "./add-sheets";
import type { RenderedSheets } from "./render";
import { renderSheets } from "./render";
import { mergeStyles } from "./styles";

import { asBuffer } from "../bytes";

export { PatchUnsupported } from "./unsupported";

/** The name each plan is written under: a user sheet of the same name is never replaced. */
function nameSheets(plans: SheetPlan[], staying: SheetEntry[]): NamedPlan[] {
  const taken = new Set(staying.map((s) => s.name));
  return plans.map((plan) => {
    const name = freeSheetName(plan.name, taken);
    taken.add(name);
    return { plan, name, renamed: name !== plan.name };
  });
}

/** The rendered sheets' formats merged into the input's styles (written at once); their parts. */
function mergeRendered(pkg: Package, r: RenderedSheets): string[] {
  if (pkg.styles === null) {
    // A file with no styles part (a bare zipfile export): the rendered styles become its own.
    addStylesPart(pkg);
    pkg.zip.put(STYLES_PART, r.styles);
    return r.sheets(null);
  }
  const merged = mergeStyles(pkg.styles, r.styles);
  pkg.zip.put(STYLES_PART, merged.styles);
  return r.sheets(merged.xfIds);
}

/**
 * The input .xlsx plus the plans as sheets: a sheet this tool generated before (marked by the
 * marker name, core/generated.ts) is replaced; a user sheet is never touched, so a plan whose
 * name is taken gets "name(2)". Returns the new file and the names used.
 */
export async function patchWorkbook(
  source: Uint8Array | ArrayBuffer,
  plans: SheetPlan[]
): Promise<{ buffer: Buffer; written: WrittenSheet[] }> {
  const pkg = await openPackage(source);
  const book = readWorkbook(pkg);
  if (removeGeneratedSheets(pkg, book, new Set(plans.map((p) => p.role))))
    removeCalcChain(pkg, book.relations);
  const named = nameSheets(
    plans.filter((p) => !p.remove),
    book.sheets
  );
  const sheets = mergeRendered(
    pkg,
    renderSheets(named.map(({ plan, name }) => ({ ...plan, name })))
  );
  addSheets(pkg, book, named, sheets);
  writeWorkbook(pkg, book);
  return {
    buffer: asBuffer(await savePackage(pkg)),
    written: named.map(({ plan, name, renamed }) => ({ role: plan.role, name, renamed })),
  };
}
