// Office.context.document.settings, as "Persist add-in state and settings" (Microsoft Learn)
// describes it: a per-document store of JSON values; get returns null for a missing name, and
// saveAsync reports through its callback, with an error when the document cannot be saved.
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(a?: unknown, b?: unknown): void;
}

/** Settings over `store` (kept by reference: the double exposes it to tests). */
export function documentSettings(
  store: Record<string, unknown>,
  saveFails = false
): DocumentSettings {
  return {
    get: (name) => (name in store ? jsonCopy(store[name]) : null),
    set: (name, value) => {
      store[name] = jsonCopy(value);
    },
    remove: (name) => {
      delete store[name];
    },
    saveAsync: (a, b) => {
      // saveAsync([options,] callback): the callback is the last function given.
      const cb = (typeof a === "function" ? a : b) as ((r: unknown) => void) | undefined;
      const r = saveFails
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
  };
}

/** Settings hold what JSON can carry: a value is stored and returned as a copy. */
function jsonCopy<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}
