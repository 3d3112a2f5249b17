// Real analyses of the shipped samples (the engine, not hand-made objects) and a fake PaneHost
// whose every function is a jest mock.
import * as fs from "fs";
import * as path from "path";
import { analyse, Analysis, detectSheets } from "../../src/core/engine";
import type { WorkbookData } from "../../src/core/types";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import type { PaneHost } from "../../src/taskpane/host";
import type { GenerateResult } from "../../src/app/actions";

const TODAY = { y: 2024, m: 5, d: 1 };

export async function sampleBook(
  name: "sample-2024.xlsx" | "sample-2024-mistakes.xlsx"
): Promise<WorkbookData> {
  const buf = fs.readFileSync(path.join(__dirname, "..", "..", "assets", name));
  return (await XlsxWorkbook.fromBuffer(buf)).readWorkbook();
}

export async function sampleAnalyses(): Promise<{
  clean: Analysis;
  mistakes: Analysis;
  book: WorkbookData;
}> {
  const book = await sampleBook("sample-2024.xlsx");
  const clean = analyse(book, { today: TODAY });
  const mistakes = analyse(await sampleBook("sample-2024-mistakes.xlsx"), {
    today: TODAY,
  });
  return { clean, mistakes, book };
}

export function generated(analysis: Analysis, name = "经费分摊表"): GenerateResult {
  return {
    analysis,
    blocked: false,
    blockedBy: null,
    marked: false,
    written: [
      { role: "allocation", name, renamed: name !== "经费分摊表" },
      { role: "report", name: "校验结果", renamed: false },
    ],
  };
}

export type FakeHost = { [K in keyof PaneHost]: jest.Mock };

export function fakeHost(book: WorkbookData, over: Partial<PaneHost> = {}): FakeHost & PaneHost {
  const host: FakeHost = {
    requirementProblem: jest.fn(() => null),
    detectWorkbookSheets: jest.fn(async () => ({
      sheets: book.sheets.map((s) => s.name),
      mapping: detectSheets(book),
    })),
    validate: jest.fn(async (options) => analyse(book, { ...options, today: TODAY })),
    generate: jest.fn(),
    clearMarks: jest.fn(async () => undefined),
    goToCell: jest.fn(async () => undefined),
    goToSheet: jest.fn(async () => undefined),
    loadSettings: jest.fn(() => ({})),
    saveSettings: jest.fn(async () => undefined),
  };
  for (const [k, v] of Object.entries(over))
    host[k as keyof PaneHost] = jest.fn(v as (...a: unknown[]) => unknown);
  return host as FakeHost & PaneHost;
}

/** What the host returns when generating was blocked (the cells marked, as the pane asks). */
export function blockedBy(analysis: Analysis, why: "errors" | "noRates"): GenerateResult {
  return {
    analysis,
    written: [],
    blocked: true,
    blockedBy: why,
    marked: analysis.issues.length > 0,
  };
}
