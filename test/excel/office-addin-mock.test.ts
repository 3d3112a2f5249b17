// The conventional way Office add-ins are unit-tested: office-addin-mock stands in for Excel.
// It does not batch or check loads, so the strict double covers that; this shows the entry
// points also work against the mock the Office docs recommend.
import { OfficeMockObject } from "office-addin-mock";
import * as host from "../../src/excel";

describe("with office-addin-mock", () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  function install(apiSupported: boolean) {
    const office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (_name: string, version: string) =>
            apiSupported && Number(version.split(".")[1]) <= 12,
        },
        document: {
          settings: {
            get: () => null,
            set: () => undefined,
            saveAsync: (cb: (r: unknown) => void) => cb({ status: "succeeded" }),
          },
        },
      },
    });
    const excel = new OfficeMockObject({
      context: {
        workbook: {
          sheet: {
            activated: false,
            range: {
              address: "",
              selected: false,
              select: function () {
                (this as { selected: boolean }).selected = true;
              },
            },
            activate: function () {
              (this as { activated: boolean }).activated = true;
            },
            getRange: function (address: string) {
              (this as { range: { address: string } }).range.address = address;
              return (this as { range: unknown }).range;
            },
          },
          worksheets: {
            getItem: function () {
              return (excel as any).context.workbook.sheet;
            },
          },
        },
      },
      // Excel.run([options,] batch): the add-in passes run options (delayForCellEdit).
      run: async function (a: unknown, b?: (ctx: unknown) => Promise<unknown>) {
        const callback = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
        return callback((this as { context: unknown }).context);
      },
    }) as any;
    g.Office = office;
    g.Excel = excel;
    return excel;
  }

  it("goToCell activates the sheet and selects the cell", async () => {
    const excel = install(true);
    await host.goToCell("花名册", "D7");
    expect(excel.context.workbook.sheet.activated).toBe(true);
    expect(excel.context.workbook.sheet.range.address).toBe("D7");
    expect(excel.context.workbook.sheet.range.selected).toBe(true);
  });

  it("requirementProblem reads the requirement sets from Office", () => {
    install(false);
    expect(host.requirementProblem()).toMatch(/ExcelApi 1\.9/);
    install(true);
    expect(host.requirementProblem()).toBeNull();
  });
});
