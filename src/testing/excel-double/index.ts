// A strict Excel double: the Excel JavaScript API subset the add-in uses, with Excel's batching
// rules (writes apply at sync, unloaded properties throw PropertyNotLoaded, request size and
// address limits enforced) and HyperFormula computing formula values. No Node APIs, so the
// browser playground can bundle it. The pane reaches it only through src/excel, behind the
// PaneHost interface (src/taskpane/host.ts); docs/ARCHITECTURE.md shows where it sits.
import type { Cell, SheetData, WorkbookData } from "../../core/types";
import { areaAddress, MAX_COLS, parseArea, utf8Length } from "./address";
import { ErrorCodes, OfficeExtensionError } from "./errors";
import {
  CellFormat,
  CellRec,
  displayText,
  enter,
  NamedItemModel,
  Scalar,
  SheetModel,
  WorkbookModel,
} from "./model";
import { Host, RequestContext } from "./api";
import { MARK_COLORS } from "../../excel/marks";

export { OfficeExtensionError, ErrorCodes } from "./errors";
export type { CellFormat } from "./model";

/** Excel on the web rejects requests and responses above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
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
  /** Operations (e.g. "delete", "add") that fail with UndoNotSupported inside a merged undo group. */
  undoUnsupported?: string[];
  /** Make Office.context.document.settings.saveAsync fail (e.g. a read-only document). */
  settingsSaveFails?: boolean;
}

export interface SyncRecord {
  /** Estimated size of the queued operations (JSON). */
  request: number;
  /** Estimated size of the loaded payload (JSON). */
  response: number;
  ops: number;
  writes: number;
  error?: string;
}

export interface Snapshot {
  values: unknown[][];
  formulas: (string | null)[][];
  fills: (string | null)[][];
  marks: ("error" | "warning" | null)[][];
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
  snapshot(sheet: string): Snapshot;
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
}

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = want.split(".").map(Number);
  return a > c || (a === c && (b ?? 0) >= (d ?? 0));
}

export function createExcelDouble(
  book: WorkbookData | DoubleBook,
  opts: DoubleOptions = {}
): ExcelDouble {
  const model = new WorkbookModel();
  const apiVersion = opts.apiVersion ?? LATEST_API;
  for (const sd of book.sheets as DoubleSheet[]) loadSheet(model, sd);
  for (const n of (book as DoubleBook).names ?? [])
    model.names.push({
      name: n.name,
      formula: n.formula,
      visible: n.visible ?? true,
      comment: "",
    } as NamedItemModel);
  model.activeSheetId = model.sheets.find((s) => s.visibility === "Visible")?.id ?? null;

  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((fn) => fn());
  const settingsStore: Record<string, unknown> = { ...((book as DoubleBook).settings ?? {}) };
  const actions = new Map<string, (event: { completed: () => void }) => unknown>();
  const syncs: SyncRecord[] = [];
  let suspendCalls = 0;
  let lastRunOptions: unknown = undefined;

  const host: Host = {
    model,
    apiVersion,
    supports: (v) => versionAtLeast(apiVersion, v),
    async sync(ctx: RequestContext): Promise<void> {
      await Promise.resolve();
      const ops = ctx._queue;
      ctx._queue = [];
      // Office.js sends nothing when nothing is queued: no round trip.
      if (ops.length === 0) return;
      let request = 0;
      for (const op of ops) request += utf8Length(JSON.stringify(op.payload) ?? "");
      const rec: SyncRecord = {
        request,
        response: 0,
        ops: ops.length,
        writes: ops.filter((o) => o.write).length,
      };
      syncs.push(rec);
      if (request > PAYLOAD_LIMIT) {
        rec.error = ErrorCodes.requestPayloadSizeLimitExceeded;
        throw new OfficeExtensionError(
          ErrorCodes.requestPayloadSizeLimitExceeded,
          `The request payload size (${request} bytes) has exceeded the limit of ${PAYLOAD_LIMIT} bytes.`
        );
      }
      if (ctx.runOptions.mergeUndoGroup && opts.undoUnsupported) {
        const bad = ops.find((o) =>
          opts.undoUnsupported!.includes(String((o.payload as { a?: string })?.a))
        );
        if (bad) {
          rec.error = ErrorCodes.undoNotSupported;
          throw new OfficeExtensionError(
            ErrorCodes.undoNotSupported,
            `The operation '${(bad.payload as { a: string }).a}' cannot be part of an undo group.`
          );
        }
      }
      const commits: (() => void)[] = [];
      let wrote = false;
      try {
        for (const op of ops) {
          if ((op.payload as { a?: string })?.a === "suspendApiCalculationUntilNextSync")
            suspendCalls++;
          const r = op.apply();
          if (op.write) wrote = true;
          if (r && typeof r === "object" && typeof r.commit === "function") {
            rec.response += r.bytes;
            commits.push(r.commit);
          }
        }
      } catch (e) {
        rec.error = e instanceof OfficeExtensionError ? e.code : String(e);
        if (wrote) notify();
        if (e instanceof OfficeExtensionError) throw e;
        throw new OfficeExtensionError(
          ErrorCodes.generalException,
          String((e as Error)?.message ?? e)
        );
      }
      if (rec.response > PAYLOAD_LIMIT) {
        rec.error = ErrorCodes.responsePayloadSizeLimitExceeded;
        if (wrote) notify();
        throw new OfficeExtensionError(
          ErrorCodes.responsePayloadSizeLimitExceeded,
          `The response payload size (${rec.response} bytes) has exceeded the limit of ${PAYLOAD_LIMIT} bytes.`
        );
      }
      for (const c of commits) c();
      if (wrote) notify();
    },
  };

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const options = typeof a === "function" ? {} : (a as object);
    const batch = (typeof a === "function" ? a : b) as (ctx: RequestContext) => Promise<T>;
    lastRunOptions = options;
    const ctx = new RequestContext(host, options as RequestContext["runOptions"]);
    if ((options as { mergeUndoGroup?: boolean }).mergeUndoGroup && !host.supports("1.20")) {
      // Older Excel ignores unknown run options; nothing to simulate beyond recording them.
    }
    const pending = batch(ctx);
    if (!pending || typeof (pending as Promise<T>).then !== "function") {
      throw new OfficeExtensionError(
        ErrorCodes.invalidArgument,
        "Excel.run: the batch function must return a promise."
      );
    }
    const result = await pending;
    // As Office.js does, Excel.run ends with a sync: whatever is still queued is sent then.
    await ctx.sync();
    return result;
  }

  const Excel = {
    run,
    RequestContext,
    ErrorCodes,
    ConditionalFormatType: {
      custom: "Custom",
      cellValue: "CellValue",
      containsText: "ContainsText",
      dataBar: "DataBar",
      colorScale: "ColorScale",
      iconSet: "IconSet",
      topBottom: "TopBottom",
      presetCriteria: "PresetCriteria",
    },
    ConditionalCellValueOperator: {
      equalTo: "EqualTo",
      notEqualTo: "NotEqualTo",
      greaterThan: "GreaterThan",
      lessThan: "LessThan",
      between: "Between",
    },
    BorderIndex: {
      edgeTop: "EdgeTop",
      edgeBottom: "EdgeBottom",
      edgeLeft: "EdgeLeft",
      edgeRight: "EdgeRight",
      insideVertical: "InsideVertical",
      insideHorizontal: "InsideHorizontal",
    },
    BorderLineStyle: { none: "None", continuous: "Continuous", dash: "Dash" },
    HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  };

  const settings = {
    get: (name: string) =>
      name in settingsStore ? structuredCloneSafe(settingsStore[name]) : null,
    set: (name: string, value: unknown) => {
      settingsStore[name] = structuredCloneSafe(value);
    },
    remove: (name: string) => {
      delete settingsStore[name];
    },
    saveAsync: (a?: unknown, b?: unknown) => {
      const cb = (typeof a === "function" ? a : b) as ((r: unknown) => void) | undefined;
      const r = opts.settingsSaveFails
        ? {
            status: "failed",
            value: undefined,
            error: {
              code: 5001,
              name: "Internal Error",
              message: "An internal error has occurred.",
            },
          }
        : { status: "succeeded", value: undefined, error: null };
      setTimeout(() => cb?.(r), 0);
    },
  };

  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: opts.displayLanguage ?? "zh-CN",
      contentLanguage: opts.displayLanguage ?? "zh-CN",
      platform: opts.platform ?? "OfficeOnline",
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (name !== "ExcelApi")
            return name === "SharedRuntime" || name === "AddinCommands" || name === "RibbonApi"
              ? true
              : false;
          return versionAtLeast(apiVersion, version ?? "1.1");
        },
      },
      document: { settings },
    },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Excel", platform: opts.platform ?? "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate: (id: string, fn: (event: { completed: () => void }) => unknown) => {
        actions.set(id, fn);
      },
    },
  };

  const OfficeExtension = { Error: OfficeExtensionError, ErrorCodes };
  const saved: Record<string, unknown> = {};

  const sheetOf = (name: string): SheetModel => {
    const s = model.sheet(name);
    if (!s) throw new Error(`No sheet '${name}' in the double`);
    return s;
  };
  const extent = (s: SheetModel) => s.usedRect(false) ?? { r0: 0, c0: 0, r1: -1, c1: -1 };

  const dbl: ExcelDouble = {
    Excel,
    Office,
    OfficeExtension,
    model,
    installGlobals() {
      const g = globalThis as Record<string, unknown>;
      for (const k of ["Excel", "Office", "OfficeExtension"]) if (!(k in saved)) saved[k] = g[k];
      g.Excel = Excel;
      g.Office = Office;
      g.OfficeExtension = OfficeExtension;
    },
    uninstallGlobals() {
      const g = globalThis as Record<string, unknown>;
      for (const k of Object.keys(saved)) {
        if (saved[k] === undefined) delete g[k];
        else g[k] = saved[k];
        delete saved[k];
      }
    },
    get syncCount() {
      return syncs.length;
    },
    get requestBytes() {
      return syncs.map((s) => s.request + s.response);
    },
    syncs,
    resetCounters() {
      syncs.length = 0;
      suspendCalls = 0;
    },
    sheetNames: () => model.sheets.map((s) => s.name),
    snapshot(name) {
      const s = sheetOf(name);
      const e = extent(s);
      const values: unknown[][] = [];
      const formulas: (string | null)[][] = [];
      const fills: (string | null)[][] = [];
      const marks: ("error" | "warning" | null)[][] = [];
      for (let r = 0; r <= e.r1; r++) {
        const vr: unknown[] = [],
          fr: (string | null)[] = [],
          fl: (string | null)[] = [],
          mk: ("error" | "warning" | null)[] = [];
        for (let c = 0; c <= e.c1; c++) {
          const v = model.value(s, r, c);
          vr.push(v === null ? "" : v);
          fr.push(s.cell(r, c)?.f ?? null);
          const cf = model.condFill(s, r, c);
          fl.push(cf?.fill ?? s.format(r, c)?.fill ?? null);
          mk.push(
            cf?.fill === MARK_COLORS.error.fill
              ? "error"
              : cf?.fill === MARK_COLORS.warning.fill
                ? "warning"
                : null
          );
        }
        values.push(vr);
        formulas.push(fr);
        fills.push(fl);
        marks.push(mk);
      }
      return { values, formulas, fills, marks };
    },
    formatState(name) {
      const s = sheetOf(name);
      const cells = [...s.formats.entries()]
        .filter(([, f]) => Object.values(f).some((v) => v !== undefined))
        .sort((a, b) => a[0] - b[0])
        .map(([k, f]) => [
          areaAddress({
            r0: Math.floor(k / MAX_COLS),
            c0: k % MAX_COLS,
            r1: Math.floor(k / MAX_COLS),
            c1: k % MAX_COLS,
          }),
          clean(f),
        ]);
      return {
        cells,
        widths: [...s.widths.entries()].sort((a, b) => a[0] - b[0]),
        merges: s.merges.map(areaAddress),
        freeze: [s.freezeRows, s.freezeCols],
        orientation: s.orientation,
        printArea: s.printArea,
        tabColor: s.tabColor,
        visibility: s.visibility,
        conditionalFormats: s.condFormats.map((cf) => ({
          ...cf,
          areas: cf.areas.map(areaAddress),
        })),
        hyperlinks: [...s.hyperlinks.entries()].sort((a, b) => a[0] - b[0]),
      };
    },
    contents(name) {
      const s = sheetOf(name);
      const e = extent(s);
      const out: (Scalar | null)[][] = [];
      for (let r = 0; r <= e.r1; r++) {
        const row: (Scalar | null)[] = [];
        for (let c = 0; c <= e.c1; c++) {
          const rec = s.cell(r, c);
          row.push(rec ? (rec.f ?? rec.v) : null);
        }
        out.push(row);
      }
      return out;
    },
    values(name) {
      const s = sheetOf(name);
      const e = extent(s);
      const out: Cell[][] = [];
      for (let r = 0; r <= e.r1; r++) {
        const row: Cell[] = [];
        for (let c = 0; c <= e.c1; c++) row.push(model.value(s, r, c));
        out.push(row);
      }
      return out;
    },
    texts(name) {
      return dbl
        .values(name)
        .map((row, r) => row.map((v, c) => displayTextOf(sheetOf(name), r, c, v)));
    },
    numberFormat(name, address) {
      const s = sheetOf(name);
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      return s.format(Number(m[2]) - 1, col - 1)?.numberFormat ?? "General";
    },
    names: () => model.names.map((n) => ({ name: n.name, formula: n.formula, visible: n.visible })),
    sheetInfo(name) {
      const s = sheetOf(name);
      return {
        freezeRows: s.freezeRows,
        orientation: s.orientation,
        printArea: s.printArea,
        widths: Object.fromEntries(s.widths),
        merges: s.merges.map(areaAddress),
        tabColor: s.tabColor,
        visibility: s.visibility,
      };
    },
    get selection() {
      if (!model.selection) return null;
      const s = model.sheetById(model.selection.sheetId);
      return s ? { sheet: s.name, address: areaAddress(model.selection.rect) } : null;
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
      const s = sheetOf(name);
      const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
      if (!m) throw new Error("edit takes one cell address");
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const r = Number(m[2]) - 1;
      const c = col - 1;
      const rec = enter(input, s.format(r, c)?.numberFormat);
      s.setCell(r, c, rec && rec.v === "" && rec.f === undefined ? undefined : rec);
      model.touched(s, r, c);
      notify();
    },
    async invokeAction(id) {
      const fn = actions.get(id);
      if (!fn) throw new Error(`No action '${id}' associated`);
      await new Promise<void>((resolve, reject) => {
        try {
          const r = fn({ completed: () => resolve() });
          if (r && typeof (r as Promise<unknown>).catch === "function")
            (r as Promise<unknown>).catch(reject);
        } catch (e) {
          reject(e);
        }
      });
    },
  };
  return dbl;
}

function displayTextOf(s: SheetModel, r: number, c: number, v: Cell): string {
  return displayText(v, s.format(r, c)?.numberFormat);
}

function clean(f: CellFormat): CellFormat {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined) out[k] = v;
  return out as CellFormat;
}

function structuredCloneSafe<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

function loadSheet(model: WorkbookModel, sd: DoubleSheet): void {
  const s = model.addSheet(sd.name);
  const r0 = sd.origin?.row ?? 0;
  const c0 = sd.origin?.col ?? 0;
  sd.values.forEach((row, i) => {
    row.forEach((v, j) => {
      const f = sd.formulas?.[i]?.[j];
      const rec: CellRec | undefined = f
        ? { v: null, f }
        : v === null || v === undefined || v === ""
          ? undefined
          : { v };
      if (rec) s.setCell(r0 + i, c0 + j, rec);
    });
  });
  sd.numberFormats?.forEach((row, i) =>
    row.forEach((nf, j) => {
      if (nf && nf !== "General") s.updateFormat(r0 + i, c0 + j, { numberFormat: nf });
    })
  );
  sd.formats?.forEach((row, i) =>
    row.forEach((f, j) => {
      if (f) s.updateFormat(r0 + i, c0 + j, clean(f));
    })
  );
  sd.widths?.forEach((w, c) => {
    if (w !== undefined) s.widths.set(c, w);
  });
  for (const m of sd.merges ?? []) {
    const r = parseArea(m);
    if (r) s.merges.push(r);
  }
  s.freezeRows = sd.freezeRows ?? 0;
  s.visibility = sd.visibility ?? "Visible";
}
