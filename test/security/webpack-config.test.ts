// The build's promises, read from webpack.config.js without building: pages' CSP (no eval,
// office.js only from Microsoft's CDN and never in the playground), the production manifest
// rewrite, and no dev certificates outside the dev-server.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

const makeConfig = require(path.join(ROOT, "webpack.config.js"));

interface Plugin {
  constructor: { name: string };
  userOptions?: { filename: string; template: string; csp: string };
  patterns?: { from: string; to: string; transform?: (c: Buffer) => string | Buffer }[];
}

const pages = (cfg: { plugins: Plugin[] }) =>
  cfg.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => p.userOptions!);

test("production pages: office.js from the CDN only, no eval, nothing else from outside", async () => {
  const cfg = await makeConfig({}, { mode: "production" });
  expect(Object.keys(cfg.entry).sort()).toEqual(["commands", "notice", "taskpane"]);
  const html = pages(cfg);
  expect(html.map((h) => h.filename).sort()).toEqual([
    "commands.html",
    "help.html",
    "notice.html",
    "taskpane.html",
  ]);
  // The help page has no script at all: script-src 'self' only, and none in its template.
  const help = html.find((h) => h.filename === "help.html")!;
  expect(help.csp).toContain("script-src 'self';");
  expect(help.csp).not.toMatch(/unsafe-eval|localhost|\*/);
  expect(fs.readFileSync(path.join(ROOT, help.template), "utf8")).not.toMatch(/<script/);
  for (const h of html.filter((x) => x.filename !== "help.html")) {
    expect(h.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(h.csp).not.toMatch(/unsafe-eval|localhost|\*/);
    expect(fs.readFileSync(path.join(ROOT, h.template), "utf8")).toContain(
      'src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"'
    );
  }
  expect(cfg.devtool).toBe(false);
  expect(cfg.devServer).toBeUndefined();
});

test("the production manifest points at the real URL instead of https://localhost:3000/", async () => {
  const cfg = await makeConfig({}, { mode: "production" });
  const copy = cfg.plugins.find((p: Plugin) => p.constructor.name === "CopyPlugin") as Plugin;
  const manifest = copy.patterns!.find((p) => p.from === "manifest*.xml")!;
  const out = String(
    manifest.transform!(
      Buffer.from('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>')
    )
  );
  expect(out).toBe('<SourceLocation DefaultValue="https://www.contoso.com/taskpane.html"/>');
  const dev = await makeConfig({}, { mode: "development" });
  const devCopy = (
    dev.plugins.find((p: Plugin) => p.constructor.name === "CopyPlugin") as Plugin
  ).patterns!.find((p) => p.from === "manifest*.xml")!;
  expect(String(devCopy.transform!(Buffer.from("https://localhost:3000/")))).toBe(
    "https://localhost:3000/"
  );
});

test("the playground: its own entry, no office.js, no eval even in development", async () => {
  const cfg = await makeConfig({ demo: true }, { mode: "development" });
  expect(Object.keys(cfg.entry)).toEqual(["playground"]);
  const [page] = pages(cfg);
  expect(page.csp).toContain("script-src 'self';");
  expect(page.csp).not.toMatch(/unsafe-eval|appsforoffice/);
  expect(fs.readFileSync(path.join(ROOT, page.template), "utf8")).not.toMatch(
    /<script[^>]+office\.js/
  );
  expect(cfg.devtool).toBe("source-map");
  expect(cfg.output.path).toBe(path.join(ROOT, "dist", "demo"));
});

test("dev certificates are needed by the dev-server only", async () => {
  await makeConfig({}, { mode: "production" });
  await makeConfig({ demo: true }, { mode: "development" });
  await makeConfig({}, { mode: "development" });
  expect(Object.keys(require.cache).some((k) => k.includes("office-addin-dev-certs"))).toBe(false);
});

test("the web page (--env web): no connection at all, nothing from outside, no eval, one file per entry", async () => {
  const cfg = await makeConfig({ web: true }, { mode: "production" });
  expect(Object.keys(cfg.entry).sort()).toEqual(["web", "worker"]);
  const [page, ...more] = pages(cfg);
  expect(more).toEqual([]);
  expect(page.filename).toBe("index.html");
  expect(page.csp).toContain("default-src 'none'");
  expect(page.csp).toContain("connect-src 'none'");
  expect(page.csp).not.toMatch(/https?:|wss?:|unsafe-eval|unsafe-inline'; script|\*/);
  expect(fs.readFileSync(path.join(ROOT, page.template), "utf8")).not.toMatch(
    /<(script|link)\b[^>]*(src|href)="(https?:)?\/\//
  );
  // The worker's script must be one file: offline.html inlines it, with no folder for chunks.
  expect(cfg.output.asyncChunks).toBe(false);
  expect(cfg.output.path).toBe(path.join(ROOT, "dist", "web"));
});

test("npm run dev-server as root on Linux without sudo: the certificate install gets a sudo shim that runs its command", () => {
  const { sudoShim } = require("../../webpack.config.js") as {
    sudoShim(env: { platform: string; uid: number; path: string }): string | null;
  };
  expect(sudoShim({ platform: "linux", uid: 1000, path: "" })).toBeNull();
  expect(sudoShim({ platform: "win32", uid: 0, path: "" })).toBeNull();
  const dir = sudoShim({ platform: "linux", uid: 0, path: "/nonexistent" })!;
  expect(dir).not.toBeNull();
  const out = require("child_process").execFileSync(path.join(dir, "sudo"), ["echo", "已运行"], {
    encoding: "utf8",
  });
  expect(out.trim()).toBe("已运行");
  // With a real sudo on PATH nothing is shimmed.
  expect(sudoShim({ platform: "linux", uid: 0, path: dir })).toBeNull();
  fs.rmSync(dir, { recursive: true, force: true });
});
