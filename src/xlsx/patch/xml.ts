// Just enough XML for the parts the patcher edits: escaping, one attribute, the elements of a
// block, and replacing a block's contents. Strings in, strings out; the rest of a part is kept
// character for character.
import { fail } from "./unsupported";

export function escAttr(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function escText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function unescXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** The unescaped value of attribute `name` in an element's opening tag, or null. */
export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(
    tag
  );
  return m ? unescXml(m[2] ?? m[3]) : null;
}

/** Elements <tag …/> or <tag …>…</tag> (no nesting of the same tag) inside a block. */
export function elements(block: string, tag: string): string[] {
  return (
    block.match(new RegExp(`<${tag}\\b[^>]*/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, "g")) ?? []
  );
}

export interface XmlBlock {
  /** The opening tag, as written. */
  open: string;
  inner: string;
  /** Where the element starts and ends in the text. */
  start: number;
  end: number;
}

/** The first <tag …>…</tag> or <tag …/>, with its inner text ("" when self-closed); null when absent. */
export function block(xml: string, tag: string): XmlBlock | null {
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

/** The first <tag> with `items` as its contents and `attrs` set on its opening tag. */
export function setBlock(
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
