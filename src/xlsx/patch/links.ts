// The 校验结果 links in Excel's own form: <hyperlink ref="A5" location="'花名册'!D25"
// display="…"/>, with no relationship. ExcelJS writes each as an External relationship whose
// target starts with "#", which LibreOffice doubles and WPS does not follow; its sheet XML is
// corrected here, both when the patcher copies a rendered sheet and after a full rewrite.
import JSZip from "jszip";
import type { SheetPlan } from "../../core/plan";
import { attr, block, elements, escAttr } from "./xml";
import { resolveTarget } from "../read/zip";

const HYPERLINK_REL = /\/hyperlink$/;

/** The sheet XML with `links` as location-only hyperlinks, and its rels without the "#" ones. */
export function internalLinks(
  xml: string,
  rels: string | null,
  links: SheetPlan["links"]
): { xml: string; rels: string | null } {
  let relsOut = rels;
  if (rels) {
    // One pass (a 校验结果 of 10,000 issues has as many links).
    let kept = 0;
    relsOut = rels.replace(
      /<Relationship\b[^>]*\/>|<Relationship\b[^>]*>[\s\S]*?<\/Relationship>/g,
      (rel) => {
        const internal =
          HYPERLINK_REL.test(attr(rel, "Type") ?? "") &&
          (attr(rel, "Target") ?? "").startsWith("#");
        if (!internal) kept++;
        return internal ? "" : rel;
      }
    );
    if (kept === 0) relsOut = null;
  }
  const ours = links.map(
    (l) =>
      `<hyperlink ref="${escAttr(l.address)}" location="${escAttr(l.target)}" display="${escAttr(l.text)}"/>`
  );
  const b = block(xml, "hyperlinks");
  let out = xml;
  if (b) out = xml.slice(0, b.start) + xml.slice(b.end);
  if (ours.length > 0) {
    // <hyperlinks> goes after the data validations and before the print options and margins.
    const before =
      /<(printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|drawing|legacyDrawing|tableParts|extLst)\b/.exec(
        out
      );
    const at = before ? before.index : out.lastIndexOf("</worksheet>");
    out = out.slice(0, at) + `<hyperlinks>${ours.join("")}</hyperlinks>` + out.slice(at);
  }
  return { xml: out, rels: relsOut };
}

/** After a full rewrite: the generated sheets' links in the same form. */
export async function internalLinksInZip(
  buf: Uint8Array,
  sheets: { name: string; plan: SheetPlan }[]
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(buf);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const wbRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rels = elements(wbRels, "Relationship");
  for (const tag of elements(block(wb, "sheets")?.inner ?? "", "sheet")) {
    const s = sheets.find((x) => x.name === attr(tag, "name"));
    if (!s || s.plan.links.length === 0) continue;
    const rid = attr(tag, "r:id");
    const rel = rels.find((r) => attr(r, "Id") === rid);
    if (!rel) continue;
    const part = resolveTarget("xl/workbook.xml", attr(rel, "Target")!);
    const relsPart = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const xml = await zip.file(part)!.async("string");
    const r = zip.file(relsPart) ? await zip.file(relsPart)!.async("string") : null;
    const fixed = internalLinks(xml, r, s.plan.links);
    zip.file(part, fixed.xml);
    if (fixed.rels) zip.file(relsPart, fixed.rels);
    else zip.remove(relsPart);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
