// The roster (花名册): one participant per data row, with the issues each row's own cells raise.
import type {
  Cell,
  Day,
  FieldColumn,
  IdInfo,
  Issue,
  IssueCode,
  Participant,
  Roster,
  SheetData,
} from "../types";
import { FieldDef, ROSTER_FIELDS } from "../headers";
import { parseDay, formatDay } from "../dates";
import { checkId, readGender } from "../idcard";
import { MSG } from "../messages";
import { cellText, splitList, yesNo } from "../text";
import { openTable, Parsed, Table } from "./table";

export function parseRoster(sheet: SheetData, today: Day): Parsed<Roster | null> {
  const opened = openTable(sheet, ROSTER_FIELDS);
  const table = opened.value;
  if (!table) return { value: null, issues: opened.issues };
  const issues = table.missingHeaders();
  const required = ROSTER_FIELDS.filter((f) => f.required && table.has(f.field));
  const participants: Participant[] = [];
  for (const i of table.rows())
    participants.push(readParticipant(table, i, required, today, issues));
  return { value: { sheet: table.name, columns: columnsOf(table), participants }, issues };
}

/** Where each found field sits, for the checks that place their issues on the roster. */
function columnsOf(table: Table): Roster["columns"] {
  const columns: Record<string, FieldColumn> = {};
  for (const field of Object.keys(table.header.columns))
    columns[field] = { col: table.col0(field), title: table.title(field) };
  return columns;
}

function readParticipant(
  table: Table,
  i: number,
  required: FieldDef[],
  today: Day,
  issues: Issue[]
): Participant {
  for (const fd of required) {
    if (table.text(i, fd.field) === "")
      issues.push(table.issue("MISSING_REQUIRED", i, fd.field, MSG.missingRequired(fd.canonical)));
  }
  const rawId = table.get(i, "idNumber");
  const id: IdInfo =
    table.has("idNumber") && cellText(rawId) !== ""
      ? readId(table, i, rawId, today, issues)
      : { id18: null };
  const gender = table.text(i, "gender");
  if (gender && id.gender && readGender(gender) !== id.gender)
    issues.push(table.issue("GENDER_MISMATCH", i, "gender", MSG.genderMismatch(gender, id.gender)));
  const phone = table.text(i, "phone");
  if (phone && !isMobile(table.get(i, "phone")))
    issues.push(table.issue("PHONE_FORMAT", i, "phone", MSG.phoneFormat(phone)));
  const { date, dateText } = readDate(table, i, issues);
  return {
    sheet: table.name,
    row: table.row0(i) + 1,
    name: table.text(i, "name"),
    rawId,
    id,
    gender,
    unit: table.text(i, "unit"),
    member: yesNo(table.get(i, "member")),
    memberText: table.text(i, "member"),
    categories: splitList(table.text(i, "categories")),
    programRaw: table.get(i, "program"),
    programText: table.text(i, "program"),
    batch: table.text(i, "batch"),
    date,
    dateText,
    phone,
    note: table.text(i, "note"),
    postType: table.text(i, "postType"),
  };
}

function readId(table: Table, i: number, rawId: Cell, today: Day, issues: Issue[]): IdInfo {
  const r = checkId(rawId, today);
  const flag = (code: IssueCode, message: string) =>
    issues.push(table.issue(code, i, "idNumber", message));
  switch (r.kind) {
    case "numeric":
      flag("ID_NUMERIC_PRECISION", MSG.idNumeric(r.digits));
      return { id18: null };
    case "format":
      flag("ID_FORMAT", MSG.idFormat(r.text));
      return { id18: null };
    case "birthdate":
      flag("ID_BIRTHDATE", MSG.idBirthdate(r.reason, r.id18.slice(6, 14)));
      return { id18: r.id18 };
    case "checksum":
      flag("ID_CHECKSUM", MSG.idChecksum(r.expected));
      return { id18: r.id18 };
    case "ok":
      if (r.from15) flag("ID_15_DIGIT", MSG.id15(r.id18));
      return { id18: r.id18, birth: r.birth, gender: r.gender };
  }
}

/** The 疗休养日期 as a day, and as text (a date serial shown as 2024-06-01). */
function readDate(
  table: Table,
  i: number,
  issues: Issue[]
): { date: Day | null; dateText: string } {
  const text = table.text(i, "date");
  if (!text) return { date: null, dateText: text };
  const raw = table.get(i, "date");
  const date = parseDay(raw);
  if (!date) {
    issues.push(table.issue("DATE_OUTSIDE_WINDOW", i, "date", MSG.dateUnreadable(text)));
    return { date, dateText: text };
  }
  return { date, dateText: typeof raw === "number" ? formatDay(date) : text };
}

const MOBILE = /^1[3-9]\d{9}$/;

function isMobile(c: Cell): boolean {
  const t = cellText(c);
  if (MOBILE.test(t)) return true; // already plain: nothing for NFKC or the replaces to change
  const s = t
    .normalize("NFKC")
    .replace(/[\s-]/g, "")
    .replace(/^(\+?86)/, "");
  return MOBILE.test(s);
}
