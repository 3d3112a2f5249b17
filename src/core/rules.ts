// The rules that differ between unions: how often one person may go each year, how many years of
// history count, the caps per day and per year, and the near-retirement window. Each value knows
// where it came from. Order of strength: an explicit setting (the pane's field, a CLI flag) wins
// over the workbook's optional 规则 sheet, which wins over the defaults — a setting is the user's
// word for this run; the sheet is the union's standing rule that travels with its file.
import type { Issue, Options, SheetData } from "./types";
import { DEFAULT_NEAR_MONTHS, OPTION_BOUNDS, RULE_OPTIONS } from "./options";
import type { FieldDef } from "./headers";
import { MSG } from "./messages";
import { makeIssue } from "./issues";
import { headerKey } from "./text";
import { openTable, Parsed } from "./parse/table";

export type RuleKey = (typeof RULE_OPTIONS)[number];
export type RuleSource = "default" | "settings" | "sheet";

export interface RuleInForce {
  /** null: no such limit (the caps' default). */
  value: number | null;
  source: RuleSource;
  /** What the 规则 sheet says, when it says something (also when a setting overrides it). */
  sheetValue?: number | null;
}

export type RuleSet = Record<RuleKey, RuleInForce>;

const RULE_DEFAULTS: Record<RuleKey, number | null> = {
  perYear: 1,
  historyYears: 0,
  dailyCap: null,
  annualCap: null,
  nearRetirementMonths: DEFAULT_NEAR_MONTHS,
};

/** The sheet that carries a union's rules, found by this name. */
export const RULES_SHEET = "规则";

/** Each rule's name in the 规则 sheet: the canonical one first, then what staff also write. */
const RULE_NAMES: Record<RuleKey, string[]> = {
  perYear: ["每人每年参加次数", "每年参加次数", "每人每年次数", "每人每年可参加次数"],
  historyYears: ["追溯年数", "历史追溯年数", "回溯年数", "近几年参加过不再安排"],
  dailyCap: ["每人每天上限", "每人每天标准上限", "每天上限", "每人每日上限"],
  annualCap: ["每人每年上限", "每人年度上限", "年度上限", "每人每年费用上限"],
  nearRetirementMonths: ["临近退休月数", "临近退休", "临近退休（月）"],
};

/** Caps may be written 无 or 不限 in the sheet: no limit. */
const CAPS: RuleKey[] = ["dailyCap", "annualCap"];

const RULE_FIELDS: FieldDef[] = [
  { field: "rule", canonical: "规则", synonyms: ["规则名称", "名称", "规则项"], required: true },
  { field: "value", canonical: "值", synonyms: ["取值", "数值", "设置", "规定"], required: true },
];

/** The 规则 sheet's values; RULE_INVALID for a rule it does not know or a value out of bounds. */
export function parseRulesSheet(sheet: SheetData): Parsed<Partial<Record<RuleKey, number | null>>> {
  const opened = openTable(sheet, RULE_FIELDS);
  const table = opened.value;
  if (!table)
    return {
      value: {},
      issues: [makeIssue("RULE_INVALID", sheet.name, MSG.rulesHeader(sheet.name))],
    };
  const out: Partial<Record<RuleKey, number | null>> = {};
  const issues: Issue[] = [];
  for (const i of table.rows()) {
    const name = table.text(i, "rule");
    const key = ruleKey(name);
    if (!key) {
      issues.push(table.issue("RULE_INVALID", i, "rule", MSG.ruleUnknown(name, ruleNameList())));
      continue;
    }
    const text = table.text(i, "value");
    if (text === "") continue; // a blank value leaves the default
    const v = ruleValue(key, table.get(i, "value"));
    if (v === undefined) {
      const { min, max } = OPTION_BOUNDS[key];
      issues.push(
        table.issue(
          "RULE_INVALID",
          i,
          "value",
          MSG.ruleValue(RULE_NAMES[key][0], text, min, max, CAPS.includes(key))
        )
      );
      continue;
    }
    out[key] = v;
  }
  return { value: out, issues };
}

function ruleKey(name: string): RuleKey | null {
  const k = headerKey(name);
  for (const key of RULE_OPTIONS) if (RULE_NAMES[key].some((n) => headerKey(n) === k)) return key;
  return null;
}

function ruleNameList(): string {
  return RULE_OPTIONS.map((k) => RULE_NAMES[k][0]).join("、");
}

/** A whole number within the rule's bounds (a unit such as 元, 次, 年 or 个月 may follow); 无 or
 *  不限 for a cap; undefined when unusable. */
function ruleValue(
  key: RuleKey,
  c: SheetData["values"][number][number]
): number | null | undefined {
  const t = String(c ?? "")
    .normalize("NFKC")
    .replace(/[\s,]/g, "");
  if (CAPS.includes(key) && /^(无|不限|无上限)$/.test(t)) return null;
  const m = typeof c === "number" ? [String(c), String(c)] : /^(\d+)(元|次|年|个月|月)?$/.exec(t);
  const n = m ? Number(m[1]) : NaN;
  const { min, max } = OPTION_BOUNDS[key];
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** The rules in force: settings over the 规则 sheet over the defaults. */
export function resolveRules(
  options: Options,
  sheet: Partial<Record<RuleKey, number | null>> = {}
): RuleSet {
  const out = {} as RuleSet;
  for (const key of RULE_OPTIONS) {
    const set = options[key];
    const r: RuleInForce =
      set !== undefined
        ? { value: set, source: "settings" }
        : key in sheet
          ? { value: sheet[key] ?? null, source: "sheet" }
          : { value: RULE_DEFAULTS[key], source: "default" };
    if (key in sheet) r.sheetValue = sheet[key] ?? null;
    out[key] = r;
  }
  return out;
}
