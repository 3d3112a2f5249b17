// What kind of file the user gave, from its first bytes: the CLI and the web page say the same.
import * as fs from "fs";
import * as path from "path";
import { fileKind, sniffWorkbook } from "../../src/app/sniff";
import { sniff } from "../../src/cli/main";
import { strToU8, zipSync } from "fflate";

const SAMPLE = path.resolve(__dirname, "../../assets/sample-2024.xlsx");
const bytes = (...b: number[]) => Uint8Array.from(b);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);

test("an .xlsx (a zip) is readable; an old .xls or a password-protected workbook, a CSV, an empty or other file each get their reason", () => {
  expect(fileKind(fs.readFileSync(SAMPLE))).toBe("zip");
  expect(sniffWorkbook(fs.readFileSync(SAMPLE))).toBeNull();
  expect(fileKind(OLE)).toBe("ole");
  expect(sniffWorkbook(OLE)).toMatch(/旧版 \.xls/);
  const csv = new TextEncoder().encode("序号,姓名,身份证号\r\n1,林红,530424199108201234\r\n");
  expect(fileKind(csv)).toBe("text");
  expect(sniffWorkbook(csv)).toMatch(/^这是文本文件（如 \.csv）/);
  expect(sniffWorkbook(bytes())).toBe("文件为空");
  expect(fileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("other");
  expect(sniffWorkbook(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
    "不是 .xlsx 工作簿（文件格式不符）"
  );
});

test("the command line gives the same reasons", () => {
  expect(sniff(Buffer.from(OLE))).toBe(sniffWorkbook(OLE));
  expect(sniff(fs.readFileSync(SAMPLE))).toBeNull();
});

test("an OpenDocument spreadsheet and an Excel binary workbook are zips named for what they are", () => {
  // An .ods: mimetype first, stored (ODF 1.2 part 3 §3.3); test/foreign/libreoffice.test.ts
  // checks one LibreOffice wrote.
  const ods = zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "content.xml": strToU8("<office:document-content/>"),
  });
  expect(fileKind(ods)).toBe("zip");
  expect(sniffWorkbook(ods)).toMatch(/^这是 OpenDocument 表格（\.ods）.*另存为/);
  // An .xlsb: a zip whose workbook part is xl/workbook.bin.
  const xlsb = zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.bin": new Uint8Array(16),
  });
  expect(sniffWorkbook(xlsb)).toMatch(/\.xlsb/);
  const odt = zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
  });
  expect(sniffWorkbook(odt)).toBe("这是 OpenDocument 文档（如 .odt），不是工作簿");
  // An .xlsx written by another program is still readable.
  const xlsx = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
  expect(sniffWorkbook(xlsx)).toBeNull();
});
