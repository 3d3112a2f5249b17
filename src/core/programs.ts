// Programme resolution, its own step before the checks and the allocation: which programme each
// roster row's 疗休养项目 names, by code or by name.
import type { Cell, Participant, Program, RateTable } from "./types";
import type { People } from "./rows";
import { cellText, valueKey } from "./text";

/** Programme lookup by code or name, compared folded, without spaces and case-insensitively.
 *  Codes win over names; a name shared by two programmes belongs to the first. */
export function programIndex(rates: RateTable): Map<string, Program> {
  const idx = new Map<string, Program>();
  for (const p of rates.programs) {
    idx.set(valueKey(p.code), p);
  }
  for (const p of rates.programs) {
    const k = valueKey(p.name);
    if (k && !idx.has(k)) idx.set(k, p);
  }
  return idx;
}

/** A roster row and the programme it names. */
export interface Enrolment {
  participant: Participant;
  program: Program;
}

/** The rows that name a programme and the rows that name none, as objects. */
export interface Enrolments {
  /** The rows whose 疗休养项目 names a programme, in roster order. */
  enrolled: Enrolment[];
  /** The rows whose 疗休养项目 is filled but names none (every filled row without a rate sheet). */
  unknown: Participant[];
}

export function resolvePrograms(participants: Participant[], rates: RateTable | null): Enrolments {
  const index = rates ? programIndex(rates) : new Map<string, Program>();
  const enrolled: Enrolment[] = [];
  const unknown: Participant[] = [];
  for (const participant of participants) {
    if (!participant.programText) continue;
    const program = index.get(valueKey(participant.programText));
    if (program) enrolled.push({ participant, program });
    else unknown.push(participant);
  }
  return { enrolled, unknown };
}

/** program[k]: the 疗休养项目 cell is blank. */
export const NO_PROGRAM = -1;
/** program[k]: the cell names no programme of the rate sheet. */
export const UNKNOWN_PROGRAM = -2;

/** Which programme each person's 疗休养项目 names, as indexes into the rate sheet's programmes. */
export class ProgramResolution {
  /** Index into `programs`, NO_PROGRAM or UNKNOWN_PROGRAM, per person. */
  readonly program: Int32Array;
  /** Rows naming each programme (报名), by its index. */
  readonly applicants: Int32Array;
  /** The distinct programme cells as typed, in roster order, with the programme each names. */
  readonly raws: { raw: Cell; program: number }[] = [];
  /** The programmes with applicants, in the order of their first applicant. */
  readonly firstSeen: number[] = [];
  private objects: Enrolments | null = null;

  constructor(
    readonly people: People,
    readonly programs: Program[]
  ) {
    this.program = new Int32Array(people.n);
    this.applicants = new Int32Array(programs.length);
  }

  /** The same as objects (made on first use, for the code that wants them). */
  get enrolled(): Enrolment[] {
    return this.asObjects().enrolled;
  }

  get unknown(): Participant[] {
    return this.asObjects().unknown;
  }

  private asObjects(): Enrolments {
    if (!this.objects) {
      const enrolled: Enrolment[] = [];
      const unknown: Participant[] = [];
      for (let k = 0; k < this.people.n; k++) {
        const pi = this.program[k];
        if (pi >= 0)
          enrolled.push({ participant: this.people.participant(k), program: this.programs[pi] });
        else if (pi === UNKNOWN_PROGRAM) unknown.push(this.people.participant(k));
      }
      this.objects = { enrolled, unknown };
    }
    return this.objects;
  }
}

/** Each person's programme (by code or name); every filled cell is UNKNOWN_PROGRAM without a
 *  rate sheet. A roster repeats a few programme cells: each distinct cell is looked up once. */
export function resolvePeople(people: People, rates: RateTable | null): ProgramResolution {
  const programs = rates?.programs ?? [];
  const res = new ProgramResolution(people, programs);
  const index = new Map<string, number>();
  if (rates) {
    const byKey = programIndex(rates);
    for (const [k, prog] of byKey) index.set(k, programs.indexOf(prog));
  }
  // Each sheet's distinct 项目 cells (found as the rows were read) are matched once; the rows
  // then only look their cell's programme up.
  const seen = new Map<Cell, number>();
  let k = 0;
  for (const part of people.parts) {
    const { program, programCells } = part.c;
    const of = new Int32Array(programCells.length);
    for (let p = 0; p < programCells.length; p++) {
      const raw = programCells[p];
      let pi = seen.get(raw);
      if (pi === undefined) {
        const text = cellText(raw);
        pi = text === "" ? NO_PROGRAM : (index.get(valueKey(text)) ?? UNKNOWN_PROGRAM);
        seen.set(raw, pi);
        if (pi >= 0) res.raws.push({ raw, program: pi });
      }
      of[p] = pi;
    }
    for (let j = 0; j < part.n; j++, k++) {
      const pi = of[program[j]];
      res.program[k] = pi;
      if (pi >= 0 && res.applicants[pi]++ === 0) res.firstSeen.push(pi);
    }
  }
  return res;
}
