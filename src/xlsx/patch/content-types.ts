// [Content_Types].xml: one <Override> per worksheet part.
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Without the <Override> of a part, e.g. "xl/worksheets/sheet4.xml". */
export function withoutOverride(contentTypes: string, part: string): string {
  return contentTypes.replace(
    new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[./]/g, "\\$&")}"[^>]*/>`),
    ""
  );
}

export function withoutCalcChainOverride(contentTypes: string): string {
  return contentTypes.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, "");
}

export function worksheetOverride(part: string): string {
  return `<Override PartName="/${part}" ContentType="${WORKSHEET_CT}"/>`;
}

export function withOverrides(contentTypes: string, overrides: string[]): string {
  return contentTypes.replace("</Types>", overrides.join("") + "</Types>");
}
