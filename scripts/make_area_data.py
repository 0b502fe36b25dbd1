#!/usr/bin/env python3
"""Writes SampleData/kawabe: a fictional health centre's area of three municipalities and its
area-wide agencies over two fiscal years (R6, R7), in Tsunagari's input format.

    python3 scripts/make_area_data.py [--out SampleData/kawabe]

Seeded, so the files are the same every time. The story it tells (documented in the folder's
README.md and checked by the tests):
- 川辺市 (the largest city): its schools and its employment agencies have no tie to each other.
- 東山市: grows from R6 to R7 (more agencies, more ties, new ties to 川辺市).
- 北町 (a small town): tied to the rest of the area only through 県ひきこもり地域支援センター; no tie to
  another municipality.
All names are invented.
"""
import argparse
import csv
import os
import random

FIELDS = ["行政・調整", "保健", "医療", "福祉(生活困窮・地域)", "福祉(高齢)", "福祉(障害)",
          "子ども・若者・家庭", "教育", "就労", "当事者・家族・民間", "地域・その他"]
# Names by field: {c} the municipality, {n} a number.
NAMES = {
    "行政・調整": ["{c}ひきこもり相談窓口", "{c}福祉総合相談課", "{c}生活支援課"],
    "保健": ["{c}保健センター", "{c}健康推進課"],
    "医療": ["{c}第{n}クリニック", "{c}中央病院", "{c}こころの診療所{n}"],
    "福祉(生活困窮・地域)": ["{c}社会福祉協議会", "{c}自立相談支援機関", "{c}第{n}地区民生委員協議会"],
    "福祉(高齢)": ["{c}第{n}地域包括支援センター", "{c}居宅介護支援事業所{n}"],
    "福祉(障害)": ["{c}障害者相談支援センター{n}", "{c}就労継続支援事業所{n}"],
    "子ども・若者・家庭": ["{c}こども家庭センター", "{c}子ども・若者相談室{n}"],
    "教育": ["{c}立第{n}中学校", "{c}教育支援センター", "{c}立第{n}小学校"],
    "就労": ["{c}ハローワーク出張相談{n}", "{c}就労支援コーナー", "{c}しごとセンター{n}"],
    "当事者・家族・民間": ["{c}家族会{n}", "{c}居場所スペース{n}", "NPO法人{c}つなぐ会{n}"],
    "地域・その他": ["{c}公民館{n}", "{c}図書館", "{c}商工会{n}"],
}
PUBLIC = {"行政・調整": "公", "保健": "公", "教育": "公", "医療": "民", "当事者・家族・民間": "任意"}
KINDS = ["情報共有", "紹介", "同行", "共同支援", "ケース会議", "定例会議", "研修・交流"]
FREQS = ["年1回以下", "年数回", "月1回程度", "週1回以上"]
# Area-wide agencies: ID, name, short name, field.
AREA_WIDE = [
    ("W01", "県川辺保健所", "川辺保健所", "保健"),
    ("W02", "県精神保健福祉センター", "精神保健福祉センター", "保健"),
    ("W03", "県中央児童相談所", "児童相談所", "子ども・若者・家庭"),
    ("W04", "かわべ地域若者サポートステーション", "サポステ", "就労"),
    ("W05", "県ひきこもり地域支援センター", "ひきこもり地域支援センター", "行政・調整"),
    ("W06", "県立かわべ高等学校", "かわべ高校", "教育"),
]
# Municipalities: code, name, agencies in R6 and in R7.
TOWNS = [("K", "川辺市", 110, 112), ("H", "東山市", 60, 95), ("T", "北町", 16, 16)]
WEIGHTS = [3, 4, 8, 10, 14, 10, 8, 12, 8, 8, 5]


def agencies_of(rng, code, town, count):
    """The town's agencies, the first of each field first so that every field is there."""
    fields = FIELDS + rng.choices(FIELDS, weights=WEIGHTS, k=count - len(FIELDS))
    seen, used, out = {}, set(), []
    for i, field in enumerate(fields[:count]):
        k = seen.get(field, 0)
        seen[field] = k + 1
        template = NAMES[field][k % len(NAMES[field])]
        name = template.format(c=town, n=k // len(NAMES[field]) + 1)
        if name in used:  # a name without a number, a second time: the branch's number
            name += f"第{k // len(NAMES[field]) + 1}分室"
        used.add(name)
        out.append((f"{code}{i + 1:03d}", name, field))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="SampleData/kawabe")
    out = ap.parse_args().out
    rng = random.Random(7)
    towns = {code: agencies_of(rng, code, town, max(r6, r7)) for code, town, r6, r7 in TOWNS}
    town_name = {code: town for code, town, _, _ in TOWNS}
    field_of = {a[0]: a[2] for members in towns.values() for a in members}
    field_of.update({w[0]: w[3] for w in AREA_WIDE})

    def ties_of(present, cross, seed):
        """The ties among the present agencies: the same agencies give the same ties."""
        rng = random.Random(seed)
        ties = {}

        def tie(a, b, strong=False):
            if a != b:
                ties.setdefault(tuple(sorted((a, b))), strong)

        for code, members in present.items():
            ids = [a[0] for a in members]
            degree = 3 if code == "T" else 5
            for a in ids:
                for b in rng.sample(ids, min(degree, len(ids) - 1)):
                    # 川辺市: no tie between schools and employment agencies.
                    if code == "K" and {field_of[a], field_of[b]} == {"教育", "就労"}:
                        continue
                    tie(a, b, rng.random() < 0.4)
            # The desk of each municipality knows most of its agencies.
            for b in ids[1:]:
                if rng.random() < (0.6 if code != "K" else 0.45):
                    tie(ids[0], b, True)
            if code == "T":
                # 北町 reaches the area only through the regional hikikomori support centre.
                for a in ids[:8]:
                    tie(a, "W05", True)
                continue
            for a in ids:
                if rng.random() < 0.12:
                    w = rng.choice([w[0] for w in AREA_WIDE])
                    if not (code == "K" and {field_of[a], field_of[w]} == {"教育", "就労"}):
                        tie(a, w)
        # Ties across municipalities: 川辺市 (not its schools) and 東山市.
        k_ids = [a[0] for a in present["K"] if a[2] != "教育"]
        h_ids = [a[0] for a in present["H"]]
        for _ in range(cross):
            tie(rng.choice(k_ids), rng.choice(h_ids))
        # Area-wide agencies among themselves (the high school and the youth support station not:
        # 川辺市's network would have its education–employment tie through them).
        for i, a in enumerate(AREA_WIDE):
            for b in AREA_WIDE[i + 1:]:
                if rng.random() < 0.7 and {a[3], b[3]} != {"教育", "就労"}:
                    tie(a[0], b[0], True)
        return ties

    r6 = {code: towns[code][:n] for code, _, n, _ in TOWNS}
    r7 = {code: towns[code][:n] for code, _, _, n in TOWNS}
    # R7 keeps R6's ties and adds those of the agencies that joined (東山市 grows) and new ties
    # across municipalities.
    r7_ties = dict(ties_of(r6, 6, 1))
    rng = random.Random(2)
    for code, _, n6, n7 in TOWNS:
        ids = [a[0] for a in r7[code]]
        for a in ids[n6:]:
            r7_ties[tuple(sorted((ids[0], a)))] = True
            for b in rng.sample(ids[:-1], 4):
                if a != b and not (code == "K" and {field_of[a], field_of[b]} == {"教育", "就労"}):
                    r7_ties.setdefault(tuple(sorted((a, b))), rng.random() < 0.4)
    k_ids = [a[0] for a in r7["K"] if a[2] != "教育"]
    for _ in range(12):
        r7_ties.setdefault(tuple(sorted((rng.choice(k_ids), rng.choice([a[0] for a in r7["H"]])))), False)
    years = [ties_of(r6, 6, 1), r7_ties]
    for year, folder in ((0, "R6"), (1, "R7")):
        present, ties = (r6, r7)[year], years[year]
        path = os.path.join(out, folder)
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "agencies.csv"), "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["機関ID", "機関名", "略称", "分野", "官民", "市区町村"])
            for wid, name, short, field in AREA_WIDE:
                w.writerow([wid, name, short, field, "公", ""])
            for code, members in present.items():
                for aid, name, field in members:
                    w.writerow([aid, name, "", field, PUBLIC.get(field, "民"), town_name[code]])
        with open(os.path.join(path, "survey.csv"), "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["回答機関", "連携先", "連携内容", "頻度", "顔の見える関係"])
            for (a, b), strong in sorted(ties.items()):
                rng = random.Random(f"{a}-{b}")  # the same answers every year
                kinds = ";".join(sorted(rng.sample(KINDS, rng.randint(1, 3)), key=KINDS.index))
                frequency = FREQS[rng.randint(2, 3) if strong else rng.randint(0, 2)]
                familiarity = rng.randint(2, 3) if strong else rng.randint(1, 2)
                # Most ties both sides name; about one in six only one side.
                sides = [(a, b), (b, a)] if rng.random() < 0.83 else [rng.choice([(a, b), (b, a)])]
                for reporter, partner in sides:
                    w.writerow([reporter, partner, kinds, frequency, familiarity])


if __name__ == "__main__":
    main()
