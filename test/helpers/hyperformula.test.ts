// The HyperFormula helper other tests rely on: it must see a workbook as Excel does.
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { evaluateWorkbook, forHyperFormula } from "./hyperformula";

describe("evaluateWorkbook", () => {
  it("reads values as Excel holds them and evaluates formulas across sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("It's 名单");
    a.getCell("A1").value = "合并标题";
    a.mergeCells("A1:C1");
    a.getCell("A2").value = new Date(Date.UTC(2024, 5, 1));
    a.getCell("B2").value = { richText: [{ text: "富" }, { text: "文本" }] };
    a.getCell("C2").value = { text: "链接", hyperlink: "https://example.org" };
    a.getCell("A3").value = "=1+2";
    a.getCell("B3").value = "2200";
    a.getCell("C3").value = "TRUE";
    a.getCell("A4").value = 10;
    a.getCell("B4").value = { formula: "A4*2", result: 20 };
    a.getCell("B5").value = { sharedFormula: "B4", result: 0 } as unknown as ExcelJS.CellValue;
    a.getCell("A5").value = 7;
    const b = wb.addWorksheet("汇总");
    b.getCell("A1").value = { formula: "COUNTIFS('It''s 名单'!$A:$A,\"=10\")", result: 1 };
    b.getCell("A2").value = { formula: "SUM('It''s 名单'!B4:B5)", result: 34 };
    b.getCell("A3").value = { formula: "'It''s 名单'!B3&\"元\"", result: "2200元" };
    b.getCell("A4").value = { formula: 'LEN("a""b")', result: 3 };
    const ev = await evaluateWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ev.sheetValues("It's 名单").slice(0, 3)).toEqual([
      ["合并标题"], // the merged cells B1:C1 are empty (trailing blanks are trimmed)
      [45444, "富文本", "链接"],
      ["=1+2", "2200", "TRUE"],
    ]);
    expect(ev.value("It's 名单", "B5")).toBe(14); // the shared formula, translated to A5*2
    expect(ev.value("汇总", "A1")).toBe(1);
    expect(ev.value("汇总", "A2")).toBe(34);
    expect(ev.value("汇总", "A3")).toBe("2200元");
    expect(ev.value("汇总", "A4")).toBe(3);
    expect(ev.formula("汇总", "A2")).toBe("=SUM('It''s 名单'!B4:B5)");
  });
});

describe("forHyperFormula", () => {
  it("rewrites doubled quotes inside strings and leaves quoted sheet names alone", () => {
    expect(forHyperFormula(`COUNTIFS('It''s'!$H:$H,"=a""b")`)).toBe(
      `COUNTIFS('It''s'!$H:$H,("=a"&CHAR(34)&"b"))`
    );
    expect(forHyperFormula(`'a"b'!A1&"x"`)).toBe(`'a"b'!A1&"x"`);
  });

  it("quotes an unquoted sheet name with CJK letters (as Excel writes =参数!B2), nothing else", () => {
    expect(forHyperFormula("SUM(参数!B1:B3)+Sheet1!A1")).toBe("SUM('参数'!B1:B3)+Sheet1!A1");
    expect(forHyperFormula("-项目费率!$H$3*2")).toBe("-'项目费率'!$H$3*2");
    expect(forHyperFormula(`IF(花名册!C3="男",1,0)`)).toBe(`IF('花名册'!C3="男",1,0)`);
    expect(forHyperFormula(`"参数!B1"&'参数'!B1`)).toBe(`"参数!B1"&'参数'!B1`);
    expect(forHyperFormula("[1]参数!A1")).toBe("[1]参数!A1"); // another file: stays unresolved
  });

  it("calls TRUE and FALSE written as values, and leaves names, sheets, strings and calls alone", () => {
    expect(forHyperFormula("VLOOKUP(A3,参数!$A$1:$B$10,2,FALSE)")).toBe(
      "VLOOKUP(A3,'参数'!$A$1:$B$10,2,FALSE())"
    );
    expect(forHyperFormula("IF(true,1,0)+AND(TRUE(),x)")).toBe("IF(true(),1,0)+AND(TRUE(),x)");
    expect(forHyperFormula(`IF(A1="FALSE",FALSE!A1,TRUE_X)`)).toBe(
      `IF(A1="FALSE",FALSE!A1,TRUE_X)`
    );
  });

  it("drops the _xlfn. prefix files store before newer functions (not inside strings)", () => {
    expect(forHyperFormula(`_xlfn.IFS(A1>0,"_xlfn.x")+_xlfn._xlws.SORT(B1:B3)`)).toBe(
      `IFS(A1>0,"_xlfn.x")+SORT(B1:B3)`
    );
    expect(forHyperFormula("_xludf.MYFN(1)")).toBe("_xludf.MYFN(1)");
  });

  it("lets HyperFormula compute a reference to a sheet with a CJK name", () => {
    const hf = HyperFormula.buildFromSheets(
      {
        参数: [["W1", 3000]],
        表: [
          [
            "=" + forHyperFormula("参数!B1*2"),
            "=" + forHyperFormula('VLOOKUP("W1",参数!A1:B1,2,FALSE)'),
          ],
        ],
      },
      { licenseKey: "gpl-v3" }
    );
    expect(hf.getSheetValues(hf.getSheetId("表")!)).toEqual([[6000, 3000]]);
    hf.destroy();
  });
});
