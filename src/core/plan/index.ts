// The generated sheets as data (SheetPlan): the allocation sheet and the report sheet.
export type { PlanCell, PlanContext, RangeFormat, SheetPlan } from "./types";
export { removalPlan } from "./types";
export { exactCriterion, visualWidth } from "./cells";
export { planAllocation } from "./allocation";
export { planReport } from "./report";
export { planWaitlist } from "./waitlist";
