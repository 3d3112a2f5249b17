// The ribbon's 一键生成 (ExecuteFunction "generateAllocation"): check and generate without the
// task pane. When errors block it, the issue cells are marked and a small dialog says so.
// event.completed() is always called, after the dialog (if any) closes.
import * as excel from "../excel";
import { documentsFromSettings, optionsFromSettings } from "../app/settings";
import { errorCode } from "../app/errors";
import { formatYuan } from "../core/money";
import { hostMessage } from "../taskpane/host";
import { langOf, stringsFor } from "../taskpane/strings";

export type Notice =
  | { kind: "blocked"; errors: number }
  | { kind: "done"; sheet: string; over?: string }
  | { kind: "failed"; message: string; code: string };

/** What to tell the user after one click. */
export async function generateFromRibbon(): Promise<Notice> {
  const lang = langOf(Office.context.displayLanguage);
  try {
    const problem = excel.requirementProblem();
    if (problem) return { kind: "failed", message: problem, code: "RequirementSet" };
    // This runtime's settings copy may be older than what the pane saved since: reload it. The
    // ribbon never saves (saveAsync writes the whole copy and would overwrite the pane's).
    await excel.refreshSettings();
    const stored = excel.loadSettings();
    const options = optionsFromSettings(stored);
    // When errors block it, the same action marks their cells so the user sees where they are.
    const r = await excel.generate(
      options,
      { markWhenBlocked: true, documents: documentsFromSettings(stored) },
      undefined,
      { save: false }
    );
    if (r.blocked) {
      if (!r.analysis.allocation)
        return {
          kind: "failed",
          message: stringsFor(lang).cannotGenerate,
          code: "SheetMissing",
        };
      return { kind: "blocked", errors: r.analysis.errorCount };
    }
    const sheet = r.written.find((w) => w.role === "allocation");
    if (sheet) await excel.goToSheet(sheet.name);
    // Over budget: the one thing about a successful run the user must not miss.
    const b = r.analysis.allocation?.budget;
    if (b && b.differenceFen < 0n)
      return { kind: "done", sheet: sheet?.name ?? "", over: formatYuan(-b.differenceFen) };
    return { kind: "done", sheet: sheet?.name ?? "" };
  } catch (e) {
    console.error(e);
    return {
      kind: "failed",
      message: hostMessage(e) ?? stringsFor(lang).unexpected,
      code: errorCode(e) ?? stringsFor(lang).unknownCode,
    };
  }
}

export function noticeUrl(base: string, n: Notice, lang: string): string {
  const u = new URL("notice.html", base);
  u.searchParams.set("lang", lang);
  u.searchParams.set("kind", n.kind);
  if (n.kind === "blocked") u.searchParams.set("errors", String(n.errors));
  if (n.kind === "done") {
    u.searchParams.set("sheet", n.sheet);
    if (n.over) u.searchParams.set("over", n.over);
  }
  if (n.kind === "failed") {
    u.searchParams.set("message", n.message);
    u.searchParams.set("code", n.code);
  }
  return u.toString();
}

/** Show the notice in a dialog; resolves when the user closes it (or it cannot open). */
export function showNotice(n: Notice): Promise<void> {
  return new Promise((resolve) => {
    const url = noticeUrl(window.location.href, n, Office.context.displayLanguage ?? "zh-CN");
    Office.context.ui.displayDialogAsync(
      url,
      { height: 30, width: 30, displayInIframe: true },
      (res) => {
        if (res.status !== Office.AsyncResultStatus.Succeeded) {
          console.error(res.error);
          resolve();
          return;
        }
        const dialog = res.value;
        const close = () => {
          try {
            dialog.close();
          } finally {
            resolve();
          }
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
        // The user closed it with the X.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      }
    );
  });
}

export async function generateAllocation(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const notice = await generateFromRibbon();
    // Success is visible (the new sheet is active); problems and an overrun need a dialog.
    if (notice.kind !== "done" || notice.over) await showNotice(notice);
  } catch (e) {
    console.error(e);
  } finally {
    event.completed();
  }
}

// Registered at load; Office calls it when the ribbon button is clicked. (Guarded so tests can
// import the module before installing the Excel double's Office.)
if (typeof Office !== "undefined") {
  Office.onReady(() => undefined);
  Office.actions.associate("generateAllocation", generateAllocation);
}
