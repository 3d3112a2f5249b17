// The document pack: the lists every programme needs, from the same roster the allocation counts.
// 参加人员名单 per programme and batch with a subtotal per programme; 意外险投保名单 with only the
// people without errors, age on the programme start; 签到表 one batch per printed page with room
// to sign; 公示名单 for a notice board, the ID and phone masked. Every name, ID and phone is a
// text cell (a name starting with = stays text).
import type { Day, Issue, Participant, Program } from "../types";
import type { Enrolment } from "../programs";
import type { PlanCell, PlanContext, RangeFormat, SheetPlan } from "./types";
import type { DocumentRole } from "../generated";
import { GENERATED_NAME, TAB_COLOR } from "../generated";
import { colLetter } from "../a1";
import { compareDays, formatDay } from "../dates";
import { blankRow, HEADER_FILL, num, text, TOTAL_FILL } from "./cells";
import { fitWidths, formatLookup, pageSetup } from "./page";

/** What the lists are made from. */
export interface ListInput {
  enrolled: Enrolment[];
  /** Roster sheets (in workbook order) and their issues: a person with an error is left off the
   *  insurance list. */
  rosterSheets: string[];
  issues: Issue[];
}

const TEXT = "@";

/** Row height that leaves room to sign, in points. */
export const SIGN_ROW_HEIGHT = 30;

/** 530424********656X: the first 6 and the last 4 characters shown. */
export function maskId(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return "*".repeat(s.length);
  return s.slice(0, 6) + "*".repeat(s.length - 10) + s.slice(-4);
}

/** 191****7844: the first 3 and the last 4 digits of a mobile number shown. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (s === "") return "";
  if (s.length <= 7) return "*".repeat(s.length);
  return s.slice(0, 3) + "*".repeat(s.length - 7) + s.slice(-4);
}

/** Whole years from birth to the day. */
export function ageOn(birth: Day, day: Day): number {
  let age = day.y - birth.y;
  if (day.m < birth.m || (day.m === birth.m && day.d < birth.d)) age--;
  return age;
}

const idText = (p: Participant) => p.id.id18 ?? String(p.rawId ?? "").trim();
const genderOf = (p: Participant) => p.gender || p.id.gender || "";
const dateOf = (p: Participant) => (p.date ? formatDay(p.date) : p.dateText);
const programLabel = (prog: Program) => (prog.name ? `${prog.code} ${prog.name}` : prog.code);
const windowOf = (prog: Program) =>
  prog.start && prog.end
    ? `${formatDay(prog.start)}至${formatDay(prog.end)}`
    : prog.start
      ? formatDay(prog.start)
      : "";

/** Batches in their natural order: 第2批 before 第10批. */
function compareBatch(a: string, b: string): number {
  return a.localeCompare(b, "zh-CN", { numeric: true });
}

/** The enrolled rows by programme (rate-sheet order), batch, then roster row. */
function sorted(input: ListInput, programs: Program[]): Enrolment[] {
  const order = new Map(programs.map((p, i) => [p, i]));
  return [...input.enrolled].sort(
    (a, b) =>
      (order.get(a.program) ?? 0) - (order.get(b.program) ?? 0) ||
      compareBatch(a.participant.batch, b.participant.batch) ||
      sheetOrder(input, a.participant.sheet) - sheetOrder(input, b.participant.sheet) ||
      a.participant.row - b.participant.row
  );
}

function sheetOrder(input: ListInput, sheet: string): number {
  return input.rosterSheets.indexOf(sheet);
}

/** One roster row across the roster sheets. */
export function rowKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** Roster rows (sheet and 1-based row, as rowKey) that have an error. */
function rowsWithErrors(input: ListInput): Set<string> {
  return new Set(
    input.issues
      .filter(
        (i) => i.severity === "error" && i.row !== undefined && input.rosterSheets.includes(i.sheet)
      )
      .map((i) => rowKey(i.sheet, i.row!))
  );
}

interface Table {
  title: string;
  heads: string[];
  rows: PlanCell[][];
  /** Columns (0-based) whose cells are text (IDs, phones), kept as text when edited. */
  textCols: number[];
  /** Rows (0-based within `rows`) to print bold on grey: subtotals. */
  totalRows?: number[];
}

/** The shared shape of a list sheet: title, a note, the header, the rows, the signature line. */
function listSheet(
  role: DocumentRole,
  t: Table,
  ctx: PlanContext,
  note: string,
  sheetName: string,
  extra: Partial<SheetPlan> = {}
): SheetPlan {
  const width = t.heads.length;
  const title = blankRow(width);
  title[0] = text(t.title);
  const noteRow = blankRow(width);
  noteRow[0] = text(note);
  const cells: PlanCell[][] = [title, noteRow, t.heads.map(text), ...t.rows];
  const lastData = cells.length;
  cells.push(blankRow(width));
  const sign = blankRow(width);
  sign[0] = text(`填报单位（盖章）：${ctx.ownUnion}`);
  sign[Math.floor(width * 0.45)] = text("制表人：");
  sign[Math.floor(width * 0.65)] = text("审核人：");
  sign[width - 1] = text("日期：    年  月  日");
  cells.push(sign);
  const last = colLetter(width - 1);
  const formats: RangeFormat[] = [
    { address: "A1", bold: true, fontSize: 16 },
    { address: "A2", italic: true, fontColor: "#595959" },
    {
      address: `A3:${last}3`,
      bold: true,
      fill: HEADER_FILL,
      horizontal: "center",
      border: true,
    },
  ];
  if (lastData > 3) {
    formats.push({ address: `A4:${last}${lastData}`, border: true });
    for (const c of t.textCols) {
      const col = colLetter(c);
      formats.push({ address: `${col}4:${col}${lastData}`, numberFormat: TEXT });
    }
  }
  for (const r of t.totalRows ?? [])
    formats.push({ address: `A${r + 4}:${last}${r + 4}`, bold: true, fill: TOTAL_FILL });
  const signRow = cells.length - 1;
  const totalSet = new Set((t.totalRows ?? []).map((r) => r + 3));
  const widths = fitWidths(cells, width, formatLookup(formats), {
    // Title, note, subtotal labels and the signature line overflow into empty cells.
    skip: (r, c) => r < 2 || r === signRow || (totalSet.has(r) && c === 0),
    min: 6,
  });
  return {
    role,
    name: sheetName,
    tabColor: TAB_COLOR[role],
    cells,
    formats,
    merges: [`A1:${last}1`, `A2:${last}2`],
    widths,
    freezeRows: 3,
    links: [],
    page: pageSetup("1:3"),
    printArea: `A1:${last}${cells.length}`,
    ...extra,
  };
}

/** 参加人员名单: everyone enrolled, by programme and batch, a subtotal after each programme. */
export function planParticipants(
  input: ListInput,
  programs: Program[],
  ctx: PlanContext,
  sheetName = GENERATED_NAME.participants
): SheetPlan {
  const heads = [
    "序号",
    "姓名",
    "性别",
    "工作单位",
    "人员类别",
    "项目",
    "批次",
    "日期",
    "联系电话",
  ];
  const rows: PlanCell[][] = [];
  const totalRows: number[] = [];
  let n = 0;
  const list = sorted(input, programs);
  list.forEach((e, i) => {
    const p = e.participant;
    rows.push([
      num(++n),
      text(p.name),
      text(genderOf(p)),
      text(p.unit),
      text(p.categories.join("、")),
      text(programLabel(e.program)),
      text(p.batch),
      text(dateOf(p)),
      text(p.phone),
    ]);
    if (list[i + 1]?.program !== e.program) {
      const count = list.filter((x) => x.program === e.program).length;
      const row = blankRow(heads.length);
      row[0] = text(`${programLabel(e.program)} 小计：${count}人`);
      totalRows.push(rows.length);
      rows.push(row);
    }
  });
  const total = blankRow(heads.length);
  total[0] = text(`合计：${list.length}人`);
  totalRows.push(rows.length);
  rows.push(total);
  return listSheet(
    "participants",
    {
      title: `${ctx.ownUnion}${ctx.year}年职工疗休养参加人员名单`,
      heads,
      rows,
      textCols: [1, 8],
      totalRows,
    },
    ctx,
    `按项目、批次排列，共${list.length}人（来自${input.rosterSheets.map((s) => `“${s}”`).join("、")}）。`,
    sheetName
  );
}

/** 意外险投保名单: the people without errors, age on the programme's first day. */
export function planInsurance(
  input: ListInput,
  programs: Program[],
  ctx: PlanContext,
  sheetName = GENERATED_NAME.insurance
): SheetPlan {
  const heads = [
    "序号",
    "姓名",
    "性别",
    "身份证号",
    "出生日期",
    "年龄",
    "项目",
    "批次",
    "起止日期",
  ];
  const bad = rowsWithErrors(input);
  const list = sorted(input, programs).filter(
    (e) => !bad.has(rowKey(e.participant.sheet, e.participant.row))
  );
  const rows = list.map((e, i): PlanCell[] => {
    const p = e.participant;
    const birth = p.id.birth;
    const start = e.program.start;
    const age =
      birth && start && compareDays(birth, start) <= 0 ? num(ageOn(birth, start)) : text("");
    return [
      num(i + 1),
      text(p.name),
      text(genderOf(p)),
      text(idText(p)),
      text(birth ? formatDay(birth) : ""),
      age,
      text(programLabel(e.program)),
      text(p.batch),
      text(windowOf(e.program)),
    ];
  });
  const left = input.enrolled.length - list.length;
  return listSheet(
    "insurance",
    {
      title: `${ctx.ownUnion}${ctx.year}年职工疗休养人身意外险投保名单`,
      heads,
      rows,
      textCols: [1, 3],
    },
    ctx,
    left > 0
      ? `共${list.length}人；另有${left}人的行有错误，未列入，请先处理“校验结果”中的问题。`
      : `共${list.length}人。年龄按项目开始日期计算；起止日期为项目时间。`,
    sheetName
  );
}

/** 签到表: one block per programme and batch, each on its own printed page, room to sign. */
export function planSignin(
  input: ListInput,
  programs: Program[],
  ctx: PlanContext,
  sheetName = GENERATED_NAME.signin
): SheetPlan {
  const heads = ["序号", "姓名", "性别", "工作单位", "联系电话", "签名"];
  const rows: PlanCell[][] = [];
  const rowBreaks: number[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const totalRows: number[] = [];
  const list = sorted(input, programs);
  let n = 0;
  list.forEach((e, i) => {
    const prev = list[i - 1];
    if (!prev || prev.program !== e.program || prev.participant.batch !== e.participant.batch) {
      // A break after the last row of the previous batch (3 rows above the table).
      if (rows.length > 0) rowBreaks.push(rows.length + 2);
      const head = blankRow(heads.length);
      const batch = e.participant.batch ? ` ${e.participant.batch}` : "";
      head[0] = text(`${programLabel(e.program)}${batch}  ${e.program.place}`.trim());
      totalRows.push(rows.length);
      rows.push(head);
      n = 0;
    }
    const p = e.participant;
    rowHeights.push({ row: rows.length + 3, height: SIGN_ROW_HEIGHT });
    rows.push([num(++n), text(p.name), text(genderOf(p)), text(p.unit), text(p.phone), null]);
  });
  const plan = listSheet(
    "signin",
    {
      title: `${ctx.ownUnion}${ctx.year}年职工疗休养签到表`,
      heads,
      rows,
      textCols: [1, 4],
      totalRows,
    },
    ctx,
    "每个批次单独一页；请本人在“签名”栏签字。",
    sheetName,
    { rowBreaks, rowHeights, page: pageSetup("1:3", "portrait") }
  );
  // Room for a handwritten name.
  plan.widths[heads.length - 1] = Math.max(plan.widths[heads.length - 1], 24);
  return plan;
}

/** 公示名单: name, unit and programme; the ID and phone masked for a notice board. */
export function planNotice(
  input: ListInput,
  programs: Program[],
  ctx: PlanContext,
  sheetName = GENERATED_NAME.notice
): SheetPlan {
  const heads = ["序号", "姓名", "工作单位", "项目", "身份证号", "联系电话"];
  const list = sorted(input, programs);
  const rows = list.map((e, i): PlanCell[] => {
    const p = e.participant;
    return [
      num(i + 1),
      text(p.name),
      text(p.unit),
      text(programLabel(e.program)),
      text(maskId(idText(p))),
      text(maskPhone(p.phone)),
    ];
  });
  return listSheet(
    "notice",
    {
      title: `${ctx.ownUnion}${ctx.year}年职工疗休养人员公示名单`,
      heads,
      rows,
      textCols: [1, 4, 5],
    },
    ctx,
    `共${list.length}人。身份证号、联系电话已部分隐藏。公示期内如有异议，请向${ctx.ownUnion}反映。`,
    sheetName
  );
}
