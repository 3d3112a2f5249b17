// A strict Excel double: the Excel JavaScript API subset the add-in uses, with Excel's batching
// rules (writes apply at sync, unloaded properties throw PropertyNotLoaded, request size and
// address limits enforced) and HyperFormula computing formula values. No Node APIs, so the
// browser playground can bundle it. The pane reaches it only through src/excel, behind the
// PaneHost interface (src/taskpane/host.ts); docs/ARCHITECTURE.md shows where it sits.
//
// Modules: context (RequestContext, Excel.run) → client-object and collection (proxy bases) →
// workbook, worksheet, names, range (+ cells), format, conditional-format; sync (one round
// trip and its limits); model (+ entry) the workbook itself; office and settings the Office
// namespace; inspect what tests read back; load what they start from.
import { parseA1 } from "../../core/a1";
import type { Cell, SheetData, WorkbookData } from "../../core/types";
import { excelRun, RequestContext, versionAtLeast } from "./context";
import { EXCEL_ENUMS } from "./enums";
import { ErrorCodes, OfficeExtensionError } from "./errors";
import { enter } from "./entry";
import * as inspect from "./inspect";
import { loadBook } from "./load";
import { newSheetId } from "./model";
import type { CellFormat, PageModel, Scalar, WorkbookModel } from "./model";
import { createOffice } from "./office";
import { documentSettings, replace, SavedSettings } from "./settings";
import { SyncObserver, SyncRecord, syncContext } from "./sync";

export { OfficeExtensionError, ErrorCodes } from "./errors";
export type { CellFormat } from "./model";
export type { Snapshot } from "./inspect";
export { PAYLOAD_LIMIT } from "./sync";
export type { SyncRecord } from "./sync";

export const LATEST_API = "1.20";

export interface DoubleSheet extends SheetData {
  /** Formulas parallel to values ("=…" or null); their values are then computed. */
  formulas?: (string | null)[][];
  /** Per-cell formats parallel to values. */
  formats?: (CellFormat | null | undefined)[][];
  /** Column widths in points. */
  widths?: (number | undefined)[];
  merges?: string[];
  freezeRows?: number;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

export interface DoubleBook {
  sheets: DoubleSheet[];
  names?: { name: string; formula: string; visible?: boolean }[];
  settings?: Record<string, unknown>;
}

export interface DoubleOptions {
  /** Highest ExcelApi requirement set this simulated Excel supports, e.g. "1.8". */
  apiVersion?: string;
  displayLanguage?: string;
  platform?: string;
  /** More operations (e.g. "set") that fail with UndoNotSupported inside a merged undo group,
   *  beyond the table in undo.ts. */
  undoUnsupported?: string[];
  /** Make Office.context.document.settings.saveAsync fail (e.g. a read-only document). */
  settingsSaveFails?: boolean;
}

export interface ExcelDouble {
  Excel: any;
  Office: any;
  OfficeExtension: any;
  installGlobals(): void;
  uninstallGlobals(): void;
  /** Round trips: context.sync() calls with something queued, failed ones included. */
  readonly syncCount: number;
  /** Per sync: request + response bytes (the bytes moved by that round trip). */
  readonly requestBytes: number[];
  readonly syncs: SyncRecord[];
  resetCounters(): void;
  sheetNames(): string[];
  snapshot(sheet: string): inspect.Snapshot;
  /** Everything about a sheet's formatting, for deep comparisons (formats, widths, merges, CFs …). */
  formatState(sheet: string): unknown;
  /** Cell contents as stored: formulas and constants, for comparisons. */
  contents(sheet: string): (Scalar | null)[][];
  /** Values as Excel shows them (formulas computed), from A1 to the used range's corner. */
  values(sheet: string): Cell[][];
  /** Displayed texts (number formats applied). */
  texts(sheet: string): string[][];
  numberFormat(sheet: string, address: string): string;
  /** Named items, freeze panes and page layout, for assertions. */
  names(): { name: string; formula: string; visible: boolean }[];
  sheetInfo(sheet: string): {
    freezeRows: number;
    orientation: string;
    printArea: string | null;
    page: PageModel;
    rowBreaks: number[];
    heights: Record<number, number>;
    widths: Record<number, number>;
    merges: string[];
    tabColor: string;
    visibility: string;
  };
  selection: { sheet: string; address: string } | null;
  activeSheet: string;
  settings: Record<string, unknown>;
  lastRunOptions: unknown;
  suspendCalls: number;
  onChange(fn: () => void): () => void;
  /** Edit a cell as a user would (playground, tests): value or "=formula". */
  edit(sheet: string, address: string, input: Scalar | null): void;
  /** Run an Office.actions.associate'd function as a ribbon button would; resolves on event.completed(). */
  invokeAction(id: string): Promise<void>;
  model: WorkbookModel;
  /** The settings as saved in the document (what every runtime's refreshAsync reads). */
  savedSettings: Record<string, unknown>;
  /** Another runtime on the same workbook (e.g. "ribbon", the function file): its own Office
   *  global with its own settings copy, the same Excel. The double itself is the "pane". */
  runtime(name: string): Runtime;
  /** Protect a sheet (or unprotect it): writes to it fail with AccessDenied. */
  protect(sheet: string, on?: boolean): void;
  /** Protect the workbook's structure: adding, deleting, renaming, moving, hiding sheets fail. */
  protectStructure(on?: boolean): void;
  /** The user starts or stops editing a cell. */
  setCellEditing(on: boolean): void;
  /** Fail the k-th operation from now (1-based, over every following sync), once; null: off. */
  failAt(k: number | null): void;
  /** Operations run since the last failAt (to size a failure sweep). */
  readonly opsSeen: number;
  /** Close and open the workbook again: unsaved settings copies are lost, and sheets get new
   *  ids (reported across sessions and versions; the harsher case). */
  reopen(): void;
  /** An operation without undo support ran inside a merged undo group. */
  readonly undoStackCleared: boolean;
}

export interface Runtime {
  Office: any;
  Excel: any;
  OfficeExtension: any;
  settings: Record<string, unknown>;
  installGlobals(): void;
  uninstallGlobals(): void;
  invokeAction(id: string): Promise<void>;
}

export function createExcelDouble(
  book: WorkbookData | DoubleBook,
  opts: DoubleOptions = {}
): ExcelDouble {
  const model = loadBook(book as DoubleBook);
  const apiVersion = opts.apiVersion ?? LATEST_API;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((fn) => fn());
  let suspendCalls = 0;
  let lastRunOptions: unknown = undefined;
  let undoStackCleared = false;
  const observer: SyncObserver = {
    syncs: [],
    undoUnsupported: opts.undoUnsupported,
    suspended: () => suspendCalls++,
    changed: notify,
    failAt: { k: null, seen: 0 },
    cellEdit: { on: false, waiters: [] },
    undoCleared: () => (undoStackCleared = true),
  };
  const host = {
    model,
    supports: (v: string) => versionAtLeast(apiVersion, v),
    sync: (ctx: RequestContext) => syncContext(ctx, observer),
  };
  const run = excelRun(host, (options) => (lastRunOptions = options));
  const Excel = { run, RequestContext, ErrorCodes, ...EXCEL_ENUMS };
  const saved: SavedSettings = {
    store: JSON.parse(JSON.stringify((book as DoubleBook).settings ?? {})),
    saveFails: !!opts.settingsSaveFails,
  };
  const OfficeExtension = { Error: OfficeExtensionError, ErrorCodes };
  const runtimes = new Map<string, Runtime>();
  const makeRuntime = (name: string): Runtime => {
    let rt = runtimes.get(name);
    if (rt) return rt;
    const mem: Record<string, unknown> = {};
    replace(mem, saved.store);
    const settings = documentSettings(saved, mem);
    const office = createOffice({ ...opts, apiVersion, settings });
    const g = globalsInstaller({ Excel, Office: office.Office, OfficeExtension });
    rt = {
      Office: office.Office,
      Excel,
      OfficeExtension,
      settings: mem,
      invokeAction: office.invokeAction,
      ...g,
    };
    runtimes.set(name, rt);
    return rt;
  };
  const pane = makeRuntime("pane");
  const { Office, invokeAction, settings: settingsStore } = pane;
  const globals = { installGlobals: pane.installGlobals, uninstallGlobals: pane.uninstallGlobals };

  const dbl: ExcelDouble = {
    Excel,
    Office,
    OfficeExtension,
    model,
    ...globals,
    get syncCount() {
      return observer.syncs.length;
    },
    get requestBytes() {
      return observer.syncs.map((s) => s.request + s.response);
    },
    syncs: observer.syncs,
    resetCounters() {
      observer.syncs.length = 0;
      suspendCalls = 0;
    },
    sheetNames: () => model.sheets.map((s) => s.name),
    snapshot: (name) => inspect.snapshot(model, name),
    formatState: (name) => inspect.formatState(model, name),
    contents: (name) => inspect.contents(model, name),
    values: (name) => inspect.values(model, name),
    texts: (name) => inspect.texts(model, name),
    numberFormat: (name, address) => inspect.numberFormat(model, name, address),
    names: () => model.names.map((n) => ({ name: n.name, formula: n.formula, visible: n.visible })),
    sheetInfo: (name) => inspect.sheetInfo(model, name),
    get selection() {
      return inspect.selection(model);
    },
    set selection(_v) {
      throw new Error("read-only");
    },
    get activeSheet() {
      return model.sheetById(model.activeSheetId ?? "")?.name ?? "";
    },
    set activeSheet(_v) {
      throw new Error("read-only");
    },
    settings: settingsStore,
    get lastRunOptions() {
      return lastRunOptions;
    },
    set lastRunOptions(_v) {},
    get suspendCalls() {
      return suspendCalls;
    },
    set suspendCalls(_v) {},
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    edit(name, address, input) {
      edit(model, name, address, input);
      notify();
    },
    invokeAction,
    savedSettings: saved.store,
    runtime: makeRuntime,
    protect(name, on = true) {
      inspect.sheetOf(model, name).protected = on;
    },
    protectStructure(on = true) {
      model.structureProtected = on;
    },
    setCellEditing(on) {
      observer.cellEdit.on = on;
      if (!on) observer.cellEdit.waiters.splice(0).forEach((w) => w());
    },
    failAt(k) {
      observer.failAt.k = k;
      observer.failAt.seen = 0;
    },
    get opsSeen() {
      return observer.failAt.seen;
    },
    set opsSeen(_v) {},
    reopen() {
      const ids = new Map<string, string>();
      for (const s of model.sheets) {
        const id = newSheetId();
        ids.set(s.id, id);
        s.id = id;
      }
      model.activeSheetId = model.activeSheetId ? (ids.get(model.activeSheetId) ?? null) : null;
      model.selection = null;
      for (const rt of runtimes.values()) replace(rt.settings, saved.store);
    },
    get undoStackCleared() {
      return undoStackCleared;
    },
    set undoStackCleared(_v) {},
  };
  return dbl;
}

/** A user typing into one cell (no proxies, no sync). */
function edit(model: WorkbookModel, name: string, address: string, input: Scalar | null): void {
  const s = inspect.sheetOf(model, name);
  if (!/^[A-Z]+\d+$/.test(address.toUpperCase())) throw new Error("edit takes one cell address");
  const { row: r, col: c } = parseA1(address);
  const rec = enter(input, s.format(r, c)?.numberFormat);
  s.setCell(r, c, rec && rec.v === "" && rec.f === undefined ? undefined : rec);
  model.touched(s, r, c);
}

/** Put the namespaces on globalThis (as office.js does) and take them off again. */
function globalsInstaller(ns: Record<string, unknown>) {
  const saved: Record<string, unknown> = {};
  return {
    installGlobals() {
      const g = globalThis as Record<string, unknown>;
      for (const k of Object.keys(ns)) if (!(k in saved)) saved[k] = g[k];
      Object.assign(g, ns);
    },
    uninstallGlobals() {
      const g = globalThis as Record<string, unknown>;
      for (const k of Object.keys(saved)) {
        if (saved[k] === undefined) delete g[k];
        else g[k] = saved[k];
        delete saved[k];
      }
    },
  };
}
