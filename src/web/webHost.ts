// The pane's host on the web page: the same PaneHost the task pane has in Excel, over the
// worker (reading, checking, generating) and the page's preview grid (marks, click-to-cell).
import type { Issue } from "../core/types";
import { detectSheets, Analysis } from "../core/engine";
import type { GenerateResult } from "../app/actions";
import type { StoredSettings } from "../app/settings";
import type { PaneHost } from "../taskpane/host";
import type { Client } from "./channel";
import type { PreviewSheet, WorkerResponse } from "./protocol";

/** What the host asks of the page around it. */
export interface WebPage {
  /** The user's sheets as read (the preview). */
  sheets: PreviewSheet[];
  fileName: string;
  setMarks(issues: Issue[]): void;
  select(sheet: string, cell: string): void;
  show(sheet: string): void;
  /** The generated workbook and its generated sheets (for the preview). */
  generated(file: ArrayBuffer, sheets: PreviewSheet[], saveMode: string | null): void;
}

const SETTINGS_KEY = "lxy-web-settings";

/** The download's name: the command line's default output name for that input. */
export function outputName(fileName: string): string {
  return fileName.replace(/\.(xlsx|xlsm)$/i, "") + ".经费分摊.xlsx";
}

function unwrap<K extends WorkerResponse["kind"]>(
  res: WorkerResponse,
  kind: K
): Extract<WorkerResponse, { kind: K }> {
  if (res.kind === "failed") throw new Error(res.message);
  if (res.kind !== kind) throw new Error(`意外的应答：${res.kind}`);
  return res as Extract<WorkerResponse, { kind: K }>;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // file:// pages and private windows may have none
  }
}

export function createWebHost(client: Client, page: WebPage): PaneHost {
  const loadSettings = (): StoredSettings => {
    try {
      return JSON.parse(storage()?.getItem(SETTINGS_KEY) ?? "{}") as StoredSettings;
    } catch {
      return {};
    }
  };
  return {
    requirementProblem: () => null,
    detectWorkbookSheets: async () => ({
      sheets: page.sheets.map((s) => s.name),
      mapping: detectSheets({ sheets: page.sheets }, loadSettings().mapping ?? {}),
    }),
    validate: async (options, progress) => {
      const res = await client.request<"validate">({ kind: "validate", options }, (p) =>
        p.step === "open" ? undefined : progress?.(p.step, p.done, p.total, p.detail)
      );
      const analysis: Analysis = unwrap(res, "validated").analysis;
      page.setMarks(analysis.issues);
      return analysis;
    },
    generate: async (options, request, progress) => {
      const res = await client.request<"generate">(
        {
          kind: "generate",
          options,
          request: { force: request.force, markWhenBlocked: request.markWhenBlocked },
        },
        (p) => (p.step === "open" ? undefined : progress?.(p.step, p.done, p.total, p.detail))
      );
      const r = unwrap(res, "generated");
      const outcome: GenerateResult = r.outcome;
      if (outcome.marked) page.setMarks(outcome.analysis.issues);
      if (r.file) page.generated(r.file, r.sheets, r.saveMode);
      return outcome;
    },
    clearMarks: async () => page.setMarks([]),
    goToCell: async (sheet, cell) => page.select(sheet, cell),
    goToSheet: async (name) => page.show(name),
    loadSettings,
    saveSettings: async (s) => {
      try {
        storage()?.setItem(SETTINGS_KEY, JSON.stringify(s));
      } catch {
        // No storage here: the choices last as long as the page.
      }
    },
  };
}
