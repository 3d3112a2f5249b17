// A sheet with its header found: cells read by field, in sheet coordinates, and issues placed
// on them. Only the parsers see it; the domain gets plain shapes (Roster, RateTable, …).
import type { Cell, CellRef, Issue, IssueCode, SheetData } from "../types";
import { FieldDef, findHeader, HeaderMatch } from "../headers";
import { makeIssue } from "../issues";
import { MSG } from "../messages";
import { cellText } from "../text";

/** What a parser returns: what it could read, and the issues about what it could not. */
export interface Parsed<T> {
  value: T;
  issues: Issue[];
}

/** The sheet's header row, or HEADER_MISSING for each required field when none is found. */
export function openTable(
  sheet: SheetData,
  fields: FieldDef[],
  withShares = false
): Parsed<Table | null> {
  const header = findHeader(sheet.values, fields, withShares);
  if (header) return { value: new Table(sheet, header, fields), issues: [] };
  const issues = fields
    .filter((fd) => fd.required)
    .map((fd) => headerMissing(sheet.name, fd.canonical));
  return { value: null, issues };
}

function headerMissing(sheet: string, canonical: string): Issue {
  return makeIssue("HEADER_MISSING", sheet, MSG.headerMissing(canonical, sheet), {
    column: canonical,
  });
}

export class Table {
  readonly originRow: number;
  readonly originCol: number;
  constructor(
    readonly sheet: SheetData,
    readonly header: HeaderMatch,
    readonly fields: FieldDef[]
  ) {
    this.originRow = sheet.origin?.row ?? 0;
    this.originCol = sheet.origin?.col ?? 0;
  }
  get name(): string {
    return this.sheet.name;
  }
  has(field: string): boolean {
    return field in this.header.columns;
  }
  /** 0-based sheet row of values index i. */
  row0(i: number): number {
    return this.originRow + i;
  }
  col0(field: string): number {
    return this.originCol + this.header.columns[field];
  }
  get(i: number, field: string): Cell {
    const c = this.header.columns[field];
    if (c === undefined) return null;
    const v = this.sheet.values[i]?.[c];
    return v === undefined ? null : v;
  }
  /** The cell at values index i and column index col. */
  at(i: number, col: number): Cell {
    return this.sheet.values[i]?.[col] ?? null;
  }
  text(i: number, field: string): string {
    return cellText(this.get(i, field));
  }
  format(i: number, col: number): string {
    return this.sheet.numberFormats?.[i]?.[col] ?? "";
  }
  title(field: string): string {
    return (
      this.header.titles[field] ?? this.fields.find((x) => x.field === field)?.canonical ?? field
    );
  }
  ref(i: number, col: number): CellRef {
    const v = this.sheet.values[i]?.[col];
    return typeof v === "number"
      ? {
          sheet: this.sheet.name,
          row: this.originRow + i,
          col: this.originCol + col,
          numeric: true,
          value: v,
        }
      : {
          sheet: this.sheet.name,
          row: this.originRow + i,
          col: this.originCol + col,
          numeric: false,
        };
  }
  /** Data rows below the header, skipping blank rows and footers such as 合计 or 制表人. */
  rows(): Int32Array {
    // Into a typed array: growing a JS array to 100,000 entries costs ten times the loop.
    const vals = this.sheet.values;
    const start = this.header.headerRow + 1;
    const out = new Int32Array(Math.max(0, vals.length - start));
    let n = 0;
    for (let i = start; i < vals.length; i++) {
      const row = vals[i];
      if (isDataRow(row)) out[n++] = i;
    }
    return out.subarray(0, n);
  }
  /** HEADER_MISSING for each required field the header row does not name. */
  missingHeaders(): Issue[] {
    return this.fields
      .filter((fd) => fd.required && !this.has(fd.field))
      .map((fd) => headerMissing(this.name, fd.canonical));
  }
  /** An issue at values row i in a field's column. */
  issue(code: IssueCode, i: number, field: string, message: string): Issue {
    // A field whose column is missing (already HEADER_MISSING) has no cell: report the row only.
    return makeIssue(code, this.name, message, {
      row: this.row0(i) + 1,
      col: this.has(field) ? this.col0(field) + 1 : undefined,
      column: this.title(field),
    });
  }
  /** An issue at a 0-based sheet cell, under the given header. */
  cellIssue(code: IssueCode, row0: number, col0: number, column: string, message: string): Issue {
    return makeIssue(code, this.name, message, { row: row0 + 1, col: col0 + 1, column });
  }
  /** An issue about the sheet as a whole. */
  sheetIssue(code: IssueCode, column: string, message: string): Issue {
    return makeIssue(code, this.name, message, { column });
  }
}

/**
 * A row with something in it that is neither a footer (合计, 制表人, 经办人, （单位盖章）, 注： …) nor
 * a template's empty line: a form numbered down in advance, or filled down with formulas that show
 * nothing (=ROW()-2, =IF(D3="","",…)), leaves rows holding only a 序号 — a whole number — and
 * those are no one.
 */
export function isDataRow(row: Cell[] | undefined): boolean {
  if (!row) return false;
  let first = -1;
  let filled = 0;
  for (let i = 0; i < row.length && filled < 2; i++)
    if (!blankCell(row[i])) {
      if (first < 0) first = i;
      filled++;
    }
  if (filled === 0) return false;
  const c = row[first];
  if (filled === 1 && typeof c === "number" && Number.isInteger(c) && c > 0 && c < 1e6)
    return false;
  return !(typeof c === "string" && FOOTER.test(cellText(c).replace(/\s+/g, "")));
}

/** Whether a cell shows nothing (no text made for a number or a plain string). */
function blankCell(c: Cell | undefined): boolean {
  if (c === null || c === undefined || c === "") return true;
  if (typeof c === "number") return !Number.isFinite(c);
  if (typeof c === "boolean") return false;
  return cellText(c) === "";
}

/**
 * The first filled cell of a footer line below a table (spaces removed). Whole footer words only:
 * a budget source such as 主管部门补助 or 分管单位拨款 is a data row.
 */
const FOOTER =
  /^(合计|总计|小计|共计|制表|填表|审核|负责人|填报(人|日期|单位)|审批人|批准人|单位负责人|主要负责人|分管领导|主管领导|经办人|联系人[:：]|签字|签名[:：]|[（(]?(单位)?(盖章|公章)|日期[:：]|注[:：]|说明[:：]|备注[:：])/;
