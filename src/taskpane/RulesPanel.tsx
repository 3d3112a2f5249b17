// The rules that differ between unions (src/core/rules.ts): each field blank = the workbook's 规则
// sheet or the default; under each, the value in force and where it came from.
import * as React from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "./context";
import { OPTION_BOUNDS, parseNumericOption, RULE_OPTIONS } from "../core/options";
import type { RuleInForce, RuleSet } from "../core/rules";

/** The rule fields the pane sets: every rule a 规则 sheet can set. */
export const PANE_RULES = RULE_OPTIONS;
export type PaneRule = (typeof PANE_RULES)[number];

/** As typed; "" = not set here. */
export type RulesValue = Record<PaneRule, string>;

export const NO_RULES: RulesValue = {
  perYear: "",
  historyYears: "",
  dailyCap: "",
  annualCap: "",
  nearRetirementMonths: "",
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  p: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface RulesPanelProps {
  value: RulesValue;
  /** The rules in force at the last 校验 or 生成; null before. */
  inForce: RuleSet | null;
  disabled: boolean;
  onChange(v: RulesValue): void;
}

export function RulesPanel({
  value,
  inForce,
  disabled,
  onChange,
}: RulesPanelProps): React.ReactElement {
  const s = useStrings();
  const styles = useStyles();
  const shown = (v: number | null) => (v === null ? s.noLimit : String(v));
  const hint = (r: RuleInForce | undefined) => {
    if (!r) return s.notYetRead;
    const over =
      r.source === "settings" && r.sheetValue !== undefined
        ? s.sheetOverridden(shown(r.sheetValue))
        : "";
    return s.inForce(shown(r.value), s.ruleSource[r.source]) + over;
  };
  return (
    <section className={styles.section} aria-labelledby="rules-heading">
      <h2 id="rules-heading" className={styles.h2}>
        {s.rulesHeading}
      </h2>
      <p className={styles.p}>{s.rulesIntro}</p>
      {PANE_RULES.map((key) => {
        const { min, max } = OPTION_BOUNDS[key];
        const ok = !parseNumericOption(key, value[key]).problem;
        return (
          <Field
            key={key}
            label={s.rule[key]}
            hint={ok ? hint(inForce?.[key]) : undefined}
            validationMessage={ok ? undefined : s.outOfRange(min, max)}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              value={value[key]}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...value, [key]: d.value })}
            />
          </Field>
        );
      })}
    </section>
  );
}
