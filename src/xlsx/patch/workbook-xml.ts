// xl/workbook.xml: the <sheets> list, the defined names and the workbook views. Read once into a
// Workbook, edited there, and written back by writeWorkbook. Its elements may carry a prefix
// (<x:workbook xmlns:x="…main">), and the relationships namespace may be declared on
// <workbook> or on each <sheet> (openpyxl).
import type { Package } from "./package";
import { attr, block, elements, escAttr, setBlock } from "./xml";
import { fail } from "./unsupported";
import { REL_NS, relationships } from "./workbook-rels";
import { maxOf } from "../../core/max";

const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export interface SheetEntry {
  /** The <sheet …/> element as written. */
  tag: string;
  name: string;
  rid: string;
}

export interface Workbook {
  /** The prefix of workbook.xml's elements with its colon ("x:"), or "". */
  p: string;
  /** The prefix of the relationships namespace declared on <workbook>, or null. */
  r: string | null;
  /** The sheets, in tab order, as edited so far. */
  sheets: SheetEntry[];
  /** The <definedName> elements, as edited so far. */
  names: string[];
  /** The <Relationship> elements of workbook.xml.rels as read. */
  relations: string[];
  /** The highest sheetId as read (ids of removed sheets are not given out again). */
  maxSheetId: number;
}

/** The prefix an element's own start tag binds to the relationships namespace, or null. */
function relPrefixIn(tag: string): string | null {
  const m = /\sxmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let x = m.exec(tag); x; x = m.exec(tag)) {
    const uri = x[3] ?? x[4];
    if (uri === REL_NS || uri === STRICT_REL_NS) return x[1];
  }
  return null;
}

export function readWorkbook(pkg: Package): Workbook {
  const root = /<(?:([\w.-]+):)?workbook\b[^>]*>/.exec(pkg.workbook);
  if (!root) fail("no <workbook>");
  const p = root![1] ? root![1] + ":" : "";
  const r = relPrefixIn(root![0]);
  const sheetsBlock = block(pkg.workbook, `${p}sheets`);
  if (!sheetsBlock) fail("no <sheets>");
  const tags = elements(sheetsBlock!.inner, `${p}sheet`);
  const sheets = tags.map((tag) => {
    const pr = relPrefixIn(tag) ?? r;
    const rid = pr ? attr(tag, `${pr}:id`) : null;
    if (!rid) fail("a <sheet> without a relationship id");
    return { tag, name: attr(tag, "name")!, rid: rid! };
  });
  const relations = relationships(pkg.rels);
  const dnBlock = block(pkg.workbook, `${p}definedNames`);
  return {
    p,
    r,
    sheets,
    names: dnBlock ? elements(dnBlock.inner, `${p}definedName`) : [],
    relations,
    maxSheetId: maxOf(
      tags.map((t) => Number(attr(t, "sheetId")) || 0),
      0
    ),
  };
}

export function sheetTag(book: Workbook, name: string, sheetId: number, rid: string): string {
  const r = book.r ?? "r";
  const decl = book.r ? "" : ` xmlns:r="${REL_NS}"`;
  return `<${book.p}sheet${decl} name="${escAttr(name)}" sheetId="${sheetId}" ${r}:id="${rid}"/>`;
}

/** A <definedName> the patcher made, with workbook.xml's prefix. */
function prefixed(p: string, name: string): string {
  return p
    ? name
        .replace(/^<definedName\b/, `<${p}definedName`)
        .replace(/<\/definedName>$/, `</${p}definedName>`)
    : name;
}

/** <definedNames> replaced, or added after <externalReferences> or <sheets>. */
function withDefinedNames(wbXml: string, p: string, names: string[]): string {
  if (block(wbXml, `${p}definedNames`)) return setBlock(wbXml, `${p}definedNames`, names);
  const after = block(wbXml, `${p}externalReferences`) ?? block(wbXml, `${p}sheets`)!;
  return (
    wbXml.slice(0, after.end) +
    `<${p}definedNames>${names.join("")}</${p}definedNames>` +
    wbXml.slice(after.end)
  );
}

/** The active tab and first visible tab must still exist. */
function withTabsIn(wbXml: string, count: number): string {
  return wbXml.replace(/<(?:[\w.-]+:)?workbookView\b[^>]*>/g, (tag) =>
    tag.replace(/(\s(?:activeTab|firstSheet)=")(\d+)(")/g, (m, a, n, b) =>
      Number(n) >= count ? a + "0" + b : m
    )
  );
}

export function writeWorkbook(pkg: Package, book: Workbook): void {
  const sheets = setBlock(
    pkg.workbook,
    `${book.p}sheets`,
    book.sheets.map((s) => s.tag)
  );
  const names = book.names.map((n) => prefixed(book.p, n));
  pkg.workbook = withTabsIn(withDefinedNames(sheets, book.p, names), book.sheets.length);
}
