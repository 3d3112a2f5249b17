// xl/styles.xml: the generated sheets' number formats, fonts, fills, borders and cell formats
// (render.ts) are appended to the input's; the sheets are written with their indexes shifted.
import { attr, block, elements, escAttr, setBlock } from "./xml";
import { fail } from "./unsupported";
import { maxOf } from "../../core/max";

export interface StyleMerge {
  /** Each generated cell format's index in the merged <cellXfs>. */
  xfIds: number[];
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

/** `items` added to `existing`, an identical one reused: each item's index in the result. */
function merged(existing: string[], items: string[]): { all: string[]; ids: number[] } {
  const all = [...existing];
  const at = new Map<string, number>();
  all.forEach((x, i) => {
    if (!at.has(x)) at.set(x, i);
  });
  const ids = items.map((x) => {
    let i = at.get(x);
    if (i === undefined) {
      i = all.length;
      all.push(x);
      at.set(x, i);
    }
    return i;
  });
  return { all, ids };
}

type PartIds = Record<"font" | "fill" | "border", number[]>;

/**
 * Fonts, fills and borders added, an identical existing one reused (so generating again does
 * not grow the part: the sheets generated before leave their entries behind, and the new
 * sheets take them up again); each generated entry's index in the merged lists.
 */
function appendParts(target: string, generated: string): { styles: string; ids: PartIds } {
  let out = target;
  const ids = {} as PartIds;
  for (const [outer, inner] of [
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
  ] as const) {
    if (!block(out, outer)) fail(`styles without <${outer}>`);
    const m = merged(list(out, outer, inner), list(generated, outer, inner));
    ids[inner] = m.ids;
    out = setBlock(out, outer, m.all, { count: String(m.all.length) });
  }
  return { styles: out, ids };
}

/** A generated cell format pointing at the merged number formats, fonts, fills and borders. */
function movedXf(xf: string, fmtIds: Map<number, number>, ids: PartIds): string {
  return xf.replace(
    /\s(numFmtId|fontId|fillId|borderId|xfId)="(\d+)"/g,
    (_, k: string, v: string) => {
      const n = Number(v);
      if (k === "numFmtId") return ` numFmtId="${n >= 164 ? (fmtIds.get(n) ?? 0) : n}"`;
      if (k === "xfId") return ` xfId="0"`;
      return ` ${k}="${ids[k.replace("Id", "") as keyof PartIds][n]}"`;
    }
  );
}

/** Add the generated sheets' number formats, fonts, fills, borders and cell formats to the
 *  input's, reusing identical entries; `xfIds` gives each generated cell format's index. */
export function mergeStyles(target: string, generated: string): StyleMerge {
  const fmts = mergeNumFmts(target, generated);
  const parts = appendParts(fmts.styles, generated);
  const tXfs = list(parts.styles, "cellXfs", "xf");
  if (tXfs.length === 0) fail("styles without <cellXfs>");
  const moved = list(generated, "cellXfs", "xf").map((xf) => movedXf(xf, fmts.ids, parts.ids));
  const m = merged(tXfs, moved);
  const styles = setBlock(parts.styles, "cellXfs", m.all, { count: String(m.all.length) });
  return { xfIds: m.ids, styles };
}
