// The input zip as the patcher edits it: parts read, written, removed, and the whole saved again.
// Saving copies every part it did not touch as it was — local header, compressed data, central
// directory record — and has fflate compress only the new and changed parts (issue 11: JSZip
// loaded and re-emitted all of a 100,000-row roster's 8 MB in ~0.35 s; copying takes
// milliseconds). A zip this cannot follow (zip64, several disks, encrypted or overlapping entries)
// is edited through JSZip instead, as before. Layout: APPNOTE.TXT 6.3.x, sections 4.3.7 (local
// header), 4.3.12 (central directory) and 4.3.16 (end of central directory).
import JSZip from "jszip";
import { inflateSync, strFromU8, strToU8, zipSync } from "fflate";

export interface ZipParts {
  /** The parts' names (directories included), as stored. */
  names(): string[];
  has(name: string): boolean;
  /** A part as text (UTF-8); null when there is no such part. */
  text(name: string): Promise<string | null>;
  /** Write a part (deflated at `level`, 6 by default). */
  put(name: string, text: string, level?: number): void;
  remove(name: string): void;
  save(): Promise<Uint8Array>;
}

export async function openZip(source: Uint8Array | ArrayBuffer): Promise<ZipParts> {
  const u8 = source instanceof Uint8Array ? source : new Uint8Array(source);
  return RawZip.open(u8) ?? new JsZipParts(await JSZip.loadAsync(u8));
}

interface Entry {
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
function set16(b: Uint8Array, i: number, v: number): void {
  b[i] = v & 0xff;
  b[i + 1] = (v >>> 8) & 0xff;
}
function set32(b: Uint8Array, i: number, v: number): void {
  set16(b, i, v & 0xffff);
  set16(b, i + 2, (v >>> 16) & 0xffff);
}

/** The central directory's entries, or null for a zip to leave to JSZip. */
function entriesOf(u8: Uint8Array): { entries: Entry[]; cdAt: number; comment: Uint8Array } | null {
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
  const entries: Entry[] = [];
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

class RawZip implements ZipParts {
  private readonly byName: Map<string, Entry>;
  private readonly written = new Map<string, { data: Uint8Array; level: number }>();
  private readonly removed = new Set<string>();

  private constructor(
    private readonly u8: Uint8Array,
    private readonly entries: Entry[],
    /** The archive comment, kept as it was. */
    private readonly comment: Uint8Array
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  static open(u8: Uint8Array): RawZip | null {
    const r = entriesOf(u8);
    return r ? new RawZip(u8, r.entries, r.comment) : null;
  }

  names(): string[] {
    const out = this.entries.map((e) => e.name).filter((n) => !this.removed.has(n));
    for (const n of this.written.keys())
      if (!this.byName.has(n) || this.removed.has(n)) out.push(n);
    return out;
  }

  has(name: string): boolean {
    return this.written.has(name) || (this.byName.has(name) && !this.removed.has(name));
  }

  async text(name: string): Promise<string | null> {
    const w = this.written.get(name);
    if (w) return strFromU8(w.data);
    const e = this.removed.has(name) ? undefined : this.byName.get(name);
    if (!e) return null;
    const data = this.u8.subarray(e.dataAt, e.dataAt + e.size);
    if (e.method === 0) return strFromU8(data);
    if (e.method === 8) return strFromU8(inflateSync(data));
    throw new Error(`${name}: compression method ${e.method} is not supported`);
  }

  put(name: string, text: string, level = 6): void {
    this.removed.delete(name);
    this.written.set(name, { data: strToU8(text), level });
  }

  remove(name: string): void {
    this.written.delete(name);
    if (this.byName.has(name)) this.removed.add(name);
  }

  async save(): Promise<Uint8Array> {
    const pieces: Uint8Array[] = [];
    const records: Uint8Array[] = [];
    let offset = 0;
    const add = (local: Uint8Array, record: Uint8Array) => {
      // A copy (the source may be a Node Buffer, whose slice() is a view of the caller's bytes).
      const r = new Uint8Array(record);
      set32(r, 42, offset);
      pieces.push(local);
      records.push(r);
      offset += local.length;
    };
    const fresh = (name: string) => {
      const w = this.written.get(name)!;
      const one = zipSync({ [name]: [w.data, { level: w.level as 6 }] });
      const e = entriesOf(one)!.entries[0];
      add(one.subarray(e.at, e.end), e.record);
    };
    // The parts in their order, each changed one where it was; new parts after them.
    for (const e of this.entries) {
      if (this.removed.has(e.name)) continue;
      if (this.written.has(e.name)) fresh(e.name);
      else add(this.u8.subarray(e.at, e.end), e.record);
    }
    for (const name of this.written.keys())
      if (!this.byName.has(name) || this.removed.has(name)) fresh(name);
    if (records.length >= 0xffff) throw new Error("more parts than a zip without zip64 holds");
    const cdSize = records.reduce((n, r) => n + r.length, 0);
    if (offset + cdSize >= 0xffffffff) throw new Error("larger than a zip without zip64 holds");
    const end = new Uint8Array(22 + this.comment.length);
    set32(end, 0, 0x06054b50);
    set16(end, 8, records.length);
    set16(end, 10, records.length);
    set32(end, 12, cdSize);
    set32(end, 16, offset);
    set16(end, 20, this.comment.length);
    end.set(this.comment, 22);
    const out = new Uint8Array(offset + cdSize + end.length);
    let at = 0;
    for (const b of [...pieces, ...records, end]) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }
}

/** The same edits through JSZip, for zips RawZip leaves alone. */
class JsZipParts implements ZipParts {
  constructor(private readonly zip: JSZip) {}

  names(): string[] {
    return Object.keys(this.zip.files);
  }

  has(name: string): boolean {
    return this.zip.file(name) !== null;
  }

  async text(name: string): Promise<string | null> {
    const f = this.zip.file(name);
    return f ? f.async("string") : null;
  }

  put(name: string, text: string, level = 6): void {
    this.zip.file(name, text, { compression: "DEFLATE", compressionOptions: { level } });
  }

  remove(name: string): void {
    this.zip.remove(name);
  }

  save(): Promise<Uint8Array> {
    return this.zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
    });
  }
}
