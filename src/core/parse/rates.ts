// The rate sheet (项目费率): one programme per row — cost, quota, shares, transport, dates.
import type { CellRef, Day, Issue, Program, RateTable, SheetData } from "../types";
import { RATE_FIELDS } from "../headers";
import { compareDays, dayToSerial, parseDay } from "../dates";
import { MSG } from "../messages";
import { parseFen } from "../money";
import { headerKey, splitList, yesNo } from "../text";
import { openTable, Parsed, Table } from "./table";
import { readShares, sharesAddUp, sharesMismatch } from "./shares";

export function parseRates(sheet: SheetData): Parsed<RateTable | null> {
  const opened = openTable(sheet, RATE_FIELDS, true);
  const table = opened.value;
  if (!table) return { value: null, issues: opened.issues };
  const issues = table.missingHeaders();
  if (table.header.shares.length === 0)
    issues.push(table.sheetIssue("HEADER_MISSING", "××承担", MSG.sharesMissing(table.name)));
  const programs: Program[] = [];
  const seen = new Map<string, number>();
  for (const i of table.rows()) {
    const name = table.text(i, "name");
    // Without a 项目编号 column (HEADER_MISSING), the name stands in as the code, so the
    // programmes are still read and shown.
    const code = table.has("code") ? table.text(i, "code") : name;
    if (code === "" && name === "") continue;
    if (code === "") {
      issues.push(table.issue("MISSING_REQUIRED", i, "code", MSG.missingRequired("项目编号")));
      continue;
    }
    const key = code.normalize("NFKC").toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(table.issue("RATE_INVALID", i, "code", MSG.rateDuplicateCode(code, first)));
      continue;
    }
    seen.set(key, table.row0(i) + 1);
    programs.push(parseProgram(table, i, code, name, issues));
  }
  const payers = table.header.shares.map((s) => s.body);
  const value: RateTable = {
    sheet: table.name,
    perPersonTitle: table.title("perPerson"),
    payers: unifyPayers(programs, payers),
    programs,
  };
  return { value, issues };
}

/** The transport payer as the share column spells it (abc集团 / ＡＢＣ集团 → ABC集团): one
 *  payer, one column. A payer without a share column joins the list. */
function unifyPayers(programs: Program[], payers: string[]): string[] {
  for (const p of programs) {
    if (!p.transportPayer) continue;
    const same = payers.find((x) => headerKey(x) === headerKey(p.transportPayer));
    if (same) p.transportPayer = same;
    else payers.push(p.transportPayer);
  }
  return payers;
}

function parseProgram(
  table: Table,
  i: number,
  code: string,
  name: string,
  issues: Issue[]
): Program {
  const per = readPerPerson(table, i, issues);
  const quota = readQuota(table, i, issues);
  const { shares, bad: badShares } = readShares(table, i, issues);
  let bad = per.bad || badShares;
  if (!bad && shares.length > 0 && !sharesAddUp(per.fen, shares)) {
    issues.push(sharesMismatch(table, name || code, per.fen, shares));
    bad = true;
  }
  const transport = readTransport(table, i, issues);
  const start = readDay(table, i, "start", issues);
  const end = readDay(table, i, "end", issues);
  const memberRequired = readMemberRequired(table, i, issues);
  const days = readDays(table, i, start, end, issues);
  return {
    row: table.row0(i) + 1,
    code,
    name,
    scope: table.text(i, "scope"),
    place: table.text(i, "place"),
    start,
    end,
    quota: quota.value,
    quotaRef: quota.ref,
    perPersonFen: per.fen,
    perPersonRef: per.ref,
    shares,
    transportFen: transport.fen,
    transportRef: transport.ref,
    transportPayer: table.text(i, "transportPayer"),
    transportPayerRef: table.has("transportPayer")
      ? table.ref(i, table.header.columns.transportPayer)
      : null,
    eligible: splitList(table.text(i, "eligible")),
    priority: splitList(table.text(i, "priority")),
    memberRequired,
    days,
    sharesInvalid: bad,
  };
}

function invalid(table: Table, i: number, field: string, reason: string): Issue {
  return table.issue("RATE_INVALID", i, field, MSG.rateInvalid(table.text(i, field), reason));
}

/** 人均标准: required; `bad` when blank or unusable (the shares are then not checked). */
function readPerPerson(
  table: Table,
  i: number,
  issues: Issue[]
): { fen: bigint; ref: CellRef | null; bad: boolean } {
  if (!table.has("perPerson")) return { fen: 0n, ref: null, bad: false };
  const t = table.text(i, "perPerson");
  const fen = parseFen(table.get(i, "perPerson"));
  if (t === "") {
    issues.push(table.issue("MISSING_REQUIRED", i, "perPerson", MSG.missingRequired("人均标准")));
    return { fen: 0n, ref: null, bad: true };
  }
  if (fen === null || fen < 0n) {
    issues.push(invalid(table, i, "perPerson", fen === null ? "不是金额" : "不能为负数"));
    return { fen: 0n, ref: null, bad: true };
  }
  return { fen, ref: table.ref(i, table.header.columns.perPerson), bad: false };
}

/** 名额: a whole number, also written 30人 or 30名. */
function readQuota(
  table: Table,
  i: number,
  issues: Issue[]
): { value: number | null; ref: CellRef | null } {
  if (!table.has("quota")) return { value: null, ref: null };
  const q = table.get(i, "quota");
  const t = table.text(i, "quota");
  const n =
    typeof q === "number"
      ? q
      : /^\d+(人|名)?$/.test(t.normalize("NFKC"))
        ? parseInt(t.normalize("NFKC"), 10)
        : NaN;
  if (t === "") {
    issues.push(table.issue("MISSING_REQUIRED", i, "quota", MSG.missingRequired("名额")));
    return { value: null, ref: null };
  }
  if (!Number.isInteger(n) || n < 0) {
    issues.push(invalid(table, i, "quota", "名额应为不小于0的整数"));
    return { value: null, ref: null };
  }
  return { value: n, ref: table.ref(i, table.header.columns.quota) };
}

/** 往返交通费: optional, blank is 0. */
function readTransport(
  table: Table,
  i: number,
  issues: Issue[]
): { fen: bigint; ref: CellRef | null } {
  if (!table.has("transport") || table.text(i, "transport") === "") return { fen: 0n, ref: null };
  const fen = parseFen(table.get(i, "transport"));
  if (fen === null || fen < 0n) {
    issues.push(invalid(table, i, "transport", fen === null ? "不是金额" : "不能为负数"));
    return { fen: 0n, ref: null };
  }
  return { fen, ref: table.ref(i, table.header.columns.transport) };
}

function readDay(table: Table, i: number, field: string, issues: Issue[]): Day | null {
  if (!table.has(field) || table.text(i, field) === "") return null;
  const d = parseDay(table.get(i, field));
  if (!d) issues.push(invalid(table, i, field, "无法识别的日期"));
  return d;
}

/** 天数: a whole number of days (also 5天); without the column, the 开始/结束 dates inclusively. */
function readDays(
  table: Table,
  i: number,
  start: Day | null,
  end: Day | null,
  issues: Issue[]
): number | null {
  if (!table.has("days")) {
    if (!start || !end || compareDays(end, start) < 0) return null;
    return dayToSerial(end) - dayToSerial(start) + 1;
  }
  const t = table.text(i, "days").normalize("NFKC");
  if (t === "") return null;
  const c = table.get(i, "days");
  const n = typeof c === "number" ? c : /^\d+天?$/.test(t) ? parseInt(t, 10) : NaN;
  if (!Number.isInteger(n) || n < 1) {
    issues.push(invalid(table, i, "days", "天数应为正整数"));
    return null;
  }
  return n;
}

/** 须为会员: 是/否, blank is 否. */
function readMemberRequired(table: Table, i: number, issues: Issue[]): boolean {
  if (!table.has("memberRequired") || table.text(i, "memberRequired") === "") return false;
  const yn = yesNo(table.get(i, "memberRequired"));
  if (yn === null) issues.push(invalid(table, i, "memberRequired", "应填“是”或“否”"));
  return yn ?? false;
}
