// The input .xlsx as the patcher holds it: the zip, and the parts it edits as text. Every other
// part stays in the zip untouched, so it is written back byte for byte.
import JSZip from "jszip";
import { attr, elements } from "./xml";
import { fail } from "./unsupported";

export const WORKBOOK_PART = "xl/workbook.xml";
export const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";
export const CONTENT_TYPES_PART = "[Content_Types].xml";
export const STYLES_PART = "xl/styles.xml";

export interface Package {
  zip: JSZip;
  /** xl/workbook.xml: edited last, from the Workbook model (workbook-xml.ts). */
  workbook: string;
  /** xl/_rels/workbook.xml.rels, as edited so far. */
  rels: string;
  /** [Content_Types].xml, as edited so far. */
  contentTypes: string;
  /** xl/styles.xml as read. */
  styles: string;
}

export async function readPart(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) fail(`missing part ${path}`);
  return f!.async("string");
}

/** The package's main part must be xl/workbook.xml, where the other part names are looked for. */
async function checkMainPart(zip: JSZip): Promise<void> {
  const rootRels = await readPart(zip, "_rels/.rels");
  const officeDoc = elements(rootRels, "Relationship").find((r) =>
    /\/officeDocument$/.test(attr(r, "Type") ?? "")
  );
  if (!officeDoc || attr(officeDoc, "Target")!.replace(/^\//, "") !== WORKBOOK_PART)
    fail("workbook is not xl/workbook.xml");
}

export async function openPackage(source: Buffer | ArrayBuffer): Promise<Package> {
  const zip = await JSZip.loadAsync(source);
  await checkMainPart(zip);
  return {
    zip,
    workbook: await readPart(zip, WORKBOOK_PART),
    rels: await readPart(zip, WORKBOOK_RELS_PART),
    contentTypes: await readPart(zip, CONTENT_TYPES_PART),
    styles: await readPart(zip, STYLES_PART),
  };
}

/** A part and its relationships part (xl/worksheets/_rels/sheet1.xml.rels for sheet1.xml). */
export function removePartWithRels(zip: JSZip, part: string): void {
  zip.remove(part);
  zip.remove(part.replace(/([^/]+)$/, "_rels/$1.rels"));
}

/** The edited parts back into the zip, and the zip as a file. */
export async function savePackage(pkg: Package): Promise<Buffer> {
  pkg.zip.file(WORKBOOK_PART, pkg.workbook);
  pkg.zip.file(WORKBOOK_RELS_PART, pkg.rels);
  pkg.zip.file(CONTENT_TYPES_PART, pkg.contentTypes);
  return pkg.zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}
