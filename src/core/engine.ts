// The user's action, top-down: find the sheets → parse → check → allocate → plan.
import type {
  Day,
  HistoryEntry,
  Issue,
  Options,
  RateTable,
  SheetData,
  SheetRole,
  WorkbookData,
  Budget,
} from "./types";
import { FIELDS, findHeader, scoreSheet, SHEET_LABEL } from "./headers";
import {
  IssueSink,
  parseBudget,
  parseHistory,
  parseRates,
  parseRoster,
  Roster,
  Table,
} from "./parse";
import { checkRoster } from "./validate";
import { allocate, Allocation, detectOwnUnion } from "./allocate";
import { MSG } from "./messages";
import { formatYuan, fenToYuan } from "./money";
import { today as todayLocal } from "./dates";
import { planAllocation, planReport, SheetPlan } from "./plan";
import { isGeneratedName } from "./generated";
import { parseA1 } from "./a1";

export type SheetMapping = Partial<Record<SheetRole, string>>;

const ROLES: SheetRole[] = ["roster", "rates", "budget", "history"];
export const DEFAULT_NEAR_MONTHS = 24;

/** Which sheet plays which role: by name and by headers, each sheet used once; a role mapped
 *  to "" explicitly has none. */
export function detectSheets(book: WorkbookData, explicit: SheetMapping = {}): SheetMapping {
  const out: SheetMapping = {};
  const taken = new Set<string>();
  for (const role of ROLES) {
    const want = explicit[role];
    if (want && book.sheets.some((s) => s.name === want)) {
      out[role] = want;
      taken.add(want);
    }
  }
  for (const role of ROLES) {
    // An explicit "" means the user chose no sheet for this role (the pane's "（无）").
    if (out[role] || explicit[role] === "") continue;
    let best: { name: string; score: number } | null = null;
    for (const s of book.sheets) {
      if (taken.has(s.name) || isGeneratedName(s.name)) continue;
      const score = scoreSheet(s, role);
      // A sheet needs a familiar name or at least two required columns for its role.
      const enough = score >= 20;
      const historyOk = role !== "history" || score >= 100 || hasYearColumn(s);
      if (enough && historyOk && (!best || score > best.score)) best = { name: s.name, score };
    }
    if (best) {
      out[role] = best.name;
      taken.add(best.name);
    }
  }
  return out;
}

function hasYearColumn(s: SheetData): boolean {
  const m = findHeader(s.values, FIELDS.history);
  return !!m && "year" in m.columns && "idNumber" in m.columns;
}

export interface Analysis {
  mapping: SheetMapping;
  issues: Issue[];
  roster: Roster | null;
  rates: RateTable | null;
  history: HistoryEntry[];
  budget: Budget | null;
  allocation: Allocation | null;
  year: number;
  errorCount: number;
  warningCount: number;
}

export function analyse(book: WorkbookData, options: Options = {}): Analysis {
  const today: Day = options.today ?? todayLocal();
  const sink = new IssueSink();
  const mapping = detectSheets(book, options.sheets);
  const sheet = (role: SheetRole) => book.sheets.find((s) => s.name === mapping[role]);
  const table = (role: SheetRole): Table | null => {
    const s = sheet(role);
    if (!s) return null;
    const h = findHeader(s.values, FIELDS[role], role === "rates");
    if (!h) {
      for (const fd of FIELDS[role].filter((x) => x.required)) {
        sink.add(
          "HEADER_MISSING",
          s.name,
          MSG.headerMissing(fd.canonical, s.name),
          undefined,
          undefined,
          fd.canonical
        );
      }
      return null;
    }
    return new Table(s, h, FIELDS[role]);
  };

  for (const role of ["roster", "rates"] as SheetRole[]) {
    if (!mapping[role])
      sink.add("SHEET_MISSING", SHEET_LABEL[role], MSG.sheetMissing(SHEET_LABEL[role]));
  }
  const rt = table("rates");
  const rates = rt ? parseRates(rt, sink) : null;
  const rosterTable = table("roster");
  const roster = rosterTable ? parseRoster(rosterTable, today, sink) : null;
  const ht = table("history");
  const history = ht ? parseHistory(ht, today, sink) : [];
  const bt = table("budget");
  const budget = bt ? parseBudget(bt, sink) : null;

  const year = options.year ?? programmeYear(rates) ?? today.y;
  if (roster) {
    checkRoster(
      roster,
      rates,
      history,
      { year, nearMonths: options.nearRetirementMonths ?? DEFAULT_NEAR_MONTHS },
      sink
    );
  }

  let allocation: Allocation | null = null;
  if (rates) {
    const own = detectOwnUnion(rates, options.ownUnion);
    allocation = allocate(rates, roster?.participants ?? [], own, budget);
    if (allocation.budget && allocation.budget.differenceFen < 0n) {
      const b = allocation.budget;
      sink.add(
        "BUDGET_EXCEEDED",
        b.sheet,
        MSG.budgetExceeded(
          own,
          formatYuan(allocation.ownTotalFen),
          formatYuan(b.totalFen),
          formatYuan(b.differenceFen)
        )
      );
    }
  }

  const issues = sortIssues(sink.issues, book);
  const errorCount = issues.filter((i) => i.severity === "error").length;
  return {
    mapping,
    issues,
    roster,
    rates,
    history,
    budget,
    allocation,
    year,
    errorCount,
    warningCount: issues.length - errorCount,
  };
}

function programmeYear(rates: RateTable | null): number | null {
  if (!rates) return null;
  const votes = new Map<number, number>();
  for (const p of rates.programs)
    if (p.start) votes.set(p.start.y, (votes.get(p.start.y) ?? 0) + 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}

/** Sheet-level issues first, then by sheet order, row and column. */
function sortIssues(issues: Issue[], book: WorkbookData): Issue[] {
  const order = new Map(book.sheets.map((s, i) => [s.name, i]));
  const key = (i: Issue) => {
    const pos = i.cell ? parseA1(i.cell) : { row: -1, col: -1 };
    return [i.row === undefined ? 0 : 1, order.get(i.sheet) ?? -1, pos.row, pos.col];
  };
  return issues
    .map((i, n) => ({ i, n, k: key(i) }))
    .sort((a, b) => {
      for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] - b.k[j];
      return a.n - b.n;
    })
    .map((x) => x.i);
}

export interface PlannedSheets {
  allocation: SheetPlan | null;
  report: SheetPlan;
}

export function planSheets(
  a: Analysis,
  names: { allocation?: string; report?: string } = {}
): PlannedSheets {
  const ctx = {
    year: a.year,
    rosterSheet: a.roster?.table.name ?? "花名册",
    rosterProgramCol:
      a.roster && a.roster.table.has("program") ? a.roster.table.col0("program") : null,
    errorCount: a.errorCount,
    warningCount: a.warningCount,
  };
  return {
    allocation: a.allocation ? planAllocation(a.allocation, ctx, names.allocation) : null,
    report: planReport(a.issues, ctx, names.report),
  };
}

// The JSON report (docs/DOMAIN.md §6): figures in 元, rows 1-based.
export interface ReportJson {
  ok: boolean;
  issues: Issue[];
  allocation: {
    ownUnion: string;
    programs: {
      code: string;
      name: string;
      headcount: number;
      quota: number | null;
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
}

export function toReportJson(a: Analysis): ReportJson {
  const al = a.allocation;
  return {
    ok: a.errorCount === 0,
    // Keys in the contract's order.
    issues: a.issues.map(({ severity, code, sheet, row, column, cell, message }) => ({
      severity,
      code,
      sheet,
      row,
      column,
      cell,
      message,
    })),
    allocation: al
      ? {
          ownUnion: al.ownUnion,
          programs: al.programs.map((pa) => ({
            code: pa.program.code,
            name: pa.program.name,
            headcount: pa.headcount,
            quota: pa.program.quota,
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
  };
}
