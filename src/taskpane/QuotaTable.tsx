// Per programme after 校验 or 生成: 报名 / 名额 / 入选 / 候补, the order of priority, and a way to
// open the 名额与候补 sheet once it was written.
import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Analysis } from "../core/engine";
import { useStrings } from "./context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  p: { margin: 0, color: tokens.colorNeutralForeground2 },
  table: { borderCollapse: "collapse", width: "100%" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  td: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  open: { alignSelf: "flex-start" },
});

export interface QuotaTableProps {
  analysis: Analysis;
  /** The 名额与候补 sheet's name when it was just written. */
  waitlistSheet: string | null;
  onOpen(sheet: string): void;
}

export function QuotaTable({
  analysis,
  waitlistSheet,
  onOpen,
}: QuotaTableProps): React.ReactElement | null {
  const s = useStrings();
  const styles = useStyles();
  const al = analysis.allocation;
  if (!al) return null;
  const rows = al.programs.map((pa) => {
    const sel = analysis.selection.find((x) => x.program === pa.program);
    const selected = sel?.selectedCount ?? 0;
    return {
      code: pa.program.code,
      name: pa.program.name || pa.program.code,
      applicants: pa.applicants,
      quota: pa.program.quota,
      selected,
      waiting: (sel?.count ?? 0) - selected,
    };
  });
  const over = rows.some((r) => r.waiting > 0);
  const num = mergeClasses(styles.td, styles.num);
  const c = s.quotaCols;
  return (
    <section className={styles.section} aria-labelledby="quota-heading">
      <h2 id="quota-heading" className={styles.h2}>
        {s.quotaHeading}
      </h2>
      <p className={styles.p}>{s.quotaOrder}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            {[c.program, c.applicants, c.quota, c.selected, c.waiting].map((h, i) => (
              <th
                key={h}
                scope="col"
                className={i ? mergeClasses(styles.th, styles.num) : styles.th}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row" className={styles.td}>
                {r.name}
              </th>
              <td className={num}>{r.applicants}</td>
              <td className={num}>{r.quota ?? "—"}</td>
              <td className={num}>{r.selected}</td>
              <td className={r.waiting > 0 ? mergeClasses(num, styles.over) : num}>{r.waiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!over && <p className={styles.p}>{s.quotaNone}</p>}
      {over && waitlistSheet && (
        <Button className={styles.open} onClick={() => onOpen(waitlistSheet)}>
          {s.openSheet(waitlistSheet)}
        </Button>
      )}
      {over && !waitlistSheet && <p className={styles.p}>{s.quotaAfterGenerate}</p>}
    </section>
  );
}
