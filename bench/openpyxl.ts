// The command line against a plain openpyxl read-only script on the same file, in the same run
// (issue 11): the peer only reads the roster and counts repeated IDs; we read, validate,
// allocate and write the output workbook. Both as child processes under /usr/bin/time -v.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { benchCli, cpuOf } from "./cli";
import type { CliResult } from "./cli";
import { median, note, round } from "./measure";

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

function runPeer(
  script: string,
  input: string
): { ms: number; cpuMs: number | null; peakMB: number; out: string } {
  const t = performance.now();
  const r = spawnSync(TIME, ["-v", PYTHON, script, input], { encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`openpyxl peer failed: ${r.stderr.split("\n").slice(-4)}`);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return {
    ms,
    cpuMs: cpuOf(r.stderr),
    peakMB: m ? Number(m[1]) / 1024 : NaN,
    out: r.stdout.trim(),
  };
}

const med = (xs: number[]) => median(xs);

export async function benchVsOpenpyxl(
  rows: number,
  input: string,
  dir: string,
  rounds = 3
): Promise<Record<string, unknown>> {
  ensureOpenpyxl();
  if (!fs.existsSync(TIME)) throw new Error(`${TIME} is needed to measure peak memory`);
  const script = path.join(dir, "peer-openpyxl.py");
  fs.writeFileSync(script, PEER);
  // Alternating runs, so that a change in the machine's load falls on both.
  const peers: ReturnType<typeof runPeer>[] = [];
  const ourRuns: CliResult[] = [];
  for (let i = 0; i < rounds; i++) {
    note(`cli-vs-openpyxl ${rows}: the openpyxl peer (${i + 1}/${rounds})`);
    peers.push(runPeer(script, input));
    note(`cli-vs-openpyxl ${rows}: the command line (${i + 1}/${rounds})`);
    ourRuns.push(await benchCli(rows, input, dir));
  }
  const oursMs = med(ourRuns.map((r) => r.wallMs));
  const peerMs = med(peers.map((p) => p.ms));
  const oursCpu = ourRuns.every((r) => r.cpuMs !== null) ? med(ourRuns.map((r) => r.cpuMs!)) : null;
  const peerCpu = peers.every((p) => p.cpuMs !== null) ? med(peers.map((p) => p.cpuMs!)) : null;
  return {
    bench: "cli-vs-openpyxl",
    rows,
    ratio: round(oursMs / peerMs, 2),
    oursMs: round(oursMs, 0),
    peerMs: round(peerMs, 0),
    oursPeakMB: Math.max(...ourRuns.map((r) => r.peakRssMB ?? NaN)),
    peerPeakMB: round(Math.max(...peers.map((p) => p.peakMB)), 0),
    cpuRatio: oursCpu !== null && peerCpu !== null ? round(oursCpu / peerCpu, 2) : null,
    oursCpuMs: oursCpu === null ? null : round(oursCpu, 0),
    peerCpuMs: peerCpu === null ? null : round(peerCpu, 0),
    runs: rounds,
    loadavg: os.loadavg().map((x) => round(x, 2)),
    peerDuplicateRows: Number(peers[0].out),
    note: "medians of alternating child-process runs in the same bench run; ours = node scripts/cli.cjs in.xlsx -o out.xlsx --force (what npm run generate runs: the CLI bundled) (read, validate, allocate, patch, write), peer = openpyxl read_only counting repeated IDs; cpu = user+system from /usr/bin/time -v",
  };
}
