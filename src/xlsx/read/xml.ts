// Namespaces over the XML stream (tokens.ts): elements and attributes by namespace URI and local
// name, so any prefix, and declarations on any element, read the same.
import type { Attrs } from "./tokens";
import { xmlStream } from "./tokens";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Strict OOXML (ISO 29500) writes the same elements under this namespace. */
const STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

export const isMain = (uri: string): boolean => uri === MAIN_NS || uri === STRICT_NS;
export const isRel = (uri: string): boolean => uri === REL_NS || uri === STRICT_REL_NS;

export interface Tag {
  local: string;
  uri: string;
  /** Attribute value by local name (attributes without a prefix, or any prefix in `ns`). */
  attr(local: string, ns?: (uri: string) => boolean): string | undefined;
}

export interface Handlers {
  open?(tag: Tag, depth: number): void;
  close?(local: string, uri: string, depth: number): void;
  text?(s: string): void;
}

/** Prefix → namespace URI, scope by scope (an element's declarations last until it closes). */
class Scopes {
  private stack: { depth: number; map: Map<string, string> }[] = [
    { depth: -1, map: new Map([["xml", XML_NS]]) },
  ];

  get map(): Map<string, string> {
    return this.stack[this.stack.length - 1].map;
  }

  /** The element opening at `depth` declares these; returns whether it declared any. */
  open(a: Attrs, depth: number): boolean {
    let map: Map<string, string> | null = null;
    for (let i = 0; i < a.count; i++) {
      const k = a.names[i];
      if (k !== "xmlns" && !k.startsWith("xmlns:")) continue;
      map ??= new Map(this.map);
      map.set(k === "xmlns" ? "" : k.slice(6), a.values[i]);
    }
    if (!map) return false;
    this.stack.push({ depth, map });
    return true;
  }

  /** The element at `depth` closes; returns whether a scope ended with it. */
  close(depth: number): boolean {
    if (this.stack[this.stack.length - 1].depth !== depth) return false;
    this.stack.pop();
    return true;
  }
}

const split = (qname: string): [string, string] => {
  const colon = qname.indexOf(":");
  return colon < 0 ? ["", qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
};

/** Parse `xml` once, calling the handlers; a malformed part throws (tokens.ts). */
export function parseXml(xml: string, h: Handlers): void {
  const scopes = new Scopes();
  const names: [string, string][] = [];
  const uriOf = (prefix: string) => scopes.map.get(prefix) ?? "";
  const stream = xmlStream({
    open(name, a) {
      const depth = names.length;
      scopes.open(a, depth);
      const [prefix, local] = split(name);
      const uri = uriOf(prefix);
      names.push([local, uri]);
      h.open?.(
        {
          local,
          uri,
          attr(want, ns) {
            for (let i = 0; i < a.count; i++) {
              const [p, l] = split(a.names[i]);
              if (l !== want || p === "xmlns" || (p === "" && l === "xmlns")) continue;
              if (ns ? p !== "" && ns(uriOf(p)) : p === "") return a.values[i];
            }
            return undefined;
          },
        },
        depth
      );
    },
    close() {
      const [local, uri] = names.pop()!;
      h.close?.(local, uri, names.length);
      scopes.close(names.length);
    },
    text: h.text,
  });
  stream.write(xml);
  stream.end();
}

/**
 * Which prefixes mean the SpreadsheetML namespace at the current depth, for the large parts
 * (sheets, shared strings): elements rarely declare anything after the root, so most elements
 * cost one look at their attribute names.
 */
export class Prefixes {
  private scopes = new Scopes();
  /** The local names of the open elements (null: not SpreadsheetML), so closing needs no lookup. */
  private locals: (string | null)[] = [];
  main = new Set<string>();

  /** An element opens (every element, self-closing ones too): its local name, or null. */
  open(a: Attrs, name: string): string | null {
    if (this.scopes.open(a, this.locals.length)) this.recompute();
    const local = this.local(name);
    this.locals.push(local);
    return local;
  }

  /** The element opened last closes: its local name, or null. */
  close(): string | null {
    const local = this.locals.pop() ?? null;
    if (this.scopes.close(this.locals.length)) this.recompute();
    return local;
  }

  private recompute(): void {
    this.main = new Set();
    for (const [p, uri] of this.scopes.map) if (isMain(uri)) this.main.add(p);
  }

  /** The local name of a SpreadsheetML element, or null for any other element. */
  private local(name: string): string | null {
    const colon = name.indexOf(":");
    if (colon < 0) return this.main.has("") ? name : null;
    return this.main.has(name.slice(0, colon)) ? name.slice(colon + 1) : null;
  }
}
