// The user's three actions, written once over the workbook port. The task pane, the ribbon's
// 一键生成, the command line and the playground all call these; hosts only provide the port.
import type { Options } from "../core/types";
import { analyse, Analysis, planSheets } from "../core/engine";
import type { Progress, WorkbookPort, WrittenSheet } from "./port";
import { removalPlan } from "../core/plan";
import { DEFAULT_DOCUMENTS, DOCUMENT_ROLES, DocumentRole } from "../core/generated";

/** 校验: read, check, and mark the issue cells (replacing earlier marks). */
export async function validate(
  port: WorkbookPort,
  options: Options = {},
  progress?: Progress
): Promise<Analysis> {
  progress?.("read", 0, 3);
  const book = await port.readWorkbook(progress);
  progress?.("check", 1, 3);
  const analysis = analyse(book, options);
  progress?.("mark", 2, 3);
  await port.replaceMarks(analysis.issues);
  progress?.("done", 3, 3);
  return analysis;
}

export interface GenerateRequest {
  /** Generate even when errors were found (仍然生成, --force). */
  force?: boolean;
  /** When errors block generating, mark their cells so the user sees where they are. */
  markWhenBlocked?: boolean;
  /** The caller's last word before anything is written (the CLI: the output file may exist). */
  mayWrite?: (analysis: Analysis) => boolean;
  /** The lists of the document pack to write beside the allocation (default: none). A list this
   *  tool wrote before and not asked for now is removed: left in place it would show the old
   *  roster's people as if they were current. */
  documents?: readonly DocumentRole[];
}

export interface GenerateResult {
  analysis: Analysis;
  written: WrittenSheet[];
  /** Not generated: errors without force, no rate sheet to allocate from, or mayWrite said no. */
  blocked: boolean;
  /** Why it was not generated. */
  blockedBy: "errors" | "noRates" | "caller" | null;
  /** The issue cells were marked (blocked with markWhenBlocked). */
  marked: boolean;
}

/** Whether an analysis may be written: there is an allocation, and no errors unless forced. */
export function isBlocked(analysis: Analysis, force = false): boolean {
  return !analysis.allocation || (analysis.errorCount > 0 && !force);
}

async function readThenCheck(port: WorkbookPort, progress?: Progress) {
  const book = await port.readWorkbook(progress);
  progress?.("check", 1, 3);
  return book;
}

/** 生成经费分摊表: read, check, and write the sheets unless errors block it. */
export async function generate(
  port: WorkbookPort,
  options: Options = {},
  request: GenerateRequest = {},
  progress?: Progress
): Promise<GenerateResult> {
  progress?.("read", 0, 3);
  // The cells are not kept past the analysis (no variable holds them): on a large roster they
  // are most of the memory, and writing the sheets needs only the analysis.
  const analysis = analyse(await readThenCheck(port, progress), options);
  if (isBlocked(analysis, request.force)) {
    const marked = !!request.markWhenBlocked && analysis.issues.length > 0;
    if (marked) {
      progress?.("mark", 2, 3);
      await port.replaceMarks(analysis.issues);
    }
    progress?.("done", 3, 3);
    const blockedBy = analysis.allocation ? "errors" : "noRates";
    return { analysis, written: [], blocked: true, blockedBy, marked };
  }
  if (request.mayWrite && !request.mayWrite(analysis))
    return { analysis, written: [], blocked: true, blockedBy: "caller", marked: false };
  progress?.("write", 2, 3);
  const plans = planSheets(analysis, {}, request.documents);
  // 名额与候补 only while a programme is oversubscribed; an earlier one goes otherwise, and so
  // does an earlier list not asked for this time (ports remove only sheets this tool wrote).
  const waitlist = plans.waitlist ?? removalPlan("waitlist");
  const wanted = new Set(request.documents ?? DEFAULT_DOCUMENTS);
  const unwanted = DOCUMENT_ROLES.filter((r) => !wanted.has(r)).map(removalPlan);
  const written = await port.writeSheets(
    [plans.allocation!, plans.report, waitlist, ...plans.documents, ...unwanted],
    progress
  );
  progress?.("done", 3, 3);
  return { analysis, written, blocked: false, blockedBy: null, marked: false };
}

/** 清除标记: remove exactly the tool's marks. */
export async function clearMarks(port: WorkbookPort): Promise<void> {
  await port.clearMarks();
}
