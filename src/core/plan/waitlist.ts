// The 名额与候补 sheet: for each oversubscribed programme, the selected (入选) and then the
// waitlisted (候补) in rank order, each with the reason for their rank and a link to their row.
// Without an oversubscribed programme there is no such sheet (an earlier one is removed).
import type { ProgramSelection } from "../selection";
import type { PlanCell, PlanContext, RangeFormat, SheetPlan } from "./types";
import { a1, sheetRef } from "../a1";
import { TAB_COLOR, WAITLIST_SHEET } from "../generated";
import { blankRow, HEADER_FILL, num, text, WARN_COLOR } from "./cells";
import { pageSetup } from "./page";

const HEADS = [
  "项目编号",
  "项目名称",
  "名额",
  "结果",
  "排序",
  "姓名",
  "工作单位",
  "人员类别",
  "花名册行",
  "排序依据",
];
const ROW_COL = 8;
const RESULT_COL = 3;

/** The sheet, or null when no programme has more ranked applicants than places. */
export function planWaitlist(
  selection: ProgramSelection[],
  ctx: PlanContext,
  sheetName = WAITLIST_SHEET
): SheetPlan | null {
  const over = selection.filter((s) => s.oversubscribed);
  if (over.length === 0) return null;
  const width = HEADS.length;
  const title = blankRow(width);
  title[0] = text(`${ctx.year}年疗休养名额与候补`);
  const note = blankRow(width);
  note[0] = text(
    "以下项目报名人数超过名额。排序：先优先对象（含临近退休，限项目“优先对象”列出者），再往年未参加者，再按花名册顺序；前“名额”位入选，其余候补。"
  );
  const rows: PlanCell[][] = [title, note, HEADS.map(text)];
  const links: SheetPlan["links"] = [];
  const waitRows: number[] = [];
  for (const sel of over) {
    const p = sel.program;
    for (const r of sel.ranked) {
      const row = blankRow(width);
      const who = r.participant;
      row[0] = text(p.code);
      row[1] = text(p.name);
      row[2] = p.quota === null ? null : num(p.quota);
      row[RESULT_COL] = text(r.selected ? "入选" : "候补");
      row[4] = num(r.rank);
      row[5] = text(who.name);
      row[6] = text(who.unit);
      row[7] = text(who.categories.join("、"));
      row[ROW_COL] = text(String(who.row));
      row[9] = text(r.reason);
      if (!r.selected) waitRows.push(rows.length);
      links.push({
        address: a1(rows.length, ROW_COL),
        target: `${sheetRef(who.sheet)}A${who.row}`,
        text: String(who.row),
      });
      rows.push(row);
    }
  }
  const last = rows.length;
  const formats: RangeFormat[] = [
    { address: "A1", bold: true, fontSize: 14 },
    { address: "A2", italic: true, fontColor: "#595959" },
    { address: "A3:J3", bold: true, fill: HEADER_FILL, border: true },
    { address: `A4:J${last}`, border: true },
    { address: `J4:J${last}`, wrap: true },
    ...waitRows.map((r) => ({
      address: `${a1(r, RESULT_COL)}`,
      bold: true,
      fontColor: WARN_COLOR,
    })),
  ];
  return {
    role: "waitlist",
    tabColor: TAB_COLOR.waitlist,
    name: sheetName,
    cells: rows,
    formats,
    merges: ["A1:J1", "A2:J2"],
    widths: [10, 26, 6, 6, 6, 10, 20, 20, 8, 60],
    freezeRows: 3,
    links,
    page: pageSetup("1:3"),
    printArea: `A1:J${last}`,
  };
}
