// After `webpack --env web`: dist/web/offline.html, the web page as one self-contained file
// that works opened from disk (file://) with no network. The page's script is inlined, the
// worker's script is inlined as text (the page starts it from a Blob URL), and the CSP allows
// exactly those inline scripts (by their SHA-256) and blob: workers — still no connection.
// Prints the file's size and gzip size; fails above the budget of 3 MB gzip.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET_MB = 3;
// The built page's folder: dist/web, or the one given (the browser test builds elsewhere).
const dir = process.argv[2]
  ? resolve(process.argv[2])
  : resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist", "web");
let html = readFileSync(join(dir, "index.html"), "utf8");

/** Script text that is safe inside <script>…</script>: no "</script" and no "<!--". */
const safe = (js) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const sha = (js) => `'sha256-${createHash("sha256").update(js, "utf8").digest("base64")}'`;

const tag = /<script\s+src=(?:"([^"]+)"|'([^']+)'|([^\s>]+))[^>]*><\/script>/g;
const hashes = [];
let found = 0;
html = html.replace(tag, (_m, a, b, c) => {
  found++;
  const src = a ?? b ?? c;
  const code = readFileSync(join(dir, src), "utf8");
  const worker = safe(
    "window.__LXY_WORKER_SOURCE__=" +
      JSON.stringify(readFileSync(join(dir, "worker.js"), "utf8"))
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029") +
      ";"
  );
  const main = safe(code);
  hashes.push(sha(worker), sha(main));
  return `<script>${worker}</script><script>${main}</script>`;
});
if (found !== 1) throw new Error(`dist/web/index.html: expected one script tag, found ${found}`);

// The CSP: the two inline scripts by hash, the worker from a Blob URL; nothing else changes.
const before = html;
html = html
  .replace("script-src 'self'", `script-src ${hashes.join(" ")}`)
  .replace("worker-src 'self'", "worker-src blob:");
if (html === before || !html.includes("connect-src 'none'"))
  throw new Error("dist/web/index.html: CSP not found");

const out = join(dir, "offline.html");
writeFileSync(out, html);
const raw = Buffer.byteLength(html);
const gz = gzipSync(html, { level: 9 }).length;
const mb = (n) => (n / 1024 / 1024).toFixed(2);
console.log(
  `网页版单文件 ${relative(process.cwd(), out)}：${mb(raw)} MB，gzip ${mb(gz)} MB（上限 ${BUDGET_MB} MB）`
);
if (gz > BUDGET_MB * 1024 * 1024) {
  console.error(`超出体积上限 ${BUDGET_MB} MB（gzip）。`);
  process.exit(1);
}
