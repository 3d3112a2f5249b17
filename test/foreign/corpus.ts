// The foreign-writer corpus (issue 11): the shipped sample written again by openpyxl, XlsxWriter,
// bare zipfile and LibreOffice, with what the command line should give for each file.
// make_corpus.py writes the Python-made files and manifest.json; this wrapper runs it, then has
// LibreOffice open and save the files the manifest marks with "convert" (and, through UNO, add a
// pivot table to the one marked "pivot").
// Needs /usr/bin/python3 with python3-openpyxl, python3-xlsxwriter and python3-uno, and soffice
// (libreoffice-calc-nogui, which brings python3-uno). FOREIGN_PYTHON and FOREIGN_SOFFICE override the programs.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Cell, IssueCode } from "../../src/core/types";
import { SAMPLE } from "../helpers/cli";

export const PYTHON = process.env.FOREIGN_PYTHON ?? "/usr/bin/python3";
export const SOFFICE = process.env.FOREIGN_SOFFICE ?? "soffice";
const SCRIPT = path.join(__dirname, "make_corpus.py");
const PIVOT = path.join(__dirname, "lo_pivot.py");

/** An issue the file must produce at a cell: a known code, or a tag while the code is undecided. */
export interface IssueAt {
  sheet: string;
  cell: string;
  code?: IssueCode;
  /** No code yet (e.g. "share-as-date"): any error there other than RATE_SHARES_MISMATCH. */
  tag?: string;
}

export interface Expect {
  /** CLI exit code without --force. */
  exit: 0 | 1;
  /** Headcount per programme code in the JSON allocation. */
  headcounts?: Record<string, number>;
  /** In 元: total cost, the own union's total (transport included), sources minus that total. */
  totals?: { cost: number; ownUnion: number; gap: number };
  /** Every issue code of the JSON report, sorted (exact). */
  issues?: IssueCode[];
  issueAt?: IssueAt[];
  /** What the reader must hand the core for these cells (dates as 1900-system serials). */
  cells?: { sheet: string; cell: string; value: Cell }[];
  /** An acceptable other outcome, in words (for the report). */
  alternative?: string;
  note?: string;
}

export interface ForeignFile {
  /** Absolute path. */
  file: string;
  /** File name, also the key in FAILING_TODAY. */
  name: string;
  writer: string;
  variant: string;
  description: string;
  expect: Expect;
  /** Made by LibreOffice from this corpus file. */
  convert?: string;
  /** Made by LibreOffice from the sample, with a pivot table added (lo_pivot.py). */
  pivot?: boolean;
}

interface ManifestEntry extends Omit<ForeignFile, "file" | "name"> {
  file: string;
}

/** Run a program; its stderr in the error when it fails. */
function run(cmd: string, args: string[], timeout: number): string {
  try {
    return execFileSync(cmd, args, {
      encoding: "utf8",
      timeout,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${cmd} ${args[0] ?? ""} failed: ${err.stderr?.trim() || err.message}`);
  }
}

/** Open and save each file in LibreOffice (one soffice process, a private profile). */
export function convertWithLibreOffice(pairs: { from: string; to: string }[]): void {
  if (pairs.length === 0) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lo-convert-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    const staged = pairs.map(({ from, to }) => {
      const p = path.join(tmp, "in", path.basename(to));
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.copyFileSync(from, p);
      return p;
    });
    const outDir = path.join(tmp, "out");
    run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        outDir,
        ...staged,
      ],
      120_000
    );
    for (const { to } of pairs) {
      const made = path.join(outDir, path.basename(to));
      if (!fs.existsSync(made)) throw new Error(`LibreOffice did not write ${path.basename(to)}`);
      fs.copyFileSync(made, to);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Build the whole corpus into dir (created if needed); the files in manifest order. */
export function buildForeignCorpus(dir: string, sample = SAMPLE): ForeignFile[] {
  fs.mkdirSync(dir, { recursive: true });
  run(PYTHON, ["-B", SCRIPT, sample, dir], 60_000);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(dir, "manifest.json"), "utf8")
  ) as ManifestEntry[];
  const files = manifest.map((m) => ({ ...m, name: m.file, file: path.join(dir, m.file) }));
  convertWithLibreOffice(
    files.filter((f) => f.convert).map((f) => ({ from: path.join(dir, f.convert!), to: f.file }))
  );
  for (const f of files.filter((x) => x.pivot))
    run(PYTHON, ["-B", PIVOT, SOFFICE, sample, f.file], 180_000);
  return files;
}

// npx tsx test/foreign/corpus.ts DIR: build the corpus into DIR to look at the files.
if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? "foreign-corpus");
  for (const f of buildForeignCorpus(dir)) process.stdout.write(`${f.file}\t${f.variant}\n`);
}
