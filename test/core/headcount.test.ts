// The headcount formula equals the engine for any programme code: codes that look like numbers
// (01, 1, １, 001, 1E3), booleans (TRUE), wildcards (* ? ~), operators (leading = or <) and stray
// spaces. COUNTIFS would coerce "=01" to also count 1, 001 and １ (its criteria are numbers when
// they parse as numbers, and * ? ~ = < are operators); the exact count compares texts. Witness:
// HyperFormula evaluating the generated formulas over the same cells.
import { HyperFormula } from "hyperformula";
import type { Cell } from "../../src/core/types";
import { analyse, planSheets } from "../../src/core/engine";
import { countFormula, exactCountTerm } from "../../src/core/plan/formulas";
import {
  book,
  budgetSheet,
  person,
  rateRows,
  ratesSheet,
  rosterSheet,
  rows,
} from "../helpers/books";
import { forHyperFormula } from "../helpers/hyperformula";

const CODES = ["01", "1", "１", "001", "1E3", "TRUE", "A*", "A?B", "~1", "=1", "<5", "W1 ", " w1"];
/** Look-alikes the roster also holds: every code as text, plus numbers and a boolean. */
const DECOYS: Cell[] = [...CODES, 1, 1000, true, "a*", "A~B", "AXB", "w1", "W1", "1.0", "+1"];

function hfContent(c: Cell): string | number | boolean | null {
  if (c === null || c === "") return null;
  return typeof c === "string" ? "'" + c : c;
}

/** Evaluate formulas (without "=") over the workbook's cells. */
function evaluate(sheets: { name: string; values: Cell[][] }[], formulas: string[]): unknown[] {
  const data: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of sheets) data[s.name] = s.values.map((r) => r.map(hfContent));
  data["calc"] = [formulas.map((f) => "=" + forHyperFormula(f))];
  const hf = HyperFormula.buildFromSheets(data, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  try {
    return hf.getSheetValues(hf.getSheetId("calc")!)[0];
  } finally {
    hf.destroy();
  }
}

describe("headcount formula = engine for every programme code", () => {
  it.each(CODES)("code %j", (code) => {
    const rates = rateRows();
    rates[0][0] = code;
    const people = DECOYS.map((d) => person("W1", { 疗休养项目: d }));
    // The code itself a few more times, and once more with the other programmes' codes.
    people.push(person("W1", { 疗休养项目: code }), person("W2"), person("N1"));
    const b = book(rosterSheet(rows(people)), ratesSheet(rates), budgetSheet());
    const a = analyse(b, { today: { y: 2024, m: 5, d: 1 } });
    const plans = planSheets(a);
    expect(plans.allocation).not.toBeNull();
    const ctx = {
      year: a.year,
      ownUnion: a.allocation!.ownUnion,
      rosters: [
        {
          sheet: "花名册",
          programCol: a.rosters[0].columns.program!.col,
          lastRow: b.sheets[0].values.length,
        },
      ],
      errorCount: 0,
      warningCount: 0,
    };
    const progs = a.allocation!.programs;
    const got = evaluate(
      b.sheets,
      progs.map((pa) => countFormula(pa, ctx))
    );
    // The count is the sign-ups (the sheet caps it by 名额 around it: cappedCountFormula).
    const want = progs.map((pa) => pa.applicants);
    expect(got).toEqual(want);
    // The programme with this code is counted (not all zero), so the comparison means something.
    expect(progs[0].applicants).toBeGreaterThanOrEqual(2);
    // And the formula that lands in the sheet is the exact count, not COUNTIFS.
    const cell = plans
      .allocation!.cells.flat()
      .find((c) => c && "formula" in c && c.formula.includes("EXACT"));
    expect(cell).toBeDefined();
    expect(JSON.stringify(plans.allocation!.cells)).not.toContain("COUNTIFS");
  });

  it("the per-sheet term counts exact texts only: 1 and TRUE as the cell shows them", () => {
    const roster = [["01"], [1], ["１"], ["001"], ["1"], [true], ["TRUE"], ["true"], [" 1"]];
    const sheets = [{ name: "R", values: roster as Cell[][] }];
    const r = "R!$A$1:$A$20";
    const got = evaluate(sheets, [
      exactCountTerm(r, "1"),
      exactCountTerm(r, "01"),
      exactCountTerm(r, "TRUE"),
      exactCountTerm(r, "１"),
      exactCountTerm(r, " 1"),
    ]);
    expect(got).toEqual([2, 1, 2, 1, 1]);
  });
});
