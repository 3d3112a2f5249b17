// The core on an in-memory workbook: parse + validate + allocate (analyse) and plan (planSheets).
import type { Day, WorkbookData } from "../src/core/types";
import { analyse, planSheets } from "../src/core/engine";
import { benchBook, BenchRoster } from "./data";
import { gc, heapMB, median, round, time } from "./measure";

export const TODAY: Day = { y: 2024, m: 5, d: 1 };

export interface CoreResult {
  bench: "core";
  rows: number;
  medianMs: number;
  minMs: number;
  runs: number;
  analyseMs: number;
  planMs: number;
  /** CPU time of the process during a run (GC threads included); less sensitive to other load than wall time. */
  cpuMs: number;
  peakHeapMB: number;
  /** Heap with only the input alive (the roster rows and the workbook handed to the core). */
  inputHeapMB: number;
  /** peakHeapMB − inputHeapMB: what one run holds on to. */
  runHeapMB: number;
  issues: number;
  errors: number;
  /** The bare peer in the same run: one pass over the same cells counting repeated IDs in a Map. */
  hashMs: number;
  /** medianMs / hashMs. */
  hashRatio: number;
  /** The process's first run (analyse + planSheets before any warm-up: what a user's one click
   *  costs in a freshly opened pane or a CLI run; code not yet optimised). */
  firstMs: number;
}

/** The floor for a roster pass: trim each ID cell and count it in a hash map, nothing else. */
function bareHash(book: WorkbookData): number {
  const seen = new Map<string, number>();
  let repeats = 0;
  for (const s of book.sheets) {
    const isId = (c: unknown) => typeof c === "string" && c.includes("身份证");
    const h = s.values.findIndex((row, i) => i < 10 && row.some(isId));
    if (h < 0) continue;
    const col = s.values[h].findIndex(isId);
    for (let r = h + 1; r < s.values.length; r++) {
      const k = String(s.values[r][col] ?? "").trim();
      const n = seen.get(k) ?? 0;
      if (n === 1) repeats++;
      seen.set(k, n + 1);
    }
  }
  return repeats;
}

function once(book: WorkbookData) {
  const cpu = process.cpuUsage();
  const a = time(() => analyse(book, { today: TODAY }));
  const p = time(() => planSheets(a.value));
  const used = process.cpuUsage(cpu);
  return {
    analyseMs: a.ms,
    planMs: p.ms,
    total: a.ms + p.ms,
    cpuMs: (used.user + used.system) / 1000,
    analysis: a.value,
    plans: p.value,
  };
}

export function benchCore(b: BenchRoster, runs = 7): CoreResult {
  const book = benchBook(b);
  // Heap: after a full gc with only the input alive, then at each stage's end with everything it
  // made still alive (garbage included, so this is an upper bound of what one run holds).
  gc();
  const inputHeap = heapMB();
  const started = performance.now();
  const a = analyse(book, { today: TODAY });
  const afterAnalyse = heapMB();
  const plans = planSheets(a);
  const firstMs = performance.now() - started;
  const afterPlan = heapMB();
  const peak = Math.max(afterAnalyse, afterPlan);
  void plans;
  // Timing: one warm-up run, then `runs` measured runs.
  once(book);
  const totals: number[] = [];
  const an: number[] = [];
  const pl: number[] = [];
  const cpu: number[] = [];
  const hash: number[] = [];
  let last = once(book);
  for (let i = 0; i < runs; i++) {
    gc();
    hash.push(time(() => bareHash(book)).ms);
    gc();
    last = once(book);
    totals.push(last.total);
    an.push(last.analyseMs);
    pl.push(last.planMs);
    cpu.push(last.cpuMs);
  }
  return {
    bench: "core",
    rows: b.rows.length,
    medianMs: round(median(totals)),
    minMs: round(Math.min(...totals)),
    runs,
    analyseMs: round(median(an)),
    planMs: round(median(pl)),
    cpuMs: round(median(cpu)),
    peakHeapMB: round(peak),
    inputHeapMB: round(inputHeap),
    runHeapMB: round(peak - inputHeap),
    issues: last.analysis.issues.length,
    errors: last.analysis.errorCount,
    hashMs: round(median(hash)),
    hashRatio: round(median(totals) / median(hash), 2),
    firstMs: round(firstMs),
  };
}
