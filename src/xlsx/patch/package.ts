// The input .xlsx as the patcher holds it: the zip, and the parts it edits as text. Every other
// part stays in the zip untouched, so it is written back byte for byte.
import { attr, elements } from "./xml";
import type { ZipParts } from "./zip";
import { openZip } from "./zip";
import { fail } from "./unsupported";

export const WORKBOOK_PART = "xl/workbook.xml";
export const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";
export const CONTENT_TYPES_PART = "[Content_Types].xml";
export const STYLES_PART = "xl/styles.xml";

export interface Package {
  zip: ZipParts;
  /** xl/workbook.xml: edited last, from the Workbook model (workbook-xml.ts). */
  workbook: string;
  /** xl/_rels/workbook.xml.rels, as edited so far. */
  rels: string;
  /** [Content_Types].xml, as edited so far. */
  contentTypes: string;
  /** xl/styles.xml as read; null when the file has none (the generated sheets' styles become its own). */
  styles: string | null;
}

async function readPart(zip: ZipParts, path: string): Promise<string> {
  const text = await zip.text(path);
  if (text === null) fail(`missing part ${path}`);
  return text!;
}

/** The package's main part must be xl/workbook.xml, where the other part names are looked for. */
async function checkMainPart(zip: ZipParts): Promise<void> {
  const rootRels = await readPart(zip, "_rels/.rels");
  const officeDoc = elements(rootRels, "Relationship").find((r) =>
    /\/officeDocument$/.test(attr(r, "Type") ?? "")
  );
  if (!officeDoc || attr(officeDoc, "Target")!.replace(/^\//, "") !== WORKBOOK_PART)
    fail("workbook is not xl/workbook.xml");
}

export async function openPackage(source: Uint8Array | ArrayBuffer): Promise<Package> {
  const zip = await openZip(source);
  await checkMainPart(zip);
  return {
    zip,
    workbook: await readPart(zip, WORKBOOK_PART),
    rels: await readPart(zip, WORKBOOK_RELS_PART),
    contentTypes: await readPart(zip, CONTENT_TYPES_PART),
    styles: zip.has(STYLES_PART) ? await readPart(zip, STYLES_PART) : null,
  };
}

const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** Register a new xl/styles.xml (the caller writes it): its relationship and content type. */
export function addStylesPart(pkg: Package): void {
  if (elements(pkg.rels, "Relationship").some((r) => /\/styles$/.test(attr(r, "Type") ?? "")))
    fail("a styles relationship to a part other than xl/styles.xml");
  pkg.rels = pkg.rels.replace(
    "</Relationships>",
    `<Relationship Id="rIdLxyStyles" Type="${STYLES_REL}" Target="styles.xml"/></Relationships>`
  );
  pkg.contentTypes = pkg.contentTypes.replace(
    "</Types>",
    `<Override PartName="/${STYLES_PART}" ContentType="${STYLES_CT}"/></Types>`
  );
  pkg.styles = "";
}

/** A part and its relationships part (xl/worksheets/_rels/sheet1.xml.rels for sheet1.xml). */
export function removePartWithRels(zip: ZipParts, part: string): void {
  zip.remove(part);
  zip.remove(part.replace(/([^/]+)$/, "_rels/$1.rels"));
}

/** The edited parts back into the zip, and the zip as a file. */
export async function savePackage(pkg: Package): Promise<Uint8Array> {
  pkg.zip.put(WORKBOOK_PART, pkg.workbook);
  pkg.zip.put(WORKBOOK_RELS_PART, pkg.rels);
  pkg.zip.put(CONTENT_TYPES_PART, pkg.contentTypes);
  return pkg.zip.save();
}
