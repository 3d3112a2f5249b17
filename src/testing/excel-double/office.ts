// The Office namespace the add-in touches: Office.onReady, Office.context (languages, platform,
// requirements.isSetSupported, document.settings) and Office.actions.associate for ribbon
// commands, following the "Office" API reference on Microsoft Learn.
import { versionAtLeast } from "./context";
import type { DocumentSettings } from "./settings";

type Action = (event: { completed: () => void }) => unknown;

interface OfficeOptions {
  apiVersion: string;
  displayLanguage?: string;
  platform?: string;
  settings: DocumentSettings;
}

/** The Office namespace, and a way to press a ribbon button bound with actions.associate. */
export function createOffice(o: OfficeOptions) {
  const actions = new Map<string, Action>();
  const language = o.displayLanguage ?? "zh-CN";
  const platform = o.platform ?? "OfficeOnline";
  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: language,
      contentLanguage: language,
      platform,
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (name !== "ExcelApi")
            return name === "SharedRuntime" || name === "AddinCommands" || name === "RibbonApi";
          return versionAtLeast(o.apiVersion, version ?? "1.1");
        },
      },
      document: { settings: o.settings },
    },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Excel", platform };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate: (id: string, fn: Action) => {
        actions.set(id, fn);
      },
    },
  };

  /** Run an associated function as a ribbon button would; resolves on event.completed(). */
  async function invokeAction(id: string): Promise<void> {
    const fn = actions.get(id);
    if (!fn) throw new Error(`No action '${id}' associated`);
    await new Promise<void>((resolve, reject) => {
      try {
        const r = fn({ completed: () => resolve() });
        if (r && typeof (r as Promise<unknown>).catch === "function")
          (r as Promise<unknown>).catch(reject);
      } catch (e) {
        reject(e);
      }
    });
  }

  return { Office, invokeAction };
}
