// computeFormulas (src/xlsx/read/compute.ts) on a read workbook: which formulas HyperFormula
// computes, which stay uncomputed and are reported, and what the computed ones are built on.
import type { Cell } from "../../src/core/types";
import type { ReadBook } from "../../src/xlsx/read";
import type { FormulaCell } from "../../src/xlsx/read/sheet";
import { computeFormulas } from "../../src/xlsx/read/compute";

function book(values: Cell[][], formulas: FormulaCell[], fullCalcOnLoad = false): ReadBook {
  return {
    sheets: [{ name: "表", state: "visible", rid: "rId1", data: { name: "表", values }, formulas }],
    date1904: false,
    fullCalcOnLoad,
    macroEnabled: false,
  } as ReadBook;
}

test("a TEXT whose number format HyperFormula does not follow is reported, and so is a formula using it", async () => {
  const b = book(
    [[null, null, null]],
    [
      { row: 0, col: 0, formula: 'TEXT(3000,"#,##0")', cached: false },
      { row: 0, col: 1, formula: 'A1&"元"', cached: false },
      { row: 0, col: 2, formula: 'TEXT(45444,"yyyy-mm-dd")', cached: false },
    ]
  );
  const out = await computeFormulas(b);
  expect(out.map((u) => [u.row, u.col])).toEqual([
    [1, 1],
    [1, 2],
  ]);
  // Left blank, never "3000,##0"; the date format is one HyperFormula follows.
  expect(b.sheets[0].data.values[0]).toEqual([null, null, "2024-06-01"]);
});

test("a formula with a stored value stands as that value for the formulas computed from it", async () => {
  // A1's stored value is what Excel computed ("3,000"); B1 has none and uses it.
  const b = book(
    [["3,000", null]],
    [
      { row: 0, col: 0, formula: 'TEXT(3000,"#,##0")', cached: true },
      { row: 0, col: 1, formula: 'A1&"元"', cached: false },
    ]
  );
  expect(await computeFormulas(b)).toEqual([]);
  expect(b.sheets[0].data.values[0]).toEqual(["3,000", "3,000元"]);
});
