// Own union, near-retirement months and programme year; saved in the document's settings.
import * as React from "react";
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useStrings } from "./context";

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

const positiveInt = (t: string) => t.trim() === "" || (/^\d+$/.test(t.trim()) && Number(t) > 0);

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
  const monthsOk = positiveInt(value.nearMonths) && value.nearMonths.trim() !== "";
  const yearOk = positiveInt(value.year);
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
        validationMessage={monthsOk ? undefined : s.invalidNumber}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          value={value.nearMonths}
          disabled={disabled}
          onChange={(_, d) => onChange({ ...value, nearMonths: d.value })}
        />
      </Field>
      <Field
        label={s.year}
        hint={yearOk ? s.yearHint : undefined}
        validationMessage={yearOk ? undefined : s.invalidNumber}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          value={value.year}
          disabled={disabled}
          onChange={(_, d) => onChange({ ...value, year: d.value })}
        />
      </Field>
    </section>
  );
}
