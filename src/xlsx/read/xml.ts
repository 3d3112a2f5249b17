// A streaming pass over one XML part (saxes, namespace-aware): elements by namespace URI and
// local name, so any prefix, and declarations on any element, read the same.
import { SaxesParser } from "saxes";
import type { SaxesTagNS } from "saxes";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Strict OOXML (ISO 29500) writes the same elements under this namespace. */
const STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export const isMain = (uri: string): boolean => uri === MAIN_NS || uri === STRICT_NS;
export const isRel = (uri: string): boolean => uri === REL_NS || uri === STRICT_REL_NS;

export interface Tag {
  /** Local name; "" for an element outside the namespaces `accept` allows. */
  local: string;
  uri: string;
  /** Attribute value by local name (attributes without a prefix, or any prefix in `attrNs`). */
  attr(local: string, ns?: (uri: string) => boolean): string | undefined;
}

export interface Handlers {
  open?(tag: Tag, depth: number): void;
  close?(local: string, uri: string, depth: number): void;
  text?(s: string): void;
}

function wrap(node: SaxesTagNS): Tag {
  return {
    local: node.local,
    uri: node.uri,
    attr(local, ns) {
      for (const k in node.attributes) {
        const a = node.attributes[k];
        if (a.local !== local) continue;
        if (ns ? ns(a.uri) : a.prefix === "") return a.value;
      }
      return undefined;
    },
  };
}

/** Parse `xml` once, calling the handlers; a malformed part throws with saxes' message. */
export function parseXml(xml: string, h: Handlers): void {
  const p = new SaxesParser({ xmlns: true });
  let depth = 0;
  p.on("error", (e) => {
    throw e;
  });
  p.on("opentag", (node) => {
    h.open?.(wrap(node as SaxesTagNS), depth);
    if (node.isSelfClosing) h.close?.(node.local!, node.uri!, depth);
    else depth++;
  });
  p.on("closetag", (node) => {
    if (node.isSelfClosing) return;
    depth--;
    h.close?.(node.local!, node.uri!, depth);
  });
  if (h.text) {
    p.on("text", h.text);
    p.on("cdata", h.text);
  }
  p.write(xml).close();
}

export type Node = { name: string; attributes: Record<string, string>; isSelfClosing: boolean };

/**
 * Namespace prefixes as the sheet declares them, on any element: which prefixes mean the
 * SpreadsheetML namespace at the current depth. (saxes' own namespace handling costs a third of
 * the parse on a 100,000-row sheet; elements rarely declare anything, so this is cheap.)
 */
export class Prefixes {
  private scopes: { depth: number; map: Map<string, string> }[] = [{ depth: -1, map: new Map() }];
  main = new Set<string>();

  /** Element `n` opens at `depth`: take its declarations into account. */
  open(n: Node, depth: number): void {
    let changes: [string, string][] | null = null;
    for (const k in n.attributes) {
      if (k === "xmlns") (changes ??= []).push(["", n.attributes[k]]);
      else if (k.startsWith("xmlns:")) (changes ??= []).push([k.slice(6), n.attributes[k]]);
    }
    if (!changes) return;
    const map = new Map(this.scopes[this.scopes.length - 1].map);
    for (const [p, uri] of changes) map.set(p, uri);
    this.scopes.push({ depth, map });
    this.recompute();
  }

  close(depth: number): void {
    const top = this.scopes[this.scopes.length - 1];
    if (top.depth === depth) {
      this.scopes.pop();
      this.recompute();
    }
  }

  private recompute(): void {
    this.main = new Set();
    for (const [p, uri] of this.scopes[this.scopes.length - 1].map)
      if (isMain(uri)) this.main.add(p);
  }

  /** The local name of a SpreadsheetML element, or null for any other element. */
  local(name: string): string | null {
    const colon = name.indexOf(":");
    if (colon < 0) return this.main.has("") ? name : null;
    return this.main.has(name.slice(0, colon)) ? name.slice(colon + 1) : null;
  }
}
