// The proxy objects of the Excel JavaScript API subset the add-in uses, with Excel's batching:
// methods and setters queue operations, `load` queues a read, nothing reaches the workbook
// before `context.sync()`, and reading a property that was not loaded and synced throws
// PropertyNotLoaded. Every queued operation carries a JSON payload so a sync can estimate its
// request size.
import {
  areaAddress,
  cols,
  intersect,
  MAX_ADDRESS_CHARS,
  MAX_COLS,
  MAX_ROWS,
  parseArea,
  Rect,
  rows,
  sheetPrefix,
  splitSheet,
  utf8Length,
} from "./address";
import {
  ErrorCodes,
  invalidArgument,
  itemNotFound,
  notLoaded,
  OfficeExtensionError,
} from "./errors";
import {
  CellFormat,
  CondFormat,
  displayText,
  enter,
  NamedItemModel,
  SheetModel,
  WorkbookModel,
} from "./model";

export interface Host {
  model: WorkbookModel;
  apiVersion: string;
  supports(version: string): boolean;
  sync(ctx: RequestContext): Promise<void>;
}

export interface Op {
  payload: unknown;
  write: boolean;
  /** Runs at sync, in queue order. A load returns its response size and what to commit. */
  apply(): void | { bytes: number; commit: () => void };
}

const NULL = Symbol("null object");

export class RequestContext {
  readonly workbook: Workbook;
  _queue: Op[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(
    readonly _host: Host,
    readonly runOptions: { mergeUndoGroup?: boolean; delayForCellEdit?: boolean } = {}
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
  /** An API newer than the simulated Excel fails at sync, as in Excel (ApiNotFound). */
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

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function propList(arg: LoadArg): string[] | null {
  if (arg === undefined) return null;
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => propList(s) ?? []);
  return propList(arg.select);
}

function json(x: unknown): number {
  return utf8Length(JSON.stringify(x) ?? "");
}

export abstract class ClientObject {
  _loaded: Record<string, unknown> = Object.create(null);
  _isNull: boolean | undefined;
  /** The resolved model object; set by the operation that created this proxy. */
  _t: unknown = undefined;
  constructor(
    readonly context: RequestContext,
    readonly _parent: ClientObject | null = null
  ) {}

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded("isNullObject");
    return this._isNull;
  }
  /** Scalar properties `load()` with no argument fetches. */
  protected abstract _scalars(): string[];
  /** Navigation properties (proxies), which `load("nav/prop")` follows. */
  protected _navs(): string[] {
    return [];
  }
  /** A property's value, computed at sync time. */
  protected abstract _read(prop: string): unknown;

  _target<T>(): T {
    const t = this._t !== undefined ? this._t : this._parent ? this._parent._target() : undefined;
    if (t === undefined)
      throw new OfficeExtensionError(
        ErrorCodes.invalidObjectPath,
        "The object path is not valid.",
        this.constructor.name
      );
    if (t === NULL) throw itemNotFound("The object is a null object.", this.constructor.name);
    return t as T;
  }
  _isNullTarget(): boolean {
    const t =
      this._t !== undefined
        ? this._t
        : this._parent
          ? this._parent._isNullTarget()
            ? NULL
            : this._parent._t
          : undefined;
    return t === NULL;
  }

  _get<T>(prop: string): T {
    if (!(prop in this._loaded)) throw notLoaded(prop);
    return this._loaded[prop] as T;
  }

  /** Queue a property write; Excel applies it at sync. As in Office.js, the proxy then reports
   *  the value it was given (the workbook itself changes only at sync). */
  _set(prop: string, value: unknown, apply: (v: unknown) => void, local: unknown = value): void {
    this.context._op({ a: "set", o: this.constructor.name, p: prop, v: value }, () => {
      apply(value);
    });
    this._loaded[prop] = local;
  }

  load(arg?: LoadArg): this {
    const requested = propList(arg) ?? this._scalars();
    const own: string[] = [];
    for (const p of requested) {
      const slash = p.indexOf("/");
      if (slash > 0) {
        if (!this._navs().includes(p.slice(0, slash))) throw invalidArgument(`Cannot load '${p}'.`);
        (this as unknown as Record<string, ClientObject>)[p.slice(0, slash)].load(
          p.slice(slash + 1)
        );
      } else {
        if (this._navs().includes(p)) (this as unknown as Record<string, ClientObject>)[p].load();
        else own.push(p);
      }
    }
    this.context._op(
      { a: "load", o: this.constructor.name, p: own },
      () => {
        if (this._isNullTarget()) return { bytes: 8, commit: () => (this._isNull = true) };
        const data: Record<string, unknown> = {};
        for (const p of own) data[p] = this._read(p);
        return {
          bytes: json(data),
          commit: () => {
            Object.assign(this._loaded, data);
            this._isNull = false;
          },
        };
      },
      false
    );
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }
  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

/** Queue the creation of a proxy by a method call (resolved at sync, in order). */
function created<T extends ClientObject>(
  p: T,
  payload: unknown,
  resolve: () => unknown,
  orNull = false
): T {
  p.context._op(
    payload,
    () => {
      let t: unknown;
      try {
        t = resolve();
      } catch (e) {
        if (orNull && e instanceof OfficeExtensionError && e.code === ErrorCodes.itemNotFound)
          t = NULL;
        else throw e;
      }
      if (t === null || t === undefined) {
        if (!orNull) throw itemNotFound("", p.constructor.name);
        t = NULL;
      }
      p._t = t;
      return { bytes: 16, commit: () => (p._isNull = t === NULL) };
    },
    false
  );
  return p;
}

// ---------------------------------------------------------------- workbook, sheets, names

export class Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly application: Application;
  constructor(ctx: RequestContext) {
    super(ctx);
    this._t = ctx._host.model;
    this.worksheets = new WorksheetCollection(ctx, this);
    this.names = new NamedItemCollection(ctx, this);
    this.application = new Application(ctx, this);
  }
  protected _scalars(): string[] {
    return ["name"];
  }
  protected _read(prop: string): unknown {
    if (prop === "name") return "Book1.xlsx";
    throw invalidArgument(prop);
  }
  getSelectedRange(): Range {
    const m = this.context._host.model;
    return created(new Range(this.context), { a: "getSelectedRange" }, () => {
      if (m.selection) return { sheet: m.sheetById(m.selection.sheetId)!, rect: m.selection.rect };
      const s = m.sheetById(m.activeSheetId ?? "") ?? m.sheets[0];
      return { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getActiveCell(): Range {
    return this.getSelectedRange().getCell(0, 0);
  }
}

export class Application extends ClientObject {
  protected _scalars(): string[] {
    return ["calculationMode"];
  }
  protected _read(prop: string): unknown {
    if (prop === "calculationMode") return "Automatic";
    throw invalidArgument(prop);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._need("1.6", "Application.suspendApiCalculationUntilNextSync");
    this.context._op({ a: "suspendApiCalculationUntilNextSync" }, () => undefined);
  }
}

export class WorksheetCollection extends ClientObject {
  protected _scalars(): string[] {
    return ["items"];
  }
  protected _read(): unknown {
    return null;
  }
  get items(): Worksheet[] {
    return this._get("items");
  }
  override load(arg?: LoadArg): this {
    const props = (propList(arg) ?? ["items"])
      .map((p) => p.replace(/^items\/?/, ""))
      .filter(Boolean);
    const m = this.context._host.model;
    this.context._op(
      { a: "load", o: "WorksheetCollection", p: props },
      () => {
        const list = m.sheets.map((s) => {
          const ws = new Worksheet(this.context);
          ws._t = s;
          ws._isNull = false;
          const data: Record<string, unknown> = {};
          for (const p of props.length
            ? props
            : ["name", "id", "position", "visibility", "tabColor"])
            data[p] = ws._readPublic(p);
          return { ws, data };
        });
        return {
          bytes: json(list.map((x) => x.data)),
          commit: () => {
            for (const x of list) Object.assign(x.ws._loaded, x.data);
            this._loaded.items = list.map((x) => x.ws);
          },
        };
      },
      false
    );
    return this;
  }
  getItem(key: string): Worksheet {
    const m = this.context._host.model;
    return created(
      new Worksheet(this.context),
      { a: "getItem", k: key },
      () =>
        m.sheet(key) ??
        m.sheetById(key) ??
        fail(itemNotFound(`Worksheet '${key}'.`, "WorksheetCollection.getItem"))
    );
  }
  getItemOrNullObject(key: string): Worksheet {
    this.context._need("1.4", "WorksheetCollection.getItemOrNullObject");
    const m = this.context._host.model;
    return created(
      new Worksheet(this.context),
      { a: "getItemOrNullObject", k: key },
      () => m.sheet(key) ?? m.sheetById(key) ?? null,
      true
    );
  }
  getActiveWorksheet(): Worksheet {
    const m = this.context._host.model;
    return created(
      new Worksheet(this.context),
      { a: "getActiveWorksheet" },
      () => m.sheetById(m.activeSheetId ?? "") ?? m.sheets[0]
    );
  }
  getFirst(visibleOnly = false): Worksheet {
    this.context._need("1.5", "WorksheetCollection.getFirst");
    const m = this.context._host.model;
    return created(
      new Worksheet(this.context),
      { a: "getFirst", visibleOnly },
      () =>
        m.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ??
        fail(itemNotFound("No worksheet."))
    );
  }
  getLast(visibleOnly = false): Worksheet {
    this.context._need("1.5", "WorksheetCollection.getLast");
    const m = this.context._host.model;
    return created(
      new Worksheet(this.context),
      { a: "getLast", visibleOnly },
      () =>
        [...m.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible") ??
        fail(itemNotFound("No worksheet."))
    );
  }
  add(name?: string): Worksheet {
    const m = this.context._host.model;
    const ws = new Worksheet(this.context);
    this.context._op({ a: "add", n: name }, () => {
      let n = name;
      if (n === undefined) for (let k = 1; !n || m.sheet(n); k++) n = "Sheet" + k;
      checkSheetName(n);
      if (m.sheet(n))
        throw new OfficeExtensionError(
          ErrorCodes.itemAlreadyExists,
          `A worksheet named '${n}' already exists.`,
          "WorksheetCollection.add"
        );
      ws._t = m.addSheet(n);
      return { bytes: 16, commit: () => (ws._isNull = false) };
    });
    return ws;
  }
  getCount(): { value: number } {
    const m = this.context._host.model;
    return clientResult(this.context, { a: "getCount" }, () => m.sheets.length);
  }
}

function fail(e: Error): never {
  throw e;
}

function checkSheetName(n: string): void {
  if (
    !n ||
    n.length > 31 ||
    /[:\\/?*[\]]/.test(n) ||
    n.startsWith("'") ||
    n.endsWith("'") ||
    n === "History"
  ) {
    throw invalidArgument(`Invalid worksheet name '${n}'.`, "Worksheet.name");
  }
}

function clientResult<T>(ctx: RequestContext, payload: unknown, read: () => T): { value: T } {
  let loaded = false;
  let value: T;
  const res = {
    get value(): T {
      if (!loaded) throw notLoaded("value");
      return value;
    },
  };
  ctx._op(
    payload,
    () => {
      const v = read();
      return {
        bytes: json(v),
        commit: () => {
          value = v;
          loaded = true;
        },
      };
    },
    false
  );
  return res;
}

export class Worksheet extends ClientObject {
  protected override _navs(): string[] {
    return ["freezePanes", "pageLayout"];
  }
  get freezePanes(): WorksheetFreezePanes {
    this.context._need("1.7", "Worksheet.freezePanes");
    return new WorksheetFreezePanes(this.context, this);
  }
  get pageLayout(): PageLayout {
    this.context._need("1.9", "Worksheet.pageLayout");
    return new PageLayout(this.context, this);
  }
  protected _scalars(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  _readPublic(p: string): unknown {
    return this._read(p);
  }
  protected _read(prop: string): unknown {
    const s = this._target<SheetModel>();
    const m = this.context._host.model;
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return m.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "standardWidth":
        return 8.43;
    }
    throw invalidArgument(`Worksheet has no property '${prop}'.`);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => {
      const m = this.context._host.model;
      checkSheetName(v);
      const other = m.sheet(v);
      if (other && other !== this._target())
        throw new OfficeExtensionError(
          ErrorCodes.itemAlreadyExists,
          `A worksheet named '${v}' already exists.`
        );
      m.renameSheet(this._target<SheetModel>(), v);
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, () => {
      const m = this.context._host.model;
      const s = this._target<SheetModel>();
      m.sheets = m.sheets.filter((x) => x !== s);
      m.sheets.splice(Math.max(0, Math.min(v, m.sheets.length)), 0, s);
    });
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, () => (this._target<SheetModel>().visibility = v));
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, () => (this._target<SheetModel>().tabColor = v));
  }
  activate(): void {
    this.context._op({ a: "activate" }, () => {
      const s = this._target<SheetModel>();
      if (s.visibility !== "Visible")
        throw new OfficeExtensionError(
          ErrorCodes.invalidOperation,
          "A hidden sheet cannot be activated."
        );
      this.context._host.model.activeSheetId = s.id;
    });
  }
  delete(): void {
    this.context._op({ a: "delete" }, () => {
      const m = this.context._host.model;
      const s = this._target<SheetModel>();
      if (m.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new OfficeExtensionError(
          ErrorCodes.invalidOperation,
          "A workbook must contain at least one visible worksheet."
        );
      }
      m.removeSheet(s);
    });
  }
  getRange(address?: string): Range {
    return created(new Range(this.context), { a: "getRange", addr: address }, () => {
      const s = this._target<SheetModel>();
      if (address === undefined || address === "")
        return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      return { sheet: s, rect: parseAddress(address, s, this.context._host.model) };
    });
  }
  getRanges(address: string): RangeAreas {
    this.context._need("1.9", "Worksheet.getRanges");
    return created(new RangeAreas(this.context), { a: "getRanges", addr: address }, () => {
      const s = this._target<SheetModel>();
      if (address.length > MAX_ADDRESS_CHARS)
        throw invalidArgument(
          `The address is longer than ${MAX_ADDRESS_CHARS} characters.`,
          "Worksheet.getRanges"
        );
      const areas = address
        .split(",")
        .map((a) => parseAddress(a.trim(), s, this.context._host.model));
      return { sheet: s, areas };
    });
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Range {
    this.context._need("1.7", "Worksheet.getRangeByIndexes");
    return created(
      new Range(this.context),
      { a: "getRangeByIndexes", i: [startRow, startColumn, rowCount, columnCount] },
      () => {
        const rect = {
          r0: startRow,
          c0: startColumn,
          r1: startRow + rowCount - 1,
          c1: startColumn + columnCount - 1,
        };
        if (
          rowCount < 1 ||
          columnCount < 1 ||
          startRow < 0 ||
          startColumn < 0 ||
          rect.r1 >= MAX_ROWS ||
          rect.c1 >= MAX_COLS
        ) {
          throw invalidArgument("The range is outside the grid.", "Worksheet.getRangeByIndexes");
        }
        return { sheet: this._target<SheetModel>(), rect };
      }
    );
  }
  getUsedRange(valuesOnly = false): Range {
    if (valuesOnly) this.context._need("1.2", "Worksheet.getUsedRange(valuesOnly)");
    return created(new Range(this.context), { a: "getUsedRange", valuesOnly }, () => {
      const s = this._target<SheetModel>();
      return { sheet: s, rect: s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    this.context._need("1.4", "Worksheet.getUsedRangeOrNullObject");
    return created(
      new Range(this.context),
      { a: "getUsedRangeOrNullObject", valuesOnly },
      () => {
        const s = this._target<SheetModel>();
        const r = s.usedRect(valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      },
      true
    );
  }
}

export class WorksheetFreezePanes extends ClientObject {
  protected _scalars(): string[] {
    return [];
  }
  protected _read(prop: string): unknown {
    throw invalidArgument(prop);
  }
  freezeRows(count = 1): void {
    this.context._op({ a: "freezeRows", count }, () => {
      const s = this._target<SheetModel>();
      s.freezeRows = count;
      s.freezeCols = 0;
    });
  }
  freezeColumns(count = 1): void {
    this.context._op({ a: "freezeColumns", count }, () => {
      const s = this._target<SheetModel>();
      s.freezeCols = count;
      s.freezeRows = 0;
    });
  }
  unfreeze(): void {
    this.context._op({ a: "unfreeze" }, () => {
      const s = this._target<SheetModel>();
      s.freezeRows = 0;
      s.freezeCols = 0;
    });
  }
}

export class PageLayout extends ClientObject {
  protected _scalars(): string[] {
    return ["orientation"];
  }
  protected _read(prop: string): unknown {
    if (prop === "orientation") return this._target<SheetModel>().orientation;
    throw invalidArgument(prop);
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._set("orientation", v, () => {
      if (v !== "Landscape" && v !== "Portrait") throw invalidArgument(`Orientation '${v}'.`);
      this._target<SheetModel>().orientation = v;
    });
  }
  setPrintArea(printArea: string | Range | RangeAreas): void {
    const addr = typeof printArea === "string" ? printArea : null;
    this.context._op({ a: "setPrintArea", addr }, () => {
      const s = this._target<SheetModel>();
      if (addr !== null) {
        parseAddress(addr, s, this.context._host.model);
        s.printArea = addr;
      } else {
        const t = (printArea as Range)._target<RangeTarget>();
        s.printArea = areaAddress(t.rect);
      }
    });
  }
}

export class NamedItemCollection extends ClientObject {
  protected _scalars(): string[] {
    return ["items"];
  }
  protected _read(): unknown {
    return null;
  }
  get items(): NamedItem[] {
    return this._get("items");
  }
  override load(arg?: LoadArg): this {
    const props = (propList(arg) ?? ["items"])
      .map((p) => p.replace(/^items\/?/, ""))
      .filter(Boolean);
    const m = this.context._host.model;
    this.context._op(
      { a: "load", o: "NamedItemCollection", p: props },
      () => {
        const list = m.names.map((n) => {
          const it = new NamedItem(this.context);
          it._t = n;
          it._isNull = false;
          const data: Record<string, unknown> = {};
          for (const p of props.length
            ? props
            : ["name", "type", "value", "visible", "comment", "formula"])
            data[p] = it._readPublic(p);
          return { it, data };
        });
        return {
          bytes: json(list.map((x) => x.data)),
          commit: () => {
            for (const x of list) Object.assign(x.it._loaded, x.data);
            this._loaded.items = list.map((x) => x.it);
          },
        };
      },
      false
    );
    return this;
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this.context._need("1.4", "NamedItemCollection.add");
    const m = this.context._host.model;
    const it = new NamedItem(this.context);
    this.context._op(
      { a: "addName", name, ref: typeof reference === "string" ? reference : "(range)", comment },
      () => {
        if (
          !/^[A-Za-z_\\\u3400-\u9fff][\w.\u3400-\u9fff]*$/.test(name) ||
          /^[A-Za-z]{1,3}\d+$/.test(name)
        )
          throw invalidArgument(`Invalid name '${name}'.`, "NamedItemCollection.add");
        if (m.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new OfficeExtensionError(
            ErrorCodes.itemAlreadyExists,
            `The name '${name}' already exists.`
          );
        let formula: string;
        if (typeof reference === "string")
          formula = reference.startsWith("=") ? reference : "=" + reference;
        else {
          const t = reference._target<RangeTarget>();
          formula = "=" + sheetPrefix(t.sheet.name) + absArea(t.rect);
        }
        const n: NamedItemModel = { name, formula, visible: true, comment: comment ?? "" };
        m.names.push(n);
        it._t = n;
        return { bytes: 16, commit: () => (it._isNull = false) };
      }
    );
    return it;
  }
  getItem(name: string): NamedItem {
    const m = this.context._host.model;
    return created(
      new NamedItem(this.context),
      { a: "getName", name },
      () =>
        m.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ??
        fail(itemNotFound(`Name '${name}'.`))
    );
  }
  getItemOrNullObject(name: string): NamedItem {
    this.context._need("1.4", "NamedItemCollection.getItemOrNullObject");
    const m = this.context._host.model;
    return created(
      new NamedItem(this.context),
      { a: "getNameOrNull", name },
      () => m.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null,
      true
    );
  }
}

function absArea(r: Rect): string {
  const a = (row: number, col: number) =>
    "$" + areaAddress({ r0: 0, c0: col, r1: 0, c1: col }).replace(/\d+$/, "") + "$" + (row + 1);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a(r.r0, r.c0) : a(r.r0, r.c0) + ":" + a(r.r1, r.c1);
}

export class NamedItem extends ClientObject {
  protected _scalars(): string[] {
    return ["name", "type", "value", "visible", "comment", "formula"];
  }
  _readPublic(p: string): unknown {
    return this._read(p);
  }
  protected _read(prop: string): unknown {
    const n = this._target<NamedItemModel>();
    switch (prop) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "value":
        return n.formula.replace(/^=/, "");
      case "visible":
        return n.visible;
      case "comment":
        return n.comment;
      case "type":
        return /#REF!/.test(n.formula) ? "Error" : /!/.test(n.formula) ? "Range" : "String";
    }
    throw invalidArgument(prop);
  }
  get name(): string {
    return this._get("name");
  }
  get formula(): string {
    return this._get("formula");
  }
  get value(): string {
    return this._get("value");
  }
  get type(): string {
    return this._get("type");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, () => (this._target<NamedItemModel>().visible = v));
  }
  get comment(): string {
    return this._get("comment");
  }
  delete(): void {
    this.context._op({ a: "deleteName" }, () => {
      const m = this.context._host.model;
      const n = this._target<NamedItemModel>();
      m.names = m.names.filter((x) => x !== n);
    });
  }
}

// ---------------------------------------------------------------- ranges

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function parseAddress(address: string, sheet: SheetModel, m: WorkbookModel): Rect {
  if (address.length > MAX_ADDRESS_CHARS)
    throw invalidArgument(
      `The address is longer than ${MAX_ADDRESS_CHARS} characters.`,
      "Worksheet.getRange"
    );
  const { sheet: sn, local } = splitSheet(address);
  if (sn !== undefined && m.sheet(sn) !== sheet)
    throw invalidArgument(`The address '${address}' is on another sheet.`, "Worksheet.getRange");
  if (local.includes(","))
    throw invalidArgument(
      `getRange takes one area: '${address.slice(0, 40)}'. Use getRanges for several.`,
      "Worksheet.getRange"
    );
  const r = parseArea(local);
  if (!r) throw invalidArgument(`Invalid address '${address.slice(0, 60)}'.`, "Worksheet.getRange");
  return r;
}

function each(rect: Rect, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++)
    for (let c = rect.c0; c <= rect.c1; c++) fn(r, c, r - rect.r0, c - rect.c0);
}

function grid<T>(rect: Rect, fn: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: T[] = new Array(cols(rect));
    for (let c = rect.c0; c <= rect.c1; c++) row[c - rect.c0] = fn(r, c);
    out.push(row);
  }
  return out;
}

const READ_CELL_LIMIT = 5_000_000;

export class Range extends ClientObject {
  protected override _navs(): string[] {
    return ["format", "conditionalFormats", "worksheet"];
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, this);
  }
  get conditionalFormats(): ConditionalFormatCollection {
    this.context._need("1.6", "Range.conditionalFormats");
    return new ConditionalFormatCollection(this.context, this);
  }
  get worksheet(): Worksheet {
    const ws = new Worksheet(this.context);
    this.context._op(
      { a: "worksheet" },
      () => {
        ws._t = this._target<RangeTarget>().sheet;
        return { bytes: 8, commit: () => (ws._isNull = false) };
      },
      false
    );
    return ws;
  }
  protected _scalars(): string[] {
    return [
      "address",
      "addressLocal",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "formulas",
      "numberFormat",
      "text",
      "valueTypes",
    ];
  }
  protected _read(prop: string): unknown {
    const t = this._target<RangeTarget>();
    const m = this.context._host.model;
    const { sheet: s, rect } = t;
    const big = () => {
      if (rows(rect) * cols(rect) > READ_CELL_LIMIT) {
        throw new OfficeExtensionError(
          ErrorCodes.responsePayloadSizeLimitExceeded,
          `Reading ${rows(rect) * cols(rect)} cells exceeds Excel's limit of ${READ_CELL_LIMIT}.`,
          "Range." + prop
        );
      }
    };
    switch (prop) {
      case "address":
        return sheetPrefix(s.name) + areaAddress(rect);
      case "addressLocal":
        return sheetPrefix(s.name) + areaAddress(rect);
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "rowCount":
        return rows(rect);
      case "columnCount":
        return cols(rect);
      case "cellCount":
        return rows(rect) * cols(rect);
      case "values":
        big();
        return grid(rect, (r, c) => {
          const v = m.value(s, r, c);
          return v === null ? "" : v;
        });
      case "formulas":
        big();
        return grid(rect, (r, c) => {
          const rec = s.cell(r, c);
          return rec?.f ?? (rec?.v === null || rec?.v === undefined ? "" : rec.v);
        });
      case "numberFormat":
        big();
        return grid(rect, (r, c) => s.format(r, c)?.numberFormat ?? "General");
      case "text":
        big();
        return grid(rect, (r, c) => displayText(m.value(s, r, c), s.format(r, c)?.numberFormat));
      case "valueTypes":
        big();
        return grid(rect, (r, c) => {
          const v = m.value(s, r, c);
          if (v === null || v === "") return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return s.cell(r, c)?.f !== undefined && /^#/.test(v) ? "Error" : "String";
        });
      case "hyperlink": {
        const h = s.hyperlinks.get(rect.r0 * MAX_COLS + rect.c0);
        return h ?? null;
      }
    }
    throw invalidArgument(`Range has no property '${prop}'.`);
  }
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._set("values", v, () => this._write(v, "values"));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, () => this._write(v, "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      const at = matrix(v, rect, "numberFormat");
      each(rect, (r, c, i, j) => {
        const f = at(i, j);
        if (f !== null && f !== undefined) s.updateFormat(r, c, { numberFormat: String(f) });
      });
    });
  }
  get hyperlink(): unknown {
    return this._get("hyperlink");
  }
  set hyperlink(v: unknown) {
    this.context._need("1.7", "Range.hyperlink");
    this._set("hyperlink", v, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      const h = v as { documentReference?: string; address?: string; textToDisplay?: string };
      each(rect, (r, c) => {
        s.hyperlinks.set(r * MAX_COLS + c, { ...h });
        if (h.textToDisplay !== undefined) {
          s.setCell(r, c, { v: h.textToDisplay });
          this.context._host.model.touched(s, r, c);
        }
      });
    });
  }

  private _write(v: unknown[][], kind: string): void {
    const { sheet: s, rect } = this._target<RangeTarget>();
    const m = this.context._host.model;
    const at = matrix(v, rect, kind);
    each(rect, (r, c, i, j) => {
      const input = at(i, j);
      if (input === null || input === undefined) return; // null leaves the cell as it is
      if (typeof input === "object")
        throw invalidArgument(
          `A ${kind} cell must be a string, number or boolean.`,
          "Range." + kind
        );
      const rec = enter(input, s.format(r, c)?.numberFormat);
      s.setCell(r, c, rec && rec.v === "" && rec.f === undefined ? undefined : rec);
      m.touched(s, r, c);
    });
  }

  getCell(row: number, column: number): Range {
    return this._derived({ a: "getCell", row, column }, (t) => {
      const rect = {
        r0: t.rect.r0 + row,
        c0: t.rect.c0 + column,
        r1: t.rect.r0 + row,
        c1: t.rect.c0 + column,
      };
      return inGrid(rect);
    });
  }
  getRow(row: number): Range {
    return this._derived({ a: "getRow", row }, (t) =>
      inGrid({ ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row })
    );
  }
  getColumn(column: number): Range {
    return this._derived({ a: "getColumn", column }, (t) =>
      inGrid({ ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column })
    );
  }
  getEntireColumn(): Range {
    return this._derived({ a: "getEntireColumn" }, (t) => ({ ...t.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): Range {
    return this._derived({ a: "getEntireRow" }, (t) => ({ ...t.rect, c0: 0, c1: MAX_COLS - 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derived({ a: "getResizedRange", deltaRows, deltaColumns }, (t) =>
      inGrid({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns })
    );
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    this.context._need("1.7", "Range.getAbsoluteResizedRange");
    return this._derived({ a: "getAbsoluteResizedRange", numRows, numColumns }, (t) =>
      inGrid({ ...t.rect, r1: t.rect.r0 + numRows - 1, c1: t.rect.c0 + numColumns - 1 })
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derived({ a: "getOffsetRange", rowOffset, columnOffset }, (t) =>
      inGrid({
        r0: t.rect.r0 + rowOffset,
        r1: t.rect.r1 + rowOffset,
        c0: t.rect.c0 + columnOffset,
        c1: t.rect.c1 + columnOffset,
      })
    );
  }
  getIntersection(other: Range | string): Range {
    return this._derived(
      { a: "getIntersection" },
      (t) =>
        intersect(t.rect, this._other(other, t)) ??
        fail(itemNotFound("No intersection.", "Range.getIntersection"))
    );
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    this.context._need("1.4", "Range.getIntersectionOrNullObject");
    const p = new Range(this.context);
    return created(
      p,
      { a: "getIntersectionOrNullObject" },
      () => {
        const t = this._target<RangeTarget>();
        const r = intersect(t.rect, this._other(other, t));
        return r ? { sheet: t.sheet, rect: r } : null;
      },
      true
    );
  }
  getBoundingRect(other: Range | string): Range {
    return this._derived({ a: "getBoundingRect" }, (t) => {
      const o = this._other(other, t);
      return {
        r0: Math.min(t.rect.r0, o.r0),
        c0: Math.min(t.rect.c0, o.c0),
        r1: Math.max(t.rect.r1, o.r1),
        c1: Math.max(t.rect.c1, o.c1),
      };
    });
  }
  getUsedRange(valuesOnly = false): Range {
    return this._derived({ a: "getUsedRange", valuesOnly }, (t) => {
      const u = t.sheet.usedRect(valuesOnly);
      return (
        (u && intersect(u, t.rect)) ??
        fail(itemNotFound("The range is empty.", "Range.getUsedRange"))
      );
    });
  }
  private _other(other: Range | string, t: RangeTarget): Rect {
    return typeof other === "string"
      ? parseAddress(other, t.sheet, this.context._host.model)
      : other._target<RangeTarget>().rect;
  }
  private _derived(payload: unknown, fn: (t: RangeTarget) => Rect): Range {
    return created(new Range(this.context), payload, () => {
      const t = this._target<RangeTarget>();
      return { sheet: t.sheet, rect: fn(t) };
    });
  }

  merge(across = false): void {
    this.context._op({ a: "merge", across }, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      const parts = across
        ? Array.from({ length: rows(rect) }, (_, i) => ({
            ...rect,
            r0: rect.r0 + i,
            r1: rect.r0 + i,
          }))
        : [rect];
      for (const p of parts) {
        if (s.merges.some((x) => intersect(x, p)))
          throw new OfficeExtensionError(
            ErrorCodes.invalidOperation,
            "Cannot merge a range that overlaps a merged range."
          );
        s.merges.push(p);
      }
    });
  }
  unmerge(): void {
    this.context._op({ a: "unmerge" }, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      s.merges = s.merges.filter((x) => !intersect(x, rect));
    });
  }
  clear(applyTo = "All"): void {
    this.context._op({ a: "clear", applyTo }, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      const m = this.context._host.model;
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      if (contents) {
        s.rows.forEach((row, r) => {
          if (!row || r < rect.r0 || r > rect.r1) return;
          row.forEach((rec, c) => {
            if (rec && c >= rect.c0 && c <= rect.c1) {
              s.setCell(r, c, undefined);
              m.touched(s, r, c);
            }
          });
        });
      }
      if (formats) {
        for (const k of [...s.formats.keys()]) {
          const r = Math.floor(k / MAX_COLS);
          const c = k % MAX_COLS;
          if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) s.formats.delete(k);
        }
      }
    });
  }
  select(): void {
    this.context._op({ a: "select" }, () => {
      const { sheet: s, rect } = this._target<RangeTarget>();
      const m = this.context._host.model;
      if (s.visibility !== "Visible")
        throw new OfficeExtensionError(
          ErrorCodes.invalidOperation,
          "Cannot select a range on a hidden sheet."
        );
      m.activeSheetId = s.id;
      m.selection = { sheetId: s.id, rect };
    });
  }
}

function inGrid(r: Rect): Rect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS || r.r1 < r.r0 || r.c1 < r.c0)
    throw invalidArgument("The range is outside the grid.");
  return r;
}

/** A 2-D input must match the range's shape exactly; a single value fills the range. */
function matrix(v: unknown, rect: Rect, kind: string): (i: number, j: number) => unknown {
  if (!Array.isArray(v)) return () => v;
  if (
    v.length !== rows(rect) ||
    v.some((row) => !Array.isArray(row) || row.length !== cols(rect))
  ) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${kind}: ${v.length}×${Array.isArray(v[0]) ? v[0].length : "?"} for ${rows(rect)}×${cols(rect)}).`,
      "Range." + kind
    );
  }
  return (i, j) => (v[i] as unknown[])[j];
}

export class RangeAreas extends ClientObject {
  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.context, this);
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, this);
  }
  protected _scalars(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected _read(prop: string): unknown {
    const t = this._target<{ sheet: SheetModel; areas: Rect[] }>();
    if (prop === "address")
      return t.areas.map((a) => sheetPrefix(t.sheet.name) + areaAddress(a)).join(",");
    if (prop === "areaCount") return t.areas.length;
    if (prop === "cellCount") return t.areas.reduce((n, a) => n + rows(a) * cols(a), 0);
    throw invalidArgument(prop);
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
}

/** The target behind a Range or RangeAreas: sheet and areas. */
function areasOf(o: ClientObject): { sheet: SheetModel; areas: Rect[] } {
  const t = o._target<RangeTarget | { sheet: SheetModel; areas: Rect[] }>();
  return "areas" in t ? t : { sheet: t.sheet, areas: [t.rect] };
}

// ---------------------------------------------------------------- formats

function eachCell(o: ClientObject, fn: (s: SheetModel, r: number, c: number) => void): void {
  const { sheet, areas } = areasOf(o);
  for (const a of areas) {
    if (rows(a) * cols(a) > 2_000_000)
      throw new OfficeExtensionError(
        ErrorCodes.invalidArgument,
        "The double does not format whole rows or columns."
      );
    each(a, (r, c) => fn(sheet, r, c));
  }
}

/** A property is reported when every cell agrees, else null (as Excel does). */
function uniform<T>(o: ClientObject, get: (f: CellFormat | undefined) => T): T | null {
  let first = true;
  let val: T | null = null;
  let mixed = false;
  eachCell(o, (s, r, c) => {
    const v = get(s.format(r, c));
    if (first) {
      val = v;
      first = false;
    } else if (v !== val) mixed = true;
  });
  return mixed ? null : val;
}

export class RangeFormat extends ClientObject {
  protected override _navs(): string[] {
    return ["fill", "font", "borders"];
  }
  get fill(): RangeFill {
    return new RangeFill(this.context, this);
  }
  get font(): RangeFont {
    return new RangeFont(this.context, this);
  }
  get borders(): RangeBorderCollection {
    return new RangeBorderCollection(this.context, this);
  }
  protected _scalars(): string[] {
    return ["columnWidth", "horizontalAlignment", "verticalAlignment", "wrapText"];
  }
  protected _read(prop: string): unknown {
    const { sheet, areas } = areasOf(this);
    switch (prop) {
      case "columnWidth":
        return sheet.widths.get(areas[0].c0) ?? 48;
      case "horizontalAlignment":
        return uniform(this, (f) => f?.horizontal ?? "General");
      case "verticalAlignment":
        return uniform(this, (f) => f?.vertical ?? "Bottom");
      case "wrapText":
        return uniform(this, (f) => f?.wrap ?? false);
    }
    throw invalidArgument(prop);
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, () => {
      const { sheet, areas } = areasOf(this);
      for (const a of areas) for (let c = a.c0; c <= a.c1; c++) sheet.widths.set(c, v);
    });
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._set("horizontalAlignment", v, () =>
      eachCell(this, (s, r, c) => s.updateFormat(r, c, { horizontal: v }))
    );
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._set("verticalAlignment", v, () =>
      eachCell(this, (s, r, c) => s.updateFormat(r, c, { vertical: v }))
    );
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, () => eachCell(this, (s, r, c) => s.updateFormat(r, c, { wrap: v })));
  }
  autofitColumns(): void {
    this.context._op({ a: "autofitColumns" }, () => undefined);
  }
}

export class RangeFill extends ClientObject {
  protected _scalars(): string[] {
    return ["color"];
  }
  protected _read(prop: string): unknown {
    if (prop === "color") return uniform(this, (f) => f?.fill ?? "#FFFFFF");
    throw invalidArgument(prop);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () =>
      eachCell(this, (s, r, c) => s.updateFormat(r, c, { fill: normColor(v) }))
    );
  }
  clear(): void {
    this.context._op({ a: "fill.clear" }, () =>
      eachCell(this, (s, r, c) => s.updateFormat(r, c, { fill: undefined }))
    );
  }
}

const NAMED: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  yellow: "#FFFF00",
  green: "#008000",
  blue: "#0000FF",
};
function normColor(v: string): string {
  const n = NAMED[v.toLowerCase()];
  if (n) return n;
  if (!/^#[0-9a-f]{6}$/i.test(v)) throw invalidArgument(`Colour '${v}'.`);
  return v.toUpperCase();
}

export class RangeFont extends ClientObject {
  protected _scalars(): string[] {
    return ["color", "bold", "italic", "size", "name"];
  }
  protected _read(prop: string): unknown {
    switch (prop) {
      case "color":
        return uniform(this, (f) => f?.fontColor ?? "#000000");
      case "bold":
        return uniform(this, (f) => f?.bold ?? false);
      case "italic":
        return uniform(this, (f) => f?.italic ?? false);
      case "size":
        return uniform(this, (f) => f?.size ?? 11);
      case "name":
        return uniform(this, (f) => f?.fontName ?? "等线");
    }
    throw invalidArgument(prop);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () =>
      eachCell(this, (s, r, c) => s.updateFormat(r, c, { fontColor: normColor(v) }))
    );
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, () => eachCell(this, (s, r, c) => s.updateFormat(r, c, { bold: v })));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, () => eachCell(this, (s, r, c) => s.updateFormat(r, c, { italic: v })));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v, () => eachCell(this, (s, r, c) => s.updateFormat(r, c, { size: v })));
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => eachCell(this, (s, r, c) => s.updateFormat(r, c, { fontName: v })));
  }
}

const BORDER_INDEX = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

export class RangeBorderCollection extends ClientObject {
  protected _scalars(): string[] {
    return [];
  }
  protected _read(prop: string): unknown {
    throw invalidArgument(prop);
  }
  getItem(index: string): RangeBorder {
    const b = new RangeBorder(this.context, this);
    b._index = index;
    return b;
  }
}

export class RangeBorder extends ClientObject {
  _index = "EdgeTop";
  protected _scalars(): string[] {
    return ["style", "color"];
  }
  protected _read(prop: string): unknown {
    if (prop === "style") return uniform(this, (f) => f?.borders?.[this._index] ?? "None");
    if (prop === "color") return "#000000";
    throw invalidArgument(prop);
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set(
      "style",
      { index: this._index, v },
      () => {
        if (!BORDER_INDEX.includes(this._index))
          throw invalidArgument(`Border index '${this._index}'.`);
        // Edges apply to the outline of each area; inside borders to inner cell edges. The double
        // records the style per cell and side, which is what a deep format compare needs.
        const { areas } = areasOf(this);
        eachCell(this, (s, r, c) => {
          const a = areas.find((x) => r >= x.r0 && r <= x.r1 && c >= x.c0 && c <= x.c1)!;
          const side = this._index;
          const on =
            (side === "EdgeTop" && r === a.r0) ||
            (side === "EdgeBottom" && r === a.r1) ||
            (side === "EdgeLeft" && c === a.c0) ||
            (side === "EdgeRight" && c === a.c1) ||
            (side === "InsideHorizontal" && r !== a.r1) ||
            (side === "InsideVertical" && c !== a.c1) ||
            side.startsWith("Diagonal");
          if (on)
            s.updateFormat(r, c, { borders: { ...(s.format(r, c)?.borders ?? {}), [side]: v } });
        });
      },
      v
    );
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => undefined);
  }
  get weight(): string {
    return "Thin";
  }
  set weight(v: string) {
    this._set("weight", v, () => undefined);
  }
}

// ---------------------------------------------------------------- conditional formats

export class ConditionalFormatCollection extends ClientObject {
  protected _scalars(): string[] {
    return ["items"];
  }
  protected _read(): unknown {
    return null;
  }
  get items(): ConditionalFormat[] {
    return this._get("items");
  }
  private _list(): CondFormat[] {
    const { sheet, areas } = areasOf(this._parent!);
    return sheet.condFormats.filter((cf) =>
      cf.areas.some((x) => areas.some((a) => intersect(a, x)))
    );
  }
  override load(arg?: LoadArg): this {
    const props = (propList(arg) ?? ["items"])
      .map((p) => p.replace(/^items\/?/, ""))
      .filter(Boolean);
    this.context._op(
      { a: "load", o: "ConditionalFormatCollection", p: props },
      () => {
        const list = this._list().map((cf) => {
          const it = new ConditionalFormat(this.context);
          it._t = { sheet: areasOf(this._parent!).sheet, cf };
          it._isNull = false;
          const data: Record<string, unknown> = {};
          for (const p of props.length ? props : ["id", "type", "priority", "stopIfTrue"])
            data[p] = it._readPublic(p);
          return { it, data };
        });
        return {
          bytes: json(list.map((x) => x.data)),
          commit: () => {
            for (const x of list) Object.assign(x.it._loaded, x.data);
            this._loaded.items = list.map((x) => x.it);
          },
        };
      },
      false
    );
    return this;
  }
  add(type: string): ConditionalFormat {
    const it = new ConditionalFormat(this.context);
    this.context._op({ a: "addConditionalFormat", type }, () => {
      if (!["Custom", "CellValue"].includes(type))
        throw invalidArgument(
          `The double supports Custom and CellValue conditional formats, not '${type}'.`
        );
      const { sheet, areas } = areasOf(this._parent!);
      it._t = {
        sheet,
        cf: sheet.newCondFormat(
          type,
          areas.map((a) => ({ ...a }))
        ),
      };
      return { bytes: 16, commit: () => (it._isNull = false) };
    });
    return it;
  }
  getItem(id: string): ConditionalFormat {
    return created(new ConditionalFormat(this.context), { a: "getConditionalFormat", id }, () => {
      const cf =
        this._list().find((x) => x.id === id) ??
        fail(itemNotFound(`Conditional format '${id}'.`, "ConditionalFormatCollection.getItem"));
      return { sheet: areasOf(this._parent!).sheet, cf };
    });
  }
  getCount(): { value: number } {
    return clientResult(this.context, { a: "getCount" }, () => this._list().length);
  }
  clearAll(): void {
    this.context._op({ a: "clearAll" }, () => {
      const { sheet } = areasOf(this._parent!);
      const gone = new Set(this._list());
      sheet.condFormats = sheet.condFormats.filter((x) => !gone.has(x));
    });
  }
}

interface CfTarget {
  sheet: SheetModel;
  cf: CondFormat;
}

export class ConditionalFormat extends ClientObject {
  protected override _navs(): string[] {
    return ["custom", "cellValue"];
  }
  protected _scalars(): string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  _readPublic(p: string): unknown {
    return this._read(p);
  }
  protected _read(prop: string): unknown {
    const { cf } = this._target<CfTarget>();
    switch (prop) {
      case "id":
        return cf.id;
      case "type":
        return cf.type;
      case "priority":
        return cf.priority;
      case "stopIfTrue":
        return cf.stopIfTrue;
    }
    throw invalidArgument(prop);
  }
  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._set("priority", v, () => {
      const { sheet, cf } = this._target<CfTarget>();
      const others = sheet.condFormats
        .filter((x) => x !== cf)
        .sort((a, b) => a.priority - b.priority);
      others.splice(Math.max(0, Math.min(v, others.length)), 0, cf);
      others.forEach((x, i) => (x.priority = i));
      sheet.condFormats = others;
    });
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, () => (this._target<CfTarget>().cf.stopIfTrue = v));
  }
  get custom(): CustomConditionalFormat {
    return new CustomConditionalFormat(this.context, this, "Custom");
  }
  get cellValue(): CustomConditionalFormat {
    return new CustomConditionalFormat(this.context, this, "CellValue");
  }
  getRange(): Range {
    return created(new Range(this.context), { a: "cf.getRange" }, () => {
      const { sheet, cf } = this._target<CfTarget>();
      return { sheet, rect: cf.areas[0] };
    });
  }
  delete(): void {
    this.context._op({ a: "deleteConditionalFormat" }, () => {
      const { sheet, cf } = this._target<CfTarget>();
      sheet.condFormats = sheet.condFormats.filter((x) => x !== cf);
      sheet.condFormats.forEach((x, i) => (x.priority = i));
    });
  }
}

/** custom / cellValue: a rule and a format (fill and font). */
export class CustomConditionalFormat extends ClientObject {
  constructor(
    ctx: RequestContext,
    parent: ClientObject,
    readonly kind: "Custom" | "CellValue"
  ) {
    super(ctx, parent);
  }
  private _cf(): CondFormat {
    const { cf } = this._target<CfTarget>();
    if (cf.type !== this.kind)
      throw new OfficeExtensionError(
        ErrorCodes.invalidArgument,
        `The conditional format is of type ${cf.type}, not ${this.kind}.`
      );
    return cf;
  }
  protected _scalars(): string[] {
    return [];
  }
  protected _read(prop: string): unknown {
    throw invalidArgument(prop);
  }
  get rule(): { formula: string } & Record<string, unknown> {
    // The rule object: setting formula (custom) or the whole rule (cellValue) queues a write.
    const self = this;
    if (this.kind === "CellValue") {
      const rule = new CfRule(this.context, this);
      return rule as unknown as { formula: string } & Record<string, unknown>;
    }
    return new (class extends CfRule {
      override get formula(): string {
        return this._get("formula");
      }
      override set formula(v: string) {
        this._set("formula", v, () => {
          if (!String(v).startsWith("="))
            throw invalidArgument("A custom rule formula starts with '='.");
          self._cf().formula = v;
        });
      }
    })(this.context, this) as unknown as { formula: string } & Record<string, unknown>;
  }
  set rule(v: { formula1: string; formula2?: string; operator: string } | { formula: string }) {
    this._set("rule", v, () => {
      const cf = this._cf();
      if ("formula" in v) cf.formula = v.formula;
      else cf.cellValueRule = { ...v };
    });
  }
  get format(): ConditionalRangeFormat {
    return new ConditionalRangeFormat(this.context, this, () => this._cf());
  }
}

class CfRule extends ClientObject {
  get formula(): string {
    return this._get("formula");
  }
  protected _scalars(): string[] {
    return ["formula"];
  }
  protected _read(prop: string): unknown {
    const { cf } = this._target<CfTarget>();
    if (prop === "formula") return cf.formula;
    throw invalidArgument(prop);
  }
}

export class ConditionalRangeFormat extends ClientObject {
  constructor(
    ctx: RequestContext,
    parent: ClientObject,
    readonly _cf: () => CondFormat
  ) {
    super(ctx, parent);
  }
  protected _scalars(): string[] {
    return [];
  }
  protected _read(prop: string): unknown {
    throw invalidArgument(prop);
  }
  get fill(): { color: string } {
    const cf = this._cf;
    const self = this;
    return new (class extends ClientObject {
      protected _scalars() {
        return ["color"];
      }
      protected _read() {
        return cf().fill;
      }
      get color(): string {
        return this._get("color");
      }
      set color(v: string) {
        this._set("color", v, () => (cf().fill = normColor(v)));
      }
    })(self.context, self);
  }
  get font(): { color: string; bold: boolean } {
    const cf = this._cf;
    const self = this;
    return new (class extends ClientObject {
      protected _scalars() {
        return ["color"];
      }
      protected _read() {
        return cf().fontColor;
      }
      get color(): string {
        return this._get("color");
      }
      set color(v: string) {
        this._set("color", v, () => (cf().fontColor = normColor(v)));
      }
      get bold(): boolean {
        return false;
      }
      set bold(v: boolean) {
        this._set("bold", v, () => undefined);
      }
    })(self.context, self);
  }
}
