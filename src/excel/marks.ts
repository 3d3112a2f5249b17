// The colours of the add-in's marks (conditional formats on flagged cells): Excel's own
// "light red fill with dark red text" and "yellow fill with dark yellow text" presets.
export const MARK_COLORS = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
} as const;
