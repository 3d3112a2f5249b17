// The Excel host on the strict double (src/testing/excel-double): round trips (context.sync()
// calls) and the largest request for 校验 and 生成经费分摊表, as the pane runs them: the pane
// opens (sheet list), then 校验, then 生成 (forced, since the bench rosters carry errors).
import { createExcelDouble, ExcelDouble } from "../src/testing/excel-double";
import * as host from "../src/excel";
import { benchBook, BenchRoster } from "./data";
import { TODAY } from "./core";
import { round } from "./measure";

const KB = 1024;

function since(d: ExcelDouble, from: number) {
  const s = d.syncs.slice(from);
  return {
    syncs: s.length,
    maxRequestKB: round(Math.max(0, ...s.map((x) => x.request)) / KB, 0),
    maxRoundTripKB: round(Math.max(0, ...s.map((x) => x.request + x.response)) / KB, 0),
    totalMB: round(s.reduce((a, x) => a + x.request + x.response, 0) / KB / KB, 2),
  };
}

export async function benchExcel(b: BenchRoster): Promise<Record<string, unknown>[]> {
  const d = createExcelDouble(benchBook(b));
  d.installGlobals();
  try {
    const options = { today: TODAY };
    await host.detectWorkbookSheets();
    const opened = since(d, 0);
    const v0 = d.syncCount;
    let t = performance.now();
    const a = await host.validate(options);
    const validateMs = performance.now() - t;
    const validate = since(d, v0);
    const g0 = d.syncCount;
    t = performance.now();
    const g = await host.generate(options, { force: true });
    const generateMs = performance.now() - t;
    const generate = since(d, g0);
    const rows = b.rows.length;
    const note =
      "sizes are the double's JSON estimate of each round trip; Excel on the web rejects requests above 5 MB";
    return [
      { bench: "excel", action: "open", rows, ...opened },
      {
        bench: "excel",
        action: "validate",
        rows,
        ...validate,
        issues: a.issues.length,
        doubleMs: round(validateMs, 0),
      },
      {
        bench: "excel",
        action: "generate",
        rows,
        ...generate,
        blocked: g.blocked,
        doubleMs: round(generateMs, 0),
        note,
      },
    ];
  } finally {
    d.uninstallGlobals();
  }
}
