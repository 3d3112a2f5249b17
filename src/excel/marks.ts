// The colours of the add-in's marks (conditional formats on flagged cells): Excel's own
// "light red fill with dark red text" and "yellow fill with dark yellow text" presets.
export const MARK_COLORS = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
} as const;

/** Text only this tool writes: every mark's rule formula contains it, so marks are recognised by
 *  their content — no stored ids (ConditionalFormat.id is a priority position that shifts),
 *  from either runtime (task pane, ribbon), and after the workbook is reopened. */
export const MARK_SENTINEL = "疗休养经费助手标记";

/** The custom rule of a mark: always TRUE (ISTEXT of a text literal), so the mark shows. */
export const MARK_FORMULA = `=ISTEXT("${MARK_SENTINEL}")`;

/** Whether a custom rule formula is one of this tool's marks. */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(MARK_SENTINEL);
}
