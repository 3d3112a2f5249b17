/** @jest-environment jsdom */
// The pane outside Office: never a blank page. office.js missing or blocked, Office.onReady never
// firing, a host other than Excel, or Excel without ExcelApi 1.9 each show a Chinese message with
// what to do; inside a supported Excel the pane starts.
import { boot, READY_TIMEOUT_MS } from "../../src/taskpane/boot";

function container(): HTMLElement {
  document.body.innerHTML = '<div id="container"></div>';
  return document.getElementById("container")!;
}

function office(opts: { fire?: boolean; host?: string; api?: boolean; lang?: string }) {
  return {
    context: {
      displayLanguage: opts.lang ?? "zh-CN",
      requirements: { isSetSupported: () => opts.api ?? true },
    },
    onReady: (cb: (info: unknown) => void) => {
      if (opts.fire !== false) setTimeout(() => cb({ host: opts.host ?? "Excel" }), 0);
      return new Promise(() => undefined);
    },
  } as unknown as typeof Office;
}

const alertText = (c: HTMLElement) => c.querySelector('[role="alert"]')?.textContent ?? "";

describe("the pane's boot", () => {
  it("office.js did not load (a browser, a blocked CDN): says so at once and names the alternatives", async () => {
    const c = container();
    const start = jest.fn();
    expect(await boot(c, undefined, start)).toBe("noOffice");
    expect(start).not.toHaveBeenCalled();
    expect(alertText(c)).toMatch(/未能加载 Excel 加载项组件/);
    expect(alertText(c)).toMatch(/离线网页版或命令行/);
  });

  it("Office.onReady never fires: after 15 s a message, not a blank page", async () => {
    jest.useFakeTimers();
    try {
      const c = container();
      const start = jest.fn();
      const r = boot(c, office({ fire: false }), start);
      jest.advanceTimersByTime(READY_TIMEOUT_MS - 1);
      expect(alertText(c)).toBe("");
      jest.advanceTimersByTime(2);
      expect(await r).toBe("notReady");
      expect(alertText(c)).toMatch(/15 秒/);
      expect(start).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it("an Excel without ExcelApi 1.9: asks to update Office", async () => {
    const c = container();
    const start = jest.fn();
    expect(await boot(c, office({ api: false }), start)).toBe("tooOld");
    expect(alertText(c)).toMatch(/Excel 2021/);
    expect(alertText(c)).toMatch(/更新 Excel/);
    expect(start).not.toHaveBeenCalled();
  });

  it("another Office application: says it works in Excel only (in English for an English Office)", async () => {
    const c = container();
    expect(await boot(c, office({ host: "Word", lang: "en-US" }), jest.fn())).toBe("notExcel");
    expect(alertText(c)).toMatch(/Excel only/);
  });

  it("a supported Excel: the pane starts, in Office's language, and no message is shown", async () => {
    const c = container();
    const start = jest.fn();
    expect(await boot(c, office({}), start)).toBe("started");
    expect(start).toHaveBeenCalledWith("zh");
    expect(alertText(c)).toBe("");
  });
});
