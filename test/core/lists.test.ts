// The document pack (src/core/plan/lists.ts) on the sample and on small rosters: who is on each
// list, in which order, what is masked, and that names, IDs and phones stay text in every host.
import ExcelJS from "exceljs";
import type { SheetPlan } from "../../src/core/plan";
import { maskId, maskPhone } from "../../src/core/plan";
import { planSheets } from "../../src/core/engine";
import { DOCUMENT_ROLES } from "../../src/core/generated";
import { cellInput } from "../../src/excel/write";
import { writePlan } from "../../src/xlsx/exceljs-model";
import { bookOf, person, run, sampleBook, validId } from "../helpers/books";

const byRole = (plans: SheetPlan[], role: string) => plans.find((p) => p.role === role)!;
const texts = (plan: SheetPlan) =>
  plan.cells.map((r) =>
    r.map((c) => (c === null ? null : "text" in c ? c.text : "number" in c ? c.number : c.value))
  );
/** The table body: rows numbered in column A (序号). */
const numbered = (plan: SheetPlan) => texts(plan).filter((r) => typeof r[0] === "number");

describe("the document pack on the sample", () => {
  const a = run(sampleBook());
  const docs = planSheets(a, {}, DOCUMENT_ROLES).documents;

  it("is not written unless chosen", () => {
    expect(planSheets(a).documents).toEqual([]);
    expect(docs.map((d) => [d.role, d.name])).toEqual([
      ["participants", "参加人员名单"],
      ["insurance", "意外险投保名单"],
      ["signin", "签到表"],
      ["notice", "公示名单"],
    ]);
  });

  it("参加人员名单: 151 people by programme and batch, a subtotal per programme", () => {
    const p = byRole(docs, "participants");
    expect(texts(p)[0][0]).toBe("高新区总工会2024年职工疗休养参加人员名单");
    expect(texts(p)[2]).toEqual([
      "序号",
      "姓名",
      "性别",
      "工作单位",
      "人员类别",
      "项目",
      "批次",
      "日期",
      "联系电话",
    ]);
    const rows = numbered(p);
    expect(rows).toHaveLength(151);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 151 }, (_, i) => i + 1));
    const subtotals = texts(p)
      .map((r) => r[0])
      .filter((v): v is string => typeof v === "string" && /小计|合计：/.test(v));
    expect(subtotals).toEqual([
      "W1 一线职工疗休养 小计：50人",
      "W2 优秀技术技能人才疗休养 小计：3人",
      "W3 灵活就业群体疗休养 小计：50人",
      "W4 城市困难职工解困脱困工作人员疗休养 小计：2人",
      "N1 市内疗休养 小计：46人",
      "合计：151人",
    ]);
    // Within a programme, batches in order (第1批 before 第2批).
    const w1 = rows.filter((r) => String(r[5]).startsWith("W1 ")).map((r) => r[6]);
    expect(w1.indexOf("第2批")).toBeGreaterThan(w1.lastIndexOf("第1批"));
  });

  it("意外险投保名单: 151 people, the ID as text, age on the programme's first day", () => {
    const ins = byRole(docs, "insurance");
    const rows = numbered(ins);
    expect(rows).toHaveLength(151);
    for (const r of rows) {
      expect(String(r[3])).toMatch(/^\d{17}[\dX]$/);
      const birth = String(r[4]);
      expect(birth).toBe(`${r[3]}`.replace(/^\d{6}(\d{4})(\d{2})(\d{2}).*$/, "$1-$2-$3"));
    }
    const w1 = rows.find((r) => String(r[6]).startsWith("W1 "))!;
    const [y, m, d] = String(w1[4]).split("-").map(Number);
    // W1 starts on 2024-06-01.
    expect(w1[5]).toBe(2024 - y - (m > 6 || (m === 6 && d > 1) ? 1 : 0));
    expect(w1[8]).toBe("2024-06-01至2024-10-31");
    const idCol = ins.formats.find((f) => f.numberFormat === "@" && f.address.startsWith("D"));
    expect(idCol?.address).toBe(`D4:D${3 + 151}`);
  });

  it("签到表: one block per programme and batch, a page break before each but the first, tall rows, an empty 签名", () => {
    const s = byRole(docs, "signin");
    const t = texts(s);
    const heads = t
      .map((r, i) => [i, r[0]] as const)
      .filter(([, v]) => typeof v === "string" && /^(W|N)\d /.test(v));
    expect(heads.map(([, v]) => v)).toEqual([
      "W1 一线职工疗休养 第1批  云南省工人疗养院",
      "W1 一线职工疗休养 第2批  云南省工人疗养院",
      "W2 优秀技术技能人才疗休养 第1批  安宁职工疗休养基地",
      "W3 灵活就业群体疗休养 第1批  云南省工人疗养院",
      "W3 灵活就业群体疗休养 第2批  云南省工人疗养院",
      "W4 城市困难职工解困脱困工作人员疗休养 第1批  腾冲职工疗休养基地",
      "N1 市内疗休养 第1批  玉溪映月潭温泉酒店等4处",
      "N1 市内疗休养 第2批  玉溪映月潭温泉酒店等4处",
    ]);
    // The break follows the row above each block's heading.
    expect(s.rowBreaks).toEqual(heads.slice(1).map(([i]) => i - 1));
    const people = numbered(s);
    expect(people).toHaveLength(151);
    expect(people.every((r) => r[5] === null)).toBe(true);
    expect(s.rowHeights).toHaveLength(151);
    expect(s.rowHeights!.every((h) => h.height >= 30)).toBe(true);
    expect(s.page.orientation).toBe("portrait");
  });

  it("公示名单: the ID shows its first 6 and last 4, the phone its first 3 and last 4", () => {
    const n = byRole(docs, "notice");
    const rows = numbered(n);
    expect(rows).toHaveLength(151);
    for (const r of rows) {
      expect(String(r[4])).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(String(r[5])).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    const all = JSON.stringify(texts(n));
    for (const p of a.rosters[0].participants) expect(all).not.toContain(p.id.id18!);
  });
});

describe("who is on the lists", () => {
  it("a person with an error is on 参加人员名单 but not on 意外险投保名单", () => {
    const ok = person("W1", { 姓名: "张三" });
    const bad = person("W1", { 姓名: "李四", 是否会员: "否", 人员类别: "快递会员" });
    const a = run(bookOf([ok, bad]));
    expect(a.errorCount).toBeGreaterThan(0);
    const docs = planSheets(a, {}, ["participants", "insurance"]).documents;
    expect(numbered(docs[0]).map((r) => r[1])).toEqual(["张三", "李四"]);
    expect(numbered(docs[1]).map((r) => r[1])).toEqual(["张三"]);
    expect(texts(docs[1])[1][0]).toBe(
      "共1人；另有1人的行有错误，未列入，请先处理“校验结果”中的问题。"
    );
  });

  it("masks: short or odd values never show in full", () => {
    expect(maskId("53042419910820656X")).toBe("530424********656X");
    expect(maskId("123456789")).toBe("*********");
    expect(maskPhone("19160607844")).toBe("191****7844");
    expect(maskPhone("0877-1234567")).toBe("087*****4567");
    expect(maskPhone("12345")).toBe("*****");
    expect(maskPhone("")).toBe("");
  });
});

describe("names, IDs and phones are text in every host", () => {
  const nasty = person("W1", {
    姓名: '=HYPERLINK("http://x","点我")',
    身份证号: validId({ y: 1980, m: 1, d: 2 }),
    联系电话: "13800138000",
  });
  const a = run(bookOf([nasty]));
  const docs = planSheets(a, {}, DOCUMENT_ROLES).documents;

  it("Office.js input: a leading = and digit strings are quoted with an apostrophe", () => {
    const p = byRole(docs, "participants");
    const row = p.cells.find((r) => r[0] && "number" in r[0])!;
    expect(cellInput(row[1])).toBe('\'=HYPERLINK("http://x","点我")');
    expect(cellInput(row[8])).toBe("'13800138000");
    const ins = byRole(docs, "insurance");
    const irow = ins.cells.find((r) => r[0] && "number" in r[0])!;
    expect(cellInput(irow[3])).toBe("'" + validId({ y: 1980, m: 1, d: 2 }));
  });

  it("ExcelJS: string cells, never formulas or numbers", () => {
    const wb = new ExcelJS.Workbook();
    for (const d of docs) writePlan(wb.addWorksheet(d.name), d);
    const ws = wb.getWorksheet("意外险投保名单")!;
    expect(ws.getCell("B4").value).toBe('=HYPERLINK("http://x","点我")');
    expect(ws.getCell("B4").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("D4").value).toBe(validId({ y: 1980, m: 1, d: 2 }));
    expect(ws.getCell("D4").numFmt).toBe("@");
  });
});
