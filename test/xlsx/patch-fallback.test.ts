// When the patcher cannot handle a file, saving falls back to the full ExcelJS write — also after
// release(), by reading the file again — and the result is the same workbook.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyse, planSheets } from "../../src/core/engine";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

jest.mock("../../src/xlsx/patch", () => {
  class PatchUnsupported extends Error {}
  return {
    PatchUnsupported,
    patchWorkbook: async () => {
      throw new PatchUnsupported("a layout the patcher does not handle");
    },
  };
});

const TODAY = { y: 2024, m: 5, d: 1 };
const INPUT = fs.readFileSync(path.resolve(__dirname, "../../assets/sample-2024-mistakes.xlsx"));

async function sheetsOf(buf: Buffer): Promise<[string, unknown][][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: [string, unknown][] = [[ws.name, null]];
    ws.eachRow((row) => row.eachCell((c) => void cells.push([c.address, c.value])));
    return cells;
  });
}

test("a failed patch: the full write, with or without release()", async () => {
  const kept = await XlsxWorkbook.fromBuffer(INPUT);
  const p = planSheets(analyse(await kept.readWorkbook(), { today: TODAY }));
  const names = await kept.writeSheets([p.allocation!, p.report]);
  const a = await kept.toBuffer();
  expect(kept.saveMode).toBe("full");
  expect(kept.patchError?.message).toMatch(/does not handle/);
  // The user is told: the command line prints it and puts it in the JSON (output.warning).
  expect(kept.saveWarning).toMatch(/整体重写/);

  const released = await XlsxWorkbook.fromBuffer(INPUT);
  await released.readWorkbook();
  expect(released.release()).toBe(true);
  expect(await released.writeSheets([p.allocation!, p.report])).toEqual(names);
  const b = await released.toBuffer();
  expect(released.saveMode).toBe("full");

  const sa = await sheetsOf(a);
  expect(sa.map((s) => s[0][0])).toEqual(["花名册", "项目费率", "预算", "经费分摊表", "校验结果"]);
  expect(await sheetsOf(b)).toEqual(sa);
});
