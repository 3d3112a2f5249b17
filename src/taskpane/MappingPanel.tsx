// Which sheet is the roster, the rates, the history and the budget: detected by headers,
// changeable with dropdowns.
import * as React from "react";
import { Button, Field, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { Notice } from "./Notice";
import type { SheetRole } from "../core/types";
import type { SheetMapping } from "../core/engine";
import { isGeneratedName } from "../core/generated";
import { useStrings } from "./context";

const ROLES: SheetRole[] = ["roster", "rates", "history", "budget"];

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  refresh: { alignSelf: "flex-start" },
});

export interface MappingPanelProps {
  sheets: string[] | null;
  detected: SheetMapping;
  mapping: SheetMapping;
  disabled: boolean;
  onChange(role: SheetRole, name: string): void;
  onRefresh(): void;
}

export function MappingPanel({
  sheets,
  detected,
  mapping,
  disabled,
  onChange,
  onRefresh,
}: MappingPanelProps): React.ReactElement {
  const s = useStrings();
  const styles = useStyles();
  if (sheets === null) {
    return (
      <section className={styles.section} aria-labelledby="mapping-heading">
        <h2 id="mapping-heading" className={styles.h2}>
          {s.mappingHeading}
        </h2>
        <Spinner size="tiny" label={s.loading} />
      </section>
    );
  }
  // The tool's own output sheets are never input.
  const choices = sheets.filter((n) => !isGeneratedName(n));
  const empty = !mapping.roster && !mapping.rates;
  const missing = empty ? [] : (["roster", "rates"] as SheetRole[]).filter((r) => !mapping[r]);
  return (
    <section className={styles.section} aria-labelledby="mapping-heading">
      <h2 id="mapping-heading" className={styles.h2}>
        {s.mappingHeading}
      </h2>
      <p className={styles.intro}>{s.mappingIntro}</p>
      {ROLES.map((role) => {
        const value = mapping[role] ?? "";
        const hint = value ? (detected[role] === value ? s.detected : s.chosen) : undefined;
        return (
          <Field key={role} label={s.role[role]} hint={hint}>
            <Select
              value={value}
              disabled={disabled}
              onChange={(_, d) => onChange(role, d.value)}
              data-role={role}
            >
              <option value="">{s.none}</option>
              {choices.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      {empty && (
        <Notice intent="info" multiline>
          {s.emptyWorkbook}
        </Notice>
      )}
      {missing.map((r) => (
        <Notice key={r} intent="warning" multiline>
          {s.missingRole(s.role[r])}
        </Notice>
      ))}
      <Button className={styles.refresh} size="small" disabled={disabled} onClick={onRefresh}>
        {s.refresh}
      </Button>
    </section>
  );
}
