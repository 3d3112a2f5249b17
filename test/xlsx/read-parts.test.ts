// The streaming reader on hand-made packages: each feature real writers use, one at a time
// (namespace declarations anywhere, inline and rich strings, no sharedStrings part, cached
// values of every type, 1904 dates, built-in date formats, shared formulas, absolute targets,
// chart sheets and sheet states), and formulas computed when no value is stored.
import { strToU8, zipSync } from "fflate";
import { readXlsx } from "../../src/xlsx/read";
import { shiftFormula } from "../../src/xlsx/read/formula";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { analyse } from "../../src/core/engine";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

interface Pkg {
  workbook?: string;
  /** Worksheet XML by sheet name, in tab order. */
  sheets: Record<string, string>;
  sst?: string;
  styles?: string;
  /** Targets as written in workbook.xml.rels ("worksheets/sheet1.xml" by default). */
  target?: (n: number) => string;
  extraSheetTags?: string;
  extraRels?: string;
  extraParts?: Record<string, string>;
}

function pkg(p: Pkg, level: 0 | 6 = 6): Uint8Array {
  const names = Object.keys(p.sheets);
  const target = p.target ?? ((n: number) => `worksheets/sheet${n}.xml`);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`
    ),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    "xl/workbook.xml": strToU8(
      p.workbook ??
        `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${names
          .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join("")}${p.extraSheetTags ?? ""}</sheets></workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="${PKG}">${names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="${target(i + 1)}"/>`
        )
        .join(
          ""
        )}${p.sst ? `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${p.styles ? `<Relationship Id="rIdT" Type="${R}/styles" Target="/xl/styles.xml"/>` : ""}${p.extraRels ?? ""}</Relationships>`
    ),
  };
  names.forEach((n, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(p.sheets[n]);
  });
  if (p.sst) files["xl/sharedStrings.xml"] = strToU8(p.sst);
  if (p.styles) files["xl/styles.xml"] = strToU8(p.styles);
  for (const [k, v] of Object.entries(p.extraParts ?? {})) files[k] = strToU8(v);
  return zipSync(files, { level });
}

const sheet = (rows: string, root = `<worksheet xmlns="${MAIN}">`, close = "</worksheet>") =>
  `${root}<sheetData>${rows}</sheetData>${close}`;

describe("the streaming reader", () => {
  it("reads every kind of cell value, inline and rich strings, without a sharedStrings part", async () => {
    const book = await readXlsx(
      pkg({
        sheets: {
          S: sheet(
            `<row r="1"><c r="A1" t="inlineStr"><is><t>花名册</t></is></c><c r="B1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh><t>zhang</t></rPh></is></c>` +
              `<c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1"><v>3000.5</v></c>` +
              `<c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="H1" t="b"><f>1=0</f><v>0</v></c></row>` +
              `<row><c t="inlineStr"><is><t xml:space="preserve"> 空格 </t></is></c></row>`
          ),
        },
      })
    );
    const s = book.sheets[0];
    expect(s.data.values).toEqual([
      ["花名册", "张三", true, "#N/A", 3000.5, "ab", null, false],
      [" 空格 ", null, null, null, null, null, null, null],
    ]);
    expect(s.formulas.map((f) => [f.row, f.col, f.formula, f.cached])).toEqual([
      [0, 5, '"a"&"b"', true],
      [0, 7, "1=0", true],
    ]);
  });

  it("reads stored (uncompressed) parts the same as deflated ones", async () => {
    const p: Pkg = {
      sheets: {
        S: sheet(
          `<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1"><v>2</v></c></row>`
        ),
      },
    };
    const deflated = await readXlsx(pkg(p, 6));
    const stored = await readXlsx(pkg(p, 0));
    expect(stored.sheets[0].data).toEqual(deflated.sheets[0].data);
    expect(stored.sheets[0].data.values).toEqual([["甲", 2]]);
  });

  it("reads shared strings with rich text, and namespace prefixes declared anywhere", async () => {
    const sst = `<x:sst xmlns:x="${MAIN}"><x:si><x:t>甲</x:t></x:si><x:si><x:r><x:t>乙</x:t></x:r><x:r><x:t>丙</x:t></x:r></x:si></x:sst>`;
    // The main namespace bound to a prefix on <sheetData>, and a foreign element named like ours.
    const ws =
      `<worksheet xmlns="urn:not-spreadsheetml"><c r="Z9"><v>99</v></c>` +
      `<s:sheetData xmlns:s="${MAIN}"><s:row r="2"><s:c r="B2" t="s"><s:v>1</s:v></s:c>` +
      `<s:c r="C2" t="s"><s:v>0</s:v></s:c></s:row></s:sheetData></worksheet>`;
    const book = await readXlsx(pkg({ sheets: { S: ws }, sst }));
    expect(book.sheets[0].data.values).toEqual([
      [null, null, null],
      [null, "乙丙", "甲"],
    ]);
  });

  it("turns date-formatted serials of a 1904 workbook into 1900-system serials (built-in and custom formats)", async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const wb = `<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr date1904="true"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const book = await readXlsx(
      pkg({
        workbook: wb,
        styles,
        sheets: {
          S: sheet(
            `<row r="1"><c r="A1" s="1"><v>43982</v></c><c r="B1" s="2"><v>43982</v></c><c r="C1"><v>43982</v></c></row>`
          ),
        },
      })
    );
    expect(book.date1904).toBe(true);
    // 43982 in the 1904 system is 2024-06-01, serial 45444 in the 1900 system.
    expect(book.sheets[0].data.values).toEqual([[45444, 45444, 43982]]);
    expect(book.sheets[0].data.numberFormats).toEqual([["mm-dd-yy", 'yyyy"年"m"月"d"日"', ""]]);
  });

  it("follows absolute targets, skips chart sheets, keeps sheet states", async () => {
    const wb = `<workbook xmlns="${MAIN}"><sheets><sheet name="图表" sheetId="9" xmlns:r="${R}" r:id="rIdC"/><sheet name="A" sheetId="1" xmlns:q="${R}" q:id="rId1"/><sheet name="B" sheetId="2" state="hidden" xmlns:r="${R}" r:id="rId2"/><sheet name="C" sheetId="3" state="veryHidden" xmlns:r="${R}" r:id="rId3"/></sheets></workbook>`;
    const book = await readXlsx(
      pkg({
        workbook: wb,
        sheets: {
          A: sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`),
          B: sheet(`<row r="1"><c r="A1"><v>2</v></c></row>`),
          C: sheet(`<row r="1"><c r="A1"><v>3</v></c></row>`),
        },
        target: (n) => `/xl/worksheets/sheet${n}.xml`,
        extraRels: `<Relationship Id="rIdC" Type="${R}/chartsheet" Target="/xl/chartsheets/sheet1.xml"/>`,
        extraParts: { "xl/chartsheets/sheet1.xml": `<chartsheet xmlns="${MAIN}"/>` },
      })
    );
    expect(book.sheets.map((s) => [s.name, s.state, s.data.values])).toEqual([
      ["A", "visible", [[1]]],
      ["B", "hidden", [[2]]],
      ["C", "veryHidden", [[3]]],
    ]);
  });

  it("expands shared formulas and computes formulas that have no stored value", async () => {
    const ws = sheet(
      `<row r="1"><c r="A1"><v>10</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1</f></c></row>` +
        `<row r="2"><c r="A2"><v>20</v></c><c r="B2"><f t="shared" si="0"/></c></row>` +
        `<row r="3"><c r="A3"><v>30</v></c><c r="B3"><f t="shared" si="0"/></c><c r="C3"><f>FOOBAR(1)</f></c></row>`
    );
    const x = await XlsxWorkbook.fromBuffer(pkg({ sheets: { S: ws } }));
    const data = await x.readWorkbook();
    expect(data.sheets[0].values).toEqual([
      [10, 30, null],
      [20, 50, null],
      [30, 70, null],
    ]);
    expect(data.sheets[0].formulasWithoutValue).toEqual([{ row: 3, col: 3, formula: "FOOBAR(1)" }]);
  });

  it("recomputes every formula when the file asks for it (XlsxWriter's stored 0)", async () => {
    const wb = `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><calcPr fullCalcOnLoad="1"/></workbook>`;
    const ws = sheet(
      `<row r="1"><c r="A1"><f>2200+800</f><v>0</v></c><c r="B1"><f>1/3</f><v>0</v></c></row>`
    );
    const data = await (
      await XlsxWorkbook.fromBuffer(pkg({ workbook: wb, sheets: { S: ws } }))
    ).readWorkbook();
    expect(data.sheets[0].values[0][0]).toBe(3000);
    expect(data.sheets[0].values[0][1]).toBe(1 / 3); // as Excel stores it, not rounded to 11 digits
  });
});

describe("shiftFormula", () => {
  it("moves relative references, keeps anchored parts, strings, sheet names and function names", () => {
    expect(shiftFormula("A1*2+$A$1+A$1+$A1", 2, 1)).toBe("B3*2+$A$1+B$1+$A3");
    expect(shiftFormula(`'Sheet A1'!B2&"C3"&LOG10(D4)`, 1, 0)).toBe(`'Sheet A1'!B3&"C3"&LOG10(D5)`);
    expect(shiftFormula("SUM(B2:B9)", -1, 0)).toBe("SUM(B1:B8)");
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
  });
});

describe("FORMULA_NO_VALUE", () => {
  it("replaces whatever a blank would have said about that cell", () => {
    const rates = [
      ["编号", "项目名称", "人均标准（元）", "名额", "省总工会承担"],
      ["W1", "一线职工疗休养", null, 2, "全额"],
    ];
    const plain = analyse({ sheets: [{ name: "项目费率", values: rates }] });
    const gap = analyse({
      sheets: [
        {
          name: "项目费率",
          values: rates,
          formulasWithoutValue: [{ row: 2, col: 3, formula: "UNIONRATE(1)" }],
        },
      ],
    });
    const at = (a: typeof plain) =>
      a.issues.filter((i) => i.row === 2 && i.col === 3).map((i) => i.code);
    expect(at(plain).length).toBeGreaterThan(0);
    expect(at(plain)).not.toContain("FORMULA_NO_VALUE");
    expect(at(gap)).toEqual(["FORMULA_NO_VALUE"]);
    expect(gap.issues.find((i) => i.code === "FORMULA_NO_VALUE")!.message).toContain(
      "UNIONRATE(1)"
    );
  });
});
