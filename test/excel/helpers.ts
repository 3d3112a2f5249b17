// Shared set-up for the Excel host tests: the shipped samples loaded into the strict double.
import * as fs from "fs";
import * as path from "path";
import { doubleFromXlsx } from "../../src/testing/excel-double/fromXlsx";
import type { DoubleOptions, ExcelDouble } from "../../src/testing/excel-double";
import type { Options } from "../../src/core/types";

export const SAMPLE = path.resolve(__dirname, "../../assets/sample-2024.xlsx");
export const MISTAKES = path.resolve(__dirname, "../../assets/sample-2024-mistakes.xlsx");
export const OPTIONS: Options = { today: { y: 2024, m: 5, d: 1 } };
export const USER_SHEETS = ["花名册", "项目费率", "预算"];

let installed: ExcelDouble | null = null;

/** A double over a sample workbook, installed as the global Excel and Office. */
export async function openSample(file = SAMPLE, opts?: DoubleOptions): Promise<ExcelDouble> {
  installed?.uninstallGlobals();
  const d = await doubleFromXlsx(fs.readFileSync(file), opts);
  d.installGlobals();
  installed = d;
  return d;
}

export function uninstall(): void {
  installed?.uninstallGlobals();
  installed = null;
}

/** Everything about a user sheet a user could notice: stored contents and all formatting. */
export function sheetState(d: ExcelDouble, name: string): unknown {
  return { contents: d.contents(name), formats: d.formatState(name) };
}

/** Row of `values` whose first cell is `label`. */
export function rowOf(values: unknown[][], label: string): unknown[] {
  const row = values.find((r) => r[0] === label);
  if (!row) throw new Error(`no row labelled ${label}`);
  return row;
}
