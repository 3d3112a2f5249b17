// Sheets → domain tables. Each parser reports what it cannot read as coded issues and keeps going.
import type {
  Budget,
  BudgetSource,
  Cell,
  CellRef,
  Day,
  HistoryEntry,
  Issue,
  IssueCode,
  Participant,
  Program,
  RateTable,
  ShareCell,
  SheetData,
} from "./types";
import { parseDay, formatDay } from "./dates";
import { HeaderMatch, FieldDef, ROSTER_FIELDS } from "./headers";
import { checkId, readGender } from "./idcard";
import { MSG, SEVERITY } from "./messages";
import { parseFen, parseShare, formatYuan } from "./money";
import { cellText, headerKey, headerUnit, splitList, yesNo } from "./text";

/** Issues are gathered here with their sheet position. */
export class IssueSink {
  readonly issues: Issue[] = [];
  add(
    code: IssueCode,
    sheet: string,
    message: string,
    row0?: number,
    col0?: number,
    column?: string
  ): void {
    const issue: Issue = { severity: SEVERITY[code], code, sheet, message };
    if (row0 !== undefined) issue.row = row0 + 1;
    if (row0 !== undefined && col0 !== undefined) issue.col = col0 + 1;
    if (column !== undefined) issue.column = column;
    this.issues.push(issue);
  }
}

/** A sheet with its header found: reads cells by field, in sheet coordinates. */
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
  *rows(): Generator<number> {
    const vals = this.sheet.values;
    for (let i = this.header.headerRow + 1; i < vals.length; i++) {
      const row = vals[i];
      if (!row || isBlankRow(row) || isFooterRow(row)) continue;
      yield i;
    }
  }
  missingHeaders(sink: IssueSink): void {
    for (const fd of this.fields) {
      if (fd.required && !this.has(fd.field)) {
        sink.add(
          "HEADER_MISSING",
          this.name,
          MSG.headerMissing(fd.canonical, this.name),
          undefined,
          undefined,
          fd.canonical
        );
      }
    }
  }
  issue(sink: IssueSink, code: IssueCode, i: number, field: string, message: string): void {
    // A field whose column is missing (already HEADER_MISSING) has no cell: report the row only.
    sink.add(
      code,
      this.name,
      message,
      this.row0(i),
      this.has(field) ? this.col0(field) : undefined,
      this.title(field)
    );
  }
}

function isBlankRow(row: Cell[]): boolean {
  for (const c of row) if (c !== null && c !== "" && cellText(c) !== "") return false;
  return true;
}

const FOOTER = /^(合计|总计|小计|共计|制表|填表|审核|负责人|注[:：]|说明[:：]|备注[:：])/;

function isFooterRow(row: Cell[]): boolean {
  for (const c of row) {
    const t = cellText(c);
    if (t !== "") return typeof c === "string" && FOOTER.test(t.replace(/\s+/g, ""));
  }
  return false;
}

export interface Roster {
  table: Table;
  participants: Participant[];
}

export function parseRoster(table: Table, today: Day, sink: IssueSink): Roster {
  table.missingHeaders(sink);
  const participants: Participant[] = [];
  const required = ROSTER_FIELDS.filter((f) => f.required && table.has(f.field));
  for (const i of table.rows()) {
    for (const fd of required) {
      if (table.text(i, fd.field) === "")
        table.issue(sink, "MISSING_REQUIRED", i, fd.field, MSG.missingRequired(fd.canonical));
    }
    const rawId = table.get(i, "idNumber");
    const p: Participant = {
      row: table.row0(i) + 1,
      name: table.text(i, "name"),
      rawId,
      id: { id18: null },
      gender: table.text(i, "gender"),
      unit: table.text(i, "unit"),
      member: yesNo(table.get(i, "member")),
      memberText: table.text(i, "member"),
      categories: splitList(table.text(i, "categories")),
      programRaw: table.get(i, "program"),
      programText: table.text(i, "program"),
      programCode: null,
      batch: table.text(i, "batch"),
      date: null,
      dateText: table.text(i, "date"),
      phone: table.text(i, "phone"),
      note: table.text(i, "note"),
      postType: table.text(i, "postType"),
    };
    if (table.has("idNumber") && cellText(rawId) !== "") checkIdCell(table, i, p, today, sink);
    if (p.gender && p.id.gender) {
      const typed = readGender(p.gender);
      if (typed !== p.id.gender)
        table.issue(
          sink,
          "GENDER_MISMATCH",
          i,
          "gender",
          MSG.genderMismatch(p.gender, p.id.gender)
        );
    }
    if (p.phone && !isMobile(table.get(i, "phone")))
      table.issue(sink, "PHONE_FORMAT", i, "phone", MSG.phoneFormat(p.phone));
    if (p.dateText) {
      p.date = parseDay(table.get(i, "date"));
      if (p.date && typeof table.get(i, "date") === "number") p.dateText = formatDay(p.date);
      if (!p.date)
        table.issue(sink, "DATE_OUTSIDE_WINDOW", i, "date", MSG.dateUnreadable(p.dateText));
    }
    participants.push(p);
  }
  return { table, participants };
}

function checkIdCell(table: Table, i: number, p: Participant, today: Day, sink: IssueSink): void {
  const r = checkId(p.rawId, today);
  switch (r.kind) {
    case "numeric":
      table.issue(sink, "ID_NUMERIC_PRECISION", i, "idNumber", MSG.idNumeric(r.digits));
      return;
    case "format":
      table.issue(sink, "ID_FORMAT", i, "idNumber", MSG.idFormat(r.text));
      return;
    case "birthdate":
      table.issue(
        sink,
        "ID_BIRTHDATE",
        i,
        "idNumber",
        MSG.idBirthdate(r.reason, r.id18.slice(6, 14))
      );
      p.id = { id18: r.id18 };
      return;
    case "checksum":
      table.issue(sink, "ID_CHECKSUM", i, "idNumber", MSG.idChecksum(r.expected));
      p.id = { id18: r.id18 };
      return;
    case "ok":
      if (r.from15) table.issue(sink, "ID_15_DIGIT", i, "idNumber", MSG.id15(r.id18));
      p.id = { id18: r.id18, birth: r.birth, gender: r.gender };
  }
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

/** Rational helpers for checking that shares add up, in fen. */
interface Frac {
  n: bigint;
  d: bigint;
}
const add = (a: Frac, b: Frac): Frac => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });

export function parseRates(table: Table, sink: IssueSink): RateTable {
  table.missingHeaders(sink);
  if (table.header.shares.length === 0) {
    sink.add(
      "HEADER_MISSING",
      table.name,
      MSG.sharesMissing(table.name),
      undefined,
      undefined,
      "××承担"
    );
  }
  const programs: Program[] = [];
  const seen = new Map<string, number>();
  const payers = table.header.shares.map((s) => s.body);
  for (const i of table.rows()) {
    const name = table.text(i, "name");
    // Without a 项目编号 column (HEADER_MISSING), the name stands in as the code, so the
    // programmes are still read and shown.
    const code = table.has("code") ? table.text(i, "code") : name;
    if (code === "" && name === "") continue;
    if (code === "") {
      table.issue(sink, "MISSING_REQUIRED", i, "code", MSG.missingRequired("项目编号"));
      continue;
    }
    const key = code.normalize("NFKC").toUpperCase();
    if (seen.has(key)) {
      table.issue(sink, "RATE_INVALID", i, "code", MSG.rateDuplicateCode(code, seen.get(key)!));
      continue;
    }
    seen.set(key, table.row0(i) + 1);
    programs.push(parseProgram(table, i, code, name, sink));
  }
  // The transport payer as the share column spells it (abc集团 / ＡＢＣ集团 → ABC集团): one payer, one column.
  for (const p of programs) {
    if (!p.transportPayer) continue;
    const same = payers.find((x) => headerKey(x) === headerKey(p.transportPayer));
    if (same) p.transportPayer = same;
    else payers.push(p.transportPayer);
  }
  return { sheet: table.name, payers, programs };
}

function parseProgram(
  table: Table,
  i: number,
  code: string,
  name: string,
  sink: IssueSink
): Program {
  const label = name || code;
  const invalid = (field: string, reason: string) =>
    table.issue(sink, "RATE_INVALID", i, field, MSG.rateInvalid(table.text(i, field), reason));

  let perPersonFen = 0n;
  let perPersonRef: CellRef | null = null;
  let bad = false;
  if (table.has("perPerson")) {
    const t = table.text(i, "perPerson");
    const fen = parseFen(table.get(i, "perPerson"));
    if (t === "") {
      table.issue(sink, "MISSING_REQUIRED", i, "perPerson", MSG.missingRequired("人均标准"));
      bad = true;
    } else if (fen === null || fen < 0n) {
      invalid("perPerson", fen === null ? "不是金额" : "不能为负数");
      bad = true;
    } else {
      perPersonFen = fen;
      perPersonRef = table.ref(i, table.header.columns.perPerson);
    }
  }

  let quota: number | null = null;
  let quotaRef: CellRef | null = null;
  if (table.has("quota")) {
    const q = table.get(i, "quota");
    const t = table.text(i, "quota");
    const n =
      typeof q === "number"
        ? q
        : /^\d+(人|名)?$/.test(t.normalize("NFKC"))
          ? parseInt(t.normalize("NFKC"), 10)
          : NaN;
    if (t === "") table.issue(sink, "MISSING_REQUIRED", i, "quota", MSG.missingRequired("名额"));
    else if (!Number.isInteger(n) || n < 0) invalid("quota", "名额应为不小于0的整数");
    else {
      quota = n;
      quotaRef = table.ref(i, table.header.columns.quota);
    }
  }

  const shares: ShareCell[] = [];
  for (const s of table.header.shares) {
    const col = s.col;
    const r = parseShare(table.sheet.values[i]?.[col] ?? null, table.format(i, col));
    if (!r.ok) {
      sink.add(
        "RATE_INVALID",
        table.name,
        MSG.rateInvalid(cellText(table.sheet.values[i]?.[col] ?? null), r.reason),
        table.row0(i),
        table.originCol + col,
        s.title
      );
      bad = true;
      // Counted as 0, so the formula must not refer to the unreadable cell (e.g. -3000).
      shares.push({
        payer: s.body,
        spec: { kind: "zero" },
        ref: { ...table.ref(i, col), numeric: false },
      });
    } else {
      shares.push({ payer: s.body, spec: r.spec, ref: table.ref(i, col) });
    }
  }
  const rests = shares.filter((s) => s.spec.kind === "rest");
  if (rests.length > 1) {
    const s = rests[1];
    sink.add(
      "RATE_INVALID",
      table.name,
      MSG.rateInvalid("其余", "一个项目只能有一方承担“其余”"),
      s.ref.row,
      s.ref.col,
      s.payer + "承担"
    );
    bad = true;
  }
  if (!bad && shares.length > 0 && !sharesAddUp(perPersonFen, shares)) {
    const sum = shares.reduce<Frac>((acc, s) => add(acc, perPersonPart(perPersonFen, s.spec)), {
      n: 0n,
      d: 1n,
    });
    const sumText =
      sum.d === 1n || sum.n % sum.d === 0n
        ? formatYuan(sum.n / sum.d)
        : (Number(sum.n) / Number(sum.d) / 100).toFixed(4);
    const first = shares[0];
    sink.add(
      "RATE_SHARES_MISMATCH",
      table.name,
      MSG.sharesMismatch(label, sumText, formatYuan(perPersonFen)),
      first.ref.row,
      first.ref.col,
      table.header.shares[0].title
    );
    bad = true;
  }

  let transportFen = 0n;
  let transportRef: CellRef | null = null;
  if (table.has("transport") && table.text(i, "transport") !== "") {
    const fen = parseFen(table.get(i, "transport"));
    if (fen === null || fen < 0n) invalid("transport", fen === null ? "不是金额" : "不能为负数");
    else {
      transportFen = fen;
      transportRef = table.ref(i, table.header.columns.transport);
    }
  }

  const day = (field: string): Day | null => {
    if (!table.has(field) || table.text(i, field) === "") return null;
    const d = parseDay(table.get(i, field));
    if (!d) invalid(field, "无法识别的日期");
    return d;
  };
  const start = day("start");
  const end = day("end");

  let memberRequired = false;
  if (table.has("memberRequired") && table.text(i, "memberRequired") !== "") {
    const yn = yesNo(table.get(i, "memberRequired"));
    if (yn === null) invalid("memberRequired", "应填“是”或“否”");
    else memberRequired = yn;
  }

  return {
    row: table.row0(i) + 1,
    code,
    name,
    scope: table.text(i, "scope"),
    place: table.text(i, "place"),
    start,
    end,
    quota,
    quotaRef,
    perPersonFen,
    perPersonRef,
    shares,
    transportFen,
    transportRef,
    transportPayer: table.text(i, "transportPayer"),
    eligible: splitList(table.text(i, "eligible")),
    priority: splitList(table.text(i, "priority")),
    memberRequired,
    sharesInvalid: bad,
  };
}

/** A share's exact per-person part in fen, as a fraction ("rest" counts as 0 here). */
function perPersonPart(per: bigint, spec: Program["shares"][number]["spec"]): Frac {
  switch (spec.kind) {
    case "amount":
      return { n: spec.fen, d: 1n };
    case "ratio":
      return { n: per * spec.num, d: spec.den };
    case "full":
      return { n: per, d: 1n };
    default:
      return { n: 0n, d: 1n };
  }
}

/** Shares add up to the per-person cost exactly; with 其余, the others must not exceed it. */
export function sharesAddUp(per: bigint, shares: ShareCell[]): boolean {
  const sum = shares.reduce<Frac>((acc, s) => add(acc, perPersonPart(per, s.spec)), {
    n: 0n,
    d: 1n,
  });
  const hasRest = shares.some((s) => s.spec.kind === "rest");
  return hasRest ? sum.n <= per * sum.d : sum.n === per * sum.d;
}

export function windowText(p: Program): string {
  return `${p.start ? formatDay(p.start) : "不限"}至${p.end ? formatDay(p.end) : "不限"}`;
}

export function parseHistory(table: Table, today: Day, sink: IssueSink): HistoryEntry[] {
  table.missingHeaders(sink);
  const out: HistoryEntry[] = [];
  for (const i of table.rows()) {
    const r = checkId(table.get(i, "idNumber"), today);
    const id18 = r.kind === "ok" || r.kind === "checksum" || r.kind === "birthdate" ? r.id18 : null;
    out.push({
      row: table.row0(i) + 1,
      name: table.text(i, "name"),
      id18,
      program: table.text(i, "program"),
      year: readYear(table.get(i, "year")),
    });
  }
  return out;
}

function readYear(c: Cell): number | null {
  if (typeof c === "number") {
    if (c >= 1900 && c < 3000) return Math.trunc(c);
    return parseDay(c)?.y ?? null;
  }
  const m = /(\d{4})/.exec(cellText(c).normalize("NFKC"));
  return m ? +m[1] : null;
}

export function parseBudget(table: Table, sink: IssueSink): Budget {
  table.missingHeaders(sink);
  const sources: BudgetSource[] = [];
  const tenThousand = headerUnit(table.header.titles.amount ?? "") === "万元";
  for (const i of table.rows()) {
    const name = table.text(i, "source");
    const raw = table.get(i, "amount");
    if (name === "" && cellText(raw) === "") continue;
    const fen = tenThousand ? wanToFen(raw) : parseFen(raw);
    if (fen === null) {
      table.issue(
        sink,
        cellText(raw) === "" ? "MISSING_REQUIRED" : "RATE_INVALID",
        i,
        "amount",
        cellText(raw) === ""
          ? MSG.missingRequired("金额")
          : MSG.amountInvalid(cellText(raw), "不是金额")
      );
      continue;
    }
    sources.push({
      name: name || `来源${sources.length + 1}`,
      fen,
      ref: table.ref(i, table.header.columns.amount),
      tenThousand,
    });
  }
  return { sheet: table.name, sources };
}

/** An amount in 万元 as fen: 1.2345 万元 is 12,345.00 元 (reading it in 元 first would keep only 0.01 万元). */
function wanToFen(c: Cell): bigint | null {
  if (typeof c === "number") return parseFen(c * 10000);
  const m = /^(-?\d+)(?:\.(\d+))?$/.exec(cellText(c).normalize("NFKC").replace(/[,\s]/g, ""));
  if (!m) {
    const fen = parseFen(c);
    return fen === null ? null : fen * 10000n;
  }
  const frac = (m[2] ?? "").padEnd(4, "0");
  return parseFen(m[1] + frac.slice(0, 4) + "." + (frac.slice(4) || "0"));
}
