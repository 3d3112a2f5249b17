// The roster (花名册): one participant per data row, with the issues each row's own cells raise.
// The rows are kept column-wise (rows.ts); participant objects are made only when asked for.
import type { Cell, Day, FieldColumn, Issue, Roster, SheetData } from "../types";
import { ROSTER_FIELDS } from "../headers";
import { parseDay } from "../dates";
import {
  checkDigit,
  checkId,
  genderOf,
  ID_CHECKSUM,
  ID_NO_DAY,
  ID_OK,
  idFault,
  isPlainId18,
  packedBirth,
  readGender,
} from "../idcard";
import { MSG } from "../messages";
import { cellText, splitList, valueKey, yesNo } from "../text";
import {
  Cols,
  GENDER_FEMALE,
  GENDER_MALE,
  GENDER_NONE,
  hashText,
  ID_IS_CELL,
  ID_NORMALISED,
  makeRoster,
  MEMBER_BLANK,
  MEMBER_NO,
  MEMBER_UNREADABLE,
  MEMBER_YES,
  packDay,
  pairHash,
  RosterRows,
} from "../rows";
import { openTable, Parsed, Table } from "./table";

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
  const dataRows = table.rows();
  const rows = new RosterRows(sheet, cols, table.originRow, today, dataRows.length);
  const memo: Memo = { days: new Map(), lists: new Map(), members: new Map() };
  for (let j = 0; j < dataRows.length; j++)
    readRow(table, rows, j, dataRows[j], required, today, issues, memo);
  return { value: makeRoster(rows, columnsOf(table)), issues };
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

function listOf(memo: Memo, rows: RosterRows, s: string): number {
  let l = memo.lists.get(s);
  if (l === undefined) {
    l = rows.lists.length;
    rows.lists.push(splitList(s));
    memo.lists.set(s, l);
  }
  return l;
}

function cellAt(row: Cell[], col: number): Cell {
  if (col < 0) return null;
  const v = row[col];
  return v === undefined ? null : v;
}

/** Data row j (values row i) into `rows`, with the issues its own cells raise. */
function readRow(
  table: Table,
  rows: RosterRows,
  j: number,
  i: number,
  required: { field: string; canonical: string; col: number }[],
  today: Day,
  issues: Issue[],
  memo: Memo
): void {
  const cols = rows.cols;
  const row = table.sheet.values[i];
  rows.vi[j] = i;
  for (let f = 0; f < required.length; f++) {
    const fd = required[f];
    if (cellText(cellAt(row, fd.col)) === "")
      issues.push(table.issue("MISSING_REQUIRED", i, fd.field, MSG.missingRequired(fd.canonical)));
  }
  const rawId = cellAt(row, cols.idNumber);
  if (cols.idNumber >= 0 && cellText(rawId) !== "") readId(table, rows, j, i, rawId, today, issues);
  const gender = cellText(cellAt(row, cols.gender));
  const fromId = rows.gender[j];
  if (gender && fromId !== GENDER_NONE) {
    const idGender = fromId === GENDER_MALE ? "男" : "女";
    if (readGender(gender) !== idGender)
      issues.push(
        table.issue("GENDER_MISMATCH", i, "gender", MSG.genderMismatch(gender, idGender))
      );
  }
  const phone = cellText(cellAt(row, cols.phone));
  if (phone && !isMobile(phone))
    issues.push(table.issue("PHONE_FORMAT", i, "phone", MSG.phoneFormat(phone)));
  const dateCell = cellAt(row, cols.date);
  // A date serial needs no text (it is shown from the day, only in a message); other cells are
  // kept as typed.
  const serial = typeof dateCell === "number" && Number.isFinite(dateCell);
  const dateRaw = serial ? "" : cellText(dateCell);
  const date = serial ? dayOf(memo, dateCell) : dateRaw ? dayOf(memo, dateCell as string) : 0;
  rows.date[j] = date;
  if (date === 0 && (serial || dateRaw))
    issues.push(
      table.issue(
        "DATE_OUTSIDE_WINDOW",
        i,
        "date",
        MSG.dateUnreadable(dateRaw || cellText(dateCell))
      )
    );
  rows.member[j] = memberOf(memo, cellAt(row, cols.member));
  rows.cats[j] = listOf(memo, rows, cellText(cellAt(row, cols.categories)));
  const name = cellText(cellAt(row, cols.name));
  const unit = name ? cellText(cellAt(row, cols.unit)) : "";
  if (unit) {
    rows.hasNameUnit[j] = 1;
    rows.nameUnitHash[j] = pairHash(valueKey(name), valueKey(unit));
  }
}

/** The ID's checks, its issue if any, and what the rows keep of it. */
function readId(
  table: Table,
  rows: RosterRows,
  j: number,
  i: number,
  rawId: Cell,
  today: Day,
  issues: Issue[]
): void {
  // Most cells are already 18 plain characters: checked in place, nothing made.
  if (typeof rawId === "string" && isPlainId18(rawId)) {
    rows.idState[j] = ID_IS_CELL;
    rows.idHash[j] = hashText(rawId);
    const fault = idFault(rawId, today);
    if (fault === ID_OK) {
      rows.birth[j] = packedBirth(rawId);
      rows.gender[j] = genderOf(rawId) === "男" ? GENDER_MALE : GENDER_FEMALE;
    } else if (fault === ID_CHECKSUM) {
      issues.push(table.issue("ID_CHECKSUM", i, "idNumber", MSG.idChecksum(checkDigit(rawId))));
    } else {
      const reason = fault === ID_NO_DAY ? "出生日期不存在" : "出生日期在未来";
      issues.push(
        table.issue("ID_BIRTHDATE", i, "idNumber", MSG.idBirthdate(reason, rawId.slice(6, 14)))
      );
    }
    return;
  }
  const r = checkId(rawId, today);
  switch (r.kind) {
    case "numeric":
      issues.push(table.issue("ID_NUMERIC_PRECISION", i, "idNumber", MSG.idNumeric(r.digits)));
      return;
    case "format":
      issues.push(table.issue("ID_FORMAT", i, "idNumber", MSG.idFormat(r.text)));
      return;
    case "birthdate":
      issues.push(
        table.issue("ID_BIRTHDATE", i, "idNumber", MSG.idBirthdate(r.reason, r.id18.slice(6, 14)))
      );
      break;
    case "checksum":
      issues.push(table.issue("ID_CHECKSUM", i, "idNumber", MSG.idChecksum(r.expected)));
      break;
    case "ok":
      if (r.from15) issues.push(table.issue("ID_15_DIGIT", i, "idNumber", MSG.id15(r.id18)));
      rows.birth[j] = packDay(r.birth);
      rows.gender[j] = r.gender === "男" ? GENDER_MALE : GENDER_FEMALE;
      break;
  }
  rows.idState[j] = ID_NORMALISED;
  rows.idHash[j] = hashText(r.id18);
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
