// The .xlsx package for reading: its parts unzipped (fflate), and relationship targets resolved
// against the part that names them (relative "worksheets/sheet1.xml" or absolute "/xl/…").
import { strFromU8, unzipSync } from "fflate";

export type Bytes = Uint8Array | ArrayBuffer | ArrayBufferView;

export function toU8(bytes: Bytes): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  const v = bytes as ArrayBufferView;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

export interface Parts {
  /** Part names as in the zip, without a leading slash. */
  names: string[];
  text(name: string): string | null;
}

/** Only the XML parts are unzipped (images, embeddings and VBA are never read). */
export function openParts(
  bytes: Bytes,
  want: (name: string) => boolean = (n) => /\.(xml|rels)$/i.test(n)
): Parts {
  const files = unzipSync(toU8(bytes), { filter: (f) => want(f.name) });
  const byLower = new Map<string, string>();
  for (const n of Object.keys(files)) byLower.set(n.toLowerCase(), n);
  return {
    names: Object.keys(files),
    text(name) {
      const key = byLower.get(name.replace(/^\//, "").toLowerCase());
      if (key === undefined) return null;
      const data = files[key];
      delete files[key]; // each part is read once: let its bytes go
      byLower.delete(name.replace(/^\//, "").toLowerCase());
      return strFromU8(data);
    },
  };
}

/** The relationships part of a part: xl/_rels/workbook.xml.rels for xl/workbook.xml. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target as a part name: absolute from the package root, else relative to `from`. */
export function resolveTarget(from: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep it as written
  }
  const base = t.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const seg of t.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}
