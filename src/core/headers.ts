// The header dictionary (every Chinese header synonym lives here) and header-row detection.
import type { Cell, SheetData, SheetRole } from "./types";
import { cellText, headerKey } from "./text";
import { maxOf } from "./max";

export interface FieldDef {
  field: string;
  canonical: string;
  synonyms: string[];
  required: boolean;
}

function f(field: string, canonical: string, required: boolean, ...synonyms: string[]): FieldDef {
  return { field, canonical, synonyms, required };
}

export const ROSTER_FIELDS: FieldDef[] = [
  f("name", "姓名", true, "职工姓名", "人员姓名", "名字"),
  f(
    "idNumber",
    "身份证号",
    true,
    "身份证号码",
    "公民身份号码",
    "证件号码",
    "身份证",
    "身份证件号码",
    "居民身份证号码"
  ),
  f("gender", "性别", false),
  f("unit", "工作单位", true, "单位", "单位名称", "所在单位", "工作单位名称", "所属单位"),
  f("member", "是否会员", true, "工会会员", "会员", "是否工会会员", "会员(是/否)"),
  f("categories", "人员类别", true, "职工类别", "身份类别", "类别", "人员身份"),
  f("program", "疗休养项目", true, "项目", "项目编号", "项目名称", "疗休养项目名称", "疗休养类别"),
  f("batch", "批次", false, "疗休养批次"),
  f("date", "疗休养日期", false, "出发日期", "开始日期", "疗养日期", "日期"),
  f("phone", "联系电话", false, "手机号", "电话", "手机", "手机号码", "联系方式"),
  f("note", "备注", false),
  f("postType", "岗位性质", false, "岗位类别"),
];

export const RATE_FIELDS: FieldDef[] = [
  f("code", "项目编号", true, "编号", "项目代码", "代码"),
  f("name", "项目名称", true, "名称", "疗休养项目", "项目"),
  f("scope", "类型", false, "市内外", "范围"),
  f("place", "疗养地点", false, "地点", "疗休养地点"),
  f("start", "开始日期", false, "起始日期", "开始时间"),
  f("end", "结束日期", false, "截止日期", "结束时间"),
  f("quota", "名额", true, "人数", "计划人数", "名额数"),
  f("perPerson", "人均标准", true, "人均费用", "标准", "每人标准", "人均"),
  f("transport", "往返交通费", false, "交通费", "往返交通费用"),
  f("transportPayer", "交通费承担方", false, "交通费承担单位", "交通费承担"),
  f("eligible", "参加对象", false, "疗休养对象", "参加人员"),
  f("priority", "优先对象", false, "优先安排", "优先安排对象"),
  f("memberRequired", "须为会员", false, "是否须为会员", "需为会员", "会员要求", "须会员"),
  f("days", "天数", false, "疗养天数", "疗休养天数", "行程天数"),
];

export const HISTORY_FIELDS: FieldDef[] = [
  f("name", "姓名", false, "职工姓名"),
  f("idNumber", "身份证号", true, "身份证号码", "公民身份号码", "证件号码", "身份证"),
  f("program", "项目", false, "疗休养项目", "项目名称"),
  f("year", "年份", false, "年度"),
  f("amount", "金额", false, "费用", "费用金额", "人均标准"),
];

export const BUDGET_FIELDS: FieldDef[] = [
  f("source", "资金来源", true, "来源", "经费来源"),
  f("amount", "金额", true, "预算金额", "预算"),
];

export const FIELDS: Record<SheetRole, FieldDef[]> = {
  roster: ROSTER_FIELDS,
  rates: RATE_FIELDS,
  history: HISTORY_FIELDS,
  budget: BUDGET_FIELDS,
};

/** Sheet names staff use for each role; a sheet is also recognised by its headers. */
export const SHEET_NAMES: Record<SheetRole, string[]> = {
  roster: ["花名册", "名册", "人员名单", "报名表", "参加人员"],
  rates: ["项目费率", "费率", "项目标准", "费用标准"],
  history: ["历史记录", "已参加人员", "往年记录"],
  budget: ["预算", "资金来源", "经费来源"],
};

export const SHEET_LABEL: Record<SheetRole, string> = {
  roster: "花名册",
  rates: "项目费率",
  history: "历史记录",
  budget: "预算",
};

/** A share column: "<body>承担" (not the transport payer column). */
export function shareBody(header: string): string | null {
  // Case kept: the body is the payer's name as shown (ABC集团承担 → ABC集团, not abc集团).
  const k = headerKey(header, true);
  if (/^(交通费|往返交通费)/.test(k)) return null;
  const m = /^(.+?)(承担|补贴)(金额|部分|标准)?$/.exec(k);
  return m ? m[1] : null;
}

export interface HeaderMatch {
  /** 0-based index into values. */
  headerRow: number;
  /** field → 0-based column index into values. */
  columns: Record<string, number>;
  /** field → the header text as written. */
  titles: Record<string, string>;
  /** Share columns in sheet order (rates only): body name and column. */
  shares: { body: string; col: number; title: string }[];
  /** How many fields matched; used to rank sheets. */
  score: number;
}

const SCAN_ROWS = 10;

/**
 * Find the header row within the first 10 non-blank rows: the row that names the most fields.
 * Blank rows are not counted, so a file read from A1 and Excel's used range (which starts at
 * the first non-blank row) find the same header.
 */
export function findHeader(
  values: Cell[][],
  fields: FieldDef[],
  withShares = false
): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (let r = 0, seen = 0; r < values.length && seen < SCAN_ROWS; r++) {
    const row = values[r] ?? [];
    if (!row.some((c) => cellText(c) !== "")) continue;
    seen++;
    const m = matchRow(row, fields, withShares);
    m.headerRow = r;
    if (m.score > 0 && (!best || m.score > best.score)) best = m;
  }
  return best && best.score >= 2 ? best : null;
}

function matchRow(row: Cell[], fields: FieldDef[], withShares: boolean): HeaderMatch {
  const keys = row.map((c) => (typeof c === "string" ? headerKey(c) : ""));
  const columns: Record<string, number> = {};
  const titles: Record<string, string> = {};
  const used = new Set<number>();
  // Canonical names first, then synonyms in order, so 项目编号 beats 项目 when both exist.
  for (let pass = 0; pass <= maxSynonyms(fields); pass++) {
    for (const fd of fields) {
      if (fd.field in columns) continue;
      const name = pass === 0 ? fd.canonical : fd.synonyms[pass - 1];
      if (name === undefined) continue;
      const want = headerKey(name);
      const col = keys.findIndex((k, i) => k === want && !used.has(i));
      if (col >= 0) {
        columns[fd.field] = col;
        titles[fd.field] = cellText(row[col]);
        used.add(col);
      }
    }
  }
  const shares: HeaderMatch["shares"] = [];
  if (withShares) {
    row.forEach((c, i) => {
      if (used.has(i) || typeof c !== "string") return;
      const body = shareBody(c);
      if (body) shares.push({ body, col: i, title: cellText(c) });
    });
  }
  const score = Object.keys(columns).length + shares.length;
  return { headerRow: 0, columns, titles, shares, score };
}

function maxSynonyms(fields: FieldDef[]): number {
  return maxOf(fields.map((x) => x.synonyms.length));
}

/** Score a sheet for a role: by its headers, with a bonus for a familiar name. */
export function scoreSheet(sheet: SheetData, role: SheetRole): number {
  const m = findHeader(sheet.values, FIELDS[role], role === "rates");
  const required = FIELDS[role].filter((x) => x.required);
  const hits = m ? required.filter((x) => x.field in m.columns).length : 0;
  const nameBonus = SHEET_NAMES[role].some((n) => headerKey(sheet.name) === headerKey(n)) ? 100 : 0;
  if (!m) return nameBonus;
  return nameBonus + hits * 10 + m.score;
}
