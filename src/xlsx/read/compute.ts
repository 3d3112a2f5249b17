// Formulas whose stored value cannot be used: none stored (openpyxl, many exports), or the writer
// asked for a full recalculation on opening (calcPr fullCalcOnLoad: XlsxWriter stores 0 for every
// formula). HyperFormula computes them over the workbook's cells; what it cannot compute (a
// function it does not know, a reference to another file, a name) is returned as unresolved, so
// the caller reports it instead of reading a blank or a stale 0.
import type { Cell } from "../../core/types";
import type { ReadBook } from "./index";

export interface Unresolved {
  sheet: string;
  /** 1-based. */
  row: number;
  col: number;
  formula: string;
  /** Why it could not be computed (HyperFormula's error, in its words). */
  why: string;
}

/**
 * Excel escapes a quote inside a string literal by doubling it ("a""b"); HyperFormula 3.5's lexer
 * does not understand that, so such literals become ("a"&CHAR(34)&"b"), which means the same.
 * Quoted sheet names ('It''s'!) are copied as they are. Excel writes a sheet name unquoted when it
 * is only letters, digits and underscores — CJK letters included (=参数!B1) — but HyperFormula's
 * lexer takes unquoted names of Latin letters only (UNQUOTED_SHEET_NAME_PATTERN), so an unquoted
 * name with any other character is quoted ('参数'!B1). A bare TRUE or FALSE becomes TRUE() or FALSE();
 * _xlfn. prefixes are dropped.
 * (The tests' HyperFormula helper uses it too.)
 */
export function forHyperFormula(formula: string): string {
  let out = "";
  let plain = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch !== '"' && ch !== "'") {
      plain += ch;
      i++;
      continue;
    }
    out += lexerForm(plain);
    plain = "";
    let j = i + 1;
    let value = "";
    while (j < formula.length) {
      if (formula[j] === ch) {
        if (formula[j + 1] === ch) {
          value += ch;
          j += 2;
          continue;
        }
        break;
      }
      value += formula[j++];
    }
    if (ch === '"' && value.includes('"'))
      out +=
        "(" +
        value
          .split('"')
          .map((p) => '"' + p + '"')
          .join("&CHAR(34)&") +
        ")";
    else out += formula.slice(i, j + 1);
    i = j + 1;
  }
  return out + lexerForm(plain);
}

/** An unquoted sheet name before `!` that holds a character beyond ASCII (outside any quotes). */
const UNQUOTED_WIDE_SHEET =
  /(?<![\w\u0080-\uffff\]])([\w.\u0080-\uffff]*[\u0080-\uffff][\w.\u0080-\uffff]*)!/g;

/**
 * TRUE and FALSE written as values (VLOOKUP(…,FALSE), as Excel and every writer store them):
 * HyperFormula knows them only as the functions TRUE() and FALSE() and reads a bare FALSE as an
 * unknown name. Not a name's part, a sheet name (FALSE!A1) or already a call.
 */
const BOOLEAN_LITERAL = /(?<![\w.\u0080-\uffff$])(TRUE|FALSE)(?![\w.\u0080-\uffff(!])/gi;

/**
 * The prefix a file stores before a function newer than Excel 2007 (_xlfn.IFS, _xlfn.XLOOKUP,
 * _xlfn._xlws.SORT: [MS-XLSX] 2.2.2 Formulas, future functions); Excel shows the function without it.
 */
const FUTURE_PREFIX = /_xl(?:fn|ws)\./gi;

/**
 * Formula text outside quotes as HyperFormula reads it: sheet names quoted, TRUE/FALSE called,
 * future-function prefixes dropped.
 */
function lexerForm(text: string): string {
  const bare = text.includes("_xl") ? text.replace(FUTURE_PREFIX, "") : text;
  const named = bare.includes("!") ? bare.replace(UNQUOTED_WIDE_SHEET, "'$1'!") : bare;
  return /TRUE|FALSE/i.test(named) ? named.replace(BOOLEAN_LITERAL, "$1()") : named;
}

/** The formulas to compute: every one without a stored value, or all when the file asks for it. */
function needed(book: ReadBook): boolean {
  return book.sheets.some((s) => s.formulas.some((f) => !f.cached || book.fullCalcOnLoad));
}

const UNCOMPUTABLE = new Set(["NAME", "REF", "ERROR", "CYCLE", "LIC", "SPILL"]);

/**
 * HyperFormula's TEXT formats dates and plain 0 / 0.00 placeholders as Excel does, but not the rest
 * of Excel's number formats (measured, HyperFormula 3: TEXT(3000,"#,##0") gives "3000,##0",
 * TEXT(0.5,"0%") "1%", TEXT("19910820","0000-00-00") "19910820-00-00"). A formula with TEXT and
 * a string holding such a code (# , % ? \ @ E+, or 0 placeholders around a separator) is not
 * computed but reported, rather than read as a wrong text.
 */
function textFormatUnsafe(formula: string): boolean {
  if (!/\bTEXT\s*\(/i.test(formula)) return false;
  for (const m of formula.matchAll(/"((?:[^"]|"")*)"/g))
    if (/[#,%?\\@]|E\+|0[^0.]+0/i.test(m[1])) return true;
  return false;
}

/**
 * Put the computed values into the sheets' cells (in place); returns the formulas that stay
 * without a usable value. A cell whose value cannot be computed is left blank in the data and
 * listed, never given a made-up value.
 */
export async function computeFormulas(book: ReadBook): Promise<Unresolved[]> {
  if (!needed(book)) return [];
  const { HyperFormula } = (await import("hyperformula")) as Partial<typeof import("hyperformula")>;
  if (!HyperFormula) {
    // A build without HyperFormula (the offline web page): every such formula is reported.
    return book.sheets.flatMap((s) =>
      s.formulas
        .filter((f) => !f.cached || book.fullCalcOnLoad)
        .map((f) => {
          s.data.values[f.row][f.col] = null;
          return { sheet: s.name, row: f.row + 1, col: f.col + 1, formula: f.formula, why: "" };
        })
    );
  }
  const withFormulas = book.sheets.filter((s) => s.formulas.length > 0);
  // The sheets HyperFormula needs: those with formulas and those their formulas name.
  const text = withFormulas.map((s) => s.formulas.map((f) => f.formula).join("\n")).join("\n");
  const used = book.sheets.filter((s) => s.formulas.length > 0 || text.includes(s.name));
  const contents: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of used) {
    const rows = s.data.values.map((r) => r.map((v) => (typeof v === "string" ? "'" + v : v)));
    // A formula whose stored value is used is its value here too (what Excel computed); one to
    // compute is given to HyperFormula, or, when its TEXT cannot be trusted, a call no engine
    // knows, so that it and every formula using it come out uncomputed instead of wrong.
    for (const f of s.formulas) {
      if (f.cached && !book.fullCalcOnLoad) continue;
      rows[f.row][f.col] = textFormatUnsafe(f.formula)
        ? "=LXY_TEXT_FORMAT_NOT_FOLLOWED()"
        : "=" + forHyperFormula(f.formula);
    }
    contents[s.name] = rows;
  }
  // smartRounding off: a share =1/3 must read as Excel's double, not 0.33333333333.
  const hf = HyperFormula.buildFromSheets(contents, {
    licenseKey: "gpl-v3",
    smartRounding: false,
    useArrayArithmetic: true, // as Excel evaluates range&"" inside SUMPRODUCT
    // Text read as a date (DATEVALUE("2024-06-01"), "2024/6/1"+1) in the forms Excel takes in a
    // Chinese locale (year first, - / or . between) and the US month/day/year; HyperFormula's
    // default is day/month/year only.
    dateFormats: ["YYYY/MM/DD", "MM/DD/YYYY"],
  });
  const out: Unresolved[] = [];
  try {
    for (const s of withFormulas) {
      const id = hf.getSheetId(s.name)!;
      for (const f of s.formulas) {
        if (f.cached && !book.fullCalcOnLoad) continue;
        const v = hf.getCellValue({ sheet: id, row: f.row, col: f.col }) as unknown;
        let value: Cell = null;
        if (v !== null && typeof v === "object") {
          const e = v as { type: string; value: string; message?: string };
          if (UNCOMPUTABLE.has(e.type)) {
            s.data.values[f.row][f.col] = null;
            out.push({
              sheet: s.name,
              row: f.row + 1,
              col: f.col + 1,
              formula: f.formula,
              why: e.message || e.value,
            });
            continue;
          }
          value = e.value; // #DIV/0!, #N/A, #VALUE!, #NUM!: what Excel shows too
        } else value = (v as Cell) ?? null;
        s.data.values[f.row][f.col] = value;
      }
    }
  } finally {
    hf.destroy();
  }
  return out;
}
