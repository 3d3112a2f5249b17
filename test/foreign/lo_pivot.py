"""A pivot table made by LibreOffice itself (issue 11: pivot caches are kept).

Usage: lo_pivot.py SOFFICE SOURCE.xlsx OUT.xlsx

Starts a headless soffice with a private profile, listening on a pipe named for this process
(several test files may build the corpus at once), opens SOURCE through the UNO API, adds a sheet
透视 holding a DataPilot table (the roster's people counted per 疗休养项目) and stores the workbook
with LibreOffice's own xlsx filter, which writes xl/pivotCache/ and xl/pivotTables/ parts.
Needs python3-uno (installed with libreoffice-calc-nogui).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.DataPilotFieldOrientation import DATA, ROW
from com.sun.star.sheet.GeneralFunction import COUNT
from com.sun.star.table import CellAddress


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(soffice, source, out):
    profile = tempfile.mkdtemp(prefix="lo-pivot-profile-")
    pipe = f"lxy_pivot_{os.getpid()}"
    proc = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("soffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),)
        )
        sheets = doc.Sheets
        roster = sheets.getByName("花名册")
        # The header row is the second (a title above it); the data run to the last used row.
        cursor = roster.createCursor()
        cursor.gotoEndOfUsedArea(False)
        used = cursor.getRangeAddress()
        src = roster.getCellRangeByPosition(0, 1, used.EndColumn, used.EndRow).getRangeAddress()
        header = [roster.getCellByPosition(c, 1).getString() for c in range(used.EndColumn + 1)]
        sheets.insertNewByName("透视", sheets.Count)
        tables = sheets.getByName("透视").getDataPilotTables()
        desc = tables.createDataPilotDescriptor()
        desc.setSourceRange(src)
        fields = desc.getDataPilotFields()
        fields.getByIndex(header.index("疗休养项目")).Orientation = ROW
        count = fields.getByIndex(header.index("姓名"))
        count.Orientation = DATA
        count.Function = COUNT
        at = CellAddress()
        at.Sheet, at.Column, at.Row = sheets.Count - 1, 0, 0
        tables.insertNewByName("人数", at, desc)
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(out)),
            (prop("FilterName", "Calc MS Excel 2007 XML"),),
        )
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away as soffice quits
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
