// Own union, near-retirement months and programme year; saved in the document's settings.
import * as React from "react";
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useStrings } from "./context";
import { OPTION_BOUNDS, parseNumericOption } from "../core/options";

export interface SettingsValue {
  /** "" = detected from the rate sheet. */
  ownUnion: string;
  nearMonths: string;
  /** "" = from the programmes' start dates. */
  year: string;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export interface SettingsPanelProps {
  value: SettingsValue;
  payers: string[];
  detectedOwn: string | null;
  disabled: boolean;
  onChange(v: SettingsValue): void;
}

export function SettingsPanel({
  value,
  payers,
  detectedOwn,
  disabled,
  onChange,
}: SettingsPanelProps): React.ReactElement {
  const s = useStrings();
  const styles = useStyles();
  const unions =
    value.ownUnion && !payers.includes(value.ownUnion) ? [...payers, value.ownUnion] : payers;
  // The same parsing and bounds as the command line (src/core/options.ts).
  const months = OPTION_BOUNDS.nearRetirementMonths;
  const years = OPTION_BOUNDS.year;
  const monthsOk =
    value.nearMonths.trim() !== "" &&
    !parseNumericOption("nearRetirementMonths", value.nearMonths).problem;
  const yearOk = !parseNumericOption("year", value.year).problem;
  return (
    <section className={styles.section} aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={styles.h2}>
        {s.settingsHeading}
      </h2>
      <Field label={s.ownUnion}>
        <Select
          value={value.ownUnion}
          disabled={disabled}
          onChange={(_, d) => onChange({ ...value, ownUnion: d.value })}
        >
          <option value="">{s.ownUnionAuto(detectedOwn)}</option>
          {unions.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={s.nearMonths}
        hint={monthsOk ? s.nearMonthsHint : undefined}
        validationMessage={monthsOk ? undefined : s.outOfRange(months.min, months.max)}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={months.min}
          max={months.max}
          value={value.nearMonths}
          disabled={disabled}
          onChange={(_, d) => onChange({ ...value, nearMonths: d.value })}
        />
      </Field>
      <Field
        label={s.year}
        hint={yearOk ? s.yearHint : undefined}
        validationMessage={yearOk ? undefined : s.outOfRange(years.min, years.max)}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={years.min}
          max={years.max}
          value={value.year}
          disabled={disabled}
          onChange={(_, d) => onChange({ ...value, year: d.value })}
        />
      </Field>
    </section>
  );
}
