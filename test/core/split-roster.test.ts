// A roster split over several sheets — one per programme scope (市外/市内) or one per 基层工会 —
// is read as one roster: the seed's figures, duplicates, quotas and history across the sheets,
// each issue on its own sheet, and a sheet that looks like a roster but is left out is said.
import { detectSheets, planSheets, toReportJson } from "../../src/core/engine";
import { sheetChoice } from "../../src/core/options";
import { countFormula } from "../../src/core/plan/formulas";
import {
  book,
  budgetSheet,
  historySheet,
  issuesOf,
  person,
  ratesSheet,
  rosterSheet,
  rows,
  run,
  sampleBook,
  sampleRoster,
  sheet,
  splitSampleBook,
} from "../helpers/books";

const GOLDEN = {
  cost: 441280,
  transport: 11000,
  byPayer: { 省总工会: 279093.33, 市总工会: 41093.33, 高新区总工会: 132093.34 },
};

describe.each(["scope", "unit"] as const)("the sample split per %s", (by) => {
  const b = splitSampleBook(by);
  const a = run(b);

  it("reads every roster sheet and gives the seed's figures (docs/DOMAIN.md §2)", () => {
    const rosterNames = b.sheets.slice(0, -2).map((s) => s.name);
    expect(rosterNames.length).toBeGreaterThan(1);
    expect(a.mapping.roster).toEqual(rosterNames);
    expect(a.rosters.map((r) => r.sheet)).toEqual(rosterNames);
    expect(a.rosters.reduce((n, r) => n + r.participants.length, 0)).toBe(151);
    const json = toReportJson(a);
    expect(json.allocation!.totals).toEqual(GOLDEN);
    expect(json.allocation!.budget!.difference).toBe(-93.34);
    expect(json.allocation!.programs.map((p) => [p.code, p.headcount])).toEqual([
      ["W1", 50],
      ["W2", 3],
      ["W3", 50],
      ["W4", 2],
      ["N1", 46],
    ]);
    // The same issues as the sample on one sheet: only the budget gap.
    expect(a.issues.map((i) => i.code)).toEqual(["BUDGET_EXCEEDED"]);
    const one = toReportJson(run(sampleBook())).allocation!;
    expect(json.allocation!.totals).toEqual(one.totals);
    expect(json.allocation!.budget).toEqual(one.budget);
  });

  it("counts each programme by summing an exact count per roster sheet", () => {
    const f = countFormula(a.allocation!.programs[4], {
      year: 2024,
      ownUnion: a.allocation!.ownUnion,
      rosters: a.rosters.map((r) => ({
        sheet: r.sheet,
        programCol: 7,
        lastRow: Math.max(...r.participants.map((p) => p.row)),
      })),
      errorCount: 0,
      warningCount: 0,
    });
    for (const name of a.mapping.roster!)
      expect(f).toContain(`SUMPRODUCT(--EXACT('${name}'!$H$1:$H$`);
    expect(f.split("+")).toHaveLength(a.rosters.length * 2); // N1 and 市内疗休养, on each sheet
    const plan = planSheets(a).allocation!;
    expect(plan.cells.flat().some((c) => c && "formula" in c && c.formula.includes(f))).toBe(true);
  });
});

describe("checked across the sheets", () => {
  const ID = 3; // 身份证号 in a sample row (with 序号)

  it("the same ID on two sheets is DUPLICATE_ID on both cells, naming both sheets", () => {
    const roster = sampleRoster();
    const n1 = roster.findIndex((r) => r[7] === "N1");
    roster[n1][ID] = roster[0][ID]; // the first W1 person also signed up for N1
    const a = run(splitSampleBook("scope", roster));
    expect(issuesOf(a, "DUPLICATE_ID")).toEqual([
      expect.objectContaining({ sheet: "市外花名册", row: 3, cell: "D3" }),
      expect.objectContaining({ sheet: "市内花名册", row: 3, cell: "D3" }),
    ]);
    const dup = a.issues.find((i) => i.code === "DUPLICATE_ID")!;
    expect(dup.message).toContain("“市外花名册”第3行、“市内花名册”第3行");
  });

  it("a quota counts the people of every sheet; the rows past it are flagged where they are", () => {
    const a = run(
      book(
        rosterSheet(rows([person("W2"), person("W2")]), { name: "甲单位" }),
        rosterSheet(rows([person("W2"), person("W2")]), { name: "乙单位" }),
        ratesSheet(),
        budgetSheet()
      )
    );
    expect(a.mapping.roster).toEqual(["甲单位", "乙单位"]);
    // W2 has 3 places: the fourth person, the second row of 乙单位, is over.
    expect(issuesOf(a, "QUOTA_EXCEEDED")).toEqual([
      expect.objectContaining({ sheet: "乙单位", row: 4, cell: "H4" }),
    ]);
  });

  it("the history is checked against the people of every sheet", () => {
    const p = person("N1");
    const a = run(
      book(
        rosterSheet(rows([person("W1")]), { name: "市外" }),
        rosterSheet(rows([person("N1"), p]), { name: "市内" }),
        ratesSheet(),
        budgetSheet(),
        historySheet([[p["姓名"], p["身份证号"], "市内疗休养", 2024]])
      )
    );
    expect(issuesOf(a, "DUPLICATE_HISTORY")).toEqual([
      expect.objectContaining({ sheet: "市内", row: 4, cell: "D4" }),
    ]);
  });

  it("each sheet's own columns place its issues (the columns may differ between sheets)", () => {
    const header = ["姓名", "身份证号", "工作单位", "是否会员", "人员类别", "疗休养项目"];
    const bad = { ...person("W1"), 身份证号: "12345" };
    const a = run(
      book(
        rosterSheet(rows([person("W1")])),
        sheet("补报", header, rows([bad], header)),
        ratesSheet(),
        budgetSheet()
      )
    );
    expect(issuesOf(a, "ID_FORMAT")).toEqual([
      expect.objectContaining({ sheet: "补报", row: 2, column: "身份证号", cell: "B2" }),
    ]);
  });
});

describe("a sheet that looks like a roster but is not used is said (ROSTER_SHEET_UNUSED)", () => {
  it("a roster sheet the user left out", () => {
    const b = splitSampleBook("scope");
    const a = run(b, { sheets: { roster: ["市外花名册"] } });
    expect(a.mapping.roster).toEqual(["市外花名册"]);
    expect(issuesOf(a, "ROSTER_SHEET_UNUSED")).toEqual([
      { severity: "warning", code: "ROSTER_SHEET_UNUSED", sheet: "市内花名册" },
    ]);
    expect(a.issues.find((i) => i.code === "ROSTER_SHEET_UNUSED")!.message).toMatch(
      /“市内花名册”看起来是花名册，但未选为花名册/
    );
    // Only the chosen sheet is counted: N1 has nobody.
    expect(toReportJson(a).allocation!.programs[4].headcount).toBe(0);
  });

  it("a sheet whose headers only half match a roster's", () => {
    const header = ["姓名", "工作单位", "联系电话"];
    const a = run(
      book(
        rosterSheet(rows([person("W1")])),
        sheet("通讯录", header, rows([person("W1")], header)),
        ratesSheet(),
        budgetSheet()
      )
    );
    expect(a.mapping.roster).toEqual(["花名册"]);
    const issue = a.issues.find((i) => i.code === "ROSTER_SHEET_UNUSED")!;
    expect(issue).toMatchObject({ severity: "warning", sheet: "通讯录" });
    expect(issue.message).toContain("缺少“身份证号”、“是否会员”、“人员类别”、“疗休养项目”列");
  });

  it("the rate, budget and history sheets and the sample's sheets raise nothing", () => {
    const a = run(
      book(
        rosterSheet(rows([person("W1")])),
        ratesSheet(),
        budgetSheet(),
        historySheet([[null, null, null, 2024]])
      )
    );
    expect(issuesOf(a, "ROSTER_SHEET_UNUSED")).toEqual([]);
  });

  it("no roster chosen at all is SHEET_MISSING, and each roster-like sheet is said", () => {
    const a = run(splitSampleBook("scope"), { sheets: { roster: [] } });
    expect(a.mapping.roster).toBeUndefined();
    expect(issuesOf(a, "SHEET_MISSING")).toEqual([
      expect.objectContaining({ sheet: "花名册", code: "SHEET_MISSING" }),
    ]);
    expect(issuesOf(a, "ROSTER_SHEET_UNUSED").map((i) => i.sheet)).toEqual([
      "市外花名册",
      "市内花名册",
    ]);
  });
});

describe("sheet choices", () => {
  it("an explicit list is taken in workbook order; missing names are dropped", () => {
    const b = splitSampleBook("scope");
    expect(detectSheets(b, { roster: ["市内花名册", "已删除", "市外花名册"] }).roster).toEqual([
      "市外花名册",
      "市内花名册",
    ]);
  });

  it("settings saved with the roster as one name (earlier versions) still work", () => {
    expect(sheetChoice({ roster: "花名册", rates: "费率" })).toEqual({
      roster: ["花名册"],
      rates: "费率",
    });
    expect(sheetChoice({ roster: "" })).toEqual({ roster: [] });
    expect(sheetChoice({ roster: ["A", 3, "B"], budget: 7 })).toEqual({ roster: ["A", "B"] });
    expect(sheetChoice(null)).toEqual({});
  });
});
