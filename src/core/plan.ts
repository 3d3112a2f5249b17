// The generated sheets as data: cells (text, numbers, formulas with the engine's expected
// values), formats, merges and widths. Hosts (Excel, ExcelJS, the test double) only copy them.
import type { Cell, CellRef, Issue } from "./types";
import type { Allocation, PayerShare, ProgramAllocation } from "./allocate";
import { a1, absA1, colLetter, formulaString, issueCell, sheetRef } from "./a1";
import { fenToYuan, numberToFen } from "./money";
import { SEVERITY_LABEL, TITLE } from "./messages";
import { numberText } from "./text";
import { ALLOCATION_SHEET, GeneratedRole, REPORT_SHEET, TAB_COLOR } from "./generated";

export type PlanCell =
  | null
  | { text: string }
  | { number: number }
  /** A formula (with its leading =) and the value the engine computed for it. */
  | { formula: string; value: number | string };

export interface RangeFormat {
  address: string;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontal?: "left" | "center" | "right";
  wrap?: boolean;
  border?: boolean;
}

export interface SheetPlan {
  role: GeneratedRole;
  name: string;
  /** Tab colour, #RRGGBB. */
  tabColor: string;
  cells: PlanCell[][];
  formats: RangeFormat[];
  merges: string[];
  /** Column widths in characters. */
  widths: number[];
  /** Rows frozen at the top. */
  freezeRows: number;
  /** Internal links: cell address → target such as '花名册'!C7. */
  links: { address: string; target: string; text: string }[];
  landscape: boolean;
  printArea: string;
}

export const MONEY = "#,##0.00";
export const WAN = "0.0000";
export const COUNT = "0";
const HEADER_FILL = "#DDEBF7";
const TOTAL_FILL = "#F2F2F2";
const WARN_COLOR = "#C00000";

export interface PlanContext {
  year: number;
  rosterSheet: string;
  /** 0-based sheet column of the roster's programme column. */
  rosterProgramCol: number | null;
  errorCount: number;
  warningCount: number;
}

const text = (s: string): PlanCell => ({ text: s });
const num = (n: number): PlanCell => ({ number: n });
const fx = (formula: string, value: number | string): PlanCell => ({ formula, value });
const yuan = (f: bigint) => fenToYuan(f);

function refText(r: CellRef): string {
  return sheetRef(r.sheet) + absA1(r.row, r.col);
}

/**
 * A money cell in a formula, in 元: the plain reference, or — when the cell has digits below
 * the fen (617.285), which the engine rounds away — that rounding written out in whole fen, so
 * it is exact in every spreadsheet: ROUND(ROUND(ref*100,6),0)/100.
 */
function moneyRef(r: CellRef, tenThousand = false): string {
  const v = (r.value ?? 0) * (tenThousand ? 10000 : 1);
  const fen = numberToFen(v);
  if (fen !== null && Number(fen) / 100 === v) return refText(r) + (tenThousand ? "*10000" : "");
  return `ROUND(ROUND(${refText(r)}*${tenThousand ? 1000000 : 100},6),0)/100`;
}

/** COUNTIFS criterion for an exact, case-insensitive match: wildcards escaped, "=" first. */
export function exactCriterion(c: Cell): string {
  const s = typeof c === "number" ? numberText(c) : String(c ?? "");
  return formulaString("=" + s.replace(/[~*?]/g, (m) => "~" + m));
}

export function planAllocation(
  al: Allocation,
  ctx: PlanContext,
  sheetName = ALLOCATION_SHEET
): SheetPlan {
  const payers = al.payers;
  const C = {
    code: 0,
    name: 1,
    quota: 2,
    count: 3,
    per: 4,
    cost: 5,
    payer0: 6,
  };
  const cTransport = C.payer0 + payers.length;
  const cTPayer = cTransport + 1;
  const cOwn = cTPayer + 1;
  const cOwnWan = cOwn + 1;
  const width = cOwnWan + 1;
  const last = colLetter(width - 1);
  const rows: PlanCell[][] = [];
  const formats: RangeFormat[] = [];
  const blankRow = () => new Array<PlanCell>(width).fill(null);

  // Title and the line under it (a visible warning when generated despite errors).
  const title = blankRow();
  title[0] = text(`${ctx.year}年职工疗休养经费分摊表`);
  rows.push(title);
  const info = blankRow();
  if (ctx.errorCount > 0) {
    info[0] = text(
      `⚠ 校验发现${ctx.errorCount}个错误，本表仍按现有数据生成，数字可能不准确，请先处理“${REPORT_SHEET}”中的问题。`
    );
  } else {
    info[0] = text(
      `单位：元。人数、费用和各方承担均为公式（引用“${ctx.rosterSheet}”与“${al.programs[0]?.program.perPersonRef?.sheet ?? "项目费率"}”），修改后自动重算。本级：${al.ownUnion}。`
    );
  }
  rows.push(info);

  const header = blankRow();
  const heads = [
    "项目编号",
    "项目名称",
    "名额",
    "人数",
    "人均标准",
    "费用合计",
    ...payers.map((p) => p + "承担"),
    "往返交通费",
    "交通费承担方",
    `${al.ownUnion}合计`,
    `${al.ownUnion}合计（万元）`,
  ];
  heads.forEach((h, i) => (header[i] = text(h)));
  rows.push(header);
  const headerRow = 2;
  const first = 3;
  const lastProg = first + al.programs.length - 1;
  const progRange = (col: number) =>
    `${colLetter(col)}${first + 1}:${colLetter(col)}${Math.max(lastProg, first) + 1}`;
  const cell = (r: number, c: number) => a1(r, c);
  const anyPrograms = al.programs.length > 0;

  al.programs.forEach((pa, k) => {
    const r = first + k;
    const row = blankRow();
    const p = pa.program;
    row[C.code] = text(p.code);
    row[C.name] = text(p.name);
    const qRef = quotaRef(p);
    row[C.quota] = p.quota === null ? null : qRef ? fx("=" + qRef, p.quota) : num(p.quota);
    row[C.count] = fx("=" + countFormula(pa, ctx), pa.headcount);
    row[C.per] = p.perPersonRef?.numeric
      ? fx("=" + moneyRef(p.perPersonRef), yuan(p.perPersonFen))
      : num(yuan(p.perPersonFen));
    row[C.cost] = fx(`=ROUND(${cell(r, C.count)}*${cell(r, C.per)},2)`, yuan(pa.costFen));
    pa.shares.forEach((s, j) => {
      row[C.payer0 + j] = fx("=" + shareFormula(s, pa, r, C), yuan(s.fen));
    });
    row[cTransport] = p.transportRef?.numeric
      ? fx("=" + moneyRef(p.transportRef), yuan(pa.transportFen))
      : num(yuan(pa.transportFen));
    row[cTPayer] = text(pa.transportPayer);
    const ownIdx = payers.indexOf(al.ownUnion);
    const ownFen =
      (pa.shares[ownIdx]?.fen ?? 0n) + (pa.transportPayer === al.ownUnion ? pa.transportFen : 0n);
    row[cOwn] = fx(
      `=ROUND(${cell(r, C.payer0 + ownIdx)}+IF(${cell(r, cTPayer)}=${formulaString(al.ownUnion)},${cell(r, cTransport)},0),2)`,
      yuan(ownFen)
    );
    row[cOwnWan] = fx(`=${cell(r, cOwn)}/10000`, yuan(ownFen) / 10000);
    rows.push(row);
  });

  // Totals: shares only, then each payer including the transport it pays.
  const tot = blankRow();
  const tr = rows.length;
  tot[C.code] = text("合计");
  const sumOf = (c: number, value: number, round = true) =>
    anyPrograms
      ? fx(round ? `=ROUND(SUM(${progRange(c)}),2)` : `=SUM(${progRange(c)})`, value)
      : num(value);
  tot[C.quota] = sumOf(
    C.quota,
    al.programs.reduce((a, pa) => a + (pa.program.quota ?? 0), 0),
    false
  );
  tot[C.count] = sumOf(
    C.count,
    al.programs.reduce((a, pa) => a + pa.headcount, 0),
    false
  );
  tot[C.cost] = sumOf(C.cost, yuan(al.costFen));
  payers.forEach(
    (p, j) => (tot[C.payer0 + j] = sumOf(C.payer0 + j, yuan(al.sharesByPayer.get(p) ?? 0n)))
  );
  tot[cTransport] = sumOf(cTransport, yuan(al.transportFen));
  tot[cOwn] = sumOf(cOwn, yuan(al.ownTotalFen));
  tot[cOwnWan] = fx(`=${cell(tr, cOwn)}/10000`, yuan(al.ownTotalFen) / 10000);
  rows.push(tot);

  const withT = blankRow();
  const wr = rows.length;
  withT[C.code] = text("各方承担合计（含往返交通费）");
  payers.forEach((p, j) => {
    const sumif = anyPrograms
      ? `+SUMIF($${colLetter(cTPayer)}$${first + 1}:$${colLetter(cTPayer)}$${lastProg + 1},${exactCriterion(p)},$${colLetter(cTransport)}$${first + 1}:$${colLetter(cTransport)}$${lastProg + 1})`
      : "";
    withT[C.payer0 + j] = fx(
      `=ROUND(${cell(tr, C.payer0 + j)}${sumif},2)`,
      yuan(al.byPayer.get(p) ?? 0n)
    );
  });
  rows.push(withT);
  rows.push(blankRow());

  // The budget block: the own union's total against its sources.
  const ownCol = C.payer0 + payers.indexOf(al.ownUnion);
  const ownTotalRef = cell(wr, ownCol);
  const bh = blankRow();
  const br = rows.length;
  bh[0] = text(`${al.ownUnion}经费来源`);
  bh[2] = text("金额（元）");
  bh[3] = text("金额（万元）");
  rows.push(bh);
  const line = (label: string, formula: string, fen: bigint) => {
    const row = blankRow();
    const r = rows.length;
    row[0] = text(label);
    row[2] = fx(formula, yuan(fen));
    row[3] = fx(`=${cell(r, 2)}/10000`, yuan(fen) / 10000);
    rows.push(row);
    return r;
  };
  const ownLine = line(`${al.ownUnion}承担合计`, `=${ownTotalRef}`, al.ownTotalFen);
  let diffLine = -1;
  if (al.budget) {
    const srcStart = rows.length;
    for (const s of al.budget.sources) {
      const f = s.ref?.numeric
        ? `=${moneyRef(s.ref, s.tenThousand)}`
        : `=${numberText(yuan(s.fen))}`;
      line(s.name, f, s.fen);
    }
    const srcEnd = rows.length - 1;
    const sumF =
      al.budget.sources.length > 0
        ? `=ROUND(SUM(${cell(srcStart, 2)}:${cell(srcEnd, 2)}),2)`
        : "=0";
    const totalLine = line("资金来源合计", sumF, al.budget.totalFen);
    diffLine = line(
      "差额（来源－承担，负数为超支）",
      `=ROUND(${cell(totalLine, 2)}-${cell(ownLine, 2)},2)`,
      al.budget.differenceFen
    );
    formats.push({ address: `A${srcStart + 1}:A${srcEnd + 1}`, horizontal: "left" });
  }
  const lastRow = rows.length;

  // Formats, applied in order.
  formats.push({ address: `A1`, bold: true, fontSize: 16 });
  formats.push({
    address: `A2`,
    italic: ctx.errorCount === 0,
    fontColor: ctx.errorCount > 0 ? WARN_COLOR : "#595959",
    bold: ctx.errorCount > 0,
  });
  formats.push({
    address: `A${headerRow + 1}:${last}${headerRow + 1}`,
    bold: true,
    fill: HEADER_FILL,
    horizontal: "center",
    wrap: true,
    border: true,
  });
  {
    const body = `A${first + 1}:${last}${wr + 1}`;
    formats.push({ address: body, border: true });
    formats.push({
      address: `${colLetter(C.quota)}${first + 1}:${colLetter(C.count)}${tr + 1}`,
      numberFormat: COUNT,
      horizontal: "right",
    });
    formats.push({
      address: `${colLetter(C.per)}${first + 1}:${colLetter(cTransport)}${wr + 1}`,
      numberFormat: MONEY,
    });
    formats.push({
      address: `${colLetter(cOwn)}${first + 1}:${colLetter(cOwn)}${tr + 1}`,
      numberFormat: MONEY,
    });
    formats.push({
      address: `${colLetter(cOwnWan)}${first + 1}:${colLetter(cOwnWan)}${tr + 1}`,
      numberFormat: WAN,
    });
    formats.push({ address: `A${tr + 1}:${last}${wr + 1}`, bold: true, fill: TOTAL_FILL });
  }
  formats.push({ address: `A${br + 1}:D${br + 1}`, bold: true, fill: HEADER_FILL, border: true });
  formats.push({ address: `A${br + 2}:D${lastRow}`, border: true });
  formats.push({ address: `C${br + 2}:C${lastRow}`, numberFormat: MONEY });
  formats.push({ address: `D${br + 2}:D${lastRow}`, numberFormat: WAN });
  if (diffLine >= 0)
    formats.push({
      address: `A${diffLine + 1}:D${diffLine + 1}`,
      bold: true,
      fontColor: al.budget!.differenceFen < 0n ? WARN_COLOR : undefined,
    });

  const merges = [`A1:${last}1`, `A2:${last}2`, `A${wr + 1}:F${wr + 1}`];
  for (let r = br; r < lastRow; r++) merges.push(`A${r + 1}:B${r + 1}`);
  const widths = heads.map((h, i) =>
    i === C.name ? 30 : i === C.code ? 10 : Math.max(10, Math.min(22, visualWidth(h) + 2))
  );
  return {
    role: "allocation",
    tabColor: TAB_COLOR.allocation,
    name: sheetName,
    cells: rows,
    formats,
    merges,
    widths,
    freezeRows: headerRow + 1,
    links: [],
    landscape: true,
    printArea: `A1:${last}${lastRow}`,
  };
}

function quotaRef(p: ProgramAllocation["program"]): string | null {
  return p.quotaRef?.numeric ? refText(p.quotaRef) : null;
}

function countFormula(pa: ProgramAllocation, ctx: PlanContext): string {
  if (ctx.rosterProgramCol === null) return "0";
  const col = colLetter(ctx.rosterProgramCol);
  const range = `${sheetRef(ctx.rosterSheet)}$${col}:$${col}`;
  return pa.spellings.map((s) => `COUNTIFS(${range},${exactCriterion(s)})`).join("+") || "0";
}

function shareFormula(
  s: PayerShare,
  pa: ProgramAllocation,
  r: number,
  C: { count: number; cost: number; payer0: number }
): string {
  const count = a1(r, C.count);
  const cost = a1(r, C.cost);
  if (s.remainder) {
    const others = pa.shares
      .map((x, j) => (x === s ? null : a1(r, C.payer0 + j)))
      .filter((x): x is string => x !== null);
    return others.length ? `ROUND(${cost}-SUM(${others.join(",")}),2)` : cost;
  }
  if (!s.spec || !s.ref) return "0";
  const spec = s.spec;
  switch (spec.kind) {
    case "zero":
      return s.ref.numeric ? `ROUND(${count}*${moneyRef(s.ref)},2)` : "0";
    case "amount":
      return `ROUND(${count}*${s.ref.numeric ? moneyRef(s.ref) : numberText(Number(spec.fen) / 100)},2)`;
    case "ratio": {
      // Whole fen, as the engine computes: ROUND(cost*1/6,2) would see 72386.73/6 = 12064.455 as
      // 12064.4549999… in floating point and round it down in spreadsheets whose ROUND is not
      // decimal-aware. Integer fen × num / den is exact; a ratio cell (0.1666…) is first rounded
      // to 1e-5 fen, which restores an exact half without moving any other value across one.
      const costFen = `ROUND(${cost}*100,0)`;
      return s.ref.numeric
        ? `ROUND(ROUND(${costFen}*${refText(s.ref)},5),0)/100`
        : `ROUND(${costFen}*${spec.num}/${spec.den},0)/100`;
    }
    case "full":
      return cost;
    case "rest":
      return "0";
  }
}

/** Display width: CJK characters count double. */
export function visualWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

export function planReport(issues: Issue[], ctx: PlanContext, sheetName = REPORT_SHEET): SheetPlan {
  const heads = ["序号", "级别", "代码", "问题", "工作表", "单元格", "列", "说明"];
  const rows: PlanCell[][] = [];
  const width = heads.length;
  const blank = () => new Array<PlanCell>(width).fill(null);
  const t = blank();
  t[0] = text(`${ctx.year}年疗休养校验结果`);
  rows.push(t);
  const s = blank();
  s[0] = text(
    issues.length === 0
      ? "未发现问题。"
      : `共${issues.length}条：错误${ctx.errorCount}条，警告${ctx.warningCount}条。点击“单元格”可跳到对应位置。`
  );
  rows.push(s);
  const h = blank();
  heads.forEach((x, i) => (h[i] = text(x)));
  rows.push(h);
  const links: SheetPlan["links"] = [];
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
  );
  sorted.forEach((is, k) => {
    const row = blank();
    const r = rows.length;
    const cell = issueCell(is);
    row[0] = num(k + 1);
    row[1] = text(SEVERITY_LABEL[is.severity]);
    row[2] = text(is.code);
    row[3] = text(TITLE[is.code]);
    row[4] = text(is.sheet);
    row[5] = cell ? text(cell) : null;
    row[6] = is.column ? text(is.column) : null;
    row[7] = text(is.message);
    if (cell) links.push({ address: a1(r, 5), target: sheetRef(is.sheet) + cell, text: cell });
    rows.push(row);
  });
  const lastRow = rows.length;
  const formats: RangeFormat[] = [
    { address: "A1", bold: true, fontSize: 14 },
    { address: "A3:H3", bold: true, fill: HEADER_FILL, border: true },
  ];
  if (lastRow > 3) {
    formats.push({ address: `A4:H${lastRow}`, border: true });
    formats.push({ address: `H4:H${lastRow}`, wrap: true });
    // Errors come first, so they are one range.
    if (ctx.errorCount > 0)
      formats.push({ address: `B4:B${3 + ctx.errorCount}`, fontColor: WARN_COLOR, bold: true });
  }
  return {
    role: "report",
    tabColor: TAB_COLOR.report,
    name: sheetName,
    cells: rows,
    formats,
    merges: ["A1:H1", "A2:H2"],
    widths: [6, 6, 22, 20, 12, 8, 12, 70],
    freezeRows: 3,
    links,
    landscape: true,
    printArea: `A1:H${lastRow}`,
  };
}
