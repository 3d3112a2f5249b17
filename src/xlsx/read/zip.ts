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

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** The central directory record, as stored. */
  record: Uint8Array;
  method: number;
  /** The local record: header, data (and data descriptor) from `at` up to `end`. */
  at: number;
  end: number;
  dataAt: number;
  size: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/**
 * The central directory's entries (APPNOTE 4.3.12, 4.3.16), or null for a zip this does not
 * follow: zip64, several disks, encrypted or overlapping entries, a directory its records do not
 * fill, a comment holding an end record. The reader then unzips with fflate, the patcher edits
 * through JSZip.
 */
export function zipDirectory(
  u8: Uint8Array
): { entries: ZipEntry[]; cdAt: number; comment: Uint8Array } | null {
  // The end record is the one whose comment runs exactly to the end of the file (a signature
  // inside the comment is not one).
  let eocd = -1;
  for (let i = u8.length - 22; i >= Math.max(0, u8.length - 65557); i--) {
    if (u32(u8, i) === 0x06054b50 && i + 22 + u16(u8, i + 20) === u8.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  // A comment that holds an end record of its own is left to JSZip (readers that take the last
  // signature would be misled by it once the directory moves).
  for (let i = eocd + 22; i + 4 <= u8.length; i++) if (u32(u8, i) === 0x06054b50) return null;
  // A zip64 end-of-directory locator before it: the classic fields may not tell the truth.
  if (eocd >= 20 && u32(u8, eocd - 20) === 0x07064b50) return null;
  const disk = u16(u8, eocd + 4);
  const cdDisk = u16(u8, eocd + 6);
  const count = u16(u8, eocd + 10);
  const cdSize = u32(u8, eocd + 12);
  const cdAt = u32(u8, eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || count === 0xffff || cdAt === 0xffffffff) return null;
  if (u16(u8, eocd + 8) !== count || cdAt + cdSize > eocd) return null;
  const cdEnd = cdAt + cdSize;
  const dec = new TextDecoder();
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdAt;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdEnd || u32(u8, p) !== 0x02014b50) return null;
    const flags = u16(u8, p + 8);
    const method = u16(u8, p + 10);
    const size = u32(u8, p + 20);
    const nameLen = u16(u8, p + 28);
    const len = 46 + nameLen + u16(u8, p + 30) + u16(u8, p + 32);
    const at = u32(u8, p + 42);
    if (p + len > cdEnd) return null;
    // Encrypted, zip64 (sizes or offsets of 0xffffffff), or an entry on another disk.
    if (flags & 1 || size === 0xffffffff || at === 0xffffffff || u16(u8, p + 34) !== 0) return null;
    const name = dec.decode(u8.subarray(p + 46, p + 46 + nameLen));
    if (seen.has(name) || at + 30 > cdAt || u32(u8, at) !== 0x04034b50) return null;
    seen.add(name);
    const dataAt = at + 30 + u16(u8, at + 26) + u16(u8, at + 28);
    entries.push({ name, record: u8.subarray(p, p + len), method, at, end: 0, dataAt, size });
    p += len;
  }
  // The records fill the directory exactly: a count that says less (as some writers store past
  // 65,535 entries) would leave parts out.
  if (p !== cdEnd) return null;
  // Each local record runs to the next one (or to the directory): its data descriptor included.
  const byOffset = [...entries].sort((a, b) => a.at - b.at);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    e.end = i + 1 < byOffset.length ? byOffset[i + 1].at : cdAt;
    if (e.dataAt + e.size > e.end) return null; // overlapping entries
  }
  return { entries, cdAt, comment: u8.subarray(eocd + 22) };
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

/** The entries by lower-cased name (part names are looked up case-insensitively). */
function directoryByName(u8: Uint8Array): Map<string, ZipEntry> | null {
  const d = zipDirectory(u8);
  return d ? new Map(d.entries.map((e) => [e.name.toLowerCase(), e])) : null;
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
  const dir = native ? directoryByName(u8) : null;
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
        await inflateNative(u8.subarray(e.dataAt, e.dataAt + e.size), write);
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
