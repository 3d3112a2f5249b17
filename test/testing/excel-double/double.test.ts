// The double is only useful if it is at least as strict as Excel: these are the rules the host
// code is held to.
import { displayText } from "../../../src/testing/excel-double/entry";
import { createExcelDouble, ExcelDouble, PAYLOAD_LIMIT } from "../../../src/testing/excel-double";

let d: ExcelDouble;
beforeEach(() => {
  d = createExcelDouble({
    sheets: [
      {
        name: "花名册",
        values: [
          ["姓名", "金额"],
          ["张三", 100],
          ["李四", 250],
        ],
        numberFormats: [
          ["", ""],
          ["", "#,##0.00"],
          ["", "#,##0.00"],
        ],
      },
      { name: "It's", values: [[1]] },
    ],
  });
  d.installGlobals();
});
afterEach(() => d.uninstallGlobals());

const code = (e: unknown) => (e as { code?: string }).code;

describe("loading", () => {
  it("throws PropertyNotLoaded for a property that was not loaded, and before the sync", async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("花名册").getRange("A1:B3");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([
        ["姓名", "金额"],
        ["张三", 100],
        ["李四", 250],
      ]);
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("loads text with number formats applied, collection items and null objects", async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets
        .getItem("花名册")
        .getRange("B2:B3")
        .load("text,numberFormat,address");
      const sheets = ctx.workbook.worksheets.load("items/name");
      const missing = ctx.workbook.worksheets.getItemOrNullObject("没有");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await ctx.sync();
      expect(r.text).toEqual([["100.00"], ["250.00"]]);
      expect(r.numberFormat).toEqual([["#,##0.00"], ["#,##0.00"]]);
      expect(r.address).toBe("花名册!B2:B3");
      expect(sheets.items.map((s) => s.name)).toEqual(["花名册", "It's"]);
      expect(() => sheets.items[0].id).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("rejects a getItem for a missing sheet at sync with ItemNotFound", async () => {
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("没有").getRange("A1").load("values");
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("ItemNotFound");
  });
});

describe("writing", () => {
  it("applies queued writes only at sync", async () => {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("花名册");
      ws.getRange("C1").values = [["新"]];
      ws.getRange("A1").format.fill.color = "#FF0000";
      expect(d.values("花名册")[0]).toEqual(["姓名", "金额"]);
      expect(d.snapshot("花名册").fills[0][0]).toBeNull();
      await ctx.sync();
      expect(d.values("花名册")[0]).toEqual(["姓名", "金额", "新"]);
      expect(d.snapshot("花名册").fills[0][0]).toBe("#FF0000");
    });
    expect(d.syncCount).toBe(1);
  });

  it("sends what is still queued when Excel.run ends, as Office.js does (one more round trip)", async () => {
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("花名册").getRange("C1").values = [["x"]];
      expect(d.values("花名册")[0]).toEqual(["姓名", "金额"]);
    });
    expect(d.values("花名册")[0]).toEqual(["姓名", "金额", "x"]);
    expect(d.syncCount).toBe(1);
    // An empty sync is no round trip.
    await Excel.run(async (ctx) => ctx.sync());
    expect(d.syncCount).toBe(1);
  });

  it("requires the batch function to return a promise", async () => {
    const e = await Excel.run(
      ((ctx: Excel.RequestContext) => void ctx) as unknown as () => Promise<void>
    ).catch((x) => x);
    expect(code(e)).toBe("RunMustReturnPromise");
  });

  it("computes formulas with HyperFormula, like Excel, across quoted sheet names", async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("花名册").getRange("C1:C3");
      r.formulas = [["=SUM(B2:B3)"], ["=ROUND(B2/3,2)"], ["='It''s'!A1*10"]];
      r.load("values,formulas");
      await ctx.sync();
      expect(r.values).toEqual([[350], [33.33], [10]]);
      expect(r.formulas).toEqual([["=SUM(B2:B3)"], ["=ROUND(B2/3,2)"], ["='It''s'!A1*10"]]);
      // Editing a precedent recalculates.
      ctx.workbook.worksheets.getItem("花名册").getRange("B2").values = [[400]];
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[650], [133.33], [10]]);
    });
  });

  it("reads typed input as Excel does: = + - @ start formulas, an apostrophe or the @ format keeps text", async () => {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("花名册");
      ws.getRange("D1:D6").values = [["=1+1"], ["'=1+1"], ["-abc"], ["'-abc"], ["0012"], ["'0012"]];
      const t = ws.getRange("E1");
      t.numberFormat = [["@"]];
      t.values = [["=1+1"]];
      await ctx.sync();
    });
    const f = d.snapshot("花名册").formulas;
    const v = d.values("花名册");
    expect([f[0][3], f[1][3], f[2][3], f[3][3]]).toEqual(["=1+1", null, "=-abc", null]);
    expect([v[0][3], v[1][3], v[3][3], v[4][3], v[5][3], v[0][4]]).toEqual([
      2,
      "=1+1",
      "-abc",
      12,
      "0012",
      "=1+1",
    ]);
  });

  it("rejects a 2-D array that does not match the range", async () => {
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("花名册").getRange("A1:B2").values = [["only one"]];
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("InvalidArgument");
  });
});

describe("limits", () => {
  it("rejects an address longer than 8,192 characters", async () => {
    const cells = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(",");
    expect(cells.length).toBeGreaterThan(8192);
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("花名册").getRanges(cells).format.fill.color = "#FF0000";
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("InvalidArgument");
    const ok = cells.slice(0, 8000).replace(/,[^,]*$/, "");
    await Excel.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem("花名册").getRanges(ok).load("areaCount");
      await ctx.sync();
      expect(areas.areaCount).toBe(ok.split(",").length);
    });
  });

  it("rejects a request over 5 MB and counts every sync with its bytes", async () => {
    const big = Array.from({ length: 60000 }, () => ["x".repeat(90)]);
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("花名册").getRange("A1:A60000").values = big;
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("RequestPayloadSizeLimitExceeded");
    expect(d.requestBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(d.values("花名册")).toHaveLength(3); // nothing applied
  });

  it("rejects a response over 5 MB", async () => {
    await Excel.run(async (ctx) => {
      const rows = Array.from({ length: 40000 }, () => [
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五",
      ]);
      // Written in two requests, each under the limit; read back in one, which is over it.
      ctx.workbook.worksheets.getItem("It's").getRange("A1:A20000").values = rows.slice(0, 20000);
      await ctx.sync();
      ctx.workbook.worksheets.getItem("It's").getRange("A20001:A40000").values = rows.slice(20000);
      await ctx.sync();
    });
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("It's").getRange("A1:A40000").load("values");
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("rejects ranges outside Excel's grid", async () => {
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("花名册").getRange("A1048577").load("values");
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("InvalidArgument");
    const e2 = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("花名册").getRangeByIndexes(0, 16380, 1, 5).load("values");
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e2)).toBe("InvalidArgument");
  });
});

describe("versions, settings and the pane's view", () => {
  it("simulates an older Excel: isSetSupported and ApiNotFound at sync", async () => {
    const old = createExcelDouble(
      { sheets: [{ name: "S", values: [[1]] }] },
      { apiVersion: "1.6" }
    );
    old.installGlobals();
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.6")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(false);
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 1).load("values");
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("ApiNotFound");
    old.uninstallGlobals();
  });

  it("keeps document settings and reports changes, selection and the active sheet", async () => {
    let changes = 0;
    const off = d.onChange(() => changes++);
    Office.context.document.settings.set("k", { a: 1 });
    await new Promise<void>((res) => Office.context.document.settings.saveAsync(() => res()));
    expect(Office.context.document.settings.get("k")).toEqual({ a: 1 });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("It's").getRange("B2").select();
      await ctx.sync();
    });
    expect(d.selection).toEqual({ sheet: "It's", address: "B2" });
    expect(d.activeSheet).toBe("It's");
    d.edit("花名册", "B2", "=B3*2");
    expect(d.snapshot("花名册").values[1][1]).toBe(500);
    expect(changes).toBeGreaterThanOrEqual(1);
    off();
    expect(Office.context.displayLanguage).toBe("zh-CN");
  });

  it("evaluates conditional-format marks for the grid and keeps them apart from cell fills", async () => {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("花名册");
      const cf = ws.getRanges("A2,B3").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = "#FFC7CE";
      cf.load("id");
      await ctx.sync();
      // The id is the priority position: the new format is on top.
      expect(cf.id).toBe("0");
    });
    const s = d.snapshot("花名册");
    expect(s.marks[1][0]).toBe("error");
    expect(s.marks[2][1]).toBe("error");
    expect(s.marks[1][1]).toBeNull();
    expect(
      (d.formatState("花名册") as { cells: unknown[] }).cells
        .flat()
        .some((x) => JSON.stringify(x).includes("FFC7CE"))
    ).toBe(false);
  });
});

describe("Office.js proxy behaviour", () => {
  it("reports a value just set on the proxy, while the workbook changes only at sync", async () => {
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("花名册").getRange("C1");
      r.values = [["新"]];
      expect(r.values).toEqual([["新"]]);
      expect(d.values("花名册")[0]).toEqual(["姓名", "金额"]);
      await ctx.sync();
      expect(d.values("花名册")[0]).toEqual(["姓名", "金额", "新"]);
    });
  });
});

describe("number formats with sections (positive;negative;zero;text), as Excel shows them", () => {
  it("a quoted literal section shows the literal; [Red] colours and the text section wraps @", () => {
    const f = '"一致";"一致";"一致";[Red]@';
    expect(displayText(0, f)).toBe("一致");
    expect(displayText(5, f)).toBe("一致");
    expect(displayText("请重新生成", f)).toBe("请重新生成");
    expect(displayText(-93.34, "#,##0.00")).toBe("-93.34");
    expect(displayText(0, '#,##0.00;-#,##0.00;"—"')).toBe("—");
    expect(displayText("x", '0;0;0;"（"@"）"')).toBe("（x）");
  });
});
