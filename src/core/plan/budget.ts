// The allocation sheet's last block: the own union's total against its funding sources (预算),
// with the difference (negative when over budget).
import type { Allocation } from "../allocate";
import type { PlanCell, RangeFormat } from "./types";
import { a1 } from "../a1";
import { numberText } from "../text";
import { blankRow, fx, HEADER_FILL, MONEY, moneyRef, text, WAN, WARN_COLOR, yuan } from "./cells";

export interface BudgetBlock {
  rows: PlanCell[][];
  /** The sources' labels, left-aligned (applied before the table's formats). */
  sourceFormats: RangeFormat[];
  formats: RangeFormat[];
  merges: string[];
}

/** The block from 0-based row `start`; `ownTotal` is the cell of the own union's total. */
export function budgetBlock(
  al: Allocation,
  width: number,
  start: number,
  ownTotal: string
): BudgetBlock {
  const rows: PlanCell[][] = [];
  const head = blankRow(width);
  head[0] = text(`${al.ownUnion}经费来源`);
  head[2] = text("金额（元）");
  head[3] = text("金额（万元）");
  rows.push(head);
  /** A line: label, amount in 元, the same in 万元; returns its row. */
  const line = (label: string, formula: string, fen: bigint) => {
    const r = start + rows.length;
    const row = blankRow(width);
    row[0] = text(label);
    row[2] = fx(formula, yuan(fen));
    row[3] = fx(`=${a1(r, 2)}/10000`, yuan(fen) / 10000);
    rows.push(row);
    return r;
  };
  const ownLine = line(`${al.ownUnion}承担合计`, `=${ownTotal}`, al.ownTotalFen);
  const sourceFormats: RangeFormat[] = [];
  let diffLine = -1;
  if (al.budget) {
    const b = al.budget;
    const srcStart = start + rows.length;
    for (const s of b.sources) {
      const f = s.ref?.numeric ? moneyRef(s.ref, s.tenThousand) : numberText(yuan(s.fen));
      line(s.name, "=" + f, s.fen);
    }
    const srcEnd = start + rows.length - 1;
    const sum = b.sources.length > 0 ? `=ROUND(SUM(${a1(srcStart, 2)}:${a1(srcEnd, 2)}),2)` : "=0";
    const totalLine = line("资金来源合计", sum, b.totalFen);
    const diff = `=ROUND(${a1(totalLine, 2)}-${a1(ownLine, 2)},2)`;
    diffLine = line("差额（来源－承担，负数为超支）", diff, b.differenceFen);
    sourceFormats.push({ address: `A${srcStart + 1}:A${srcEnd + 1}`, horizontal: "left" });
  }
  const lastRow = start + rows.length;
  const merges: string[] = [];
  for (let r = start; r < lastRow; r++) merges.push(`A${r + 1}:B${r + 1}`);
  return { rows, sourceFormats, formats: blockFormats(al, start, lastRow, diffLine), merges };
}

function blockFormats(
  al: Allocation,
  start: number,
  lastRow: number,
  diffLine: number
): RangeFormat[] {
  const formats: RangeFormat[] = [
    { address: `A${start + 1}:D${start + 1}`, bold: true, fill: HEADER_FILL, border: true },
    { address: `A${start + 2}:D${lastRow}`, border: true },
    { address: `C${start + 2}:C${lastRow}`, numberFormat: MONEY },
    { address: `D${start + 2}:D${lastRow}`, numberFormat: WAN },
  ];
  if (diffLine >= 0)
    formats.push({
      address: `A${diffLine + 1}:D${diffLine + 1}`,
      bold: true,
      fontColor: al.budget!.differenceFen < 0n ? WARN_COLOR : undefined,
    });
  return formats;
}
