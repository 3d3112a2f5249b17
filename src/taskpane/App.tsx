// The task pane: sheet mapping, settings, 校验 / 清除标记 / 生成经费分摊表, and their results.
// It talks only to a PaneHost, so tests run it against a fake host and the playground against
// the Excel double.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Notice } from "./Notice";
import type { Options, SheetRole } from "../core/types";
import type { Analysis, SheetMapping } from "../core/engine";
import { parseOptions } from "../core/options";
import type { Progress } from "../app/port";
import type { GenerateResult } from "../app/actions";
import { normaliseSettings, StoredSettings } from "../app/settings";
import { documentsFromSettings } from "../app/settings";
import { errorCode } from "../app/errors";
import { hostMessage, PaneHost } from "./host";
import type { Lang, Strings } from "./strings";
import { stringsFor } from "./strings";
import { MappingPanel } from "./MappingPanel";
import { SettingsPanel, SettingsValue } from "./SettingsPanel";
import { IssueList } from "./IssueList";
import { Summary } from "./Summary";
import { NO_RULES, PANE_RULES, RulesPanel, RulesValue } from "./RulesPanel";
import { QuotaTable } from "./QuotaTable";
import type { RuleSet } from "../core/rules";
import { ProgressView } from "./ProgressView";
import { Busy, StringsContext } from "./context";

interface Failure {
  action: keyof Strings["actionNames"];
  message: string | null;
  code: string | null;
}

type Result =
  | { kind: "none" }
  | { kind: "validated"; analysis: Analysis }
  | { kind: "blocked"; analysis: Analysis }
  | { kind: "generated"; outcome: GenerateResult; forced: boolean }
  | { kind: "cleared" };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  h1: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface AppProps {
  host: PaneHost;
  lang?: Lang;
}

export function App({ host, lang = "zh" }: AppProps): React.ReactElement {
  const s = stringsFor(lang);
  const styles = useStyles();
  const problem = React.useMemo(() => host.requirementProblem(), [host]);
  const saved = React.useMemo<StoredSettings>(
    () => (problem ? {} : safeLoad(host)),
    [host, problem]
  );

  const [sheets, setSheets] = React.useState<string[] | null>(null);
  const [detected, setDetected] = React.useState<SheetMapping>({});
  const [mapping, setMapping] = React.useState<SheetMapping>({});
  const [settings, setSettings] = React.useState<SettingsValue>({
    ownUnion: saved.ownUnion ?? "",
    year: saved.year ? String(saved.year) : "",
    documents: documentsFromSettings(saved),
  });
  const [rules, setRules] = React.useState<RulesValue>(() => {
    const r = { ...NO_RULES };
    for (const k of PANE_RULES) if (saved[k] !== undefined) r[k] = String(saved[k]);
    return r;
  });
  const [inForce, setInForce] = React.useState<RuleSet | null>(null);
  const [payers, setPayers] = React.useState<string[]>([]);
  const [detectedOwn, setDetectedOwn] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [failure, setFailure] = React.useState<Failure | null>(null);
  const [result, setResult] = React.useState<Result>({ kind: "none" });
  const [status, setStatus] = React.useState("");

  const fail = (action: Failure["action"], e: unknown) => {
    console.error(e);
    setFailure({ action, message: hostMessage(e), code: errorCode(e) });
  };

  const detect = React.useCallback(
    async (keepChoice: SheetMapping) => {
      try {
        const r = await host.detectWorkbookSheets();
        setSheets(r.sheets);
        setDetected(r.mapping);
        // A remembered choice wins while its sheet still exists.
        const next: SheetMapping = { ...r.mapping };
        for (const role of ["rates", "history", "budget"] as const) {
          const name = keepChoice[role];
          // "" is an explicit "（无）": the engine then leaves that role empty.
          if (name === "" || (name && r.sheets.includes(name))) next[role] = name;
        }
        // The roster ticked before, while one of its sheets still exists ([] is "none").
        const kept = keepChoice.roster?.filter((n) => r.sheets.includes(n));
        if (keepChoice.roster?.length === 0 || (kept && kept.length > 0)) next.roster = kept;
        setMapping(next);
      } catch (e) {
        setSheets([]);
        fail("detect", e);
      }
    },
    [host]
  );

  React.useEffect(() => {
    if (!problem) void detect(saved.mapping ?? {});
  }, [detect, problem, saved]);

  // The ribbon's 一键生成 runs in another runtime (no shared runtime): when the pane regains focus
  // or becomes visible again it re-reads the workbook's sheets, so it shows what happened there.
  const mappingRef = React.useRef(mapping);
  mappingRef.current = mapping;
  const busyRef = React.useRef(false);
  React.useEffect(() => {
    if (problem || typeof window === "undefined") return undefined;
    const recheck = () => {
      if (document.visibilityState === "hidden" || busyRef.current) return;
      void detect(mappingRef.current);
    };
    window.addEventListener("focus", recheck);
    document.addEventListener("visibilitychange", recheck);
    return () => {
      window.removeEventListener("focus", recheck);
      document.removeEventListener("visibilitychange", recheck);
    };
  }, [detect, problem]);

  const persist = async (m: SheetMapping, v: SettingsValue, r: RulesValue = rules) => {
    try {
      await host.saveSettings(settingsOf(m, v, r));
    } catch (e) {
      fail("save", e);
    }
  };

  const changeRole = (role: Exclude<SheetRole, "roster">, name: string) => {
    const next = { ...mapping, [role]: name };
    setMapping(next);
    void persist(next, settings);
  };

  const changeRoster = (names: string[]) => {
    const next = { ...mapping, roster: names };
    setMapping(next);
    void persist(next, settings);
  };

  const changeSettings = (v: SettingsValue) => {
    setSettings(v);
    if (inputOf(mapping, v, rules).problems.length === 0) void persist(mapping, v);
  };

  const changeRules = (r: RulesValue) => {
    setRules(r);
    if (inputOf(mapping, settings, r).problems.length === 0) void persist(mapping, settings, r);
  };

  // A field out of bounds is shown as such in the settings and left at its default here.
  const options = (): Options => inputOf(mapping, settings, rules).options;

  const learn = (a: Analysis, o: Options) => {
    if (a.rates) setPayers(a.rates.payers);
    setInForce(a.rules);
    if (!o.ownUnion && a.allocation) setDetectedOwn(a.allocation.ownUnion);
  };

  const run = async (action: Busy["action"], work: (progress: Progress) => Promise<void>) => {
    setFailure(null);
    setBusy({ action, step: s.working, done: 0, total: 1 });
    setStatus(s.working);
    try {
      await work((step, done, total, detail) =>
        setBusy({
          action,
          step: detail ? s.stepDetail(s.steps[step], detail) : s.steps[step],
          done,
          total,
        })
      );
    } catch (e) {
      fail(action, e);
      setStatus(s.failed(s.actionNames[action]));
    } finally {
      setBusy(null);
    }
  };

  const validate = () =>
    run("validate", async (progress) => {
      const o = options();
      const a = await host.validate(o, progress);
      learn(a, o);
      setResult({ kind: "validated", analysis: a });
      setStatus(a.issues.length ? s.counts(a.errorCount, a.warningCount) : s.noIssues);
    });

  const clear = () =>
    run("clear", async () => {
      await host.clearMarks();
      setResult({ kind: "cleared" });
      setStatus(s.marksCleared);
    });

  const generate = (force: boolean) =>
    run("generate", async (progress) => {
      const o = options();
      const outcome = await host.generate(
        o,
        { force, markWhenBlocked: true, documents: settings.documents },
        progress
      );
      learn(outcome.analysis, o);
      if (outcome.blocked) {
        setResult({ kind: "blocked", analysis: outcome.analysis });
        setStatus(
          outcome.analysis.allocation ? s.blocked(outcome.analysis.errorCount) : s.cannotGenerate
        );
        return;
      }
      setResult({ kind: "generated", outcome, forced: force });
      const sheet = outcome.written.find((w) => w.role === "allocation");
      setStatus(sheet ? s.writtenTo(sheet.name) : "");
      await detect(mapping);
    });

  const goTo = async (sheet: string, cell?: string) => {
    setFailure(null);
    try {
      if (cell) await host.goToCell(sheet, cell);
      else await host.goToSheet(sheet);
    } catch (e) {
      fail("goto", e);
    }
  };

  busyRef.current = !!busy;
  const disabled = !!problem || !!busy || sheets === null;
  // The issues stay in view after generating too (a forced sheet's errors, the budget warning).
  const analysis =
    result.kind === "validated" || result.kind === "blocked"
      ? result.analysis
      : result.kind === "generated" && result.outcome.analysis.issues.length > 0
        ? result.outcome.analysis
        : null;
  const current =
    result.kind === "validated" || result.kind === "blocked"
      ? result.analysis
      : result.kind === "generated"
        ? result.outcome.analysis
        : null;

  return (
    <StringsContext.Provider value={s}>
      <main className={styles.root} lang={lang === "en" ? "en" : "zh-CN"}>
        <header>
          <h1 className={styles.h1}>{s.appTitle}</h1>
          <p className={styles.intro}>{s.appIntro}</p>
        </header>

        {problem && (
          <Notice intent="error" title={s.tooOld}>
            {problem}
          </Notice>
        )}

        <section className={styles.section} aria-labelledby="actions-heading">
          <h2 id="actions-heading" className={styles.h2}>
            {s.actionsHeading}
          </h2>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={disabled} onClick={() => void generate(false)}>
              {s.generate}
            </Button>
            <Button disabled={disabled} onClick={() => void validate()}>
              {s.validate}
            </Button>
            <Button disabled={disabled} onClick={() => void clear()}>
              {s.clearMarks}
            </Button>
          </div>
          {busy && <ProgressView busy={busy} />}
        </section>

        <div role="status" aria-live="polite" className={styles.srOnly}>
          {status}
        </div>

        {failure && (
          <Notice intent="error" title={s.failed(s.actionNames[failure.action])}>
            {failureText(s, failure)}
          </Notice>
        )}

        {result.kind === "blocked" && (
          <Notice intent={result.analysis.allocation ? "warning" : "error"} multiline>
            {result.analysis.allocation ? s.blocked(result.analysis.errorCount) : s.cannotGenerate}
          </Notice>
        )}
        {result.kind === "blocked" && result.analysis.allocation && (
          <div className={styles.actions}>
            <Button appearance="primary" disabled={disabled} onClick={() => void generate(true)}>
              {s.forceGenerate}
            </Button>
          </div>
        )}

        {result.kind === "generated" && (
          <Summary
            outcome={result.outcome}
            forced={result.forced}
            onOpen={(name) => void goTo(name)}
          />
        )}

        {result.kind === "cleared" && <Notice intent="success">{s.marksCleared}</Notice>}

        {current && (
          <QuotaTable
            analysis={current}
            waitlistSheet={
              result.kind === "generated"
                ? (result.outcome.written.find((w) => w.role === "waitlist")?.name ?? null)
                : null
            }
            onOpen={(name) => void goTo(name)}
          />
        )}

        {analysis && (
          <IssueList analysis={analysis} onGoTo={(sheet, cell) => void goTo(sheet, cell)} />
        )}

        {!problem && (
          <MappingPanel
            sheets={sheets}
            detected={detected}
            mapping={mapping}
            disabled={!!busy}
            onChange={changeRole}
            onRosterChange={changeRoster}
            onRefresh={() => void detect(mapping)}
          />
        )}

        <SettingsPanel
          value={settings}
          payers={payers}
          detectedOwn={detectedOwn}
          disabled={!!problem || !!busy}
          onChange={changeSettings}
        />

        <RulesPanel
          value={rules}
          inForce={inForce}
          disabled={!!problem || !!busy}
          onChange={changeRules}
        />
      </main>
    </StringsContext.Provider>
  );
}

/** The host's Chinese message (or ours) and Office's error code, unless the message already names it. */
function failureText(s: Strings, f: Failure): string {
  const message = f.message ?? s.unexpected;
  const code = f.code ?? s.unknownCode;
  return f.message && f.code && f.message.includes(f.code)
    ? message
    : `${message}（${s.errorCode(code)}）`;
}

function safeLoad(host: PaneHost): StoredSettings {
  try {
    return normaliseSettings(host.loadSettings());
  } catch (e) {
    console.error(e);
    return {};
  }
}

/** The pane's fields as options: the same parsing and bounds as the command line. */
function inputOf(
  m: SheetMapping,
  v: SettingsValue,
  r: RulesValue
): ReturnType<typeof parseOptions> {
  return parseOptions({
    sheets: m,
    ownUnion: v.ownUnion,
    year: v.year,
    ...r,
  });
}

function settingsOf(m: SheetMapping, v: SettingsValue, r: RulesValue): StoredSettings {
  const { options } = inputOf(m, v, r);
  return {
    mapping: m,
    ownUnion: options.ownUnion,
    nearRetirementMonths: options.nearRetirementMonths,
    year: options.year,
    perYear: options.perYear,
    historyYears: options.historyYears,
    dailyCap: options.dailyCap,
    annualCap: options.annualCap,
    documents: v.documents,
  };
}
