// The user's options, parsed and checked once for every entry point (task pane, ribbon, CLI):
// the same bounds everywhere. Problems come back as codes; each entry point words them in its
// own language.
import type { Options, SheetChoice } from "./types";

export const DEFAULT_NEAR_MONTHS = 24;

export const OPTION_BOUNDS = {
  /** 疗休养年度. */
  year: { min: 2000, max: 2100 },
  /** 临近退休（月）: 0 means nobody counts as near retirement. */
  nearRetirementMonths: { min: 0, max: 120 },
  /** 每人每年参加次数: 1 is the seed's once a year. */
  perYear: { min: 1, max: 10 },
  /** 追溯年数: 0 is this year only. */
  historyYears: { min: 0, max: 20 },
  /** 每人每天上限（元）. */
  dailyCap: { min: 1, max: 100000 },
  /** 每人每年上限（元）. */
  annualCap: { min: 1, max: 10000000 },
} as const;

/** The rules that a 规则 sheet, the pane and the CLI can set (src/core/rules.ts). */
export const RULE_OPTIONS = [
  "perYear",
  "historyYears",
  "dailyCap",
  "annualCap",
  "nearRetirementMonths",
] as const;

export type NumericOption = keyof typeof OPTION_BOUNDS;

export interface OptionProblem {
  option: NumericOption;
  /** What was typed. */
  text: string;
  min: number;
  max: number;
}

/** The options as typed (pane fields, CLI arguments, saved settings): text or numbers. */
export interface OptionInput {
  ownUnion?: string;
  nearRetirementMonths?: string | number;
  year?: string | number;
  perYear?: string | number;
  historyYears?: string | number;
  dailyCap?: string | number;
  annualCap?: string | number;
  sheets?: SheetChoiceInput;
}

/** Sheet choices as stored by earlier versions too: the roster as one name or a list. */
interface SheetChoiceInput {
  roster?: string | string[];
  rates?: string;
  history?: string;
  budget?: string;
}

/** Stored or typed sheet choices in the current form: the roster as a list ("" → none). Names
 *  that are not text are dropped. */
export function sheetChoice(input: unknown): SheetChoice {
  if (!input || typeof input !== "object") return {};
  const x = input as Record<string, unknown>;
  const out: SheetChoice = {};
  const r = x.roster;
  if (typeof r === "string") out.roster = r === "" ? [] : [r];
  else if (Array.isArray(r))
    out.roster = r.filter((n): n is string => typeof n === "string" && n !== "");
  for (const role of ["rates", "history", "budget"] as const)
    if (typeof x[role] === "string") out[role] = x[role] as string;
  return out;
}

/** A whole number within the option's bounds, "" / undefined → undefined, else a problem. */
export function parseNumericOption(
  option: NumericOption,
  input: string | number | undefined
): { value?: number; problem?: OptionProblem } {
  const text = input === undefined ? "" : String(input).trim();
  if (text === "") return {};
  const { min, max } = OPTION_BOUNDS[option];
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) return { problem: { option, text, min, max } };
  return { value: n };
}

/** Options for the engine, and what was out of bounds (left at its default). */
export function parseOptions(input: OptionInput): { options: Options; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const options: Options = {};
  const own = input.ownUnion?.trim();
  if (own) options.ownUnion = own;
  if (input.sheets) options.sheets = sheetChoice(input.sheets);
  for (const option of ["year", ...RULE_OPTIONS] as const) {
    const r = parseNumericOption(option, input[option]);
    if (r.problem) problems.push(r.problem);
    else if (r.value !== undefined) options[option] = r.value;
  }
  return { options, problems };
}
