// Helpers for the web page's browser test: .xlsx files compared without their zip timestamps,
// and a workbook's generated sheet recalculated by LibreOffice from its formulas alone.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { convertWithLibreOffice } from "../foreign/corpus";

/**
 * The file with every zip modification time set to zero: what is left is what was written.
 * (A part written now carries the current time, so two runs a second apart differ only there.)
 */
export function withoutZipTimes(file: Buffer): Buffer {
  const b = Buffer.from(file);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory entry");
    b.writeUInt32LE(0, p + 12); // time, date
    const local = b.readUInt32LE(p + 42);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error("bad local header");
    b.writeUInt32LE(0, local + 10); // time, date
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return b;
}

/** Each part's bytes, in the zip's order (docProps/core.xml without its modification time). */
export async function parts(file: Buffer): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(file);
  const out: [string, string][] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    let text = (await zip.files[name].async("nodebuffer")).toString("base64");
    if (name === "docProps/core.xml")
      text = (await zip.files[name].async("string")).replace(
        /<dcterms:modified[^>]*>[^<]*<\/dcterms:modified>/,
        ""
      );
    out.push([name, text]);
  }
  return out;
}

/** The worksheet parts of a workbook by sheet name. */
export async function sheetParts(file: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(file);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out = new Map<string, Buffer>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/
      .exec(m[0])![1]
      .replace(/&amp;/g, "&")
      .replace(/&apos;/g, "'");
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\bid="([^"]*)"/.exec(m[0])![1];
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
      .map((r) => r[0])
      .find((r) => r.includes(`Id="${rid}"`))!;
    const target = /Target="([^"]*)"/.exec(rel)![1];
    const part = target.startsWith("/") ? target.slice(1) : "xl/" + target;
    out.set(name, await zip.file(part)!.async("nodebuffer"));
  }
  return out;
}

/** The value in column C of the row whose column A reads `label` (the allocation sheet's summary). */
export function byLabel(ws: ExcelJS.Worksheet, label: RegExp): unknown {
  for (let r = 1; r <= ws.rowCount; r++) {
    const a = ws.getCell(r, 1).value;
    if (typeof a === "string" && label.test(a)) {
      const c = ws.getCell(r, 3);
      return c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
    }
  }
  throw new Error(`no row labelled ${label}`);
}

/**
 * LibreOffice's figures for a sheet: its formulas' stored values are removed first, so
 * LibreOffice has to calculate every one of them (it keeps stored values on load).
 */
export async function recalculatedByLibreOffice(
  file: Buffer,
  sheet: string
): Promise<{ ws: ExcelJS.Worksheet; stripped: number }> {
  const zip = await JSZip.loadAsync(file);
  // The sheet's part: strip the <v> after each <f> in it.
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${sheet}"`))!;
  const rid = /\br:id="([^"]*)"/.exec(tag)![1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((r) => r[0])
    .find((r) => r.includes(`Id="${rid}"`))!;
  const target = /Target="([^"]*)"/.exec(rel)![1];
  const partName = target.startsWith("/") ? target.slice(1) : "xl/" + target;
  let stripped = 0;
  const xml = (await zip.file(partName)!.async("string")).replace(
    /(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)<v>[^<]*<\/v>/g,
    (_m, f: string) => {
      stripped++;
      return f;
    }
  );
  zip.file(partName, xml);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-lo-recalc-"));
  try {
    const from = path.join(dir, "no-values.xlsx");
    const to = path.join(dir, "recalculated.xlsx");
    fs.writeFileSync(from, await zip.generateAsync({ type: "nodebuffer" }));
    convertWithLibreOffice([{ from, to }]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(fs.readFileSync(to) as unknown as ArrayBuffer);
    const ws = out.getWorksheet(sheet);
    if (!ws) throw new Error(`LibreOffice's file has no sheet ${sheet}`);
    return { ws, stripped };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
