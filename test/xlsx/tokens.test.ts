// The XML stream under the reader (src/xlsx/read/tokens.ts): the same events whatever size the
// pieces arrive in, entities and CDATA as text, and a part that does not nest throws.
import fc from "fast-check";
import { xmlStream, XmlError } from "../../src/xlsx/read/tokens";
import { sheetReader } from "../../src/xlsx/read/sheet";
import { sharedStringsReader } from "../../src/xlsx/read/parts";

function events(pieces: string[]): string[] {
  const out: string[] = [];
  const s = xmlStream({
    open(name, a, selfClosing) {
      const attrs = Array.from({ length: a.count }, (_, i) => `${a.names[i]}=${a.values[i]}`);
      out.push(`<${name}${attrs.map((x) => " " + x).join("")}${selfClosing ? "/" : ""}>`);
    },
    close(name) {
      out.push(`</${name}>`);
    },
    text(t) {
      // Text may come in several pieces: join neighbours so the pieces' sizes do not show.
      if (out.length > 0 && out[out.length - 1].startsWith("#")) out[out.length - 1] += t;
      else out.push("#" + t);
    },
  });
  for (const p of pieces) s.write(p);
  s.end();
  return out;
}

/** `xml` cut at the given positions. */
const cut = (xml: string, at: number[]) => {
  const points = [...new Set(at.map((x) => x % (xml.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(xml.slice(from, p));
    from = p;
  }
  out.push(xml.slice(from));
  return out;
};

const XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<x:worksheet xmlns:x="urn:main" a="1 &amp; 2"><x:sheetData><x:row r="1">` +
  `<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> 张三 &lt;b&gt; &#x4E00;&#20108;</x:t></x:is></x:c>` +
  `<x:c r="B1"><x:f>IF(A1&lt;&gt;"",1,0)</x:f><x:v>1</x:v></x:c>` +
  `<x:c r="C1" t="str"><x:v><![CDATA[<not a tag> & more]]></x:v></x:c>` +
  `<!-- a comment --><x:c r="D1" s="3"/></x:row></x:sheetData></x:worksheet>`;

describe("the XML stream", () => {
  it("gives elements, attributes and decoded text", () => {
    const e = events([XML]);
    expect(e[0]).toBe("<x:worksheet xmlns:x=urn:main a=1 & 2>");
    expect(e).toContain("# 张三 <b> 一二");
    expect(e).toContain('#IF(A1<>"",1,0)');
    expect(e).toContain("#<not a tag> & more");
    expect(e).toContain("<x:c r=D1 s=3/>");
    expect(e[e.length - 1]).toBe("</x:worksheet>");
  });

  it("gives the same events however the text is cut into pieces", () => {
    const whole = events([XML]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (at) => {
        expect(events(cut(XML, at))).toEqual(whole);
      }),
      { numRuns: 300 }
    );
    // One character at a time.
    expect(events([...XML])).toEqual(whole);
  });

  it.each([
    ["a closing tag that does not match", "<a><b></a></b>"],
    ["a part cut short", "<worksheet><sheetData><row>"],
    ["a stray closing tag", "<a></a></b>"],
    ["a second root", "<a/><b/>"],
    ["no element at all", "   "],
  ])("throws on %s", (_what, xml) => {
    expect(() => events([xml])).toThrow(XmlError);
  });

  it("a sheet read in pieces of any size gives the same cells", () => {
    const sheet =
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      Array.from(
        { length: 30 },
        (_, r) =>
          `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r % 3}</v></c><c r="B${r + 1}"><v>${r * 1.5}</v></c>` +
          `<c r="C${r + 1}" t="inlineStr"><is><t>第${r}行 &amp; 其他</t></is></c></row>`
      ).join("") +
      `</sheetData></worksheet>`;
    const read = (pieces: string[]) => {
      const r = sheetReader({ strings: ["甲", "乙", "丙"], formats: [], date1904: false });
      for (const p of pieces) r.write(p);
      return r.end().values;
    };
    const whole = read([sheet]);
    expect(whole[28]).toEqual(["乙", 42, "第28行 & 其他"]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), (at) => {
        expect(read(cut(sheet, at))).toEqual(whole);
      }),
      { numRuns: 200 }
    );
  });
});

describe("the shared strings, streamed", () => {
  const SST =
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">` +
    `<si><t>张三</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>フリガナ</t></rPh></si><si/></sst>`;
  it("in pieces of any size, the same table; an empty part is an empty table", () => {
    const read = (pieces: string[]) => {
      const r = sharedStringsReader();
      for (const p of pieces) r.write(p);
      return r.end();
    };
    expect(read([SST])).toEqual(["张三", "富文本", ""]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (at) => {
        expect(read(cut(SST, at))).toEqual(["张三", "富文本", ""]);
      }),
      { numRuns: 200 }
    );
    expect(read([])).toEqual([]);
    expect(read(["  \n"])).toEqual([]);
    expect(() => read(["<sst><si>"])).toThrow(XmlError);
  });
});
