// The budget sheet (预算): the own union's funding sources, in 元 or 万元.
import type { Budget, BudgetSource, Cell, SheetData } from "../types";
import { BUDGET_FIELDS } from "../headers";
import { MSG } from "../messages";
import { parseFen } from "../money";
import { cellText, headerUnit } from "../text";
import { openTable, Parsed } from "./table";

export function parseBudget(sheet: SheetData): Parsed<Budget | null> {
  const opened = openTable(sheet, BUDGET_FIELDS);
  const table = opened.value;
  if (!table) return { value: null, issues: opened.issues };
  const issues = table.missingHeaders();
  const sources: BudgetSource[] = [];
  const tenThousand = headerUnit(table.header.titles.amount ?? "") === "万元";
  for (const i of table.rows()) {
    const name = table.text(i, "source");
    const raw = table.get(i, "amount");
    if (name === "" && cellText(raw) === "") continue;
    const fen = tenThousand ? wanToFen(raw) : parseFen(raw);
    if (fen === null) {
      const blank = cellText(raw) === "";
      issues.push(
        table.issue(
          blank ? "MISSING_REQUIRED" : "RATE_INVALID",
          i,
          "amount",
          blank ? MSG.missingRequired("金额") : MSG.amountInvalid(cellText(raw), "不是金额")
        )
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
  return { value: { sheet: table.name, sources }, issues };
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
