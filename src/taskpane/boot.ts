// Starting the pane: a clear message instead of a blank page when office.js is missing or
// blocked (a plain browser, a firewall, a content policy), when Office.onReady does not fire
// within 15 s (the page is not inside Office), when the host is not Excel, or when Excel lacks
// ExcelApi 1.9. The message is plain DOM: React and Fluent may be what failed to load.
import { langOf, stringsFor } from "./strings";
import { EXCEL_API, MIN_EXCEL_API } from "../excel/requirements";

export const READY_TIMEOUT_MS = 15_000;

type Problem = "noOffice" | "notReady" | "notExcel" | "tooOld";

/** Show the problem and what to do, in the container (role="alert" so it is announced). */
export function showBootProblem(
  container: HTMLElement,
  problem: Problem,
  lang = langOf(null)
): void {
  const t = stringsFor(lang);
  container.textContent = "";
  const box = container.ownerDocument.createElement("div");
  box.setAttribute("role", "alert");
  box.setAttribute("data-boot-problem", problem);
  box.style.padding = "16px";
  box.style.fontFamily = "'Microsoft YaHei', 'PingFang SC', sans-serif";
  const title = container.ownerDocument.createElement("h1");
  title.style.fontSize = "18px";
  title.textContent = t.appTitle;
  const what = container.ownerDocument.createElement("p");
  what.textContent = t.boot[problem];
  const todo = container.ownerDocument.createElement("p");
  todo.textContent = t.boot.whatToDo;
  box.append(title, what, todo);
  container.append(box);
}

/**
 * Wait for Office, then `start(lang)`; otherwise show why not. Resolves with what happened.
 * `office` is the global Office namespace (undefined when office.js did not load).
 */
export function boot(
  container: HTMLElement,
  office: typeof Office | undefined,
  start: (lang: ReturnType<typeof langOf>) => void,
  timeoutMs = READY_TIMEOUT_MS
): Promise<"started" | Problem> {
  if (!office || typeof office.onReady !== "function") {
    showBootProblem(container, "noOffice");
    return Promise.resolve("noOffice");
  }
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      showBootProblem(container, "notReady");
      resolve("notReady");
    }, timeoutMs);
    const ready = (info: { host?: unknown } | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const lang = langOf(office.context?.displayLanguage);
      const host = info?.host;
      if (host !== undefined && host !== null && String(host) !== "Excel") {
        showBootProblem(container, "notExcel", lang);
        resolve("notExcel");
        return;
      }
      let supported = false;
      try {
        supported = !!office.context?.requirements?.isSetSupported(EXCEL_API, MIN_EXCEL_API);
      } catch {
        supported = false;
      }
      if (!supported) {
        showBootProblem(container, "tooOld", lang);
        resolve("tooOld");
        return;
      }
      start(lang);
      resolve("started");
    };
    try {
      const p = office.onReady(ready as never) as unknown;
      if (p && typeof (p as Promise<unknown>).then === "function")
        (p as Promise<{ host?: unknown }>).then(ready, () => undefined);
    } catch {
      clearTimeout(timer);
      settled = true;
      showBootProblem(container, "noOffice");
      resolve("noOffice");
    }
  });
}
