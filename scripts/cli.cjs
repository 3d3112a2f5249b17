#!/usr/bin/env node
// npm run generate: the command line (src/cli/main.ts) bundled into one file with esbuild and run
// in this process, as the add-in and the web page run their bundles. The bundle is rebuilt only
// when a source file is newer than it (about 0.3 s; running it then saves about as much on every
// run and ~20 MB of memory against compiling each module on the fly with tsx).
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
// At the same depth as src/cli/, so that the sources' __dirname-relative paths (the sample)
// resolve the same from the bundle.
const OUT = path.join(ROOT, "dist", "cli", "main.cjs");

/** The newest modification time of the sources the bundle is made of. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(ROOT, "src"));
  for (const f of ["package.json", "package-lock.json", "tsconfig.json"])
    newest = Math.max(newest, fs.statSync(path.join(ROOT, f)).mtimeMs);
  return newest;
}

function stale() {
  try {
    return fs.statSync(OUT).mtimeMs < newestSource();
  } catch {
    return true;
  }
}

if (stale()) {
  const { buildSync } = require("esbuild");
  // Built beside the target and renamed into place: a run started meanwhile never sees half a file.
  const tmp = `${OUT}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Libraries load from node_modules as they are (ExcelJS and HyperFormula only when needed).
    packages: "external",
    outfile: tmp,
    logLevel: "warning",
  });
  fs.renameSync(tmp, OUT);
}

require(OUT).runCli();
