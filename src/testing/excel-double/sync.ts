// context.sync(): one round trip. The queued operations are measured, checked against Excel's
// limits, applied in order, and the loads they carry are committed to their proxies only when
// the whole batch succeeded. Limits: "Resource limits and performance optimization for Office
// Add-ins" (Microsoft Learn) — Excel on the web rejects requests and responses above 5 MB.
import { jsonBytes } from "../../core/text";
import type { Op, RequestContext } from "./context";
import { ErrorCodes, OfficeExtensionError } from "./errors";
import { apiWriting } from "./model";
import { undoSupported } from "./undo";

/** Excel on the web rejects requests and responses above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface SyncRecord {
  /** Estimated size of the queued operations (JSON). */
  request: number;
  /** Estimated size of the loaded payload (JSON). */
  response: number;
  ops: number;
  writes: number;
  error?: string;
}

/** What the double watches of its syncs. */
export interface SyncObserver {
  /** Every round trip, failed ones included. */
  syncs: SyncRecord[];
  /** Operations (e.g. "delete") that fail with UndoNotSupported inside a merged undo group. */
  undoUnsupported?: string[];
  /** One suspendApiCalculationUntilNextSync was applied. */
  suspended(): void;
  /** The workbook changed: a sync applied a write (even if a later operation failed). */
  changed(): void;
  /** Fail the k-th operation from now (1-based, counted over every sync), once. */
  failAt: { k: number | null; seen: number };
  /** The user is editing a cell ("Excel.RunOptions.delayForCellEdit"): batches without the
   *  option fail, batches with it wait until editing ends. */
  cellEdit: { on: boolean; waiters: (() => void)[] };
  /** An operation that cannot join an undo group ran inside one: the user's undo stack is gone. */
  undoCleared(): void;
}

type Commit = () => void;

export async function syncContext(ctx: RequestContext, obs: SyncObserver): Promise<void> {
  await Promise.resolve();
  const ops = ctx._queue;
  ctx._queue = [];
  // Office.js sends nothing when nothing is queued: no round trip.
  if (ops.length === 0) return;
  if (obs.cellEdit.on) {
    if (ctx.runOptions.delayForCellEdit) {
      await new Promise<void>((resolve) => obs.cellEdit.waiters.push(resolve));
    } else {
      obs.syncs.push({ request: 0, response: 0, ops: ops.length, writes: 0, error: CELL_EDIT });
      throw new OfficeExtensionError(
        CELL_EDIT,
        "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again."
      );
    }
  }
  const rec: SyncRecord = {
    request: ops.reduce((n, op) => n + jsonBytes(op.payload), 0),
    response: 0,
    ops: ops.length,
    writes: ops.filter((o) => o.write).length,
  };
  obs.syncs.push(rec);
  checkRequest(ops, rec);
  const { commits, wrote } = applyAll(ctx, ops, rec, obs);
  if (rec.response > PAYLOAD_LIMIT) {
    rec.error = ErrorCodes.responsePayloadSizeLimitExceeded;
    if (wrote) obs.changed();
    throw new OfficeExtensionError(
      ErrorCodes.responsePayloadSizeLimitExceeded,
      `The response payload size (${rec.response} bytes) has exceeded the limit of ${PAYLOAD_LIMIT} bytes.`
    );
  }
  for (const c of commits) c();
  if (wrote) obs.changed();
}

const CELL_EDIT = "InvalidOperationInCellEditMode";

/** Refused before anything is applied: an oversized request. */
function checkRequest(ops: Op[], rec: SyncRecord): void {
  if (rec.request > PAYLOAD_LIMIT) {
    rec.error = ErrorCodes.requestPayloadSizeLimitExceeded;
    throw new OfficeExtensionError(
      ErrorCodes.requestPayloadSizeLimitExceeded,
      `The request payload size (${rec.request} bytes) has exceeded the limit of ${PAYLOAD_LIMIT} bytes.`
    );
  }
}

function actionOf(op: Op): string | undefined {
  return (op.payload as { a?: string } | undefined)?.a;
}

/** Apply the operations in order. The first failure ends the batch (writes before it stay
 *  applied: a batch is not a transaction) and fails the sync with its code, or
 *  GeneralException for anything else. Inside a merged undo group an operation without undo
 *  support fails with UndoNotSupported after the ones before it applied (undo.ts). */
function applyAll(ctx: RequestContext, ops: Op[], rec: SyncRecord, obs: SyncObserver) {
  const commits: Commit[] = [];
  let wrote = false;
  apiWriting.on = true;
  try {
    for (const op of ops) {
      if (obs.failAt.k !== null && ++obs.failAt.seen === obs.failAt.k) {
        obs.failAt.k = null;
        throw new OfficeExtensionError(
          ErrorCodes.generalException,
          `Injected failure at operation ${obs.failAt.seen} (${String(actionOf(op))}).`
        );
      }
      if (
        op.write &&
        ctx.runOptions.mergeUndoGroup &&
        !undoSupported(op.payload, obs.undoUnsupported)
      ) {
        obs.undoCleared();
        throw new OfficeExtensionError(
          ErrorCodes.undoNotSupported,
          `The operation '${String(actionOf(op))}' cannot be part of an undo group.`
        );
      }
      if (actionOf(op) === "suspendApiCalculationUntilNextSync") obs.suspended();
      const r = op.apply();
      if (op.write) wrote = true;
      if (r && typeof r === "object" && typeof r.commit === "function") {
        rec.response += r.bytes;
        commits.push(r.commit);
      }
    }
  } catch (e) {
    rec.error = e instanceof OfficeExtensionError ? e.code : String(e);
    if (wrote) obs.changed();
    if (e instanceof OfficeExtensionError) throw e;
    throw new OfficeExtensionError(ErrorCodes.generalException, String((e as Error)?.message ?? e));
  } finally {
    apiWriting.on = false;
  }
  return { commits, wrote };
}
