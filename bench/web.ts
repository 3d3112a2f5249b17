// npm run bench:web [-- --sizes=10000,100000]: the offline web page (dist/web/offline.html,
// from `npm run build`) in Debian's Chromium from file://, on the bench rosters (bench/data.ts).
// Per size one JSON line: how long opening, 校验 and 生成 + download take, and the longest time
// the page's own thread was blocked meanwhile (a 50 ms heartbeat on the page; a frozen page
// would show seconds). Figures go into README.md (WEB PAGE). No assertions: a measurement.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, Page } from "playwright-core";
import { benchRoster } from "./data";
import { writeInput, ROOT } from "./cli";
import { emit, note, round } from "./measure";

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const SIZES = (arg("sizes") ?? "100000").split(",").map(Number);
const PAGE = path.join(ROOT, "dist", "web", "offline.html");
const CHROMIUM = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => fs.existsSync(p));

/** The longest gap between two heartbeats since the last call, in ms (and reset). */
async function longestStall(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __beat: { last: number; max: number } };
    const now = performance.now();
    const max = Math.max(w.__beat.max, now - w.__beat.last);
    w.__beat.max = 0;
    w.__beat.last = now;
    return max;
  });
}

async function phase(
  page: Page,
  run: () => Promise<void>
): Promise<{ ms: number; stallMs: number }> {
  await longestStall(page);
  const t = performance.now();
  await run();
  const ms = performance.now() - t;
  return { ms: round(ms, 0), stallMs: round(await longestStall(page), 0) };
}

async function main(): Promise<void> {
  if (!fs.existsSync(PAGE)) throw new Error("dist/web/offline.html missing: npm run build first");
  if (!CHROMIUM) throw new Error("Chromium not found: apt-get install -y chromium");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-bench-web-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    acceptDownloads: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const n of SIZES) {
      note(`web ${n}: writing the input with ExcelJS`);
      const input = await writeInput(benchRoster(n), dir);
      await page.goto("file://" + PAGE);
      await page.locator('.web[data-ready="true"]').waitFor();
      const mode = await page.locator(".web").getAttribute("data-mode");
      await page.evaluate(() => {
        const w = window as unknown as { __beat: { last: number; max: number } };
        w.__beat = { last: performance.now(), max: 0 };
        setInterval(() => {
          const now = performance.now();
          w.__beat.max = Math.max(w.__beat.max, now - w.__beat.last);
          w.__beat.last = now;
        }, 50);
      });
      note(`web ${n}: opening ${round(input.bytes / 1048576, 2)} MB`);
      let progressSeen = false;
      const open = await phase(page, async () => {
        await page.locator('input[type="file"]').setInputFiles(input.file);
        progressSeen = await page
          .locator("#open-progress")
          .waitFor({ timeout: 10_000 })
          .then(
            () => true,
            () => false
          );
        await page.locator(".status").waitFor({ timeout: 600_000 });
        await page.getByRole("button", { name: "校验", exact: true }).waitFor();
        await page.waitForFunction(() => {
          const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "校验");
          return b && !b.disabled;
        });
      });
      note(`web ${n}: 校验`);
      const validate = await phase(page, async () => {
        await page.getByRole("button", { name: "校验", exact: true }).click();
        await page
          .getByText(/^错误 \d+ 个，警告 \d+ 个$/)
          .first()
          .waitFor({ timeout: 600_000 });
      });
      note(`web ${n}: 生成 (仍然生成: the bench roster has errors) and download`);
      let outputBytes = 0;
      const generate = await phase(page, async () => {
        await page.getByRole("button", { name: "生成经费分摊表", exact: true }).click();
        const force = page.getByRole("button", { name: "仍然生成", exact: true });
        await force.waitFor({ timeout: 600_000 });
        const download = page.waitForEvent("download", { timeout: 600_000 });
        await force.click();
        outputBytes = fs.statSync((await (await download).path())!).size;
      });
      // Scrolling the preview to the last row (the grid renders only the rows in view).
      const scroll = await phase(page, async () => {
        await page.getByRole("tab", { name: /^花名册/ }).click();
        await page.locator(".scroller").evaluate((el) => (el.scrollTop = el.scrollHeight));
        await page.locator(`td[data-cell="A${n + 2}"]`).waitFor();
      });
      emit({
        bench: "web",
        rows: n,
        mode,
        inputMB: round(input.bytes / 1048576, 2),
        outputMB: round(outputBytes / 1048576, 2),
        progressBar: progressSeen,
        openMs: open.ms,
        openStallMs: open.stallMs,
        validateMs: validate.ms,
        validateStallMs: validate.stallMs,
        generateDownloadMs: generate.ms,
        generateStallMs: generate.stallMs,
        scrollToEndMs: scroll.ms,
        loadavg: os.loadavg().map((x) => round(x, 2)),
      });
    }
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
