/** @jest-environment jsdom */
// The ribbon command's dialog page: one sentence and a 关闭 button that tells the command to close it.
import { axe } from "jest-axe";
import { noticeText, renderNotice } from "../../src/commands/notice";

const params = (o: Record<string, string>) => new URLSearchParams(o);

test("blocked by errors: says how many and what to do, in Chinese", () => {
  expect(noticeText(params({ kind: "blocked", errors: "7", lang: "zh-CN" }))).toBe(
    "发现 7 个错误，未生成经费分摊表。已在表中标出问题单元格，请打开任务窗格查看详情并修正，或在任务窗格中选择“仍然生成”。"
  );
});

test("a failure carries Office's error code", () => {
  expect(
    noticeText(
      params({
        kind: "failed",
        message: "找不到工作表。",
        code: "ItemNotFound",
      })
    )
  ).toBe("生成失败：找不到工作表。（错误代码：ItemNotFound）");
});

test("a successful run over budget says by how much (超支 93.34 元)", () => {
  expect(noticeText(params({ kind: "done", sheet: "经费分摊表", over: "93.34" }))).toBe(
    "已生成“经费分摊表”。注意：本级工会承担合计超出资金来源，超支 93.34 元。"
  );
});

test("English when Office is in English", () => {
  expect(noticeText(params({ kind: "done", sheet: "经费分摊表", lang: "en-US" }))).toBe(
    "Generated “经费分摊表”."
  );
});

test("the dialog is accessible and its 关闭 button (focused) closes it", async () => {
  const root = document.createElement("main");
  document.body.appendChild(root);
  const onClose = jest.fn();
  renderNotice(root, params({ kind: "blocked", errors: "2" }), onClose);
  const button = root.querySelector("button")!;
  expect(button.textContent).toBe("关闭");
  expect(document.activeElement).toBe(button);
  button.click();
  expect(onClose).toHaveBeenCalledTimes(1);
  expect(root.querySelector("[role=alert]")!.textContent).toMatch(/^发现 2 个错误/);
  expect((await axe(document.body)).violations).toEqual([]);
});
