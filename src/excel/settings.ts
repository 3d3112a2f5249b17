// What the add-in keeps in the document (Office.context.document.settings): the pane's choices
// and the sheet names it last saw (a hint that lets the next action load names and used ranges
// in one round trip). Not the marks: they are recognised by their content (marks.ts). Each
// runtime has its own in-memory copy and saveAsync writes the whole copy, so only the pane
// saves; the ribbon's function file refreshes its copy before reading and never saves.
import { normaliseSettings, StoredSettings } from "../app/settings";
import { ExcelHostError } from "./errors";

const KEY_PANE = "lxy.pane";
/** Written by earlier versions (conditional-format ids); removed when the pane saves. */
const KEY_MARKS = "lxy.marks";
const KEY_SHEETS = "lxy.sheets";

function store(): Office.Settings | null {
  return typeof Office !== "undefined" && Office.context?.document?.settings
    ? Office.context.document.settings
    : null;
}

function get<T>(key: string): T | null {
  try {
    return (store()?.get(key) as T) ?? null;
  } catch {
    return null;
  }
}

export function loadSettings(): StoredSettings {
  return normaliseSettings(get<unknown>(KEY_PANE));
}

export async function saveSettings(s: StoredSettings): Promise<void> {
  store()?.set(KEY_PANE, s);
  await persist();
}

/** Reload this runtime's copy from the document (what another runtime saved). */
export function refreshSettings(): Promise<void> {
  const st = store();
  if (!st || typeof st.refreshAsync !== "function") return Promise.resolve();
  return new Promise((resolve) => {
    try {
      st.refreshAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

export function getSheetHint(): string[] | null {
  const h = get<string[]>(KEY_SHEETS);
  return Array.isArray(h) && h.every((x) => typeof x === "string") ? h : null;
}

export function setSheetHint(names: string[]): void {
  store()?.set(KEY_SHEETS, names);
}

/** Save the settings into the document. */
export function persist(): Promise<void> {
  const st = store();
  if (!st) return Promise.resolve();
  if (st.get(KEY_MARKS) !== null) st.remove(KEY_MARKS);
  return new Promise((resolve, reject) => {
    st.saveAsync((r: Office.AsyncResult<void>) => {
      if (String(r.status) === "failed")
        reject(
          new ExcelHostError(
            r.error?.code ? String(r.error.code) : "SettingsSaveFailed",
            `无法把加载项设置保存到工作簿（${r.error?.message ?? "未知原因"}）`
          )
        );
      else resolve();
    });
  });
}
