// Own union, programme year and the lists to generate; saved in the document's settings.
import * as React from "react";
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useStrings } from "./context";
import { OPTION_BOUNDS, parseNumericOption } from "../core/options";
import type { DocumentRole } from "../core/generated";
import { DOCUMENT_ROLES } from "../core/generated";

export interface SettingsValue {
  /** "" = detected from the rate sheet. */
  ownUnion: string;
  /** "" = from the programmes' start dates. */
  year: string;
  /** The lists generated beside the allocation (the document pack). */
  documents: DocumentRole[];
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
  const years = OPTION_BOUNDS.year;
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
      <DocumentChoice
        value={value.documents}
        disabled={disabled}
        onChange={(documents) => onChange({ ...value, documents })}
      />
    </section>
  );
}

const useChoiceStyles = makeStyles({
  fieldset: {
    display: "flex",
    flexDirection: "column",
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** One checkbox per list of the document pack, in DOCUMENT_ROLES order. */
function DocumentChoice({
  value,
  disabled,
  onChange,
}: {
  value: DocumentRole[];
  disabled: boolean;
  onChange(v: DocumentRole[]): void;
}): React.ReactElement {
  const s = useStrings();
  const toggle = (role: DocumentRole, on: boolean) =>
    onChange(DOCUMENT_ROLES.filter((r) => (r === role ? on : value.includes(r))));
  const styles = useChoiceStyles();
  // A fieldset, not a Field: a Field gives its one control an id, and these are four.
  return (
    <fieldset className={styles.fieldset} aria-describedby="documents-hint">
      <legend className={styles.legend}>{s.documentsLabel}</legend>
      {DOCUMENT_ROLES.map((role) => (
        <Checkbox
          key={role}
          label={s.documentName[role]}
          checked={value.includes(role)}
          disabled={disabled}
          onChange={(_, d) => toggle(role, d.checked === true)}
        />
      ))}
      <Text id="documents-hint" size={200} className={styles.hint}>
        {s.documentsHint}
      </Text>
    </fieldset>
  );
}
