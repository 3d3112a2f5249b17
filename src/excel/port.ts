// The workbook port over one Excel.RequestContext: what src/app's actions need, in few round
// trips. The read remembers the layout (sheet ids, the add-in's markers, the marks found), so
// writes and marks need no extra round trip; replacing the marks is one sync.
import type { Issue, WorkbookData } from "../core/types";
import type { SheetPlan } from "../core/plan";
import type { Progress, WorkbookPort, WrittenSheet } from "../app/port";
import { readWorkbook, ReadResult } from "./read";
import { writeSheets } from "./write";
import { clearHighlights, queueClear, queueMarks, recordMarks } from "./highlight";
import { setSheetHint } from "./settings";

export class ExcelWorkbook implements WorkbookPort {
  private last: ReadResult | null = null;
  /** The record of marks in the document settings changed: it must be saved. */
  marksChanged = false;

  constructor(
    readonly ctx: Excel.RequestContext,
    /** Sheets the user chose explicitly: read even if their names look generated. */
    private readonly explicit: string[] = []
  ) {}

  async readWorkbook(progress?: Progress): Promise<WorkbookData> {
    this.last = await readWorkbook(this.ctx, {
      progress,
      withMarks: true,
      explicit: this.explicit,
    });
    setSheetHint(this.last.book.sheets.map((s) => s.name));
    return this.last.book;
  }

  /** The layout without the cells, for writes and marks before any read. */
  private async layout(): Promise<ReadResult> {
    if (!this.last) this.last = await readWorkbook(this.ctx, { headRows: 1, withMarks: true });
    return this.last;
  }

  async writeSheets(plans: SheetPlan[], progress?: Progress): Promise<WrittenSheet[]> {
    return writeSheets(this.ctx, plans, (await this.layout()).layout, progress);
  }

  async replaceMarks(issues: Issue[]): Promise<void> {
    const r = await this.layout();
    queueClear(this.ctx, r.marksFound);
    const q = queueMarks(this.ctx, issues, r.layout.sheets);
    await this.ctx.sync();
    recordMarks(q);
    r.marksFound = {};
    this.marksChanged = true;
  }

  async clearMarks(): Promise<void> {
    await clearHighlights(this.ctx);
    if (this.last) this.last.marksFound = {};
    this.marksChanged = true;
  }
}
