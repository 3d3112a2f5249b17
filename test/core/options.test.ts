// One parsing of the user's options for every entry point: the same bounds in pane and CLI.
import { OPTION_BOUNDS, parseNumericOption, parseOptions } from "../../src/core/options";
import { parseArgs } from "../../src/cli/main";

describe("parseOptions", () => {
  it("keeps values within the bounds and trims the own union", () => {
    expect(
      parseOptions({ ownUnion: " 高新区总工会 ", year: "2024", nearRetirementMonths: 0 })
    ).toEqual({
      options: { ownUnion: "高新区总工会", year: 2024, nearRetirementMonths: 0 },
      problems: [],
    });
  });

  it("blank means default; out of bounds or not a whole number is a problem and left out", () => {
    const r = parseOptions({ ownUnion: "", year: "5", nearRetirementMonths: "2.5" });
    expect(r.options).toEqual({});
    expect(r.problems).toEqual([
      { option: "year", text: "5", min: 2000, max: 2100 },
      { option: "nearRetirementMonths", text: "2.5", min: 0, max: 120 },
    ]);
    expect(parseOptions({ year: "", nearRetirementMonths: undefined })).toEqual({
      options: {},
      problems: [],
    });
  });

  it.each([
    ["year", "1999", false],
    ["year", "2000", true],
    ["year", "2100", true],
    ["year", "2101", false],
    ["nearRetirementMonths", "-1", false],
    ["nearRetirementMonths", "0", true],
    ["nearRetirementMonths", "120", true],
    ["nearRetirementMonths", "121", false],
    ["nearRetirementMonths", "１２", false],
    ["perYear", "0", false],
    ["perYear", "1", true],
    ["perYear", "10", true],
    ["perYear", "11", false],
    ["historyYears", "-1", false],
    ["historyYears", "0", true],
    ["historyYears", "20", true],
    ["historyYears", "21", false],
    ["dailyCap", "0", false],
    ["dailyCap", "500", true],
    ["dailyCap", "500.5", false],
    ["annualCap", "3000", true],
    ["annualCap", "10000001", false],
  ] as const)("%s %s accepted: %s — and the CLI agrees", (option, text, ok) => {
    expect(parseNumericOption(option, text).problem === undefined).toBe(ok);
    const flag = {
      year: "--year",
      nearRetirementMonths: "--near-months",
      perYear: "--per-year",
      historyYears: "--history-years",
      dailyCap: "--daily-cap",
      annualCap: "--annual-cap",
    }[option];
    if (ok) expect(parseArgs([flag, text]).options[option]).toBe(Number(text));
    else expect(() => parseArgs([flag, text])).toThrow(flag);
  });

  it("the bounds are the documented ones", () => {
    expect(OPTION_BOUNDS).toEqual({
      year: { min: 2000, max: 2100 },
      nearRetirementMonths: { min: 0, max: 120 },
      perYear: { min: 1, max: 10 },
      historyYears: { min: 0, max: 20 },
      dailyCap: { min: 1, max: 100000 },
      annualCap: { min: 1, max: 10000000 },
    });
  });
});
