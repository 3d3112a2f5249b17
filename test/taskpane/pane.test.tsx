/** @jest-environment jsdom */
// The task pane in each of its states, against a fake host; jest-axe checks every state.
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { analyse, Analysis } from "../../src/core/engine";
import type { WorkbookData } from "../../src/core/types";
import { Pane } from "../../src/taskpane/mount";
import type { PaneHost } from "../../src/taskpane/host";
import type { GenerateResult } from "../../src/app/actions";
import type { Progress } from "../../src/app/port";
import type { StoredSettings } from "../../src/app/settings";
import { blockedBy, fakeHost, generated, sampleAnalyses } from "./fixtures";

let clean: Analysis;
let mistakes: Analysis;
let book: WorkbookData;

beforeAll(async () => {
  // jsdom has no layout: Fluent's MessageBar observes its own size for reflow.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  ({ clean, mistakes, book } = await sampleAnalyses());
});

beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

async function noAxeViolations(container: HTMLElement) {
  const results = await axe(container);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
  ).toEqual([]);
}

async function renderPane(host: PaneHost, lang: "zh" | "en" = "zh") {
  const view = render(<Pane host={host} lang={lang} />);
  // Wait for sheet detection to finish (the dropdowns replace the spinner).
  if (!host.requirementProblem())
    await screen.findByLabelText(
      lang === "zh" ? "花名册（可多选）" : "Roster sheets (one or more)"
    );
  return view;
}

// The live region repeats status texts for screen readers; queries look at the visible copy.
const IGNORE = { ignore: "[role=status], script, style" };

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("an empty workbook", () => {
  test("says the roster and rate sheets are missing and still lets the user choose them", async () => {
    const host = fakeHost({ sheets: [{ name: "Sheet1", values: [] }] });
    const { container } = await renderPane(host);
    expect(screen.getByText(/未在工作簿中找到花名册和项目费率表/, IGNORE)).toBeTruthy();
    const roster = screen.getByRole("group", { name: "花名册（可多选）" });
    expect((within(roster).getByLabelText("Sheet1") as HTMLInputElement).checked).toBe(false);
    expect(within(roster).getByText("未选择")).toBeTruthy();
    await noAxeViolations(container);
  });
});

describe("sheet mapping", () => {
  test("shows the detected roles and remembers a change in the document settings", async () => {
    const host = fakeHost(book);
    const { container } = await renderPane(host);
    const roster = screen.getByRole("group", { name: "花名册（可多选）" });
    expect((within(roster).getByLabelText("花名册") as HTMLInputElement).checked).toBe(true);
    expect((within(roster).getByLabelText("项目费率") as HTMLInputElement).checked).toBe(false);
    expect(
      (screen.getByLabelText("项目费率", { selector: "select" }) as HTMLSelectElement).value
    ).toBe("项目费率");
    expect((screen.getByLabelText("预算（可选）") as HTMLSelectElement).value).toBe("预算");
    expect((screen.getByLabelText("历史记录（可选）") as HTMLSelectElement).value).toBe("");
    expect(
      within(screen.getByRole("region", { name: "工作表" })).getAllByText("自动识别").length
    ).toBe(3);
    await noAxeViolations(container);

    await userEvent.selectOptions(screen.getByLabelText("预算（可选）"), "");
    expect(host.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ mapping: { roster: ["花名册"], rates: "项目费率", budget: "" } })
    );

    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    // Without the budget sheet there is no BUDGET_EXCEEDED either.
    await screen.findAllByText("未发现问题。", IGNORE);
    // "（无）" is sent as an explicit "" so the engine does not detect a budget sheet anyway.
    expect(host.validate.mock.calls[0][0].sheets).toEqual({
      roster: ["花名册"],
      rates: "项目费率",
      budget: "",
    });
  });

  test("a roster over several sheets: each is ticked, by keyboard too, and saved as a list", async () => {
    const split: WorkbookData = {
      sheets: [
        { ...book.sheets[0], name: "市外" },
        { ...book.sheets[0], name: "市内" },
        ...book.sheets.slice(1),
      ],
    };
    const host = fakeHost(split, {
      // Saved by an earlier version: the roster as one name.
      loadSettings: () => ({ mapping: { roster: "市外" } }) as unknown as StoredSettings,
    });
    const { container } = await renderPane(host);
    const roster = screen.getByRole("group", { name: "花名册（可多选）" });
    const box = (n: string) => within(roster).getByLabelText(n) as HTMLInputElement;
    expect([box("市外").checked, box("市内").checked]).toEqual([true, false]);
    expect(within(roster).getByText("手动选择")).toBeTruthy();
    await noAxeViolations(container);
    box("市内").focus();
    await userEvent.keyboard(" ");
    expect(box("市内").checked).toBe(true);
    expect(host.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ mapping: expect.objectContaining({ roster: ["市外", "市内"] }) })
    );
    await userEvent.click(box("市外"));
    expect(host.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ mapping: expect.objectContaining({ roster: ["市内"] }) })
    );
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    await waitFor(() => expect(host.validate).toHaveBeenCalled());
    expect(host.validate.mock.calls[0][0].sheets.roster).toEqual(["市内"]);
  });

  test("a remembered choice wins over detection while its sheet exists", async () => {
    const host = fakeHost(book, {
      loadSettings: () => ({
        mapping: { budget: "花名册", rates: "已删除的表" },
        nearRetirementMonths: 36,
        year: 2024,
      }),
    });
    await renderPane(host);
    expect((screen.getByLabelText("预算（可选）") as HTMLSelectElement).value).toBe("花名册");
    expect(
      (screen.getByLabelText("项目费率", { selector: "select" }) as HTMLSelectElement).value
    ).toBe("项目费率");
    expect(
      within(screen.getByRole("region", { name: "工作表" })).getAllByText("手动选择").length
    ).toBe(1);
    expect((screen.getByLabelText("临近退休（月）") as HTMLInputElement).value).toBe("36");
    expect((screen.getByLabelText("活动年度") as HTMLInputElement).value).toBe("2024");
  });

  test("settings go into the options and the document: own union, months, year", async () => {
    const host = fakeHost(book);
    await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText(/错误 0 个/, IGNORE);
    // The own union detected from the rate sheet becomes the default's label.
    const own = screen.getByLabelText("本级工会") as HTMLSelectElement;
    expect(within(own).getByRole("option", { name: "自动（高新区总工会）" })).toBeTruthy();
    await userEvent.selectOptions(own, "市总工会");
    const months = screen.getByLabelText("临近退休（月）");
    await userEvent.clear(months);
    await userEvent.type(months, "12");
    await userEvent.type(screen.getByLabelText("活动年度"), "2024");
    expect(host.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ ownUnion: "市总工会", nearRetirementMonths: 12, year: 2024 })
    );
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    await waitFor(() => expect(host.validate).toHaveBeenCalledTimes(2));
    expect(host.validate.mock.calls[1][0]).toMatchObject({
      ownUnion: "市总工会",
      nearRetirementMonths: 12,
      year: 2024,
    });
  });

  test("the document pack: a checkbox per list, saved, and passed to 生成经费分摊表", async () => {
    const host = fakeHost(book, { loadSettings: () => ({ documents: ["notice"] }) });
    const { container } = await renderPane(host);
    const notice = screen.getByRole("checkbox", { name: "公示名单（隐藏部分身份证号、电话）" });
    expect((notice as HTMLInputElement).checked).toBe(true);
    const insurance = screen.getByRole("checkbox", { name: "意外险投保名单" });
    expect((insurance as HTMLInputElement).checked).toBe(false);
    await noAxeViolations(container);
    // Keyboard: Space ticks the focused checkbox.
    insurance.focus();
    await userEvent.keyboard(" ");
    expect(host.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ documents: ["insurance", "notice"] })
    );
    await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
    await waitFor(() => expect(host.generate).toHaveBeenCalled());
    expect(host.generate.mock.calls[0][1]).toEqual({
      force: false,
      markWhenBlocked: true,
      documents: ["insurance", "notice"],
    });
  });

  test("the fields take the CLI's bounds: 0 months is valid, 121 months and year 5 are not", async () => {
    const host = fakeHost(book);
    await renderPane(host);
    await screen.findByLabelText("临近退休（月）");
    const months = screen.getByLabelText("临近退休（月）");
    await userEvent.clear(months);
    await userEvent.type(months, "0");
    expect(host.saveSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ nearRetirementMonths: 0 })
    );
    expect(screen.queryByText("请输入 0 到 120 之间的整数。", IGNORE)).toBeNull();
    await userEvent.clear(months);
    await userEvent.type(months, "121");
    expect(await screen.findByText("请输入 0 到 120 之间的整数。", IGNORE)).toBeTruthy();
    await userEvent.type(screen.getByLabelText("活动年度"), "5");
    expect(await screen.findByText("请输入 2000 到 2100 之间的整数。", IGNORE)).toBeTruthy();
    // Nothing out of bounds is saved; the action runs with the defaults for those fields.
    expect(host.saveSettings).not.toHaveBeenLastCalledWith(
      expect.objectContaining({ nearRetirementMonths: 121 })
    );
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    await waitFor(() => expect(host.validate).toHaveBeenCalled());
    const o = host.validate.mock.calls[0][0];
    expect(o.nearRetirementMonths).toBeUndefined();
    expect(o.year).toBeUndefined();
  });
});

describe("校验", () => {
  test("shows counts by severity and the issues grouped by code; a row selects its cell", async () => {
    const host = fakeHost(book, { validate: async () => mistakes });
    const { container } = await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("错误 7 个，警告 3 个", IGNORE)).toBeTruthy();
    const dup = screen.getByRole("region", { name: /重复报名（2）/ });
    const rows = within(dup).getAllByRole("button");
    expect(rows.map((b) => b.textContent)).toEqual([
      // Each row names the person and the cell (the person first, for screen readers too).
      expect.stringMatching(/^何睿晨 · 花名册!D7/),
      expect.stringMatching(/^汤红思 · 花名册!D12/),
    ]);
    expect(screen.getByRole("region", { name: /不符合参加对象（1）/ })).toBeTruthy();
    expect(screen.getByRole("region", { name: /超出预算（1）/ })).toBeTruthy();
    await noAxeViolations(container);

    await userEvent.click(rows[1]);
    expect(host.goToCell).toHaveBeenCalledWith("花名册", "D12");
    await userEvent.click(
      within(screen.getByRole("region", { name: /不符合参加对象/ })).getByRole("button")
    );
    expect(host.goToCell).toHaveBeenLastCalledWith("花名册", "G15");
  });

  test("a code with many rows shows the first 50 until the user asks for all", async () => {
    const many = Array.from({ length: 120 }, (_, n) => ({
      ...mistakes.issues.find((i) => i.code === "DUPLICATE_ID")!,
      row: n + 3,
      col: 4,
    }));
    const host = fakeHost(book, {
      validate: async () => ({ ...mistakes, issues: many, errorCount: 120, warningCount: 0 }),
    });
    await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    const group = await screen.findByRole("region", { name: /重复报名（120）/ });
    expect(within(group).getAllByRole("button", { name: /^\S+ · 花名册!D/ })).toHaveLength(50);
    await userEvent.click(within(group).getByRole("button", { name: "显示全部 120 条" }));
    expect(within(group).getAllByRole("button", { name: /^\S+ · 花名册!D/ })).toHaveLength(120);
    expect(within(group).queryByRole("button", { name: "显示全部 120 条" })).toBeNull();
  });

  test("errors are listed before warnings", async () => {
    const host = fakeHost(book, { validate: async () => mistakes });
    await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText("错误 7 个，警告 3 个", IGNORE);
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent ?? "");
    const lastError = headings.map((h) => h.startsWith("错误")).lastIndexOf(true);
    const firstWarning = headings.findIndex((h) => h.startsWith("警告"));
    expect(lastError).toBeLessThan(firstWarning);
  });

  test("清除标记 removes the marks and says so", async () => {
    const host = fakeHost(book);
    await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(host.clearMarks).toHaveBeenCalledTimes(1);
    expect(await screen.findAllByText("已清除本加载项添加的标记。", IGNORE)).not.toHaveLength(0);
  });

  test("keyboard only: Tab reaches the actions and Enter runs 校验", async () => {
    const host = fakeHost(book, { validate: async () => mistakes });
    await renderPane(host);
    const user = userEvent.setup();
    const validate = screen.getByRole("button", { name: "校验" });
    for (let i = 0; i < 20 && document.activeElement !== validate; i++) await user.tab();
    expect(document.activeElement).toBe(validate);
    await user.keyboard("{Enter}");
    await screen.findByText("错误 7 个，警告 3 个", IGNORE);
    const row = within(screen.getByRole("region", { name: /不符合参加对象/ })).getByRole("button");
    for (let i = 0; i < 40 && document.activeElement !== row; i++) await user.tab();
    expect(document.activeElement).toBe(row);
    await user.keyboard("{Enter}");
    expect(host.goToCell).toHaveBeenLastCalledWith("花名册", "G15");
  });
});

describe("生成经费分摊表", () => {
  test("shows progress, then headcount, each payer's cost and the exact gap; opens the sheet", async () => {
    const pending = deferred<GenerateResult>();
    let report: Progress | undefined;
    const host = fakeHost(book, {
      generate: (_o, _r, progress) => {
        report = progress;
        return pending.promise;
      },
    });
    const { container } = await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
    expect(host.generate).toHaveBeenCalledWith(
      expect.any(Object),
      { force: false, markWhenBlocked: true, documents: [] },
      expect.any(Function)
    );
    report!("write", 2, 4);
    const bar = await screen.findByRole("progressbar");
    await waitFor(() => expect(bar.getAttribute("aria-valuenow")).toBe("0.5"));
    expect(screen.getByText("写入经费分摊表", IGNORE)).toBeTruthy();
    expect((screen.getByRole("button", { name: "校验" }) as HTMLButtonElement).disabled).toBe(true);
    await noAxeViolations(container);

    pending.resolve(generated(clean));
    expect(await screen.findByText("超支 93.34 元", IGNORE)).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText(/参加人数：151 人/, IGNORE)).toBeTruthy();
    const table = within(screen.getByRole("region", { name: "生成结果" })).getByRole("table");
    const row = (payer: string) =>
      within(table).getByRole("row", { name: new RegExp(payer) }).textContent;
    expect(row("省总工会")).toContain("279,093.33");
    expect(row("市总工会")).toContain("41,093.33");
    expect(row("高新区总工会")).toContain("132,093.34");
    expect(screen.getByText("132,093.34 元", IGNORE)).toBeTruthy();
    expect(screen.getByText("132,000.00 元", IGNORE)).toBeTruthy();
    await noAxeViolations(container);

    await userEvent.click(screen.getByRole("button", { name: "查看“经费分摊表”" }));
    expect(host.goToSheet).toHaveBeenCalledWith("经费分摊表");
  });

  test("a user sheet of the same name is left alone and the summary names the sheet used", async () => {
    const host = fakeHost(book, { generate: async () => generated(clean, "经费分摊表(2)") });
    await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
    expect(await screen.findByText(/结果写入“经费分摊表\(2\)”/, IGNORE)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "查看“经费分摊表(2)”" }));
    expect(host.goToSheet).toHaveBeenCalledWith("经费分摊表(2)");
  });

  test("errors block it until the user chooses 仍然生成", async () => {
    const host = fakeHost(book, {
      generate: async (_o, request) =>
        request.force ? generated(mistakes) : blockedBy(mistakes, "errors"),
    });
    const { container } = await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
    expect(await screen.findByText(/发现 7 个错误，已暂停生成/, IGNORE)).toBeTruthy();
    expect(screen.getByRole("region", { name: /重复报名（2）/ })).toBeTruthy();
    expect(screen.queryByText(/超支/, IGNORE)).toBeNull();
    await noAxeViolations(container);

    await userEvent.click(screen.getByRole("button", { name: "仍然生成" }));
    expect(host.generate).toHaveBeenLastCalledWith(
      expect.any(Object),
      { force: true, markWhenBlocked: true, documents: [] },
      expect.any(Function)
    );
    expect(
      await screen.findByText("本次在存在错误的情况下生成，表中已注明。", IGNORE)
    ).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "生成结果" }));
    // The errors it was generated with stay listed, still clickable.
    expect(screen.getByRole("region", { name: /重复报名（2）/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "仍然生成" })).toBeNull();
  });

  test("without a rate sheet there is nothing to force", async () => {
    const blockedNoRates = { ...mistakes, allocation: null };
    const host = fakeHost(book, {
      generate: async () => blockedBy(blockedNoRates, "noRates"),
    });
    await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
    expect(
      await screen.findAllByText("无法生成：未找到可用的项目费率表。", IGNORE)
    ).not.toHaveLength(0);
    expect(screen.queryByRole("button", { name: "仍然生成" })).toBeNull();
  });
});

describe("名额与候补 and the rules", () => {
  /** The sample with W2's 名额 cut to 2: three applicants for two places. */
  function oversubscribed(): WorkbookData {
    const b: WorkbookData = JSON.parse(JSON.stringify(book));
    const rates = b.sheets.find((x) => x.name === "项目费率")!;
    const w2 = rates.values.findIndex((r) => r[0] === "W2");
    rates.values[w2][rates.values[1].indexOf("名额")] = 2;
    return b;
  }

  test("shows 报名/名额/入选/候补 per programme after 校验, and opens the waitlist after generating", async () => {
    const b = oversubscribed();
    const a = analyse(b, { today: { y: 2024, m: 5, d: 1 } });
    const outcome = generated(a);
    outcome.written.push({ role: "waitlist", name: "名额与候补", renamed: false });
    const host = fakeHost(b, { generate: async () => outcome });
    const { container } = await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    const region = await screen.findByRole("region", { name: "名额与候补" });
    const cells = (name: RegExp) =>
      within(within(region).getByRole("row", { name }))
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(cells(/优秀技术技能人才疗休养/)).toEqual(["3", "2", "2", "1"]);
    expect(cells(/一线职工疗休养/)).toEqual(["50", "50", "50", "0"]);
    expect(within(region).getByText(/生成经费分摊表时将同时生成/)).toBeTruthy();
    await noAxeViolations(container);

    await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
    const open = await screen.findByRole("button", { name: "查看“名额与候补”" });
    await userEvent.click(open);
    expect(host.goToSheet).toHaveBeenCalledWith("名额与候补");
    await noAxeViolations(container);
  });

  test("a rule typed in the pane is saved, sent with the action, and shown as in force (设置)", async () => {
    const host = fakeHost(book);
    await renderPane(host);
    expect(screen.getAllByText("校验或生成后显示当前生效的值。").length).toBe(5);
    await userEvent.type(screen.getByLabelText("每人每年参加次数"), "2");
    await waitFor(() =>
      expect(host.saveSettings).toHaveBeenLastCalledWith(expect.objectContaining({ perYear: 2 }))
    );
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    await waitFor(() =>
      expect(host.validate).toHaveBeenLastCalledWith(
        expect.objectContaining({ perYear: 2 }),
        expect.anything()
      )
    );
    expect(await screen.findByText("当前生效：2（设置）")).toBeTruthy();
    expect(screen.getByText("当前生效：0（默认）")).toBeTruthy();
    // 临近退休 left blank, like every rule field: not a setting, so a 规则 sheet's value would
    // win; here the default is in force.
    expect((screen.getByLabelText("临近退休（月）") as HTMLInputElement).value).toBe("");
    expect(host.validate.mock.calls[0][0].nearRetirementMonths).toBeUndefined();
    expect(screen.getByText("当前生效：24（默认）")).toBeTruthy();
    expect(screen.getAllByText("当前生效：不限（默认）")).toHaveLength(2);
    await userEvent.clear(screen.getByLabelText("追溯年数"));
    await userEvent.type(screen.getByLabelText("追溯年数"), "99");
    expect(screen.getByText("请输入 0 到 20 之间的整数。")).toBeTruthy();
  });
});

describe("临近退休 and the 规则 sheet", () => {
  test("blank, the 规则 sheet's months are in force; typed, the setting wins and the pane says so", async () => {
    const withRules: WorkbookData = {
      sheets: [
        ...book.sheets,
        {
          name: "规则",
          values: [
            ["规则", "值"],
            ["临近退休月数", "12个月"],
          ],
        },
      ],
    };
    const host = fakeHost(withRules);
    await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("当前生效：12（规则表）")).toBeTruthy();
    expect(host.validate.mock.calls[0][0].nearRetirementMonths).toBeUndefined();
    await userEvent.type(screen.getByLabelText("临近退休（月）"), "36");
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("当前生效：36（设置），“规则”表为 12")).toBeTruthy();
    expect(host.validate.mock.calls[1][0].nearRetirementMonths).toBe(36);
  });
});

describe("failures", () => {
  test("Excel too old: a clear message, and every action disabled", async () => {
    const host = fakeHost(book, {
      requirementProblem: () => "需要 Excel API 1.12 或更高版本（ExcelApi 1.12）。",
    });
    const { container } = await renderPane(host);
    expect(screen.getByText("当前 Excel 版本过旧，无法使用本加载项。", IGNORE)).toBeTruthy();
    expect(screen.getByText(/需要 Excel API 1.12/, IGNORE)).toBeTruthy();
    for (const name of ["校验", "清除标记", "生成经费分摊表"]) {
      expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(host.detectWorkbookSheets).not.toHaveBeenCalled();
    await noAxeViolations(container);
  });

  test("a host error shows its Chinese message and Office's error code", async () => {
    const err = Object.assign(new Error("找不到工作表“花名册”。"), {
      name: "ExcelHostError",
      code: "ItemNotFound",
    });
    const host = fakeHost(book, { validate: async () => Promise.reject(err) });
    const { container } = await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    expect(await screen.findByText("校验失败", IGNORE)).toBeTruthy();
    expect(screen.getByText(/找不到工作表“花名册”。/, IGNORE)).toBeTruthy();
    expect(screen.getByText(/错误代码：ItemNotFound/, IGNORE)).toBeTruthy();
    expect((screen.getByRole("button", { name: "校验" }) as HTMLButtonElement).disabled).toBe(
      false
    );
    await noAxeViolations(container);
  });

  test("an unexpected English error is not shown as such: a Chinese message and its code", async () => {
    const err = Object.assign(new Error("The request payload size has exceeded the limit."), {
      code: "RequestPayloadSizeLimitExceeded",
    });
    const host = fakeHost(book, { generate: async () => Promise.reject(err) });
    await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
    expect(await screen.findByText(/发生意外错误/, IGNORE)).toBeTruthy();
    expect(screen.getByText(/错误代码：RequestPayloadSizeLimitExceeded/, IGNORE)).toBeTruthy();
    expect(screen.queryByText(/payload/, IGNORE)).toBeNull();
  });

  test("a failure while detecting sheets or selecting a cell is reported too", async () => {
    const host = fakeHost(book, {
      detectWorkbookSheets: async () =>
        Promise.reject(Object.assign(new Error("x"), { code: "GeneralException" })),
      goToCell: async () =>
        Promise.reject(
          Object.assign(new Error("无法选择单元格。"), {
            name: "ExcelHostError",
            code: "InvalidArgument",
          })
        ),
      validate: async () => mistakes,
    });
    render(<Pane host={host} lang="zh" />);
    expect(await screen.findByText("识别工作表失败", IGNORE)).toBeTruthy();
    expect(screen.getByText(/错误代码：GeneralException/, IGNORE)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "校验" }));
    await screen.findByText("错误 7 个，警告 3 个", IGNORE);
    await userEvent.click(
      within(screen.getByRole("region", { name: /不符合参加对象/ })).getByRole("button")
    );
    expect(await screen.findByText("定位单元格失败", IGNORE)).toBeTruthy();
    expect(screen.getByText(/错误代码：InvalidArgument/, IGNORE)).toBeTruthy();
  });
});

describe("language", () => {
  test("English when Office's display language is English", async () => {
    const host = fakeHost(book);
    const { container } = await renderPane(host, "en");
    for (const name of ["Check", "Clear marks", "Generate allocation sheet"])
      expect(screen.getByRole("button", { name })).toBeTruthy();
    expect(container.querySelector("main")!.getAttribute("lang")).toBe("en");
  });

  test("no English is left in the Chinese pane's own text", async () => {
    const host = fakeHost(book, { generate: async () => generated(clean) });
    const { container } = await renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "生成经费分摊表" }));
    await screen.findByText("超支 93.34 元", IGNORE);
    // Everything visible, including option texts and accessible labels.
    expect(container.textContent).not.toMatch(/[A-Za-z]/);
  });
});
