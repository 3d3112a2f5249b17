// Every damaged workbook of the corpus through the command line: exit code, and the JSON
// report's issues (code, sheet, cell) exactly — no more, no fewer.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { ReportJson } from "../../src/core/engine";
import { createHash } from "crypto";
import { buildCorpus, CASES, caseBytes, CorpusCase, ExpectedIssue } from "./build";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-corpus-"));
let manifest: CorpusCase[] = [];

beforeAll(async () => {
  manifest = await buildCorpus(dir);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Order-free but exact: a sorted list of "code sheet cell". */
export function issueKeys(list: ExpectedIssue[]): string[] {
  return list.map((i) => `${i.code} ${i.sheet} ${i.cell ?? "-"}`).sort();
}

async function runCli(file: string) {
  const input = path.join(dir, file);
  const out = path.join(dir, "out", file.replace(/\.xlsx$/, ".out.xlsx"));
  const json = path.join(dir, "out", file.replace(/\.xlsx$/, ".json"));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main([input, "-o", out, "--json", json], {
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    cwd: dir,
  });
  const report = fs.existsSync(json)
    ? (JSON.parse(fs.readFileSync(json, "utf8")) as ReportJson)
    : null;
  return { code, report, stdout, stderr, outExists: fs.existsSync(out) };
}

describe("the bad-input corpus", () => {
  it("has at least 40 damaged workbooks, each with its own file name", () => {
    expect(CASES.length - 1).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
    expect(manifest.map((c) => c.file)).toEqual(CASES.map((c) => c.file));
    expect(fs.existsSync(path.join(dir, "cases.json"))).toBe(true);
  });

  it("is reproducible byte for byte: a second build gives the same sha256 for every file", async () => {
    const again = await Promise.all(CASES.map(async (c) => [c.file, sha256(await caseBytes(c))]));
    expect(again).toEqual(
      CASES.map((c) => [c.file, sha256(fs.readFileSync(path.join(dir, c.file)))])
    );
  });

  describe.each(CASES.map((c) => [c.file, c] as const))("%s", (_file, c) => {
    it(`${c.damage} → exit ${c.exit}, ${c.expected.map((e) => e.code).join(", ") || "no issues"}`, async () => {
      const r = await runCli(c.file);
      expect(r.code).toBe(c.exit);
      if (c.exit === 2) {
        // Unreadable input: one line on stderr, no report, no output workbook.
        expect(r.stderr).toHaveLength(1);
        expect(r.stderr[0]).toContain(c.reason!);
        expect(r.report).toBeNull();
        expect(r.outExists).toBe(false);
        return;
      }
      const report = r.report!;
      expect(issueKeys(report.issues)).toEqual(issueKeys(c.expected));
      expect(report.ok).toBe(
        !c.expected.some((e) => report.issues.find((i) => i.code === e.code)?.severity === "error")
      );
      // Every issue is complete: a Chinese message, and row/column wherever there is a cell.
      for (const i of report.issues) {
        expect(i.message).toMatch(/[\u4e00-\u9fff]/);
        if (i.cell) expect(i.row).toBe(Number(i.cell.replace(/^[A-Z]+/, "")));
      }
      for (const e of c.expected.filter((x) => x.says)) {
        expect(
          report.issues.find((i) => i.code === e.code && i.cell === e.cell)?.message
        ).toContain(e.says);
      }
      expect(r.outExists).toBe(c.exit === 0);
      if (c.payers) expect(Object.keys(report.allocation!.totals.byPayer)).toEqual(c.payers);
      if (c.headcounts) {
        const got = Object.fromEntries(
          report.allocation!.programs.map((p) => [p.code, p.headcount])
        );
        expect(got).toMatchObject(c.headcounts);
      }
    });
  });
});
