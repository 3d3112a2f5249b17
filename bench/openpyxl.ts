// The command line against a plain openpyxl read-only script on the same file, in the same run
// (issue 11): the peer only reads the roster and counts repeated IDs; we read, validate,
// allocate and write the output workbook. Both as child processes under /usr/bin/time -v.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { benchCli } from "./cli";
import { note, round } from "./measure";

const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const TIME = "/usr/bin/time";

/** The peer: what a union's IT person would write to find repeated IDs. */
const PEER = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb["花名册"]
col = None
seen = {}
for row in ws.iter_rows(values_only=True):
    if col is None:
        if "身份证号" in row:
            col = row.index("身份证号")
        continue
    v = row[col] if col < len(row) else None
    if v is None:
        continue
    k = str(v).strip().upper()
    seen[k] = seen.get(k, 0) + 1
print(sum(n for n in seen.values() if n > 1))
`;

function hasOpenpyxl(): boolean {
  return spawnSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0;
}

/** Debian's python3-openpyxl, installed when missing (the bench machine may not have it). */
function ensureOpenpyxl(): void {
  if (hasOpenpyxl()) return;
  note("python3-openpyxl missing: apt-get install -y python3-openpyxl");
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "python3-openpyxl"], {
    stdio: "ignore",
  });
  if (!hasOpenpyxl()) throw new Error(`${PYTHON} cannot import openpyxl`);
}

function runPeer(script: string, input: string): { ms: number; peakMB: number; out: string } {
  const t = performance.now();
  const r = spawnSync(TIME, ["-v", PYTHON, script, input], { encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`openpyxl peer failed: ${r.stderr.split("\n").slice(-4)}`);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { ms, peakMB: m ? Number(m[1]) / 1024 : NaN, out: r.stdout.trim() };
}

export async function benchVsOpenpyxl(
  rows: number,
  input: string,
  dir: string
): Promise<Record<string, unknown>> {
  ensureOpenpyxl();
  if (!fs.existsSync(TIME)) throw new Error(`${TIME} is needed to measure peak memory`);
  const script = path.join(dir, "peer-openpyxl.py");
  fs.writeFileSync(script, PEER);
  note(`cli-vs-openpyxl ${rows}: the openpyxl peer`);
  const peer = runPeer(script, input);
  note(`cli-vs-openpyxl ${rows}: the command line`);
  const ours = await benchCli(rows, input, dir);
  return {
    bench: "cli-vs-openpyxl",
    rows,
    ratio: round(ours.wallMs / peer.ms, 2),
    oursMs: ours.wallMs,
    peerMs: round(peer.ms, 0),
    oursPeakMB: ours.peakRssMB,
    peerPeakMB: round(peer.peakMB, 0),
    peerDuplicateRows: Number(peer.out),
    note: "wall times of child processes in the same run; ours = tsx src/cli/main.ts in.xlsx -o out.xlsx --force (read, validate, allocate, patch, write), peer = openpyxl read_only, count repeated IDs",
  };
}
