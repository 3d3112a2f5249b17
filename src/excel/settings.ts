// What the add-in keeps in the document (Office.context.document.settings): the pane's choices,
// the marks it made (conditional-format ids per worksheet id) and the sheet names it last saw
// (a hint that lets the next action load names and used ranges in one round trip).
import { normaliseSettings, StoredSettings } from "../app/settings";
import { ExcelHostError } from "./errors";

/** Conditional formats this add-in added, by worksheet id. */
export type MarkRecord = Record<string, string[]>;

const KEY_PANE = "lxy.pane";
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

export function getMarks(): MarkRecord {
  const m = get<MarkRecord>(KEY_MARKS);
  return m && typeof m === "object" ? m : {};
}

export function setMarks(m: MarkRecord): void {
  const st = store();
  if (!st) return;
  if (Object.keys(m).length === 0) st.remove(KEY_MARKS);
  else st.set(KEY_MARKS, m);
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
