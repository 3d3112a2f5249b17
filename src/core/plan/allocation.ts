// The 经费分摊表, block by block: title and note, header, one row per programme, totals, each
// payer with the transport it pays, the own union's funding block, then the signature line.
// Every figure is a live formula over the roster and the rate sheet (shares.ts), with the value
// the engine computed; a 核对 column says 请重新生成 when an edit cannot be followed.
import type { Allocation, ProgramAllocation } from "../allocate";
import type { PlanCell, PlanContext, RangeFormat, SheetPlan } from "./types";
import { a1, colLetter, formulaString } from "../a1";
import { ALLOCATION_SHEET, REPORT_SHEET, TAB_COLOR } from "../generated";
import {
  blankRow,
  COUNT,
  exactCriterion,
  fx,
  HEADER_FILL,
  MONEY,
  moneyRef,
  num,
  text,
  TOTAL_FILL,
  WAN,
  WARN_COLOR,
  yuan,
} from "./cells";
import { cappedCountFormula, countFormula, quotaRef } from "./formulas";
import { budgetBlock } from "./budget";
import { CHECK_FORMAT, checkFormula, checkValue, liveShareFormulas, REGENERATE } from "./shares";
import { fitWidths, formatLookup, pageSetup } from "./page";
import { refText } from "./cells";

/** The fixed columns (0-based); the payers' share columns start at payer0. */
const C = { code: 0, name: 1, quota: 2, count: 3, per: 4, cost: 5, payer0: 6 };
const HEADER_ROW = 2;
/** The first programme row (0-based). */
const FIRST = 3;

/** Where things are on one allocation's sheet (0-based rows and columns). */
interface Layout {
  al: Allocation;
  transport: number;
  transportPayer: number;
  own: number;
  ownWan: number;
  /** 核对: blank, or 请重新生成. */
  check: number;
  width: number;
  /** The last column's letter. */
  last: string;
  /** The own union's share column. */
  ownShare: number;
  /** The totals row, and the row of each payer with the transport it pays. */
  totals: number;
  withTransport: number;
}

function layout(al: Allocation): Layout {
  const transport = C.payer0 + al.payers.length;
  const width = transport + 5;
  const totals = FIRST + al.programs.length;
  return {
    al,
    transport,
    transportPayer: transport + 1,
    own: transport + 2,
    ownWan: transport + 3,
    check: transport + 4,
    width,
    last: colLetter(width - 1),
    ownShare: C.payer0 + al.payers.indexOf(al.ownUnion),
    totals,
    withTransport: totals + 1,
  };
}

export function planAllocation(
  al: Allocation,
  ctx: PlanContext,
  sheetName = ALLOCATION_SHEET
): SheetPlan {
  const L = layout(al);
  const heads = headings(al);
  const rows: PlanCell[][] = [
    titleRow(L, ctx),
    noteRow(L, ctx),
    heads.map(text),
    ...al.programs.map((pa, k) => programRow(L, ctx, pa, FIRST + k)),
    totalsRow(L),
    withTransportRow(L),
    blankRow(L.width),
  ];
  const budget = budgetBlock(al, L.width, rows.length, a1(L.withTransport, L.ownShare));
  const budgetStart = rows.length;
  rows.push(...budget.rows);
  rows.push(blankRow(L.width));
  const signRow = rows.length;
  rows.push(signatureRow(L.width, al.ownUnion));
  const lastRow = rows.length;
  const formats = [...budget.sourceFormats, ...tableFormats(L, ctx), ...budget.formats];
  const spanning = new Set([0, 1, L.withTransport, signRow]);
  const widths = fitWidths(rows, L.width, formatLookup(formats), {
    // Titles, notes and labels spanning merged cells, and the budget labels (A:B merged).
    skip: (r, c) => spanning.has(r) || (r >= budgetStart && c <= 1),
    wrapRows: new Set([HEADER_ROW]),
    min: 8,
    largest: largestFigures(L),
  });
  // 核对 has room for 请重新生成.
  widths[L.check] = Math.max(widths[L.check], 12);
  return {
    role: "allocation",
    tabColor: TAB_COLOR.allocation,
    name: sheetName,
    cells: rows,
    // Applied in order.
    formats,
    merges: [
      `A1:${L.last}1`,
      `A2:${L.last}2`,
      `A${L.withTransport + 1}:F${L.withTransport + 1}`,
      ...budget.merges,
    ],
    widths,
    freezeRows: HEADER_ROW + 1,
    links: [],
    page: pageSetup(`1:${HEADER_ROW + 1}`),
    // Two lines for the wrapped headers (…合计（万元）).
    rowHeights: [{ row: HEADER_ROW, height: 30 }],
    printArea: `A1:${L.last}${lastRow}`,
  };
}

/** The largest figures the sheet is made for: 100,000 people at 10,000 元 each. */
export const LARGEST_HEADCOUNT = 100000;
export const LARGEST_PER_PERSON = 10000;

function largestFigures(L: Layout): Map<number, number> {
  const money = LARGEST_HEADCOUNT * LARGEST_PER_PERSON;
  const m = new Map<number, number>([
    [C.quota, LARGEST_HEADCOUNT],
    [C.count, LARGEST_HEADCOUNT],
    [C.per, LARGEST_PER_PERSON],
    [C.cost, money],
    [L.transport, money],
    [L.own, money],
    [L.ownWan, money / 10000],
  ]);
  L.al.payers.forEach((_, j) => m.set(C.payer0 + j, money));
  return m;
}

/** 填报单位, 制表人, 审核人 and 日期, spread over the width. */
export function signatureRow(width: number, ownUnion: string): PlanCell[] {
  const row = blankRow(width);
  const at = (f: number) => Math.min(width - 1, Math.floor(width * f));
  row[0] = text(`填报单位（盖章）：${ownUnion}`);
  row[at(0.4)] = text("制表人：");
  row[at(0.6)] = text("审核人：");
  row[at(0.8)] = text("日期：    年  月  日");
  return row;
}

function headings(al: Allocation): string[] {
  return [
    "项目编号",
    "项目名称",
    "名额",
    "人数",
    "人均标准",
    "费用合计",
    ...al.payers.map((p) => p + "承担"),
    "往返交通费",
    "交通费承担方",
    `${al.ownUnion}合计`,
    `${al.ownUnion}合计（万元）`,
    "核对",
  ];
}

function titleRow(L: Layout, ctx: PlanContext): PlanCell[] {
  const row = blankRow(L.width);
  row[0] = text(`${ctx.ownUnion}${ctx.year}年职工疗休养经费分摊表`);
  return row;
}

/** The line under the title: where the figures come from, or a visible warning when the sheet
 *  was generated despite errors. */
function noteRow(L: Layout, ctx: PlanContext): PlanCell[] {
  const row = blankRow(L.width);
  const rateSheet = L.al.programs[0]?.program.perPersonRef?.sheet ?? "项目费率";
  const rosters = ctx.rosters.map((r) => r.sheet).join("”“") || "花名册";
  row[0] = text(
    ctx.errorCount > 0
      ? `⚠ 校验发现${ctx.errorCount}个错误，本表仍按现有数据生成，数字可能不准确，请先处理“${REPORT_SHEET}”中的问题。`
      : `单位：元。人数、费用和各方承担均为公式（引用“${rosters}”与“${rateSheet}”），修改后自动重算。本级：${L.al.ownUnion}。`
  );
  return row;
}

function programRow(L: Layout, ctx: PlanContext, pa: ProgramAllocation, r: number): PlanCell[] {
  const { al } = L;
  const row = blankRow(L.width);
  const p = pa.program;
  row[C.code] = text(p.code);
  row[C.name] = text(p.name);
  const qRef = quotaRef(p);
  row[C.quota] = p.quota === null ? null : qRef ? fx("=" + qRef, p.quota) : num(p.quota);
  const quotaCell = p.quota === null ? null : a1(r, C.quota);
  row[C.count] = fx("=" + cappedCountFormula(countFormula(pa, ctx), quotaCell), pa.headcount);
  row[C.per] = p.perPersonRef?.numeric
    ? fx("=" + moneyRef(p.perPersonRef), yuan(p.perPersonFen))
    : num(yuan(p.perPersonFen));
  row[C.cost] = fx(`=ROUND(${a1(r, C.count)}*${a1(r, C.per)},2)`, yuan(pa.costFen));
  const cells = { count: a1(r, C.count), cost: a1(r, C.cost) };
  const cellOf = (j: number) => a1(r, C.payer0 + j);
  const shares = liveShareFormulas(pa, cells, cellOf, al.ownUnion);
  pa.shares.forEach((s, j) => (row[C.payer0 + j] = fx("=" + shares[j], yuan(s.fen))));
  row[L.check] = fx(
    "=" + checkFormula(pa, cells, cellOf, al.ownUnion),
    checkValue(pa, al.ownUnion)
  );
  row[L.transport] = p.transportRef?.numeric
    ? fx("=" + moneyRef(p.transportRef), yuan(pa.transportFen))
    : num(yuan(pa.transportFen));
  // The payer as a reference when the rate sheet spells it as its share column does.
  const payerRef = p.transportPayerRef;
  row[L.transportPayer] =
    payerRef && p.transportPayer !== "" && p.transportPayer === pa.transportPayer
      ? fx(`=TRIM(${refText(payerRef)}&"")`, pa.transportPayer)
      : text(pa.transportPayer);
  const ownFen =
    (pa.shares[L.ownShare - C.payer0]?.fen ?? 0n) +
    (pa.transportPayer === al.ownUnion ? pa.transportFen : 0n);
  const paysTransport = `${a1(r, L.transportPayer)}=${formulaString(al.ownUnion)}`;
  row[L.own] = fx(
    `=ROUND(${a1(r, L.ownShare)}+IF(${paysTransport},${a1(r, L.transport)},0),2)`,
    yuan(ownFen)
  );
  row[L.ownWan] = fx(`=${a1(r, L.own)}/10000`, yuan(ownFen) / 10000);
  return row;
}

/** 合计: each column summed over the programmes (shares only; transport in its own column). */
function totalsRow(L: Layout): PlanCell[] {
  const { al } = L;
  const row = blankRow(L.width);
  const lastProg = L.totals - 1;
  const sumOf = (c: number, value: number, round = true) => {
    if (al.programs.length === 0) return num(value);
    const range = `${colLetter(c)}${FIRST + 1}:${colLetter(c)}${Math.max(lastProg, FIRST) + 1}`;
    return fx(round ? `=ROUND(SUM(${range}),2)` : `=SUM(${range})`, value);
  };
  row[C.code] = text("合计");
  const quota = al.programs.reduce((a, pa) => a + (pa.program.quota ?? 0), 0);
  row[C.quota] = sumOf(C.quota, quota, false);
  const headcount = al.programs.reduce((a, pa) => a + pa.headcount, 0);
  row[C.count] = sumOf(C.count, headcount, false);
  row[C.cost] = sumOf(C.cost, yuan(al.costFen));
  al.payers.forEach(
    (p, j) => (row[C.payer0 + j] = sumOf(C.payer0 + j, yuan(al.sharesByPayer.get(p) ?? 0n)))
  );
  row[L.transport] = sumOf(L.transport, yuan(al.transportFen));
  row[L.own] = sumOf(L.own, yuan(al.ownTotalFen));
  row[L.ownWan] = fx(`=${a1(L.totals, L.own)}/10000`, yuan(al.ownTotalFen) / 10000);
  if (al.programs.length > 0) {
    const checks = `${colLetter(L.check)}${FIRST + 1}:${colLetter(L.check)}${L.totals}`;
    const any = al.programs.some((pa) => checkValue(pa, al.ownUnion) === REGENERATE);
    row[L.check] = fx(
      // A row that does not match shows text; the others 0.
      `=IF(COUNT(${checks})<${al.programs.length},${formulaString(REGENERATE)},0)`,
      any ? REGENERATE : 0
    );
  }
  return row;
}

/** Each payer's shares plus the transport of the programmes whose 交通费承担方 it is. */
function withTransportRow(L: Layout): PlanCell[] {
  const { al } = L;
  const row = blankRow(L.width);
  const col = (c: number) => `$${colLetter(c)}$${FIRST + 1}:$${colLetter(c)}$${L.totals}`;
  row[C.code] = text("各方承担合计（含往返交通费）");
  al.payers.forEach((p, j) => {
    const sumif =
      al.programs.length > 0
        ? `+SUMIF(${col(L.transportPayer)},${exactCriterion(p)},${col(L.transport)})`
        : "";
    row[C.payer0 + j] = fx(
      `=ROUND(${a1(L.totals, C.payer0 + j)}${sumif},2)`,
      yuan(al.byPayer.get(p) ?? 0n)
    );
  });
  // Transport whose payer is none of the columns (a payer renamed in 项目费率) is counted nowhere.
  if (al.programs.length > 0 && al.payers.length > 0) {
    const paid = al.payers.map((_, j) => a1(L.withTransport, C.payer0 + j)).join(",");
    const owed = `${a1(L.totals, C.cost)}+${a1(L.totals, L.transport)}`;
    const paidFen = al.payers.reduce((a, p) => a + (al.byPayer.get(p) ?? 0n), 0n);
    row[L.check] = fx(
      `=IF(ABS(SUM(${paid})-(${owed}))>=0.005,${formulaString(REGENERATE)},0)`,
      paidFen === al.costFen + al.transportFen ? 0 : REGENERATE
    );
  }
  return row;
}

/** Formats of the title, the header and the programme table with its two total rows. */
function tableFormats(L: Layout, ctx: PlanContext): RangeFormat[] {
  const range = (c0: number, c1: number, r1: number) =>
    `${colLetter(c0)}${FIRST + 1}:${colLetter(c1)}${r1 + 1}`;
  return [
    { address: `A1`, bold: true, fontSize: 16 },
    {
      address: `A2`,
      italic: ctx.errorCount === 0,
      fontColor: ctx.errorCount > 0 ? WARN_COLOR : "#595959",
      bold: ctx.errorCount > 0,
    },
    {
      address: `A${HEADER_ROW + 1}:${L.last}${HEADER_ROW + 1}`,
      bold: true,
      fill: HEADER_FILL,
      horizontal: "center",
      wrap: true,
      border: true,
    },
    { address: range(0, L.width - 1, L.withTransport), border: true },
    { address: range(C.quota, C.count, L.totals), numberFormat: COUNT, horizontal: "right" },
    { address: range(C.per, L.transport, L.withTransport), numberFormat: MONEY },
    { address: range(L.own, L.own, L.totals), numberFormat: MONEY },
    { address: range(L.ownWan, L.ownWan, L.totals), numberFormat: WAN },
    {
      address: `A${L.totals + 1}:${L.last}${L.withTransport + 1}`,
      bold: true,
      fill: TOTAL_FILL,
    },
    {
      address: range(L.check, L.check, L.withTransport),
      numberFormat: CHECK_FORMAT,
      bold: true,
      horizontal: "center",
    },
  ];
}
