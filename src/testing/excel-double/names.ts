// Excel.NamedItemCollection and Excel.NamedItem (workbook-scoped defined names), following
// the API reference pages of the same names on Microsoft Learn.
import { absA1 } from "../../core/a1";
import { sheetPrefix } from "./address";
import type { RangeTarget } from "./cells";
import { ClientObject } from "./client-object";
import { Collection } from "./collection";
import { ErrorCodes, invalidArgument, itemNotFound, OfficeExtensionError } from "./errors";
import type { NamedItemModel } from "./model";
import type { Range } from "./range";

export class NamedItemCollection extends Collection<NamedItem, NamedItemModel> {
  protected _members(): NamedItemModel[] {
    return this.context._host.model.names;
  }
  protected _proxy(): NamedItem {
    return new NamedItem(this.context);
  }
  /** Names compare case-insensitively, as in Excel. */
  private _find(name: string): NamedItemModel | undefined {
    return this._members().find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this.context._need("1.4", "NamedItemCollection.add");
    const m = this.context._host.model;
    const it = new NamedItem(this.context);
    const ref = typeof reference === "string" ? reference : "(range)";
    this.context._op({ a: "addName", name, ref, comment }, () => {
      checkName(name);
      if (this._find(name))
        throw new OfficeExtensionError(
          ErrorCodes.itemAlreadyExists,
          `The name '${name}' already exists.`
        );
      let formula: string;
      if (typeof reference === "string")
        formula = reference.startsWith("=") ? reference : "=" + reference;
      else {
        const t = reference._target<RangeTarget>();
        formula = "=" + sheetPrefix(t.sheet.name) + absArea(t);
      }
      const n: NamedItemModel = { name, formula, visible: true, comment: comment ?? "" };
      m.names.push(n);
      it._t = n;
      return { bytes: 16, commit: () => (it._isNull = false) };
    });
    return it;
  }
  getItem(name: string): NamedItem {
    return this._lookup(
      { a: "getName", name },
      () => this._find(name),
      () => itemNotFound(`Name '${name}'.`)
    );
  }
  getItemOrNullObject(name: string): NamedItem {
    this.context._need("1.4", "NamedItemCollection.getItemOrNullObject");
    return this._lookupOrNull({ a: "getNameOrNull", name }, () => this._find(name));
  }
}

/** A defined name starts with a letter, _ or \, and must not look like a cell reference. */
function checkName(name: string): void {
  if (
    !/^[A-Za-z_\\\u3400-\u9fff][\w.\u3400-\u9fff]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name)
  )
    throw invalidArgument(`Invalid name '${name}'.`, "NamedItemCollection.add");
}

/** "$A$1" or "$A$1:$C$3": a name refers to its range absolutely. */
function absArea({ rect: r }: RangeTarget): string {
  const a = absA1(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : a + ":" + absA1(r.r1, r.c1);
}

export class NamedItem extends ClientObject {
  protected _scalars(): string[] {
    return ["name", "type", "value", "visible", "comment", "formula"];
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
