// The Excel.* enumerations the add-in names (string values, as in the Office.js typings).
export const EXCEL_ENUMS = {
  ConditionalFormatType: {
    custom: "Custom",
    cellValue: "CellValue",
    containsText: "ContainsText",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
  },
  ConditionalCellValueOperator: {
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    between: "Between",
  },
  BorderIndex: {
    edgeTop: "EdgeTop",
    edgeBottom: "EdgeBottom",
    edgeLeft: "EdgeLeft",
    edgeRight: "EdgeRight",
    insideVertical: "InsideVertical",
    insideHorizontal: "InsideHorizontal",
  },
  BorderLineStyle: { none: "None", continuous: "Continuous", dash: "Dash" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
};
