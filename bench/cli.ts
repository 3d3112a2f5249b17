// The command line end to end on an .xlsx: a child process exactly as `npm run generate` runs it
// (node scripts/cli.cjs in.xlsx -o out.xlsx --force: the bundled CLI), timed, with its peak RSS.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildWorkbook } from "../scripts/book-spec";
import { XlsxWorkbook } from "../src/xlsx/workbook";
import { analyse, planSheets } from "../src/core/engine";
import { benchSheets, BenchRoster } from "./data";
import { TODAY } from "./core";
import { round, time } from "./measure";

export const ROOT = path.resolve(__dirname, "..");
/** What `npm run generate` runs (package.json). */
const CLI = path.join(ROOT, "scripts", "cli.cjs");
const TIME = "/usr/bin/time";

export async function writeInput(
  b: BenchRoster,
  dir: string
): Promise<{ file: string; ms: number; bytes: number }> {
  const file = path.join(dir, `roster-${b.rows.length}.xlsx`);
  const t = performance.now();
  await buildWorkbook(benchSheets(b)).xlsx.writeFile(file);
  return { file, ms: performance.now() - t, bytes: fs.statSync(file).size };
}

/** User + system CPU time from GNU time -v's report, in ms (null without it). */
export function cpuOf(timeReport: string): number | null {
  const u = /User time \(seconds\): ([\d.]+)/.exec(timeReport);
  const s = /System time \(seconds\): ([\d.]+)/.exec(timeReport);
  return u && s ? (Number(u[1]) + Number(s[1])) * 1000 : null;
}

interface ChildRun {
  code: number | null;
  wallMs: number;
  cpuMs: number | null;
  peakRssMB: number | null;
  stderr: string;
}

function runChild(cmd: string, args: string[]): Promise<ChildRun> {
  const env = { ...process.env };
  delete env.INIT_CWD; // the CLI resolves relative paths against INIT_CWD; ours are absolute anyway
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - t;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const cpuMs = cpuOf(stderr);
      resolve({ code, wallMs, cpuMs, peakRssMB: m ? Number(m[1]) / 1024 : null, stderr });
    });
  });
}

export interface CliResult {
  bench: "cli";
  rows: number;
  wallMs: number;
  cpuMs: number | null;
  peakRssMB: number | null;
  inputMB: number;
  outputMB: number;
  exitCode: number | null;
  rssVia: string;
}

let bundled = false;

export async function benchCli(rows: number, input: string, dir: string): Promise<CliResult> {
  // The first run after a source change rebuilds the bundle: not part of any measured run.
  if (!bundled) {
    const r = await runChild(process.execPath, [CLI, "--help"]);
    if (r.code !== 0) throw new Error(`scripts/cli.cjs --help: exit ${r.code}: ${r.stderr}`);
    bundled = true;
  }
  const out = path.join(dir, `out-${rows}.xlsx`);
  const cli = [process.execPath, CLI, input, "-o", out, "--force"];
  const hasTime = fs.existsSync(TIME);
  const r = hasTime ? await runChild(TIME, ["-v", ...cli]) : await runChild(cli[0], cli.slice(1));
  if (r.code !== 0)
    throw new Error(
      `CLI exit ${r.code} on ${rows} rows: ${r.stderr.split("\n").slice(-5).join(" | ")}`
    );
  return {
    bench: "cli",
    rows,
    wallMs: round(r.wallMs, 0),
    cpuMs: r.cpuMs === null ? null : round(r.cpuMs, 0),
    peakRssMB: r.peakRssMB === null ? null : round(r.peakRssMB, 0),
    inputMB: round(fs.statSync(input).size / 1048576, 2),
    outputMB: round(fs.statSync(out).size / 1048576, 2),
    exitCode: r.code,
    rssVia: hasTime ? "/usr/bin/time -v" : "unavailable",
  };
}

/** Where the CLI's time goes, in-process: ExcelJS load, to cells, core, ExcelJS write. */
export async function cliPhases(rows: number, input: string): Promise<Record<string, unknown>> {
  const buf = fs.readFileSync(input);
  const load = performance.now();
  const book = await XlsxWorkbook.fromBuffer(buf);
  const loadMs = performance.now() - load;
  const read = performance.now();
  const data = await book.readWorkbook();
  const readMs = performance.now() - read;
  const a = time(() => analyse(data, { today: TODAY }));
  const p = time(() => planSheets(a.value));
  const w = performance.now();
  await book.writeSheets([p.value.allocation!, p.value.report]);
  const writeMs = performance.now() - w;
  const s = performance.now();
  await book.toBuffer();
  const saveMs = performance.now() - s;
  return {
    bench: "cli-phases",
    rows,
    loadMs: round(loadMs, 0),
    readMs: round(readMs, 0),
    analyseMs: round(a.ms, 0),
    planMs: round(p.ms, 0),
    addSheetsMs: round(writeMs, 0),
    saveMs: round(saveMs, 0),
  };
}
