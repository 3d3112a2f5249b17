// The behaviours of real Excel the double imitates because Microsoft's documentation (or the
// OfficeDev/office-js tracker) describes them; each is a row of src/testing/excel-double/README.md.
import { createExcelDouble, ExcelDouble } from "../../../src/testing/excel-double";
import { UNDO_TABLE } from "../../../src/testing/excel-double/undo";

let d: ExcelDouble;
beforeEach(() => {
  d = createExcelDouble({
    sheets: [
      {
        name: "A",
        values: [
          ["x", 1],
          ["y", 2],
          ["z", 3],
        ],
      },
      { name: "B", values: [[1]] },
    ],
    settings: { k: "saved" },
  });
  d.installGlobals();
});
afterEach(() => d.uninstallGlobals());

const code = (e: unknown) => (e as { code?: string }).code;

async function addRule(address: string, formula: string): Promise<string> {
  return Excel.run(async (ctx) => {
    const cf = ctx.workbook.worksheets
      .getItem("A")
      .getRange(address)
      .conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = formula;
    cf.load("id");
    await ctx.sync();
    return cf.id;
  });
}

async function formulas(): Promise<string[]> {
  return Excel.run(async (ctx) => {
    const c = ctx.workbook.worksheets.getItem("A").getRange().conditionalFormats.load("items/id");
    await ctx.sync();
    const rules = c.items.map((cf) => cf.custom.rule.load("formula"));
    await ctx.sync();
    return rules.map((r) => r.formula);
  });
}

describe("conditional formats", () => {
  it("ids are priority positions: a new rule is 0 and shifts the others; a delete shifts them back", async () => {
    expect(await addRule("A1", "=1")).toBe("0");
    expect(await addRule("A2", "=2")).toBe("0");
    expect(await formulas()).toEqual(["=2", "=1"]);
    await Excel.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem("A").getRange().conditionalFormats.load("items/id");
      await ctx.sync();
      expect(c.items.map((x) => x.id)).toEqual(["0", "1"]);
      c.getItem("0").delete();
      await ctx.sync();
      const again = ctx.workbook.worksheets
        .getItem("A")
        .getRange()
        .conditionalFormats.load("items/id");
      await ctx.sync();
      expect(again.items.map((x) => x.id)).toEqual(["0"]);
    });
    expect(await formulas()).toEqual(["=1"]);
  });

  it("a proxy from items refers to a position: deleting low to high in one batch hits the wrong rules", async () => {
    for (const f of ["=4", "=3", "=2", "=1"]) await addRule("A1", f);
    // Order now =1, =2, =3, =4. Delete positions 1 and 2 ascending: 2 has become =4 by then.
    await Excel.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem("A").getRange().conditionalFormats.load("items");
      await ctx.sync();
      c.items[1].delete();
      c.items[2].delete();
      await ctx.sync();
    });
    expect(await formulas()).toEqual(["=1", "=3"]);
  });

  it("navigation properties are cached: cf.custom.rule loaded through one access is read through the next", async () => {
    await addRule("A1", "=1");
    await Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("A").getRange().conditionalFormats.getItemAt(0);
      expect(cf.custom).toBe(cf.custom);
      expect(cf.custom.rule).toBe(cf.custom.rule);
      cf.custom.rule.load("formula");
      await ctx.sync();
      expect(cf.custom.rule.formula).toBe("=1");
    });
  });
});

describe("document settings per runtime", () => {
  it("each runtime has its own copy; saveAsync writes the whole copy; refreshAsync reloads it", async () => {
    const ribbon = d.runtime("ribbon");
    const save = (s: { saveAsync(cb: () => void): void }) =>
      new Promise<void>((r) => s.saveAsync(() => r()));
    const paneSettings = d.Office.context.document.settings;
    const ribbonSettings = ribbon.Office.context.document.settings;
    expect(ribbonSettings.get("k")).toBe("saved");
    paneSettings.set("pane", 1);
    expect(ribbonSettings.get("pane")).toBeNull();
    await save(paneSettings);
    expect(d.savedSettings).toEqual({ k: "saved", pane: 1 });
    // The ribbon saves its stale copy: the pane's key is gone from the document.
    ribbonSettings.set("ribbon", 2);
    await save(ribbonSettings);
    expect(d.savedSettings).toEqual({ k: "saved", ribbon: 2 });
    // refreshAsync reloads the copy from the document.
    await new Promise((r) => paneSettings.refreshAsync(r));
    expect(paneSettings.get("ribbon")).toBe(2);
    expect(paneSettings.get("pane")).toBeNull();
  });

  it("a reopen loses unsaved copies and may give sheets new ids", async () => {
    d.Office.context.document.settings.set("unsaved", 1);
    const ids = d.model.sheets.map((s) => s.id);
    d.reopen();
    expect(d.Office.context.document.settings.get("unsaved")).toBeNull();
    const after = d.model.sheets.map((s) => s.id);
    expect(after.every((id, i) => id !== ids[i])).toBe(true);
  });
});

describe("undo grouping (mergeUndoGroup)", () => {
  it("an operation without undo support fails the batch with UndoNotSupported after the ones before it applied, and clears the undo stack", async () => {
    const e = await Excel.run({ mergeUndoGroup: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("C1").values = [["before"]];
      ctx.workbook.worksheets.getItem("B").delete();
      ctx.workbook.worksheets.getItem("A").getRange("C2").values = [["after"]];
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("UndoNotSupported");
    expect(d.values("A")[0][2]).toBe("before");
    expect(d.values("A")[1]?.[2] ?? null).toBeNull();
    expect(d.sheetNames()).toEqual(["A", "B"]);
    expect(d.undoStackCleared).toBe(true);
    // The table: Worksheet.delete is listed; only the sample's range writes are supported.
    expect(UNDO_TABLE.find((r) => r.api === "Worksheet.delete")).toMatchObject({
      supported: false,
      source: "table",
    });
  });
});

describe("protection", () => {
  it("a protected sheet refuses writes with AccessDenied; reads and its protection state load", async () => {
    d.protect("A");
    const e = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A");
      const p = ws.protection.load("protected");
      const v = ws.getRange("A1").load("values");
      await ctx.sync();
      expect(p.protected).toBe(true);
      expect(v.values).toEqual([["x"]]);
      ws.getRange("A1").values = [["changed"]];
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("AccessDenied");
    expect(d.values("A")[0][0]).toBe("x");
  });

  it("a structure-protected workbook refuses adding and deleting sheets", async () => {
    d.protectStructure();
    for (const change of [
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.add("C"),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("B").delete(),
    ]) {
      const e = await Excel.run(async (ctx) => {
        change(ctx);
        await ctx.sync();
      }).catch((x) => x);
      expect(code(e)).toBe("AccessDenied");
    }
    expect(d.sheetNames()).toEqual(["A", "B"]);
  });

  it("a very hidden sheet cannot be deleted (InvalidOperation)", async () => {
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").visibility = "VeryHidden";
      await ctx.sync();
    });
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").delete();
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("InvalidOperation");
  });
});

describe("cell-edit mode and failures", () => {
  it("while the user edits a cell a batch fails, unless it asked to wait with delayForCellEdit", async () => {
    d.setCellEditing(true);
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1").load("values");
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("InvalidOperationInCellEditMode");
    let done = false;
    const waiting = Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("C1").values = [["ok"]];
      await ctx.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    d.setCellEditing(false);
    await waiting;
    expect(d.values("A")[0][2]).toBe("ok");
  });

  it("failAt(k) fails the k-th operation: the ones before it stay applied (a batch is no transaction)", async () => {
    d.failAt(2);
    const e = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A");
      ws.getRange("C1").values = [["one"]];
      ws.getRange("C2").values = [["two"]];
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("GeneralException");
    // getItem and the first getRange are operations too: op 2 is the first getRange.
    expect(d.values("A")[0][2] ?? null).toBeNull();
    d.failAt(4);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A");
      ws.getRange("C1").values = [["one"]];
      ws.getRange("C2").values = [["two"]];
      await ctx.sync();
    }).catch(() => undefined);
    expect(d.values("A")[0][2]).toBe("one");
    expect(d.values("A")[1][2] ?? null).toBeNull();
  });
});

describe("resource limits", () => {
  it("refuses to read more than five million cells in one request", async () => {
    const e = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1:Z200000").load("values");
      await ctx.sync();
    }).catch((x) => x);
    expect(code(e)).toBe("ResponsePayloadSizeLimitExceeded");
    const ok = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("A").getRange("A1:Y200000").load("rowCount");
      await ctx.sync();
      return r.rowCount;
    });
    expect(ok).toBe(200000);
  });
});
