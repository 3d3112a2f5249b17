// The web page's worker handler in Node (the browser test runs it in Chromium): open, 校验 and
// 生成 over the sample give the app layer's figures and file; bad bytes give a reason.
import * as fs from "fs";
import * as path from "path";
import { createHandler, previewOfPlan } from "../../src/web/handler";
import type { WorkerRequest, WorkerResponse } from "../../src/web/protocol";
import { displayValue } from "../../src/web/SheetGrid";
import { outputName } from "../../src/web/webHost";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { generate } from "../../src/app/actions";
import { analyse, planSheets } from "../../src/core/engine";
import { TODAY } from "../helpers/books";

const SAMPLE = path.resolve(__dirname, "../../assets/sample-2024.xlsx");
const MISTAKES = path.resolve(__dirname, "../../assets/sample-2024-mistakes.xlsx");

/** A request without its id, kind by kind. */
type Ask = {
  [K in WorkerRequest["kind"]]: Omit<Extract<WorkerRequest, { kind: K }>, "id">;
}[WorkerRequest["kind"]];

function session() {
  const got: WorkerResponse[] = [];
  const handle = createHandler((res) => got.push(res));
  let id = 0;
  return async (req: Ask) => {
    const n = ++id;
    await handle({ ...req, id: n } as WorkerRequest);
    const mine = got.filter((r) => r.id === n);
    return { last: mine[mine.length - 1], all: mine };
  };
}

function bytesOf(file: string): ArrayBuffer {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

function as<K extends WorkerResponse["kind"]>(
  r: WorkerResponse,
  kind: K
): Extract<WorkerResponse, { kind: K }> {
  if (r.kind !== kind) throw new Error(JSON.stringify(r));
  return r as Extract<WorkerResponse, { kind: K }>;
}

test("open, 校验 and 生成 on the sample: the sheets, the seed's figures and the app layer's file", async () => {
  const ask = session();
  const opened = await ask({ kind: "open", bytes: bytesOf(SAMPLE), fileName: "s.xlsx" });
  expect(opened.all.some((r) => r.kind === "progress" && r.step === "read")).toBe(true);
  const o = as(opened.last, "opened");
  expect(o.sheets.map((s) => s.name)).toEqual(["花名册", "项目费率", "预算"]);
  expect(o.rows).toBe(o.sheets.reduce((n, s) => n + s.values.length, 0));

  const v = as((await ask({ kind: "validate", options: { today: TODAY } })).last, "validated");
  expect(v.analysis.errorCount).toBe(0);
  expect(v.analysis.allocation!.byPayer.get("高新区总工会")).toBe(13209334n);
  // The page gets no parsed rows: it does not show them and they would cost its thread.
  expect(v.analysis.rosters.map((r) => [r.sheet, r.participants])).toEqual([["花名册", []]]);

  const g = as(
    (await ask({ kind: "generate", options: { today: TODAY }, request: {} })).last,
    "generated"
  );
  expect(g.outcome.blocked).toBe(false);
  expect(g.saveMode).toBe("patch");
  expect(g.sheets.map((s) => s.name)).toEqual(["经费分摊表", "校验结果"]);
  // The same sheets as the app layer writes through XlsxWorkbook directly.
  const direct = await XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE));
  await generate(direct, { today: TODAY });
  const a = await XlsxWorkbook.fromBuffer(Buffer.from(g.file!));
  const b = await XlsxWorkbook.fromBuffer(await direct.toBuffer());
  expect((await a.readWorkbook()).sheets).toEqual((await b.readWorkbook()).sheets);
  // A second 生成 starts again from the file as opened: the same two sheets, not two more.
  const again = as(
    (await ask({ kind: "generate", options: { today: TODAY }, request: {} })).last,
    "generated"
  );
  const c = await XlsxWorkbook.fromBuffer(Buffer.from(again.file!));
  expect(c.sheetNames).toEqual(["花名册", "项目费率", "预算", "经费分摊表", "校验结果"]);
});

test("the mistakes sample is blocked without force (its cells to mark) and written with it", async () => {
  const ask = session();
  as((await ask({ kind: "open", bytes: bytesOf(MISTAKES), fileName: "m.xlsx" })).last, "opened");
  const blocked = as(
    (
      await ask({
        kind: "generate",
        options: { today: TODAY },
        request: { markWhenBlocked: true },
      })
    ).last,
    "generated"
  );
  expect(blocked.outcome.blocked).toBe(true);
  expect(blocked.outcome.marked).toBe(true);
  expect(blocked.outcome.analysis.errorCount).toBe(7);
  expect(blocked.file).toBeNull();
  const forced = as(
    (await ask({ kind: "generate", options: { today: TODAY }, request: { force: true } })).last,
    "generated"
  );
  const book = await XlsxWorkbook.fromBuffer(Buffer.from(forced.file!));
  expect(book.sheetNames).toContain("经费分摊表");
});

test("bytes that are no workbook: a Chinese reason naming the file, and nothing opened", async () => {
  const ask = session();
  const csv = new TextEncoder().encode("a,b\n1,2\n").buffer as ArrayBuffer;
  const r = as((await ask({ kind: "open", bytes: csv, fileName: "名单.csv" })).last, "failed");
  expect(r.message).toMatch(/^无法读取 名单\.csv：这是文本文件/);
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).buffer as ArrayBuffer;
  const z = as((await ask({ kind: "open", bytes: zip, fileName: "坏.xlsx" })).last, "failed");
  expect(z.message).toMatch(/^无法读取 坏\.xlsx：工作簿已损坏/);
  const v = as((await ask({ kind: "validate", options: {} })).last, "failed");
  expect(v.message).toBe("尚未打开工作簿");
});

test("the preview's values: formats as the sheet gives them; the download's name is the CLI's", () => {
  expect(displayValue(132093.34, "#,##0.00")).toBe("132,093.34");
  expect(displayValue(-93.34, "#,##0.00")).toBe("-93.34");
  expect(displayValue(45444, "yyyy-mm-dd")).toBe("2024-06-01");
  expect(displayValue(45444, 'yyyy"年"m"月"d"日"')).toBe("2024-06-01");
  expect(displayValue(0.1 + 0.2, "")).toBe("0.3");
  expect(displayValue(50, "0")).toBe("50");
  expect(displayValue("530424199108201234", "@")).toBe("530424199108201234");
  expect(displayValue(true)).toBe("TRUE");
  expect(displayValue(null)).toBe("");
  expect(outputName("花名册.xlsx")).toBe("花名册.经费分摊.xlsx");
  expect(outputName("plan.XLSM")).toBe("plan.经费分摊.xlsx");
});

test("previewOfPlan: the engine's values with their formulas and number formats", async () => {
  const book = await XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE));
  const plan = planSheets(analyse(await book.readWorkbook(), { today: TODAY })).allocation!;
  const p = previewOfPlan(plan);
  expect(p.generated).toBe(true);
  expect(p.values.length).toBe(plan.cells.length);
  const cells = p.values.flatMap((row, r) =>
    row.map((v, c) => ({ v, f: p.formulas![r][c], fmt: p.numberFormats![r][c] }))
  );
  const own = cells.find((x) => x.v === 132093.34 && x.f);
  expect(own?.f).toMatch(/^=/);
  expect(displayValue(own!.v, own!.fmt)).toBe("132,093.34");
  expect(cells.find((x) => x.v === "项目编号")?.f).toBeNull();
});

test("requests are handled one at a time, in order: 校验 sent while the file is still opening waits for it", async () => {
  const got: WorkerResponse[] = [];
  const handle = createHandler((res) => got.push(res));
  const opening = handle({ id: 1, kind: "open", bytes: bytesOf(SAMPLE), fileName: "s.xlsx" });
  const checking = handle({ id: 2, kind: "validate", options: { today: TODAY } });
  await Promise.all([opening, checking]);
  const answers = got.filter((r) => r.kind !== "progress");
  expect(answers.map((r) => `${r.id}:${r.kind}`)).toEqual(["1:opened", "2:validated"]);
});
