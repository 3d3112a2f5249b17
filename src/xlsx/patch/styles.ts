// xl/styles.xml: the generated sheets' number formats, fonts, fills, borders and cell formats
// (render.ts) are appended to the input's; the sheets are written with their indexes shifted.
import { attr, block, elements, escAttr, setBlock } from "./xml";
import { fail } from "./unsupported";
import { maxOf } from "../../core/max";

export interface StyleMerge {
  /** Where the generated sheets' cell formats start in the merged <cellXfs>. */
  xfOffset: number;
  styles: string;
}

/** The <inner> elements of the first <outer> block. */
function list(xml: string, outer: string, inner: string): string[] {
  const b = block(xml, outer);
  return b ? elements(b.inner, inner) : [];
}

/** The input's number formats plus the generated styles' new codes; `ids` maps generated ids to merged ones. */
function mergeNumFmts(
  target: string,
  generated: string
): { styles: string; ids: Map<number, number> } {
  // Number formats: ids from 164 up are the workbook's own.
  const tFmts = list(target, "numFmts", "numFmt");
  const sFmts = list(generated, "numFmts", "numFmt");
  const codeToId = new Map(tFmts.map((f) => [attr(f, "formatCode")!, Number(attr(f, "numFmtId"))]));
  let nextFmt =
    maxOf(
      tFmts.map((f) => Number(attr(f, "numFmtId"))),
      163
    ) + 1;
  const ids = new Map<number, number>();
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
    ids.set(id, to);
  }
  if (addFmts.length === 0) return { styles: target, ids };
  return { styles: withNumFmts(target, [...tFmts, ...addFmts]), ids };
}

/** <numFmts> replaced, or added before <fonts>. */
function withNumFmts(styles: string, all: string[]): string {
  if (block(styles, "numFmts"))
    return setBlock(styles, "numFmts", all, { count: String(all.length) });
  const fonts = block(styles, "fonts");
  if (!fonts) fail("styles without <fonts>");
  return (
    styles.slice(0, fonts!.start) +
    `<numFmts count="${all.length}">${all.join("")}</numFmts>` +
    styles.slice(fonts!.start)
  );
}

/** Fonts, fills and borders appended; the offsets are keyed "font", "fill", "border". */
function appendParts(
  target: string,
  generated: string
): { styles: string; offsets: Record<string, number> } {
  let out = target;
  const offsets: Record<string, number> = {};
  for (const [outer, inner] of [
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
  ] as const) {
    const t = list(out, outer, inner);
    const s = list(generated, outer, inner);
    if (!block(out, outer)) fail(`styles without <${outer}>`);
    offsets[inner] = t.length;
    out = setBlock(out, outer, [...t, ...s], { count: String(t.length + s.length) });
  }
  return { styles: out, offsets };
}

/** A generated cell format pointing at the merged number formats, fonts, fills and borders. */
function movedXf(xf: string, fmtIds: Map<number, number>, offsets: Record<string, number>): string {
  return xf.replace(
    /\s(numFmtId|fontId|fillId|borderId|xfId)="(\d+)"/g,
    (_, k: string, v: string) => {
      const n = Number(v);
      if (k === "numFmtId") return ` numFmtId="${n >= 164 ? (fmtIds.get(n) ?? 0) : n}"`;
      if (k === "xfId") return ` xfId="0"`;
      return ` ${k}="${n + offsets[k.replace("Id", "")]}"`;
    }
  );
}

/** Append the generated sheets' fonts, fills, borders, number formats and cell formats to the input's. */
export function mergeStyles(target: string, generated: string): StyleMerge {
  const fmts = mergeNumFmts(target, generated);
  const parts = appendParts(fmts.styles, generated);
  const tXfs = list(parts.styles, "cellXfs", "xf");
  const sXfs = list(generated, "cellXfs", "xf");
  if (tXfs.length === 0) fail("styles without <cellXfs>");
  const moved = sXfs.map((xf) => movedXf(xf, fmts.ids, parts.offsets));
  const styles = setBlock(parts.styles, "cellXfs", [...tXfs, ...moved], {
    count: String(tXfs.length + moved.length),
  });
  return { xfOffset: tXfs.length, styles };
}
