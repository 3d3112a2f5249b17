// The identity of the sheets this tool generates, the same for every host. A generated sheet is
// recognised by a workbook-level defined name `LXY_generated_<role>` that refers to its A1 cell,
// never by its sheet name alone: a user's own sheet that happens to be called 经费分摊表 is never
// replaced, the new one gets a free name 经费分摊表(2) instead. Sheet names compare
// case-insensitively, as spreadsheets do.
import { sheetRef } from "./a1";

/** The sheets the tool writes, one per role. */
export type GeneratedRole = "allocation" | "report" | "waitlist" | DocumentRole;

/** The document pack (plan/lists.ts): the lists every programme needs. */
export type DocumentRole = "participants" | "insurance" | "signin" | "notice";

export const DOCUMENT_ROLES: readonly DocumentRole[] = [
  "participants",
  "insurance",
  "signin",
  "notice",
];

/**
 * The documents generated unless the user chooses them: none. The allocation and the report are
 * always written; the lists (personal data, four more sheets in the user's workbook) on request —
 * the pane's checkboxes, the CLI's --sheets.
 */
export const DEFAULT_DOCUMENTS: readonly DocumentRole[] = [];

export const GENERATED_ROLES: readonly GeneratedRole[] = [
  "allocation",
  "report",
  "waitlist",
  ...DOCUMENT_ROLES,
];

export const ALLOCATION_SHEET = "经费分摊表";
export const REPORT_SHEET = "校验结果";
/** Who is selected and who waits, per oversubscribed programme (名额与候补). */
export const WAITLIST_SHEET = "名额与候补";

/** The wanted sheet name per role. */
export const GENERATED_NAME: Record<GeneratedRole, string> = {
  allocation: ALLOCATION_SHEET,
  report: REPORT_SHEET,
  waitlist: WAITLIST_SHEET,
  participants: "参加人员名单",
  insurance: "意外险投保名单",
  signin: "签到表",
  notice: "公示名单",
};

/** Tab colour per role, as #RRGGBB. */
export const TAB_COLOR: Record<GeneratedRole, string> = {
  allocation: "#2F75B5",
  report: "#C00000",
  waitlist: "#548235",
  participants: "#548235",
  insurance: "#548235",
  signin: "#548235",
  notice: "#548235",
};

const MARKER_PREFIX = "LXY_generated_";

/** The defined name that marks the sheet generated for a role. */
export function markerName(role: GeneratedRole): string {
  return MARKER_PREFIX + role;
}

/** The role a defined name marks, or null when it is not one of ours. */
export function roleOfMarker(name: string): GeneratedRole | null {
  if (!name.startsWith(MARKER_PREFIX)) return null;
  const role = name.slice(MARKER_PREFIX.length);
  return (GENERATED_ROLES as readonly string[]).includes(role) ? (role as GeneratedRole) : null;
}

/** What the marker refers to: the sheet's A1 cell, e.g. '经费分摊表'!$A$1 (no leading =). */
export function markerTarget(sheet: string): string {
  return sheetRef(sheet) + "$A$1";
}

/** "='经费分摊表'!$A$1", "'It''s'!$A$1" or "Sheet1!$A$1" → the sheet name; null otherwise. */
export function sheetOfMarker(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!#]+))!/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** Sheets whose names start like a generated one are never read as input. */
export function isGeneratedName(name: string): boolean {
  return GENERATED_ROLES.some((r) => name.startsWith(GENERATED_NAME[r]));
}

/**
 * The name to write a plan under: `wanted`, or `wanted(2)`, `wanted(3)`… when a sheet that stays
 * (a user's sheet) already has it. `taken` holds the names that stay, any case.
 */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  let name = wanted;
  for (let k = 2; lower.has(name.toLowerCase()); k++) name = `${wanted}(${k})`;
  return name;
}
