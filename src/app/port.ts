// The one workbook port between the application and its hosts: Excel (src/excel), .xlsx files
// (src/xlsx) and the test double (through src/excel). The actions in ./actions.ts are written
// once against it; every entry point (task pane, ribbon, CLI, playground) calls them.
import type { Issue, WorkbookData } from "../core/types";
import type { SheetPlan } from "../core/plan";
import type { GeneratedRole } from "../core/generated";

export interface WrittenSheet {
  role: GeneratedRole;
  /** The name actually used (a user sheet of the same name is never replaced). */
  name: string;
  /** True when the wanted name belonged to a user sheet, so another name was chosen. */
  renamed: boolean;
}

/**
 * The steps of an action, as codes: each entry point shows them in its own language
 * (src/taskpane/strings.ts). `detail` names the sheet being read, where there is one.
 */
export type StepCode = "read" | "check" | "mark" | "write" | "done";

export type Progress = (step: StepCode, done: number, total: number, detail?: string) => void;

export interface WorkbookPort {
  /** Every input sheet's values (and number formats where the host has them). */
  readWorkbook(progress?: Progress): Promise<WorkbookData>;
  /** Write generated sheets, replacing only sheets this tool generated before. */
  writeSheets(plans: SheetPlan[], progress?: Progress): Promise<WrittenSheet[]>;
  /** Remove the tool's earlier marks and mark these issues' cells, removably, in one step. */
  replaceMarks(issues: Issue[]): Promise<void>;
  /** Remove exactly the marks this tool made. */
  clearMarks(): Promise<void>;
}
