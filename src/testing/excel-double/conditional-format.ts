// Conditional formats on a Range or RangeAreas, as in "Apply conditional formatting to Excel
// ranges" (Microsoft Learn): Custom (a formula) and CellValue (an operator and operands) rules,
// each with a fill and font colour; a new format takes priority 0 and pushes the others down.
// ConditionalFormat.id is "the priority of the conditional format in the current
// ConditionalFormatCollection" (Excel.ConditionalFormat reference): ids are positions, they
// shift when a rule is added or deleted, and a proxy from items or getItem(id) refers to a
// position — resolved when each operation runs, so deleting #2 then #5 in one batch deletes
// what was #6.
import { intersect } from "./address";
import { areasOf } from "./cells";
import { ClientObject, created } from "./client-object";
import { Collection } from "./collection";
import type { RequestContext } from "./context";
import { ErrorCodes, invalidArgument, itemNotFound, OfficeExtensionError } from "./errors";
import { normColor } from "./format";
import type { CondFormat, SheetModel } from "./model";
import { Range } from "./range";

interface CfTarget {
  sheet: SheetModel;
  cf: CondFormat;
}

/** The format at a priority position, looked up each time it is used. */
function atPosition(sheet: SheetModel, pos: number): CfTarget {
  return {
    sheet,
    get cf(): CondFormat {
      const cf = sheet.condFormats[pos];
      if (!cf) throw itemNotFound(`Conditional format '${pos}'.`, "ConditionalFormat");
      return cf;
    },
  };
}

/** Keep the model's order and priorities in step (index = priority = id). */
function renumber(sheet: SheetModel): void {
  sheet.condFormats.forEach((x, i) => (x.priority = i));
}

/** The conditional formats that overlap the parent range's areas. */
export class ConditionalFormatCollection extends Collection<ConditionalFormat, CondFormat> {
  protected _members(): CondFormat[] {
    const { sheet, areas } = areasOf(this._parent!);
    return sheet.condFormats.filter((cf) =>
      cf.areas.some((x) => areas.some((a) => intersect(a, x)))
    );
  }
  protected _proxy(): ConditionalFormat {
    return new ConditionalFormat(this.context);
  }
  protected override _targetOf(cf: CondFormat): CfTarget {
    const { sheet } = areasOf(this._parent!);
    return atPosition(sheet, sheet.condFormats.indexOf(cf));
  }
  add(type: string): ConditionalFormat {
    const it = new ConditionalFormat(this.context);
    this.context._op({ a: "addConditionalFormat", type }, () => {
      if (!["Custom", "CellValue"].includes(type))
        throw invalidArgument(
          `The double supports Custom and CellValue conditional formats, not '${type}'.`
        );
      const { sheet, areas } = areasOf(this._parent!);
      const cf = sheet.newCondFormat(
        type,
        areas.map((a) => ({ ...a }))
      );
      it._t = { sheet, cf };
      return { bytes: 16, commit: () => (it._isNull = false) };
    });
    return it;
  }
  getItem(id: string): ConditionalFormat {
    return this._lookup(
      { a: "getConditionalFormat", id },
      () => {
        const { sheet } = areasOf(this._parent!);
        const cf = /^\d+$/.test(String(id)) ? sheet.condFormats[Number(id)] : undefined;
        return cf && this._members().includes(cf) ? cf : undefined;
      },
      () => itemNotFound(`Conditional format '${id}'.`, "ConditionalFormatCollection.getItem")
    );
  }
  getItemAt(index: number): ConditionalFormat {
    return this._lookup(
      { a: "getConditionalFormatAt", index },
      () => this._members()[index],
      () => itemNotFound(`Conditional format #${index}.`, "ConditionalFormatCollection.getItemAt")
    );
  }
  getCount(): { value: number } {
    return this._count();
  }
  clearAll(): void {
    this.context._op({ a: "clearAll" }, () => {
      const { sheet } = areasOf(this._parent!);
      sheet.guard();
      const gone = new Set(this._members());
      sheet.condFormats = sheet.condFormats.filter((x) => !gone.has(x));
      renumber(sheet);
    });
  }
}

export class ConditionalFormat extends ClientObject {
  protected override _navs(): string[] {
    return ["custom", "cellValue"];
  }
  protected _scalars(): string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  protected _read(prop: string): unknown {
    const { cf } = this._target<CfTarget>();
    switch (prop) {
      case "id":
        return String(this._target<CfTarget>().sheet.condFormats.indexOf(cf));
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
      sheet.guard();
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
    return this._nav("custom", () => new CustomConditionalFormat(this.context, this, "Custom"));
  }
  get cellValue(): CustomConditionalFormat {
    return this._nav(
      "cellValue",
      () => new CustomConditionalFormat(this.context, this, "CellValue")
    );
  }
  /** The target resolved now (a proxy from items follows its position; see atPosition). */
  getRange(): Range {
    return created(new Range(this.context), { a: "cf.getRange" }, () => {
      const { sheet, cf } = this._target<CfTarget>();
      return { sheet, rect: cf.areas[0] };
    });
  }
  delete(): void {
    this.context._op({ a: "deleteConditionalFormat" }, () => {
      const { sheet, cf } = this._target<CfTarget>();
      sheet.guard();
      sheet.condFormats = sheet.condFormats.filter((x) => x !== cf);
      renumber(sheet);
    });
  }
}

type Rule = { formula: string } & Record<string, unknown>;
type RuleInput = { formula1: string; formula2?: string; operator: string } | { formula: string };

/** custom / cellValue: a rule and a format (fill and font). */
class CustomConditionalFormat extends ClientObject {
  constructor(
    ctx: RequestContext,
    parent: ClientObject,
    readonly kind: "Custom" | "CellValue"
  ) {
    super(ctx, parent);
  }
  /** The format behind this proxy, which must be of this proxy's kind. */
  _cf(): CondFormat {
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
  get rule(): Rule {
    // The rule object: setting formula (custom) or the whole rule (cellValue) queues a write.
    const rule = this._nav("rule", () =>
      this.kind === "CellValue"
        ? new CfRule(this.context, this)
        : new CustomRule(this.context, this)
    );
    return rule as unknown as Rule;
  }
  set rule(v: RuleInput) {
    this._set("rule", v, () => {
      this._target<CfTarget>().sheet.guard();
      const cf = this._cf();
      if ("formula" in v) cf.formula = v.formula;
      else cf.cellValueRule = { ...v };
    });
  }
  get format(): ConditionalRangeFormat {
    return this._nav(
      "format",
      () => new ConditionalRangeFormat(this.context, this, () => this._cf())
    );
  }
}

/** A rule whose formula can be read (a CellValue rule is replaced whole, never edited). */
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

/** A Custom rule: its formula, which starts with "=", can be set. */
class CustomRule extends CfRule {
  constructor(
    ctx: RequestContext,
    readonly owner: CustomConditionalFormat
  ) {
    super(ctx, owner);
  }
  override get formula(): string {
    return this._get("formula");
  }
  override set formula(v: string) {
    this._set("formula", v, () => {
      if (!String(v).startsWith("="))
        throw invalidArgument("A custom rule formula starts with '='.");
      this._target<CfTarget>().sheet.guard();
      this.owner._cf().formula = v;
    });
  }
}

class ConditionalRangeFormat extends ClientObject {
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
  get fill(): ConditionalFill {
    return this._nav("fill", () => new ConditionalFill(this.context, this));
  }
  get font(): ConditionalFont {
    return this._nav("font", () => new ConditionalFont(this.context, this));
  }
}

class ConditionalFill extends ClientObject {
  constructor(
    ctx: RequestContext,
    readonly owner: ConditionalRangeFormat
  ) {
    super(ctx, owner);
  }
  protected _scalars(): string[] {
    return ["color"];
  }
  protected _read(): unknown {
    return this.owner._cf().fill;
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => {
      this._target<CfTarget>().sheet.guard();
      this.owner._cf().fill = normColor(v);
    });
  }
}

class ConditionalFont extends ClientObject {
  constructor(
    ctx: RequestContext,
    readonly owner: ConditionalRangeFormat
  ) {
    super(ctx, owner);
  }
  protected _scalars(): string[] {
    return ["color"];
  }
  protected _read(): unknown {
    return this.owner._cf().fontColor;
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => {
      this._target<CfTarget>().sheet.guard();
      this.owner._cf().fontColor = normColor(v);
    });
  }
  get bold(): boolean {
    return false;
  }
  set bold(v: boolean) {
    this._set("bold", v, () => undefined);
  }
}
