// What the pane needs from its host: the functions of src/excel. The PaneHost interface below is
// that contract. The pane takes a PaneHost as a prop, so tests pass a fake one and Excel / the
// playground pass the real one.
import type { Options } from "../core/types";
import type { Analysis, SheetMapping } from "../core/engine";
import type { WrittenSheet } from "../core/port";

export type ProgressFn = (step: string, done: number, total: number) => void;

export interface PaneSettings {
  mapping?: SheetMapping;
  ownUnion?: string;
  nearRetirementMonths?: number;
  year?: number;
}

export interface GenerateOutcome {
  analysis: Analysis;
  written: WrittenSheet[];
  blocked: boolean;
}

export interface PaneHost {
  requirementProblem(): string | null;
  detectWorkbookSheets(): Promise<{ sheets: string[]; mapping: SheetMapping }>;
  runValidate(options: Options, progress?: ProgressFn): Promise<Analysis>;
  runGenerate(options: Options, force: boolean, progress?: ProgressFn): Promise<GenerateOutcome>;
  runClearMarks(): Promise<void>;
  goToCell(sheet: string, cell: string): Promise<void>;
  goToSheet(name: string): Promise<void>;
  loadSettings(): PaneSettings;
  saveSettings(s: PaneSettings): Promise<void>;
}

/** Office's error code: ExcelHostError.code, OfficeExtension.Error.code, or null. */
export function errorCode(e: unknown): string | null {
  if (e && typeof e === "object" && "code" in e) {
    const c = (e as { code: unknown }).code;
    if (typeof c === "string" && c) return c;
    if (typeof c === "number") return String(c);
  }
  return null;
}

/** The host's own Chinese message (ExcelHostError), else null: Office's English text is not
 *  shown to the user (the code is, and the console keeps the rest). */
export function hostMessage(e: unknown): string | null {
  if (!(e instanceof Error) || !e.message) return null;
  if (e.name === "ExcelHostError" || /[\u4e00-\u9fff]/.test(e.message)) return e.message;
  return null;
}
