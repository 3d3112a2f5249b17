// The context-level functions of src/excel, one by one, in the strict double: readWorkbook,
// writeSheets, highlight / clearHighlights, and the WorkbookPort built on them (so the application's
// own validateWorkbook / generateWorkbook run against Excel unchanged).
import { createExcelDouble, ExcelDouble } from "../../src/testing/excel-double";
import { readWorkbook, READ_BUDGET } from "../../src/excel/read";
import { writeSheets, needsQuote, planRows, WRITE_BUDGET } from "../../src/excel/write";
import { clearHighlights, highlight, markCells } from "../../src/excel/highlight";
import { groupAddresses, runs } from "../../src/excel/a1";
import { ExcelWorkbook } from "../../src/excel";
import { generate, validate } from "../../src/app/actions";
import { pageSetup, planReport } from "../../src/core/plan";
import type { Issue } from "../../src/core/types";
import { RangeFormat } from "../../src/testing/excel-double/format";
import { openSample, MISTAKES, OPTIONS, uninstall, sheetState, USER_SHEETS } from "./helpers";

let d: ExcelDouble | null = null;
afterEach(() => {
  d?.uninstallGlobals();
  d = null;
  uninstall();
});

function install(book: Parameters<typeof createExcelDouble>[0]): ExcelDouble {
  d = createExcelDouble(book);
  d.installGlobals();
  return d;
}

describe("readWorkbook(ctx)", () => {
  it("reads used ranges with their origin, formats only for small sheets, and skips generated and very hidden sheets", async () => {
    const big = Array.from({ length: 2500 }, (_, i) => [
      `人${i}`,
      i,
      "x",
      "y",
      "z",
      "w",
      "v",
      "u",
      "t",
    ]);
    install({
      sheets: [
        { name: "名单", values: big, origin: { row: 4, col: 1 } },
        {
          name: "费率",
          values: [
            ["项目编号", "比例"],
            ["N1", 0.5],
          ],
          numberFormats: [
            ["", ""],
            ["", "0%"],
          ],
          origin: { row: 2, col: 2 },
        },
        { name: "经费分摊表", values: [["旧的生成表"]] },
        { name: "秘密", values: [["x"]], visibility: "VeryHidden" },
        { name: "空白", values: [] },
        { name: "宽", values: [Array.from({ length: 60 }, (_, i) => i)] },
      ],
      names: [{ name: "LXY_generated_allocation", formula: "=经费分摊表!$A$1" }],
    });
    const r = await Excel.run((ctx) => readWorkbook(ctx));
    expect(r.book.sheets.map((s) => s.name)).toEqual(["名单", "费率", "空白", "宽"]);
    const [roster, rates, blank, wide] = r.book.sheets;
    expect(wide.values).toEqual([Array.from({ length: 60 }, (_, i) => i)]);
    expect(roster.origin).toEqual({ row: 4, col: 1 });
    expect(roster.values).toHaveLength(2500);
    expect(roster.values[2499]).toEqual(["人2499", 2499, "x", "y", "z", "w", "v", "u", "t"]);
    expect(roster.numberFormats).toBeUndefined(); // 22,500 cells: values only
    expect(rates.origin).toEqual({ row: 2, col: 2 });
    expect(rates.numberFormats).toEqual([
      ["General", "General"],
      ["General", "0%"],
    ]);
    expect(blank.values).toEqual([]);
    expect(r.layout.generated).toEqual({ allocation: "经费分摊表" });
    expect(d!.syncs.every((s) => !s.error)).toBe(true);
  });

  it("uses the remembered sheet names to save a round trip, and recovers when a remembered sheet is gone", async () => {
    install({
      sheets: [
        { name: "A", values: [[1]] },
        { name: "B", values: [[2]] },
      ],
      settings: { "lxy.sheets": ["A", "B"] },
    });
    await Excel.run((ctx) => readWorkbook(ctx));
    expect(d!.syncCount).toBe(1); // names, used ranges and (small sheets) the cells together
    d!.resetCounters();
    d!.settings["lxy.sheets"] = ["A", "B", "C"]; // C was deleted since
    const r = await Excel.run((ctx) => readWorkbook(ctx));
    expect(r.book.sheets.map((s) => s.name)).toEqual(["A", "B"]);
    // Retried without the hint: the first and last sheets are A and B, so one sync still suffices.
    expect(d!.syncs.map((s) => s.error ?? "ok")).toEqual(["ItemNotFound", "ok"]);
  });

  it("packs row chunks into syncs under the byte budget", async () => {
    const long = "很长的备注".repeat(20);
    const rows = Array.from({ length: 30_000 }, (_, i) => [i, long, long]);
    install({ sheets: [{ name: "大表", values: rows }] });
    const r = await Excel.run((ctx) => readWorkbook(ctx));
    expect(r.book.sheets[0].values).toHaveLength(30_000);
    const bytes = d!.requestBytes;
    console.log("30k rows × 600 bytes:", bytes.map((b) => Math.round(b / 1024) + " KB").join(", "));
    expect(Math.max(...bytes)).toBeLessThan(4 * 1024 * 1024);
    const total = bytes.reduce((a, b) => a + b, 0);
    expect(d!.syncCount).toBeLessThanOrEqual(2 + Math.ceil(total / (READ_BUDGET * 0.8)));
  });
});

describe("writeSheets(ctx, plans)", () => {
  it("splits a sheet larger than one request over several syncs, each under 4 MB", async () => {
    install({ sheets: [{ name: "花名册", values: [["姓名"]] }] });
    const issues: Issue[] = Array.from({ length: 30_000 }, (_, i) => ({
      severity: "error",
      code: "DUPLICATE_ID",
      sheet: "花名册",
      row: i + 3,
      col: 4,
      column: "身份证号",
      message: `身份证号与第${i + 10}行重复，同一人本年度只能参加一次疗休养。`.repeat(2),
    }));
    const plan = planReport(issues, {
      year: 2024,
      ownUnion: "高新区总工会",
      rosters: [{ sheet: "花名册", programCol: 7 }],
      errorCount: issues.length,
      warningCount: 0,
    });
    const written = await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name,items/id,items/visibility");
      await ctx.sync();
      return writeSheets(ctx, [plan], {
        sheets: sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility })),
        generated: {},
        markerNames: {},
        structureProtected: false,
      });
    });
    expect(written).toEqual([{ role: "report", name: "校验结果", renamed: false }]);
    const writes = d!.syncs.slice(1);
    console.log(
      "report of 30,000 issues:",
      writes.map((s) => Math.round((s.request + s.response) / 1024) + " KB").join(", ")
    );
    expect(writes.length).toBeGreaterThan(1);
    expect(Math.max(...writes.map((s) => s.request))).toBeLessThan(WRITE_BUDGET + 512 * 1024);
    const v = d!.values("校验结果");
    // Title, counts, header, 30,000 issues, a blank row and the signature line.
    expect(v).toHaveLength(30_005);
    expect(v[30_004][0]).toBe("填报单位（盖章）：高新区总工会");
    expect(v[30_002][5]).toBe("D30002");
    expect(d!.snapshot("校验结果").formulas[3][5]).toBe(`=HYPERLINK("#'花名册'!D3","D3")`);
  });

  it("row heights go as runs; a 校验结果 with hundreds of wrapped notes has Excel fit its rows once", async () => {
    const layout = async (ctx: Excel.RequestContext) => {
      const sheets = ctx.workbook.worksheets.load("items/name,items/id,items/visibility");
      await ctx.sync();
      return {
        sheets: sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility })),
        generated: {},
        markerNames: {},
        structureProtected: false,
      };
    };
    const long =
      "人员类别“退休职工”不在“一线职工疗休养”的参加对象（企业一线职工、事业单位干部职工、机关干部职工）之内。";
    const report = (n: number) =>
      planReport(
        Array.from({ length: n }, (_, i) => ({
          severity: "error" as const,
          code: "NOT_ELIGIBLE" as const,
          sheet: "花名册",
          row: i + 3,
          col: 7,
          column: "人员类别",
          // Every other note wraps: as many runs as long notes.
          message: i % 2 === 0 ? long : "短。",
        })),
        {
          year: 2024,
          ownUnion: "高新区总工会",
          rosters: [{ sheet: "花名册", programCol: 7 }],
          errorCount: n,
          warningCount: 0,
        }
      );
    const fit = jest.spyOn(RangeFormat.prototype, "autofitRows");
    try {
      // 10 issues: 5 wrapped notes, each its own run of height 30.
      install({ sheets: [{ name: "花名册", values: [["姓名"]] }] });
      await Excel.run(async (ctx) => writeSheets(ctx, [report(10)], await layout(ctx)));
      const few = d!.sheetInfo("校验结果").heights;
      expect(few).toEqual({ 3: 30, 5: 30, 7: 30, 9: 30, 11: 30 });
      expect(fit).not.toHaveBeenCalled();
      // 1,000 issues: 500 runs, more than the 200 set one by one.
      install({ sheets: [{ name: "花名册", values: [["姓名"]] }] });
      await Excel.run(async (ctx) => writeSheets(ctx, [report(1000)], await layout(ctx)));
      expect(d!.sheetInfo("校验结果").heights).toEqual({});
      expect(fit).toHaveBeenCalledTimes(1);
    } finally {
      fit.mockRestore();
    }
  });

  it("quotes exactly the text Excel would otherwise read as a formula, number, date or boolean", () => {
    for (const s of [
      "=A1",
      "+1",
      "-x",
      "@x",
      "'x",
      "123",
      "1,234.5",
      "12%",
      "2024/6/1",
      "2024-06-01",
      "TRUE",
      "false",
    ])
      expect(needsQuote(s)).toBe(true);
    for (const s of ["张三", "W1", "第1批", "1号楼", "", "N1项目", "高新区总工会"])
      expect(needsQuote(s)).toBe(false);
    expect(
      planRows({
        role: "report",
        name: "x",
        tabColor: "#C00000",
        cells: [[{ text: "=SUM(1)" }, { number: 2 }, { formula: "=1+1", value: 2 }, null]],
        formats: [],
        merges: [],
        widths: [],
        freezeRows: 0,
        links: [],
        page: pageSetup(null, "portrait"),
        printArea: "A1",
      })
    ).toEqual([["'=SUM(1)", 2, "=1+1", ""]]);
  });
});

describe("highlight(ctx) and clearHighlights(ctx)", () => {
  it("groups the flagged cells into runs and address strings under 8,192 characters", () => {
    expect(
      runs([
        { row: 2, col: 3 },
        { row: 3, col: 3 },
        { row: 4, col: 3 },
        { row: 9, col: 3 },
        { row: 0, col: 0 },
      ])
    ).toEqual(["A1", "D3:D5", "D10"]);
    const many = Array.from({ length: 5000 }, (_, i) => `D${2 * i + 1}`);
    const groups = groupAddresses(many);
    expect(groups.length).toBeGreaterThan(3);
    expect(Math.max(...groups.map((g) => g.length))).toBeLessThan(8192);
    expect(groups.join(",").split(",")).toEqual(many);
    const cells = markCells([
      { severity: "warning", code: "PHONE_FORMAT", sheet: "S", row: 2, col: 2, message: "" },
      { severity: "error", code: "ID_FORMAT", sheet: "S", row: 2, col: 2, message: "" },
      { severity: "warning", code: "RETIRED", sheet: "S", row: 2, col: 3, message: "" },
    ]).get("S")!;
    expect(cells).toEqual({ error: [{ row: 1, col: 1 }], warning: [{ row: 1, col: 2 }] });
  });

  it("marks thousands of scattered cells with a few conditional formats and removes exactly them", async () => {
    const values = Array.from({ length: 12_000 }, (_, i) => [i, "x"]);
    install({ sheets: [{ name: "S", values }] });
    const before = sheetState(d!, "S");
    const issues: Issue[] = Array.from({ length: 4000 }, (_, i) => ({
      severity: i % 2 ? "error" : "warning",
      code: "ID_FORMAT",
      sheet: "S",
      row: 3 * i + 1,
      col: 2,
      message: "",
    }));
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.load("items/name,items/id,items/visibility");
      await ctx.sync();
      await highlight(
        ctx,
        issues,
        s.items.map((w) => ({ name: w.name, id: w.id, visibility: w.visibility }))
      );
    });
    const marks = d!.snapshot("S").marks.flat().filter(Boolean);
    expect(marks).toHaveLength(4000);
    const cfCount = (d!.formatState("S") as { conditionalFormats: unknown[] }).conditionalFormats
      .length;
    console.log(`4,000 marked cells → ${cfCount} conditional formats`);
    expect(cfCount).toBeLessThan(20);
    const removed = await Excel.run((ctx) => clearHighlights(ctx));
    expect(removed).toBe(cfCount);
    expect(sheetState(d!, "S")).toEqual(before);
  });
});

describe("ExcelWorkbook: the application's actions over Excel", () => {
  it("validate and generate from src/app/actions.ts run unchanged", async () => {
    const dbl = await openSample(MISTAKES);
    const users = USER_SHEETS.map((s) => sheetState(dbl, s));
    const a = await Excel.run((ctx) => validate(new ExcelWorkbook(ctx), OPTIONS));
    expect(a.errorCount).toBe(7);
    expect(dbl.snapshot("花名册").marks.flat().filter(Boolean)).toHaveLength(9);
    const g = await Excel.run((ctx) => generate(new ExcelWorkbook(ctx), OPTIONS, { force: true }));
    expect(g.written.map((w) => w.name)).toEqual(["经费分摊表", "校验结果"]);
    await Excel.run((ctx) => new ExcelWorkbook(ctx).clearMarks());
    expect(USER_SHEETS.map((s) => sheetState(dbl, s))).toEqual(users);
  });
});
