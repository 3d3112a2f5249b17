// The generated sheets as data: cells (text, numbers, formulas with the engine's expected
// values), formats, merges and widths. Every host only copies them.
import type { GeneratedRole } from "../generated";
import { pageSetup } from "./page";

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
  /** How the sheet prints (page.ts): paper, orientation, fit, title rows, footer, margins. */
  page: PageSetup;
  printArea: string;
  /** 0-based rows after which a new page starts (签到表: one batch per page). */
  rowBreaks?: number[];
  /** Row heights in points, by 0-based row (签到表: room to sign). */
  rowHeights?: { row: number; height: number }[];
}

/** A sheet's print setup, as every host writes it. */
export interface PageSetup {
  paper: "A4";
  orientation: "landscape" | "portrait";
  /** Fit to this many pages wide (0: no limit); the height is never limited. */
  fitWidth: number;
  /** 1-based rows repeated at the top of every printed page, e.g. "1:3". */
  titleRows: string | null;
  /** The footer text in spreadsheet header/footer codes (&P page, &N pages), centred. */
  footer: string;
  /** Margins in inches. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** Centre the table on the page horizontally. */
  centerHorizontally: boolean;
}

/** What the plans need besides the allocation and the issues. */
export interface PlanContext {
  year: number;
  /** The union the sheets are for (本级), for titles and the 填报单位 line. */
  ownUnion: string;
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
    page: pageSetup(null, "portrait"),
    printArea: "",
  };
}
