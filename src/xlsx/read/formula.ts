// Formula text: a shared formula's master moved to another cell (relative references shift,
// $-anchored parts stay), leaving string literals and quoted sheet names alone.

const REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;
const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function shiftRefs(part: string, dr: number, dc: number): string {
  return part.replace(REF, (m, dc$, letters, dr$, digits) => {
    const c0 = colNumber(letters);
    const r0 = Number(digits);
    if (c0 > MAX_COL || r0 > MAX_ROW) return m; // a name such as LOG10, not a reference
    const c = dc$ ? c0 : c0 + dc;
    const r = dr$ ? r0 : r0 + dr;
    if (c < 1 || r < 1) return "#REF!";
    return `${dc$}${colLetters(c)}${dr$}${r}`;
  });
}

/** The formula as it reads `dr` rows down and `dc` columns right of where it was written. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  let plain = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      out += shiftRefs(plain, dr, dc);
      plain = "";
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else {
      plain += ch;
      i++;
    }
  }
  return out + shiftRefs(plain, dr, dc);
}
