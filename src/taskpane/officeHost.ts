// The real host: the pane's PaneHost over src/excel (which uses the global Excel / Office).
import * as excel from "../excel";
import type { PaneHost } from "./host";

export const officeHost: PaneHost = {
  requirementProblem: () => excel.requirementProblem(),
  detectWorkbookSheets: () => excel.detectWorkbookSheets(),
  runValidate: (options, progress) => excel.runValidate(options, progress),
  runGenerate: (options, force, progress) => excel.runGenerate(options, force, progress),
  runClearMarks: () => excel.runClearMarks(),
  goToCell: (sheet, cell) => excel.goToCell(sheet, cell),
  goToSheet: (name) => excel.goToSheet(name),
  loadSettings: () => excel.loadSettings(),
  saveSettings: (s) => excel.saveSettings(s),
};
