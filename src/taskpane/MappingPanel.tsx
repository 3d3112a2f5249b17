// Which sheets are the roster (one or several: a roster split per programme or per unit), the
// rates, the history and the budget: detected by headers, changeable with checkboxes and
// dropdowns.
import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Label,
  makeStyles,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { Notice } from "./Notice";
import type { SheetRole } from "../core/types";
import type { SheetMapping } from "../core/engine";
import { isGeneratedName } from "../core/generated";
import { useStrings } from "./context";

type SingleRole = Exclude<SheetRole, "roster">;
const ROLES: SingleRole[] = ["rates", "history", "budget"];

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  refresh: { alignSelf: "flex-start" },
  group: { display: "flex", flexDirection: "column" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface MappingPanelProps {
  sheets: string[] | null;
  detected: SheetMapping;
  mapping: SheetMapping;
  disabled: boolean;
  onChange(role: SingleRole, name: string): void;
  /** The roster sheets ticked, in workbook order ([] for none). */
  onRosterChange(names: string[]): void;
  onRefresh(): void;
}

export function MappingPanel({
  sheets,
  detected,
  mapping,
  disabled,
  onChange,
  onRosterChange,
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
  const roster = mapping.roster ?? [];
  const empty = roster.length === 0 && !mapping.rates;
  const missing = empty
    ? []
    : (["roster", "rates"] as SheetRole[]).filter((r) =>
        r === "roster" ? roster.length === 0 : !mapping[r]
      );
  const sameList = (a: string[], b: string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  const rosterHint =
    roster.length === 0
      ? s.rosterNone
      : sameList(roster, detected.roster ?? [])
        ? s.detected
        : s.chosen;
  const toggle = (name: string, on: boolean) =>
    onRosterChange(choices.filter((n) => (n === name ? on : roster.includes(n))));
  return (
    <section className={styles.section} aria-labelledby="mapping-heading">
      <h2 id="mapping-heading" className={styles.h2}>
        {s.mappingHeading}
      </h2>
      <p className={styles.intro}>{s.mappingIntro}</p>
      <div
        role="group"
        aria-labelledby="roster-label"
        aria-describedby="roster-hint"
        className={styles.group}
        data-role="roster"
      >
        <Label id="roster-label">{s.rosterGroup}</Label>
        {choices.map((n) => (
          <Checkbox
            key={n}
            label={n}
            checked={roster.includes(n)}
            disabled={disabled}
            onChange={(_, d) => toggle(n, d.checked === true)}
          />
        ))}
        <span id="roster-hint" className={styles.hint}>
          <span>{rosterHint}</span> <span>{s.rosterSeveral}</span>
        </span>
      </div>
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
