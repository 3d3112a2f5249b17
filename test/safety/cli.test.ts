// Data safety on the command line: the input file is never modified (byte-identical by sha256),
// an existing output is never overwritten without --force, and writing is atomic — a crash in
// the middle of writing leaves neither a half output file nor a temporary file.
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import {
  cleanTmpDirs,
  copyInto,
  runCli,
  SAMPLE,
  SAMPLE_MISTAKES,
  sha256,
  tmpDir,
} from "../helpers/cli";
import { CASES, caseBytes } from "../corpus/build";

// The real fs module object (the one src/cli/files.ts reaches through its import).

const realFs: typeof fs = require("fs");

afterEach(() => {
  jest.restoreAllMocks();
  cleanTmpDirs();
});

const listing = (dir: string) => fs.readdirSync(dir).sort();

describe("the input file is never modified", () => {
  it.each([
    ["a clean workbook, generated", SAMPLE, [] as string[], 0],
    ["a workbook with errors, not generated", SAMPLE_MISTAKES, [], 1],
    ["a workbook with errors, generated with --force", SAMPLE_MISTAKES, ["--force"], 0],
  ])("%s", async (_label, file, extra, exit) => {
    const dir = tmpDir();
    const input = copyInto(dir, file);
    const before = sha256(input);
    const stat = fs.statSync(input);
    const r = await runCli([input, "--json", path.join(dir, "r.json"), ...extra], dir);
    expect(r.code).toBe(exit);
    expect(sha256(input)).toBe(before);
    expect(fs.statSync(input).mtimeMs).toBe(stat.mtimeMs);
  });

  it("for every workbook of the bad-input corpus, forced", async () => {
    const dir = tmpDir();
    for (const c of CASES) {
      const input = path.join(dir, c.file);
      fs.writeFileSync(input, await caseBytes(c));
      const before = sha256(input);
      await runCli([input, "-o", path.join(dir, "out-" + c.file), "--force"], dir);
      expect([c.file, sha256(input)]).toEqual([c.file, before]);
    }
  });

  it("refuses an output path that is the input itself, even with --force", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE);
    const before = sha256(input);
    const r = await runCli([input, "-o", input, "--force"], dir);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toContain("不能与输入文件相同");
    expect(sha256(input)).toBe(before);
  });
});

describe("an existing output is never overwritten without --force", () => {
  it("exits 2 and leaves the existing file untouched; --force replaces it", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE);
    const out = path.join(dir, "结果.xlsx");
    fs.writeFileSync(out, "the user's own file");
    const r = await runCli([input, "-o", out], dir);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toContain("已存在");
    expect(fs.readFileSync(out, "utf8")).toBe("the user's own file");

    const forced = await runCli([input, "-o", out, "--force"], dir);
    expect(forced.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain("经费分摊表");
  });

  it("the default output next to the input is protected the same way", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE, "计划.xlsx");
    const out = path.join(dir, "计划.经费分摊.xlsx");
    fs.writeFileSync(out, "keep me");
    expect((await runCli([input], dir)).code).toBe(2);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
  });
});

describe("writing is atomic", () => {
  it("a crash in the rename leaves no output and no temporary file", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE);
    const rename = jest.spyOn(realFs, "renameSync").mockImplementation(() => {
      throw Object.assign(new Error("EIO: i/o error, rename"), { code: "EIO" });
    });
    const r = await runCli([input, "-o", path.join(dir, "out.xlsx")], dir);
    expect(rename).toHaveBeenCalled();
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toContain("无法写入输出文件");
    expect(listing(dir)).toEqual([path.basename(input)]);
  });

  it("a disk that fills up half-way through the write leaves no half file", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE);
    const original = realFs.writeFileSync;
    const write = jest.spyOn(realFs, "writeFileSync").mockImplementation((file, data, ...rest) => {
      if (!String(file).includes("out.xlsx"))
        return original(file as string, data as string, ...(rest as []));
      // Write half of the workbook's bytes for real, then fail as a full disk does.
      const buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data));
      original(file as string, buf.subarray(0, buf.length >> 1), ...(rest as []));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    const r = await runCli(
      [input, "-o", path.join(dir, "out.xlsx"), "--json", path.join(dir, "r.json")],
      dir
    );
    expect(write).toHaveBeenCalled();
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toContain("无法写入输出文件");
    // The report was written whole; of the workbook, nothing.
    expect(listing(dir)).toEqual([path.basename(input), "r.json"].sort());
    expect(JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8")).ok).toBe(true);
  });

  it("a failed rewrite with --force keeps the previous output whole", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE);
    const out = path.join(dir, "out.xlsx");
    expect((await runCli([input, "-o", out], dir)).code).toBe(0);
    const good = sha256(out);
    jest.spyOn(realFs, "renameSync").mockImplementation(() => {
      throw Object.assign(new Error("EIO"), { code: "EIO" });
    });
    expect((await runCli([input, "-o", out, "--force"], dir)).code).toBe(2);
    expect(sha256(out)).toBe(good);
    expect(listing(dir)).toEqual([path.basename(input), "out.xlsx"].sort());
  });

  it("a process killed between writing and renaming leaves no output file (only its hidden temporary)", () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE);
    const out = path.join(dir, "out.xlsx");
    // Preload: the moment the CLI renames its temporary into place, the process is killed.
    const preload = path.join(dir, "kill-on-rename.js");
    fs.writeFileSync(
      preload,
      `const fs = require("fs"); fs.renameSync = () => process.kill(process.pid, "SIGKILL");\n`
    );
    const r = spawnSync(
      process.execPath,
      [
        "--require",
        require.resolve("tsx/cjs"),
        "--require",
        preload,
        path.resolve(__dirname, "../../src/cli/main.ts"),
        input,
        "-o",
        out,
      ],
      {
        cwd: dir,
        env: { ...process.env, INIT_CWD: dir },
        encoding: "utf8",
        timeout: 120_000,
      }
    );
    expect(r.signal).toBe("SIGKILL");
    expect(fs.existsSync(out)).toBe(false);
    // A hard kill cannot clean up: what remains is the complete hidden temporary, never out.xlsx.
    const left = listing(dir).filter(
      (f) => f !== path.basename(input) && f !== "kill-on-rename.js"
    );
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.out\.xlsx\.\d+\.\d+\.tmp$/);
  });
});
