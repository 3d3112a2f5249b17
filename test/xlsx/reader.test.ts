// The streaming reader against the ExcelJS path it replaces: on every ExcelJS-written workbook
// we have (the samples and the bad-input corpus), the same cells and number formats.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { sheetData } from "../../src/xlsx/exceljs-model";
import { readXlsx } from "../../src/xlsx/read";
import { buildCorpus } from "../corpus/build";
import type { WorkbookData } from "../../src/core/types";

const ASSETS = path.resolve(__dirname, "..", "..", "assets");

/** What the ExcelJS path read (the reader before issue 11). */
async function viaExcelJS(bytes: Buffer): Promise<WorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return {
    sheets: wb.worksheets.filter((ws) => ws.state !== "veryHidden").map((ws) => sheetData(ws)),
  };
}

async function viaReader(bytes: Buffer): Promise<WorkbookData> {
  return {
    sheets: (await readXlsx(bytes)).sheets
      .filter((s) => s.state !== "veryHidden")
      .map((s) => s.data),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-reader-"));
let files: string[] = [];

beforeAll(async () => {
  const cases = await buildCorpus(dir);
  files = [
    ...["sample-2024.xlsx", "sample-2024-mistakes.xlsx"].map((f) => path.join(ASSETS, f)),
    ...cases.filter((c) => c.exit !== 2).map((c) => path.join(dir, c.file)),
  ];
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the streaming reader on ExcelJS-written workbooks", () => {
  it("reads every sample and corpus workbook cell for cell as the ExcelJS path did", async () => {
    expect(files.length).toBeGreaterThan(20);
    const differ: string[] = [];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const want = await viaExcelJS(bytes);
      const got = await viaReader(bytes);
      if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(path.basename(file));
    }
    expect(differ).toEqual([]);
  }, 120_000);
});
