// The workbook port over one Excel.RequestContext: what src/app's actions need, in few round
// trips. The read remembers the layout (sheet ids, the add-in's markers, structure
// protection), so writes need no extra round trip; replacing the marks finds ours by content
// (two round trips) and then deletes and adds in one sync.
import type { Issue, WorkbookData } from "../core/types";
import type { SheetPlan } from "../core/plan";
import type { Progress, WorkbookPort, WrittenSheet } from "../app/port";
import { readWorkbook, ReadResult } from "./read";
import { writeSheets } from "./write";
import { clearHighlights, queueRuleTypes, replaceHighlights, RuleListing } from "./highlight";
import { setSheetHint } from "./settings";

export class ExcelWorkbook implements WorkbookPort {
  private last: ReadResult | null = null;
  /** The rule listing queued with the read (for marks), if any. */
  private rules: RuleListing | null = null;
  /** Names of the sheets a write queued (to clean up after a failed batch). */
  intended: string[] = [];

  constructor(
    readonly ctx: Excel.RequestContext,
    /** Sheets the user chose explicitly: read even if their names look generated. */
    private readonly explicit: string[] = []
  ) {}

  async readWorkbook(progress?: Progress): Promise<WorkbookData> {
    this.last = await readWorkbook(this.ctx, {
      progress,
      explicit: this.explicit,
      // The rule types for finding our marks ride along with the cell sync.
      onLayout: (sheets) => (this.rules = queueRuleTypes(this.ctx, sheets)),
    });
    if (this.rules) this.rules.synced = this.last.syncedAfterLayout;
    setSheetHint(this.last.book.sheets.map((s) => s.name));
    return this.last.book;
  }

  /** The layout without the cells, for writes and marks before any read. */
  private async layout(): Promise<ReadResult> {
    if (!this.last) this.last = await readWorkbook(this.ctx, { headRows: 1 });
    return this.last;
  }

  async writeSheets(plans: SheetPlan[], progress?: Progress): Promise<WrittenSheet[]> {
    return writeSheets(this.ctx, plans, (await this.layout()).layout, progress, this.intended);
  }

  async replaceMarks(issues: Issue[]): Promise<void> {
    const r = await this.layout();
    const pre = this.rules ?? undefined;
    this.rules = null;
    await replaceHighlights(this.ctx, issues, r.layout.sheets, pre);
  }

  async clearMarks(): Promise<void> {
    await clearHighlights(this.ctx, this.last?.layout.sheets);
  }

  /** The layout read before the write (for the cleanup after a failure). */
  get before(): ReadResult | null {
    return this.last;
  }
}
