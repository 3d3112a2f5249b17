// The history sheet (历史记录): who went in which year, by normalised ID.
import type { Cell, Day, HistoryEntry, SheetData } from "../types";
import { HISTORY_FIELDS } from "../headers";
import { parseDay } from "../dates";
import { checkId } from "../idcard";
import { cellText } from "../text";
import { parseFen } from "../money";
import { openTable, Parsed } from "./table";

export function parseHistory(sheet: SheetData, today: Day): Parsed<HistoryEntry[]> {
  const opened = openTable(sheet, HISTORY_FIELDS);
  const table = opened.value;
  if (!table) return { value: [], issues: opened.issues };
  const issues = table.missingHeaders();
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
      fen: table.text(i, "amount") === "" ? null : parseFen(table.get(i, "amount")),
    });
  }
  return { value: out, issues };
}

function readYear(c: Cell): number | null {
  if (typeof c === "number") {
    if (c >= 1900 && c < 3000) return Math.trunc(c);
    return parseDay(c)?.y ?? null;
  }
  const m = /(\d{4})/.exec(cellText(c).normalize("NFKC"));
  return m ? +m[1] : null;
}
