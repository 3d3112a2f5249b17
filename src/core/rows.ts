// A roster's rows held column-wise: what the checks need of each row in typed arrays, the rest
// read from the sheet's own cells when asked. A 100,000-row roster then makes no object per
// row while it is checked; a Participant object is made only for code that asks for one
// (the lists, the pane), and then for every row of its sheet at once.
import type {
  Cell,
  Day,
  FieldColumn,
  Gender,
  IdInfo,
  Participant,
  Roster,
  SheetData,
} from "./types";
import { checkId } from "./idcard";
import { cellText, FNV_BASIS, fnvStep, hashText, keyCode, valueKey, yesNo } from "./text";

/** Each roster field's index into a values row, -1 when its column is missing. */
export interface Cols {
  name: number;
  idNumber: number;
  gender: number;
  unit: number;
  member: number;
  categories: number;
  program: number;
  batch: number;
  date: number;
  phone: number;
  note: number;
  postType: number;
}

export type RosterField = keyof Cols;

/** idState: no usable ID (blank, numeric, malformed). */
export const NO_ID = 0;
/** idState: the cell itself is the normalised ID (17 digits and a digit or X, as typed). */
export const ID_IS_CELL = 1;
/** idState: the ID is the cell normalised (spaces, full-width digits, 15 digits, a number). */
export const ID_NORMALISED = 2;

export const GENDER_NONE = 0;
export const GENDER_MALE = 1;
export const GENDER_FEMALE = 2;

/** member: 是. */
export const MEMBER_YES = 1;
/** member: 否. */
export const MEMBER_NO = 0;
/** member: text that reads as neither. */
export const MEMBER_UNREADABLE = -1;
/** member: blank. */
export const MEMBER_BLANK = -2;

/** A day packed as y*10000 + m*100 + d (0: none); packed days compare as the days do. */
export function packDay(d: Day | null): number {
  return d ? d.y * 10000 + d.m * 100 + d.d : 0;
}

export function unpackDay(p: number): Day | null {
  return p === 0 ? null : { y: Math.floor(p / 10000), m: Math.floor(p / 100) % 100, d: p % 100 };
}

/**
 * What the rules need of each person, one typed array per field (the same for one sheet and for
 * several sheets merged):
 * - idState: NO_ID, ID_IS_CELL or ID_NORMALISED; idHash: hashText of the normalised ID;
 * - birth: the birth date from the ID (packed), 0 unless the ID passed every check; gender;
 * - member: 是否会员 as MEMBER_*; date: 疗休养日期 (packed), 0 when blank or unreadable;
 * - hasNameUnit: 1 when 姓名 and 工作单位 are filled and the ID is usable (the rows a
 *   same-name-and-unit check compares); then nameUnitHash hashes the two keys (valueKey).
 */
const PERSON_COLUMNS = {
  idState: Uint8Array,
  idHash: Int32Array,
  birth: Int32Array,
  gender: Uint8Array,
  member: Int8Array,
  date: Int32Array,
  hasNameUnit: Uint8Array,
  nameUnitHash: Int32Array,
};
type PersonKey = keyof typeof PERSON_COLUMNS;
const PERSON_KEYS = Object.keys(PERSON_COLUMNS) as PersonKey[];
export type PersonColumns = { [K in PersonKey]: InstanceType<(typeof PERSON_COLUMNS)[K]> };

/**
 * The person columns, each made by `f`. Built as one object literal on purpose: a literal's
 * shape comes from its allocation site and outlives a full GC, while a shape built by adding
 * keys (or by spreading) was seen to change from run to run, and every method reading the
 * columns was then deoptimised ("wrong map") and compiled again.
 */
function personColumns(f: (k: PersonKey) => PersonColumns[PersonKey]): PersonColumns {
  const c = f as <K extends PersonKey>(k: K) => PersonColumns[K];
  return {
    idState: c("idState"),
    idHash: c("idHash"),
    birth: c("birth"),
    gender: c("gender"),
    member: c("member"),
    date: c("date"),
    hasNameUnit: c("hasNameUnit"),
    nameUnitHash: c("nameUnitHash"),
  };
}

const newColumns = (n: number) => (k: PersonKey) => new PERSON_COLUMNS[k](n);

/** One sheet's columns: the person columns, plus each row's values index (vi), 人员类别 as an
 *  index into `lists`, the sheet's distinct category lists (each shared by every row with it),
 *  and 项目 likewise. A plain object literal: the parser's loop touches nothing whose shape is
 *  made per run. */
export interface RowColumns {
  person: PersonColumns;
  vi: Int32Array;
  cats: Int32Array;
  lists: string[][];
  /** The row's 项目 cell as an index into `programCells`, the sheet's distinct 项目 cells in
   *  order of first use. */
  program: Int32Array;
  programCells: Cell[];
}

export function rowColumns(n: number): RowColumns {
  return {
    person: personColumns(newColumns(n)),
    vi: new Int32Array(n),
    cats: new Int32Array(n),
    lists: [],
    program: new Int32Array(n),
    programCells: [],
  };
}

/** The first n rows of each column (views: nothing copied). */
export function firstRows(c: RowColumns, n: number): RowColumns {
  return {
    person: personColumns((k) => c.person[k].subarray(0, n)),
    vi: c.vi.subarray(0, n),
    cats: c.cats.subarray(0, n),
    lists: c.lists,
    program: c.program.subarray(0, n),
    programCells: c.programCells,
  };
}

/** Several sheets' person columns one after another. */
function concatColumns(parts: PersonColumns[], n: number): PersonColumns {
  const out = personColumns(newColumns(n));
  let at = 0;
  for (const p of parts) {
    for (const k of PERSON_KEYS)
      (out[k] as { set(a: ArrayLike<number>, at: number): void }).set(p[k], at);
    at += p.idState.length;
  }
  return out;
}

/** One roster sheet's participants, row j being the j-th data row. */
export class RosterRows {
  /** The rows' columns (see RowColumns). */
  readonly c: RowColumns;
  readonly n: number;
  private people: Participant[] | null = null;

  constructor(
    readonly sheet: SheetData,
    readonly cols: Cols,
    readonly originRow: number,
    readonly today: Day,
    c: RowColumns
  ) {
    this.c = c;
    this.n = c.vi.length;
  }

  get name(): string {
    return this.sheet.name;
  }

  /** The participant on a 1-based sheet row, or -1 when that row holds none. */
  indexOfRow(row: number): number {
    const v = row - this.originRow - 1;
    const vi = this.c.vi;
    let lo = 0;
    let hi = vi.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (vi[mid] === v) return mid;
      if (vi[mid] < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** 1-based sheet row of participant j. */
  row(j: number): number {
    return this.originRow + this.c.vi[j] + 1;
  }

  cell(j: number, field: RosterField): Cell {
    const c = this.cols[field];
    if (c < 0) return null;
    const v = this.sheet.values[this.c.vi[j]][c];
    return v === undefined ? null : v;
  }

  text(j: number, field: RosterField): string {
    return cellText(this.cell(j, field));
  }

  /** The normalised 18-character ID, or null when there is none. */
  id18(j: number): string | null {
    const s = this.c.person.idState[j];
    if (s === NO_ID) return null;
    const c = this.cell(j, "idNumber");
    if (s === ID_IS_CELL) return c as string;
    const r = checkId(c, this.today);
    return r.kind === "numeric" || r.kind === "format" ? null : r.id18;
  }

  categories(j: number): string[] {
    return this.c.lists[this.c.cats[j]];
  }

  /** The date as typed; "" for a date serial (shown from `date` as 2024-06-01). */
  dateText(j: number): string {
    const c = this.cell(j, "date");
    return typeof c === "number" && Number.isFinite(c) ? "" : cellText(c);
  }

  /** Every participant as an object, made once (for the code that wants objects). */
  participants(): Participant[] {
    if (!this.people) {
      const out: Participant[] = [];
      for (let j = 0; j < this.n; j++) out.push(this.participant(j));
      this.people = out;
    }
    return this.people;
  }

  private participant(j: number): Participant {
    const rawId = this.cell(j, "idNumber");
    const memberCell = this.cell(j, "member");
    const programRaw = this.cell(j, "program");
    const g = this.c.person.gender[j];
    return {
      sheet: this.name,
      row: this.row(j),
      name: this.text(j, "name"),
      rawId,
      id: this.idInfo(j, rawId, g),
      gender: this.text(j, "gender"),
      unit: this.text(j, "unit"),
      member: yesNo(memberCell),
      memberText: cellText(memberCell),
      categories: this.categories(j),
      programRaw,
      programText: cellText(programRaw),
      batch: this.text(j, "batch"),
      date: unpackDay(this.c.person.date[j]),
      dateText: this.dateText(j),
      phone: this.text(j, "phone"),
      note: this.text(j, "note"),
      postType: this.text(j, "postType"),
    };
  }

  /** As the row was read: the check's result when the ID passed (id18, birth, gender, from15),
   *  else the ID alone. */
  private idInfo(j: number, rawId: Cell, g: number): IdInfo {
    const s = this.c.person.idState[j];
    if (s === NO_ID) return { id18: null };
    if (s === ID_NORMALISED) {
      const r = checkId(rawId, this.today);
      if (r.kind === "ok") return r;
      return { id18: r.kind === "numeric" || r.kind === "format" ? null : r.id18 };
    }
    const id18 = rawId as string;
    if (g === GENDER_NONE) return { id18 };
    const gender: Gender = g === GENDER_MALE ? "男" : "女";
    const ok: IdInfo & { kind: "ok"; from15: boolean } = {
      kind: "ok",
      id18,
      birth: unpackDay(this.c.person.birth[j])!,
      gender,
      from15: false,
    };
    return ok;
  }
}

/** `hashText(valueKey(s))`; a cell that is already a key (the usual one) is read once, nothing made. */
export function keyHash(s: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!keyCode(c)) return hashText(valueKey(s));
    h = fnvStep(h, c);
  }
  return h | 0;
}

/** The hash of the pair of keys `valueKey(a)`, `valueKey(b)`. */
export function keyPairHash(a: string, b: string): number {
  return Math.imul(keyHash(a), 31) ^ keyHash(b);
}

/** The table of the last {@link equalGroups} call, kept for the next one (see probeTable). */
let probeScratch: Int32Array | null = null;
/** Tables up to this many entries (16 MB) are kept between calls. */
const PROBE_KEEP = 1 << 22;

/**
 * A zeroed table of `length` entries. Fresh memory costs a page fault per 4 KB page on first
 * touch, and the probes touch every page of the table at random (measured here: 4–5 ms for a
 * fresh 2 MB table against 1.3 ms for a kept one refilled with zeros), so the last table is kept.
 */
function probeTable(length: number): Int32Array {
  if (probeScratch && probeScratch.length >= length) {
    const t = probeScratch.subarray(0, length);
    t.fill(0);
    return t;
  }
  const t = new Int32Array(length);
  if (length <= PROBE_KEEP) probeScratch = t;
  return t;
}

/**
 * The groups of two or more equal keys among 0..n-1: each group in index order, the groups in
 * the order of their first member. `hash[k]` is key k's hash, keys with `keep[k]` 0 are left out, `same`
 * compares two keys whose hashes are equal. An open-addressing table of indexes in a typed
 * array: no entry object per key (a Map of 100,000 strings costs as much again as the rest).
 */
export function equalGroups(
  n: number,
  hash: Int32Array,
  keep: Uint8Array,
  same: (a: number, b: number) => boolean
): number[][] {
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  // Slot s holds index + 1 (0: empty) at 2s and that key's hash at 2s + 1: a probe reads one
  // cache line, not the table and then the hash array at a random index.
  const table = probeTable(size * 2);
  const groupOf = new Int32Array(n); // group + 1; 0 is none
  const groups: number[][] = [];
  for (let k = 0; k < n; k++) {
    if (keep[k] === 0) continue;
    const h = hash[k];
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const e = table[slot * 2];
      if (e === 0) {
        table[slot * 2] = k + 1;
        table[slot * 2 + 1] = h;
        break;
      }
      const f = e - 1;
      if (table[slot * 2 + 1] === h && same(f, k)) {
        const g = groupOf[f];
        if (g === 0) {
          groups.push([f, k]);
          groupOf[f] = groups.length;
        } else groups[g - 1].push(k);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // Made in the order of each group's second member: put them in the order of the first.
  return groups.sort((a, b) => a[0] - b[0]);
}

/** A roster as parseRoster gives it: its participants are made on first use. A class, so
 *  that every roster has the same shape (a getter defined on each object gave each its own). */
class ReadRoster implements Roster {
  readonly sheet: string;
  readonly count: number;
  readonly lastRow: number;
  private made: Participant[] | null = null;

  constructor(
    readonly rows: RosterRows,
    readonly columns: Record<string, FieldColumn>
  ) {
    this.sheet = rows.name;
    this.count = rows.n;
    this.lastRow = rows.n > 0 ? rows.row(rows.n - 1) : 1;
  }

  get participants(): Participant[] {
    return (this.made ??= this.rows.participants());
  }
}

/** The roster of a sheet read into `rows`. */
export function makeRoster(rows: RosterRows, columns: Record<string, FieldColumn>): Roster {
  return new ReadRoster(rows, columns);
}

/** The rows behind a roster parseRoster made; null for any other (a plain copy, say). */
export function readRows(roster: Roster): RosterRows | null {
  return roster instanceof ReadRoster ? roster.rows : null;
}

/** The rows behind a roster parseRoster made. */
export function rowsOf(roster: Roster): RosterRows {
  if (roster instanceof ReadRoster) return roster.rows;
  throw new Error(`花名册“${roster.sheet}”不是由 parseRoster 读出的`);
}

/** Every roster sheet's participants as one list (sheet after sheet, in workbook order), by an
 *  index k: a split roster is checked as one. One sheet (the usual case) is its rows as they are. */
export class People {
  readonly n: number;
  /** Everyone's person columns, sheet after sheet. */
  readonly c: PersonColumns;
  /** The sheets' rows, in order: person k of sheet i is at the sum of the earlier sheets' n. */
  readonly parts: RosterRows[];
  /** For several sheets: the sheet (index into parts) and the row within it of each k. */
  private readonly part: Uint16Array | null;
  private readonly local: Int32Array | null;

  constructor(readonly rosters: Roster[]) {
    this.parts = rosters.map(rowsOf);
    const parts = this.parts;
    this.n = parts.reduce((a, p) => a + p.n, 0);
    if (parts.length === 1) {
      this.part = null;
      this.local = null;
      this.c = parts[0].c.person;
      return;
    }
    const n = this.n;
    this.part = new Uint16Array(n);
    this.local = new Int32Array(n);
    this.c = concatColumns(
      parts.map((p) => p.c.person),
      n
    );
    let at = 0;
    parts.forEach((p, i) => {
      this.part!.fill(i, at, at + p.n);
      for (let j = 0; j < p.n; j++) this.local![at + j] = j;
      at += p.n;
    });
  }

  /** The columns of the roster sheet person k is on. */
  columns(k: number): Roster["columns"] {
    return this.rosters[this.part ? this.part[k] : 0].columns;
  }

  private rowsAt(k: number): RosterRows {
    return this.part ? this.parts[this.part[k]] : this.parts[0];
  }

  private j(k: number): number {
    return this.local ? this.local[k] : k;
  }

  sheet(k: number): string {
    return this.rowsAt(k).name;
  }

  /** 1-based sheet row. */
  row(k: number): number {
    return this.rowsAt(k).row(this.j(k));
  }

  cell(k: number, field: RosterField): Cell {
    return this.rowsAt(k).cell(this.j(k), field);
  }

  text(k: number, field: RosterField): string {
    return cellText(this.cell(k, field));
  }

  id18(k: number): string | null {
    return this.rowsAt(k).id18(this.j(k));
  }

  categories(k: number): string[] {
    return this.rowsAt(k).categories(this.j(k));
  }

  dateText(k: number): string {
    return this.rowsAt(k).dateText(this.j(k));
  }

  /** The participant object (made, with the rest of its sheet's, on first use). */
  participant(k: number): Participant {
    const p = this.part ? this.part[k] : 0;
    return this.rosters[p].participants[this.j(k)];
  }
}
