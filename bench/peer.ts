// The peer: what staff do today — a helper column with =COUNTIF($C$2:$C$N,C2)>1 on every row —
// evaluated by HyperFormula, against our duplicate check on the same rows.
import { HyperFormula } from "hyperformula";
import type { Cell } from "../src/core/types";
import { analyse } from "../src/core/engine";
import { BenchRoster, ID_INDEX, idOnlyBook } from "./data";
import { TODAY } from "./core";
import { gc, median, round, time } from "./measure";

/** How Excel's COUNTIF compares these cells: digit-only text and numbers as numbers with 15 significant digits. */
export function excelKey(c: Cell): string {
  if (typeof c === "number") return "n" + c.toPrecision(15);
  const s = String(c ?? "").trim();
  if (/^\d+$/.test(s)) return "n" + Number(s).toPrecision(15);
  return "s" + s.toUpperCase();
}

export interface PeerResult {
  bench: "peer";
  rows: number;
  countifMs: number;
  oursMs: number;
  ratio: number;
  oursRuns: number;
  /** Rows our check flags DUPLICATE_ID (the true repeats). */
  oursDuplicateRows: number;
  /** Rows the COUNTIF column flags in HyperFormula. */
  countifFlagged: number;
  countifFalseDuplicates: number;
  /** Rows Excel's COUNTIF would flag that are not the same person (15-digit comparison, computed). */
  excelFalseDuplicates: number;
  note: string;
}

export function benchPeer(b: BenchRoster, n: number, runs = 21): PeerResult {
  const rows = b.rows.slice(0, n);
  // The ID column as staff keep it: text (a leading ' in HyperFormula), or a number where typed so.
  const sheet: (string | number | null)[][] = [["序号", "姓名", "身份证号", "重复"]];
  rows.forEach((row, i) => {
    const id = row[ID_INDEX];
    sheet.push([
      row[0] as number,
      row[1] as string,
      typeof id === "string" ? "'" + id : (id as number),
      `=COUNTIF($C$2:$C$${n + 1},C${i + 2})>1`,
    ]);
  });
  gc();
  const hf = time(() => HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" }));
  const flags = hf.value
    .getSheetValues(0)
    .slice(1)
    .map((r) => r[3] === true);
  hf.value.destroy();

  const book = idOnlyBook(b, n);
  analyse(book, { today: TODAY }); // warm-up
  const ms: number[] = [];
  let dupRows = new Set<number>();
  for (let i = 0; i < runs; i++) {
    const a = time(() => analyse(book, { today: TODAY }));
    ms.push(a.ms);
    dupRows = new Set(
      a.value.issues.filter((x) => x.code === "DUPLICATE_ID").map((x) => x.row! - 2)
    );
  }
  const ours = median(ms);
  const countifFlagged = flags.filter(Boolean).length;
  const countifFalse = flags.filter((f, i) => f && !dupRows.has(i)).length;

  const groups = new Map<string, number>();
  for (const row of rows)
    groups.set(excelKey(row[ID_INDEX]), (groups.get(excelKey(row[ID_INDEX])) ?? 0) + 1);
  const excelFalse = rows.filter(
    (row, i) => groups.get(excelKey(row[ID_INDEX]))! > 1 && !dupRows.has(i)
  ).length;

  return {
    bench: "peer",
    rows: n,
    countifMs: round(hf.ms, 0),
    oursMs: round(ours, 2),
    ratio: Math.round(hf.ms / ours),
    oursRuns: runs,
    oursDuplicateRows: dupRows.size,
    countifFlagged,
    countifFalseDuplicates: countifFalse,
    excelFalseDuplicates: excelFalse,
    note:
      "ours = analyse() on a roster of 序号/姓名/身份证号 (ID checks + duplicate grouping); COUNTIF compares IDs as numbers, " +
      "so distinct 18-digit IDs that share leading digits count as one (Excel keeps 15 digits; HyperFormula's default " +
      "precisionEpsilon 1e-13 merges even more)",
  };
}
