// The request context and Excel.run, as "Application-specific API model" (Microsoft Learn)
// describes them: proxies queue operations on their context, and nothing reaches the workbook
// before `context.sync()`. Excel.run ends with a sync of whatever is still queued.
import { ErrorCodes, OfficeExtensionError } from "./errors";
import type { ClientObject, LoadArg } from "./client-object";
import type { WorkbookModel } from "./model";
import { Workbook } from "./workbook";

/** The simulated Excel behind every context of one double. */
export interface Host {
  model: WorkbookModel;
  supports(version: string): boolean;
  sync(ctx: RequestContext): Promise<void>;
}

/** One queued operation. */
export interface Op {
  /** What the operation sends, for the request-size estimate. */
  payload: unknown;
  write: boolean;
  /** Runs at sync, in queue order. A load returns its response size and what to commit. */
  apply(): void | { bytes: number; commit: () => void };
}

export interface RunOptions {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

export class RequestContext {
  readonly workbook: Workbook;
  _queue: Op[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(
    readonly _host: Host,
    readonly runOptions: RunOptions = {}
  ) {
    this.workbook = new Workbook(this);
  }
  sync<T>(passThrough?: T): Promise<T> {
    return this._host.sync(this).then(() => passThrough as T);
  }
  load(obj: ClientObject, props?: LoadArg): void {
    obj.load(props);
  }
  _op(payload: unknown, apply: Op["apply"], write = true): void {
    this._queue.push({ payload, apply, write });
  }
  /** An API newer than the simulated Excel fails at sync, as in Excel (ApiNotFound; see
   *  "Excel JavaScript API requirement sets"). */
  _need(version: string, api: string): void {
    if (!this._host.supports(version)) {
      this._op(
        { a: "api", api },
        () => {
          throw new OfficeExtensionError(
            ErrorCodes.apiNotFound,
            `The API you are trying to use could not be found. It may be available in a newer version of Excel (${api}: ExcelApi ${version}).`,
            api
          );
        },
        false
      );
    }
  }
}

/** "1.10" ≥ "1.9": requirement-set versions compare by number, part by part. */
export function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = want.split(".").map(Number);
  return a > c || (a === c && (b ?? 0) >= (d ?? 0));
}

type Batch<T> = (ctx: RequestContext) => Promise<T>;

/** Excel.run([options,] batch), calling `seen` with the options of each run. */
export function excelRun(host: Host, seen: (options: RunOptions) => void) {
  return async function run<T>(a: RunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
    const options = typeof a === "function" ? {} : a;
    const batch = (typeof a === "function" ? a : b) as Batch<T>;
    seen(options);
    // Older Excel ignores unknown run options (mergeUndoGroup before 1.20): nothing to simulate.
    const ctx = new RequestContext(host, options);
    const pending = batch(ctx);
    if (!pending || typeof (pending as Promise<T>).then !== "function") {
      // "OfficeExtension.ErrorCodes" (Microsoft Learn): RunMustReturnPromise — the batch
      // function passed to Excel.run didn't return a promise.
      throw new OfficeExtensionError(
        "RunMustReturnPromise",
        'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.'
      );
    }
    const result = await pending;
    // As Office.js does, Excel.run ends with a sync: whatever is still queued is sent then.
    await ctx.sync();
    return result;
  };
}
