#!/usr/bin/env python3
"""Writes the encoding fixtures: the same small network saved three ways, as Excel would.

- cp932/R7:      CP932 (Shift_JIS as Japanese Excel writes it), CRLF, Japanese headers
- bom/2025:      UTF-8 with byte-order mark ("CSV UTF-8"), CRLF, Japanese headers
- lf/令和7年度:   UTF-8 without BOM, LF, English headers

Run from this folder: python3 make_fixtures.py
"""
import os

AGENCIES = [
    ("A01", "みどり市ひきこもり相談窓口", "相談窓口", "行政・調整", "公", "", "", "ひきこもり窓口"),
    ("A02", "髙橋こころのクリニック①", "", "医療", "民", "１５", "", ""),
    ("A03", "㈱ワークサポート～みどり～", "ワーサポ", "就労", "民", "15", "49", "ワークサポート"),
    ("A04", "みどり家族会", "", "当事者・家族・民間", "任意", "", "", ""),
]
SURVEY = [
    ("A01", "ワーサポ", "情報共有;紹介", "月1回程度", "3", "はい", "4", "担当者が替わると心配、要引継ぎ"),
    ("A03", "相談窓口", "紹介", "年数回", "2", "いいえ", "", "複数行の\n備考"),
    ("A02", "A01", "情報共有", "年1回以下", "1", "0", "", ""),
]
HEAD_JA = (["機関ID", "機関名", "略称", "分野", "官民", "対象年齢下限", "対象年齢上限", "別名"],
           ["回答機関", "連携先", "連携内容", "頻度", "顔の見える関係", "担当者依存", "信頼", "備考"])
HEAD_EN = (["id", "name", "short_name", "field", "public_private", "age_min", "age_max", "aliases"],
           ["reporter", "partner", "kinds", "frequency", "familiarity", "person_dependent", "trust", "note"])


def cell(v):
    if any(c in v for c in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v


def write(path, header, rows, encoding, newline, bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = newline.join(",".join(cell(v) for v in row) for row in [header] + rows) + newline
    data = text.encode(encoding)
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


for folder, heads, enc, nl, bom in [
    ("cp932/R7", HEAD_JA, "cp932", "\r\n", False),
    ("bom/2025", HEAD_JA, "utf-8", "\r\n", True),
    ("lf/令和7年度", HEAD_EN, "utf-8", "\n", False),
]:
    write(f"{folder}/agencies.csv", heads[0], [list(r) for r in AGENCIES], enc, nl, bom)
    write(f"{folder}/survey.csv", heads[1], [list(r) for r in SURVEY], enc, nl, bom)

# Bytes that are neither UTF-8 nor CP932 (0x85 0x40 is unassigned in CP932; 0xFF is not a lead byte).
os.makedirs("broken/2025", exist_ok=True)
with open("broken/2025/agencies.csv", "wb") as f:
    f.write(b"id,name,field\nA01,\xff\xfe\x85\x40,\x95\xdb\x8c\x92\n")
