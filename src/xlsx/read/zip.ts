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
  /**
   * A part's text in pieces (a large sheet is never one string); false when there is none.
   * Inflated by the platform's DecompressionStream where there is one (native zlib, several
   * times fflate's speed), else by fflate.
   */
  stream(name: string, write: (piece: string) => void): Promise<boolean>;
}

const PIECE = 1 << 16;

interface Entry {
  name: string;
  method: number;
  /** Where the compressed data starts and how long it is. */
  start: number;
  size: number;
}

/** The central directory: where each entry's data is (null for zip64 or anything unusual). */
function directory(u8: Uint8Array): Map<string, Entry> | null {
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  let eocd = -1;
  for (let i = u8.length - 22; i >= Math.max(0, u8.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) return null;
  const out = new Map<string, Entry>();
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > u8.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const method = dv.getUint16(p + 10, true);
    const size = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    if (size === 0xffffffff || local === 0xffffffff) return null;
    const name = dec.decode(u8.subarray(p + 46, p + 46 + nameLen));
    if (local + 30 > u8.length || dv.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    out.set(name.toLowerCase(), { name, method, start, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const native =
  typeof DecompressionStream === "function" &&
  typeof TextDecoder === "function" &&
  typeof Blob === "function" &&
  typeof Blob.prototype.stream === "function";

/**
 * Inflated by the platform, decoded here: the inflated chunks (16 KB each in Node) are decoded a
 * megabyte at a time, which took half the time of piping them through a TextDecoderStream (each
 * web-stream stage costs per chunk) on a 48 MB sheet.
 */
async function inflateNative(data: Uint8Array, write: (piece: string) => void): Promise<void> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const decoder = new TextDecoder();
  let held: Uint8Array[] = [];
  let size = 0;
  const flush = (last: boolean) => {
    const all = held.length === 1 ? held[0] : new Uint8Array(size);
    if (held.length > 1) {
      let at = 0;
      for (const b of held) {
        all.set(b, at);
        at += b.length;
      }
    }
    held = [];
    size = 0;
    const s = decoder.decode(all, { stream: !last });
    if (s) write(s);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value || value.length === 0) continue;
    held.push(value);
    size += value.length;
    if (size >= PIECE) flush(false);
  }
  flush(true);
}

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
  const dir = native ? directory(u8) : null;
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
    async stream(name, write) {
      const e = dir?.get(name.replace(/^\//, "").toLowerCase());
      if (e && e.method === 8) {
        await inflateNative(u8.subarray(e.start, e.start + e.size), write);
        return true;
      }
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
