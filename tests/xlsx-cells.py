#!/usr/bin/env python3
# xlsx-cells.py: the cells of an .xlsx file's first sheet, one per line:
#   REF TYPE FORMAT VALUE
# TYPE is "s" (text) or "n" (number), FORMAT the number format's code
# ("General" when none), VALUE the text or number as stored. Then the
# sheet's frozen pane, autofilter and column widths as lines of their own.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
BUILTIN = {0: "General", 9: "0%", 10: "0.00%", 2: "0.00", 14: "mm-dd-yy"}

with zipfile.ZipFile(sys.argv[1]) as z:
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    styles = ET.fromstring(z.read("xl/styles.xml"))
    strings = [
        "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)
    ] if "xl/sharedStrings.xml" in z.namelist() else []

codes = dict(BUILTIN)
for f in styles.findall("m:numFmts/m:numFmt", NS):
    codes[int(f.get("numFmtId"))] = f.get("formatCode")
xfs = [int(xf.get("numFmtId", "0")) for xf in styles.findall("m:cellXfs/m:xf", NS)]

for c in sheet.iter("{%s}c" % NS["m"]):
    kind = c.get("t", "n")
    value = c.findtext("m:v", default="", namespaces=NS)
    if kind == "s":
        value = strings[int(value)]
    fmt = codes.get(xfs[int(c.get("s", "0"))], "?")
    print(c.get("r"), kind, fmt, value)

pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
if pane is not None:
    print("pane", pane.get("state"), pane.get("xSplit", "0"), pane.get("ySplit", "0"))
f = sheet.find("m:autoFilter", NS)
if f is not None:
    print("autofilter", f.get("ref"))
for col in sheet.findall("m:cols/m:col", NS):
    print("width", col.get("min"), col.get("width"))
