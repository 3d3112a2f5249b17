// Excel.Workbook and Excel.Application: the roots a request context hands out.
import { invalidArgument } from "./errors";
import { ClientObject, created } from "./client-object";
import type { RequestContext } from "./context";
import { NamedItemCollection } from "./names";
import { Range } from "./range";
import { WorksheetCollection } from "./worksheet";

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
  /** Workbook.protection (ExcelApi 1.7): structure protection. */
  get protection(): WorkbookProtection {
    this.context._need("1.7", "Workbook.protection");
    return this._nav("protection", () => new WorkbookProtection(this.context, this));
  }
  protected override _navs(): string[] {
    return ["protection"];
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

/** Workbook.protection: `protected` means the structure (sheets) cannot change. */
export class WorkbookProtection extends ClientObject {
  protected _scalars(): string[] {
    return ["protected"];
  }
  protected _read(prop: string): unknown {
    if (prop === "protected") return this.context._host.model.structureProtected;
    throw invalidArgument(prop);
  }
  get protected(): boolean {
    return this._get("protected");
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
