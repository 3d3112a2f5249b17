#!/usr/bin/python3
"""The foreign-writer corpus: the shipped sample (assets/sample-2024.xlsx) written again by
programs other than ExcelJS, so the reader meets the files staff really bring (issue 11).

Usage: /usr/bin/python3 make_corpus.py SAMPLE.xlsx OUTDIR
Writes OUTDIR/*.xlsx and OUTDIR/manifest.json: one entry per file with the writer, the variant
and what the command line should give (test/foreign/corpus.ts reads it). Entries with "convert"
are made by the Node wrapper, which runs LibreOffice on the named source file; the entry with
"pivot" is the sample with a pivot table LibreOffice adds (lo_pivot.py, through UNO).

Only the standard library, openpyxl and XlsxWriter (Debian: python3-openpyxl, python3-xlsxwriter;
run with /usr/bin/python3, not a pyenv python). Deterministic: fixed document dates and zip entry
times, so two runs give the same bytes.
"""
import datetime
import json
import os
import sys

from openpyxl.utils.datetime import CALENDAR_MAC_1904

from corpus_sheets import (
    BUDGET,
    RATES,
    ROSTER,
    Formula,
    Rich,
    Sheet,
    cell_name,
    col,
    rate_row,
    read_sample,
    serial,
    split_roster,
)
from corpus_writers import (
    absolute_targets,
    chartsheet_first,
    prefixed_namespaces,
    shared_formulas,
    very_hidden_and_first,
    placeholder_vba,
    save_minimal,
    save_openpyxl,
    save_xlsxwriter,
    xlsxwriter_features,
)

SEED = {
    "exit": 0,
    "headcounts": {"W1": 50, "W2": 3, "W3": 50, "W4": 2, "N1": 46},
    "totals": {"cost": 441280, "ownUnion": 132093.34, "gap": -93.34},
    "issues": ["BUDGET_EXCEEDED"],
}


class Corpus:
    """The variants, each written into out and described in self.made (the manifest)."""

    def __init__(self, sample, out):
        self.roster, self.rates, self.budget = sample[ROSTER], sample[RATES], sample[BUDGET]
        self.book = [self.roster, self.rates, self.budget]
        self.out = out
        self.made = []
        r = self.roster
        self.name_c, self.id_c = col(r, "姓名"), col(r, "身份证号")
        self.prog_c, self.unit_c = col(r, "疗休养项目"), col(r, "工作单位")
        self.data = list(range(2, len(r.rows)))  # the data rows (below title and header)
        date_c = col(r, "疗休养日期")
        # What the reader must hand the core for the first person: text as text, date as serial.
        self.seed_cells = dict(
            SEED,
            cells=[
                {"sheet": ROSTER, "cell": cell_name(2, c), "value": v}
                for c, v in (
                    (self.name_c, r.rows[2][self.name_c]),
                    (self.id_c, r.rows[2][self.id_c]),
                    (date_c, serial(r.rows[2][date_c])),
                )
            ],
        )

    def add(self, file, writer, variant, description, expect=None, **extra):
        self.made.append(
            dict(
                file=file,
                writer=writer,
                variant=variant,
                description=description,
                expect=expect or SEED,
                **extra,
            )
        )
        return os.path.join(self.out, file)

    def build(self):
        self.plain()
        self.formulas()
        self.splits()
        self.extras()
        self.converted()
        self.repackaged()
        self.share_as_date()
        self.reader_cases()
        return self.made

    def plain(self):
        """1, 2: openpyxl and XlsxWriter as they come."""
        # openpyxl 3.0 writes inline strings as numeric character references (&#33457;), xmlns:r
        # on each <sheet>, absolute worksheet targets and a relative styles target.
        plain = self.add(
            "openpyxl-plain.xlsx", "openpyxl", "plain", "openpyxl, no extras", self.seed_cells
        )
        save_openpyxl(plain, self.book)
        # openpyxl links a sheet's comments with an absolute target (/xl/comments/comment1.xml).
        save_openpyxl(
            self.add(
                "openpyxl-comment.xlsx",
                "openpyxl",
                "comment",
                f"openpyxl-plain plus one note on {ROSTER}!{cell_name(2, self.name_c)}",
                self.seed_cells,
            ),
            self.book,
            comments=[(ROSTER, cell_name(2, self.name_c), "组长：负责本批次联络")],
        )

        # XlsxWriter: shared strings; IDs and phones written as strings.
        self.xw_plain = self.add(
            "xlsxwriter-plain.xlsx",
            "XlsxWriter",
            "plain",
            "XlsxWriter, IDs as text",
            self.seed_cells,
        )
        save_xlsxwriter(self.xw_plain, self.book)

    def formulas(self):
        """3: formulas. openpyxl stores none of their values; XlsxWriter stores 0 unless told."""
        roster, rates, budget = self.roster, self.rates, self.budget
        per_c, prov_c = col(rates, "人均标准（元）"), col(rates, "省总工会承担")
        w1, w3, n1 = rate_row(rates, "W1"), rate_row(rates, "W3"), rate_row(rates, "N1")
        amount_c = col(budget, "金额（元）")

        def with_formulas(cached):
            r, t, b = roster.copy(), rates.copy(), budget.copy()
            for i in range(2, len(r.rows)):
                r.rows[i][0] = Formula("=ROW()-2", i - 1 if cached else None)
            for row in (w1, w3):
                t.rows[row][per_c] = Formula("=2200+800", 3000 if cached else None)
            t.rows[n1][prov_c] = Formula("=1/3", 1 / 3 if cached else None)
            t.fmts[n1][prov_c] = "# ?/?"
            b.rows[1][amount_c] = Formula("=32000*2", 64000 if cached else None)
            return [r, t, b]

        formula_cells = [cell_name(w1, per_c), cell_name(w3, per_c), cell_name(n1, prov_c)]
        no_cache = dict(
            SEED,
            alternative="a clear issue on each formula without a stored value ("
            f"{RATES} {', '.join(formula_cells)}, {BUDGET} {cell_name(1, amount_c)}), "
            "never a silent 0",
        )
        save_openpyxl(
            self.add(
                "openpyxl-formulas-no-cache.xlsx",
                "openpyxl",
                "formulas-no-cache",
                "序号 =ROW()-2, 人均标准 =2200+800 (W1, W3), N1 省总工会 =1/3, a budget source "
                "=32000*2; openpyxl writes no <v>",
                no_cache,
            ),
            with_formulas(False),
        )
        save_xlsxwriter(
            self.add(
                "xlsxwriter-formulas-zero-cache.xlsx",
                "XlsxWriter",
                "formulas-zero-cache",
                "the same formulas by XlsxWriter without values: it stores <v>0</v> for each",
                dict(no_cache, note="the stored 0 is not the value; only recalculating tells"),
            ),
            with_formulas(False),
        )
        # Formulas naming another sheet by its Chinese name, unquoted as Excel writes it (=参数!B2);
        # openpyxl stores no values, so the reader has to compute them across sheets.
        r, t, b = (s.copy() for s in self.book)
        params = Sheet(
            "参数",
            [["项目", "金额（元）"], ["人均标准", 3000], ["省总工会", 2200]],
            [[None, None], [None, None], [None, None]],
        )
        t.rows[w1][per_c] = Formula("=参数!B2")
        t.rows[w3][per_c] = Formula('=VLOOKUP("人均标准",参数!$A$2:$B$3,2,FALSE)')
        for row in (w1, w3):
            t.rows[row][prov_c] = Formula("=参数!$B$3")
        start_c = col(rates, "开始日期")
        t.rows[w1][start_c] = Formula(f'=DATEVALUE("{rates.rows[w1][start_c]:%Y-%m-%d}")')
        b.rows[1][amount_c] = Formula("=SUM(参数!B2:B3)*0+64000")
        b.rows[2][amount_c] = Formula("=_xlfn.IFS(参数!B2>0,68000,TRUE,0)")
        save_openpyxl(
            self.add(
                "openpyxl-formulas-cross-sheet.xlsx",
                "openpyxl",
                "formulas-cross-sheet",
                "W1 人均标准 =参数!B2, W3's =VLOOKUP(…,参数!$A$2:$B$3,2,FALSE), 省总工会 =参数!$B$3, "
                'W1 开始日期 =DATEVALUE("2024-06-01"), budget sources =SUM(参数!B2:B3)*0+64000 and '
                "=_xlfn.IFS(参数!B2>0,68000,TRUE,0): a sheet with a CJK name, unquoted; FALSE as a "
                "value; text dates; a future function's prefix; no <v>",
                self.seed_cells,
            ),
            [r, t, b, params],
        )
        save_xlsxwriter(
            self.add(
                "xlsxwriter-formulas-cached.xlsx",
                "XlsxWriter",
                "formulas-cached",
                "the same formulas with their values stored (as Excel saves them)",
            ),
            with_formulas(True),
        )

    def splits(self):
        """4: the roster over several sheets, with the same title row and headers."""
        roster, rates, budget = self.roster, self.rates, self.budget
        prog_c, unit_c, data = self.prog_c, self.unit_c, self.data
        n1_name = rates.rows[rate_row(rates, "N1")][1]  # some rows name the programme
        inner = [i for i in data if roster.rows[i][prog_c] in ("N1", n1_name)]
        outer = [i for i in data if i not in inner]
        by_scope = split_roster(roster, [outer, inner], [f"{ROSTER}-市外", f"{ROSTER}-市内"])
        save_openpyxl(
            self.add(
                "openpyxl-split-by-scope.xlsx",
                "openpyxl",
                "split-by-scope",
                f"roster on two sheets: 市外 programmes ({len(outer)} rows), "
                f"市内 ({len(inner)} rows)",
            ),
            by_scope + [rates, budget],
        )
        units = sorted({roster.rows[i][unit_c] for i in data})
        thirds = [units[0::3], units[1::3], units[2::3]]
        groups = [[i for i in data if roster.rows[i][unit_c] in g] for g in thirds]
        by_unit = split_roster(roster, groups, [f"{ROSTER}-{n}" for n in ("一", "二", "三")])
        save_openpyxl(
            self.add(
                "openpyxl-split-by-unit.xlsx",
                "openpyxl",
                "split-by-unit",
                "roster on three sheets by 工作单位 (基层工会): "
                + "; ".join(f"{len(g)} rows" for g in groups),
            ),
            by_unit + [rates, budget],
        )
        dup = [x.copy() for x in by_scope]
        src_row, dst_row = 2, 2  # the first data row of each sheet
        for field in ("姓名", "性别", "身份证号", "工作单位", "联系电话"):
            c = col(roster, field)
            dup[1].rows[dst_row][c] = dup[0].rows[src_row][c]
        save_openpyxl(
            self.add(
                "openpyxl-split-duplicate.xlsx",
                "openpyxl",
                "split-duplicate",
                f"split by scope; the first 市外 person ({dup[0].rows[src_row][self.name_c]}) "
                "also on the 市内 sheet in place of its first row",
                dict(
                    SEED,
                    exit=1,
                    issues=["BUDGET_EXCEEDED", "DUPLICATE_ID", "DUPLICATE_ID"],
                    issueAt=[
                        {"code": "DUPLICATE_ID", "sheet": d.name, "cell": cell_name(2, self.id_c)}
                        for d in dup
                    ],
                ),
            ),
            dup + [rates, budget],
        )

    def extras(self):
        """5, 6, 7: what staff workbooks carry (tables, notes, charts…), 1904 dates, rich text."""
        self.xw_features = self.add(
            "xlsxwriter-features.xlsx",
            "XlsxWriter",
            "features",
            "roster as a table (add_table), a comment, a PNG image, print titles, a defined "
            "name, a 是/否 list validation, a chart on 预算, a hidden sheet 说明",
            self.seed_cells,
        )
        extras = xlsxwriter_features(self.roster, self.budget)
        save_xlsxwriter(self.xw_features, self.book, extras=extras)

        # The 1904 date system (Excel for Mac before 2011, and some scripts): real dates.
        save_openpyxl(
            self.add(
                "openpyxl-1904.xlsx",
                "openpyxl",
                "date1904",
                "wb.epoch = CALENDAR_MAC_1904; 疗休养日期 and the windows as real dates",
                self.seed_cells,
            ),
            self.book,
            epoch=CALENDAR_MAC_1904,
        )

        # Rich text: names (surname in bold red), one header and some programme codes.
        rich = [x.copy() for x in self.book]
        red = {"bold": True, "color": "#C00000"}
        name_c, prog_c = self.name_c, self.prog_c
        for i in self.data:
            n = rich[0].rows[i][name_c]
            rich[0].rows[i][name_c] = Rich((n[0], red), (n[1:], None))
        rich[0].rows[1][name_c] = Rich(("姓", None), ("名", red))
        for i in self.data[:5]:
            code = rich[0].rows[i][prog_c]
            rich[0].rows[i][prog_c] = Rich((code[0], red), (code[1:], None))
        save_xlsxwriter(
            self.add(
                "xlsxwriter-rich-text.xlsx",
                "XlsxWriter",
                "rich-text",
                "write_rich_string for every name, the 姓名 header and five programme codes",
                self.seed_cells,
            ),
            rich,
        )

    def converted(self):
        """8: LibreOffice's files (made by corpus.ts from these sources) and an .xlsm."""
        for source, variant in (
            ("openpyxl-plain.xlsx", "lo-plain"),
            ("xlsxwriter-features.xlsx", "lo-features"),
            ("openpyxl-1904.xlsx", "lo-date1904"),
            ("openpyxl-formulas-no-cache.xlsx", "lo-formulas"),
        ):
            # LibreOffice calculates formulas that have no stored value, so lo-formulas has them.
            expect = self.seed_cells if variant != "lo-formulas" else SEED
            self.add(
                f"lo-{source}",
                "LibreOffice",
                variant,
                f"{source} opened and saved by soffice --convert-to xlsx",
                expect,
                convert=source,
            )
        # A pivot table LibreOffice made (xl/pivotCache/, xl/pivotTables/): kept byte for byte.
        self.add(
            "lo-pivot.xlsx",
            "LibreOffice",
            "lo-pivot",
            "the sample with a DataPilot table on a sheet 透视, made through UNO (lo_pivot.py)",
            self.seed_cells,
            pivot=True,
        )
        vba = os.path.join(self.out, "vbaProject.bin")
        with open(vba, "wb") as f:
            f.write(placeholder_vba())
        save_xlsxwriter(
            self.add(
                "xlsxwriter-macro.xlsm",
                "XlsxWriter",
                "xlsm",
                "add_vba_project with a placeholder vbaProject.bin (not a real VBA project)",
            ),
            self.book,
            vba=vba,
        )
        os.remove(vba)

    def repackaged(self):
        """9: the package itself as other writers lay it out."""
        # Absolute relationship targets (/xl/worksheets/sheet1.xml), as the Open XML SDK (and so
        # ClosedXML, Business Central) and openpyxl for comments write them: XlsxWriter's files
        # (which the patcher otherwise handles) with every .rels rewritten.
        for source, file, what in (
            (
                self.xw_plain,
                "xlsxwriter-absolute-targets.xlsx",
                "package and workbook relationships",
            ),
            (
                self.xw_features,
                "xlsxwriter-features-absolute-targets.xlsx",
                "the sheets' relationships too (comments, drawings, table: ../comments1.xml)",
            ),
        ):
            absolute_targets(
                source,
                self.add(
                    file,
                    "XlsxWriter + rels rewritten",
                    "absolute-targets",
                    f"{os.path.basename(source)} with every relationship target rewritten to an "
                    f"absolute part name: {what}",
                    self.seed_cells,
                ),
            )
        # A script's hand-made file: no styles, theme or docProps; dates as text.
        save_minimal(
            self.add(
                "zipfile-minimal.xlsx",
                "Python zipfile",
                "minimal",
                "hand-written parts only (workbook, sheets, rels, content types), inline strings, "
                "dates as yyyy-mm-dd text, no styles.xml",
            ),
            self.book,
        )

    def share_as_date(self):
        """10: a share typed as 1/3 that the spreadsheet turned into a date (3 January)."""
        roster, rates, budget = self.roster, self.rates, self.budget
        t = rates.copy()
        n1 = rate_row(rates, "N1")
        prov_c, city_c = col(rates, "省总工会承担"), col(rates, "市总工会承担")
        jan3 = datetime.datetime(2024, 1, 3)
        t.rows[n1][prov_c], t.fmts[n1][prov_c] = jan3, 'm"月"d"日"'
        t.rows[n1][city_c], t.fmts[n1][city_c] = jan3, "d-mmm"
        save_openpyxl(
            self.add(
                "openpyxl-share-as-date.xlsx",
                "openpyxl",
                "share-as-date",
                f"N1 省总工会/市总工会 shares hold 2024-01-03 (serial {serial(jan3)}) formatted "
                'm"月"d"日" and d-mmm: what typing 1/3 gives in zh-CN and en-US Excel',
                {
                    "exit": 1,
                    "issueAt": [
                        {"tag": "share-as-date", "sheet": RATES, "cell": cell_name(n1, c)}
                        for c in (prov_c, city_c)
                    ],
                },
            ),
            [roster, t, budget],
        )

    def reader_cases(self):
        """11: what the streaming reader must also meet (issue 11 part B)."""
        roster, rates, budget = self.roster, self.rates, self.budget
        first, last = 2, len(roster.rows) - 1  # data rows, 0-based
        # 序号 as one shared formula with a relative reference: =ROW(B3)-2 written once, the
        # other rows only name the group (as Excel writes a filled-down column).
        r = roster.copy()
        for i in range(first, last + 1):
            r.rows[i][0] = Formula(f"=ROW(B{i + 1})-2")
        plain = os.path.join(self.out, "shared-formulas-source.xlsx")
        save_openpyxl(plain, [r, rates, budget])
        shared_formulas(
            plain,
            self.add(
                "openpyxl-shared-formulas.xlsx",
                "openpyxl + sheet rewritten",
                "shared-formulas",
                f"序号 =ROW(B3)-2 on {ROSTER} as one shared formula (ref A3:A{last + 1}), "
                "no stored values",
                dict(
                    self.seed_cells,
                    cells=self.seed_cells["cells"]
                    + [{"sheet": ROSTER, "cell": f"A{last + 1}", "value": last - 1}],
                ),
            ),
            ROSTER,
        )
        os.remove(plain)

        # A formula nothing here can compute: a function neither Excel nor HyperFormula knows.
        t = rates.copy()
        per_c = col(rates, "人均标准（元）")
        w2 = rate_row(rates, "W2")
        t.rows[w2][per_c] = Formula("=UNIONRATE(2200)")
        # TEXT with a number format HyperFormula gets wrong ("3000,##0" for Excel's "3,000").
        r = roster.copy()
        note_c = col(roster, "备注")
        r.rows[2][note_c] = Formula('=TEXT(3000,"#,##0")&"元"')
        save_openpyxl(
            self.add(
                "openpyxl-formula-unknown.xlsx",
                "openpyxl",
                "formula-unknown",
                "W2 人均标准 =UNIONRATE(2200): no stored value and no such function; the first "
                '备注 =TEXT(3000,"#,##0")&"元", a number format HyperFormula does not follow',
                {
                    "exit": 1,
                    "issueAt": [
                        {"code": "FORMULA_NO_VALUE", "sheet": RATES, "cell": cell_name(w2, per_c)},
                        {"code": "FORMULA_NO_VALUE", "sheet": ROSTER, "cell": cell_name(2, note_c)},
                    ],
                    "note": "a coded issue on each cell, never MISSING_REQUIRED or a wrong text",
                },
            ),
            [r, t, budget],
        )

        # Every SpreadsheetML element with a prefix (x:), the namespace declared as xmlns:x.
        prefixed_namespaces(
            self.xw_plain,
            self.add(
                "xlsxwriter-prefixed.xlsx",
                "XlsxWriter + parts rewritten",
                "prefixed",
                "xlsxwriter-plain.xlsx with workbook.xml, the sheets and sharedStrings.xml "
                "written as <x:workbook xmlns:x=\"…/main\">…",
                self.seed_cells,
            ),
        )

        # A chart sheet first in the tab order, and a very hidden sheet.
        source = os.path.join(self.out, "chartsheet-source.xlsx")
        save_xlsxwriter(source, self.book, extras=chartsheet_first(self.roster, self.budget))
        very_hidden_and_first(
            source,
            self.add(
                "xlsxwriter-chartsheet.xlsx",
                "XlsxWriter",
                "chartsheet",
                "a chart sheet 图表 before the roster, and a very hidden sheet 配置 (state "
                "veryHidden) holding a roster-like table that must not be read",
                self.seed_cells,
            ),
            "图表",
            "配置",
        )
        os.remove(source)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sample, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    made = Corpus(read_sample(sample), out).build()
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(made, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
