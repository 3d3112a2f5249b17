// What kind of file the user gave, from its first bytes (the command line and the web page):
// an .xlsx/.xlsm is a zip, an old .xls (or a workbook with an open password) an OLE compound
// file, a .csv plain text. Only a zip can be read; for the rest a Chinese reason says what to do.
// Two other zips are spreadsheets we cannot read and are named so: an OpenDocument .ods (its first
// entry is the uncompressed `mimetype`, ODF 1.2 part 3 §3.3) and an Excel binary .xlsb (its
// workbook part is xl/workbook.bin, [MS-XLSB] §2.1.1).

export type FileKind = "zip" | "ole" | "text" | "empty" | "other";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Text such as a CSV: no NUL and no control bytes other than tab and line breaks in the head. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  for (const b of head)
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  return true;
}

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) return "zip";
  if (startsWith(bytes, OLE.slice(0, 4))) return "ole";
  if (looksLikeText(bytes)) return "text";
  return "other";
}

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** Why a zip is a spreadsheet other than .xlsx/.xlsm, or null. */
function otherZip(bytes: Uint8Array): string | null {
  // Local file header: the name starts at offset 30; `mimetype` is stored, so its text follows.
  const head = latin1(bytes.subarray(30, 120));
  if (head.startsWith("mimetype")) {
    if (head.includes("opendocument.spreadsheet"))
      return "这是 OpenDocument 表格（.ods），不是 .xlsx 工作簿：请在 LibreOffice 或 WPS 中“另存为” Excel 工作簿（.xlsx）";
    if (head.includes("opendocument")) return "这是 OpenDocument 文档（如 .odt），不是工作簿";
  }
  // Entry names are in the central directory, at the end of the file.
  const tail = bytes.subarray(Math.max(0, bytes.length - 65536));
  for (let i = 0; i < tail.length; i += 8192)
    if (latin1(tail.subarray(i, i + 8192 + 16)).includes("xl/workbook.bin"))
      return "这是 Excel 二进制工作簿（.xlsb），不是 .xlsx：请在 Excel 中“另存为” Excel 工作簿（.xlsx）";
  return null;
}

/** Why a file cannot be a workbook, from its first bytes; null when it looks like one. */
export function sniffWorkbook(bytes: Uint8Array): string | null {
  switch (fileKind(bytes)) {
    case "zip":
      return otherZip(bytes);
    case "empty":
      return "文件为空";
    case "ole":
      return "文件已加密（设置了打开密码）或为旧版 .xls 格式，请在 Excel 中取消密码并另存为 .xlsx";
    case "text":
      return "这是文本文件（如 .csv），不是 .xlsx 工作簿：请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx";
    default:
      return "不是 .xlsx 工作簿（文件格式不符）";
  }
}
