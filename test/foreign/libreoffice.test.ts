// The foreign-writer corpus through our save, then through LibreOffice (issue 11): the output of
// every corpus input recalculates in LibreOffice to the figures the engine stored, and
// LibreOffice follows the 校验结果 links to the cell they name.
// LibreOffice is told to recalculate on load (OOXMLRecalcMode = always, in a private profile),
// and the generated sheet's stored values are taken out first, so its figures can only be
// LibreOffice's own. openpyxl (data_only) reads both files. Needs soffice and python3-openpyxl.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { buildForeignCorpus, ForeignFile, PYTHON, SOFFICE } from "./corpus";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { generate } from "../../src/app/actions";
import { sniffWorkbook } from "../../src/app/sniff";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-lo-"));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-lo-profile-"));
let files: ForeignFile[] = [];
/** Our output per corpus file, and the same with 经费分摊表's stored values taken out. */
const ours = new Map<string, { out: string; bare: string }>();

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function soffice(to: string, outDir: string, inputs: string[]): void {
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...inputs,
    ],
    { stdio: "ignore", timeout: 300_000 }
  );
}

/** The part of the sheet named `sheet` (the output's workbook.xml as we write it). */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const tag = [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${sheet}"`))!;
  const rid = /\s(?:\w+):id="([^"]+)"/.exec(tag)![1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((r) => r.includes(`Id="${rid}"`))!;
  const target = /Target="([^"]+)"/.exec(rel)![1];
  return target.startsWith("/") ? target.slice(1) : "xl/" + target;
}

/** The file without the stored values of the sheet's formulas. */
async function withoutValues(buf: Buffer, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const part = await sheetPart(zip, sheet);
  const xml = await zip.file(part)!.async("string");
  zip.file(part, xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, "$1"));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A formula nothing can compute (FORMULA_NO_VALUE) has no figure to agree on: left out. */
const computable = (f: ForeignFile) =>
  !(f.expect.issueAt ?? []).some((a) => a.code === "FORMULA_NO_VALUE");

beforeAll(async () => {
  files = buildForeignCorpus(path.join(dir, "corpus")).filter(computable);
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  for (const sub of ["ours", "bare", "lo", "fods", "ods"]) fs.mkdirSync(path.join(dir, sub));
  for (const f of files) {
    const book = await XlsxWorkbook.fromBuffer(fs.readFileSync(f.file));
    const r = await generate(book, {}, { force: true });
    if (r.blocked) throw new Error(`${f.name}: not generated (${r.blockedBy})`);
    const buf = await book.toBuffer();
    const out = path.join(dir, "ours", f.name);
    const bare = path.join(dir, "bare", f.name);
    fs.writeFileSync(out, buf);
    fs.writeFileSync(bare, await withoutValues(buf, "经费分摊表"));
    ours.set(f.name, { out, bare });
  }
  const bare = files.map((f) => ours.get(f.name)!.bare);
  soffice("xlsx", path.join(dir, "lo"), bare);
  soffice(
    "fods",
    path.join(dir, "fods"),
    files.map((f) => ours.get(f.name)!.out)
  );
  // A user's .ods, as LibreOffice saves one.
  soffice("ods", path.join(dir, "ods"), [files[0].file]);
}, 900_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

const loFile = (name: string, ext: string) =>
  path.join(dir, ext === "xlsx" ? "lo" : "fods", name.replace(/\.xls[xm]$/, "") + "." + ext);

describe("our outputs of the foreign-writer corpus in LibreOffice", () => {
  it("recalculate to the engine's figures (every formula of 经费分摊表, every file)", () => {
    expect(files.length).toBeGreaterThan(15);
    const args = files.flatMap((f) => [ours.get(f.name)!.out, loFile(f.name, "xlsx")]);
    const result = JSON.parse(
      execFileSync(PYTHON, ["-B", path.join(__dirname, "lo_compare.py"), ...args], {
        encoding: "utf8",
        timeout: 300_000,
      })
    ) as Record<string, { formulas?: number; mismatches?: string[]; error?: string }>;
    const problems: string[] = [];
    for (const f of files) {
      const r = result[ours.get(f.name)!.out];
      if (!r || r.error) problems.push(`${f.name}: ${r?.error ?? "no result"}`);
      else if ((r.formulas ?? 0) < 20) problems.push(`${f.name}: only ${r.formulas} formulas`);
      else for (const m of r.mismatches ?? []) problems.push(`${f.name}: ${m}`);
    }
    expect(problems).toEqual([]);
  });

  it("follows each 校验结果 link to the one cell it names (no doubled location)", async () => {
    const problems: string[] = [];
    let links = 0;
    for (const f of files) {
      const fods = fs.readFileSync(loFile(f.name, "fods"), "utf8");
      const hrefs = [...fods.matchAll(/<text:a\b[^>]*xlink:href="([^"]*)"/g)].map((m) =>
        m[1].replace(/&apos;/g, "'")
      );
      // What we wrote: the location of each link in 校验结果.
      const zip = await JSZip.loadAsync(fs.readFileSync(ours.get(f.name)!.out));
      const xml = await zip.file(await sheetPart(zip, "校验结果"))!.async("string");
      const locations = [...xml.matchAll(/<hyperlink\b[^>]*location="([^"]*)"/g)].map((m) =>
        m[1].replace(/&apos;/g, "'")
      );
      links += locations.length;
      if (/<hyperlink\b[^>]*r:id=/.test(xml))
        problems.push(`${f.name}: a link with a relationship`);
      // LibreOffice writes '花名册'!D7 as #'花名册'.D7.
      const want = locations.map((l) => "#" + l.replace(/!(?=[A-Z]+\d+$)/, "."));
      if (JSON.stringify(hrefs) !== JSON.stringify(want))
        problems.push(
          `${f.name}: LibreOffice ${JSON.stringify(hrefs.slice(0, 3))}, ours ${JSON.stringify(want.slice(0, 3))}`
        );
    }
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(0);
  });

  it("an .ods LibreOffice wrote is named for what it is, with what to do", () => {
    const [ods] = fs.readdirSync(path.join(dir, "ods"));
    expect(ods).toMatch(/\.ods$/);
    expect(sniffWorkbook(fs.readFileSync(path.join(dir, "ods", ods)))).toMatch(
      /^这是 OpenDocument 表格（\.ods）.*另存为/
    );
  });
});
