// After 生成经费分摊表: headcount, what each payer bears, and the own union against its budget
// sources with the exact gap.
import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Notice } from "./Notice";
import { formatYuan } from "../core/money";
import type { GenerateResult } from "../app/actions";
import { useStrings } from "./context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  p: { margin: 0 },
  dl: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto auto",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
  },
  dd: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  table: { borderCollapse: "collapse", width: "100%" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  td: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  open: { alignSelf: "flex-start" },
});

export interface SummaryProps {
  outcome: GenerateResult;
  forced: boolean;
  onOpen(sheet: string): void;
}

export function Summary({ outcome, forced, onOpen }: SummaryProps): React.ReactElement {
  const s = useStrings();
  const styles = useStyles();
  const al = outcome.analysis.allocation;
  const sheet = outcome.written.find((w) => w.role === "allocation");
  const headcount = al ? al.programs.reduce((n, p) => n + p.headcount, 0) : 0;
  const total = al ? [...al.byPayer.values()].reduce((a, b) => a + b, 0n) : 0n;
  const b = al?.budget ?? null;
  // Focus moves to the result: the button that was clicked (仍然生成) may be gone, and a
  // screen reader then reads the outcome.
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => heading.current?.focus(), [outcome]);
  return (
    <section className={styles.section} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.h2} ref={heading} tabIndex={-1}>
        {s.summaryHeading}
      </h2>
      {sheet && (
        <p className={styles.p}>
          {sheet.renamed ? s.renamed(sheet.name) : s.writtenTo(sheet.name)}
        </p>
      )}
      {forced && outcome.analysis.errorCount > 0 && (
        <Notice intent="warning">{s.forcedNote}</Notice>
      )}
      {al && (
        <>
          <p className={styles.p}>
            {s.headcount}：{s.people(headcount)}
          </p>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col" className={styles.th}>
                  {s.payer}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {s.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {al.payers.map((p) => (
                <tr key={p}>
                  <th scope="row" className={styles.td}>
                    {p}
                  </th>
                  <td className={mergeClasses(styles.td, styles.num)}>
                    {formatYuan(al.byPayer.get(p) ?? 0n)}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" className={styles.td}>
                  {s.totalCost}
                </th>
                <td className={mergeClasses(styles.td, styles.num)}>{formatYuan(total)}</td>
              </tr>
            </tbody>
          </table>
          <dl className={styles.dl}>
            <dt>{s.ownTotal(al.ownUnion)}</dt>
            <dd className={styles.dd}>{s.yuan(formatYuan(al.ownTotalFen))}</dd>
            {b ? (
              <>
                <dt>{s.budgetSources}</dt>
                <dd className={styles.dd}>{s.yuan(formatYuan(b.totalFen))}</dd>
                <dt>{s.gap}</dt>
                <dd
                  className={
                    b.differenceFen < 0n ? mergeClasses(styles.dd, styles.over) : styles.dd
                  }
                >
                  {b.differenceFen < 0n
                    ? s.over(formatYuan(-b.differenceFen))
                    : b.differenceFen > 0n
                      ? s.under(formatYuan(b.differenceFen))
                      : s.balanced}
                </dd>
              </>
            ) : (
              <>
                <dt>{s.budgetSources}</dt>
                <dd className={styles.dd}>{s.noBudget}</dd>
              </>
            )}
          </dl>
        </>
      )}
      {sheet && (
        <Button className={styles.open} appearance="primary" onClick={() => onOpen(sheet.name)}>
          {s.openSheet(sheet.name)}
        </Button>
      )}
    </section>
  );
}
