// Adding the rendered sheets to the input: each scratch sheet becomes a new part under a free
// name, with its relationship, content type, <sheets> entry, marker, print area and print titles
// (the page setup, footer and page breaks travel inside the sheet part).
import type JSZip from "jszip";
import type { Package } from "./package";
import type { NamedPlan } from "./scratch";
import { scratchSheet } from "./scratch";
import type { Workbook } from "./workbook-xml";
import { sheetTag } from "./workbook-xml";
import { attr } from "./xml";
import { inlineStrings } from "./strings";
import { shiftStyles } from "./styles";
import { worksheetOverride, withOverrides } from "./content-types";
import { withRels, worksheetRel } from "./workbook-rels";
import { markerDefinedName, printAreaDefinedName, printTitlesDefinedName } from "./defined-names";
import { internalLinks } from "./links";
import type { SheetPlan } from "../../core/plan";

/** The scratch workbook, its shared strings and where its cell formats start in the merged styles. */
export interface Rendered {
  zip: JSZip;
  strings: string[];
  xfOffset: number;
}

const sheetPart = (n: number) => `xl/worksheets/sheet${n}.xml`;
const relId = (n: number) => `rIdLxy${n}`;

/** The lowest n from 1 up whose name is not in `used` yet, taken on each call. */
function counter(used: Set<string | null>, name: (n: number) => string): () => number {
  let n = 1;
  return () => {
    while (used.has(name(n))) n++;
    used.add(name(n));
    return n;
  };
}

/** Scratch sheet k as part number `partNo` of the input, with inline strings and shifted styles. */
async function copySheet(
  zip: JSZip,
  from: Rendered,
  k: number,
  partNo: number,
  links: SheetPlan["links"]
): Promise<void> {
  const sheet = await scratchSheet(from.zip, k);
  const fixed = internalLinks(
    shiftStyles(inlineStrings(sheet.xml, from.strings), from.xfOffset),
    sheet.rels,
    links
  );
  zip.file(sheetPart(partNo), fixed.xml);
  if (fixed.rels) zip.file(`xl/worksheets/_rels/sheet${partNo}.xml.rels`, fixed.rels);
}

/** Add the named plans' sheets after the sheets that stay, in order. */
export async function addSheets(
  pkg: Package,
  book: Workbook,
  named: NamedPlan[],
  from: Rendered
): Promise<void> {
  const nextPart = counter(new Set(Object.keys(pkg.zip.files)), sheetPart);
  const nextRid = counter(new Set(book.relations.map((x) => attr(x, "Id"))), relId);
  const stay = book.sheets.length;
  let sheetId = book.maxSheetId;
  const rels: string[] = [];
  const overrides: string[] = [];
  for (const [k, { plan, name }] of named.entries()) {
    const partNo = nextPart();
    const rid = relId(nextRid());
    await copySheet(pkg.zip, from, k, partNo, plan.links);
    book.sheets.push({ tag: sheetTag(book, name, ++sheetId, rid), name, rid });
    rels.push(worksheetRel(rid, partNo));
    overrides.push(worksheetOverride(sheetPart(partNo)));
    book.names.push(markerDefinedName(plan.role, name));
    if (plan.printArea) book.names.push(printAreaDefinedName(name, stay + k, plan.printArea));
    if (plan.page.titleRows)
      book.names.push(printTitlesDefinedName(name, stay + k, plan.page.titleRows));
  }
  pkg.rels = withRels(pkg.rels, rels);
  pkg.contentTypes = withOverrides(pkg.contentTypes, overrides);
}
