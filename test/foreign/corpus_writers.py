"""Writers for make_corpus.py: the same sheets through openpyxl, XlsxWriter or bare zipfile, and the
post-processing steps that turn an openpyxl file into what other writers produce.
Standard library, openpyxl and XlsxWriter only."""
import datetime
import io
import re
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

import openpyxl
import xlsxwriter
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter, range_boundaries

from corpus_sheets import Formula, Rich

# Fixed document dates and zip entry times: the corpus is the same bytes on every run.
FIXED = datetime.datetime(2024, 3, 1, 9, 0, 0)
ZIP_TIME = (2024, 3, 1, 9, 0, 0)


def normalise_zip(path):
    """Rewrite a zip with fixed entry times (same order, compression and bytes of each part)."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as out:
        for info, data in items:
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = info.external_attr
            out.writestr(zi, data)


def cells(sheet):
    for r, row in enumerate(sheet.rows):
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            fmts = sheet.fmts[r] if r < len(sheet.fmts) else []
            yield r, c, v, fmts[c] if c < len(fmts) else "General"


# ---------------------------------------------------------------- openpyxl


def save_openpyxl(path, sheets, epoch=None, comments=()):
    """comments: (sheet name, A1, text) notes, as openpyxl.comments.Comment."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if epoch is not None:
        wb.epoch = epoch
    for s in sheets:
        ws = wb.create_sheet(s.name)
        for r, c, v, fmt in cells(s):
            if isinstance(v, Formula):
                v = v.text  # openpyxl keeps no value for a formula
            elif isinstance(v, Rich):
                v = str(v)  # openpyxl 3.0 writes no rich text
            cell = ws.cell(r + 1, c + 1, v)
            if fmt and fmt != "General":
                cell.number_format = fmt
        for m in s.merges:
            ws.merge_cells(m)
        for letter, w in s.widths.items():
            ws.column_dimensions[letter].width = w
    for sheet, address, text in comments:
        wb[sheet][address].comment = Comment(text, "工会干事")
    wb.properties.creator = "openpyxl"
    wb.properties.created = wb.properties.modified = FIXED
    wb.save(path)
    normalise_zip(path)


# ---------------------------------------------------------------- XlsxWriter


def save_xlsxwriter(path, sheets, extras=None, vba=None):
    wb = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False})
    wb.set_properties({"author": "XlsxWriter", "created": FIXED})
    formats = {}

    def fmt(code, runs=None):
        key = (code, repr(runs))
        if key not in formats:
            props = dict(runs or {})
            if code and code != "General":
                props["num_format"] = code
            formats[key] = wb.add_format(props) if props else None
        return formats[key]

    by_name = {}
    for s in sheets:
        ws = wb.add_worksheet(s.name)
        by_name[s.name] = ws
        merged = {}
        for m in s.merges:
            c1, r1, c2, r2 = range_boundaries(m)
            merged[(r1 - 1, c1 - 1)] = (r2 - 1, c2 - 1)
        for r, c, v, code in cells(s):
            f = fmt(code)
            if (r, c) in merged:
                ws.merge_range(r, c, *merged[(r, c)], v, f)
            elif isinstance(v, Formula):
                if v.cached is None:
                    ws.write_formula(r, c, v.text, f)  # XlsxWriter then stores 0
                else:
                    ws.write_formula(r, c, v.text, f, v.cached)
            elif isinstance(v, Rich):
                parts = []
                for text, style in v.runs:
                    parts += [fmt(None, style), text] if style else [text]
                ws.write_rich_string(r, c, *parts)
            elif isinstance(v, datetime.datetime):
                ws.write_datetime(r, c, v, f)
            elif isinstance(v, str):
                ws.write_string(r, c, v, f)
            elif isinstance(v, bool):
                ws.write_boolean(r, c, v, f)
            else:
                ws.write_number(r, c, v, f)
        for letter, w in s.widths.items():
            i = openpyxl.utils.column_index_from_string(letter) - 1
            ws.set_column(i, i, w)
    if extras:
        extras(wb, by_name)
    if vba:
        wb.add_vba_project(vba)
    wb.close()
    normalise_zip(path)


def xlsxwriter_features(roster, budget):
    """XlsxWriter extras: a table over the roster, a note, an image, a list validation, print
    titles, a defined name, a chart on the budget sheet and a hidden sheet."""
    header = roster.rows[1]
    last = len(roster.rows) - 1
    member_c = header.index("是否会员")

    def extras(wb, sheets):
        ws = sheets[roster.name]
        ws.add_table(
            1,
            0,
            last,
            len(header) - 1,
            {
                "name": "名单",
                "style": "Table Style Light 9",
                "columns": [{"header": h} for h in header],
            },
        )
        ws.write_comment(2, 1, "组长：负责本批次联络")
        ws.insert_image(1, len(header) + 1, "logo.png", {"image_data": io.BytesIO(tiny_png())})
        yes_no = {"validate": "list", "source": ["是", "否"]}
        ws.data_validation(2, member_c, last, member_c, yes_no)
        ws.repeat_rows(1)
        wb.define_name("参加人员", f"='{roster.name}'!$B$3:$B${last + 1}")
        chart = wb.add_chart({"type": "column"})
        n = len(budget.rows)
        chart.add_series(
            {
                "name": "经费来源",
                "categories": f"='{budget.name}'!$A$2:$A${n}",
                "values": f"='{budget.name}'!$B$2:$B${n}",
            }
        )
        sheets[budget.name].insert_chart("D2", chart)
        note = wb.add_worksheet("说明")
        note.write(0, 0, "本工作簿由人事系统导出，请勿修改表头。")
        note.hide()

    return extras


# ---------------------------------------------------------------- bare zipfile


def _cell_xml(r, c, v):
    ref = f"{get_column_letter(c + 1)}{r + 1}"
    if isinstance(v, datetime.datetime):
        v = v.strftime("%Y-%m-%d")  # no styles part, so no date format: dates as text
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'


def save_minimal(path, sheets):
    """What a short script writes: workbook, sheets, rels and content types; nothing else."""
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {}
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>']
    sheet_tags, rels = [], []
    for n, s in enumerate(sheets, 1):
        rows = []
        for r, row in enumerate(s.rows):
            cs = "".join(_cell_xml(r, c, v) for c, v in enumerate(row) if v not in (None, ""))
            if cs:
                rows.append(f'<row r="{r + 1}">{cs}</row>')
        merges = "".join(f'<mergeCell ref="{m}"/>' for m in s.merges)
        merges = f'<mergeCells count="{len(s.merges)}">{merges}</mergeCells>' if merges else ""
        data = "".join(rows)
        parts[f"xl/worksheets/sheet{n}.xml"] = (
            f'<worksheet xmlns="{main_ns}"><sheetData>{data}</sheetData>{merges}</worksheet>'
        )
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{ct}.worksheet+xml"/>'
        )
        sheet_tags.append(f'<sheet name="{escape(s.name)}" sheetId="{n}" r:id="rId{n}"/>')
        rels.append(
            f'<Relationship Id="rId{n}" Type="{rel_ns}/worksheet" '
            f'Target="worksheets/sheet{n}.xml"/>'
        )
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{main_ns}" xmlns:r="{rel_ns}">'
        f'<sheets>{"".join(sheet_tags)}</sheets></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{pkg_ns}">{"".join(rels)}</Relationships>'
    )
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{pkg_ns}"><Relationship Id="rId1" '
        f'Type="{rel_ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{"".join(overrides)}</Types>'
    )
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order + sorted(k for k in parts if k not in order):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            z.writestr(info, parts[name].encode("utf-8"), zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------- binary parts made in code


def tiny_png():
    """A 4×4 red PNG, written here so the corpus needs no binary file."""
    raw = b"".join(b"\x00" + b"\xc8\x1e\x1e" * 4 for _ in range(4))

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def placeholder_vba():
    """Not a real VBA project: a compound-file header and nothing else. Enough for a reader (which
    must carry it or drop it, never run it); Excel would offer to repair the macros."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    header[24:34] = bytes.fromhex("3e000300feff09000600")
    return bytes(header)


# ---------------------------------------------------------------- post-processing


def _rewrite(src, dst, edit):
    """Copy a zip, passing each part through edit(name, bytes) → bytes or None (drop it)."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
        for info in z.infolist():
            data = edit(info.filename, z.read(info.filename))
            if data is None:
                continue
            zi = zipfile.ZipInfo(info.filename, ZIP_TIME)
            zi.compress_type = info.compress_type
            out.writestr(zi, data)


def absolute_targets(src, dst):
    """Every relationship target as an absolute part name (/xl/worksheets/sheet1.xml)."""

    def edit(name, data):
        if not name.endswith(".rels"):
            return data
        base = name[: name.rindex("_rels/")]  # the folder of the part the rels belong to

        def absolute(m):
            target = m.group(2)
            if target.startswith("/") or re.match(r"[a-z]+:", target) or 'External' in m.group(0):
                return m.group(0)
            parts = (base + target).split("/")
            out = []
            for p in parts:
                if p == "..":
                    out.pop()
                elif p not in ("", "."):
                    out.append(p)
            return m.group(1) + "/" + "/".join(out) + m.group(3)

        text = data.decode("utf-8")
        rel = r'(<Relationship\b[^>]*\bTarget=")([^"]*)("[^>]*>)'
        return re.sub(rel, absolute, text).encode("utf-8")

    _rewrite(src, dst, edit)


def shared_formulas(src, dst, sheet_name):
    """The roster's column-A formulas as one shared formula: the first keeps its text with
    t="shared" ref=… si="0", the others become <f t="shared" si="0"/>."""
    with zipfile.ZipFile(src) as z:
        wb = z.read("xl/workbook.xml").decode("utf-8")
    names = re.findall(r'<sheet\b[^>]*name="([^"]*)"', wb)
    part = f"xl/worksheets/sheet{names.index(sheet_name) + 1}.xml"

    def edit(name, data):
        if name != part:
            return data
        text = data.decode("utf-8")
        cells = re.findall(r'<c r="A(\d+)"[^>]*><f>', text)
        first, last = cells[0], cells[-1]

        def one(m):
            row = m.group(1)
            if row == first:
                return f'<c r="A{row}"{m.group(2)}><f t="shared" ref="A{first}:A{last}" si="0">{m.group(3)}</f>'
            return f'<c r="A{row}"{m.group(2)}><f t="shared" si="0"/>'

        text = re.sub(r'<c r="A(\d+)"([^>]*)><f>([^<]*)</f>', one, text)
        return text.encode("utf-8")

    _rewrite(src, dst, edit)


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def prefixed_namespaces(src, dst):
    """workbook.xml, the worksheets and sharedStrings.xml with the main namespace bound to x:."""

    def edit(name, data):
        if not (
            name == "xl/workbook.xml"
            or name == "xl/sharedStrings.xml"
            or re.match(r"xl/worksheets/sheet\d+\.xml$", name)
        ):
            return data
        text = data.decode("utf-8")
        text = text.replace(f'xmlns="{MAIN_NS}"', f'xmlns:x="{MAIN_NS}"', 1)
        # Unprefixed element names (start and end tags) get the prefix; <?xml …?> does not.
        text = re.sub(r"<(/?)([A-Za-z][\w.-]*)(?=[\s/>])", r"<\1x:\2", text)
        return text.encode("utf-8")

    _rewrite(src, dst, edit)


def chartsheet_first(roster, budget):
    """A chart sheet and a hidden roster-like sheet (made very hidden by very_hidden_and_first)."""

    def extras(wb, sheets):
        chart = wb.add_chart({"type": "column"})
        n = len(budget.rows)
        chart.add_series(
            {
                "name": "经费来源",
                "categories": f"='{budget.name}'!$A$2:$A${n}",
                "values": f"='{budget.name}'!$B$2:$B${n}",
            }
        )
        wb.add_chartsheet("图表").set_chart(chart)
        hidden = wb.add_worksheet("配置")
        for c, h in enumerate(roster.rows[1]):
            hidden.write(0, c, h)
        hidden.write(1, 1, "不应读取")
        hidden.hide()

    return extras


def very_hidden_and_first(src, dst, chart_sheet, hidden_sheet):
    """workbook.xml: the chart sheet moved first in the tab order, the hidden sheet made very
    hidden (XlsxWriter 3.0 writes neither)."""

    def edit(name, data):
        if name != "xl/workbook.xml":
            return data
        text = data.decode("utf-8")
        tags = re.findall(r"<sheet\b[^>]*/>", text)
        chart = next(t for t in tags if f'name="{chart_sheet}"' in t)
        ordered = [chart] + [t for t in tags if t != chart]
        ordered = [
            t.replace('state="hidden"', 'state="veryHidden"') if f'name="{hidden_sheet}"' in t else t
            for t in ordered
        ]
        text = text.replace("".join(tags), "".join(ordered))
        return text.replace(' activeTab="', ' activeTab="').encode("utf-8")

    _rewrite(src, dst, edit)
