"""The sample's sheets as plain data for make_corpus.py: cells, number formats, merges and widths,
read with openpyxl, plus the cell kinds other writers add (formulas, rich text)."""
import copy
import datetime
import sys

import openpyxl
from openpyxl.utils import get_column_letter

ROSTER, RATES, BUDGET = "花名册", "项目费率", "预算"


class Sheet:
    """A sheet's cells (rows of values, None for blank), their number formats, merges, widths."""

    def __init__(self, name, rows, fmts, merges=(), widths=None):
        self.name = name
        self.rows = rows
        self.fmts = fmts
        self.merges = list(merges)
        self.widths = dict(widths or {})

    def copy(self, name=None):
        s = copy.deepcopy(self)
        if name:
            s.name = name
        return s


class Formula:
    """A formula, with the value a spreadsheet would have stored (None: none stored)."""

    def __init__(self, text, cached=None):
        self.text = text
        self.cached = cached


class Rich:
    """Rich text: (text, XlsxWriter format dict or None) runs."""

    def __init__(self, *runs):
        self.runs = runs

    def __str__(self):
        return "".join(t for t, _ in self.runs)


def serial(d):
    """The 1900-system serial of a date: what the reader must hand the core, whatever the
    workbook's date system."""
    return (d - datetime.datetime(1899, 12, 30)).days


def read_sample(path):
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = [[c.value for c in r] for r in ws.iter_rows()]
        fmts = [[c.number_format for c in r] for r in ws.iter_rows()]
        widths = {k: v.width for k, v in ws.column_dimensions.items() if v.width}
        merges = [str(m) for m in ws.merged_cells.ranges]
        out[ws.title] = Sheet(ws.title, rows, fmts, merges, widths)
    for name in (ROSTER, RATES, BUDGET):
        if name not in out:
            sys.exit(f"make_corpus: the sample has no sheet {name} (it has {list(out)})")
    return out


def col(sheet, header):
    """0-based column of a header in the sheet's header row (row 2 on roster/rates, 1 on budget)."""
    for r in sheet.rows[:3]:
        if header in r:
            return r.index(header)
    sys.exit(f"make_corpus: no column {header} in {sheet.name}")


def rate_row(rates, code):
    return next(i for i, r in enumerate(rates.rows) if r[0] == code)


def cell_name(r0, c0):
    return f"{get_column_letter(c0 + 1)}{r0 + 1}"


def split_roster(roster, groups, titles):
    """The roster over several sheets (same title row and headers); groups[i]: data-row indexes."""
    sheets = []
    for name, keep in zip(titles, groups):
        rows = roster.rows[:2] + [roster.rows[i] for i in keep]
        fmts = roster.fmts[:2] + [roster.fmts[i] for i in keep]
        title = list(rows[0])
        title[0] = f"{roster.rows[0][0]}（{name.split('-')[-1]}）"
        rows = [title] + rows[1:]
        sheets.append(Sheet(name, rows, fmts, roster.merges, roster.widths))
    return sheets
