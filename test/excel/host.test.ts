// The Excel host on the shipped samples, inside the strict Excel double: validate marks exactly
// the flagged cells, clearing restores every format, generate writes the seed's figures as live
// formulas, regenerating replaces only the add-in's sheet, and the user's sheets stay untouched.
import * as fs from "fs";
import * as host from "../../src/excel";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { analyse } from "../../src/core/engine";
import { issueCell } from "../../src/core/a1";
import { MARK_COLORS } from "../../src/excel/marks";
import {
  MISTAKES,
  OPTIONS,
  openSample,
  rowOf,
  sheetState,
  uninstall,
  USER_SHEETS,
} from "./helpers";

afterEach(uninstall);

async function engineIssues(file: string) {
  const book = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  return analyse(await book.readWorkbook(), OPTIONS).issues;
}

/** The marks the double shows, as "sheet!cell severity". */
function shownMarks(d: Awaited<ReturnType<typeof openSample>>): string[] {
  const out: string[] = [];
  for (const s of d.sheetNames()) {
    d.snapshot(s).marks.forEach((row, r) =>
      row.forEach((m, c) => {
        if (m) out.push(`${s}!${String.fromCharCode(65 + c)}${r + 1} ${m}`);
      })
    );
  }
  return out.sort();
}

describe("校验 (validate)", () => {
  it("marks exactly the cells the engine flags on the mistakes sample, errors and warnings apart", async () => {
    const d = await openSample(MISTAKES);
    const analysis = await host.validate(OPTIONS);
    const expected = await engineIssues(MISTAKES);
    expect(analysis.issues).toEqual(expected);
    const want = new Map<string, string>();
    for (const i of expected) {
      const cell = issueCell(i);
      if (!cell) continue;
      const k = `${i.sheet}!${cell}`;
      if (want.get(k) !== "error") want.set(k, i.severity);
    }
    expect(shownMarks(d)).toEqual([...want].map(([k, s]) => `${k} ${s}`).sort());
    expect(shownMarks(d)).toEqual(
      expect.arrayContaining([
        "花名册!D7 error",
        "花名册!D12 error",
        "花名册!G15 error",
        "花名册!D20 error",
        "花名册!D25 error",
        "花名册!J30 error",
        "花名册!B33 warning",
        "花名册!B35 warning",
        "花名册!F56 error",
      ])
    );
    // The marks are conditional formats in the two colours, not changes to the cells' fills.
    const fills = d.snapshot("花名册").fills;
    expect(fills[6][3]).toBe(MARK_COLORS.error.fill);
    expect(fills[32][1]).toBe(MARK_COLORS.warning.fill);
    expect(d.formatState("花名册")).toMatchObject({
      cells: expect.not.arrayContaining([
        [expect.anything(), expect.objectContaining({ fill: MARK_COLORS.error.fill })],
      ]),
    });
  });

  it("clearing the marks leaves every format exactly as it was, and the user's own conditional formats too", async () => {
    const d = await openSample(MISTAKES);
    // The user has a conditional format of their own on the roster.
    await Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets
        .getItem("花名册")
        .getRange("K3:K20")
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=LEN(K3)<>11";
      cf.custom.format.fill.color = "#00B0F0";
      await ctx.sync();
    });
    const before = USER_SHEETS.map((s) => sheetState(d, s));
    await host.validate(OPTIONS);
    expect(shownMarks(d).length).toBeGreaterThan(0);
    expect(USER_SHEETS.map((s) => sheetState(d, s))).not.toEqual(before);
    await host.clearMarks();
    expect(shownMarks(d)).toEqual([]);
    expect(USER_SHEETS.map((s) => sheetState(d, s))).toEqual(before);
  });

  it("re-validating replaces the old marks instead of stacking them", async () => {
    const d = await openSample(MISTAKES);
    await host.validate(OPTIONS);
    const once = d.formatState("花名册") as { conditionalFormats: unknown[] };
    await host.validate(OPTIONS);
    const twice = d.formatState("花名册") as { conditionalFormats: unknown[] };
    expect(twice.conditionalFormats.length).toBe(once.conditionalFormats.length);
    expect(shownMarks(d).length).toBe(10 - 1); // ten issues, one of them (BUDGET_EXCEEDED) without a cell
  });

  it("finds the marks again after the user renames the sheet (they are recorded by sheet id)", async () => {
    const d = await openSample(MISTAKES);
    await host.validate(OPTIONS);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("花名册").name = "名单";
      await ctx.sync();
    });
    await host.clearMarks();
    expect(shownMarks(d)).toEqual([]);
  });

  it("shows no marks on a clean workbook and leaves it unchanged", async () => {
    const d = await openSample();
    const before = USER_SHEETS.map((s) => sheetState(d, s));
    const a = await host.validate(OPTIONS);
    expect(a.errorCount).toBe(0);
    expect(shownMarks(d)).toEqual([]);
    expect(USER_SHEETS.map((s) => sheetState(d, s))).toEqual(before);
  });
});

describe("生成经费分摊表 (generate)", () => {
  it("prints A4 landscape, one page wide, title rows on every page, page numbers; the lists on request", async () => {
    const d = await openSample();
    const r = await host.generate(OPTIONS, {
      force: false,
      documents: ["participants", "insurance", "signin", "notice"],
    });
    expect(r.written.map((w) => w.name)).toEqual([
      "经费分摊表",
      "校验结果",
      "参加人员名单",
      "意外险投保名单",
      "签到表",
      "公示名单",
    ]);
    const info = d.sheetInfo("经费分摊表");
    expect(info.page).toMatchObject({
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      centerHorizontally: true,
      printTitleRows: "$1:$3",
      centerFooter: "第 &P 页 共 &N 页",
      margins: { left: 36, right: 36, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 },
    });
    expect(info.heights).toEqual({ 2: 30 });
    // 核对 is 0, shown as 一致 through its number format.
    const t = d.texts("经费分摊表");
    const checkCol = (t[2] as string[]).indexOf("核对");
    expect(t.slice(3, 8).map((r) => r[checkCol])).toEqual(Array(5).fill("一致"));
    expect(d.values("经费分摊表")[0][0]).toBe("高新区总工会2024年职工疗休养经费分摊表");
    // One font family set on every generated cell (the title and the signature line included).
    const cells = (d.formatState("经费分摊表") as { cells: [string, { fontName?: string }][] })
      .cells;
    const fonts = new Map(cells.map(([a, f]) => [a, f.fontName]));
    const rows = d.values("经费分摊表").length;
    for (const a of ["A1", "A3", "N4", `A${rows}`]) expect([a, fonts.get(a)]).toEqual([a, "等线"]);
    expect(cells.every(([, f]) => f.fontName === "等线")).toBe(true);
    const signin = d.sheetInfo("签到表");
    expect(signin.orientation).toBe("Portrait");
    // A break before each batch but the first (8 batches in the sample).
    expect(signin.rowBreaks).toHaveLength(7);
    expect(Object.values(signin.heights).every((h) => h === 30)).toBe(true);
    const v = d.values("签到表");
    for (const row of signin.rowBreaks) expect(String(v[row][0])).toMatch(/^(W|N)\d /);
  });

  it("writes 经费分摊表 whose evaluated formulas give the seed's figures (docs/DOMAIN.md §2)", async () => {
    const d = await openSample();
    const r = await host.generate(OPTIONS, { force: false });
    expect(r.blocked).toBe(false);
    expect(r.written).toEqual([
      { role: "allocation", name: "经费分摊表", renamed: false },
      { role: "report", name: "校验结果", renamed: false },
    ]);
    const v = d.values("经费分摊表");
    const f = d.snapshot("经费分摊表").formulas;
    const header = v[2] as string[];
    const col = (h: string) => header.indexOf(h);
    const n1 = rowOf(v, "N1");
    expect([n1[col("省总工会承担")], n1[col("市总工会承担")], n1[col("高新区总工会承担")]]).toEqual(
      [41093.33, 41093.33, 41093.34]
    );
    expect(n1[col("人数")]).toBe(46);
    expect(rowOf(v, "W1")[col("费用合计")]).toBe(150000);
    expect(rowOf(v, "合计")[col("费用合计")]).toBe(441280);
    expect(rowOf(v, "高新区总工会承担合计")[2]).toBe(132093.34);
    expect(rowOf(v, "资金来源合计")[2]).toBe(132000);
    expect(rowOf(v, "差额（来源－承担，负数为超支）")[2]).toBe(-93.34);
    // Live formulas referring to the user's sheets, not pasted numbers.
    const n1Row = v.findIndex((row) => row[0] === "N1");
    expect(f[n1Row][col("人数")]).toMatch(
      /^=MIN\(SUMPRODUCT\(--EXACT\('花名册'!\$H\$1:\$H\$1153&"".*,C\d+\)$/
    );
    // A live share: it reads its rate cell (N1's 省总工会承担, 1/3) whatever that cell holds.
    expect(f[n1Row][col("省总工会承担")]).toMatch(/^=IFERROR\(IF\(ISNUMBER\('项目费率'!\$I\$7\)/);
    // Frozen header, landscape print area, money formats, marker name hidden.
    expect(d.sheetInfo("经费分摊表")).toMatchObject({ freezeRows: 3, orientation: "Landscape" });
    expect(d.sheetInfo("经费分摊表").printArea).toMatch(/^A1:/);
    expect(d.numberFormat("经费分摊表", "F4")).toBe("#,##0.00");
    expect(d.names()).toEqual(
      expect.arrayContaining([
        { name: "LXY_generated_allocation", formula: "=经费分摊表!$A$1", visible: false },
        { name: "LXY_generated_report", formula: "=校验结果!$A$1", visible: false },
      ])
    );
    expect(d.activeSheet).toBe("经费分摊表");
    expect(d.suspendCalls).toBeGreaterThan(0);
  });

  it("generating twice yields the same sheets and leaves the user's sheets unchanged", async () => {
    const d = await openSample();
    const users = USER_SHEETS.map((s) => sheetState(d, s));
    await host.generate(OPTIONS, { force: false });
    const first = {
      alloc: sheetState(d, "经费分摊表"),
      report: sheetState(d, "校验结果"),
      values: d.values("经费分摊表"),
    };
    const second = await host.generate(OPTIONS, { force: false });
    expect(second.written.map((w) => w.name)).toEqual(["经费分摊表", "校验结果"]);
    expect(d.sheetNames()).toEqual([...USER_SHEETS, "经费分摊表", "校验结果"]);
    expect({
      alloc: sheetState(d, "经费分摊表"),
      report: sheetState(d, "校验结果"),
      values: d.values("经费分摊表"),
    }).toEqual(first);
    expect(USER_SHEETS.map((s) => sheetState(d, s))).toEqual(users);
    expect(d.names().filter((n) => n.name.startsWith("LXY_"))).toHaveLength(2);
  });

  it("removes a list it wrote before once it is no longer asked for, and keeps a user's sheet of that name", async () => {
    const d = await openSample();
    const users = USER_SHEETS.map((s) => sheetState(d, s));
    await host.generate(OPTIONS, { force: false, documents: ["insurance", "notice"] });
    expect(d.sheetNames()).toEqual([
      ...USER_SHEETS,
      "经费分摊表",
      "校验结果",
      "意外险投保名单",
      "公示名单",
    ]);
    // 公示名单 unticked: the old one goes (its people would be the old roster's).
    const second = await host.generate(OPTIONS, { force: false, documents: ["insurance"] });
    expect(second.written.map((w) => w.name)).toEqual(["经费分摊表", "校验结果", "意外险投保名单"]);
    expect(d.sheetNames()).toEqual([...USER_SHEETS, "经费分摊表", "校验结果", "意外险投保名单"]);
    expect(d.names().filter((n) => n.name.startsWith("LXY_"))).toHaveLength(3);
    // A user's own 签到表 is never one of ours: asked for or not, it stays as it is.
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("签到表").getRange("A1").values = [["我自己的签到表"]];
      await ctx.sync();
    });
    const mine = sheetState(d, "签到表");
    await host.generate(OPTIONS, { force: false, documents: [] });
    // (ours are written again after the user's sheets)
    expect(d.sheetNames()).toEqual([...USER_SHEETS, "签到表", "经费分摊表", "校验结果"]);
    expect(sheetState(d, "签到表")).toEqual(mine);
    expect(USER_SHEETS.map((s) => sheetState(d, s))).toEqual(users);
  });

  it("keeps a user's own sheet named 经费分摊表 and writes 经费分摊表(2) instead, every time", async () => {
    const d = await openSample();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("经费分摊表");
      ws.getRange("A1:B2").values = [
        ["我自己的表", 1],
        ["别删", 2],
      ];
      ws.getRange("A1").format.fill.color = "#FFFF00";
      await ctx.sync();
    });
    const mine = sheetState(d, "经费分摊表");
    const r1 = await host.generate(OPTIONS, { force: false });
    expect(r1.written[0]).toEqual({ role: "allocation", name: "经费分摊表(2)", renamed: true });
    const r2 = await host.generate(OPTIONS, { force: false });
    expect(r2.written[0]).toEqual({ role: "allocation", name: "经费分摊表(2)", renamed: true });
    expect(sheetState(d, "经费分摊表")).toEqual(mine);
    expect(d.sheetNames()).toEqual([...USER_SHEETS, "经费分摊表", "经费分摊表(2)", "校验结果"]);
    expect(rowOf(d.values("经费分摊表(2)"), "高新区总工会承担合计")[2]).toBe(132093.34);
  });

  it("writes user text that starts with = + - @ as text, never as a formula", async () => {
    const d = await openSample();
    // A programme named like a formula in the user's rate sheet (typed with an apostrophe).
    const names = ["=SUM(1,2)", "+市外", "-特殊", "@项目"];
    d.edit("项目费率", "B3", "'" + names[0]);
    d.edit("项目费率", "B4", "'" + names[1]);
    d.edit("项目费率", "B5", "'" + names[2]);
    d.edit("项目费率", "B6", "'" + names[3]);
    expect(d.values("项目费率")[2][1]).toBe(names[0]);
    const r = await host.generate(OPTIONS, { force: false });
    expect(r.analysis.issues.filter((i) => i.severity === "error")).toEqual([]);
    const v = d.values("经费分摊表");
    const f = d.snapshot("经费分摊表").formulas;
    for (const [k, code] of ["W1", "W2", "W3", "W4"].entries()) {
      const r = v.findIndex((row) => row[0] === code);
      expect(v[r][1]).toBe(names[k]);
      expect(f[r][1]).toBeNull();
    }
  });

  it("writes 名额与候补 while a programme is oversubscribed, and removes it once none is", async () => {
    const d = await openSample();
    d.edit("项目费率", "G4", 2); // W2: 3 applicants for 2 places
    const forced = await host.generate(OPTIONS, { force: true });
    expect(forced.written.map((w) => w.name)).toEqual(["经费分摊表", "校验结果", "名额与候补"]);
    const wl = d.values("名额与候补");
    expect(wl.slice(3).map((r) => [r[0], r[3], r[4]])).toEqual([
      ["W2", "入选", 1],
      ["W2", "入选", 2],
      ["W2", "候补", 3],
    ]);
    expect(rowOf(d.values("经费分摊表"), "W2")[3]).toBe(2);
    d.edit("项目费率", "G4", 3);
    const again = await host.generate(OPTIONS, { force: false });
    expect(again.written.map((w) => w.name)).toEqual(["经费分摊表", "校验结果"]);
    expect(d.sheetNames()).toEqual([...USER_SHEETS, "经费分摊表", "校验结果"]);
    expect(d.names().filter((n) => n.name.startsWith("LXY_"))).toHaveLength(2);
  });

  it("does not write when errors block it, unless forced", async () => {
    const d = await openSample(MISTAKES);
    const blocked = await host.generate(OPTIONS, { force: false });
    expect(blocked.blocked).toBe(true);
    expect(d.sheetNames()).toEqual(USER_SHEETS);
    const forced = await host.generate(OPTIONS, { force: true });
    expect(forced.blocked).toBe(false);
    expect(d.values("经费分摊表")[1][0]).toMatch(/^⚠ 校验发现7个错误/);
    // The report links each issue to its cell.
    const rep = d.snapshot("校验结果");
    const link = rep.formulas.flat().find((x) => x && x.startsWith("=HYPERLINK("));
    expect(link).toBe(`=HYPERLINK("#'花名册'!D7","D7")`);
  });
});

describe("the other entry points", () => {
  it("detects the sheets by their headers and remembers them for the next action", async () => {
    const d = await openSample();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("花名册").name = "2024名单";
      await ctx.sync();
    });
    const r = await host.detectWorkbookSheets();
    expect(r.sheets).toEqual(["2024名单", "项目费率", "预算"]);
    expect(r.mapping).toMatchObject({ roster: ["2024名单"], rates: "项目费率", budget: "预算" });
    expect(d.settings["lxy.sheets"]).toEqual(["2024名单", "项目费率", "预算"]);
  });

  it("goes to a cell and to a sheet", async () => {
    const d = await openSample();
    await host.goToCell("花名册", "D7");
    expect(d.selection).toEqual({ sheet: "花名册", address: "D7" });
    await host.goToSheet("预算");
    expect(d.activeSheet).toBe("预算");
  });

  it("reports Excel's error code with a Chinese message", async () => {
    await openSample();
    const e = await host.goToSheet("没有这个表").catch((x) => x);
    expect(e).toBeInstanceOf(host.ExcelHostError);
    expect(e.code).toBe("ItemNotFound");
    expect(e.message).toMatch(/^打开工作表失败：找不到所需的工作表/);
  });

  it("keeps the pane's settings in the document", async () => {
    const d = await openSample();
    expect(host.loadSettings()).toEqual({});
    await host.saveSettings({
      ownUnion: "高新区总工会",
      nearRetirementMonths: 12,
      mapping: { roster: ["花名册", "市内"] },
    });
    expect(host.loadSettings()).toEqual({
      ownUnion: "高新区总工会",
      nearRetirementMonths: 12,
      mapping: { roster: ["花名册", "市内"] },
    });
    expect(d.settings["lxy.pane"]).toBeDefined();
  });

  it("reads settings saved by earlier versions: the roster as one name becomes a list", async () => {
    const d = await openSample();
    d.settings["lxy.pane"] = { mapping: { roster: "花名册", history: "" } };
    expect(host.loadSettings()).toEqual({ mapping: { roster: ["花名册"], history: "" } });
    expect(d.settings["lxy.pane"]).toBeDefined();
  });

  it("runs every batch with delayForCellEdit and without an undo group, on every version", async () => {
    const d = await openSample();
    await host.validate(OPTIONS);
    expect(d.lastRunOptions).toEqual({ delayForCellEdit: true });
    const old = await openSample(undefined, { apiVersion: "1.12" });
    await host.generate(OPTIONS, { force: false });
    expect(old.lastRunOptions).toEqual({ delayForCellEdit: true });
  });
});

describe("requirement sets", () => {
  it("explains in Chinese when Excel is too old, and refuses to run", async () => {
    const d = await openSample(undefined, { apiVersion: "1.8" });
    const problem = host.requirementProblem();
    expect(problem).toMatch(/ExcelApi 1\.9/);
    expect(problem).toMatch(/版本过旧/);
    const e = await host.validate(OPTIONS).catch((x) => x);
    expect(e).toBeInstanceOf(host.ExcelHostError);
    expect(e.code).toBe("ApiNotFound");
    expect(d.syncCount).toBe(0);
  });

  it("runs every action on ExcelApi 1.9, the version manifest.xml declares", async () => {
    const d = await openSample(MISTAKES, { apiVersion: "1.9" });
    expect(host.requirementProblem()).toBeNull();
    await host.detectWorkbookSheets();
    await host.validate(OPTIONS);
    expect(shownMarks(d).length).toBe(9);
    await host.clearMarks();
    expect(shownMarks(d)).toEqual([]);
    await expect(host.generate(OPTIONS, { force: true })).resolves.toMatchObject({
      blocked: false,
    });
    await host.goToCell("花名册", "D7");
    await host.goToSheet("经费分摊表");
    expect(d.syncs.filter((s) => s.error)).toEqual([]);
  });

  it("says so when not running inside Excel at all", () => {
    uninstall();
    expect(host.requirementProblem()).toMatch(/未检测到 Excel/);
  });
});

describe("the generated sheets after the user changed them", () => {
  it("regenerates after the user deleted 经费分摊表 (its marker name became #REF!)", async () => {
    const d = await openSample();
    await host.generate(OPTIONS, { force: false });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("经费分摊表").delete();
      await ctx.sync();
    });
    expect(d.names().find((n) => n.name === "LXY_generated_allocation")!.formula).toBe(
      "=#REF!$A$1"
    );
    const r = await host.generate(OPTIONS, { force: false });
    expect(r.written[0]).toEqual({ role: "allocation", name: "经费分摊表", renamed: false });
    expect(
      d
        .names()
        .filter((n) => n.name.startsWith("LXY_"))
        .map((n) => n.formula)
        .sort()
    ).toEqual(["=经费分摊表!$A$1", "=校验结果!$A$1"].sort());
  });

  it("recognises its sheet after the user renamed it, and formulas follow renamed input sheets", async () => {
    const d = await openSample();
    await host.generate(OPTIONS, { force: false });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("经费分摊表").name = "分摊（旧）";
      ctx.workbook.worksheets.getItem("花名册").name = "名单";
      await ctx.sync();
    });
    // Excel rewrote the formulas: the renamed roster is still counted.
    expect(rowOf(d.values("分摊（旧）"), "N1")[3]).toBe(46);
    expect(
      d
        .snapshot("分摊（旧）")
        .formulas.flat()
        .some((f) => f?.includes("'名单'!$H$1:$H$1153"))
    ).toBe(true);
    const r = await host.generate(OPTIONS, { force: false });
    expect(r.written[0]).toEqual({ role: "allocation", name: "经费分摊表", renamed: false });
    expect(d.sheetNames()).toEqual(["名单", "项目费率", "预算", "经费分摊表", "校验结果"]);
    expect(rowOf(d.values("经费分摊表"), "高新区总工会承担合计")[2]).toBe(132093.34);
  });
});

describe("failures are reported, never silent", () => {
  it("never meets UndoNotSupported: regenerating deletes a sheet outside any undo group, the user's undo stack is kept", async () => {
    const d = await openSample();
    await host.generate(OPTIONS, { force: false });
    const second = await host.generate(OPTIONS, { force: false });
    expect(second.written.map((w) => w.name)).toEqual(["经费分摊表", "校验结果"]);
    expect(d.syncs.map((s) => s.error).filter(Boolean)).toEqual([]);
    expect(d.undoStackCleared).toBe(false);
    expect(d.sheetNames()).toEqual([...USER_SHEETS, "经费分摊表", "校验结果"]);
  });

  it("marks need no saved record: with settings that cannot be saved, 校验 marks and 清除标记 still finds them", async () => {
    const d = await openSample(MISTAKES, { settingsSaveFails: true });
    await host.validate(OPTIONS);
    expect(d.snapshot("花名册").marks.flat().filter(Boolean)).toHaveLength(9);
    await host.clearMarks();
    expect(d.snapshot("花名册").marks.flat().filter(Boolean)).toHaveLength(0);
  });
});

describe("清除标记 (clearMarks)", () => {
  it("takes four round trips (sheets, rule types, custom formulas, deletes), and still works after the user deleted a marked sheet", async () => {
    const d = await openSample(MISTAKES);
    await host.validate(OPTIONS);
    d.resetCounters();
    await host.clearMarks();
    expect(d.syncCount).toBe(4);
    await host.validate(OPTIONS);
    // A sheet added and deleted again before 清除标记.
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("临时");
      ws.getRange("A1").values = [["x"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("临时").delete();
      await ctx.sync();
    });
    await host.clearMarks();
    expect(d.snapshot("花名册").marks.flat().filter(Boolean)).toEqual([]);
    // Settings written by earlier versions (a record of ids) are dropped when the pane saves.
    d.settings["lxy.marks"] = { any: ["0"] };
    await host.validate(OPTIONS);
    expect(d.savedSettings["lxy.marks"]).toBeUndefined();
  });
});
