// The core bench on the core as it ships: bundled once with esbuild into a single file (the add-in
// and the web page run a webpack bundle, not one module per source file), then run by a child node
// process. The bare-hash peer is in the same bundle and run, so hashRatio compares like with like.
// Under tsx every call into another module goes through a generated getter and each module is
// transformed on its own; `--core-in-process` measures that way instead (the old figures).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildSync } from "esbuild";
import type { CoreResult } from "./core";

export function benchCoreBundled(n: number): CoreResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-bench-core-"));
  try {
    const outfile = path.join(dir, "core-bench.js");
    buildSync({
      entryPoints: [path.join(__dirname, "core-main.ts")],
      bundle: true,
      platform: "node",
      target: "node20",
      outfile,
      logLevel: "warning",
    });
    const r = spawnSync(process.execPath, [outfile, String(n)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`core bench failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as CoreResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
