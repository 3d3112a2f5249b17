// The offline web page (issue 14) in Debian's Chromium: dist/web/offline.html as `npm run build`
// makes it, opened from disk (file://) with the network off and every request recorded. A
// workbook is uploaded through the file input, 生成经费分摊表 pressed, the download caught and
// checked against the command line's file for the same input, HyperFormula and LibreOffice.
import { execFileSync } from "child_process";
import * as http from "http";
import { AddressInfo } from "net";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import ExcelJS from "exceljs";
import { BrowserContext, chromium, Page, Route } from "playwright-core";
import { runCli, SAMPLE, SAMPLE_MISTAKES, tmpDir, cleanTmpDirs } from "../helpers/cli";
import { evaluateWorkbook } from "../helpers/hyperformula";
import { buildForeignCorpus } from "../foreign/corpus";
import {
  byLabel,
  parts,
  recalculatedByLibreOffice,
  sheetParts,
  withoutZipTimes,
} from "./web-files";

// A production webpack build, Chromium, LibreOffice and the foreign corpus: generous.
jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, ".tmp", "web-test");
const PAGE = path.join(OUT, "offline.html");
// Screenshots land in screenshots/ (not tracked); README's pictures are copies of them in
// docs/images/ (cp screenshots/web-page*.png docs/images/ after a change to the page).
const SHOTS = path.join(ROOT, "screenshots");
const SHOT = path.join(SHOTS, "web-page.png");
const CHROMIUM = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => fs.existsSync(p));

let context: BrowserContext;
let page: Page;
let userDataDir: string;
let sizeLine = "";
const pageErrors: string[] = [];
const consoleErrors: string[] = [];
/** Every request that is not the page's own file, blob: or data: URL: there must be none. */
const requests: string[] = [];

const NETWORK = /^(https?|wss?|ftp):/;
function refuse(route: Route): void {
  requests.push(route.request().url());
  void route.abort();
}

async function buildWeb(): Promise<void> {
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({ web: true }, { mode: "production" });
  config.context = ROOT;
  config.output = { ...config.output, path: OUT };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    })
  );
  sizeLine = execFileSync(process.execPath, [path.join(ROOT, "scripts", "inline-web.mjs"), OUT], {
    encoding: "utf8",
  });
}

beforeAll(async () => {
  if (!CHROMIUM)
    throw new Error("Chromium not found: apt-get install -y chromium fonts-wqy-microhei");
  await buildWeb();
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    acceptDownloads: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1400, height: 900 },
  });
  // Anything the browser would fetch over a network is recorded and refused.
  await context.route(NETWORK, refuse);
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("request", (r) => {
    if (!/^(file|blob|data):/.test(r.url())) requests.push(r.url());
  });
  page.on("worker", (w) => {
    w.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push("worker: " + m.text());
    });
  });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  cleanTmpDirs();
});

/** axe-core in the real browser (layout, so colour contrast is checked too) on the whole page. */
async function violations(): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    // Evaluated through the DevTools protocol: the page's CSP stays in force for its own code.
    await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            el: Element
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document.querySelector(".web")!);
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

async function openPage(): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.goto("file://" + PAGE);
  await page.locator('.web[data-ready="true"]').waitFor();
}

async function upload(file: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page
    .locator(".status", { hasText: `已打开 ${path.basename(file)}` })
    .waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll("button")].find(
      (x) => x.textContent === "生成经费分摊表"
    );
    return b && !b.disabled;
  });
}

/** 生成经费分摊表 (or 仍然生成) pressed, and the file the browser downloads. */
async function generateAndDownload(button = "生成经费分摊表"): Promise<{
  name: string;
  bytes: Buffer;
  saveMode: string | null;
}> {
  const download = page.waitForEvent("download", { timeout: 300_000 });
  await page.getByRole("button", { name: button, exact: true }).click();
  const d = await download;
  const file = await d.path();
  const saveMode = await page.locator("a.download").getAttribute("data-save-mode");
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file), saveMode };
}

/** The command line's output for the same input (its default name in a fresh folder). */
async function cliOutput(input: string): Promise<{ bytes: Buffer; report: any }> {
  const dir = tmpDir("lxy-web-cli-");
  const copy = path.join(dir, path.basename(input));
  fs.copyFileSync(input, copy);
  const run = await runCli([copy, "--json", "r.json", "--force"], dir);
  expect(run.code).toBe(0);
  const out = copy.replace(/\.xlsx$/, ".经费分摊.xlsx");
  return {
    bytes: fs.readFileSync(out),
    report: JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8")),
  };
}

async function allocationSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet("经费分摊表")!;
}

test("the single file: the CSP forbids every connection, nothing is loaded from outside, under 3 MB gzip", async () => {
  process.stdout.write(sizeLine);
  const gz = Number(/gzip ([\d.]+) MB/.exec(sizeLine)?.[1]);
  expect(gz).toBeGreaterThan(0.1);
  expect(gz).toBeLessThan(3);
  const html = fs.readFileSync(PAGE, "utf8");
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html)?.[1] ?? "";
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).toMatch(/connect-src 'none'/);
  expect(csp).not.toMatch(/https?:|'self'|\*|'unsafe-eval'/);
  expect(csp).toMatch(/worker-src blob:(;|$)/);
  // No external script, stylesheet or font (the code itself may mention URLs in its strings).
  const tags = html.match(/<(script|link|img|iframe|style)\b[^>]*>/gi) ?? [];
  expect(tags.filter((t) => /\b(src|href)=/i.test(t) && !/href="?data:/i.test(t))).toEqual([]);
  const styles = [...html.matchAll(/<style[^>]*>([^<]*)<\/style>/g)].map((m) => m[1]).join("");
  expect(styles.length).toBeGreaterThan(1000);
  expect(/@font-face|@import|url\(/.test(styles)).toBe(false);

  await openPage();
  expect(await page.locator(".privacy").textContent()).toMatch(/不会上传.*禁止一切网络连接/);
  // The worker runs (from a Blob URL: file:// pages may not load worker.js beside them).
  expect(await page.locator(".web").getAttribute("data-mode")).toBe("worker");
  // A connection attempt is refused by the CSP itself, before the network is asked.
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      violations.push(e.effectiveDirective)
    );
    let fetched = "no error";
    try {
      await fetch("http://127.0.0.1:9/x");
    } catch (e) {
      fetched = String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
    return { fetched, violations };
  });
  expect(outcome.fetched).toMatch(/TypeError/);
  expect(outcome.violations).toContain("connect-src");
  // That refusal is the one console error this test caused; forget it.
  consoleErrors.length = 0;
  expect(requests).toEqual([]);
});

test("the sample from disk: the seed's figures, and a download equal to the CLI's file that recalculates to them", async () => {
  await openPage();
  await upload(SAMPLE);
  const got = await generateAndDownload();
  expect(got.name).toBe("sample-2024.经费分摊.xlsx");
  await page.getByText("超支 93.34 元").first().waitFor();
  await page.getByText("132,093.34").first().waitFor();

  // The same bytes as the command line's output, apart from the zip's timestamps.
  const cli = await cliOutput(SAMPLE);
  expect(got.saveMode).toBe("patch");
  expect(withoutZipTimes(got.bytes).equals(withoutZipTimes(cli.bytes))).toBe(true);
  // The user's sheets byte for byte as they were in the input.
  const input = await sheetParts(fs.readFileSync(SAMPLE));
  const output = await sheetParts(got.bytes);
  for (const [name, bytes] of input) expect(output.get(name)?.equals(bytes)).toBe(true);

  // The engine's figures, recalculated from the formulas by HyperFormula and by LibreOffice.
  expect(cli.report.allocation.totals.byPayer["高新区总工会"]).toBe(132093.34);
  const ev = await evaluateWorkbook(got.bytes);
  const ws = await allocationSheet(got.bytes);
  const own = /^高新区总工会承担合计$/;
  const gap = /^差额/;
  const row = (label: RegExp) => {
    for (let r = 1; r <= ws.rowCount; r++)
      if (label.test(String(ws.getCell(r, 1).value ?? ""))) return `C${r}`;
    throw new Error(String(label));
  };
  expect(ev.value("经费分摊表", row(own))).toBe(132093.34);
  expect(ev.value("经费分摊表", row(gap))).toBe(-93.34);
  const lo = await recalculatedByLibreOffice(got.bytes, "经费分摊表");
  expect(lo.stripped).toBeGreaterThan(20);
  expect(byLabel(lo.ws, own)).toBe(132093.34);
  expect(byLabel(lo.ws, gap)).toBe(-93.34);

  // The generated sheet in the preview, its figures formula results.
  await page.getByRole("button", { name: "查看“经费分摊表”" }).click();
  const cell = page.locator('table.grid[data-sheet="经费分摊表"] td', { hasText: /^132,093\.34$/ });
  await cell.first().waitFor();
  expect(await cell.first().getAttribute("title")).toMatch(/^=/);

  expect(await violations()).toEqual([]);

  fs.mkdirSync(path.dirname(SHOT), { recursive: true });
  await page.getByRole("tab", { name: /^花名册/ }).click();
  await page.screenshot({ path: SHOT });

  // The downloaded file opened again (after fixing something, say): its generated sheets are
  // replaced, not added to, in the download as in the preview's tabs.
  const again = path.join(tmpDir("lxy-web-again-"), "sample-2024.经费分摊.xlsx");
  fs.writeFileSync(again, got.bytes);
  await upload(again);
  const second = await generateAndDownload();
  expect(second.name).toBe("sample-2024.经费分摊.经费分摊.xlsx");
  const secondSheets = [...(await sheetParts(second.bytes)).keys()];
  expect(secondSheets).toEqual(["花名册", "项目费率", "预算", "经费分摊表", "校验结果"]);
  expect(await page.getByRole("tab").allTextContents()).toEqual([
    "花名册",
    "项目费率",
    "预算",
    "经费分摊表（生成）",
    "校验结果（生成）",
  ]);
  const cliAgain = await cliOutput(again);
  expect(withoutZipTimes(second.bytes).equals(withoutZipTimes(cliAgain.bytes))).toBe(true);
  expect(requests).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("the mistakes sample: its issues with click-to-cell, 生成 blocked with 仍然生成 offered, then the forced file", async () => {
  await openPage();
  await upload(SAMPLE_MISTAKES);
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByRole("button", { name: "生成经费分摊表", exact: true }).click();
  await page
    .getByText(/^发现 7 个错误/)
    .first()
    .waitFor();
  await page.getByText("错误 7 个，警告 3 个").first().waitFor();
  const force = page.getByRole("button", { name: "仍然生成", exact: true });
  await force.waitFor();
  expect(downloads).toBe(0);
  expect(await page.locator("a.download").count()).toBe(0);

  // The issues' cells are marked in the preview; an issue's row selects its cell.
  const grid = page.locator('table.grid[data-sheet="花名册"]');
  for (const address of ["D7", "D12", "G15"])
    await grid.locator(`td[data-cell="${address}"][data-mark="error"]`).waitFor();
  expect(await grid.locator('td[data-cell="B33"]').getAttribute("data-mark")).toBe("warning");
  await page.getByRole("button", { name: /^花名册!G15/ }).click();
  await grid.locator('td[data-cell="G15"][data-selected="true"]').waitFor();
  await page.screenshot({ path: path.join(SHOTS, "web-page-mistakes.png") });

  const got = await generateAndDownload("仍然生成");
  const cli = await cliOutput(SAMPLE_MISTAKES);
  expect(withoutZipTimes(got.bytes).equals(withoutZipTimes(cli.bytes))).toBe(true);
  const report = (
    await new ExcelJS.Workbook().xlsx.load(got.bytes as unknown as ArrayBuffer)
  ).getWorksheet("校验结果");
  expect(report).toBeDefined();
  expect(requests).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("a workbook saved by LibreOffice and one written by openpyxl work the same way", async () => {
  const dir = tmpDir("lxy-web-foreign-");
  const corpus = buildForeignCorpus(dir);
  for (const name of ["lo-openpyxl-plain.xlsx", "openpyxl-plain.xlsx"]) {
    const file = corpus.find((f) => f.name === name)!.file;
    await openPage();
    await upload(file);
    const got = await generateAndDownload();
    const cli = await cliOutput(file);
    if (got.saveMode === "patch") {
      expect(withoutZipTimes(got.bytes).equals(withoutZipTimes(cli.bytes))).toBe(true);
      const input = await sheetParts(fs.readFileSync(file));
      const output = await sheetParts(got.bytes);
      for (const [sheet, bytes] of input) expect(output.get(sheet)?.equals(bytes)).toBe(true);
    }
    // Saved whole (the patcher gives up on openpyxl's namespaces today, test/foreign/today.ts):
    // every part the same as the CLI's but the save time.
    else expect(await parts(got.bytes)).toEqual(await parts(cli.bytes));
    const own = cli.report.allocation.totals.byPayer["高新区总工会"];
    expect(own).toBe(132093.34);
    const ws = await allocationSheet(got.bytes);
    const ev = await evaluateWorkbook(got.bytes);
    for (let r = 1; r <= ws.rowCount; r++)
      if (ws.getCell(r, 1).value === "高新区总工会承担合计")
        expect(ev.value("经费分摊表", `C${r}`)).toBe(own);
    await page.getByText("超支 93.34 元").first().waitFor();
  }
  expect(requests).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("a file that is not an .xlsx gets a Chinese reason, not a crash", async () => {
  await openPage();
  const dir = tmpDir("lxy-web-bad-");
  const csv = path.join(dir, "花名册.csv");
  fs.writeFileSync(csv, "序号,姓名\n1,林红\n");
  await page.locator('input[type="file"]').setInputFiles(csv);
  await page
    .getByRole("alert")
    .getByText(/这是文本文件（如 \.csv），不是 \.xlsx 工作簿/)
    .waitFor();
  expect(pageErrors).toEqual([]);
});

test("dist/web/index.html opened from disk: no worker from file://, so the same work runs on the page's thread", async () => {
  await page.goto("file://" + path.join(OUT, "index.html"));
  await page.locator('.web[data-ready="true"]').waitFor();
  // Chromium refuses a worker script from a file:// URL; the page says it works without one.
  expect(await page.locator(".web").getAttribute("data-mode")).toBe("page");
  await page.getByText(/正在页面中直接处理/).waitFor();
  await upload(SAMPLE);
  const got = await generateAndDownload();
  const cli = await cliOutput(SAMPLE);
  expect(withoutZipTimes(got.bytes).equals(withoutZipTimes(cli.bytes))).toBe(true);
  expect(requests).toEqual([]);
  expect(pageErrors).toEqual([]);
  // The refused worker is reported on the console by Chromium; nothing else.
  expect(consoleErrors.filter((e) => !/worker\.js|Worker/i.test(e))).toEqual([]);
});

test("a workbook dropped onto the page opens like a picked one", async () => {
  await openPage();
  const base64 = fs.readFileSync(SAMPLE).toString("base64");
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], "拖入的花名册.xlsx"));
    const target = document.querySelector(".web")!;
    target.dispatchEvent(
      new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true })
    );
    target.dispatchEvent(
      new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true })
    );
  }, base64);
  await page.locator(".status", { hasText: "已打开 拖入的花名册.xlsx：3 个工作表" }).waitFor();
  await page
    .locator('table.grid[data-sheet="花名册"] td[data-cell="B3"]', { hasText: "林红" })
    .waitFor();
  expect(pageErrors).toEqual([]);
});

test("dist/web/ on a static web server (a union's intranet): the worker comes from worker.js, nothing else is asked for", async () => {
  const served: string[] = [];
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? "/", "http://x").pathname) || "index.html";
    served.push(name);
    const file = path.join(OUT, name);
    if (!fs.existsSync(file)) return void res.writeHead(404).end();
    const type = name.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
    res.writeHead(200, { "Content-Type": type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The same browser, now allowed to reach this one server: anything else is recorded and refused.
  await context.unroute(NETWORK);
  await context.setOffline(false);
  await context.route(NETWORK, (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/")) return void route.continue();
    requests.push(url);
    return void route.abort();
  });
  try {
    await page.goto(origin + "/index.html");
    await page.locator('.web[data-ready="true"]').waitFor();
    expect(await page.locator(".web").getAttribute("data-mode")).toBe("worker");
    await upload(SAMPLE);
    const got = await generateAndDownload();
    const cli = await cliOutput(SAMPLE);
    expect(withoutZipTimes(got.bytes).equals(withoutZipTimes(cli.bytes))).toBe(true);
    expect([...new Set(served)].sort()).toEqual(["index.html", "web.js", "worker.js"]);
    expect(requests.filter((u) => !u.startsWith(origin + "/"))).toEqual([]);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.unroute(NETWORK);
    await context.setOffline(true);
    await context.route(NETWORK, refuse);
    // Chromium keeps its connections open for minutes: close them, or close() waits for them.
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
