// Saving without rewriting the user's sheets: the generated sheets are rendered by ExcelJS into a
// small scratch workbook, and their parts are added to the input .xlsx zip, whose other parts stay
// byte for byte as they were (charts, pivot tables and anything ExcelJS cannot read survive too).
// On a 100,000-row roster this takes well under a second and little memory, where re-serialising
// the whole ExcelJS model took ~9 s and 2 GB. Anything unexpected throws; the caller then falls
// back to a full ExcelJS write.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan } from "../core/plan";
import type { WrittenSheet } from "../app/port";
import { freeSheetName, markerName, markerTarget, sheetOfMarker } from "../core/generated";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_REL = REL_NS + "/worksheet";
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export class PatchUnsupported extends Error {}

const fail = (why: string): never => {
  throw new PatchUnsupported(why);
};

function escAttr(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function escText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(
    tag
  );
  return m ? unescXml(m[2] ?? m[3]) : null;
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) fail(`missing part ${path}`);
  return f!.async("string");
}

/** Elements <tag …/> or <tag …>…</tag> (no nesting of the same tag) inside a block. */
function elements(block: string, tag: string): string[] {
  return (
    block.match(new RegExp(`<${tag}\\b[^>]*/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, "g")) ?? []
  );
}

/** The inner text of <tag …>…</tag> (first one), with its opening tag; null when absent or self-closed. */
function block(
  xml: string,
  tag: string
): { open: string; inner: string; start: number; end: number } | null {
  const m = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!m) return null;
  if (m[1] === "/") return { open: m[0], inner: "", start: m.index, end: m.index + m[0].length };
  const close = xml.indexOf(`</${tag}>`, m.index);
  if (close < 0) fail(`unclosed <${tag}>`);
  return {
    open: m[0],
    inner: xml.slice(m.index + m[0].length, close),
    start: m.index,
    end: close + tag.length + 3,
  };
}

function setBlock(
  xml: string,
  tag: string,
  items: string[],
  attrs: Record<string, string> = {}
): string {
  const b = block(xml, tag);
  if (!b) fail(`no <${tag}>`);
  let open = b!.open.replace(/\/>$/, ">");
  for (const [k, v] of Object.entries(attrs)) {
    open = new RegExp(`\\s${k}="[^"]*"`).test(open)
      ? open.replace(new RegExp(`(\\s${k}=")[^"]*(")`), `$1${v}$2`)
      : open.replace(/>$/, ` ${k}="${v}">`);
  }
  return xml.slice(0, b!.start) + open + items.join("") + `</${tag}>` + xml.slice(b!.end);
}

interface SheetEntry {
  tag: string;
  name: string;
  rid: string;
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function absRange(a1: string): string {
  return a1
    .split(":")
    .map((p) => p.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

/** Render the plans with ExcelJS into a scratch workbook (same cells and formats as addPlans). */
async function renderScratch(
  named: { plan: SheetPlan; name: string }[],
  writePlan: (ws: ExcelJS.Worksheet, plan: SheetPlan) => void
): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  for (const { plan, name } of named) {
    const ws = wb.addWorksheet(name, {
      properties: { tabColor: { argb: "FF" + plan.tabColor.slice(1).toUpperCase() } },
    });
    writePlan(ws, { ...plan, name });
  }
  const buf = await wb.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions);
  return JSZip.loadAsync(buf as ArrayBuffer);
}

interface StyleMerge {
  xfOffset: number;
  styles: string;
}

/** Append the scratch workbook's fonts, fills, borders, number formats and cell formats to the input's. */
function mergeStyles(target: string, scratch: string): StyleMerge {
  const list = (xml: string, outer: string, inner: string) => {
    const b = block(xml, outer);
    return b ? elements(b.inner, inner) : [];
  };
  // Number formats: ids from 164 up are the workbook's own.
  const tFmts = list(target, "numFmts", "numFmt");
  const sFmts = list(scratch, "numFmts", "numFmt");
  const codeToId = new Map(tFmts.map((f) => [attr(f, "formatCode")!, Number(attr(f, "numFmtId"))]));
  let nextFmt = Math.max(163, ...tFmts.map((f) => Number(attr(f, "numFmtId")))) + 1;
  const fmtMap = new Map<number, number>();
  const addFmts: string[] = [];
  for (const f of sFmts) {
    const id = Number(attr(f, "numFmtId"));
    const code = attr(f, "formatCode")!;
    let to = codeToId.get(code);
    if (to === undefined) {
      to = nextFmt++;
      codeToId.set(code, to);
      addFmts.push(`<numFmt numFmtId="${to}" formatCode="${escAttr(code)}"/>`);
    }
    fmtMap.set(id, to);
  }
  let out = target;
  if (addFmts.length > 0) {
    const all = [...tFmts, ...addFmts];
    if (block(out, "numFmts")) out = setBlock(out, "numFmts", all, { count: String(all.length) });
    else {
      const fonts = block(out, "fonts");
      if (!fonts) fail("styles without <fonts>");
      out =
        out.slice(0, fonts!.start) +
        `<numFmts count="${all.length}">${all.join("")}</numFmts>` +
        out.slice(fonts!.start);
    }
  }
  const offsets: Record<string, number> = {};
  for (const [outer, inner] of [
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
  ] as const) {
    const t = list(out, outer, inner);
    const s = list(scratch, outer, inner);
    if (!block(out, outer)) fail(`styles without <${outer}>`);
    offsets[inner] = t.length;
    out = setBlock(out, outer, [...t, ...s], { count: String(t.length + s.length) });
  }
  const tXfs = list(out, "cellXfs", "xf");
  const sXfs = list(scratch, "cellXfs", "xf");
  if (tXfs.length === 0) fail("styles without <cellXfs>");
  const moved = sXfs.map((xf) =>
    xf.replace(/\s(numFmtId|fontId|fillId|borderId|xfId)="(\d+)"/g, (_, k: string, v: string) => {
      const n = Number(v);
      if (k === "numFmtId") return ` numFmtId="${n >= 164 ? (fmtMap.get(n) ?? 0) : n}"`;
      if (k === "xfId") return ` xfId="0"`;
      return ` ${k}="${n + offsets[k.replace("Id", "")]}"`;
    })
  );
  out = setBlock(out, "cellXfs", [...tXfs, ...moved], {
    count: String(tXfs.length + moved.length),
  });
  return { xfOffset: tXfs.length, styles: out };
}

/** Shared-string cells as inline strings (ExcelJS always writes a shared-string table; ours is not copied). */
function inlineStrings(sheetXml: string, sst: string[]): string {
  return sheetXml.replace(
    /(<c\b[^>]*?\s)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_, a: string, b: string, n: string) => {
      const si = sst[Number(n)];
      if (si === undefined) fail(`shared string ${n} missing`);
      return `${a}t="inlineStr"${b}><is>${si}</is></c>`;
    }
  );
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return elements(xml, "si").map((si) =>
    si
      .replace(/^<si\b[^>]*>/, "")
      .replace(/<\/si>$/, "")
      .replace(/^<si\b[^>]*\/>$/, "")
  );
}

function shiftStyles(sheetXml: string, offset: number): string {
  return sheetXml
    .replace(/(<c\b[^>]*?\ss=")(\d+)(")/g, (_, a, n, b) => a + (Number(n) + offset) + b)
    .replace(/(<row\b[^>]*?\ss=")(\d+)(")/g, (_, a, n, b) => a + (Number(n) + offset) + b)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)(")/g, (_, a, n, b) => a + (Number(n) + offset) + b);
}

/**
 * The input .xlsx plus the plans as sheets: a sheet this tool generated before (marked by the
 * marker name, core/generated.ts) is replaced; a user sheet is never touched, so a plan whose
 * name is taken gets "name(2)". Returns the new file and the names used.
 */
export async function patchWorkbook(
  source: Buffer | ArrayBuffer,
  plans: SheetPlan[],
  writePlan: (ws: ExcelJS.Worksheet, plan: SheetPlan) => void
): Promise<{ buffer: Buffer; written: WrittenSheet[] }> {
  const zip = await JSZip.loadAsync(source);
  const rootRels = await text(zip, "_rels/.rels");
  const officeDoc = elements(rootRels, "Relationship").find((r) =>
    /\/officeDocument$/.test(attr(r, "Type") ?? "")
  );
  if (!officeDoc || attr(officeDoc, "Target")!.replace(/^\//, "") !== "xl/workbook.xml")
    fail("workbook is not xl/workbook.xml");
  let wbXml = await text(zip, "xl/workbook.xml");
  let relsXml = await text(zip, "xl/_rels/workbook.xml.rels");
  let ctXml = await text(zip, "[Content_Types].xml");
  const stylesPath = "xl/styles.xml";
  const stylesXml = await text(zip, stylesPath);

  const nsMatch = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(
    wbXml.slice(0, wbXml.indexOf(">", wbXml.indexOf("<workbook")) + 1)
  );
  if (!nsMatch) fail("workbook.xml without the relationships namespace");
  const r = nsMatch![1];

  const sheetsBlock = block(wbXml, "sheets");
  if (!sheetsBlock) fail("no <sheets>");
  let sheets: SheetEntry[] = elements(sheetsBlock!.inner, "sheet").map((tag) => ({
    tag,
    name: attr(tag, "name")!,
    rid: attr(tag, `${r}:id`)!,
  }));
  const rels = elements(relsXml, "Relationship");
  const relTarget = (rid: string) => {
    const rel = rels.find((x) => attr(x, "Id") === rid);
    if (!rel) fail(`no relationship ${rid}`);
    const t = attr(rel!, "Target")!;
    return t.startsWith("/") ? t.slice(1) : "xl/" + t;
  };

  const dnBlock = block(wbXml, "definedNames");
  let names = dnBlock ? elements(dnBlock.inner, "definedName") : [];
  const roles = new Set(plans.map((p) => p.role));
  const oldMarks = names.filter((d) =>
    [...roles].some((role) => attr(d, "name") === markerName(role))
  );

  // Remove the sheets this tool generated before.
  let removedAny = false;
  for (const mark of oldMarks) {
    const body = unescXml(
      mark.replace(/^<definedName\b[^>]*>/, "").replace(/<\/definedName>$/, "")
    );
    for (const ref of body.split(",")) {
      const name = sheetOfMarker(ref);
      const idx = sheets.findIndex((s) => s.name === name);
      if (name === null || idx < 0) continue;
      const part = relTarget(sheets[idx].rid);
      zip.remove(part);
      zip.remove(part.replace(/([^/]+)$/, "_rels/$1.rels"));
      ctXml = ctXml.replace(
        new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[./]/g, "\\$&")}"[^>]*/>`),
        ""
      );
      relsXml = relsXml.replace(
        rels.find((x) => attr(x, "Id") === sheets[idx].rid)!,
        ""
      );
      // Names local to later sheets move up by one; names local to this sheet go.
      names = names
        .filter((d) => attr(d, "localSheetId") !== String(idx))
        .map((d) => {
          const l = attr(d, "localSheetId");
          return l !== null && Number(l) > idx
            ? d.replace(/(\slocalSheetId=")(\d+)(")/, (_, a, n, b) => a + (Number(n) - 1) + b)
            : d;
        });
      sheets = sheets.filter((_, k) => k !== idx);
      removedAny = true;
    }
  }
  names = names.filter((d) => !oldMarks.includes(d));
  if (removedAny) {
    // The calculation chain may list cells of the removed sheets; Excel rebuilds it when absent.
    const calc = rels.find((x) => /\/calcChain$/.test(attr(x, "Type") ?? ""));
    if (calc) {
      zip.remove(relTarget(attr(calc, "Id")!));
      relsXml = relsXml.replace(calc, "");
      ctXml = ctXml.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, "");
    }
  }

  // Names: a user sheet of the same name is never replaced.
  const taken = new Set(sheets.map((s) => s.name));
  const named = plans.map((plan) => {
    const name = freeSheetName(plan.name, taken);
    taken.add(name);
    return { plan, name, renamed: name !== plan.name };
  });

  const scratch = await renderScratch(named, writePlan);
  const merged = mergeStyles(stylesXml, await text(scratch, "xl/styles.xml"));
  const sstPart = scratch.file("xl/sharedStrings.xml");
  const sst = sharedStrings(sstPart ? await sstPart.async("string") : null);
  zip.file(stylesPath, merged.styles);

  let maxSheetId = Math.max(
    0,
    ...elements(sheetsBlock!.inner, "sheet").map((t) => Number(attr(t, "sheetId")) || 0)
  );
  const usedParts = new Set(Object.keys(zip.files));
  let partNo = 1;
  const relIds = new Set(rels.map((x) => attr(x, "Id")));
  let ridNo = 1;
  const newSheetTags: string[] = [];
  const newRels: string[] = [];
  const newCts: string[] = [];
  for (const [k, { plan, name }] of named.entries()) {
    while (usedParts.has(`xl/worksheets/sheet${partNo}.xml`)) partNo++;
    const part = `xl/worksheets/sheet${partNo}.xml`;
    usedParts.add(part);
    while (relIds.has(`rIdLxy${ridNo}`)) ridNo++;
    const rid = `rIdLxy${ridNo}`;
    relIds.add(rid);
    const scratchPart = `xl/worksheets/sheet${k + 1}.xml`;
    zip.file(
      part,
      shiftStyles(inlineStrings(await text(scratch, scratchPart), sst), merged.xfOffset)
    );
    const scratchRels = scratch.file(`xl/worksheets/_rels/sheet${k + 1}.xml.rels`);
    if (scratchRels)
      zip.file(
        `xl/worksheets/_rels/sheet${partNo}.xml.rels`,
        await scratchRels.async("nodebuffer")
      );
    newSheetTags.push(
      `<sheet name="${escAttr(name)}" sheetId="${++maxSheetId}" ${r}:id="${rid}"/>`
    );
    newRels.push(
      `<Relationship Id="${rid}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${partNo}.xml"/>`
    );
    newCts.push(`<Override PartName="/${part}" ContentType="${WORKSHEET_CT}"/>`);
    const local = sheets.length + k;
    names.push(
      `<definedName name="${markerName(plan.role)}">${escText(markerTarget(name))}</definedName>`
    );
    if (plan.printArea)
      names.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${local}">${escText(quoteSheet(name) + "!" + absRange(plan.printArea))}</definedName>`
      );
  }

  wbXml = setBlock(wbXml, "sheets", [...sheets.map((s) => s.tag), ...newSheetTags]);
  if (block(wbXml, "definedNames")) wbXml = setBlock(wbXml, "definedNames", names);
  else {
    const after = block(wbXml, "externalReferences") ?? block(wbXml, "sheets")!;
    wbXml =
      wbXml.slice(0, after.end) +
      `<definedNames>${names.join("")}</definedNames>` +
      wbXml.slice(after.end);
  }
  // The active tab must still exist.
  const count = sheets.length + named.length;
  wbXml = wbXml.replace(/<workbookView\b[^>]*>/g, (tag) =>
    tag.replace(/(\s(?:activeTab|firstSheet)=")(\d+)(")/g, (m, a, n, b) =>
      Number(n) >= count ? a + "0" + b : m
    )
  );
  zip.file("xl/workbook.xml", wbXml);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    relsXml.replace("</Relationships>", newRels.join("") + "</Relationships>")
  );
  zip.file("[Content_Types].xml", ctXml.replace("</Types>", newCts.join("") + "</Types>"));

  const buffer = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  return {
    buffer,
    written: named.map(({ plan, name, renamed }) => ({ role: plan.role, name, renamed })),
  };
}
