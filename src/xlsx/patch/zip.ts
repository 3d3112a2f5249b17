// The input zip as the patcher edits it: parts read, written, removed, and the whole saved again.
// Saving copies every part it did not touch as it was — local header, compressed data, central
// directory record — and has fflate compress only the new and changed parts (issue 11: JSZip
// loaded and re-emitted all of a 100,000-row roster's 8 MB in ~0.35 s; copying takes
// milliseconds). A zip this cannot follow (zip64, several disks, encrypted or overlapping entries)
// is edited through JSZip instead, as before. The directory is read as the reader reads it
// (zipDirectory, read/zip.ts); local header and end record: APPNOTE.TXT 6.3.x, 4.3.7 and 4.3.16.
import JSZip from "jszip";
import { inflateSync, strFromU8, strToU8, zipSync } from "fflate";
import { zipDirectory } from "../read/zip";
import type { ZipEntry } from "../read/zip";

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

function set16(b: Uint8Array, i: number, v: number): void {
  b[i] = v & 0xff;
  b[i + 1] = (v >>> 8) & 0xff;
}
function set32(b: Uint8Array, i: number, v: number): void {
  set16(b, i, v & 0xffff);
  set16(b, i + 2, (v >>> 16) & 0xffff);
}

class RawZip implements ZipParts {
  private readonly byName: Map<string, ZipEntry>;
  private readonly written = new Map<string, { data: Uint8Array; level: number }>();
  private readonly removed = new Set<string>();

  private constructor(
    private readonly u8: Uint8Array,
    private readonly entries: ZipEntry[],
    /** The archive comment, kept as it was. */
    private readonly comment: Uint8Array
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  static open(u8: Uint8Array): RawZip | null {
    const r = zipDirectory(u8);
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
      const e = zipDirectory(one)!.entries[0];
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
