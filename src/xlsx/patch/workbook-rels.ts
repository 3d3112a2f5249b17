// xl/_rels/workbook.xml.rels: where each sheet (and the calculation chain) lives.
import { attr, elements } from "./xml";
import { fail } from "./unsupported";
import { resolveTarget } from "../read/zip";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_REL = REL_NS + "/worksheet";

/** The <Relationship> elements. */
export function relationships(relsXml: string): string[] {
  return elements(relsXml, "Relationship");
}

export function relById(rels: string[], rid: string): string | undefined {
  return rels.find((x) => attr(x, "Id") === rid);
}

/** The part a relationship points to, as a path in the zip ("xl/worksheets/sheet1.xml"). */
export function relTarget(rels: string[], rid: string): string {
  const rel = relById(rels, rid);
  if (!rel) fail(`no relationship ${rid}`);
  const t = attr(rel!, "Target")!;
  return resolveTarget("xl/workbook.xml", t);
}

export function calcChainRel(rels: string[]): string | undefined {
  return rels.find((x) => /\/calcChain$/.test(attr(x, "Type") ?? ""));
}

export function worksheetRel(rid: string, partNo: number): string {
  return `<Relationship Id="${rid}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${partNo}.xml"/>`;
}

export function withRels(relsXml: string, added: string[]): string {
  return relsXml.replace("</Relationships>", added.join("") + "</Relationships>");
}
