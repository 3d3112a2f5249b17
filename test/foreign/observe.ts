// What our code does today with one foreign file, and which of its expectations hold.
// observe(): the command line (exit, JSON figures, issues), what the reader hands the core for
// some cells, and a forced save through XlsxWorkbook (patched or written whole, which zip parts
// changed). judge(): each expectation of the manifest as a named check, pass or fail.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { readXlsx } from "../../src/xlsx/read";
import { forHyperFormula } from "../helpers/hyperformula";
import { main } from "../../src/cli/main";
import type { ReportJson } from "../../src/core/engine";
import type { Cell, WorkbookData } from "../../src/core/types";
import { a1, parseA1 } from "../../src/core/a1";
import { generate } from "../../src/app/actions";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import type { Expect, ForeignFile } from "./corpus";

/** The parts a patched save may change; every other part must come out byte for byte. */
export const MAY_CHANGE = [
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
];
const XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const GENERATED = ["经费分摊表", "校验结果"];

export interface SaveObservation {
  mode: "patch" | "full" | null;
  patchError: string | null;
  /** Input parts outside MAY_CHANGE that differ in the output, or are missing from it. */
  changed: string[];
  missing: string[];
  /** The output's workbook content type (the output is named .xlsx). */
  mainContentType: string | null;
  /** Sheet names when our reader reads the output back, or why it could not. */
  reread: string[] | string;
  /** 经费分摊表 formula cells whose value recalculated (HyperFormula) differs from the stored one. */
  disagree: string[] | string;
}

export interface Observation {
  exit: number | null;
  /** main() threw, or exit 2: the message. */
  crash: string | null;
  stdout: string[];
  stderr: string[];
  report: ReportJson | null;
  /** "sheet!A1" → what XlsxWorkbook.readWorkbook gives (undefined: no such sheet or cell). */
  cells: Record<string, Cell | undefined>;
  sheetsRead: string[];
  save: SaveObservation | string;
}

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split("\n")[0];
const fmt = (v: unknown) => JSON.stringify(v);

async function runCli(file: string, dir: string) {
  // The output named like the input (.xlsm for .xlsm), as the command line's default name is.
  const out = path.join(dir, "out" + path.extname(file));
  const json = path.join(dir, "report.json");
  const stdout: string[] = [];
  const stderr: string[] = [];
  let exit: number | null = null;
  let crash: string | null = null;
  try {
    exit = await main([file, "-o", out, "--json", json], {
      out: (s) => stdout.push(s),
      err: (s) => stderr.push(s),
      cwd: dir,
    });
    if (exit === 2) crash = stderr.join(" ");
  } catch (e) {
    crash = `threw: ${firstLine(e)}`;
  }
  const report = fs.existsSync(json)
    ? (JSON.parse(fs.readFileSync(json, "utf8")) as ReportJson)
    : null;
  return { exit, crash, stdout, stderr, report };
}

function cellValue(data: WorkbookData, sheet: string, address: string): Cell | undefined {
  const s = data.sheets.find((x) => x.name === sheet);
  if (!s) return undefined;
  const { row, col } = parseA1(address);
  return s.values[row - (s.origin?.row ?? 0)]?.[col - (s.origin?.col ?? 0)];
}

async function compareParts(input: Buffer, output: Buffer) {
  const a = await JSZip.loadAsync(input);
  const b = await JSZip.loadAsync(output);
  const changed: string[] = [];
  const missing: string[] = [];
  for (const name of Object.keys(a.files)) {
    if (a.files[name].dir || MAY_CHANGE.includes(name)) continue;
    const other = b.file(name);
    if (!other) {
      missing.push(name);
      continue;
    }
    const [x, y] = await Promise.all([
      a.file(name)!.async("nodebuffer"),
      other.async("nodebuffer"),
    ]);
    if (!x.equals(y)) changed.push(name);
  }
  const types = (await b.file("[Content_Types].xml")?.async("string")) ?? "";
  const main = /<Override\b[^>]*PartName="\/xl\/workbook\.xml"[^>]*>/.exec(types)?.[0] ?? "";
  const mainContentType = /ContentType="([^"]*)"/.exec(main)?.[1] ?? null;
  return { changed, missing, mainContentType };
}

/**
 * Recalculate the output (as Excel would on opening it) and compare with the stored values.
 * The cells and formulas are lifted by our reader (ExcelJS cannot load every corpus file); the
 * recalculation is HyperFormula's, over the input's values.
 */
async function formulasDisagree(out: Buffer): Promise<string[] | string> {
  try {
    const book = await readXlsx(out);
    const ws = book.sheets.find((s) => s.name === GENERATED[0]);
    if (!ws) return `no sheet ${GENERATED[0]}`;
    const contents: Record<string, RawCellContent[][]> = {};
    for (const s of book.sheets) {
      const rows: RawCellContent[][] = s.data.values.map((r) =>
        r.map((v) => (typeof v === "string" ? "'" + v : v))
      );
      for (const f of s.formulas) rows[f.row][f.col] = "=" + forHyperFormula(f.formula);
      contents[s.name] = rows;
    }
    const hf = HyperFormula.buildFromSheets(contents, {
      licenseKey: "gpl-v3",
      useArrayArithmetic: true, // as Excel evaluates range&"" inside SUMPRODUCT
    });
    const id = hf.getSheetId(ws.name)!;
    const bad: string[] = [];
    for (const f of ws.formulas) {
      const stored = ws.data.values[f.row][f.col];
      const raw = hf.getCellValue({ sheet: id, row: f.row, col: f.col }) as unknown;
      const now = raw !== null && typeof raw === "object" ? { error: String(raw) } : raw;
      const same =
        typeof stored === "number" && typeof now === "number"
          ? Math.abs(stored - now) < 0.005
          : JSON.stringify(stored ?? null) === JSON.stringify(now ?? null);
      if (!same)
        bad.push(`${a1(f.row + 1, f.col + 1)} stored ${fmt(stored)}, recalculated ${fmt(now)}`);
    }
    hf.destroy();
    return bad;
  } catch (e) {
    return `threw: ${firstLine(e)}`;
  }
}

/** Generate with --force semantics through XlsxWorkbook, as the CLI does (release after reading). */
async function forcedSave(buf: Buffer, onRead: (d: WorkbookData) => void) {
  const book = await XlsxWorkbook.fromBuffer(buf);
  const result = await generate(
    {
      readWorkbook: async () => {
        const data = await book.readWorkbook();
        onRead(data);
        book.release();
        return data;
      },
      writeSheets: (plans) => book.writeSheets(plans),
      replaceMarks: async () => {},
      clearMarks: async () => {},
    },
    {},
    { force: true }
  );
  if (result.blocked) return `not generated (${result.blockedBy})`;
  const out = await book.toBuffer();
  let reread: string[] | string;
  try {
    reread = (await XlsxWorkbook.fromBuffer(out)).sheetNames;
  } catch (e) {
    reread = firstLine(e);
  }
  return {
    mode: book.saveMode,
    patchError: book.patchError ? firstLine(book.patchError) : null,
    ...(await compareParts(buf, out)),
    reread,
    disagree: await formulasDisagree(out),
  };
}

export async function observe(f: ForeignFile): Promise<Observation> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lxy-foreign-"));
  try {
    const cli = await runCli(f.file, dir);
    let data: WorkbookData = { sheets: [] };
    let save: SaveObservation | string;
    try {
      save = await forcedSave(fs.readFileSync(f.file), (d) => (data = d));
    } catch (e) {
      save = `threw: ${firstLine(e)}`;
    }
    const cells: Record<string, Cell | undefined> = {};
    for (const c of f.expect.cells ?? [])
      cells[`${c.sheet}!${c.cell}`] = cellValue(data, c.sheet, c.cell);
    return { ...cli, cells, sheetsRead: data.sheets.map((s) => s.name), save };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Verdict {
  check: string;
  ok: boolean;
  /** What was seen (for the report and failure messages). */
  seen: string;
}

function figures(r: ReportJson) {
  const al = r.allocation!;
  return {
    headcounts: Object.fromEntries(al.programs.map((p) => [p.code, p.headcount])),
    totals: {
      cost: al.totals.cost,
      ownUnion: al.totals.byPayer[al.ownUnion],
      gap: al.budget?.difference ?? null,
    },
  };
}

/** Each expectation as a named check. Names are stable: FAILING_TODAY refers to them. */
export function judge(f: ForeignFile, o: Observation): Verdict[] {
  const e: Expect = f.expect;
  const v: Verdict[] = [];
  const push = (check: string, ok: boolean, seen: unknown) =>
    v.push({ check, ok, seen: typeof seen === "string" ? seen : fmt(seen) });
  const r = o.report;
  const fig = r?.allocation ? figures(r) : null;
  push("no-crash", o.crash === null && o.exit !== null, o.crash ?? `exit ${o.exit}`);
  push("exit", o.exit === e.exit, `exit ${o.exit}`);
  if (e.headcounts)
    push("headcounts", !!fig && fmt(fig.headcounts) === fmt(e.headcounts), fig?.headcounts ?? "-");
  if (e.totals) push("totals", !!fig && fmt(fig.totals) === fmt(e.totals), fig?.totals ?? "-");
  const codes = (r?.issues ?? []).map((i) => i.code).sort();
  if (e.issues) push("issues", !!r && fmt(codes) === fmt([...e.issues].sort()), codes);
  for (const at of e.issueAt ?? []) {
    const here = (r?.issues ?? []).filter((i) => i.sheet === at.sheet && i.cell === at.cell);
    const ok = at.code
      ? here.some((i) => i.code === at.code)
      : here.some((i) => i.severity === "error" && i.code !== "RATE_SHARES_MISMATCH");
    push(
      `issue-at:${at.sheet}!${at.cell}`,
      ok,
      here.map((i) => `${i.code}: ${i.message}`).join("; ") || "none"
    );
  }
  for (const c of e.cells ?? []) {
    const got = o.cells[`${c.sheet}!${c.cell}`];
    push(`cell:${c.sheet}!${c.cell}`, got === c.value, got === undefined ? "missing" : got);
  }
  const s = o.save;
  if (typeof s === "string") {
    push("save-patch", false, s);
  } else {
    push("save-patch", s.mode === "patch", s.patchError ? `${s.mode}: ${s.patchError}` : s.mode);
    const kept = s.changed.length === 0 && s.missing.length === 0;
    push("parts-kept", kept, kept ? "all" : { changed: s.changed, missing: s.missing });
    const mainType = path.extname(f.file).toLowerCase() === ".xlsm" ? XLSM_MAIN : XLSX_MAIN;
    push("xlsx-content-type", s.mainContentType === mainType, s.mainContentType ?? "none");
    const want = [...o.sheetsRead, ...GENERATED];
    const ok = Array.isArray(s.reread) && want.every((n) => s.reread.includes(n));
    push("output-rereads", ok, s.reread);
    const d = s.disagree;
    const agree = Array.isArray(d) && d.length === 0;
    push(
      "formulas-agree",
      agree,
      typeof d === "string" ? d : agree ? "all" : d.slice(0, 4).join("; ")
    );
  }
  return v;
}
