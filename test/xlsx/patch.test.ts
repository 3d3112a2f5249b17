// Saving by patching the input zip gives the same workbook as writing the whole ExcelJS model:
// same sheets, values, formulas, formats, merges, widths, panes, links and names — and the
// user's own parts byte for byte as they were.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyse, planSheets } from "../../src/core/engine";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { addPlans } from "../../src/xlsx/exceljs-model";
import { patchWorkbook } from "../../src/xlsx/patch";
import { internalLinksInZip } from "../../src/xlsx/patch/links";
import { buildWorkbook } from "../../scripts/book-spec";
import { sampleSheets, withMistakes } from "../../scripts/make-samples";
import { sampleRoster } from "../../scripts/sample-data";

const TODAY = { y: 2024, m: 5, d: 1 };
const ASSETS = path.resolve(__dirname, "../../assets");

async function planFor(buf: Buffer) {
  const book = await XlsxWorkbook.fromBuffer(buf);
  const p = planSheets(analyse(await book.readWorkbook(), { today: TODAY }));
  return [p.allocation!, p.report];
}

/**
 * Each sheet's links as [cell, target], read from the XML: Excel's location-only form, or the
 * "#"-relationship ExcelJS writes (ExcelJS reads only the latter back into cell values).
 */
async function linksOf(buf: Buffer): Promise<Record<string, [string, string][]>> {
  const zip = await JSZip.loadAsync(buf);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out: Record<string, [string, string][]> = {};
  for (const m of wb.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(
      `Id="${m[2]}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${m[2]}"`
    ).exec(rels)!;
    const part = "xl/" + (target[1] ?? target[2]).replace(/^\/?xl\//, "");
    const xml = await zip.file(part)!.async("string");
    const relsPart = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const sheetRels = zip.file(relsPart) ? await zip.file(relsPart)!.async("string") : "";
    out[m[1]] = [...xml.matchAll(/<hyperlink\b[^>]*>/g)].map((h) => {
      const ref = /\sref="([^"]*)"/.exec(h[0])![1];
      const loc = /\slocation="([^"]*)"/.exec(h[0]);
      if (loc) return [ref, loc[1].replace(/^#/, "").replace(/&apos;/g, "'")];
      const rid = /\sr:id="([^"]*)"/.exec(h[0])![1];
      const t = new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"`).exec(sheetRels)!;
      return [ref, t[1].replace(/^#/, "").replace(/&apos;/g, "'")];
    });
  }
  return out;
}

/** A hyperlink cell as its text (its target is compared through linksOf). */
const cellValue = (v: ExcelJS.CellValue) =>
  v && typeof v === "object" && "hyperlink" in v ? (v as ExcelJS.CellHyperlinkValue).text : v;

/** Everything a user sees in a workbook, as plain data. */
async function view(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const links = await linksOf(buf);
  return {
    links,
    sheets: wb.worksheets.map((ws) => {
      const cells: unknown[] = [];
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (c) => {
          cells.push([
            c.address,
            cellValue(c.value),
            c.numFmt ?? null,
            c.font ?? null,
            c.fill ?? null,
            c.border ?? null,
            c.alignment ?? null,
          ]);
        })
      );
      return {
        name: ws.name,
        cells,
        merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
        // ExcelJS leaves out a column of width 9, its own default (lib/doc/column.js), so a plan's
        // 9 reads back as no width from its file and as 9 from ours.
        widths: ws.columns?.map((c) => c.width ?? 9) ?? [],
        views: (ws.views ?? []).map((v) => ({
          state: v.state,
          ySplit: (v as { ySplit?: number }).ySplit,
        })),
        tab: ws.properties.tabColor ?? null,
        print: [ws.pageSetup.printArea, ws.pageSetup.orientation, ws.pageSetup.fitToPage],
      };
    }),
    names: wb.definedNames.model.map((n) => [n.name, [...n.ranges].sort()]).sort(),
  };
}

async function both(input: Buffer, wbFix?: (wb: ExcelJS.Workbook) => void) {
  const plans = await planFor(input);
  // The whole-model way.
  const full = new ExcelJS.Workbook();
  await full.xlsx.load(input as unknown as ArrayBuffer);
  wbFix?.(full);
  const writtenFull = addPlans(full, plans);
  const fullBuf = Buffer.from(
    await internalLinksInZip(
      new Uint8Array(await full.xlsx.writeBuffer()),
      plans.map((plan, i) => ({ name: writtenFull[i].name, plan }))
    )
  );
  // The patch.
  const patched = await patchWorkbook(input, plans);
  return { fullBuf, writtenFull, patched };
}

describe("saving by patching the input .xlsx", () => {
  test("the sample with mistakes: same workbook as the full ExcelJS write", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024-mistakes.xlsx"));
    const { fullBuf, writtenFull, patched } = await both(input);
    expect(patched.written).toEqual(writtenFull);
    expect(await view(patched.buffer)).toEqual(await view(fullBuf));
  });

  test("the user's parts are kept byte for byte", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024.xlsx"));
    const { patched } = await both(input);
    const a = await JSZip.loadAsync(input);
    const b = await JSZip.loadAsync(patched.buffer);
    for (const name of Object.keys(a.files)) {
      if (a.files[name].dir || /workbook\.xml(\.rels)?$|styles\.xml$|Content_Types/.test(name))
        continue;
      expect([name, await b.file(name)!.async("nodebuffer")]).toEqual([
        name,
        await a.file(name)!.async("nodebuffer"),
      ]);
    }
  });

  test("regenerating replaces only the generated sheets; a user sheet of the same name is kept", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024.xlsx"));
    const once = (await both(input)).patched.buffer;
    const { fullBuf, writtenFull, patched } = await both(once);
    expect(patched.written).toEqual(writtenFull);
    const d = await view(patched.buffer);
    expect(d.sheets.map((s) => s.name)).toEqual([
      "花名册",
      "项目费率",
      "预算",
      "经费分摊表",
      "校验结果",
    ]);
    expect(d).toEqual(await view(fullBuf));

    // A user's own sheet named 经费分摊表 (not generated) is never replaced.
    const wb = buildWorkbook(sampleSheets(withMistakes(sampleRoster())));
    wb.addWorksheet("经费分摊表").getCell("A1").value = "我的表";
    const withUser = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await both(withUser);
    expect(r.patched.written.map((w) => [w.name, w.renamed])).toEqual([
      ["经费分摊表(2)", true],
      ["校验结果", false],
    ]);
    expect(await view(r.patched.buffer)).toEqual(await view(r.fullBuf));
  });

  test("release(): the model goes, writes go straight into the file, same workbook as before", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024-mistakes.xlsx"));
    const kept = await XlsxWorkbook.fromBuffer(input);
    const p = planSheets(analyse(await kept.readWorkbook(), { today: TODAY }));
    const keptNames = await kept.writeSheets([p.allocation!, p.report]);
    const released = await XlsxWorkbook.fromBuffer(input);
    await released.readWorkbook();
    expect(released.release()).toBe(true);
    expect(() => released.sheetNames).toThrow(/released/);
    expect(await released.writeSheets([p.allocation!, p.report])).toEqual(keptNames);
    const out = await released.toBuffer();
    expect([released.saveMode, released.patchError]).toEqual(["patch", null]);
    expect(await view(out)).toEqual(await view(await kept.toBuffer()));
    // Writing again replaces the generated sheets in that file.
    await released.writeSheets([p.allocation!, p.report]);
    expect((await view(await released.toBuffer())).sheets.map((s) => s.name)).toEqual([
      "花名册",
      "项目费率",
      "预算",
      "经费分摊表",
      "校验结果",
    ]);
  });

  test("XlsxWorkbook.toBuffer patches, and falls back to the full write when the workbook object was taken", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024.xlsx"));
    const book = await XlsxWorkbook.fromBuffer(input);
    const p = planSheets(analyse(await book.readWorkbook(), { today: TODAY }));
    await book.writeSheets([p.allocation!, p.report]);
    expect(book.sheetNames).toEqual(["花名册", "项目费率", "预算", "经费分摊表", "校验结果"]);
    await book.toBuffer();
    expect([book.saveMode, book.patchError]).toEqual(["patch", null]);

    // Saving again gives the same file; a file's model is only had through model().
    const first = await book.toBuffer({ release: true });
    expect(await view(await book.toBuffer())).toEqual(await view(first));
    expect(() => book.wb).toThrow(/model\(\)/);

    const other = await XlsxWorkbook.fromBuffer(input);
    (await other.model()).getWorksheet("预算")!.getCell("D1").value = "changed through .wb";
    await other.writeSheets([p.allocation!, p.report]);
    const out = await other.toBuffer();
    expect(other.saveMode).toBe("full");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out as unknown as ArrayBuffer);
    expect(back.getWorksheet("预算")!.getCell("D1").value).toBe("changed through .wb");
  });
});

describe("the print setup travels with the patched sheets", () => {
  it("A4 landscape fit to one page wide, footer, print titles and print area as defined names", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024.xlsx"));
    const plans = await planFor(input);
    const { buffer } = await patchWorkbook(input, plans);
    const zip = await JSZip.loadAsync(buffer);
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const local = (name: string) =>
      [
        ...wbXml.matchAll(
          new RegExp(`<definedName name="${name}" localSheetId="(\\d+)">([^<]*)<`, "g")
        ),
      ].map((m) => [Number(m[1]), m[2]]);
    expect(local("_xlnm.Print_Titles")).toEqual([
      [3, "'经费分摊表'!$1:$3"],
      [4, "'校验结果'!$1:$3"],
    ]);
    expect(local("_xlnm.Print_Area").map((x) => x[0])).toEqual([3, 4]);
    // The sheet part itself: paper 9 (A4), landscape, fit to 1 wide × any tall, the footer.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("经费分摊表")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    });
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
    // Fonts: every cell of the generated sheet names 等线, merged into the input's styles.
    ws.eachRow((row) =>
      row.eachCell((c) => expect([c.address, c.font?.name]).toEqual([c.address, "等线"]))
    );
  });
});

describe("the zip the patcher writes", () => {
  const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

  it("copies the untouched parts' compressed bytes as they were, and never changes the caller's bytes", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024.xlsx"));
    const before = sha(input);
    const plans = await planFor(input);
    const { buffer } = await patchWorkbook(input, plans);
    expect(sha(input)).toBe(before);
    // Each untouched part's stored (compressed) bytes and CRC are the input's, found by Python's
    // zipfile as a witness nobody here wrote.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-zip-"));
    try {
      fs.writeFileSync(path.join(dir, "in.xlsx"), input);
      fs.writeFileSync(path.join(dir, "out.xlsx"), buffer);
      const script = [
        "import zipfile, json, sys",
        "def parts(f):",
        "    z = zipfile.ZipFile(f)",
        "    assert z.testzip() is None",
        "    out = {}",
        "    for i in z.infolist():",
        "        with open(f, 'rb') as h:",
        "            h.seek(i.header_offset + 26)",
        "            n, e = int.from_bytes(h.read(2), 'little'), int.from_bytes(h.read(2), 'little')",
        "            h.seek(i.header_offset + 30 + n + e)",
        "            out[i.filename] = [i.CRC, h.read(i.compress_size).hex()]",
        "    return out",
        "print(json.dumps([parts(sys.argv[1]), parts(sys.argv[2])]))",
      ].join("\n");
      const r = spawnSync("/usr/bin/python3", ["-c", script, "in.xlsx", "out.xlsx"], {
        cwd: dir,
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
      expect(r.stderr).toBe("");
      const [a, b] = JSON.parse(r.stdout) as Record<string, [number, string]>[];
      const edited = [
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        "xl/styles.xml",
      ];
      for (const name of Object.keys(a).filter((n) => !edited.includes(n)))
        expect([name, b[name]]).toEqual([name, a[name]]);
      expect(Object.keys(b).length).toBe(Object.keys(a).length + 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a zip with bytes before it (as a self-extracting stub leaves) is edited through JSZip", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024.xlsx"));
    const prefixed = Buffer.concat([Buffer.alloc(64, 0x20), input]);
    const plans = await planFor(input);
    const { buffer } = await patchWorkbook(prefixed, plans);
    const zip = await JSZip.loadAsync(buffer);
    expect(zip.file("xl/worksheets/sheet1.xml")).not.toBeNull();
    expect(Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(
      5
    );
  });
});

describe("generating again", () => {
  it("does not grow the styles: the formats the earlier sheets left behind are taken up again", async () => {
    const input = fs.readFileSync(path.join(ASSETS, "sample-2024-mistakes.xlsx"));
    const plans = await planFor(input);
    const counts = async (buf: Uint8Array) => {
      const styles = await (await JSZip.loadAsync(buf)).file("xl/styles.xml")!.async("string");
      return ["fonts", "fills", "borders", "cellXfs"].map(
        (t) => new RegExp(`<${t} count="(\\d+)"`).exec(styles)![1]
      );
    };
    let buf: Uint8Array = input;
    const seen: string[][] = [];
    for (let i = 0; i < 3; i++) {
      buf = (await patchWorkbook(buf, plans)).buffer;
      seen.push(await counts(buf));
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });
});
