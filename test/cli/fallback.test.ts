// When the input cannot be patched and is rewritten whole, the user is told: a 注意 line on
// stderr and output.warning in the JSON report (issue 11).
import * as fs from "fs";
import * as path from "path";
import { cleanTmpDirs, copyInto, runCli, SAMPLE, tmpDir } from "../helpers/cli";

jest.mock("../../src/xlsx/patch", () => {
  class PatchUnsupported extends Error {}
  return {
    PatchUnsupported,
    patchWorkbook: async () => {
      throw new PatchUnsupported("a layout the patcher does not handle");
    },
  };
});

afterAll(cleanTmpDirs);

test("a full rewrite is announced on stderr and in the JSON", async () => {
  const dir = tmpDir();
  const input = copyInto(dir, SAMPLE, "名单.xlsx");
  const run = await runCli([input, "--json", path.join(dir, "r.json")], dir);
  expect(run.code).toBe(0);
  const warning = run.err.find((l) => l.startsWith("注意："));
  expect(warning).toMatch(/整体重写/);
  const report = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
  expect(report.output).toEqual({
    file: path.join(dir, "名单.经费分摊.xlsx"),
    mode: "full",
    warning: warning!.replace(/^注意：/, ""),
  });
  expect(fs.existsSync(path.join(dir, "名单.经费分摊.xlsx"))).toBe(true);
});

test("a patched save says nothing more, and the JSON says patch", async () => {
  jest.resetModules();
  jest.unmock("../../src/xlsx/patch");
  const { runCli: run2 } = await import("../helpers/cli");
  const dir = tmpDir();
  const input = copyInto(dir, SAMPLE, "名单.xlsx");
  const run = await run2([input, "--json", path.join(dir, "r.json")], dir);
  expect(run.code).toBe(0);
  expect(run.err.filter((l) => l.startsWith("注意："))).toEqual([]);
  const report = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
  expect(report.output).toEqual({ file: path.join(dir, "名单.经费分摊.xlsx"), mode: "patch" });
});
