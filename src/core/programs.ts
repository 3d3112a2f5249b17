// Programme resolution, its own step before the checks and the allocation: which programme each
// roster row's 疗休养项目 names, by code or by name.
import type { Participant, Program, RateTable } from "./types";
import { valueKey } from "./text";

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

export interface ProgramResolution {
  /** The rows whose 疗休养项目 names a programme, in roster order. */
  enrolled: Enrolment[];
  /** The rows whose 疗休养项目 is filled but names none (every filled row without a rate sheet). */
  unknown: Participant[];
}

export function resolvePrograms(
  participants: Participant[],
  rates: RateTable | null
): ProgramResolution {
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
