// The browser playground in Debian's Chromium: the real pane on the strict Excel double.
// Builds the demo bundle with webpack's Node API, serves it on a free localhost port, and
// checks the two clicks the README promises: 校验 on the sample with mistakes marks the
// duplicate and ineligible cells; 生成经费分摊表 on the clean sample shows the golden totals.
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { AddressInfo } from "net";
import webpack from "webpack";
import { BrowserContext, chromium, Page } from "playwright-core";

// Longer than the global 300 s: the production webpack build alone took over 300 s on a 2-core
// machine at load 18.
jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, ".tmp", "demo-test");
const SHOTS = path.join(ROOT, "screenshots");
const CHROMIUM = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => fs.existsSync(p));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

let server: http.Server;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];
const officeRequests: string[] = [];

async function buildDemo(): Promise<void> {
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = await makeConfig({ demo: true }, { mode: "development" });
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
}

function serve(root: string): Promise<string> {
  server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.normalize(path.join(root, p.endsWith("/") ? p + "index.html" : p));
    if (!file.startsWith(root) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://localhost:${(server.address() as AddressInfo).port}/`)
    )
  );
}

beforeAll(async () => {
  if (!CHROMIUM)
    throw new Error("Chromium not found: apt-get install -y chromium fonts-wqy-microhei");
  fs.mkdirSync(SHOTS, { recursive: true });
  await buildDemo();
  baseUrl = await serve(OUT);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
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
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  // React warnings, CSP violations and failed requests all land here.
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("request", (r) => {
    if (/office\.js|appsforoffice/i.test(r.url())) officeRequests.push(r.url());
  });
});

afterAll(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

/** axe-core in the real browser (layout, so colour contrast is checked too) on the task pane. */
async function paneViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays in force.
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
    const r = await axe.run(document.querySelector(".pane main")!);
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

const grid = (sheet: string) => page.locator(`table.grid[data-sheet="${sheet}"]`);
const cell = (sheet: string, address: string) => grid(sheet).locator(`td[data-cell="${address}"]`);

test("校验 on the sample with mistakes marks the duplicate and the ineligible cells in the grid", async () => {
  await page.goto(baseUrl);
  await page.getByRole("button", { name: "带错误的样例" }).click();
  await page.locator('.playground[data-sample="mistakes"][data-ready="true"]').waitFor();
  const validate = page.getByRole("button", { name: "校验", exact: true });
  await validate.waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "校验");
    return b && !b.disabled;
  });
  await validate.click();
  await page.getByText("错误 7 个，警告 3 个").first().waitFor();

  for (const address of ["D7", "D12", "G15"]) {
    await cell("花名册", address).and(page.locator('[data-mark="error"]')).waitFor();
  }
  expect(await cell("花名册", "D8").getAttribute("data-mark")).toBeNull();
  // A warning is marked differently from an error.
  expect(await cell("花名册", "B33").getAttribute("data-mark")).toBe("warning");

  // Click-to-cell: the issue row selects G15 in the grid.
  await page.getByRole("button", { name: /^金杰 · 花名册!G15/ }).click();
  await cell("花名册", "G15").and(page.locator('[data-selected="true"]')).waitFor();
  await page.screenshot({
    path: path.join(SHOTS, "playground-mistakes-validated.png"),
  });
  expect(await paneViolations()).toEqual([]);

  // 清除标记 removes them all.
  await page.getByRole("button", { name: "清除标记", exact: true }).click();
  await page.waitForFunction(
    () => document.querySelectorAll("table.grid td[data-mark]").length === 0
  );

  // The ribbon's 一键生成: blocked by the errors, it marks them again and says so in a dialog.
  await page.getByRole("button", { name: "一键生成（功能区按钮）" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText(/^发现 7 个错误，未生成经费分摊表/).waitFor();
  await cell("花名册", "D7").and(page.locator('[data-mark="error"]')).waitFor();
  await page.screenshot({ path: path.join(SHOTS, "playground-ribbon-blocked.png") });
  await dialog.getByRole("button", { name: "关闭" }).click();
  await dialog.waitFor({ state: "detached" });
  expect(await page.getByRole("tab", { name: "经费分摊表" }).count()).toBe(0);
});

test("生成经费分摊表 on the clean sample shows the golden totals in the generated sheet", async () => {
  await page.getByRole("button", { name: "样例（无错误）" }).click();
  await page.locator('.playground[data-sample="clean"][data-ready="true"]').waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll("button")].find(
      (x) => x.textContent === "生成经费分摊表"
    );
    return b && !b.disabled;
  });
  await page.getByRole("button", { name: "生成经费分摊表", exact: true }).click();
  await page.getByText("超支 93.34 元").first().waitFor();
  await page.getByRole("button", { name: "查看“经费分摊表”" }).click();
  const sheet = grid("经费分摊表");
  await sheet.waitFor();
  await sheet
    .locator("td", { hasText: /^132,093\.34$/ })
    .first()
    .waitFor();
  await sheet
    .locator("td", { hasText: /^[-−]93\.34$/ })
    .first()
    .waitFor();
  // Formula results, not pasted numbers: the own union's total is a formula cell.
  const ownTotal = sheet.locator("td", { hasText: /^132,093\.34$/ }).first();
  expect(await ownTotal.getAttribute("title")).toMatch(/^=/);
  await page.screenshot({
    path: path.join(SHOTS, "playground-clean-generated.png"),
  });
  expect(await paneViolations()).toEqual([]);

  expect(officeRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
