// The defined names the patcher reads and writes: the generated-sheet markers (core/generated.ts)
// and the print areas of the generated sheets.
import { sheetRef } from "../../core/a1";
import type { GeneratedRole } from "../../core/generated";
import { markerName, markerTarget, sheetOfMarker } from "../../core/generated";
import { attr, escText, unescXml } from "./xml";

/** The markers of sheets generated before for these roles. */
export function generatedMarkers(names: string[], roles: Set<GeneratedRole>): string[] {
  return names.filter((d) => [...roles].some((role) => attr(d, "name") === markerName(role)));
}

/** The sheets a marker refers to (null for a reference that names none). */
export function markedSheets(marker: string): (string | null)[] {
  const body = unescXml(
    marker
      .replace(/^<(?:[\w.-]+:)?definedName\b[^>]*>/, "")
      .replace(/<\/(?:[\w.-]+:)?definedName>$/, "")
  );
  return body.split(",").map(sheetOfMarker);
}

/** After removing the sheet at `idx`: its local names go, later sheets' names move up by one. */
export function withoutSheetAt(names: string[], idx: number): string[] {
  return names
    .filter((d) => attr(d, "localSheetId") !== String(idx))
    .map((d) => {
      const l = attr(d, "localSheetId");
      return l !== null && Number(l) > idx
        ? d.replace(/(\slocalSheetId=")(\d+)(")/, (_, a, n, b) => a + (Number(n) - 1) + b)
        : d;
    });
}

export function markerDefinedName(role: GeneratedRole, sheet: string): string {
  return `<definedName name="${markerName(role)}">${escText(markerTarget(sheet))}</definedName>`;
}

function absRange(a1: string): string {
  return a1
    .split(":")
    .map((p) => p.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

/** The print area of the sheet at tab index `local`, e.g. '经费分摊表'!$A$1:$M$17. */
export function printAreaDefinedName(sheet: string, local: number, printArea: string): string {
  const target = escText(sheetRef(sheet) + absRange(printArea));
  return `<definedName name="_xlnm.Print_Area" localSheetId="${local}">${target}</definedName>`;
}

/** The rows printed at the top of every page of the sheet at tab index `local`: '经费分摊表'!$1:$3. */
export function printTitlesDefinedName(sheet: string, local: number, rows: string): string {
  const abs = rows.replace(/(\d+)/g, "$$$1");
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${local}">${escText(sheetRef(sheet) + abs)}</definedName>`;
}
