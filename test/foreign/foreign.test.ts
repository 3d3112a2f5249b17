// The sample workbook written by other programs (openpyxl, XlsxWriter, bare zipfile, LibreOffice):
// each file through the command line, the reader and a forced save (issue 11).
// Every check of every file is asserted except those listed in today.ts: what our code does not
// handle yet, and why. npx tsx test/foreign/report.ts writes what it does instead
// (/work/briefs/foreign-today.md). When a fix makes a listed check pass, take it off the list.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { strFromU8, unzipSync } from "fflate";
import { buildForeignCorpus, ForeignFile, PYTHON } from "./corpus";
import { judge, observe, Verdict } from "./observe";
import { SAMPLE } from "../helpers/cli";
import { FAILING_TODAY } from "./today";

const NAMES = Object.keys(FAILING_TODAY);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-foreign-"));
let files: ForeignFile[] = [];

beforeAll(() => {
  files = buildForeignCorpus(dir);
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("the foreign-writer corpus", () => {
  it("has one file per variant, each listed in today.ts", () => {
    expect(files.map((f) => f.name)).toEqual(NAMES);
    for (const f of files) expect(fs.statSync(f.file).size).toBeGreaterThan(1000);
  });

  it("is the same bytes on a second build (the Python-made files; LibreOffice stamps the time)", () => {
    const again = path.join(dir, "again");
    execFileSync(PYTHON, ["-B", path.join(__dirname, "make_corpus.py"), SAMPLE, again], {
      stdio: "ignore",
    });
    for (const f of files.filter((x) => !x.convert && !x.pivot))
      expect([f.name, sha256(path.join(again, f.name))]).toEqual([f.name, sha256(f.file)]);
  }, 60_000);

  it("holds a pivot table LibreOffice made (its cache and records are parts kept byte for byte)", () => {
    const pivot = files.find((f) => f.pivot)!;
    const zip = unzipSync(fs.readFileSync(pivot.file));
    expect(
      Object.keys(zip)
        .filter((p) => /^xl\/pivot/.test(p))
        .sort()
    ).toEqual(
      expect.arrayContaining([
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/pivotCache/pivotCacheRecords1.xml",
        "xl/pivotTables/pivotTable1.xml",
      ])
    );
    expect(strFromU8(zip["xl/workbook.xml"])).toMatch(/<pivotCaches>/);
  });

  it("covers each writer of issue 11", () => {
    const writers = new Set(files.map((f) => f.writer.split(" ")[0]));
    expect([...writers].sort()).toEqual(["LibreOffice", "Python", "XlsxWriter", "openpyxl"]);
  });
});

describe.each(NAMES)("%s", (name) => {
  let verdicts: Verdict[] = [];
  beforeAll(async () => {
    const f = files.find((x) => x.name === name);
    if (f) verdicts = judge(f, await observe(f));
  }, 120_000);

  it("passes every check except those known to fail today", () => {
    expect(verdicts.length).toBeGreaterThan(0);
    const failing = verdicts
      .filter((v) => !v.ok && !FAILING_TODAY[name].checks.includes(v.check))
      .map((v) => `${v.check}: ${v.seen}`);
    expect(failing).toEqual([]);
  });

  it("lists in today.ts only checks that still fail (a fixed one comes off the list)", () => {
    const passing = verdicts
      .filter((v) => v.ok && FAILING_TODAY[name].checks.includes(v.check))
      .map((v) => v.check);
    expect(passing).toEqual([]);
  });

  it("names only real checks in today.ts", () => {
    const checks = verdicts.map((v) => v.check);
    expect(FAILING_TODAY[name].checks.filter((c) => !checks.includes(c))).toEqual([]);
  });
});
