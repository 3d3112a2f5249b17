// What the pane needs from its host. The pane takes a PaneHost as a prop, so tests pass a fake
// one; Excel and the playground pass officeHost (src/taskpane/officeHost.ts over src/excel),
// whose actions are src/app's, run over the Excel workbook port.
import type { Options } from "../core/types";
import type { Analysis, SheetMapping } from "../core/engine";
import type { Progress } from "../app/port";
import type { GenerateRequest, GenerateResult } from "../app/actions";
import type { StoredSettings } from "../app/settings";

export interface PaneHost {
  requirementProblem(): string | null;
  detectWorkbookSheets(): Promise<{ sheets: string[]; mapping: SheetMapping }>;
  validate(options: Options, progress?: Progress): Promise<Analysis>;
  generate(
    options: Options,
    request: GenerateRequest,
    progress?: Progress
  ): Promise<GenerateResult>;
  clearMarks(): Promise<void>;
  goToCell(sheet: string, cell: string): Promise<void>;
  goToSheet(name: string): Promise<void>;
  loadSettings(): StoredSettings;
  saveSettings(s: StoredSettings): Promise<void>;
}

/** The host's own Chinese message (ExcelHostError), else null: Office's English text is not
 *  shown to the user (the code is, and the console keeps the rest). */
export function hostMessage(e: unknown): string | null {
  if (!(e instanceof Error) || !e.message) return null;
  if (e.name === "ExcelHostError" || /[\u4e00-\u9fff]/.test(e.message)) return e.message;
  return null;
}
