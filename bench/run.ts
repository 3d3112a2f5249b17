// npm run bench [-- --only=core,peer,cli,excel --sizes=1000,10000 --phases --keep --openpyxl
//                   --core-in-process]
// cli-vs-openpyxl runs at 100,000 rows (and at every size with --openpyxl).
// One JSON line per measurement on stdout (progress on stderr). See README.md, BENCHMARKS.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { benchRoster, BenchRoster } from "./data";
import { benchCore } from "./core";
import { benchCoreBundled } from "./core-bundled";
import { benchCli, cliPhases, writeInput } from "./cli";
import { benchPeer } from "./peer";
import { benchVsOpenpyxl } from "./openpyxl";
import { emit, note, round } from "./measure";

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const only = arg("only")?.split(",");
const want = (part: string) => !only || only.includes(part);
const SIZES = (arg("sizes") ?? "1000,10000,100000").split(",").map(Number);
const PEER_SIZES = [2000, 5000];

async function main(): Promise<void> {
  const started = performance.now();
  emit({
    bench: "machine",
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "?",
    memGB: round(os.totalmem() / 1073741824, 1),
    platform: `${os.platform()} ${os.release()}`,
    loadavg: os.loadavg().map((x) => round(x, 2)),
  });
  // Rosters are rebuilt where needed (same seed, same rows) so that only one is alive at a time:
  // a run's garbage collections then see that roster's heap, not every size's.
  const roster = (n: number): BenchRoster => benchRoster(n);
  for (const n of SIZES) {
    emit({
      bench: "data",
      ...roster(n).mix,
      quotas: "each programme's quota = its headcount (large enough: no QUOTA_EXCEEDED)",
    });
  }

  if (want("core")) {
    const medians = new Map<number, number>();
    for (const n of SIZES) {
      note(`core ${n}`);
      // Bundled into one file and run in a child process, as the products run it (core-bundled.ts).
      const r = flag("core-in-process") ? benchCore(roster(n)) : benchCoreBundled(n);
      medians.set(n, r.medianMs);
      emit({ ...r });
    }
    if (medians.has(10000) && medians.has(100000)) {
      emit({
        bench: "core-scaling",
        rows: "100000/10000",
        ratio: round(medians.get(100000)! / medians.get(10000)!, 2),
      });
    }
  }

  if (want("peer")) {
    const base = benchRoster(Math.max(...PEER_SIZES));
    for (const n of PEER_SIZES) {
      note(`peer ${n} (HyperFormula COUNTIF per row; the 5k run takes 20–60 s)`);
      emit({ ...benchPeer(base, n) });
    }
  }

  if (want("cli")) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-bench-"));
    try {
      for (const n of SIZES) {
        note(`cli ${n}: writing the input with ExcelJS`);
        const input = await writeInput(roster(n), dir);
        note(
          `cli ${n}: input ${round(input.bytes / 1048576, 2)} MB in ${round(input.ms, 0)} ms; running the CLI`
        );
        emit({ ...(await benchCli(n, input.file, dir)) });
        if (n === 100000 || flag("openpyxl")) emit(await benchVsOpenpyxl(n, input.file, dir));
        if (flag("phases")) emit(await cliPhases(n, input.file));
      }
    } finally {
      if (flag("keep")) note(`inputs kept in ${dir}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  if (want("excel")) {
    const host = path.resolve(__dirname, "..", "src", "excel", "index.ts");
    const double = path.resolve(__dirname, "..", "src", "testing", "excel-double", "index.ts"); // written by the host helper
    if (!fs.existsSync(host) || !fs.existsSync(double)) {
      emit({
        bench: "excel",
        skipped: "src/excel/index.ts or src/testing/excel-double/index.ts is not in this tree yet",
      });
    } else {
      const { benchExcel } = await import("./excel");
      for (const n of SIZES) {
        note(`excel ${n}`);
        for (const line of await benchExcel(roster(n))) emit(line);
      }
    }
  }
  emit({
    bench: "total",
    wallMs: round(performance.now() - started, 0),
    loadavg: os.loadavg().map((x) => round(x, 2)),
  });
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
