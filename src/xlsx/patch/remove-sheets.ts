// Removing the sheets this tool generated before (found by their markers, core/generated.ts):
// the sheet part with its relationships, its content type, its relationship, its entry in
// <sheets> and the names local to it. A user's sheet is never removed.
import type { GeneratedRole } from "../../core/generated";
import type { Package } from "./package";
import { removePartWithRels } from "./package";
import type { Workbook } from "./workbook-xml";
import { withoutOverride } from "./content-types";
import { relById, relTarget } from "./workbook-rels";
import { generatedMarkers, markedSheets, withoutSheetAt } from "./defined-names";

function removeSheetAt(pkg: Package, book: Workbook, idx: number): void {
  const rid = book.sheets[idx].rid;
  const part = relTarget(book.relations, rid);
  removePartWithRels(pkg.zip, part);
  pkg.contentTypes = withoutOverride(pkg.contentTypes, part);
  pkg.rels = pkg.rels.replace(relById(book.relations, rid)!, "");
  book.names = withoutSheetAt(book.names, idx);
  book.sheets = book.sheets.filter((_, k) => k !== idx);
}

/** Remove the sheets generated before for these roles, and their markers; whether any went. */
export function removeGeneratedSheets(
  pkg: Package,
  book: Workbook,
  roles: Set<GeneratedRole>
): boolean {
  const marks = generatedMarkers(book.names, roles);
  let removedAny = false;
  for (const mark of marks) {
    for (const name of markedSheets(mark)) {
      const idx = book.sheets.findIndex((s) => s.name === name);
      if (name === null || idx < 0) continue;
      removeSheetAt(pkg, book, idx);
      removedAny = true;
    }
  }
  book.names = book.names.filter((d) => !marks.includes(d));
  return removedAny;
}
