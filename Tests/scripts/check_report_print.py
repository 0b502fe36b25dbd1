#!/usr/bin/env python3
"""Prints the meeting report to PDF with headless Chromium, as a nurse does before the meeting,
and checks the pages.

    python3 check_report_print.py REPORT.html OUT.pdf CARDS [HANDOUT.html]

Fails (exit 1, with the reasons) when a page holds nothing but a section heading (a heading
left alone at a page foot), when an agency card takes more than two pages, when a collapsed
list is printed closed, when the method section points to files the reader does not have, when
the network map's agency labels print smaller than 7 pt or the map does not span the page's
width, or when the handout does not print on exactly one page. Label sizes are measured on
paper: pdftotext's word boxes are the font's box at the printed size, so a label's box against a
body text word's (10.5 pt, the print style) gives its size in points, both being in the same font.
Prints "OK <pages>" otherwise. Needs Chromium and poppler-utils (pdftotext, pdfinfo).
"""
import html
import re
import shutil
import subprocess
import sys

report, pdf, cards = sys.argv[1], sys.argv[2], int(sys.argv[3])
handout = sys.argv[4] if len(sys.argv) > 4 else None
browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not browser or not shutil.which("pdftotext"):
    print("no Chromium or pdftotext found")
    sys.exit(2)


def print_pdf(page, out):
    """Prints the page to PDF as Chromium does; returns its page count."""
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + out, "file://" + page], capture_output=True, timeout=300)
    info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


pages = print_pdf(report, pdf)
problems = []
texts = []
for page in range(1, pages + 1):
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    texts.append(lines)
    if len(lines) == 1 and re.match(r"^\d+\. ", lines[0]):
        problems.append(f"page {page} holds only the heading {lines[0]}")
# Each card starts a page; it may spill onto one more page at most (the report itself is about 25).
if cards and pages > 30 + 2 * cards:
    problems.append(f"{pages} pages for {cards} cards: more than two pages a card")
whole = "\n".join("\n".join(lines) for lines in texts)
flat = re.sub(r"\s+", "", whole)
# The first item of every collapsed list must be on paper.
source = open(report, encoding="utf-8").read()
for block in re.findall(r"<details.*?</details>", source, re.S):
    item = re.search(r"<li[^>]*>(.*?)</li>", block, re.S) or re.search(r"<td[^>]*>(.*?)</td>", block, re.S)
    if item:
        text = html.unescape(re.sub(r"<[^>]+>", "", item.group(1)))
        if re.sub(r"\s+", "", text) not in flat:
            problems.append(f"a collapsed list is printed closed (its first item {text!r} is not on paper)")
if "docs/" in whole:
    problems.append("the printed report points to docs/, which the reader does not have")

# The network map on paper: its agency labels (the text of the first map's agency nodes) at 7 pt
# or more, the map across the page.
source_map = re.search(r'<figure class="view"[^>]*>(.*?)</figure>', source, re.S)
labels = set()
if source_map:
    for group in re.findall(r'<g class="node[^"]*" data-agency=.*?</g>\n</g>', source_map.group(1), re.S):
        labels.update(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", group))
boxes = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
page_boxes = [[(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in word.findall(p)]
              for p in re.findall(r"<page (.*?)</page>", boxes, re.S)]
page_width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
body = sorted(y1 - y0 for _, y0, _, y1, _ in page_boxes[0])[len(page_boxes[0]) // 2]
on_map = max(range(len(page_boxes)), key=lambda k: sum(1 for w in page_boxes[k] if w[4] in labels))
found = [w for w in page_boxes[on_map] if w[4] in labels]
if len(found) < len(labels) // 2:
    problems.append(f"the network map's labels are not on paper ({len(found)} of {len(labels)} found)")
else:
    smallest = min(y1 - y0 for _, y0, _, y1, _ in found) / body * 10.5
    if round(smallest, 1) < 7.0:
        problems.append(f"the network map's labels print at {smallest:.1f} pt, less than 7 pt")
    span = max(w[2] for w in page_boxes[on_map]) - min(w[0] for w in page_boxes[on_map])
    if span < 0.8 * page_width:
        problems.append(f"the network map spans {span / page_width:.0%} of the page's width")
if handout:
    handout_pages = print_pdf(handout, pdf + ".handout.pdf")
    if handout_pages != 1:
        problems.append(f"the handout prints on {handout_pages} pages, not one")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"OK {pages}")
