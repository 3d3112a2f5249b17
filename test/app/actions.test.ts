// The application's actions over a recording port: what each one reads, marks and writes, and
// when generating is blocked. The hosts (Excel, .xlsx, the double) are tested in their own folders.
import * as fs from "fs";
import * as path from "path";
import { clearMarks, generate, isBlocked, validate } from "../../src/app/actions";
import type { Progress, StepCode, WorkbookPort, WrittenSheet } from "../../src/app/port";
import type { Issue, WorkbookData } from "../../src/core/types";
import type { SheetPlan } from "../../src/core/plan";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const TODAY = { y: 2024, m: 5, d: 1 };
const ASSETS = path.join(__dirname, "..", "..", "assets");

async function book(name: string): Promise<WorkbookData> {
  return (await XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(ASSETS, name)))).readWorkbook();
}

class RecordingPort implements WorkbookPort {
  calls: string[] = [];
  marked: Issue[] | null = null;
  plans: SheetPlan[] = [];
  constructor(private readonly data: WorkbookData) {}
  async readWorkbook(): Promise<WorkbookData> {
    this.calls.push("read");
    return this.data;
  }
  async writeSheets(plans: SheetPlan[]): Promise<WrittenSheet[]> {
    this.calls.push("write");
    this.plans = plans;
    return plans
      .filter((p) => !p.remove)
      .map((p) => ({ role: p.role, name: p.name, renamed: false }));
  }
  async replaceMarks(issues: Issue[]): Promise<void> {
    this.calls.push("mark");
    this.marked = issues;
  }
  async clearMarks(): Promise<void> {
    this.calls.push("clear");
  }
}

function steps(): { progress: Progress; seen: StepCode[] } {
  const seen: StepCode[] = [];
  return { progress: (step) => seen.push(step), seen };
}

describe("validate", () => {
  it("reads, checks and replaces the marks with the issues found", async () => {
    const port = new RecordingPort(await book("sample-2024-mistakes.xlsx"));
    const { progress, seen } = steps();
    const a = await validate(port, { today: TODAY }, progress);
    expect(port.calls).toEqual(["read", "mark"]);
    expect(port.marked).toBe(a.issues);
    expect(a.errorCount).toBe(7);
    expect(seen).toEqual(["read", "check", "mark", "done"]);
  });
});

describe("generate", () => {
  it("writes the allocation and the report when there are no errors", async () => {
    const port = new RecordingPort(await book("sample-2024.xlsx"));
    const r = await generate(port, { today: TODAY });
    expect(port.calls).toEqual(["read", "write"]);
    // No programme is oversubscribed: an earlier 名额与候补 is removed, nothing new is written;
    // no list asked for: any list written earlier is removed too.
    expect(port.plans.map((p) => [p.role, !!p.remove])).toEqual([
      ["allocation", false],
      ["report", false],
      ["waitlist", true],
      ["participants", true],
      ["insurance", true],
      ["signin", true],
      ["notice", true],
    ]);
    expect(r).toMatchObject({ blocked: false, blockedBy: null, marked: false });
    expect(r.written.map((w) => w.name)).toEqual(["经费分摊表", "校验结果"]);
  });

  it("errors block it; with markWhenBlocked their cells are marked, nothing is written", async () => {
    const port = new RecordingPort(await book("sample-2024-mistakes.xlsx"));
    const r = await generate(port, { today: TODAY }, { markWhenBlocked: true });
    expect(r).toMatchObject({ blocked: true, blockedBy: "errors", marked: true, written: [] });
    expect(port.calls).toEqual(["read", "mark"]);
    expect(port.marked).toBe(r.analysis.issues);
  });

  it("without markWhenBlocked a blocked run touches nothing", async () => {
    const port = new RecordingPort(await book("sample-2024-mistakes.xlsx"));
    const r = await generate(port, { today: TODAY });
    expect(r).toMatchObject({ blocked: true, blockedBy: "errors", marked: false });
    expect(port.calls).toEqual(["read"]);
  });

  it("force writes despite errors", async () => {
    const port = new RecordingPort(await book("sample-2024-mistakes.xlsx"));
    const r = await generate(port, { today: TODAY }, { force: true, markWhenBlocked: true });
    expect(r.blocked).toBe(false);
    expect(port.calls).toEqual(["read", "write"]);
  });

  it("no rate sheet: blocked even with force", async () => {
    const data = await book("sample-2024.xlsx");
    const port = new RecordingPort({ sheets: data.sheets.filter((s) => s.name === "花名册") });
    const r = await generate(port, { today: TODAY }, { force: true });
    expect(r).toMatchObject({ blocked: true, blockedBy: "noRates" });
    expect(port.calls).toEqual(["read"]);
  });

  it("mayWrite has the last word, after the analysis", async () => {
    const port = new RecordingPort(await book("sample-2024.xlsx"));
    let saw = -1;
    const r = await generate(
      port,
      { today: TODAY },
      {
        mayWrite: (a) => {
          saw = a.errorCount;
          return false;
        },
      }
    );
    expect(saw).toBe(0);
    expect(r).toMatchObject({ blocked: true, blockedBy: "caller", written: [] });
    expect(port.calls).toEqual(["read"]);
  });
});

describe("isBlocked and clearMarks", () => {
  it("isBlocked follows errors and force; clearMarks asks the port only to clear", async () => {
    const port = new RecordingPort(await book("sample-2024-mistakes.xlsx"));
    const a = await validate(port, { today: TODAY });
    expect(isBlocked(a)).toBe(true);
    expect(isBlocked(a, true)).toBe(false);
    port.calls = [];
    await clearMarks(port);
    expect(port.calls).toEqual(["clear"]);
  });
});
