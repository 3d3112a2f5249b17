// One collection proxy for every Excel collection the double has (worksheets, names,
// conditional formats, borders): `load("items/…")` reads each member's properties in one
// operation, and getItem-style lookups resolve at sync — as "Application-specific API model"
// (Microsoft Learn) describes collections and *OrNullObject methods.
import { jsonBytes } from "../../core/text";
import { ClientObject, clientResult, created, LoadArg, propList } from "./client-object";

export abstract class Collection<I extends ClientObject, M> extends ClientObject {
  /** The members, at sync time. */
  protected abstract _members(): M[];
  /** A fresh, unresolved proxy for a member. */
  protected abstract _proxy(): I;
  /** What a member's proxy points at (the member itself unless a collection says otherwise). */
  protected _targetOf(member: M): unknown {
    return member;
  }
  /** A proxy resolved to one member (called at sync). */
  protected _proxyFor(member: M): I {
    const p = this._proxy();
    p._t = this._targetOf(member);
    return p;
  }

  protected _scalars(): string[] {
    return ["items"];
  }
  protected _read(): unknown {
    return null;
  }
  get items(): I[] {
    return this._get("items");
  }

  override load(arg?: LoadArg): this {
    const props = (propList(arg) ?? ["items"])
      .map((p) => p.replace(/^items\/?/, ""))
      .filter(Boolean);
    this.context._op(
      { a: "load", o: this.constructor.name, p: props },
      () => {
        const list = this._members().map((m) => {
          const it = this._proxyFor(m);
          it._isNull = false;
          return { it, data: it._readAll(props.length ? props : undefined) };
        });
        return {
          bytes: jsonBytes(list.map((x) => x.data)),
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

  /** getItem: the member `find` returns at sync, else `missing()` fails the sync. */
  protected _lookup(payload: unknown, find: () => M | undefined, missing: () => Error): I {
    return created(this._proxy(), payload, () => {
      const m = find();
      if (m === undefined) throw missing();
      return this._targetOf(m);
    });
  }

  /** getItemOrNullObject: the member `find` returns at sync, else a null object. */
  protected _lookupOrNull(payload: unknown, find: () => M | undefined): I {
    return created(
      this._proxy(),
      payload,
      () => {
        const m = find();
        return m === undefined ? null : this._targetOf(m);
      },
      true
    );
  }

  /** getCount(): the number of members at sync. */
  protected _count(): { value: number } {
    return clientResult(this.context, { a: "getCount" }, () => this._members().length);
  }
}
