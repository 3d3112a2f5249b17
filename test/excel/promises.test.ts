// The host's promises in real Excel, on the double that follows Microsoft's documentation
// (src/testing/excel-double/README.md): 清除标记 removes exactly our marks whatever the user did to
// the rules since (ids are priority positions), from either runtime and after a reopen; a failure
// at any operation of 生成 never leaves a second 经费分摊表 nor touches a user sheet; a protected
// sheet or workbook is refused before anything is written; a batch waits while a cell is edited.
import * as host from "../../src/excel";
import { generateFromRibbon } from "../../src/commands/commands";
import type { ExcelDouble } from "../../src/testing/excel-double";
import { MARK_SENTINEL } from "../../src/excel/marks";
import { MISTAKES, OPTIONS, openSample, sheetState, uninstall, USER_SHEETS } from "./helpers";

afterEach(() => uninstall());

interface RuleView {
  type: string;
  formula: string | null;
  fill: string | null;
  font: string | null;
  areas: unknown;
  rule?: unknown;
}

/** The roster's rules in priority order, as the user sees them. */
function rules(d: ExcelDouble, sheet = "花名册"): RuleView[] {
  const st = d.formatState(sheet) as {
    conditionalFormats: {
      type: string;
      formula: string | null;
      fill: string | null;
      fontColor: string | null;
      areas: unknown;
      priority: number;
      cellValueRule?: unknown;
    }[];
  };
  return [...st.conditionalFormats]
    .sort((a, b) => a.priority - b.priority)
    .map((c) => ({
      type: c.type,
      formula: c.formula,
      fill: c.fill,
      font: c.fontColor,
      areas: c.areas,
      rule: c.cellValueRule,
    }));
}
const theirs = (d: ExcelDouble, sheet?: string) =>
  rules(d, sheet).filter((r) => !(r.formula ?? "").includes(MARK_SENTINEL));
const ours = (d: ExcelDouble, sheet?: string) =>
  rules(d, sheet).filter((r) => (r.formula ?? "").includes(MARK_SENTINEL));

/** The user, after 校验: a custom rule and a built-in rule on the roster (new rules go on top),
 *  then through the 条件格式 menu either one of our rules moved to the bottom and the built-in
 *  rule moved between ours ("move"), or one of ours deleted ("delete"). */
async function userEditsRules(mode: "move" | "delete"): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("花名册");
    const mine = ws.getRange("B3:B20").conditionalFormats.add(Excel.ConditionalFormatType.custom);
    mine.custom.rule.formula = "=LEN(B3)>3";
    mine.custom.format.fill.color = "#00B050";
    const builtIn = ws
      .getRange("A3:A20")
      .conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
    builtIn.cellValue.rule = { formula1: "100", operator: "GreaterThan" };
    builtIn.cellValue.format.fill.color = "#0070C0";
    await ctx.sync();
    // Now: built-in (0), custom (1), ours (2), ours (3).
    const all = ws.getRange().conditionalFormats;
    if (mode === "move") {
      all.getItemAt(2).priority = 3; // built-in, custom, ours B, ours A
      await ctx.sync();
      all.getItemAt(0).priority = 2; // custom, ours B, built-in, ours A
    } else {
      all.getItemAt(2).delete();
    }
    await ctx.sync();
  });
}

describe("清除标记 removes exactly our marks, recognised by content", () => {
  it("after the user added a custom and a built-in rule and moved and deleted ours", async () => {
    const d = await openSample(MISTAKES);
    await host.validate(OPTIONS);
    expect(ours(d).length).toBe(2); // errors and warnings
    await userEditsRules("move");
    const before = theirs(d);
    expect(rules(d).map((r) => (r.formula ?? "").includes(MARK_SENTINEL))).toEqual([
      false,
      true,
      false,
      true,
    ]);
    await host.clearMarks();
    expect(ours(d)).toEqual([]);
    expect(theirs(d)).toEqual(before);
    expect(
      d
        .snapshot("花名册")
        .marks.flat()
        .filter((m) => m === "error" || m === "warning")
    ).toEqual([]);
  });

  it("with 校验 in the pane and 一键生成 in the ribbon interleaved, and after a reopen", async () => {
    const d = await openSample(MISTAKES);
    const ribbon = d.runtime("ribbon");
    // Pane: 校验 marks.
    await host.validate(OPTIONS);
    await userEditsRules("delete");
    const before = theirs(d);
    expect(before.map((r) => r.type)).toEqual(["CellValue", "Custom"]);
    // Ribbon: 一键生成 is blocked by the errors and marks them (replacing the pane's marks).
    d.uninstallGlobals();
    ribbon.installGlobals();
    const notice = await generateFromRibbon();
    expect(notice.kind).toBe("blocked");
    expect(ours(d).length).toBeGreaterThan(0);
    ribbon.uninstallGlobals();
    d.installGlobals();
    // Pane: 校验 again, then the ribbon's marks and the pane's are one set.
    await host.validate(OPTIONS);
    const afterTwo = ours(d).length;
    // Reopen: new sheet ids, settings copies reloaded.
    const ids = d.model.sheets.map((s) => s.id);
    d.reopen();
    expect(d.model.sheets.map((s) => s.id)).not.toEqual(ids);
    expect(ours(d).length).toBe(afterTwo);
    // Clearing from the ribbon's runtime (same code path as the pane's 清除标记 button).
    d.uninstallGlobals();
    ribbon.installGlobals();
    await host.clearMarks({ save: false });
    ribbon.uninstallGlobals();
    d.installGlobals();
    expect(ours(d)).toEqual([]);
    expect(theirs(d)).toEqual(before);
    // And the pane's 清除标记 after another ribbon marking.
    d.uninstallGlobals();
    ribbon.installGlobals();
    await generateFromRibbon();
    ribbon.uninstallGlobals();
    d.installGlobals();
    expect(ours(d).length).toBeGreaterThan(0);
    await host.clearMarks();
    expect(ours(d)).toEqual([]);
    expect(theirs(d)).toEqual(before);
  });

  it("the ribbon never overwrites what the pane saved, and reads it (refreshAsync) before running", async () => {
    const d = await openSample();
    const ribbon = d.runtime("ribbon"); // loaded now: its copy has no pane settings yet
    await host.saveSettings({ ownUnion: "测试区总工会", mapping: {} });
    expect(d.savedSettings["lxy.pane"]).toEqual({ ownUnion: "测试区总工会", mapping: {} });
    d.uninstallGlobals();
    ribbon.installGlobals();
    const notice = await generateFromRibbon();
    ribbon.uninstallGlobals();
    d.installGlobals();
    expect(notice.kind).toBe("done");
    expect(ribbon.settings["lxy.pane"]).toEqual({ ownUnion: "测试区总工会", mapping: {} });
    expect(d.savedSettings["lxy.pane"]).toEqual({ ownUnion: "测试区总工会", mapping: {} });
    // The generated sheet used the pane's 本级工会.
    expect(JSON.stringify(d.values("经费分摊表"))).toContain("测试区总工会");
  });
});

describe("生成 with a failure at every operation", () => {
  it("leaves at most one generated 经费分摊表 after each failure, exactly one after the next run, and never touches a user sheet", async () => {
    const d = await openSample();
    const user = () => USER_SHEETS.map((n) => sheetState(d, n));
    const before = user();
    await host.generate(OPTIONS, { force: false });
    // Size the sweep: the operations of one regeneration.
    d.failAt(1e9);
    await host.generate(OPTIONS, { force: false });
    const total = d.opsSeen;
    d.failAt(null);
    expect(total).toBeGreaterThan(20);
    const allocationSheets = () => d.sheetNames().filter((n) => n.startsWith("经费分摊表"));
    let failures = 0;
    for (let k = 1; k <= total; k++) {
      d.failAt(k);
      const r = await host.generate(OPTIONS, { force: false }).catch((e) => e);
      d.failAt(null);
      if (r instanceof host.ExcelHostError) failures++;
      expect([k, allocationSheets().length <= 1]).toEqual([k, true]);
      expect(allocationSheets().every((n) => n === "经费分摊表")).toBe(true);
      expect(user()).toEqual(before);
      // Five generations in a row after this failure: one sheet, never 经费分摊表(2).
      if (k % Math.ceil(total / 5) === 0) {
        for (let i = 0; i < 5; i++) await host.generate(OPTIONS, { force: false });
        expect(allocationSheets()).toEqual(["经费分摊表"]);
      }
    }
    expect(failures).toBe(total);
    await host.generate(OPTIONS, { force: false });
    expect(allocationSheets()).toEqual(["经费分摊表"]);
    expect(d.sheetNames().filter((n) => n.startsWith("校验结果"))).toEqual(["校验结果"]);
    expect(user()).toEqual(before);
  });
});

describe("protection is checked before anything is written", () => {
  const everything = (d: ExcelDouble) => ({
    sheets: d.sheetNames().map((n) => [n, sheetState(d, n)]),
    names: d.names(),
  });

  it("a protected roster: 校验 says so in Chinese, naming the sheet, and changes nothing", async () => {
    const d = await openSample(MISTAKES);
    d.protect("花名册");
    const before = everything(d);
    const e = await host.validate(OPTIONS).catch((x) => x);
    expect(e).toBeInstanceOf(host.ExcelHostError);
    expect(e.message).toMatch(/工作表“花名册”受保护/);
    expect(e.message).toMatch(/未做任何修改/);
    expect(everything(d)).toEqual(before);
    // The ribbon's blocked 一键生成 (which marks) is refused the same way.
    const n = await generateFromRibbon();
    expect(n).toMatchObject({ kind: "failed" });
    expect((n as { message: string }).message).toMatch(/花名册/);
    expect(everything(d)).toEqual(before);
  });

  it("our marks on a sheet the user protected since: 清除标记 refuses, nothing half-done", async () => {
    const d = await openSample(MISTAKES);
    await host.validate(OPTIONS);
    d.protect("花名册");
    const before = everything(d);
    const e = await host.clearMarks().catch((x) => x);
    expect(e.message).toMatch(/工作表“花名册”受保护/);
    expect(everything(d)).toEqual(before);
  });

  it("a structure-protected workbook: 生成 says so and adds or deletes no sheet", async () => {
    const d = await openSample();
    await host.generate(OPTIONS, { force: false });
    d.protectStructure();
    const before = everything(d);
    const e = await host.generate(OPTIONS, { force: false }).catch((x) => x);
    expect(e).toBeInstanceOf(host.ExcelHostError);
    expect(e.message).toMatch(/工作簿结构受保护/);
    expect(everything(d)).toEqual(before);
  });
});

describe("cell-edit mode", () => {
  it("every batch asks Excel to wait (delayForCellEdit), so 校验 completes once the user leaves the cell", async () => {
    const d = await openSample(MISTAKES);
    d.setCellEditing(true);
    let done = false;
    const run = host.validate(OPTIONS).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(d.syncs.filter((s) => s.error)).toEqual([]);
    d.setCellEditing(false);
    await run;
    expect(done).toBe(true);
    expect(ours(d).length).toBeGreaterThan(0);
  });
});

describe("probes are budgeted by bytes", () => {
  it("120 dense sheets (9 MB of samples) are probed over several syncs, each response under 5 MB", async () => {
    const { createExcelDouble, PAYLOAD_LIMIT } = await import("../../src/testing/excel-double");
    const cell = (r: number, c: number) => `第${r}行第${c}列的一段较长的文字内容用于测试`;
    const sheets = Array.from({ length: 120 }, (_, k) => ({
      name: `表${k + 1}`,
      values: Array.from({ length: 45 }, (_, r) =>
        Array.from({ length: 50 }, (_, c) => cell(r, c))
      ),
    }));
    const d = createExcelDouble({
      sheets,
      settings: { "lxy.sheets": sheets.map((s) => s.name) },
    });
    d.installGlobals();
    try {
      const names = await host.detectWorkbookSheets();
      expect(names.sheets).toHaveLength(120);
      expect(d.syncs.filter((s) => s.error)).toEqual([]);
      expect(d.syncs.length).toBeGreaterThan(1);
      for (const s of d.syncs) expect(s.response).toBeLessThan(PAYLOAD_LIMIT);
      expect(d.syncs.reduce((n, s) => n + s.response, 0)).toBeGreaterThan(PAYLOAD_LIMIT);
    } finally {
      d.uninstallGlobals();
    }
  });
});
