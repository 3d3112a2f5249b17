// The user's action, top-down: find the sheets → parse → resolve programmes → check → allocate
// → plan.
import type {
  Budget,
  Day,
  HistoryEntry,
  Issue,
  Options,
  Participant,
  RateTable,
  Roster,
  SheetChoice,
  SheetData,
  SheetRole,
  WorkbookData,
} from "./types";
import { FIELDS, findHeader, ROSTER_FIELDS, scoreSheet, SHEET_LABEL, SHEET_NAMES } from "./headers";
import { headerKey } from "./text";
import { parseBudget, parseHistory, parseRates, parseRoster, Parsed } from "./parse";
import { resolvePeople, resolvePrograms } from "./programs";
import { People } from "./rows";
import { checkBudget, checkRoster } from "./validate";
import { allocate, Allocation, detectOwnUnion } from "./allocate";
import { makeIssue, sortIssues } from "./issues";
import { MSG } from "./messages";
import { fenToYuan } from "./money";
import { today as todayLocal } from "./dates";
import {
  planAllocation,
  planInsurance,
  planNotice,
  planParticipants,
  planReport,
  planSignin,
  SheetPlan,
} from "./plan";
import type { DocumentRole } from "./generated";
import { DEFAULT_DOCUMENTS, isGeneratedName } from "./generated";
import { DEFAULT_NEAR_MONTHS } from "./options";
import { issueCell } from "./a1";
import { parseRulesSheet, resolveRules, RuleSet, RULES_SHEET } from "./rules";
import { checkAnnualCap, checkDailyCap } from "./caps";
import type { ProgramSelection } from "./selection";
import { planWaitlist } from "./plan";
import { rowKey } from "./plan/lists";
import { withFormulaGaps } from "./formula-gaps";

export type SheetMapping = SheetChoice;

type SingleRole = Exclude<SheetRole, "roster">;
const SINGLE_ROLES: SingleRole[] = ["rates", "budget", "history"];

/** Which sheet plays which role: by name and by headers, each sheet used once; a role mapped
 *  to "" (the roster to []) explicitly has none. Every sheet that qualifies as a roster is one
 *  (a roster split per programme or per unit); an explicit roster list is taken as it is. */
export function detectSheets(book: WorkbookData, explicit: SheetMapping = {}): SheetMapping {
  const out: SheetMapping = {};
  const taken = new Set<string>();
  const exists = (name: string) => book.sheets.some((s) => s.name === name);
  const chosen = explicit.roster?.filter((n) => exists(n) && !isGeneratedName(n)) ?? [];
  if (chosen.length > 0) {
    out.roster = inBookOrder(book, chosen);
    chosen.forEach((n) => taken.add(n));
  }
  for (const role of SINGLE_ROLES) {
    const want = explicit[role];
    if (want && exists(want) && !taken.has(want)) {
      out[role] = want;
      taken.add(want);
    }
  }
  const best = (role: SheetRole): string | null => {
    let top: { name: string; score: number } | null = null;
    for (const s of book.sheets) {
      if (taken.has(s.name) || isGeneratedName(s.name) || isRulesSheet(s.name)) continue;
      const score = scoreSheet(s, role);
      // A sheet needs a familiar name or at least two required columns for its role.
      const enough = score >= 20;
      const historyOk = role !== "history" || score >= 100 || hasYearColumn(s);
      if (enough && historyOk && (!top || score > top.score)) top = { name: s.name, score };
    }
    if (top) taken.add(top.name);
    return top?.name ?? null;
  };
  // An explicit [] means the user chose no roster (the pane's "（无）").
  const detectRoster = !out.roster && explicit.roster?.length !== 0;
  if (detectRoster) {
    const first = best("roster");
    if (first) out.roster = [first];
  }
  for (const role of SINGLE_ROLES) {
    // An explicit "" means the user chose no sheet for this role (the pane's "（无）").
    if (out[role] || explicit[role] === "") continue;
    const name = best(role);
    if (name) out[role] = name;
  }
  // The other parts of a split roster, once the other roles have taken their sheets.
  if (detectRoster && out.roster) {
    const more = book.sheets.filter((s) => !taken.has(s.name) && rosterFit(s) === "full");
    out.roster = inBookOrder(book, [...out.roster, ...more.map((s) => s.name)]);
  }
  return out;
}

function inBookOrder(book: WorkbookData, names: string[]): string[] {
  return book.sheets.map((s) => s.name).filter((n) => names.includes(n));
}

/** How far a sheet looks like a roster: "full" — the ID and programme columns and at least
 *  four of the six required columns; "partial" — a roster's name or two required columns;
 *  otherwise "none". Sheets named for another role (历史记录, 项目费率, 预算) are not rosters. */
function rosterFit(s: SheetData): "full" | "partial" | "none" {
  if (isGeneratedName(s.name) || isRulesSheet(s.name)) return "none";
  const key = headerKey(s.name);
  const otherName = SINGLE_ROLES.some((r) => SHEET_NAMES[r].some((n) => headerKey(n) === key));
  if (otherName) return "none";
  const m = findHeader(s.values, ROSTER_FIELDS);
  const hits = m ? ROSTER_FIELDS.filter((f) => f.required && f.field in m.columns).length : 0;
  if (m && "idNumber" in m.columns && "program" in m.columns && hits >= 4) return "full";
  return hits >= 2 || scoreSheet(s, "roster") >= 100 ? "partial" : "none";
}

/** A sheet that looks like a roster but is not read as one: said, never dropped silently. */
function unusedRosters(book: WorkbookData, mapping: SheetMapping): Issue[] {
  const used = new Set<string>(
    [...(mapping.roster ?? []), mapping.rates, mapping.history, mapping.budget].filter(
      (x): x is string => !!x
    )
  );
  const issues: Issue[] = [];
  for (const s of book.sheets) {
    if (used.has(s.name)) continue;
    const fit = rosterFit(s);
    if (fit === "none") continue;
    const message =
      fit === "full" ? MSG.rosterDeselected(s.name) : MSG.rosterPartial(s.name, missingOf(s));
    issues.push(makeIssue("ROSTER_SHEET_UNUSED", s.name, message));
  }
  return issues;
}

function missingOf(s: SheetData): string[] {
  const m = findHeader(s.values, ROSTER_FIELDS);
  return ROSTER_FIELDS.filter((f) => f.required && !(m && f.field in m.columns)).map(
    (f) => f.canonical
  );
}

/** The optional sheet of a union's rules (rules.ts), found by its name. */
function isRulesSheet(name: string): boolean {
  return headerKey(name) === headerKey(RULES_SHEET);
}

function hasYearColumn(s: SheetData): boolean {
  const m = findHeader(s.values, FIELDS.history);
  return !!m && "year" in m.columns && "idNumber" in m.columns;
}

export interface Analysis {
  mapping: SheetMapping;
  issues: Issue[];
  /** The roster sheets read, in workbook order (one per sheet of a split roster). */
  rosters: Roster[];
  rates: RateTable | null;
  history: HistoryEntry[];
  budget: Budget | null;
  allocation: Allocation | null;
  /** The rules in force, each with its source (默认/设置/规则表). */
  rules: RuleSet;
  /** Per programme with applicants, in rate-sheet order: who is ranked where, who is selected. */
  selection: ProgramSelection[];
  year: number;
  errorCount: number;
  warningCount: number;
}

export function analyse(book: WorkbookData, options: Options = {}): Analysis {
  const today: Day = options.today ?? todayLocal();
  const mapping = detectSheets(book, options.sheets);
  const found: Issue[][] = [missingSheets(mapping), unusedRosters(book, mapping)];
  const readSheet = <T>(name: string | undefined, parse: (s: SheetData) => Parsed<T>): T | null => {
    const s = book.sheets.find((x) => x.name === name);
    if (!s) return null;
    const r = parse(s);
    found.push(r.issues);
    return r.value;
  };
  const read = <T>(role: SingleRole, parse: (s: SheetData) => Parsed<T>): T | null =>
    readSheet(mapping[role], parse);
  const rates = read("rates", parseRates);
  const rosters = (mapping.roster ?? [])
    .map((name) => readSheet(name, (s) => parseRoster(s, today)))
    .filter((r): r is Roster => r !== null);
  const history = read("history", (s) => parseHistory(s, today)) ?? [];
  const budget = read("budget", parseBudget);
  const rulesSheet = book.sheets.find((s) => isRulesSheet(s.name));
  const fromSheet = rulesSheet ? parseRulesSheet(rulesSheet) : null;
  if (fromSheet) found.push(fromSheet.issues);
  const rules = resolveRules(options, fromSheet?.value);

  const year = options.year ?? programmeYear(rates) ?? today.y;
  const programs = resolvePeople(new People(rosters), rates);
  let selection: ProgramSelection[] = [];
  if (rosters.length > 0) {
    const checked = checkRoster(programs, rates, history, {
      year,
      nearMonths: rules.nearRetirementMonths.value ?? DEFAULT_NEAR_MONTHS,
      perYear: rules.perYear.value ?? 1,
      historyYears: rules.historyYears.value ?? 0,
    });
    found.push(checked.issues);
    found.push(checkAnnualCap(rosters, programs, history, year, rules.annualCap.value));
    const order = new Map(rates?.programs.map((p, i) => [p, i]));
    selection = [...checked.selection].sort(
      (a, b) => (order.get(a.program) ?? 0) - (order.get(b.program) ?? 0)
    );
  }

  let allocation: Allocation | null = null;
  if (rates) {
    found.push(checkDailyCap(rates, rules.dailyCap.value));
    const own = detectOwnUnion(rates, options.ownUnion);
    allocation = allocate(rates, programs, own, budget);
    found.push(checkBudget(allocation));
  }

  const issues = sortIssues(withFormulaGaps(found.flat(), book), book);
  const errorCount = issues.filter((i) => i.severity === "error").length;
  return {
    mapping,
    issues,
    rosters,
    rates,
    history,
    budget,
    allocation,
    rules,
    selection,
    year,
    errorCount,
    warningCount: issues.length - errorCount,
  };
}

/** The roster and the rate sheet are required. */
function missingSheets(mapping: SheetMapping): Issue[] {
  return (["roster", "rates"] as SheetRole[])
    .filter((role) => (role === "roster" ? !mapping.roster?.length : !mapping[role]))
    .map((role) =>
      makeIssue("SHEET_MISSING", SHEET_LABEL[role], MSG.sheetMissing(SHEET_LABEL[role]))
    );
}

function programmeYear(rates: RateTable | null): number | null {
  if (!rates) return null;
  const votes = new Map<number, number>();
  for (const p of rates.programs)
    if (p.start) votes.set(p.start.y, (votes.get(p.start.y) ?? 0) + 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}

export interface PlannedSheets {
  allocation: SheetPlan | null;
  report: SheetPlan;
  /** 名额与候补, when a programme is oversubscribed; null: an earlier one is to be removed. */
  waitlist: SheetPlan | null;
  /** The chosen lists of the document pack, in DOCUMENT_ROLES order. */
  documents: SheetPlan[];
}

const DOCUMENT_PLANS = {
  participants: planParticipants,
  insurance: planInsurance,
  signin: planSignin,
  notice: planNotice,
} as const;

export function planSheets(
  a: Analysis,
  names: { allocation?: string; report?: string } = {},
  documents: readonly DocumentRole[] = DEFAULT_DOCUMENTS
): PlannedSheets {
  const ctx = {
    year: a.year,
    ownUnion: a.allocation?.ownUnion ?? "",
    rosters: a.rosters.map((r) => ({
      sheet: r.sheet,
      programCol: r.columns.program?.col ?? null,
      lastRow: r.lastRow,
    })),
    errorCount: a.errorCount,
    warningCount: a.warningCount,
  };
  return {
    allocation: a.allocation ? planAllocation(a.allocation, ctx, names.allocation) : null,
    report: planReport(a.issues, ctx, names.report),
    waitlist: planWaitlist(a.selection, ctx),
    documents: planDocuments(a, ctx, documents),
  };
}

function planDocuments(
  a: Analysis,
  ctx: Parameters<typeof planReport>[1],
  documents: readonly DocumentRole[]
): SheetPlan[] {
  // No list asked for (the default): nothing to work out for them.
  if (documents.length === 0 || a.rosters.length === 0 || !a.rates) return [];
  const rosterSheets = a.rosters.map((r) => r.sheet);
  // The waitlist (候补: QUOTA_EXCEEDED on the row) does not go: it is on none of the lists.
  const waitlisted = new Set(
    a.issues
      .filter(
        (i) => i.code === "QUOTA_EXCEEDED" && i.row !== undefined && rosterSheets.includes(i.sheet)
      )
      .map((i) => rowKey(i.sheet, i.row!))
  );
  const participants = a.rosters.flatMap((r) => r.participants);
  const input = {
    enrolled: resolvePrograms(participants, a.rates).enrolled.filter(
      (e) => !waitlisted.has(rowKey(e.participant.sheet, e.participant.row))
    ),
    rosterSheets,
    issues: a.issues,
  };
  const programs = a.rates.programs;
  return (Object.keys(DOCUMENT_PLANS) as DocumentRole[])
    .filter((r) => documents.includes(r))
    .map((r) => DOCUMENT_PLANS[r](input, programs, ctx));
}

// The JSON report (docs/DOMAIN.md §6): figures in 元, rows 1-based, cells as A1 text.
export interface ReportIssue {
  severity: Issue["severity"];
  code: Issue["code"];
  sheet: string;
  row?: number;
  column?: string;
  /** A1 address within `sheet`, e.g. "C7". */
  cell?: string;
  message: string;
}

export interface ReportJson {
  ok: boolean;
  issues: ReportIssue[];
  allocation: {
    ownUnion: string;
    programs: {
      code: string;
      name: string;
      headcount: number;
      quota: number | null;
      /** Rows that name the programme (报名). */
      applicants: number;
      /** How many are selected (入选), and their roster rows in rank order. */
      selected: number;
      selectedRows: number[];
      /** The waitlist (候补): roster rows in rank order. */
      waitlistRows: number[];
      /** The same rows with their roster sheet (a roster may span several sheets). */
      selectedAt: RowAt[];
      waitlistAt: RowAt[];
      perPerson: number;
      cost: number;
      transport: number;
      transportPayer: string;
      shares: Record<string, number>;
    }[];
    totals: { cost: number; transport: number; byPayer: Record<string, number> };
    budget: {
      sources: { name: string; amount: number }[];
      total: number;
      difference: number;
    } | null;
  } | null;
  /** The rules in force and where each came from. */
  rules: Record<string, { value: number | null; source: string }>;
}

/** A roster row and the sheet it is on. */
export interface RowAt {
  sheet: string;
  row: number;
}

function selectionJson(sel: ProgramSelection | undefined, applicants: number) {
  const ranked = sel?.ranked ?? [];
  const selected = ranked.filter((r) => r.selected).map((r) => r.participant);
  const waitlist = ranked.filter((r) => !r.selected).map((r) => r.participant);
  const at = (p: Participant): RowAt => ({ sheet: p.sheet, row: p.row });
  return {
    applicants,
    selected: selected.length,
    selectedRows: selected.map((p) => p.row),
    waitlistRows: waitlist.map((p) => p.row),
    selectedAt: selected.map(at),
    waitlistAt: waitlist.map(at),
  };
}

export function toReportJson(a: Analysis): ReportJson {
  const al = a.allocation;
  return {
    ok: a.errorCount === 0,
    // Keys in the contract's order.
    issues: a.issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      sheet: i.sheet,
      row: i.row,
      column: i.column,
      cell: issueCell(i),
      message: i.message,
    })),
    allocation: al
      ? {
          ownUnion: al.ownUnion,
          programs: al.programs.map((pa) => ({
            code: pa.program.code,
            name: pa.program.name,
            headcount: pa.headcount,
            quota: pa.program.quota,
            ...selectionJson(
              a.selection.find((x) => x.program === pa.program),
              pa.applicants
            ),
            perPerson: fenToYuan(pa.program.perPersonFen),
            cost: fenToYuan(pa.costFen),
            transport: fenToYuan(pa.transportFen),
            transportPayer: pa.transportPayer,
            shares: Object.fromEntries(pa.shares.map((s) => [s.payer, fenToYuan(s.fen)])),
          })),
          totals: {
            cost: fenToYuan(al.costFen),
            transport: fenToYuan(al.transportFen),
            byPayer: Object.fromEntries([...al.byPayer].map(([k, v]) => [k, fenToYuan(v)])),
          },
          budget: al.budget
            ? {
                sources: al.budget.sources.map((s) => ({ name: s.name, amount: fenToYuan(s.fen) })),
                total: fenToYuan(al.budget.totalFen),
                difference: fenToYuan(al.budget.differenceFen),
              }
            : null,
        }
      : null,
    rules: Object.fromEntries(
      Object.entries(a.rules).map(([k, r]) => [k, { value: r.value, source: r.source }])
    ),
  };
}
