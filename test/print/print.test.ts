// Checked the way people see it: every generated sheet printed to PDF by LibreOffice — A4, the
// orientation, page count, no ###, the title and the footer on every page, one sans font family —
// and the acceptance edits recalculated by LibreOffice in the output workbook. These tests need
// soffice, poppler-utils and python3-openpyxl and fail (never skip) without them.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { generate } from "../../src/app/actions";
import { DOCUMENT_ROLES } from "../../src/core/generated";
import { analyse, planSheets } from "../../src/core/engine";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { addPlans } from "../../src/xlsx/exceljs-model";
import { buildWorkbook } from "../../scripts/book-spec";
import { sampleSheets } from "../../scripts/make-samples";
import { sampleRoster } from "../../scripts/sample-data";
import { PYTHON } from "../foreign/corpus";
import { fontsOn, pagesOf, printWorkbook, Printed, recalculatedSheet } from "./libreoffice";

const TODAY = { y: 2024, m: 5, d: 1 };
const SAMPLE = path.resolve(__dirname, "../../assets/sample-2024.xlsx");
const A4_LANDSCAPE: [number, number] = [842, 595];
const A4_PORTRAIT: [number, number] = [595, 842];
const PREFIX = "高新区总工会2024年职工疗休养";
const TITLES: Record<string, string> = {
  经费分摊表: PREFIX + "经费分摊表",
  校验结果: PREFIX + "校验结果",
  参加人员名单: PREFIX + "参加人员名单",
  意外险投保名单: PREFIX + "人身意外险投保名单",
  签到表: PREFIX + "签到表",
  公示名单: PREFIX + "人员公示名单",
};

/** The input with every sheet generated (the pack included), as the CLI writes it. */
async function output(input: Buffer, force = false): Promise<Buffer> {
  const book = await XlsxWorkbook.fromBuffer(input);
  const r = await generate(book, { today: TODAY }, { force, documents: DOCUMENT_ROLES });
  // 名额与候补 (issue 13) is written only while a programme is oversubscribed.
  const names = r.written.map((w) => w.name);
  expect(names.filter((n) => n !== "名额与候补")).toEqual(Object.keys(TITLES));
  expect(names.includes("名额与候补")).toBe(force);
  return book.toBuffer();
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "lxy-print-test-"));

describe("the sample, printed by LibreOffice", () => {
  let printed: Printed;
  let out: Buffer;
  beforeAll(async () => {
    out = await output(fs.readFileSync(SAMPLE));
    printed = printWorkbook(out);
  });

  it("经费分摊表 is one A4 landscape page: title, every figure, signature line, footer, no ###", () => {
    const pages = pagesOf(printed, TITLES["经费分摊表"]);
    expect(pages).toHaveLength(1);
    const [p] = pages;
    expect(p.size).toEqual(A4_LANDSCAPE);
    expect(p.text).not.toContain("###");
    for (const figure of ["441,280.00", "279,093.33", "132,093.34", "-93.34", "13.21"])
      expect(p.text).toContain(figure);
    expect(p.text).toMatch(/填报单位（盖章）：高新区总工会\s+制表人：\s+审核人：\s+日期：/);
    expect(p.text).toMatch(/第 \d+ 页 共 \d+ 页/);
    // 万元 with two decimals, never four.
    expect(p.text).not.toMatch(/\b13\.2093\b/);
  });

  it.each(Object.keys(TITLES))("%s: A4, title and footer on every page, no ###", (sheet) => {
    const pages = pagesOf(printed, TITLES[sheet]);
    expect(pages.length).toBeGreaterThan(0);
    const want = sheet === "签到表" ? A4_PORTRAIT : A4_LANDSCAPE;
    for (const p of pages) {
      expect(p.size).toEqual(want);
      expect(p.text).not.toContain("###");
      expect(p.text).toMatch(/第 \d+ 页 共 \d+ 页/);
    }
    // The header row is repeated at the top of every page (print titles).
    const header = { 经费分摊表: "项目编号", 校验结果: "代码" }[sheet as string] ?? "姓名";
    expect(pages.every((p) => p.text.includes(header))).toBe(true);
  });

  it("签到表 starts every batch on a new page; 公示名单 shows no full ID", () => {
    const pages = pagesOf(printed, TITLES["签到表"]);
    const batches = [
      "W1 一线职工疗休养 第1批",
      "W1 一线职工疗休养 第2批",
      "W2 优秀技术技能人才疗休养 第1批",
      "W3 灵活就业群体疗休养 第1批",
      "W3 灵活就业群体疗休养 第2批",
      "W4 城市困难职工解困脱困工作人员疗休养 第1批",
      "N1 市内疗休养 第1批",
      "N1 市内疗休养 第2批",
    ];
    const on = batches.map((b) => pages.findIndex((p) => p.text.includes(b)));
    expect(on.every((i) => i >= 0)).toBe(true);
    expect(new Set(on).size).toBe(batches.length);
    const notice = pagesOf(printed, TITLES["公示名单"])
      .map((p) => p.text)
      .join("\n");
    expect(notice).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(notice).not.toMatch(/\d{17}[\dX]/);
  });

  it("the generated sheets use one sans family (bold included): no serif substitute", async () => {
    // Only the generated sheets, so the user's own fonts do not count.
    const book = await XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE));
    const plans = planSheets(
      analyse(await book.readWorkbook(), { today: TODAY }),
      {},
      DOCUMENT_ROLES
    );
    const wb = new ExcelJS.Workbook();
    addPlans(wb, [plans.allocation!, plans.report, ...plans.documents]);
    const mine = printWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const fonts = fontsOn(mine.pdf, 1, mine.pages.length);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => /serif|song|ming/i.test(f) && !/sans/i.test(f))).toEqual([]);
  });

  it("LibreOffice recalculates the acceptance edits to W1 and N1", () => {
    const dir = tmp();
    const file = path.join(dir, "out.xlsx");
    fs.writeFileSync(file, out);
    const edited = path.join(dir, "edited.xlsx");
    // openpyxl (a writer nobody here wrote) edits 项目费率 and saves; LibreOffice recalculates.
    execFileSync(PYTHON, [
      "-c",
      `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["项目费率"]
head = next(r for r in ws.iter_rows(values_only=True) if "项目编号" in r)
hr = next(i for i, r in enumerate(ws.iter_rows(values_only=True), 1) if "项目编号" in r)
col = {h: i + 1 for i, h in enumerate(head) if h}
row = {ws.cell(r, col["项目编号"]).value: r for r in range(hr + 1, ws.max_row + 1)}
ws.cell(row["W1"], col["省总工会承担"]).value = 2100
ws.cell(row["W1"], col["市总工会承担"]).value = 100
ws.cell(row["N1"], col["省总工会承担"]).value = "50%"
ws.cell(row["N1"], col["市总工会承担"]).value = "25%"
ws.cell(row["N1"], col["高新区总工会承担"]).value = "其余"
wb.save(sys.argv[2])
`,
      file,
      edited,
    ]);
    const sheets = ["花名册", "项目费率", "预算", ...Object.keys(TITLES)];
    const rows = recalculatedSheet(edited, sheets.indexOf("经费分摊表") + 1);
    const heads = rows.find((r) => r[0] === "项目编号")!;
    const split = (code: string) =>
      ["省总工会承担", "市总工会承担", "高新区总工会承担", "核对"].map(
        (h) => rows.find((r) => r[0] === code)![heads.indexOf(h)]
      );
    expect(split("W1")).toEqual(["105,000.00", "5,000.00", "40,000.00", "一致"]);
    expect(split("N1")).toEqual(["61,640.00", "30,820.00", "30,820.00", "一致"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

it("a 1,000-person roster prints every generated sheet without ###", async () => {
  const base = sampleRoster();
  // Seven copies of the 151 people (1,057 rows); the IDs repeat, so the output is forced.
  const roster = Array.from({ length: 7 }, () => base)
    .flat()
    .map((r, i) => [i + 1, ...r.slice(1)]);
  const input = Buffer.from(await buildWorkbook(sampleSheets(roster)).xlsx.writeBuffer());
  const printed = printWorkbook(await output(input, true));
  const alloc = pagesOf(printed, TITLES["经费分摊表"]);
  expect(alloc).toHaveLength(1);
  // 1,057 sign-ups, the places budgeted (人数 is MIN(count, 名额)): the seed's 441,280.00.
  expect(alloc[0].text).toContain("441,280.00");
  const waitlist = pagesOf(printed, "2024年疗休养名额与候补");
  expect(waitlist.length).toBeGreaterThan(0);
  expect(waitlist.every((p) => p.size[0] === 842 && !p.text.includes("###"))).toBe(true);
  for (const sheet of Object.keys(TITLES)) {
    const pages = pagesOf(printed, TITLES[sheet]);
    expect([sheet, pages.length > 0, pages.some((p) => p.text.includes("###"))]).toEqual([
      sheet,
      true,
      false,
    ]);
  }
});
