// A small, strict XML reader for the manifest checks: elements, attributes and text, with
// well-formedness errors for mismatched tags, bad attributes, stray text outside the root and
// undefined entities. Enough for manifest.xml; not a general XML parser (no DTDs).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string, line: number): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);|&/gi, (m, e: string | undefined) => {
    if (!e) throw new Error(`line ${line}: bare '&'`);
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))
      );
    if (!(e in ENTITIES)) throw new Error(`line ${line}: undefined entity &${e};`);
    return ENTITIES[e];
  });
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  let line = 1;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (src[k] === "\n") line++;
    i = to;
  };
  if (src.charCodeAt(0) === 0xfeff) i = 1;
  while (i < src.length) {
    if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i);
      if (end < 0) throw new Error(`line ${line}: unterminated processing instruction`);
      if (i > 1 && src.startsWith("<?xml", i))
        throw new Error(`line ${line}: XML declaration not at the start`);
      advance(end + 2);
    } else if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i);
      if (end < 0) throw new Error(`line ${line}: unterminated comment`);
      advance(end + 3);
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i);
      if (end < 0 || !stack.length) throw new Error(`line ${line}: bad CDATA`);
      stack[stack.length - 1].text += src.slice(i + 9, end);
      advance(end + 3);
    } else if (src.startsWith("</", i)) {
      const m = /^<\/([\w:.-]+)\s*>/.exec(src.slice(i));
      if (!m) throw new Error(`line ${line}: bad end tag`);
      const open = stack.pop();
      if (!open || open.name !== m[1])
        throw new Error(`line ${line}: </${m[1]}> does not close <${open?.name ?? "nothing"}>`);
      advance(i + m[0].length);
    } else if (src[i] === "<") {
      const m = /^<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(
        src.slice(i)
      );
      if (!m)
        throw new Error(`line ${line}: bad start tag near ${JSON.stringify(src.slice(i, i + 40))}`);
      if (!stack.length && root) throw new Error(`line ${line}: a second root element <${m[1]}>`);
      const attrs: Record<string, string> = {};
      for (const a of m[2].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attrs) throw new Error(`line ${line}: duplicate attribute ${a[1]}`);
        attrs[a[1]] = decode(a[2] ?? a[3], line);
      }
      const el: XmlElement = { name: m[1], attrs, children: [], text: "", line };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else root = el;
      if (!m[3]) stack.push(el);
      advance(i + m[0].length);
    } else {
      const next = src.indexOf("<", i);
      const text = src.slice(i, next < 0 ? src.length : next);
      if (!stack.length) {
        if (text.trim()) throw new Error(`line ${line}: text outside the root element`);
      } else stack[stack.length - 1].text += decode(text, line);
      advance(next < 0 ? src.length : next);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

/** All descendants (depth first) with this local name (prefix ignored). */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name || c.name.split(":").pop() === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function one(el: XmlElement, name: string): XmlElement {
  const found = all(el, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** The one direct child with this name. */
export function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.filter((c) => c.name === name);
  if (found.length !== 1)
    throw new Error(`expected one <${name}> in <${el.name}>, found ${found.length}`);
  return found[0];
}
