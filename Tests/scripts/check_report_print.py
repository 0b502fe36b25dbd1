#!/usr/bin/env python3
"""Prints the meeting report to PDF with headless Chromium, as a nurse does before the meeting,
and checks the pages.

    python3 check_report_print.py REPORT.html OUT.pdf CARDS

Fails (exit 1, with the reasons) when a page holds nothing but a section heading (a heading
left alone at a page foot), when an agency card takes more than two pages, when a collapsed
list is printed closed, or when the method section points to files the reader does not have.
Prints "OK <pages>" otherwise. Needs Chromium and poppler-utils (pdftotext, pdfinfo).
"""
import html
import re
import shutil
import subprocess
import sys

report, pdf, cards = sys.argv[1], sys.argv[2], int(sys.argv[3])
browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not browser or not shutil.which("pdftotext"):
    print("no Chromium or pdftotext found")
    sys.exit(2)
subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf, "file://" + report], capture_output=True, timeout=300)
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
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
    item = re.search(r"<li[^>]*>(.*?)</li>", block, re.S)
    if item:
        text = html.unescape(re.sub(r"<[^>]+>", "", item.group(1)))
        if re.sub(r"\s+", "", text) not in flat:
            problems.append(f"a collapsed list is printed closed (its first item {text!r} is not on paper)")
if "docs/" in whole:
    problems.append("the printed report points to docs/, which the reader does not have")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"OK {pages}")
