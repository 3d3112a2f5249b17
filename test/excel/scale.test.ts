// Round trips at scale: the number of context.sync() calls depends on the bytes moved, never on
// the number of rows. The counts are printed so a run shows them.
import { benchBook, benchRoster } from "../../bench/data";
import { createExcelDouble, ExcelDouble } from "../../src/testing/excel-double";
import * as host from "../../src/excel";
import { issueCell } from "../../src/core/a1";
import { OPTIONS } from "./helpers";

const MB = 1024 * 1024;

function summary(d: ExcelDouble, from = 0) {
  const s = d.syncs.slice(from);
  const bytes = s.map((x) => x.request + x.response);
  return {
    syncs: s.length,
    maxMB: Math.max(...bytes) / MB,
    totalMB: bytes.reduce((a, b) => a + b, 0) / MB,
    perSyncKB: bytes.map((b) => Math.round(b / 1024)),
  };
}

function open(n: number): ExcelDouble {
  const d = createExcelDouble(benchBook(benchRoster(n)));
  d.installGlobals();
  return d;
}

describe("sync counts", () => {
  it("10,000 rows: the pane opens, then 校验 + 生成 take at most 6 syncs together", async () => {
    const d = open(10_000);
    try {
      await host.detectWorkbookSheets(); // what the pane does when it opens
      const opened = summary(d);
      const v0 = d.syncCount;
      const a = await host.validate(OPTIONS);
      const validate = summary(d, v0);
      const g0 = d.syncCount;
      const g = await host.generate(OPTIONS, { force: true });
      const generate = summary(d, g0);
      console.log(
        "10k rows",
        JSON.stringify({ opened, validate, generate, issues: a.issues.length })
      );
      expect(g.blocked).toBe(false);
      expect(validate.syncs + generate.syncs).toBeLessThanOrEqual(6);
      expect(Math.max(validate.maxMB, generate.maxMB, opened.maxMB)).toBeLessThan(4);
      // Every flagged cell got its mark.
      const marked = d.snapshot("花名册").marks.flat().filter(Boolean).length;
      expect(marked).toBe(
        new Set(
          a.issues.filter((i) => issueCell(i) && i.sheet === "花名册").map((i) => issueCell(i))
        ).size
      );
      expect(d.values("经费分摊表")[3][3]).toBe(g.analysis.allocation!.programs[0].headcount);
    } finally {
      d.uninstallGlobals();
    }
  });

  it("1,000 and 10,000 rows take the same number of syncs: the count does not follow the rows", async () => {
    const counts: number[] = [];
    for (const n of [1_000, 10_000]) {
      const d = open(n);
      try {
        await host.detectWorkbookSheets();
        d.resetCounters();
        await host.validate(OPTIONS);
        await host.generate(OPTIONS, { force: true });
        counts.push(d.syncCount);
      } finally {
        d.uninstallGlobals();
      }
    }
    console.log("syncs for 1k vs 10k rows", counts);
    expect(counts[0]).toBe(counts[1]);
  });

  it("10,000 rows on a workbook the add-in has never seen (no pane opened first): still at most 6", async () => {
    const d = open(10_000);
    try {
      await host.validate(OPTIONS);
      const validate = d.syncCount;
      await host.generate(OPTIONS, { force: true });
      console.log(
        "10k rows, cold",
        JSON.stringify({ validate, generate: d.syncCount - validate, maxMB: summary(d).maxMB })
      );
      expect(d.syncCount).toBeLessThanOrEqual(6);
      expect(summary(d).maxMB).toBeLessThan(4);
    } finally {
      d.uninstallGlobals();
    }
  });

  it("100,000 rows: every request under 4 MB, and syncs grow with bytes (≈ one per 3.75 MB read), not rows", async () => {
    const d = open(100_000);
    try {
      await host.detectWorkbookSheets();
      const v0 = d.syncCount;
      const a = await host.validate(OPTIONS);
      const validate = summary(d, v0);
      const g0 = d.syncCount;
      const g = await host.generate(OPTIONS, { force: true });
      const generate = summary(d, g0);
      console.log("100k rows", JSON.stringify({ validate, generate, issues: a.issues.length }));
      expect(g.blocked).toBe(false);
      for (const s of [validate, generate]) {
        expect(s.maxMB).toBeLessThan(4);
        // Two fixed round trips (sheet list, writes) plus one per ~3.75 MB actually moved, with slack
        // for chunks that the estimate closes early.
        expect(s.syncs).toBeLessThanOrEqual(2 + Math.ceil(s.totalMB / 2.5));
      }
      expect(validate.syncs).toBeLessThan(15);
      expect(d.values("经费分摊表")[3][3]).toBe(g.analysis.allocation!.programs[0].headcount);
    } finally {
      d.uninstallGlobals();
    }
  });
});
