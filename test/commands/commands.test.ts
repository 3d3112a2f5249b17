/** @jest-environment jsdom */
// The ribbon's 一键生成 on the strict Excel double: generates without the pane, or marks the
// errors and says so in a dialog; event.completed() is always called (invokeAction resolves on it).
import { createExcelDouble, ExcelDouble } from "../../src/testing/excel-double";
import { sampleBook } from "../taskpane/fixtures";

interface DialogCall {
  url: string;
  closed: jest.Mock;
}

function withDialogs(dbl: ExcelDouble, userCloses = true): DialogCall[] {
  const calls: DialogCall[] = [];
  dbl.Office.EventType = {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  };
  dbl.Office.context.ui = {
    displayDialogAsync: (url: string, _opts: unknown, cb: (r: unknown) => void) => {
      const handlers: Record<string, (a: unknown) => void> = {};
      const call = { url, closed: jest.fn() };
      calls.push(call);
      cb({
        status: "succeeded",
        value: {
          addEventHandler: (t: string, h: (a: unknown) => void) => (handlers[t] = h),
          close: call.closed,
        },
      });
      // The user reads it and clicks 关闭 (the page sends a message), or closes it with the X.
      setTimeout(
        () =>
          userCloses
            ? handlers.dialogMessageReceived?.({ message: "close" })
            : handlers.dialogEventReceived?.({ error: 12006 }),
        0
      );
    },
  };
  return calls;
}

async function double(
  name: "sample-2024.xlsx" | "sample-2024-mistakes.xlsx",
  apiVersion?: string
): Promise<ExcelDouble> {
  const dbl = createExcelDouble(await sampleBook(name), apiVersion ? { apiVersion } : {});
  dbl.installGlobals();
  jest.isolateModules(() => {
    require("../../src/commands/commands");
  });
  return dbl;
}

let dbl: ExcelDouble | undefined;
beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => {
  dbl?.uninstallGlobals();
  jest.restoreAllMocks();
});

test("on a clean workbook it generates the sheets, activates 经费分摊表, and says the budget overrun (超支 93.34 元)", async () => {
  dbl = await double("sample-2024.xlsx");
  const dialogs = withDialogs(dbl);
  await dbl.invokeAction("generateAllocation");
  expect(dbl.sheetNames()).toEqual(expect.arrayContaining(["经费分摊表", "校验结果"]));
  expect(dbl.activeSheet).toBe("经费分摊表");
  // The sample is over budget: the one dialog of a successful run says by how much.
  expect(dialogs).toHaveLength(1);
  const url = new URL(dialogs[0].url);
  expect(url.searchParams.get("kind")).toBe("done");
  expect(url.searchParams.get("over")).toBe("93.34");
  expect(dialogs[0].closed).toHaveBeenCalled();
});

test("errors block it: nothing generated, the cells marked, a dialog says so and closes", async () => {
  dbl = await double("sample-2024-mistakes.xlsx");
  const dialogs = withDialogs(dbl);
  await dbl.invokeAction("generateAllocation");
  expect(dbl.sheetNames()).not.toContain("经费分摊表");
  const marks = dbl.snapshot("花名册").marks;
  expect([marks[6][3], marks[11][3], marks[14][6]]).toEqual(["error", "error", "error"]);
  expect(dialogs).toHaveLength(1);
  const url = new URL(dialogs[0].url);
  expect(url.pathname).toMatch(/notice\.html$/);
  expect(Object.fromEntries(url.searchParams)).toMatchObject({
    kind: "blocked",
    errors: "7",
  });
  expect(dialogs[0].closed).toHaveBeenCalledTimes(1);
});

test("completes when the user closes the dialog with its X", async () => {
  dbl = await double("sample-2024-mistakes.xlsx");
  withDialogs(dbl, false);
  await expect(dbl.invokeAction("generateAllocation")).resolves.toBeUndefined();
});

test("a too-old Excel is told, with a code, and nothing is touched", async () => {
  dbl = await double("sample-2024.xlsx", "1.1");
  const dialogs = withDialogs(dbl);
  await dbl.invokeAction("generateAllocation");
  expect(dbl.sheetNames()).not.toContain("经费分摊表");
  const params = new URL(dialogs[0].url).searchParams;
  expect(params.get("kind")).toBe("failed");
  expect(params.get("code")).toBe("RequirementSet");
  expect(params.get("message")).toMatch(/[\u4e00-\u9fff]/);
});
