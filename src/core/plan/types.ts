// The generated sheets as data: cells (text, numbers, formulas with the engine's expected
// values), formats, merges and widths. Every host only copies them.
import type { GeneratedRole } from "../generated";

export type PlanCell =
  | null
  | { text: string }
  | { number: number }
  /** A formula (with its leading =) and the value the engine computed for it. */
  | { formula: string; value: number | string };

export interface RangeFormat {
  address: string;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  horizontal?: "left" | "center" | "right";
  wrap?: boolean;
  border?: boolean;
}

export interface SheetPlan {
  role: GeneratedRole;
  /** Only remove the sheet generated before for this role; write nothing (removalPlan). */
  remove?: boolean;
  name: string;
  /** Tab colour, #RRGGBB. */
  tabColor: string;
  cells: PlanCell[][];
  formats: RangeFormat[];
  merges: string[];
  /** Column widths in characters. */
  widths: number[];
  /** Rows frozen at the top. */
  freezeRows: number;
  /** Internal links: cell address → target such as '花名册'!C7. */
  links: { address: string; target: string; text: string }[];
  landscape: boolean;
  printArea: string;
}

/** What the plans need besides the allocation and the issues. */
export interface PlanContext {
  year: number;
  /** The roster sheets (a roster may be split over several): each with the 0-based sheet
   *  column of its programme column (null when that column is missing) and its 1-based last
   *  row (the headcount formulas cover it plus headroom). */
  rosters: { sheet: string; programCol: number | null; lastRow?: number }[];
  errorCount: number;
  warningCount: number;
}

/** A plan that removes the sheet generated before for a role (a 名额与候补 that no longer
 *  applies) and writes nothing; hosts return no WrittenSheet for it. */
export function removalPlan(role: GeneratedRole): SheetPlan {
  return {
    role,
    remove: true,
    name: "",
    tabColor: "#000000",
    cells: [],
    formats: [],
    merges: [],
    widths: [],
    freezeRows: 0,
    links: [],
    landscape: false,
    printArea: "",
  };
}
