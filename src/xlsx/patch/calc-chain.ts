// The calculation chain may list cells of removed sheets; Excel rebuilds it when it is absent.
import type { Package } from "./package";
import { attr } from "./xml";
import { withoutCalcChainOverride } from "./content-types";
import { calcChainRel, relTarget } from "./workbook-rels";

export function removeCalcChain(pkg: Package, relations: string[]): void {
  const calc = calcChainRel(relations);
  if (!calc) return;
  pkg.zip.remove(relTarget(relations, attr(calc, "Id")!));
  pkg.rels = pkg.rels.replace(calc, "");
  pkg.contentTypes = withoutCalcChainOverride(pkg.contentTypes);
}
