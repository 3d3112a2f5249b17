// The .xlsx package for reading: its parts unzipped (fflate), and relationship targets resolved
// against the part that names them (relative "worksheets/sheet1.xml" or absolute "/xl/…").
import { DecodeUTF8, strFromU8, unzipSync } from "fflate";

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
  /** A part as text, or null when the package has no such part. */
  text(name: string): string | null;
  /** A part's text in pieces (a large sheet is never one string); false when there is none. */
  stream(name: string, write: (piece: string) => void): boolean;
}

const PIECE = 1 << 20;

/** The package's parts, each unzipped only when asked for (images and VBA never are). */
export function openParts(bytes: Bytes): Parts {
  const u8 = toU8(bytes);
  const byLower = new Map<string, string>();
  unzipSync(u8, {
    filter: (f) => {
      byLower.set(f.name.toLowerCase(), f.name);
      return false;
    },
  });
  const raw = (name: string): Uint8Array | null => {
    const key = byLower.get(name.replace(/^\//, "").toLowerCase());
    if (key === undefined) return null;
    return unzipSync(u8, { filter: (f) => f.name === key })[key] ?? null;
  };
  return {
    names: [...byLower.values()],
    text(name) {
      const data = raw(name);
      return data ? strFromU8(data) : null;
    },
    stream(name, write) {
      const data = raw(name);
      if (!data) return false;
      const dec = new DecodeUTF8((s) => s && write(s));
      for (let i = 0; i < data.length; i += PIECE)
        dec.push(data.subarray(i, i + PIECE), i + PIECE >= data.length);
      if (data.length === 0) dec.push(new Uint8Array(0), true);
      return true;
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
