// What kind of file the user gave, from its first bytes (the command line and the web page):
// an .xlsx/.xlsm is a zip, an old .xls (or a workbook with an open password) an OLE compound
// file, a .csv plain text. Only a zip can be read; for the rest a Chinese reason says what to do.

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

/** Why a file cannot be a workbook, from its first bytes; null when it looks like one. */
export function sniffWorkbook(bytes: Uint8Array): string | null {
  switch (fileKind(bytes)) {
    case "zip":
      return null;
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
