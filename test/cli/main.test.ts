// The command line contract (docs/DOMAIN.md §6), run in-process with main(argv, io) in temp
// folders.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  cleanTmpDirs,
  copyInto,
  folderHashes,
  runCli,
  SAMPLE,
  SAMPLE_MISTAKES,
  sha256,
  tmpDir,
} from "../helpers/cli";
import type { ReportJson } from "../../src/core/engine";
import { buildWorkbook } from "../../scripts/book-spec";
import { sampleSheets } from "../../scripts/make-samples";
import { sampleRoster } from "../../scripts/sample-data";

const OUT = "sample-2024.经费分摊.xlsx";
const readJson = (file: string): ReportJson => JSON.parse(fs.readFileSync(file, "utf8"));

afterAll(cleanTmpDirs);

describe("no input: the shipped sample", () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  const sampleHash = sha256(SAMPLE);
  beforeAll(async () => {
    dir = tmpDir();
    run = await runCli(["--json", "r.json"], dir);
  });

  it("exits 0 and writes sample-2024.经费分摊.xlsx in the current folder", () => {
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(["r.json", OUT]);
    expect(run.out[run.out.length - 1]).toBe(
      `已生成：${path.join(dir, OUT)}（经费分摊表、校验结果）`
    );
  });

  it("prints the summary table: one line per programme, totals and the budget gap", () => {
    const lines = run.stdout.split("\n");
    for (const code of ["W1", "W2", "W3", "W4", "N1"])
      expect(lines.some((l) => l.startsWith(code + " "))).toBe(true);
    const n1 = lines.find((l) => l.startsWith("N1 "))!;
    expect(n1.split(/\s{2,}/)).toEqual([
      "N1",
      "市内疗休养",
      "46/46/46/0",
      "123,280.00",
      "41,093.33",
      "41,093.33",
      "41,093.34",
      "3,000.00（高新区总工会）",
    ]);
    const total = lines.find((l) => l.startsWith("合计"))!;
    expect(total.split(/\s{2,}/)).toEqual([
      "合计",
      "151/151/151/0",
      "441,280.00",
      "279,093.33",
      "41,093.33",
      "121,093.34",
      "11,000.00",
    ]);
    expect(run.stdout).toContain("高新区总工会承担合计：132,093.34 元");
    expect(run.stdout).toContain("差额（来源－承担）：-93.34 元（超支）");
    expect(run.stdout).toContain("校验：错误 0 个，警告 1 个");
  });

  it("--json gives the totals of docs/DOMAIN.md §2, to the fen", () => {
    const r = readJson(path.join(dir, "r.json"));
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => i.code)).toEqual(["BUDGET_EXCEEDED"]);
    const al = r.allocation!;
    expect(al.ownUnion).toBe("高新区总工会");
    expect(
      al.programs.map((p) => [
        p.code,
        p.headcount,
        p.quota,
        p.perPerson,
        p.cost,
        p.transport,
        p.transportPayer,
        p.shares,
      ])
    ).toEqual([
      [
        "W1",
        50,
        50,
        3000,
        150000,
        4000,
        "高新区总工会",
        { 省总工会: 110000, 市总工会: 0, 高新区总工会: 40000 },
      ],
      ["W2", 3, 3, 3000, 9000, 0, "市总工会", { 省总工会: 9000, 市总工会: 0, 高新区总工会: 0 }],
      [
        "W3",
        50,
        50,
        3000,
        150000,
        4000,
        "高新区总工会",
        { 省总工会: 110000, 市总工会: 0, 高新区总工会: 40000 },
      ],
      ["W4", 2, 2, 4500, 9000, 0, "市总工会", { 省总工会: 9000, 市总工会: 0, 高新区总工会: 0 }],
      [
        "N1",
        46,
        46,
        2680,
        123280,
        3000,
        "高新区总工会",
        { 省总工会: 41093.33, 市总工会: 41093.33, 高新区总工会: 41093.34 },
      ],
    ]);
    expect(al.totals).toEqual({
      cost: 441280,
      transport: 11000,
      byPayer: { 省总工会: 279093.33, 市总工会: 41093.33, 高新区总工会: 132093.34 },
    });
    expect(al.budget).toEqual({
      sources: [
        { name: "高新区财政年初预算", amount: 64000 },
        { name: "高新区总工会本级支出", amount: 68000 },
      ],
      total: 132000,
      difference: -93.34,
    });
  });

  it("the JSON issue keys come in the contract's order", () => {
    const raw = fs.readFileSync(path.join(dir, "r.json"), "utf8");
    expect(Object.keys(JSON.parse(raw))).toEqual(["ok", "issues", "allocation", "rules", "output"]);
    expect(Object.keys(JSON.parse(raw).issues[0])).toEqual([
      "severity",
      "code",
      "sheet",
      "message",
    ]);
    expect(Object.keys(JSON.parse(raw).allocation)).toEqual([
      "ownUnion",
      "programs",
      "totals",
      "budget",
    ]);
  });

  it("leaves the shipped sample byte-identical", () => {
    expect(sha256(SAMPLE)).toBe(sampleHash);
  });

  it("the output is the input workbook unchanged plus 经费分摊表 and 校验结果", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, OUT));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "花名册",
      "项目费率",
      "预算",
      "经费分摊表",
      "校验结果",
    ]);
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(SAMPLE);
    for (const name of ["花名册", "项目费率", "预算"]) {
      const a = orig.getWorksheet(name)!;
      const b = wb.getWorksheet(name)!;
      expect(b.rowCount).toBe(a.rowCount);
      a.eachRow((row, r) =>
        row.eachCell((cell, c) =>
          expect([name, r, c, b.getCell(r, c).value]).toEqual([name, r, c, cell.value])
        )
      );
    }
  });
});

describe("the sample with mistakes", () => {
  const MISTAKES: [string, string][] = [
    ["DUPLICATE_ID", "D7"],
    ["DUPLICATE_ID", "D12"],
    ["NOT_ELIGIBLE", "G15"],
    ["ID_NUMERIC_PRECISION", "D20"],
    ["ID_CHECKSUM", "D25"],
    ["DATE_OUTSIDE_WINDOW", "J30"],
    ["POSSIBLE_DUPLICATE", "B33"],
    ["POSSIBLE_DUPLICATE", "B35"],
    ["NOT_MEMBER", "F56"],
  ];

  it("exits 1, writes the JSON report naming each mistake's code and cell, and no workbook", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE_MISTAKES);
    const before = sha256(input);
    const run = await runCli([input, "--json", path.join(dir, "report.json")], dir);
    expect(run.code).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(["report.json", "sample-2024-mistakes.xlsx"]);
    expect(sha256(input)).toBe(before);
    const r = readJson(path.join(dir, "report.json"));
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.cell).map((i) => [i.code, i.cell])).toEqual(MISTAKES);
    for (const i of r.issues.filter((x) => x.cell))
      expect(i).toMatchObject({ sheet: "花名册", row: Number(i.cell!.slice(1)) });
    expect(r.issues.find((i) => i.code === "ID_NUMERIC_PRECISION")).toMatchObject({
      severity: "error",
      column: "身份证号",
    });
    // The report still carries the figures.
    expect(r.allocation!.totals.byPayer["高新区总工会"]).toBe(132093.34);
    // stdout names them too, and says why nothing was generated.
    for (const [code, cell] of MISTAKES) expect(run.stdout).toContain(`${code} 花名册!${cell}`);
    expect(run.out[run.out.length - 1]).toContain("未生成：发现 7 个错误");
  });

  it("--force exits 0 and the 经费分摊表 carries the warning line", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE_MISTAKES);
    const before = sha256(input);
    const run = await runCli([input, "--force"], dir);
    expect(run.code).toBe(0);
    expect(sha256(input)).toBe(before);
    const out = path.join(dir, "sample-2024-mistakes.经费分摊.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("经费分摊表")!;
    expect(String(ws.getCell("A2").value)).toMatch(/^⚠ 校验发现7个错误，本表仍按现有数据生成/);
    const report = wb.getWorksheet("校验结果")!;
    expect(report.getCell("A2").value).toBe(
      "共10条：错误7条，警告3条。点击“单元格”可跳到对应位置。"
    );
    const codes: string[] = [];
    // The issue rows (numbered in 序号), then a blank row and the signature line.
    report.eachRow(
      (row, r) =>
        r > 3 &&
        typeof row.getCell(1).value === "number" &&
        codes.push(String(row.getCell(3).value))
    );
    expect(String(report.getCell(`A${report.rowCount}`).value)).toBe(
      "填报单位（盖章）：高新区总工会"
    );
    expect(codes.filter((c) => c !== "BUDGET_EXCEEDED").sort()).toEqual(
      MISTAKES.map((m) => m[0]).sort()
    );
    // Each issue cell links to its place in the roster, in Excel's own form: a location and
    // no relationship (ExcelJS does not read such links back, so the XML is looked at).
    expect(report.getCell("F4").value).toBe("D7");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const part = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xmls = await Promise.all(part.map((n) => zip.file(n)!.async("string")));
    const reportXml = xmls.find((x) => x.includes("<hyperlinks>"))!;
    expect(reportXml).toContain(`<hyperlink ref="F4" location="'花名册'!D7" display="D7"/>`);
    expect(reportXml).not.toMatch(/<hyperlink\b[^>]*r:id=/);
  });
});

describe("usage errors exit 2 with one line", () => {
  it.each([
    [["--bogus"], /^错误：未知参数：--bogus/],
    [["-o"], /^错误：参数 -o 后缺少取值$/],
    [["--json", "--force"], /^错误：参数 --json 后缺少取值$/],
    [["a.xlsx", "b.xlsx"], /^错误：只能指定一个输入文件，多出：b.xlsx$/],
    [["--year", "24"], /^错误：--year 应为四位年份$/],
  ])("%j", async (argv, message) => {
    const dir = tmpDir();
    const run = await runCli(argv as string[], dir);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(message);
    expect(run.err[0]).not.toContain("\n");
    expect(fs.readdirSync(dir)).toEqual([]);
  });
  it("--help prints the usage and exits 0", async () => {
    const run = await runCli(["--help"], tmpDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "用法：npm run generate -- [输入.xlsx] [-o 输出.xlsx] [--json 报告.json] [--force]"
    );
  });
});

describe("unreadable input exits 2 with one line and is left as it was", () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ["a missing file", (dir) => path.join(dir, "nope.xlsx"), /文件不存在/],
    [
      "a folder",
      (dir) => (fs.mkdirSync(path.join(dir, "folder.xlsx")), path.join(dir, "folder.xlsx")),
      /这是一个文件夹/,
    ],
    ["an empty file", (dir) => write(dir, "empty.xlsx", Buffer.alloc(0)), /文件为空/],
    [
      "a text file, not a zip",
      (dir) => write(dir, "notes.xlsx", Buffer.from("姓名,身份证号\n张三,1\n")),
      /不是 \.xlsx 工作簿/,
    ],
    [
      "a CSV renamed",
      (dir) => write(dir, "roster.xlsx", Buffer.from("name,id\n")),
      /不是 \.xlsx 工作簿/,
    ],
    [
      "a corrupt zip (the sample cut in half)",
      (dir) => write(dir, "cut.xlsx", fs.readFileSync(SAMPLE).subarray(0, 4000)),
      /工作簿已损坏/,
    ],
    [
      "a zip that is not a workbook",
      (dir) =>
        write(
          dir,
          "zip.xlsx",
          Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])
        ),
      /工作簿已损坏/,
    ],
    [
      "an OLE header (encrypted workbook or old .xls)",
      (dir) =>
        write(
          dir,
          "secret.xlsx",
          Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1024)])
        ),
      /已加密.*旧版 \.xls/,
    ],
  ];
  function write(dir: string, name: string, data: Buffer): string {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    return f;
  }
  it.each(cases)("%s", async (_label, make, message) => {
    const dir = tmpDir();
    const input = make(dir);
    const before = folderHashes(dir);
    const run = await runCli([input, "--json", path.join(dir, "r.json"), "--force"], dir);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^错误：/);
    expect(run.err[0]).toMatch(message);
    expect(run.err[0]).not.toContain("\n");
    expect(run.out).toEqual([]);
    expect(folderHashes(dir)).toEqual(before); // nothing written, nothing changed
  });
});

describe("never overwrite", () => {
  it("refuses an output equal to the input, however it is spelled", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE, "plan.xlsx");
    fs.mkdirSync(path.join(dir, "sub"));
    fs.symlinkSync(input, path.join(dir, "link.xlsx"));
    const before = folderHashes(dir);
    for (const out of [
      "plan.xlsx",
      "./plan.xlsx",
      path.join(dir, "sub", "..", "plan.xlsx"),
      "link.xlsx",
    ]) {
      const run = await runCli(["plan.xlsx", "-o", out, "--force"], dir);
      expect([out, run.code, run.err]).toEqual([
        out,
        2,
        ["错误：输出文件不能与输入文件相同（输入文件从不被改写）"],
      ]);
    }
    expect(folderHashes(dir)).toEqual(before);
  });

  it("keeps an existing output without --force (exit 2), replaces it with --force", async () => {
    const dir = tmpDir();
    const input = copyInto(dir, SAMPLE, "plan.xlsx");
    const out = path.join(dir, "plan.经费分摊.xlsx");
    fs.writeFileSync(out, "mine");
    const inputHash = sha256(input);
    const run = await runCli(["plan.xlsx", "--json", "r.json"], dir);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`错误：输出文件已存在：${out}（加 --force 覆盖）`]);
    expect(fs.readFileSync(out, "utf8")).toBe("mine");
    const forced = await runCli(["plan.xlsx", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(sha256(input)).toBe(inputHash);
    // No temporary files are left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(["plan.xlsx", "plan.经费分摊.xlsx", "r.json"]);
  });

  it("writes the default output next to the input, and -o wherever asked", async () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, "in"));
    fs.mkdirSync(path.join(dir, "out"));
    copyInto(path.join(dir, "in"), SAMPLE, "名册 2024.xlsx");
    expect((await runCli([path.join("in", "名册 2024.xlsx")], dir)).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, "in")).sort()).toEqual([
      "名册 2024.xlsx",
      "名册 2024.经费分摊.xlsx",
    ]);
    expect((await runCli(["in/名册 2024.xlsx", "-o", "out/x.xlsx"], dir)).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, "out"))).toEqual(["x.xlsx"]);
  });

  it("regenerating from a generated workbook replaces only the generated sheets", async () => {
    const dir = tmpDir();
    copyInto(dir, SAMPLE, "plan.xlsx");
    expect((await runCli(["plan.xlsx", "-o", "v1.xlsx"], dir)).code).toBe(0);
    expect((await runCli(["v1.xlsx", "-o", "v2.xlsx"], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "v2.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "花名册",
      "项目费率",
      "预算",
      "经费分摊表",
      "校验结果",
    ]);
  });
});

describe("reports and missing sheets", () => {
  it("a report path that cannot be written is exit 2 with one line, and no workbook", async () => {
    const dir = tmpDir();
    copyInto(dir, SAMPLE, "plan.xlsx");
    const run = await runCli(
      ["plan.xlsx", "--json", path.join("no", "such", "dir", "r.json")],
      dir
    );
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^错误：无法写入报告 /);
    expect(fs.readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  it("a workbook without a rate sheet: SHEET_MISSING in the report, exit 1 even with --force", async () => {
    const dir = tmpDir();
    await buildWorkbook([sampleSheets(sampleRoster())[0]]).xlsx.writeFile(
      path.join(dir, "roster-only.xlsx")
    );
    const run = await runCli(["roster-only.xlsx", "--force", "--json", "r.json"], dir);
    expect(run.code).toBe(1);
    const r = readJson(path.join(dir, "r.json"));
    expect(r.ok).toBe(false);
    expect(r.allocation).toBeNull();
    expect(r.issues[0]).toMatchObject({
      severity: "error",
      code: "SHEET_MISSING",
      sheet: "项目费率",
    });
    expect(fs.readdirSync(dir).sort()).toEqual(["r.json", "roster-only.xlsx"]);
  });
});

describe("--sheets: the document pack by short names", () => {
  it("all: the allocation, the report and the four lists, in that order", async () => {
    const dir = tmpDir();
    const run = await runCli(["--sheets", "all", "-o", "all.xlsx"], dir);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "all.xlsx"));
    expect(wb.worksheets.map((w) => w.name).slice(3)).toEqual([
      "经费分摊表",
      "校验结果",
      "参加人员名单",
      "意外险投保名单",
      "签到表",
      "公示名单",
    ]);
  });

  it("a subset in any order; allocation and report are written whether named or not", async () => {
    const dir = tmpDir();
    const run = await runCli(["--sheets", "notice,allocation", "-o", "n.xlsx"], dir);
    expect(run.code).toBe(0);
    expect(run.out[run.out.length - 1]).toBe(
      `已生成：${path.join(dir, "n.xlsx")}（经费分摊表、校验结果、公示名单）`
    );
  });

  it("regenerating with fewer lists removes the earlier ones not asked for (and says which sheets it wrote)", async () => {
    const dir = tmpDir();
    expect((await runCli(["--sheets", "insurance,notice", "-o", "v1.xlsx"], dir)).code).toBe(0);
    const run = await runCli(["v1.xlsx", "--sheets", "insurance", "-o", "v2.xlsx"], dir);
    expect(run.code).toBe(0);
    expect(run.out[run.out.length - 1]).toBe(
      `已生成：${path.join(dir, "v2.xlsx")}（经费分摊表、校验结果、意外险投保名单）`
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "v2.xlsx"));
    expect(wb.worksheets.map((w) => w.name).slice(3)).toEqual([
      "经费分摊表",
      "校验结果",
      "意外险投保名单",
    ]);
    // The removed list's marker name goes with it.
    expect(
      wb.definedNames.model.map((n) => n.name).filter((n) => n.startsWith("LXY_"))
    ).toHaveLength(3);
  });

  it("an unknown name is a usage error naming it (exit 2)", async () => {
    const dir = tmpDir();
    const run = await runCli(["--sheets", "participants,名单"], dir);
    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/^错误：--sheets 只能取 allocation,report,.*无法识别：名单$/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("a macro-enabled workbook (.xlsm)", () => {
  const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  const VBA = Buffer.from("not a real VBA project, kept byte for byte");

  /** The sample as an .xlsm: the macro-enabled content type and a vbaProject.bin part. */
  async function xlsm(dir: string): Promise<string> {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types
        .replace(/sheet\.main\+xml/, "PLACEHOLDER")
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.PLACEHOLDER",
          MACRO_MAIN
        )
        .replace(
          "</Types>",
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
        )
    );
    zip.file("xl/vbaProject.bin", VBA);
    const file = path.join(dir, "名单.xlsm");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    return file;
  }

  it("gives <name>.经费分摊.xlsm with the macros and the macro-enabled content type", async () => {
    const dir = tmpDir();
    const input = await xlsm(dir);
    const run = await runCli([input], dir);
    expect(run.code).toBe(0);
    const out = path.join(dir, "名单.经费分摊.xlsm");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file("xl/vbaProject.bin")!.async("nodebuffer")).toEqual(VBA);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(MACRO_MAIN);
    expect(fs.existsSync(path.join(dir, "名单.经费分摊.xlsx"))).toBe(false);
  });

  it("refuses an output named .xlsx (Excel would not open it), and .xlsm for a plain workbook", async () => {
    const dir = tmpDir();
    const input = await xlsm(dir);
    const run = await runCli([input, "-o", path.join(dir, "out.xlsx")], dir);
    expect(run.code).toBe(2);
    expect(run.err.join("\n")).toMatch(/输出文件也须以 \.xlsm 结尾/);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
    const plain = await runCli([copyInto(dir, SAMPLE), "-o", path.join(dir, "out.xlsm")], dir);
    expect(plain.code).toBe(2);
    expect(plain.err.join("\n")).toMatch(/应以 \.xlsx 结尾/);
  });
});
