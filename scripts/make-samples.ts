// Rebuild the two sample workbooks in assets/: the seed's clean 2024 plan (151 people) and the
// same plan with the mistakes staff typically make. Run: npm run samples
import * as fs from "fs";
import * as path from "path";
import type { Cell } from "../src/core/types";
import { buildWorkbook, SheetSpec } from "./book-spec";
import { BUDGET_ROWS, RATE_HEADER, rateRows, ROSTER_HEADER, sampleRoster } from "./sample-data";
import { dayToSerial } from "../src/core/dates";

export const SAMPLE = "sample-2024.xlsx";
export const SAMPLE_MISTAKES = "sample-2024-mistakes.xlsx";

export function sampleSheets(roster: Cell[][]): SheetSpec[] {
  return [
    {
      name: "花名册",
      title: "高新区总工会2024年职工疗休养花名册",
      header: ROSTER_HEADER,
      rows: roster,
      textColumns: ["身份证号", "联系电话"],
      dateColumns: ["疗休养日期"],
      widths: [6, 10, 6, 22, 24, 10, 30, 12, 8, 12, 14, 10],
    },
    {
      name: "项目费率",
      title: "2024年疗休养项目及经费分摊标准",
      header: RATE_HEADER,
      rows: rateRows(),
      dateColumns: ["开始日期", "结束日期"],
    },
    { name: "预算", header: ["资金来源", "金额（元）"], rows: BUDGET_ROWS, widths: [24, 14] },
  ];
}

/** How staff split a roster over several sheets: one per programme scope (市外 W1–W4, 市内 N1)
 *  or one per 基层工会 (unit). */
export type RosterSplit = "scope" | "unit";

/** The sample's roster rows (with 序号, in ROSTER_HEADER order) split into named sheets, each
 *  numbered from 1, in first-seen order. */
export function splitRoster(roster: Cell[][], by: RosterSplit): { name: string; rows: Cell[][] }[] {
  const PROGRAM = ROSTER_HEADER.indexOf("疗休养项目");
  const UNIT = ROSTER_HEADER.indexOf("工作单位");
  const key = (row: Cell[]) =>
    by === "unit"
      ? String(row[UNIT])
      : row[PROGRAM] === "N1" || row[PROGRAM] === "市内疗休养"
        ? "市内"
        : "市外";
  const parts = new Map<string, Cell[][]>();
  for (const row of roster) {
    const k = key(row);
    if (!parts.has(k)) parts.set(k, []);
    parts.get(k)!.push(row);
  }
  return [...parts].map(([name, rows]) => ({
    name: by === "unit" ? name.slice(0, 31) : `${name}花名册`,
    rows: rows.map((r, i) => [i + 1, ...r.slice(1)]),
  }));
}

/** The sample workbook with its roster split over several sheets (the rate and budget sheets
 *  as in the sample). */
export function splitSampleSheets(roster: Cell[][], by: RosterSplit): SheetSpec[] {
  const [rosterSpec, ...rest] = sampleSheets(roster);
  const parts = splitRoster(roster, by).map((part) => ({
    ...rosterSpec,
    name: part.name,
    title: `高新区总工会2024年职工疗休养花名册（${part.name}）`,
    rows: part.rows,
  }));
  return [...parts, ...rest];
}

/** The mistakes, each at a fixed sheet row (data starts on row 3, under the title and header). */
export function withMistakes(clean: Cell[][]): Cell[][] {
  const rows = clean.map((r) => [...r]);
  const at = (sheetRow: number) => rows[sheetRow - 3];
  const ID = 3;
  at(12)[ID] = at(7)[ID]; // the same person signed up twice (rows 7 and 12)
  at(15)[6] = "退休职工"; // not in W1's 参加对象
  const w3 = rows.findIndex((r) => r[7] === "W3");
  rows[w3][5] = "否"; // W3 requires membership (sheet row w3 + 3)
  // Typed as a number: Excel keeps 15 significant digits and the last three become zeros.
  at(20)[ID] = Number(String(at(20)[ID]).slice(0, 15) + "000");
  const bad = String(at(25)[ID]);
  at(25)[ID] = bad.slice(0, 17) + (bad[17] === "1" ? "2" : "1"); // wrong check digit
  at(30)[9] = dayToSerial({ y: 2024, m: 11, d: 15 }); // W1 ends 2024-10-31
  at(35)[1] = at(33)[1]; // same name and unit, another ID
  at(35)[4] = at(33)[4];
  return rows;
}

export async function writeSamples(dir: string): Promise<void> {
  const clean = sampleRoster();
  await buildWorkbook(sampleSheets(clean)).xlsx.writeFile(path.join(dir, SAMPLE));
  await buildWorkbook(sampleSheets(withMistakes(clean))).xlsx.writeFile(
    path.join(dir, SAMPLE_MISTAKES)
  );
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  writeSamples(dir).then(
    () => console.log(`已生成 ${path.join(dir, SAMPLE)} 与 ${SAMPLE_MISTAKES}`),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
