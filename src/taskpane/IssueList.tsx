// 校验 results: counts by severity, then the issues grouped by code; a row with a cell is a
// button that selects that cell in the sheet.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Notice } from "./Notice";
import type { Issue, IssueCode } from "../core/types";
import type { Analysis } from "../core/engine";
import { personOf } from "../core/people";
import { issueCell } from "../core/a1";
import { useStrings } from "./context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  h3: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
  },
  counts: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  row: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  plain: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  cell: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
});

/** Rows shown per group before "显示全部": a systematic mistake can flag thousands of rows. */
export const GROUP_PREVIEW = 50;

interface Group {
  code: IssueCode;
  severity: Issue["severity"];
  issues: Issue[];
}

export function groupIssues(issues: Issue[]): Group[] {
  const byCode = new Map<IssueCode, Group>();
  for (const i of issues) {
    const g = byCode.get(i.code);
    if (g) g.issues.push(i);
    else byCode.set(i.code, { code: i.code, severity: i.severity, issues: [i] });
  }
  // Errors first, each severity in order of first appearance.
  const groups = [...byCode.values()];
  return [
    ...groups.filter((g) => g.severity === "error"),
    ...groups.filter((g) => g.severity !== "error"),
  ];
}

export interface IssueListProps {
  analysis: Analysis;
  onGoTo(sheet: string, cell: string): void;
}

export function IssueList({ analysis, onGoTo }: IssueListProps): React.ReactElement {
  const s = useStrings();
  const styles = useStyles();
  const groups = groupIssues(analysis.issues);
  const [expanded, setExpanded] = React.useState<Set<IssueCode>>(new Set());
  return (
    <section className={styles.section} aria-labelledby="issues-heading">
      <h2 id="issues-heading" className={styles.h2}>
        {s.issuesHeading}
      </h2>
      {analysis.issues.length === 0 ? (
        <Notice intent="success">{s.noIssues}</Notice>
      ) : (
        <p className={styles.counts}>{s.counts(analysis.errorCount, analysis.warningCount)}</p>
      )}
      {groups.map((g) => (
        <section key={g.code} aria-labelledby={`issue-group-${g.code}`} data-code={g.code}>
          <h3 id={`issue-group-${g.code}`} className={styles.h3}>
            <span className={g.severity === "error" ? styles.error : styles.warning}>
              {s.severity[g.severity]}
            </span>
            <span>
              {s.issueTitle(g.code)}（{g.issues.length}）
            </span>
          </h3>
          <ul className={styles.list}>
            {(expanded.has(g.code) ? g.issues : g.issues.slice(0, GROUP_PREVIEW)).map((i, n) => {
              const cell = issueCell(i);
              const person = personOf(i, analysis.rosters);
              return (
                <li key={n}>
                  {cell ? (
                    <button
                      type="button"
                      className={styles.row}
                      onClick={() => onGoTo(i.sheet, cell)}
                    >
                      <span className={styles.cell}>
                        {person ? `${person} · ` : ""}
                        {i.sheet}!{cell}
                      </span>
                      <span>{i.message}</span>
                    </button>
                  ) : (
                    <div className={styles.plain}>{s.issueNoCell(i.sheet, i.message)}</div>
                  )}
                </li>
              );
            })}
          </ul>
          {g.issues.length > GROUP_PREVIEW && !expanded.has(g.code) && (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => setExpanded(new Set([...expanded, g.code]))}
            >
              {s.showAll(g.issues.length)}
            </Button>
          )}
        </section>
      ))}
    </section>
  );
}
