// Strings: ExcelJS always writes a shared-string table; the input's own table is not touched, so
// the generated sheets carry their text as inline strings instead.
import { elements } from "./xml";
import { fail } from "./unsupported";

/** The inner XML of each <si> of a sharedStrings.xml (none when there is no such part). */
export function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return elements(xml, "si").map((si) =>
    si
      .replace(/^<si\b[^>]*>/, "")
      .replace(/<\/si>$/, "")
      .replace(/^<si\b[^>]*\/>$/, "")
  );
}

/** Shared-string cells as inline strings. */
export function inlineStrings(sheetXml: string, sst: string[]): string {
  return sheetXml.replace(
    /(<c\b[^>]*?\s)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_, a: string, b: string, n: string) => {
      const si = sst[Number(n)];
      if (si === undefined) fail(`shared string ${n} missing`);
      return `${a}t="inlineStr"${b}><is>${si}</is></c>`;
    }
  );
}
