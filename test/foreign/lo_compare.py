"""Compare the 经费分摊表 of our outputs with LibreOffice's recalculation of them (issue 11).

Usage: lo_compare.py OURS LO [OURS LO ...]
For each pair: every formula cell of 经费分摊表 in OURS (openpyxl, formulas) must hold, in LO
(openpyxl, data_only: the values LibreOffice computed and saved), the value OURS stores
(openpyxl, data_only). Prints one JSON object: file -> list of mismatches (or an error).
"""
import json
import sys

import openpyxl

SHEET = "经费分摊表"


def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) < 0.005
    return (a if a != "" else None) == (b if b != "" else None)


def compare(ours, lo):
    formulas = openpyxl.load_workbook(ours)[SHEET]
    stored = openpyxl.load_workbook(ours, data_only=True)[SHEET]
    recalculated = openpyxl.load_workbook(lo, data_only=True)[SHEET]
    bad, count = [], 0
    for row in formulas.iter_rows():
        for cell in row:
            if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                continue
            count += 1
            a = stored[cell.coordinate].value
            b = recalculated[cell.coordinate].value
            if not same(a, b):
                bad.append(f"{cell.coordinate} {cell.value}: ours {a!r}, LibreOffice {b!r}")
    return {"formulas": count, "mismatches": bad}


def main(args):
    out = {}
    for ours, lo in zip(args[0::2], args[1::2]):
        try:
            out[ours] = compare(ours, lo)
        except Exception as e:  # reported, not raised: the test names the file
            out[ours] = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
