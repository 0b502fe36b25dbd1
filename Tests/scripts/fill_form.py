#!/usr/bin/python3
"""Fills in a Tsunagari workbook form in LibreOffice Calc, as a person would, and saves it.

    fill_form.py PROFILE_DIR IN.xlsx OUT FORMAT CELL=VALUE ...

FORMAT is how the person saves: xlsx, or the answer sheet as csv-sjis (Shift_JIS CSV), csv-utf8
or utf16 (Excel's "Unicode text": UTF-16, tab-separated). CELL is a reference on the answer sheet (the second
sheet), e.g. E3, or on another sheet by name, e.g. プロフィール!B4; the value is typed as text. Needs Debian's python3-uno (run with /usr/bin/python3).
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


FILTERS = {
    "xlsx": ("Calc Office Open XML", None),
    # Separator, quote, character set, first line; the 12th token is the sheet to save (the answers).
    "csv-sjis": ("Text - txt - csv (StarCalc)", "44,34,64,1,,0,false,true,false,false,false,2"),
    "csv-utf8": ("Text - txt - csv (StarCalc)", "44,34,76,1,,0,false,true,false,false,false,2"),
    "utf16": ("Text - txt - csv (StarCalc)", "9,34,65535,1,,0,false,true,false,false,false,2"),
}


def main():
    profile, source, target, fmt = sys.argv[1:5]
    cells = [arg.split("=", 1) for arg in sys.argv[5:]]
    pipe = "tsunagari%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(600):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.1)
        else:
            sys.exit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0,
                                           (prop("Hidden", True),))
        sheet = doc.Sheets.getByIndex(1)
        for reference, value in cells:
            target_sheet = sheet
            if "!" in reference:  # another sheet by name, e.g. プロフィール!B4
                name, reference = reference.split("!", 1)
                target_sheet = doc.Sheets.getByName(name)
            target_sheet.getCellRangeByName(reference).setString(value)
        name, options = FILTERS[fmt]
        args = [prop("FilterName", name), prop("Overwrite", True)]
        if options:
            args.append(prop("FilterOptions", options))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), tuple(args))
        # Saving one sheet, LibreOffice names the file after it: TARGET-SHEET.EXT.
        stem, ext = os.path.splitext(target)
        if options and os.path.exists(stem + "-" + sheet.Name + ext):
            os.replace(stem + "-" + sheet.Name + ext, target)
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as the office quits
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
