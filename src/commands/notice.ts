// The ribbon command's dialog: one sentence and a 关闭 button (no React, kept tiny).
import { langOf, stringsFor } from "../taskpane/strings";

export function noticeText(params: URLSearchParams): string {
  const s = stringsFor(langOf(params.get("lang")));
  switch (params.get("kind")) {
    case "blocked":
      return s.noticeBlocked(Number(params.get("errors") ?? 0));
    case "done": {
      const done = s.noticeDone(params.get("sheet") ?? "");
      const over = params.get("over");
      return over ? `${done}${s.noticeOver(over)}` : done;
    }
    default:
      return s.noticeFailed(
        params.get("message") ?? s.unexpected,
        params.get("code") ?? s.unknownCode
      );
  }
}

export function renderNotice(
  root: HTMLElement,
  params: URLSearchParams,
  onClose: () => void
): void {
  const lang = langOf(params.get("lang"));
  const s = stringsFor(lang);
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  root.style.cssText =
    "font-family:'Segoe UI','Microsoft YaHei',sans-serif;font-size:14px;padding:16px;line-height:1.6";
  const h = document.createElement("h1");
  h.textContent = s.noticeTitle;
  h.style.cssText = "font-size:16px;margin:0 0 8px";
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = noticeText(params);
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = s.close;
  b.style.cssText = "padding:4px 16px;font:inherit";
  b.addEventListener("click", onClose);
  root.replaceChildren(h, p, b);
  b.focus();
}

// Guarded so tests can import the module without Office.
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    const root = document.getElementById("notice");
    if (root)
      renderNotice(root, new URLSearchParams(window.location.search), () =>
        Office.context.ui.messageParent("close")
      );
  });
}
