// The generated sheets as data (SheetPlan): the allocation sheet and the report sheet.
export type { PageSetup, PlanCell, PlanContext, RangeFormat, SheetPlan } from "./types";
export { removalPlan } from "./types";
export { FONT, FONT_SIZE, PAGE_FOOTER, pageSetup } from "./page";
export { exactCriterion, visualWidth } from "./cells";
export { planAllocation } from "./allocation";
export { planReport } from "./report";
export { planWaitlist } from "./waitlist";
export {
  planInsurance,
  planNotice,
  planParticipants,
  planSignin,
  maskId,
  maskPhone,
} from "./lists";
