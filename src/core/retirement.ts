// Statutory retirement age with the gradual reform in force from 2025-01-01 (全国人大常委会
// 《关于实施渐进式延迟法定退休年龄的决定》): men 60→63 and women 55→58 by one month per
// four months of birth; women workers 50→55 by one month per two months of birth.
import type { Day, Gender } from "./types";
import { addMonths, compareDays } from "./dates";

interface Scheme {
  baseYears: number;
  /** First birth month affected, as y*12 + (m-1). */
  from: number;
  /** Birth months per month of delay. */
  step: number;
  maxDelay: number;
}

const MEN: Scheme = { baseYears: 60, from: 1965 * 12, step: 4, maxDelay: 36 };
const WOMEN_CADRE: Scheme = { baseYears: 55, from: 1970 * 12, step: 4, maxDelay: 36 };
const WOMEN_WORKER: Scheme = { baseYears: 50, from: 1975 * 12, step: 2, maxDelay: 60 };

/** Retirement age in months for a birth date. Women are 55 unless their post is 工人 (50). */
export function retirementAgeMonths(birth: Day, gender: Gender, worker = false): number {
  const s = gender === "男" ? MEN : worker ? WOMEN_WORKER : WOMEN_CADRE;
  const born = birth.y * 12 + (birth.m - 1);
  const delay = born < s.from ? 0 : Math.min(s.maxDelay, Math.floor((born - s.from) / s.step) + 1);
  return s.baseYears * 12 + delay;
}

export function retirementDate(birth: Day, gender: Gender, worker = false): Day {
  return addMonths(birth, retirementAgeMonths(birth, gender, worker));
}

export type RetirementStatus = "retired" | "near" | "working";

/** On `on`: past retirement, within `nearMonths` of it, or neither. */
export function retirementStatus(
  birth: Day,
  gender: Gender,
  worker: boolean,
  on: Day,
  nearMonths: number
): RetirementStatus {
  const r = retirementDate(birth, gender, worker);
  if (compareDays(on, r) >= 0) return "retired";
  if (compareDays(addMonths(on, nearMonths), r) >= 0) return "near";
  return "working";
}
