// LibreOffice as a witness nobody here wrote: each generated sheet printed to PDF (pdfinfo for
// the paper and page count, pdftotext for what is on the page, pdffonts for the fonts), and the
// workbook recalculated after an edit. Every helper throws when soffice or poppler is missing, so
// a test that needs them fails rather than skips.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

function need(tool: string): void {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "pipe" });
  } catch {
    throw new Error(
      `${tool} is missing: apt-get install -y libreoffice-calc-nogui poppler-utils (CI installs them)`
    );
  }
}

/** A private LibreOffice profile; `recalc`: recalculate every formula when a file is loaded. */
function profile(recalc: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-lo-"));
  if (recalc) {
    const user = path.join(dir, "user");
    fs.mkdirSync(user, { recursive: true });
    fs.writeFileSync(
      path.join(user, "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
    );
  }
  return dir;
}

function soffice(args: string[], recalc: boolean): void {
  need("soffice");
  const dir = profile(recalc);
  try {
    execFileSync(
      "soffice",
      ["-env:UserInstallation=file://" + dir, "--headless", "--norestore", ...args],
      { stdio: "pipe", timeout: 240_000 }
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Page {
  /** Page size in points, e.g. [842, 595] for A4 landscape. */
  size: [number, number];
  text: string;
}

export interface Printed {
  pages: Page[];
  fonts: string[];
  pdf: string;
}

/**
 * The whole workbook printed to PDF by LibreOffice (it prints every sheet, hidden ones too),
 * page by page. A generated sheet repeats its title rows on every page, so `pagesOf` finds them.
 */
export function printWorkbook(xlsx: Buffer): Printed {
  need("pdfinfo");
  need("pdftotext");
  need("pdffonts");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-print-"));
  const file = path.join(dir, "book.xlsx");
  fs.writeFileSync(file, xlsx);
  soffice(["--convert-to", "pdf", "--outdir", dir, file], false);
  const pdf = path.join(dir, "book.pdf");
  if (!fs.existsSync(pdf)) throw new Error("LibreOffice wrote no PDF");
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", String(count), pdf]).toString();
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
    (m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as [number, number]
  );
  const pages = sizes.map((size, i) => ({
    size,
    text: execFileSync("pdftotext", [
      "-layout",
      "-f",
      String(i + 1),
      "-l",
      String(i + 1),
      pdf,
      "-",
    ]).toString(),
  }));
  const fonts = execFileSync("pdffonts", [pdf])
    .toString()
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
  return { pages, fonts, pdf };
}

/** The pages that carry a sheet's title (its repeated title rows). */
export function pagesOf(printed: Printed, title: string): Page[] {
  return printed.pages.filter((p) => p.text.includes(title));
}

/** Fonts used on some pages only: the PDF of those pages (pdfseparate is not needed: pdffonts -f -l). */
export function fontsOn(pdf: string, first: number, last: number): string[] {
  return execFileSync("pdffonts", ["-f", String(first), "-l", String(last), pdf])
    .toString()
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
}

/**
 * The workbook recalculated by LibreOffice (every formula, on load), one sheet's values as
 * displayed, row by row (CSV export of that sheet).
 */
export function recalculatedSheet(xlsxPath: string, sheetIndex1: number): string[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-recalc-"));
  const file = path.join(dir, "book.xlsx");
  fs.copyFileSync(xlsxPath, file);
  // 44 comma, 34 quote, 76 UTF-8, row 1, …, formatted text as shown, sheet number.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,${sheetIndex1}`;
  soffice(["--convert-to", filter, "--outdir", dir, file], true);
  const csv = fs.readdirSync(dir).find((f) => f.endsWith(".csv"));
  if (!csv) throw new Error("LibreOffice wrote no CSV");
  return parseCsv(fs.readFileSync(path.join(dir, csv), "utf8"));
}

function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = "";
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) {
      if (ch === '"' && s[i + 1] === '"') ((cur += '"'), i++);
      else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") (row.push(cur), (cur = ""));
    else if (ch === "\n") (row.push(cur), rows.push(row), (row = []), (cur = ""));
    else if (ch !== "\r") cur += ch;
  }
  if (cur || row.length) (row.push(cur), rows.push(row));
  return rows;
}
