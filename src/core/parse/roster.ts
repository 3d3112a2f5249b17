// The roster (花名册): one participant per data row, with the issues each row's own cells raise.
// The rows are kept column-wise (rows.ts); participant objects are made only when asked for.
import type { Cell, Day, FieldColumn, Issue, IssueCode, Roster, SheetData } from "../types";
import { ROSTER_FIELDS } from "../headers";
import { parseDay } from "../dates";
import {
  checkDigit,
  checkId,
  genderOf,
  ID_CHECKSUM,
  ID_NO_DAY,
  ID_OK,
  NOT_PLAIN,
  plainIdFault,
  packedBirth,
  readGender,
} from "../idcard";
import { makeIssue } from "../issues";
import { MSG } from "../messages";
import { blankText, cellText, hashText, splitList, yesNo } from "../text";
import {
  Cols,
  GENDER_FEMALE,
  GENDER_MALE,
  GENDER_NONE,
  ID_IS_CELL,
  ID_NORMALISED,
  makeRoster,
  NO_ID,
  MEMBER_BLANK,
  MEMBER_NO,
  MEMBER_UNREADABLE,
  MEMBER_YES,
  packDay,
  keyPairHash,
  RosterField,
  RosterRows,
  RowColumns,
  rowColumns,
  firstRows,
} from "../rows";
import { isDataRow, openTable, Parsed, Table } from "./table";

export function parseRoster(sheet: SheetData, today: Day): Parsed<Roster | null> {
  const opened = openTable(sheet, ROSTER_FIELDS);
  const table = opened.value;
  if (!table) return { value: null, issues: opened.issues };
  const issues = table.missingHeaders();
  const cols = columnIndexes(table);
  const required = ROSTER_FIELDS.filter((f) => f.required && table.has(f.field)).map((f) => ({
    field: f.field,
    canonical: f.canonical,
    col: table.header.columns[f.field],
  }));
  // The loop sees only plain objects, typed arrays and the cells: a class instance's shape, or
  // the header's, can die with the last analysis in a full GC, and the loop's optimised code
  // with it (measured: a 100,000-row parse after a forced GC went from about 55 to 80 ms).
  const r: Reader = {
    values: sheet.values,
    cols,
    out: rowColumns(Math.max(0, sheet.values.length - table.header.headerRow - 1)),
    place: {
      sheet: table.name,
      originRow: table.originRow,
      originCol: table.originCol,
      titles: titlesOf(table),
    },
    required,
    today,
    issues,
    memo: { days: new Map(), lists: new Map(), members: new Map(), programs: new Map() },
  };
  // Data rows below the header (blank rows and footers skipped), read in the same pass.
  let n = 0;
  for (let i = table.header.headerRow + 1; i < sheet.values.length; i++)
    if (isDataRow(sheet.values[i])) readRow(r, n++, i);
  const rows = new RosterRows(sheet, cols, table.originRow, today, firstRows(r.out, n));
  return { value: makeRoster(rows, columnsOf(table)), issues };
}

/** What the row reader needs, each a plain object or array. */
interface Reader {
  values: Cell[][];
  cols: Cols;
  out: RowColumns;
  place: Place;
  required: { field: string; canonical: string; col: number }[];
  today: Day;
  issues: Issue[];
  memo: Memo;
}

/** Where the roster's issues go: its sheet, its origin and each field's header. */
interface Place {
  sheet: string;
  originRow: number;
  originCol: number;
  titles: Record<RosterField, string>;
}

function titlesOf(table: Table): Record<RosterField, string> {
  const t = (field: RosterField) => table.title(field);
  return {
    name: t("name"),
    idNumber: t("idNumber"),
    gender: t("gender"),
    unit: t("unit"),
    member: t("member"),
    categories: t("categories"),
    program: t("program"),
    batch: t("batch"),
    date: t("date"),
    phone: t("phone"),
    note: t("note"),
    postType: t("postType"),
  };
}

/** An issue at values row i in a field's column (the row only when the column is missing), as
 *  Table.issue places it. */
function rowIssue(
  r: Reader,
  code: IssueCode,
  i: number,
  field: RosterField,
  message: string
): Issue {
  const p = r.place;
  const c = r.cols[field];
  return makeIssue(code, p.sheet, message, {
    row: p.originRow + i + 1,
    col: c >= 0 ? p.originCol + c + 1 : undefined,
    column: p.titles[field],
  });
}

/** Where each found field sits, for the checks that place their issues on the roster. */
function columnsOf(table: Table): Record<string, FieldColumn> {
  const columns: Record<string, FieldColumn> = {};
  for (const field of Object.keys(table.header.columns))
    columns[field] = { col: table.col0(field), title: table.title(field) };
  return columns;
}

/** Each roster field's index into a values row, -1 when its column is missing: looked up once
 *  per sheet rather than by name for every cell (a 100,000-row roster reads 1.2 million). */
function columnIndexes(table: Table): Cols {
  const c = (field: keyof Cols) => table.header.columns[field] ?? -1;
  return {
    name: c("name"),
    idNumber: c("idNumber"),
    gender: c("gender"),
    unit: c("unit"),
    member: c("member"),
    categories: c("categories"),
    program: c("program"),
    batch: c("batch"),
    date: c("date"),
    phone: c("phone"),
    note: c("note"),
    postType: c("postType"),
  };
}

/** A roster repeats its dates and category lists row after row: each distinct cell is read once
 *  (a date packed, a list by its index in the rows' lists, shared by every row that has it). */
interface Memo {
  days: Map<string | number, number>;
  lists: Map<string, number>;
  /** 项目 cells by their index in the rows' programCells. */
  programs: Map<Cell, number>;
  members: Map<Cell, number>;
}

function dayOf(memo: Memo, c: string | number): number {
  let d = memo.days.get(c);
  if (d === undefined) memo.days.set(c, (d = packDay(parseDay(c))));
  return d;
}

/** 是否会员 as a code: a column of a few distinct cells, each read once. */
function memberOf(memo: Memo, c: Cell): number {
  let m = memo.members.get(c);
  if (m === undefined) {
    const yes = yesNo(c);
    m =
      yes === true
        ? MEMBER_YES
        : yes === false
          ? MEMBER_NO
          : cellText(c) === ""
            ? MEMBER_BLANK
            : MEMBER_UNREADABLE;
    memo.members.set(c, m);
  }
  return m;
}

/** The index of `key` among the distinct keys seen so far, `list` holding what each one made
 *  (a category list, a 项目 cell as typed): each distinct cell is read once. */
function indexIn<K, V>(seen: Map<K, number>, list: V[], key: K, make: (k: K) => V): number {
  let i = seen.get(key);
  if (i === undefined) {
    i = list.length;
    list.push(make(key));
    seen.set(key, i);
  }
  return i;
}

const asTyped = (c: Cell): Cell => c;

function cellAt(row: Cell[], col: number): Cell {
  if (col < 0) return null;
  const v = row[col];
  return v === undefined ? null : v;
}

/** Data row j (values row i) into the columns, with the issues its own cells raise. */
function readRow(r: Reader, j: number, i: number): void {
  const { cols, out, issues, memo } = r;
  const row = r.values[i];
  out.vi[j] = i;
  for (let f = 0; f < r.required.length; f++) {
    const fd = r.required[f];
    if (blankText(cellAt(row, fd.col)))
      issues.push(
        rowIssue(
          r,
          "MISSING_REQUIRED",
          i,
          fd.field as RosterField,
          MSG.missingRequired(fd.canonical)
        )
      );
  }
  const rawId = cellAt(row, cols.idNumber);
  if (cols.idNumber >= 0 && cellText(rawId) !== "") readId(r, j, i, rawId);
  const gender = cellText(cellAt(row, cols.gender));
  const fromId = out.person.gender[j];
  if (gender && fromId !== GENDER_NONE) {
    const idGender = fromId === GENDER_MALE ? "男" : "女";
    if (readGender(gender) !== idGender)
      issues.push(
        rowIssue(r, "GENDER_MISMATCH", i, "gender", MSG.genderMismatch(gender, idGender))
      );
  }
  const phone = cellText(cellAt(row, cols.phone));
  if (phone && !isMobile(phone))
    issues.push(rowIssue(r, "PHONE_FORMAT", i, "phone", MSG.phoneFormat(phone)));
  const dateCell = cellAt(row, cols.date);
  // A date serial needs no text (it is shown from the day, only in a message); other cells are
  // kept as typed.
  const serial = typeof dateCell === "number" && Number.isFinite(dateCell);
  const dateRaw = serial ? "" : cellText(dateCell);
  const date = serial ? dayOf(memo, dateCell) : dateRaw ? dayOf(memo, dateCell as string) : 0;
  out.person.date[j] = date;
  if (date === 0 && (serial || dateRaw))
    issues.push(
      rowIssue(
        r,
        "DATE_OUTSIDE_WINDOW",
        i,
        "date",
        MSG.dateUnreadable(dateRaw || cellText(dateCell))
      )
    );
  out.person.member[j] = memberOf(memo, cellAt(row, cols.member));
  out.cats[j] = indexIn(memo.lists, out.lists, cellText(cellAt(row, cols.categories)), splitList);
  // 项目 cells are matched to the rate sheet once each (programs.ts).
  out.program[j] = indexIn(memo.programs, out.programCells, cellAt(row, cols.program), asTyped);
  // The same name and unit under different IDs needs an ID: without one the row is left out.
  const name = out.person.idState[j] !== NO_ID ? cellText(cellAt(row, cols.name)) : "";
  const unit = name ? cellText(cellAt(row, cols.unit)) : "";
  if (unit) {
    out.person.hasNameUnit[j] = 1;
    out.person.nameUnitHash[j] = keyPairHash(name, unit);
  }
}

/** The ID's checks, its issue if any, and what the columns keep of it. */
function readId(r: Reader, j: number, i: number, rawId: Cell): void {
  const { out, issues } = r;
  // Most cells are already 18 plain characters: checked in place, nothing made.
  const fault =
    typeof rawId === "string" ? plainIdFault(rawId, r.today, out.person.idHash, j) : NOT_PLAIN;
  if (fault !== NOT_PLAIN) {
    const id = rawId as string;
    out.person.idState[j] = ID_IS_CELL;
    if (fault === ID_OK) {
      out.person.birth[j] = packedBirth(id);
      out.person.gender[j] = genderOf(id) === "男" ? GENDER_MALE : GENDER_FEMALE;
    } else if (fault === ID_CHECKSUM) {
      issues.push(rowIssue(r, "ID_CHECKSUM", i, "idNumber", MSG.idChecksum(checkDigit(id))));
    } else {
      const reason = fault === ID_NO_DAY ? "出生日期不存在" : "出生日期在未来";
      issues.push(
        rowIssue(r, "ID_BIRTHDATE", i, "idNumber", MSG.idBirthdate(reason, id.slice(6, 14)))
      );
    }
    return;
  }
  const c = checkId(rawId, r.today);
  switch (c.kind) {
    case "numeric":
      issues.push(rowIssue(r, "ID_NUMERIC_PRECISION", i, "idNumber", MSG.idNumeric(c.digits)));
      return;
    case "format":
      issues.push(rowIssue(r, "ID_FORMAT", i, "idNumber", MSG.idFormat(c.text)));
      return;
    case "birthdate":
      issues.push(
        rowIssue(r, "ID_BIRTHDATE", i, "idNumber", MSG.idBirthdate(c.reason, c.id18.slice(6, 14)))
      );
      break;
    case "checksum":
      issues.push(rowIssue(r, "ID_CHECKSUM", i, "idNumber", MSG.idChecksum(c.expected)));
      break;
    case "ok":
      if (c.from15) issues.push(rowIssue(r, "ID_15_DIGIT", i, "idNumber", MSG.id15(c.id18)));
      out.person.birth[j] = packDay(c.birth);
      out.person.gender[j] = c.gender === "男" ? GENDER_MALE : GENDER_FEMALE;
      break;
  }
  out.person.idState[j] = ID_NORMALISED;
  out.person.idHash[j] = hashText(c.id18);
}

const MOBILE = /^1[3-9]\d{9}$/;

/** 11 ASCII digits, 1 then 3–9 (MOBILE), checked without a regex: the form of most cells. */
function plainMobile(t: string): boolean {
  if (t.length !== 11 || t.charCodeAt(0) !== 49) return false;
  const second = t.charCodeAt(1);
  if (second < 51 || second > 57) return false;
  for (let i = 2; i < 11; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isMobile(t: string): boolean {
  if (plainMobile(t)) return true; // already plain: nothing for NFKC or the replaces to change
  const s = t
    .normalize("NFKC")
    .replace(/[\s-]/g, "")
    .replace(/^(\+?86)/, "");
  return MOBILE.test(s);
}
