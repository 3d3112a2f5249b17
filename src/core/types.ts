// The domain's shapes. Cells arrive exactly as Excel hands them over: strings, numbers,
// booleans, blanks ("" from the Excel host, null from others). Dates are Excel serial numbers.

export type Cell = string | number | boolean | null;

/** One sheet as a host read it: values from A1 (or from `origin`) down and right. */
export interface SheetData {
  name: string;
  values: Cell[][];
  /** Number formats parallel to `values`, where the host has them (IDs and dates need them). */
  numberFormats?: string[][];
  /** 0-based sheet position of values[0][0]; a used range may start below or right of A1. */
  origin?: { row: number; col: number };
  /** Formula cells the host could not give a value for (1-based sheet positions); their cells
   *  are blank in `values`. Reported as FORMULA_NO_VALUE instead of anything about a blank. */
  formulasWithoutValue?: { row: number; col: number; formula: string }[];
}

export interface WorkbookData {
  sheets: SheetData[];
}

export type Severity = "error" | "warning";

export type IssueCode =
  | "SHEET_MISSING"
  | "HEADER_MISSING"
  | "MISSING_REQUIRED"
  | "ID_FORMAT"
  | "ID_CHECKSUM"
  | "ID_BIRTHDATE"
  | "ID_NUMERIC_PRECISION"
  | "ID_15_DIGIT"
  | "DUPLICATE_ID"
  | "DUPLICATE_HISTORY"
  | "POSSIBLE_DUPLICATE"
  | "UNKNOWN_PROGRAM"
  | "NOT_ELIGIBLE"
  | "NOT_MEMBER"
  | "QUOTA_EXCEEDED"
  | "DATE_OUTSIDE_WINDOW"
  | "RETIRED"
  | "GENDER_MISMATCH"
  | "PHONE_FORMAT"
  | "RATE_INVALID"
  | "RATE_SHARES_MISMATCH"
  | "BUDGET_EXCEEDED"
  | "RATE_OVER_CAP"
  | "ANNUAL_CAP_EXCEEDED"
  | "RULE_INVALID"
  | "ROSTER_SHEET_UNUSED"
  | "RATE_DATE"
  | "FORMULA_NO_VALUE";

export interface Issue {
  severity: Severity;
  code: IssueCode;
  sheet: string;
  /** 1-based sheet row; absent for sheet-level issues. */
  row?: number;
  /** 1-based sheet column, with `row`; absent when there is no cell (its column is missing). */
  col?: number;
  /** The column's header as the user wrote it (or the canonical name when missing). */
  column?: string;
  message: string;
}

/** A calendar day, independent of time zones. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

export type Gender = "男" | "女";

export interface IdInfo {
  /** Normalised 18-character ID (15-digit IDs converted), or null when unusable. */
  id18: string | null;
  birth?: Day;
  gender?: Gender;
}

export interface Participant {
  /** The roster sheet the row is on (a roster may span several sheets). */
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  name: string;
  rawId: Cell;
  id: IdInfo;
  gender?: string;
  unit: string;
  member: boolean | null;
  memberText: string;
  categories: string[];
  /** The programme cell as typed, and trimmed text of it. */
  programRaw: Cell;
  programText: string;
  batch: string;
  date: Day | null;
  /** The date cell as typed; "" for a date serial (shown from `date` as 2024-06-01). */
  dateText: string;
  phone: string;
  note: string;
  /** 岗位性质: 工人 means the women's 50 statutory age. */
  postType: string;
}

/** A column found by its header. */
export interface FieldColumn {
  /** 0-based sheet column. */
  col: number;
  /** The header as the user wrote it. */
  title: string;
}

/** The roster as read: its sheet, where its columns are, one participant per data row. */
export interface Roster {
  sheet: string;
  /** Field (name, idNumber, program, …) → its column; absent when the header is missing. */
  columns: Partial<Record<string, FieldColumn>>;
  /** One participant per data row, made when first asked for (the checks read the rows
   *  column-wise, rows.ts). */
  participants: Participant[];
  /** How many participants, and the last one's 1-based sheet row (1 when there are none). */
  count: number;
  lastRow: number;
}

export type ShareSpec =
  | { kind: "zero" }
  | { kind: "amount"; fen: bigint }
  | { kind: "ratio"; num: bigint; den: bigint; percent: boolean }
  | { kind: "full" }
  | { kind: "rest" };

export interface CellRef {
  sheet: string;
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  /** Whether the cell holds a number, so a formula may refer to it directly. */
  numeric: boolean;
  /** The number in the cell, when numeric (a formula rounds it to the fen when it has more digits). */
  value?: number;
}

export interface ShareCell {
  payer: string;
  spec: ShareSpec;
  ref: CellRef;
  /** The cell could not be read (RATE_INVALID, RATE_DATE): it counts 0, in formulas too. */
  unreadable?: boolean;
}

export interface Program {
  row: number;
  code: string;
  name: string;
  scope: string;
  place: string;
  start: Day | null;
  end: Day | null;
  quota: number | null;
  quotaRef: CellRef | null;
  perPersonFen: bigint;
  perPersonRef: CellRef | null;
  shares: ShareCell[];
  transportFen: bigint;
  transportRef: CellRef | null;
  transportPayer: string;
  /** The 交通费承担方 cell, when the column exists. */
  transportPayerRef: CellRef | null;
  eligible: string[];
  priority: string[];
  memberRequired: boolean;
  /** Days of the stay: the 天数 column, else the 开始/结束 dates counted inclusively; null when
   *  neither is there. */
  days: number | null;
  /** Shares are unusable (RATE_INVALID or RATE_SHARES_MISMATCH): each payer is computed on its own. */
  sharesInvalid: boolean;
}

export interface RateTable {
  sheet: string;
  /** The 人均标准 column's header as written, for issues placed on it. */
  perPersonTitle?: string;
  payers: string[];
  programs: Program[];
}

export interface HistoryEntry {
  row: number;
  name: string;
  id18: string | null;
  program: string;
  year: number | null;
  /** 金额 of that trip, when the history sheet has the column (for the annual cap). */
  fen: bigint | null;
}

export interface BudgetSource {
  name: string;
  fen: bigint;
  ref: CellRef | null;
  /** The amount column is in 万元 (header unit), so a formula multiplies by 10000. */
  tenThousand: boolean;
}

export interface Budget {
  sheet: string;
  sources: BudgetSource[];
}

export interface Options {
  /** The union whose budget this is (本级). Default: detected from the rate sheet. */
  ownUnion?: string;
  /** Months before statutory retirement that count as 临近退休. */
  nearRetirementMonths?: number;
  /** 每人每年参加次数 (default 1). */
  perYear?: number;
  /** 追溯年数: history years before this one that also count (default 0). */
  historyYears?: number;
  /** 每人每天上限 in 元 (default none). */
  dailyCap?: number;
  /** 每人每年上限 in 元 across programmes (default none). */
  annualCap?: number;
  /** Programme year. Default: the year of the programmes' start dates. */
  year?: number;
  /** Today, for future-birth-date checks. */
  today?: Day;
  /** Explicit sheet choices (by name); detection otherwise. */
  sheets?: SheetChoice;
}

/** Which sheet plays which role. The roster may be several sheets (in workbook order); an
 *  explicit "" (or an empty roster list) means the user chose none for that role. */
export interface SheetChoice {
  roster?: string[];
  rates?: string;
  history?: string;
  budget?: string;
}

export type SheetRole = "roster" | "rates" | "history" | "budget";
