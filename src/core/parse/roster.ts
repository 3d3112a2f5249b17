// The roster (花名册): one participant per data row, with the issues each row's own cells raise.
import type {
  Cell,
  Day,
  FieldColumn,
  IdInfo,
  Issue,
  Participant,
  Roster,
  SheetData,
} from "../types";
import { ROSTER_FIELDS } from "../headers";
import { parseDay } from "../dates";
import { checkId, readGender } from "../idcard";
import { MSG } from "../messages";
import { cellText, splitList, yesNo } from "../text";
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
  const participants: Participant[] = [];
  const memo: Memo = { days: new Map(), lists: new Map() };
  for (const i of table.rows())
    participants.push(readParticipant(table, cols, i, required, today, issues, memo));
  return { value: { sheet: table.name, columns: columnsOf(table), participants }, issues };
}

/** Where each found field sits, for the checks that place their issues on the roster. */
function columnsOf(table: Table): Roster["columns"] {
  const columns: Record<string, FieldColumn> = {};
  for (const field of Object.keys(table.header.columns))
    columns[field] = { col: table.col0(field), title: table.title(field) };
  return columns;
}

/** Each roster field's index into a values row, -1 when its column is missing: looked up once
 *  per sheet rather than by name for every cell (a 100,000-row roster reads 1.2 million). */
interface Cols {
  name: number;
  idNumber: number;
  gender: number;
  unit: number;
  member: number;
  categories: number;
  program: number;
  batch: number;
  date: number;
  phone: number;
  note: number;
  postType: number;
}

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
 *  and its value shared (nothing changes a participant's date or categories once read). */
interface Memo {
  days: Map<string | number, Day | null>;
  lists: Map<string, string[]>;
}

function dayOf(memo: Memo, c: string | number): Day | null {
  let d = memo.days.get(c);
  if (d === undefined) memo.days.set(c, (d = parseDay(c)));
  return d;
}

function listOf(memo: Memo, s: string): string[] {
  let l = memo.lists.get(s);
  if (l === undefined) memo.lists.set(s, (l = splitList(s)));
  return l;
}

function cellAt(row: Cell[], col: number): Cell {
  if (col < 0) return null;
  const v = row[col];
  return v === undefined ? null : v;
}

function readParticipant(
  table: Table,
  cols: Cols,
  i: number,
  required: { field: string; canonical: string; col: number }[],
  today: Day,
  issues: Issue[],
  memo: Memo
): Participant {
  const row = table.sheet.values[i];
  for (const fd of required) {
    if (cellText(cellAt(row, fd.col)) === "")
      issues.push(table.issue("MISSING_REQUIRED", i, fd.field, MSG.missingRequired(fd.canonical)));
  }
  const rawId = cellAt(row, cols.idNumber);
  const id: IdInfo =
    cols.idNumber >= 0 && cellText(rawId) !== ""
      ? readId(table, i, rawId, today, issues)
      : { id18: null };
  const gender = cellText(cellAt(row, cols.gender));
  if (gender && id.gender && readGender(gender) !== id.gender)
    issues.push(table.issue("GENDER_MISMATCH", i, "gender", MSG.genderMismatch(gender, id.gender)));
  const phoneCell = cellAt(row, cols.phone);
  const phone = cellText(phoneCell);
  if (phone && !isMobile(phone))
    issues.push(table.issue("PHONE_FORMAT", i, "phone", MSG.phoneFormat(phone)));
  const dateCell = cellAt(row, cols.date);
  // A date serial needs no text (it is shown from the day, only in a message); other cells are
  // kept as typed.
  const serial = typeof dateCell === "number" && Number.isFinite(dateCell);
  const dateRaw = serial ? "" : cellText(dateCell);
  const date = serial ? dayOf(memo, dateCell) : dateRaw ? dayOf(memo, dateCell as string) : null;
  if (!date && (serial || dateRaw))
    issues.push(
      table.issue(
        "DATE_OUTSIDE_WINDOW",
        i,
        "date",
        MSG.dateUnreadable(dateRaw || cellText(dateCell))
      )
    );
  const memberCell = cellAt(row, cols.member);
  const programRaw = cellAt(row, cols.program);
  return {
    sheet: table.name,
    row: table.row0(i) + 1,
    name: cellText(cellAt(row, cols.name)),
    rawId,
    id,
    gender,
    unit: cellText(cellAt(row, cols.unit)),
    member: yesNo(memberCell),
    memberText: cellText(memberCell),
    categories: listOf(memo, cellText(cellAt(row, cols.categories))),
    programRaw,
    programText: cellText(programRaw),
    batch: cellText(cellAt(row, cols.batch)),
    date,
    dateText: dateRaw,
    phone,
    note: cellText(cellAt(row, cols.note)),
    postType: cellText(cellAt(row, cols.postType)),
  };
}

function readId(table: Table, i: number, rawId: Cell, today: Day, issues: Issue[]): IdInfo {
  const r = checkId(rawId, today);
  switch (r.kind) {
    case "numeric":
      issues.push(table.issue("ID_NUMERIC_PRECISION", i, "idNumber", MSG.idNumeric(r.digits)));
      return { id18: null };
    case "format":
      issues.push(table.issue("ID_FORMAT", i, "idNumber", MSG.idFormat(r.text)));
      return { id18: null };
    case "birthdate":
      issues.push(
        table.issue("ID_BIRTHDATE", i, "idNumber", MSG.idBirthdate(r.reason, r.id18.slice(6, 14)))
      );
      return { id18: r.id18 };
    case "checksum":
      issues.push(table.issue("ID_CHECKSUM", i, "idNumber", MSG.idChecksum(r.expected)));
      return { id18: r.id18 };
    case "ok":
      if (r.from15) issues.push(table.issue("ID_15_DIGIT", i, "idNumber", MSG.id15(r.id18)));
      // The check result is the ID info itself (id18, birth, gender): no second object per row.
      return r;
  }
}

const MOBILE = /^1[3-9]\d{9}$/;

function isMobile(t: string): boolean {
  if (MOBILE.test(t)) return true; // already plain: nothing for NFKC or the replaces to change
  const s = t
    .normalize("NFKC")
    .replace(/[\s-]/g, "")
    .replace(/^(\+?86)/, "");
  return MOBILE.test(s);
}
