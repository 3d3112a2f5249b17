// Office.context.document.settings, as "Persist add-in state and settings" (Microsoft Learn)
// describes it: a per-document store of JSON values. Each runtime (the task pane, the ribbon's
// function file — separate unless a shared runtime is declared, "Configure your Office Add-in
// to use a shared runtime") works on its own in-memory copy, loaded when the add-in starts:
// set/remove change only that copy, saveAsync writes the whole copy into the document
// (replacing what another runtime saved), and refreshAsync reloads the copy from the document.
// get returns null for a missing name; saveAsync reports through its callback, with an error
// when the document cannot be saved.
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(a?: unknown, b?: unknown): void;
  refreshAsync(cb?: (r: unknown) => void): void;
}

/** The settings as saved in the document (shared by every runtime). */
export interface SavedSettings {
  store: Record<string, unknown>;
  saveFails: boolean;
}

/** One runtime's settings: `mem` is its in-memory copy (kept by reference; tests read it). */
export function documentSettings(
  doc: SavedSettings,
  mem: Record<string, unknown>
): DocumentSettings {
  const api: DocumentSettings = {
    get: (name) => (name in mem ? jsonCopy(mem[name]) : null),
    set: (name, value) => {
      mem[name] = jsonCopy(value);
    },
    remove: (name) => {
      delete mem[name];
    },
    saveAsync: (a, b) => {
      // saveAsync([options,] callback): the callback is the last function given.
      const cb = (typeof a === "function" ? a : b) as ((r: unknown) => void) | undefined;
      const failed = doc.saveFails;
      if (!failed) replace(doc.store, mem);
      const r = failed
        ? {
            status: "failed",
            value: undefined,
            error: {
              code: 5001,
              name: "Internal Error",
              message: "An internal error has occurred.",
            },
          }
        : { status: "succeeded", value: undefined, error: null };
      setTimeout(() => cb?.(r), 0);
    },
    refreshAsync: (cb) => {
      replace(mem, doc.store);
      setTimeout(() => cb?.({ status: "succeeded", value: api, error: null }), 0);
    },
  };
  return api;
}

/** Make `target` a copy of `source`, in place. */
export function replace(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const k of Object.keys(target)) delete target[k];
  for (const [k, v] of Object.entries(source)) target[k] = jsonCopy(v);
}

/** Settings hold what JSON can carry: a value is stored and returned as a copy. */
function jsonCopy<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}
