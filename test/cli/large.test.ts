// A large roster: the command line says what it is doing on stderr (a progress line), and still
// produces the same contract.
import * as fs from "fs";
import * as path from "path";
import { buildWorkbook } from "../../scripts/book-spec";
import { sampleSheets } from "../../scripts/make-samples";
import { sampleRoster } from "../../scripts/sample-data";
import { cleanTmpDirs, runCli, sha256, tmpDir } from "../helpers/cli";

afterAll(cleanTmpDirs);

it("6,040 roster rows: progress lines on stderr, the table on stdout, the figures in the JSON", async () => {
  const dir = tmpDir();
  const base = sampleRoster();
  // 40 copies of the 151 people with fresh row numbers; the IDs repeat, so DUPLICATE_ID and quotas fire.
  const roster = Array.from({ length: 40 }, () => base)
    .flat()
    .map((r, i) => [i + 1, ...r.slice(1)]);
  await buildWorkbook(sampleSheets(roster)).xlsx.writeFile(path.join(dir, "big.xlsx"));
  const before = sha256(path.join(dir, "big.xlsx"));
  const run = await runCli(["big.xlsx", "--force", "--json", "r.json"], dir);
  expect(run.code).toBe(0);
  expect(run.err.some((l) => /^已读取 3 个工作表、6,0\d\d 行，正在校验…$/.test(l))).toBe(true);
  expect(run.err).toContain("正在写入输出工作簿…");
  expect(run.stdout).toContain("6040/151/151/5889");
  const r = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
  expect(r.allocation.programs.map((p: { applicants: number }) => p.applicants)).toEqual([
    2000, 120, 2000, 80, 1840,
  ]);
  // Forced: the sheet budgets the places (名额), not the sign-ups; the rest wait.
  expect(r.allocation.programs.map((p: { headcount: number }) => p.headcount)).toEqual([
    50, 3, 50, 2, 46,
  ]);
  expect(r.issues.filter((i: { code: string }) => i.code === "QUOTA_EXCEEDED")).toHaveLength(5889);
  expect(r.issues.filter((i: { code: string }) => i.code === "DUPLICATE_ID")).toHaveLength(6040);
  expect(sha256(path.join(dir, "big.xlsx"))).toBe(before);
  expect(fs.existsSync(path.join(dir, "big.经费分摊.xlsx"))).toBe(true);
});
