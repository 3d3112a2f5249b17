// The workbook port over .xlsx files: for the command line, the web page and tests.
// Reading is the streaming reader (read/); saving patches the input file, adding our sheets and
// leaving every other part as it was (patch/). ExcelJS is loaded only to render the generated
// sheets, and for the full rewrite that is the last resort.
import type ExcelJS from "exceljs";
import type { Issue, SheetData, WorkbookData } from "../core/types";
import type { SheetPlan } from "../core/plan";
import type { Progress, WorkbookPort, WrittenSheet } from "../app/port";
import { readXlsx, sheetNamesOf } from "./read";
import type { ReadBook } from "./read";
import { computeFormulas } from "./read/compute";
import type { Unresolved } from "./read/compute";
import { toU8 } from "./read/zip";
import { asBuffer } from "./bytes";
// Static imports (a relative dynamic import is not found by every loader, e.g. tsx's CommonJS
// hook); none of these loads ExcelJS or HyperFormula until it is used.
import { addPlans, sheetData } from "./exceljs-model";
import { patchWorkbook } from "./patch";
import { internalLinksInZip } from "./patch/links";

export type XlsxBytes = Uint8Array | ArrayBuffer;

/** Why a save had to rewrite the whole file, in the user's words (null: it did not). */
const FULL_WARNING =
  "本工作簿的结构无法按原样追加新表，已由程序整体重写保存：数据与公式保留，但部分格式、图表、数据透视表或宏可能丢失，请核对后再使用。";

export class XlsxWorkbook implements WorkbookPort {
  /** The file it was read from (never changed). */
  private source: Uint8Array | null = null;
  /** What the reader made of it; null once released. */
  private read: ReadBook | null = null;
  private names: string[] = [];
  private released = false;
  /** Formulas with no usable value, once readWorkbook has computed what it could. */
  unresolved: Unresolved[] = [];
  private batches: { plans: SheetPlan[]; written: WrittenSheet[] }[] = [];
  /** The file with every batch written so far (the input patched). */
  private patched: Uint8Array | null = null;
  /** An ExcelJS model: given to the constructor, taken through model(), or the fallback's. */
  private book: ExcelJS.Workbook | null;
  /** How the last toBuffer saved: the input patched, or the whole model written (and why). */
  saveMode: "patch" | "full" | null = null;
  patchError: Error | null = null;
  /** For the user when the save was a full rewrite (the CLI prints it, the JSON carries it). */
  saveWarning: string | null = null;

  /** A workbook built in memory with ExcelJS (tests): saved by writing the model. */
  constructor(book: ExcelJS.Workbook | null = null) {
    this.book = book;
  }

  static async fromBuffer(bytes: XlsxBytes | Buffer): Promise<XlsxWorkbook> {
    const u8 = toU8(bytes);
    const x = new XlsxWorkbook();
    x.source = u8;
    x.read = await readXlsx(u8);
    x.names = x.read.sheets.map((s) => s.name);
    x.macros = x.read.macroEnabled;
    return x;
  }

  /** The worksheets' names in tab order (chart sheets left out). */
  get sheetNames(): string[] {
    if (this.book && !this.source) return this.book.worksheets.map((ws) => ws.name);
    if (this.released)
      throw new Error("XlsxWorkbook: the workbook was released (release() was called)");
    return [...this.names];
  }

  /** The ExcelJS model of an in-memory workbook (constructor). */
  get wb(): ExcelJS.Workbook {
    if (!this.book || this.source)
      throw new Error("XlsxWorkbook.wb: only for a workbook built in memory; use model()");
    return this.book;
  }

  /**
   * The whole file as an ExcelJS model (loaded on first call). Whoever takes it may change it,
   * so from then on saving writes that model whole.
   */
  async model(): Promise<ExcelJS.Workbook> {
    if (!this.book) {
      if (!this.source) throw new Error("XlsxWorkbook: no workbook");
      const { default: Excel } = await import("exceljs");
      const wb = new Excel.Workbook();
      // A copy of exactly the file (a Buffer may be a view into a larger pool).
      await wb.xlsx.load(new Uint8Array(this.source).buffer as ArrayBuffer);
      this.book = wb;
    }
    return this.book;
  }

  /**
   * The caller has read what it needs: let the cells go (later writes go straight into the
   * file). Returns whether anything was released.
   */
  release(): boolean {
    if (!this.source || !this.read || this.book) return false;
    this.read = null;
    this.released = true;
    return true;
  }

  async readWorkbook(progress?: Progress): Promise<WorkbookData> {
    if (this.book && !this.source) {
      const list = this.book.worksheets.filter((ws) => ws.state !== "veryHidden");
      return { sheets: list.map((ws) => sheetData(ws)) };
    }
    if (!this.read)
      throw new Error("XlsxWorkbook: the workbook was released (release() was called)");
    const read = this.read;
    this.unresolved = await computeFormulas(read);
    const sheets: SheetData[] = [];
    const list = read.sheets.filter((s) => s.state !== "veryHidden");
    list.forEach((s, i) => {
      progress?.("read", i, list.length, s.name);
      const gaps = this.unresolved
        .filter((u) => u.sheet === s.name)
        .map(({ row, col, formula }) => ({ row, col, formula }));
      sheets.push(gaps.length > 0 ? { ...s.data, formulasWithoutValue: gaps } : s.data);
    });
    return { sheets };
  }

  /** The input is a macro-enabled workbook (.xlsm content type): the output must be .xlsm too. */
  get macroEnabled(): boolean {
    return this.macros;
  }
  private macros = false;

  async writeSheets(plans: SheetPlan[]): Promise<WrittenSheet[]> {
    if (this.source && !this.book) {
      try {
        const r = await patchWorkbook(this.patched ?? this.source, plans);
        this.patched = r.buffer;
        this.names = sheetNamesOf(r.buffer);
        this.batches.push({ plans, written: r.written });
        return r.written;
      } catch (e) {
        // The file again as a model, with what was written so far; saved whole from now on.
        this.patchError = e as Error;
        this.patched = null;
        const model = await this.model();
        for (const batch of this.batches) addPlans(model, batch.plans);
      }
    }
    const written = addPlans(await this.model(), plans);
    this.batches.push({ plans, written });
    return written;
  }

  // A file copy carries the issues in its 校验结果 sheet instead of colouring the user's cells.
  async replaceMarks(_issues: Issue[]): Promise<void> {}
  async clearMarks(): Promise<void> {}

  /**
   * The workbook as .xlsx: the input file with the generated sheets added (nothing else of it
   * re-serialised), or — for a workbook built in memory, one whose model was taken, or a file
   * the patcher could not handle — the whole ExcelJS model written (saveWarning says so).
   */
  async toBuffer(_opts: { release?: boolean } = {}): Promise<Buffer> {
    if (this.source && !this.book) {
      this.saveMode = "patch";
      this.saveWarning = null;
      return asBuffer(this.patched ?? this.source);
    }
    this.saveMode = "full";
    if (this.source) this.saveWarning = FULL_WARNING;
    const out = new Uint8Array(await (await this.model()).xlsx.writeBuffer());
    return asBuffer(
      await internalLinksInZip(
        out,
        // A plan that only removes a sheet writes none: match the written sheets by role.
        this.batches.flatMap((b) =>
          b.written.map((w) => ({ name: w.name, plan: b.plans.find((p) => p.role === w.role)! }))
        )
      )
    );
  }
}
