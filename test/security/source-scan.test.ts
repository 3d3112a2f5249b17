// Static guarantees about our own code: the core and the command line reach no network, and
// nothing under src/ evaluates strings as code (eval, new Function, string timers).
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

function files(dir: string, exts = /\.(ts|tsx|js|mjs|cjs)$/): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, exts));
    else if (exts.test(e.name)) out.push(p);
  }
  return out;
}

/** Source without comments and without the contents of string literals (imports are read separately). */
export function codeOnly(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const next = src[i + 1];
    if (ch === "/" && next === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (ch === "/" && next === "*") {
      i = src.indexOf("*/", i + 2);
      i = i < 0 ? src.length : i + 2;
    } else if (ch === '"' || ch === "'" || ch === "`") {
      let j = i + 1;
      while (j < src.length && src[j] !== ch) j += src[j] === "\\" ? 2 : 1;
      out += ch + ch;
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Every module a file imports or requires (static, dynamic and import-equals forms). */
export function importsOf(src: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;
  return [...src.matchAll(re)].map((m) => m[1]);
}

const NETWORK_MODULES =
  /^(node:)?(http|https|http2|net|tls|dgram|dns|dns\/promises|child_process|cluster|worker_threads|inspector)$|^(node-fetch|axios|undici|ws|got|request|superagent|cross-fetch|isomorphic-fetch)(\/|$)/;
const NETWORK_GLOBALS = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b/;

const rel = (f: string) => path.relative(ROOT, f);

describe("no network in the core, the .xlsx port and the command line", () => {
  const scanned = ["src/core", "src/xlsx", "src/cli"].flatMap((d) => files(path.join(ROOT, d)));

  it("scans a real set of files", () => {
    expect(scanned.length).toBeGreaterThanOrEqual(20);
  });

  it("src/core imports only its own modules (pure: no Node, no Office, no DOM libraries)", () => {
    const core = path.join(ROOT, "src/core");
    // A relative import that stays inside src/core (its subfolders included).
    const own = (f: string, m: string) =>
      m.startsWith(".") && path.resolve(path.dirname(f), m).startsWith(core + path.sep);
    const bad = files(core).flatMap((f) =>
      importsOf(fs.readFileSync(f, "utf8"))
        .filter((m) => !own(f, m))
        .map((m) => `${rel(f)}: ${m}`)
    );
    expect(bad).toEqual([]);
  });

  it("no file imports a network module", () => {
    const bad = scanned.flatMap((f) =>
      importsOf(fs.readFileSync(f, "utf8"))
        .filter((m) => NETWORK_MODULES.test(m))
        .map((m) => `${rel(f)}: ${m}`)
    );
    expect(bad).toEqual([]);
  });

  it("no file uses fetch, XMLHttpRequest, WebSocket or EventSource", () => {
    const bad = scanned
      .filter((f) => NETWORK_GLOBALS.test(codeOnly(fs.readFileSync(f, "utf8"))))
      .map(rel);
    expect(bad).toEqual([]);
  });

  it("the scanner itself finds what it looks for", () => {
    expect(
      importsOf(
        `import * as h from "https";\nconst n = require('node:net');\nawait import("undici");`
      ).filter((m) => NETWORK_MODULES.test(m))
    ).toEqual(["https", "node:net", "undici"]);
    expect(NETWORK_GLOBALS.test(codeOnly(`const r = await fetch(url);`))).toBe(true);
    expect(NETWORK_GLOBALS.test(codeOnly(`// fetch( in a comment\nconst s = "fetch(";`))).toBe(
      false
    );
  });
});

const EVAL = [
  /\beval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /(^|[^.\w])Function\s*\(/,
  /\bset(Timeout|Interval)\s*\(\s*["'`]/,
  /\bexecScript\s*\(/,
];

describe("no code from strings", () => {
  it("nothing under src/ calls eval, new Function, Function(…) or a string timer", () => {
    const all = files(path.join(ROOT, "src"));
    expect(all.length).toBeGreaterThanOrEqual(40);
    const bad: string[] = [];
    for (const f of all) {
      // The raw text, comments and strings included: stricter than parsing, and no blind spot.
      const raw = fs.readFileSync(f, "utf8");
      for (const re of EVAL) if (re.test(raw)) bad.push(`${rel(f)}: ${re}`);
    }
    expect(bad).toEqual([]);
  });

  it("the scanner catches each form", () => {
    const hits = (s: string) => EVAL.some((re) => re.test(s));
    expect(hits("eval(x)")).toBe(true);
    expect(hits("const f = new Function('a', 'return a')")).toBe(true);
    expect(hits("const f = Function('return 1')")).toBe(true);
    expect(hits("setTimeout('alert(1)', 10)")).toBe(true);
    expect(hits("evaluateWorkbook(x); retrieval(y); obj.Function(1)")).toBe(false);
  });

  it("the bundles are built without eval-based source maps (the CSP forbids eval)", async () => {
    const config = require(path.join(ROOT, "webpack.config.js"));
    for (const mode of ["development", "production"]) {
      const c = await config({}, { mode });
      for (const one of Array.isArray(c) ? c : [c])
        expect(String(one.devtool ?? "")).not.toMatch(/eval/);
    }
  });
});
