// Running the command line in-process (main(argv, io)) inside throw-away folders.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

export const ASSETS = path.resolve(__dirname, "../../assets");
export const SAMPLE = path.join(ASSETS, "sample-2024.xlsx");
export const SAMPLE_MISTAKES = path.join(ASSETS, "sample-2024-mistakes.xlsx");

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
  /** stdout joined. */
  stdout: string;
}

export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), cwd });
  return { code, out, err, stdout: out.join("\n") };
}

const dirs: string[] = [];

/** A fresh temporary folder, removed after the test file (see cleanTmpDirs). */
export function tmpDir(prefix = "lxy-cli-"): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export function cleanTmpDirs(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Copy a file into a folder (inputs are never used in place, so nothing is written into assets/). */
export function copyInto(dir: string, file: string, name = path.basename(file)): string {
  const to = path.join(dir, name);
  fs.copyFileSync(file, to);
  return to;
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** A snapshot of every file in a folder: name → hash. */
export function folderHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, sha256(path.join(dir, f))])
  );
}
