// The real host: the pane's PaneHost over src/excel (which uses the global Excel / Office).
import * as excel from "../excel";
import type { PaneHost } from "./host";

export const officeHost: PaneHost = {
  requirementProblem: () => excel.requirementProblem(),
  detectWorkbookSheets: () => excel.detectWorkbookSheets(),
  validate: (options, progress) => excel.validate(options, progress),
  generate: (options, request, progress) => excel.generate(options, request, progress),
  clearMarks: () => excel.clearMarks(),
  goToCell: (sheet, cell) => excel.goToCell(sheet, cell),
  goToSheet: (name) => excel.goToSheet(name),
  loadSettings: () => excel.loadSettings(),
  saveSettings: (s) => excel.saveSettings(s),
};
