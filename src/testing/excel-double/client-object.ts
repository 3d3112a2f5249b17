// The proxy base of the Excel JavaScript API, as "Application-specific API model" (Microsoft
// Learn) describes it: methods and setters queue operations, `load` queues a read, and reading
// a property that was not loaded and synced throws PropertyNotLoaded. Every queued operation
// carries a JSON payload so a sync can estimate its request size.
import { jsonBytes } from "../../core/text";
import {
  ErrorCodes,
  invalidArgument,
  itemNotFound,
  notLoaded,
  OfficeExtensionError,
} from "./errors";
import type { RequestContext } from "./context";

/** What a proxy resolves to when an *OrNullObject call finds nothing. */
const NULL = Symbol("null object");

export type LoadArg = string | string[] | { select?: string | string[] } | undefined;

/** The property names a `load` argument asks for ("a, b/c", ["a"], { select }); null: none given. */
export function propList(arg: LoadArg): string[] | null {
  if (arg === undefined) return null;
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => propList(s) ?? []);
  return propList(arg.select);
}

export abstract class ClientObject {
  _loaded: Record<string, unknown> = Object.create(null);
  _isNull: boolean | undefined;
  /** The resolved model object; set by the operation that created this proxy. */
  _t: unknown = undefined;
  /** Navigation properties already handed out: Office.js creates each once per proxy. */
  private _navCache: Record<string, ClientObject> = Object.create(null);
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
  /** A navigation property (cf.custom, range.format …): the same proxy on every access, as
   *  Office.js does, so a load through one access is readable through the next. */
  protected _nav<T extends ClientObject>(name: string, make: () => T): T {
    return (this._navCache[name] ??= make()) as T;
  }
  /** A property's value, computed at sync time. */
  protected abstract _read(prop: string): unknown;

  /** The values of `props` (default: the scalar properties) now, at sync time. */
  _readAll(props?: string[]): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const p of props ?? this._scalars()) data[p] = this._read(p);
    return data;
  }

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
    const navs = this as unknown as Record<string, ClientObject>;
    for (const p of requested) {
      const slash = p.indexOf("/");
      if (slash > 0) {
        if (!this._navs().includes(p.slice(0, slash))) throw invalidArgument(`Cannot load '${p}'.`);
        navs[p.slice(0, slash)].load(p.slice(slash + 1));
      } else if (this._navs().includes(p)) navs[p].load();
      else own.push(p);
    }
    this.context._op(
      { a: "load", o: this.constructor.name, p: own },
      () => {
        if (this._isNullTarget()) return { bytes: 8, commit: () => (this._isNull = true) };
        const data = this._readAll(own);
        return {
          bytes: jsonBytes(data),
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

/** Queue the creation of a proxy by a method call (resolved at sync, in order). With `orNull`,
 *  finding nothing gives a null object ("*OrNullObject methods", Application-specific API model). */
export function created<T extends ClientObject>(
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

/** A ClientResult<T> (getCount and the like): its value is readable after the sync. */
export function clientResult<T>(
  ctx: RequestContext,
  payload: unknown,
  read: () => T
): { value: T } {
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
        bytes: jsonBytes(v),
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

export function fail(e: Error): never {
  throw e;
}
