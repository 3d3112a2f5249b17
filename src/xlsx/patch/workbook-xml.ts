// xl/workbook.xml: the <sheets> list, the defined names and the workbook views. Read once into a
// Workbook, edited there, and written back by writeWorkbook.
import type { Package } from "./package";
import { attr, block, elements, escAttr, setBlock } from "./xml";
import { fail } from "./unsupported";
import { REL_NS, relationships } from "./workbook-rels";
import { maxOf } from "../../core/max";

export interface SheetEntry {
  /** The <sheet …/> element as written. */
  tag: string;
  name: string;
  rid: string;
}

export interface Workbook {
  /** The prefix of the relationships namespace in workbook.xml, usually "r". */
  r: string;
  /** The sheets, in tab order, as edited so far. */
  sheets: SheetEntry[];
  /** The <definedName> elements, as edited so far. */
  names: string[];
  /** The <Relationship> elements of workbook.xml.rels as read. */
  relations: string[];
  /** The highest sheetId as read (ids of removed sheets are not given out again). */
  maxSheetId: number;
}

function relPrefix(wbXml: string): string {
  const nsMatch = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(
    wbXml.slice(0, wbXml.indexOf(">", wbXml.indexOf("<workbook")) + 1)
  );
  if (!nsMatch) fail("workbook.xml without the relationships namespace");
  return nsMatch![1];
}

export function readWorkbook(pkg: Package): Workbook {
  const r = relPrefix(pkg.workbook);
  const sheetsBlock = block(pkg.workbook, "sheets");
  if (!sheetsBlock) fail("no <sheets>");
  const tags = elements(sheetsBlock!.inner, "sheet");
  const sheets = tags.map((tag) => ({ tag, name: attr(tag, "name")!, rid: attr(tag, `${r}:id`)! }));
  const relations = relationships(pkg.rels);
  const dnBlock = block(pkg.workbook, "definedNames");
  return {
    r,
    sheets,
    names: dnBlock ? elements(dnBlock.inner, "definedName") : [],
    relations,
    maxSheetId: maxOf(
      tags.map((t) => Number(attr(t, "sheetId")) || 0),
      0
    ),
  };
}

export function sheetTag(book: Workbook, name: string, sheetId: number, rid: string): string {
  return `<sheet name="${escAttr(name)}" sheetId="${sheetId}" ${book.r}:id="${rid}"/>`;
}

/** <definedNames> replaced, or added after <externalReferences> or <sheets>. */
function withDefinedNames(wbXml: string, names: string[]): string {
  if (block(wbXml, "definedNames")) return setBlock(wbXml, "definedNames", names);
  const after = block(wbXml, "externalReferences") ?? block(wbXml, "sheets")!;
  return (
    wbXml.slice(0, after.end) +
    `<definedNames>${names.join("")}</definedNames>` +
    wbXml.slice(after.end)
  );
}

/** The active tab and first visible tab must still exist. */
function withTabsIn(wbXml: string, count: number): string {
  return wbXml.replace(/<workbookView\b[^>]*>/g, (tag) =>
    tag.replace(/(\s(?:activeTab|firstSheet)=")(\d+)(")/g, (m, a, n, b) =>
      Number(n) >= count ? a + "0" + b : m
    )
  );
}

export function writeWorkbook(pkg: Package, book: Workbook): void {
  const sheets = setBlock(
    pkg.workbook,
    "sheets",
    book.sheets.map((s) => s.tag)
  );
  pkg.workbook = withTabsIn(withDefinedNames(sheets, book.names), book.sheets.length);
}
