// What the add-in remembers per workbook (the pane's choices), and the options they give.
// Stored by src/excel/settings.ts in the document; used by the task pane and the ribbon.
import type { SheetMapping } from "../core/engine";
import type { Options } from "../core/types";
import { parseOptions, sheetChoice } from "../core/options";
import type { DocumentRole } from "../core/generated";
import { DEFAULT_DOCUMENTS, DOCUMENT_ROLES } from "../core/generated";

export interface StoredSettings {
  mapping?: SheetMapping;
  ownUnion?: string;
  nearRetirementMonths?: number;
  year?: number;
  /** The rules set in the pane (src/core/rules.ts); absent = the 规则 sheet or the default. */
  perYear?: number;
  historyYears?: number;
  dailyCap?: number;
  annualCap?: number;
  /** The lists of the document pack ticked in the pane. */
  documents?: DocumentRole[];
}

/** The stored lists, unknown names dropped; the default when none were stored. */
export function documentsFromSettings(s: StoredSettings): DocumentRole[] {
  if (!Array.isArray(s.documents)) return [...DEFAULT_DOCUMENTS];
  return DOCUMENT_ROLES.filter((r) => s.documents!.includes(r));
}

/** Settings as stored, in the current form: a roster saved as one name (earlier versions)
 *  becomes a list of one. */
export function normaliseSettings(s: unknown): StoredSettings {
  if (!s || typeof s !== "object") return {};
  const x = s as StoredSettings;
  return x.mapping === undefined ? x : { ...x, mapping: sheetChoice(x.mapping) };
}

/** The engine's options from stored settings; values out of bounds fall back to the defaults. */
export function optionsFromSettings(s: StoredSettings): Options {
  return parseOptions({
    sheets: s.mapping,
    ownUnion: s.ownUnion,
    nearRetirementMonths: s.nearRetirementMonths,
    year: s.year,
    perYear: s.perYear,
    historyYears: s.historyYears,
    dailyCap: s.dailyCap,
    annualCap: s.annualCap,
  }).options;
}
