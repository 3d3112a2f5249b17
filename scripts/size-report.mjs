// After `npm run build`: the gzip size of the JavaScript the task pane loads at start (the
// local <script> tags of dist/taskpane.html). Fails above the budget of 350 KB.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 350;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const html = readFileSync(join(dist, "taskpane.html"), "utf8");
// The HTML is minified: attribute values may be unquoted.
const scripts = [...html.matchAll(/<script[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
  .map((m) => m[1] ?? m[2] ?? m[3])
  .filter((src) => !/^(https?:)?\/\//.test(src));
if (scripts.length === 0) {
  console.error("dist/taskpane.html 中未找到本地脚本。");
  process.exit(1);
}
let raw = 0;
let gz = 0;
for (const src of scripts) {
  const buf = readFileSync(join(dist, src.replace(/^\.?\//, "").split("?")[0]));
  const g = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  console.log(`  ${src}: ${(buf.length / 1024).toFixed(1)} KB，gzip ${(g / 1024).toFixed(1)} KB`);
}
const kb = gz / 1024;
console.log(
  `任务窗格初始 JavaScript：${(raw / 1024).toFixed(1)} KB，gzip ${kb.toFixed(1)} KB（上限 ${BUDGET_KB} KB）`
);
if (kb > BUDGET_KB) {
  console.error(`超出体积上限 ${BUDGET_KB} KB。`);
  process.exit(1);
}
