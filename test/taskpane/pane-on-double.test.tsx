/** @jest-environment jsdom */
// The pane with the real host (src/excel) over the strict Excel double: the whole path the user
// takes inside Excel, without a browser. Settings round-trip through the document.
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createExcelDouble, ExcelDouble } from "../../src/testing/excel-double";
import { Pane } from "../../src/taskpane/mount";
import { officeHost } from "../../src/taskpane/officeHost";
import { sampleBook } from "./fixtures";

const IGNORE = { ignore: "[role=status], script, style" };

let dbl: ExcelDouble;
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => dbl?.uninstallGlobals());

async function open(name: "sample-2024.xlsx" | "sample-2024-mistakes.xlsx", apiVersion?: string) {
  dbl = createExcelDouble(await sampleBook(name), apiVersion ? { apiVersion } : {});
  dbl.installGlobals();
  render(<Pane host={officeHost} lang="zh" />);
}

test("校验 marks the cells, a row selects its cell, 清除标记 removes the marks", async () => {
  await open("sample-2024-mistakes.xlsx");
  expect(((await screen.findByLabelText("花名册")) as HTMLInputElement).checked).toBe(true);
  await userEvent.click(screen.getByRole("button", { name: "校验" }));
  await screen.findByText("错误 7 个，警告 3 个", IGNORE);
  const marks = dbl.snapshot("花名册").marks;
  expect([marks[6][3], marks[11][3], marks[14][6], marks[32][1]]).toEqual([
    "error",
    "error",
    "error",
    "warning",
  ]);

  // The row names the person, for screen readers too.
  await userEvent.click(screen.getByRole("button", { name: /^金杰 · 花名册!G15/ }));
  expect(screen.getByRole("button", { name: /^刘成 · 花名册!D25/ })).toBeTruthy();
  await waitFor(() => expect(dbl.selection).toEqual({ sheet: "花名册", address: "G15" }));

  await userEvent.click(screen.getByRole("button", { name: "清除标记" }));
  await screen.findAllByText("已清除本加载项添加的标记。", IGNORE);
  expect(dbl.snapshot("花名册").marks.flat().filter(Boolean)).toEqual([]);
});

test("生成经费分摊表 writes formulas giving the golden totals; the button opens the sheet", async () => {
  await open("sample-2024.xlsx");
  await screen.findByLabelText("花名册");
  await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
  expect(await screen.findByText("超支 93.34 元", IGNORE)).toBeTruthy();
  const texts = dbl.texts("经费分摊表").flat();
  expect(texts).toEqual(expect.arrayContaining(["132,093.34", "-93.34", "441,280.00"]));
  await userEvent.click(screen.getByRole("button", { name: "查看“经费分摊表”" }));
  await waitFor(() => expect(dbl.activeSheet).toBe("经费分摊表"));
});

test("with errors, 仍然生成 writes the sheet with its warning line", async () => {
  await open("sample-2024-mistakes.xlsx");
  await screen.findByLabelText("花名册");
  await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
  await screen.findByText(/已暂停生成/, IGNORE);
  expect(dbl.sheetNames()).not.toContain("经费分摊表");
  // Blocked, the pane's 生成 marks the error cells as the ribbon's 一键生成 does.
  expect(
    dbl
      .snapshot("花名册")
      .marks.flat()
      .filter((m) => m === "error").length
  ).toBeGreaterThan(0);
  await userEvent.click(screen.getByRole("button", { name: "仍然生成" }));
  await screen.findByText("本次在存在错误的情况下生成，表中已注明。", IGNORE);
  expect(dbl.texts("经费分摊表")[1][0]).toMatch(/校验发现7个错误/);
});

test("a chosen sheet and the settings are saved in the document and come back next time", async () => {
  await open("sample-2024.xlsx");
  await screen.findByLabelText("花名册");
  await userEvent.selectOptions(screen.getByLabelText("预算（可选）"), "");
  const months = screen.getByLabelText("临近退休（月）");
  await userEvent.clear(months);
  await userEvent.type(months, "36");
  await waitFor(() => expect(JSON.stringify(dbl.settings)).toContain("36"));
  const { unmount } = render(<Pane host={officeHost} lang="zh" />);
  const second = screen.getAllByRole("main")[1];
  await waitFor(() =>
    expect((within(second).getByLabelText("临近退休（月）") as HTMLInputElement).value).toBe("36")
  );
  expect(((await within(second).findByLabelText("预算（可选）")) as HTMLSelectElement).value).toBe(
    ""
  );
  unmount();
  // "（无）" really means no budget sheet: the summary does not compare with sources.
  await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
  expect(await screen.findByText("未找到预算表，未与资金来源比较。", IGNORE)).toBeTruthy();
});

test("a too-old Excel: the host's own message, and nothing can be clicked", async () => {
  await open("sample-2024.xlsx", "1.3");
  expect(screen.getByText("当前 Excel 版本过旧，无法使用本加载项。", IGNORE)).toBeTruthy();
  expect(
    (screen.getByRole("button", { name: "生成经费分摊表" }) as HTMLButtonElement).disabled
  ).toBe(true);
});

test("after the workbook changed elsewhere (the ribbon's runtime), the pane re-reads it when it regains focus", async () => {
  await open("sample-2024.xlsx");
  await screen.findByLabelText("花名册");
  // Every sheet is a choice in the rate sheet's dropdown (and a roster checkbox).
  const rates = screen.getByLabelText("项目费率", { selector: "select" }) as HTMLSelectElement;
  const options = () => [...rates.options].map((o) => o.value);
  const ribbon = dbl.runtime("ribbon");
  const { generateFromRibbon } = await import("../../src/commands/commands");
  dbl.uninstallGlobals();
  ribbon.installGlobals();
  expect((await generateFromRibbon()).kind).toBe("done");
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.add("2025名单");
    await ctx.sync();
  });
  ribbon.uninstallGlobals();
  dbl.installGlobals();
  expect(options()).not.toContain("2025名单");
  window.dispatchEvent(new Event("focus"));
  await waitFor(() => expect(options()).toContain("2025名单"));
});
