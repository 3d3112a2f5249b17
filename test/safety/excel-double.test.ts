// Data safety inside Excel: after 校验 (marks), 清除标记, and 生成 twice, every cell value, formula
// and format of the user's own sheets is exactly what it was — on every workbook of the corpus
// and on the shipped mistakes sample. Only the add-in's removable marks come and go.
import * as fs from "fs";
import * as path from "path";
import { clearMarks, generate, validate } from "../../src/excel";
import { doubleFromXlsx } from "../../src/testing/excel-double/fromXlsx";
import type { ExcelDouble } from "../../src/testing/excel-double";
import { ALLOCATION_SHEET, REPORT_SHEET, WAITLIST_SHEET } from "../../src/core/generated";
import { CASES, caseBytes } from "../corpus/build";

const MISTAKES = path.resolve(__dirname, "../../assets/sample-2024-mistakes.xlsx");

let d: ExcelDouble | null = null;
afterEach(() => {
  d?.uninstallGlobals();
  d = null;
});

/** Everything a user could notice about a sheet: stored contents (formulas as typed) and formatting. */
function state(dbl: ExcelDouble, names: string[]) {
  return names.map((n) => ({
    name: n,
    contents: dbl.contents(n),
    values: dbl.values(n),
    formats: dbl.formatState(n),
  }));
}
/** The same without conditional formats (the add-in's marks live there). */
function withoutMarks(s: ReturnType<typeof state>) {
  return s.map((x) => ({
    ...x,
    formats: { ...(x.formats as object), conditionalFormats: undefined },
  }));
}

async function exercise(bytes: Buffer): Promise<void> {
  d = await doubleFromXlsx(bytes);
  d.installGlobals();
  const userSheets = d.sheetNames();
  const before = state(d, userSheets);

  const a = await validate({});
  expect(withoutMarks(state(d, userSheets))).toEqual(withoutMarks(before));
  await clearMarks();
  expect(state(d, userSheets)).toEqual(before);

  // Generate twice (forced, so workbooks with errors are written too), validating in between.
  for (let k = 0; k < 2; k++) {
    const g = await generate({}, { force: true });
    await validate({});
    await clearMarks();
    expect(state(d, userSheets)).toEqual(before);
    if (a.allocation) {
      expect(g.blocked).toBe(false);
      // Regenerating replaces the add-in's sheets: never a second copy.
      const generated = d.sheetNames().filter((n) => !userSheets.includes(n));
      // 名额与候补 too while a programme is oversubscribed.
      const over = g.analysis.selection.some((x) => x.oversubscribed) ? [WAITLIST_SHEET] : [];
      expect(generated.sort()).toEqual([ALLOCATION_SHEET, REPORT_SHEET, ...over].sort());
    } else {
      expect(g.blocked).toBe(true);
      expect(d.sheetNames()).toEqual(userSheets);
    }
  }
}

describe("the user's sheets never change in Excel", () => {
  it("on the shipped sample with mistakes", async () => {
    await exercise(fs.readFileSync(MISTAKES));
  });

  it.each(CASES.filter((c) => c.exit !== 2).map((c) => [c.file, c] as const))(
    "on corpus workbook %s",
    async (_f, c) => {
      await exercise(await caseBytes(c));
    }
  );
});
