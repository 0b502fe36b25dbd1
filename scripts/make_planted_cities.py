#!/usr/bin/env python3
"""Write the test cities with planted problems, and their documented truth.

    python3 scripts/make_planted_cities.py     # writes Tests/TsunagariKitTests/Fixtures/planted/

Each city starts as a healthy network: every field has a ring of ties inside it, every core
pathway between fields two ties and every common one one tie (docs/DOMAIN.md §10), every type
pathway satisfied, no agency the network would split without, ages handed on at every
boundary. Then the problems below are planted, and nothing else is changed. truth.json lists
them (what a planner must see, and which findings show each), and the absences that are
expected and must not be ranked above any planted problem. `needs_cases` marks problems that
only the case records can show. A finding shows a planted problem when its kind is one of
`kinds` and it names `first_agency` first, or exactly `agencies`, or exactly `fields`, or has
`field` among its fields, or concerns `age`; `also` lists further findings that follow from the
same problem. Checked with networkx while writing: the healthy base has no
cut point and no bridge.

Standard library and networkx. Deterministic: no randomness. All names are invented.
"""

import csv
import json
from pathlib import Path

import networkx as nx

OUT = Path(__file__).resolve().parent.parent / "Tests/TsunagariKitTests/Fixtures/planted"

# (key, name, field, age_min, age_max); the names carry the words the type is inferred from.
BASE = [
    ("desk", "{c}ひきこもり相談窓口", "administration", None, None),
    ("coord", "{c}重層的支援推進室", "administration", None, None),
    ("hc", "{c}保健所", "health", None, None),
    ("mhc", "{c}保健センター", "health", None, None),
    ("mhwc", "県精神保健福祉センター", "health", None, None),
    ("clinic", "{c}こころのクリニック", "medical", None, None),
    ("hospital", "{c}精神科病院", "medical", None, None),
    ("nurse", "訪問看護ステーション{c}", "medical", None, None),
    ("council", "{c}社会福祉協議会", "welfare_community", None, None),
    ("selfrel", "{c}くらし自立相談センター", "welfare_community", None, None),
    ("office", "{c}福祉事務所", "welfare_community", None, None),
    ("eld1", "{c}東地域包括支援センター", "welfare_elderly", 65, None),
    ("eld2", "{c}西地域包括支援センター", "welfare_elderly", 65, None),
    ("eld3", "{c}南地域包括支援センター", "welfare_elderly", 65, None),
    ("care", "居宅介護支援事業所{c}", "welfare_elderly", 65, None),
    ("dis", "相談支援事業所{c}", "welfare_disability", None, None),
    ("dev", "県発達障害者支援センター", "welfare_disability", None, None),
    ("trans", "就労移行支援事業所{c}", "welfare_disability", 18, None),
    ("family", "{c}こども家庭センター", "children_youth_family", 0, 17),
    ("cgc", "県児童相談所", "children_youth_family", 0, 17),
    ("youth", "{c}子ども・若者総合相談センター", "children_youth_family", 15, 39),
    ("board", "{c}教育委員会 教育相談室", "education", 6, 15),
    ("esc", "{c}教育支援センター", "education", 6, 15),
    ("ssw", "{c}スクールソーシャルワーカー", "education", 6, 15),
    ("jhs", "{c}立中学校", "education", 12, 15),
    ("hs", "県立{c}高等学校 定時制", "education", 15, None),
    ("yss", "{c}地域若者サポートステーション", "employment", 15, 49),
    ("hw", "ハローワーク{c}", "employment", None, None),
    ("prep", "{c}就労準備支援事業", "employment", 15, None),
    ("fam", "{c}ひきこもり家族会", "peers_families_npo", None, None),
    ("peer", "ひきこもり当事者会{c}", "peers_families_npo", 18, None),
    ("dropin", "居場所「{c}のへや」", "peers_families_npo", 15, 39),
    ("npo", "NPO法人{c}若者支援ネット", "peers_families_npo", 15, None),
    ("comm", "{c}民生委員児童委員協議会", "community_other", None, None),
    ("police", "{c}警察署 生活安全課", "community_other", None, None),
    ("legal", "法テラス{c}", "community_other", None, None),
]

CORE = [
    ("administration", f) for f in ["health", "medical", "welfare_community", "welfare_elderly",
                                    "welfare_disability", "children_youth_family", "education", "employment",
                                    "peers_families_npo", "community_other"]
] + [
    ("health", "medical"), ("health", "peers_families_npo"), ("welfare_elderly", "welfare_community"),
    ("education", "children_youth_family"), ("education", "employment"), ("welfare_community", "employment"),
    ("welfare_disability", "employment"), ("welfare_disability", "medical"), ("community_other", "welfare_elderly"),
    ("community_other", "welfare_community"),
]
COMMON = [
    ("health", "welfare_community"), ("health", "welfare_disability"), ("health", "children_youth_family"),
    ("health", "welfare_elderly"), ("medical", "welfare_community"), ("medical", "welfare_disability"),
    ("medical", "peers_families_npo"), ("children_youth_family", "employment"),
    ("children_youth_family", "peers_families_npo"), ("employment", "peers_families_npo"),
    ("welfare_community", "peers_families_npo"),
]
# The ties each pair of fields gets first, by agency key (the type pathways and age hand-overs among them).
CHOSEN = {
    ("administration", "welfare_elderly"): [("desk", "eld1"), ("coord", "eld2")],
    ("administration", "peers_families_npo"): [("desk", "fam"), ("desk", "dropin")],
    ("health", "medical"): [("hc", "clinic"), ("mhwc", "hospital")],
    ("education", "employment"): [("ssw", "yss"), ("hs", "prep")],
    ("education", "children_youth_family"): [("ssw", "youth"), ("board", "family")],
    ("welfare_community", "employment"): [("selfrel", "prep"), ("council", "hw")],
    ("community_other", "welfare_elderly"): [("comm", "eld3"), ("police", "eld1")],
    ("welfare_disability", "employment"): [("trans", "yss"), ("dis", "hw")],
    ("children_youth_family", "employment"): [("youth", "yss")],
    ("employment", "peers_families_npo"): [("yss", "dropin")],
}


def base_ties(agencies):
    """The healthy network: rings inside fields, then the pairs of fields."""
    by_field = {}
    for key, _, field, _, _ in agencies:
        by_field.setdefault(field, []).append(key)
    ties = set()

    def tie(a, b):
        if a != b:
            ties.add(tuple(sorted((a, b))))

    for members in by_field.values():
        if len(members) >= 2:
            for i, a in enumerate(members):
                tie(a, members[(i + 1) % len(members)])
    for pairs, count in ((CORE, 2), (COMMON, 1)):
        for fa, fb in pairs:
            chosen = CHOSEN.get((fa, fb)) or CHOSEN.get((fb, fa))
            if chosen:
                for a, b in chosen:
                    tie(a, b)
                continue
            xs, ys = by_field.get(fa, []), by_field.get(fb, [])
            for i in range(min(count, len(xs) * len(ys))):
                tie(xs[i % len(xs)], ys[(i * 2 + 1) % len(ys)])
    return ties


def check_healthy(agencies, ties):
    g = nx.Graph()
    g.add_nodes_from(k for k, *_ in agencies)
    g.add_edges_from(ties)
    assert nx.is_connected(g), "the base network is not connected"
    assert not list(nx.articulation_points(g)), f"cut points: {list(nx.articulation_points(g))}"
    assert not list(nx.bridges(g)), f"bridges: {list(nx.bridges(g))}"


def write_city(folder, city, agencies, ties, person_dependent, referrals, truth):
    year = OUT / folder / "2025"
    year.mkdir(parents=True, exist_ok=True)
    ids = {key: f"A{i + 1:02d}" for i, (key, *_) in enumerate(agencies)}
    names = {key: name.format(c=city) for key, name, *_ in agencies}
    with open(year / "agencies.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "field", "age_min", "age_max"])
        for key, _, field, lo, hi in agencies:
            w.writerow([ids[key], names[key], field, "" if lo is None else lo, "" if hi is None else hi])
    with open(year / "survey.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["reporter", "partner", "kinds", "frequency", "familiarity", "person_dependent"])
        for a, b in sorted(ties, key=lambda t: (ids[t[0]], ids[t[1]])):
            alone = "1" if tuple(sorted((a, b))) in person_dependent else "0"
            for x, y in ((a, b), (b, a)):  # both sides name the tie: no one-sided ties planted
                w.writerow([ids[x], ids[y], "情報共有;紹介", "月1回程度", "2", alone])
    with open(year / "referrals.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "step", "month", "from", "to", "outcome", "age_band"])
        for n, (a, b, outcome, band) in enumerate(referrals, start=1):
            w.writerow([f"C{n:03d}", 1, "2025-10", ids[a], ids[b], outcome, band])

    def resolve(item):
        out = dict(item)
        for k in ("agency", "first_agency"):
            if k in out:
                out[k] = ids[out[k]]
        if "agencies" in out:
            out["agencies"] = [ids[a] for a in out["agencies"]]
        return out

    truth = {
        "city": city,
        "planted": [resolve(p) for p in truth["planted"]],
        "expected_absences": truth["expected_absences"],
    }
    (OUT / folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def healthy_referrals(ties):
    """A few hand-offs that connected, along ties, so that every city has case records."""
    return [(a, b, "つながった", "15-39") for a, b in sorted(ties)[:12]]


def untie(ties, *pairs):
    for a, b in pairs:
        ties.discard(tuple(sorted((a, b))))


def tie(ties, *pairs):
    for a, b in pairs:
        ties.add(tuple(sorted((a, b))))


ABSENCES = [["welfare_elderly", "education"], ["welfare_elderly", "children_youth_family"],
            ["welfare_elderly", "employment"], ["medical", "community_other"]]


def sakura():
    """さくら市: schools and employment apart while school → youth station hand-offs fail; the
    8050 crack; peer groups hanging on one NPO; the only school–youth tie on one person; a new
    drop-in space with no ties."""
    agencies = BASE + [
        ("peer2", "当事者会「そよかぜ」", "peers_families_npo", None, None),
        ("peer3", "ピアサポート「みちくさ」", "peers_families_npo", None, None),
        ("peer4", "当事者会「ゆうぐれ」", "peers_families_npo", None, None),
        ("newdrop", "居場所「はじまりの家」", "peers_families_npo", None, None),
    ]
    ties = base_ties(BASE)
    check_healthy(BASE, ties)
    # 1. No tie between education and employment at all.
    untie(ties, *[(a, b) for a, b in list(ties) if {field(a), field(b)} == {"education", "employment"}])
    # 2. The desk knows no elder-care centre (the coordinator knows one).
    untie(ties, ("desk", "eld1"))
    tie(ties, ("desk", "council"))  # the desk keeps its place in the network
    # 3. Three peer groups tied only to the NPO.
    tie(ties, ("npo", "peer2"), ("npo", "peer3"), ("npo", "peer4"))
    # 4. Education and children's services: only SSW – youth centre, resting on one person.
    untie(ties, ("board", "family"))
    untie(ties, *[(a, b) for a, b in list(ties)
                  if {field(a), field(b)} == {"education", "children_youth_family"} and {a, b} != {"ssw", "youth"}])
    person_dependent = {("ssw", "youth")}
    referrals = healthy_referrals(ties) + [
        ("ssw", "yss", "中断", "15-39"), ("ssw", "yss", "拒否", "15-39"), ("hs", "yss", "中断", "15-39"),
    ]
    truth = {"planted": [
        {"id": "school_employment", "what": "学校と就労の間につながりがなく、学校からサポステへの紹介が続けて途切れている",
         "kinds": ["field_gap", "missing_pathway", "failed_hand_offs", "unreported_hand_off"],
         "fields": ["education", "employment"], "needs_cases": False},
        {"id": "8050", "what": "ひきこもり相談窓口がどの地域包括支援センターともつながっていない (重層的支援推進室は1か所を知っている)",
         "kinds": ["missing_pathway"], "first_agency": "desk", "needs_cases": False},
        {"id": "peer_groups_on_npo", "what": "当事者会3つがNPO1つだけにつながっている",
         "kinds": ["articulation"], "first_agency": "npo", "needs_cases": False},
        {"id": "school_youth_one_person", "what": "教育と子ども・若者の間のただ1本のつながりが担当者1人に頼っている",
         "kinds": ["person_dependent"], "agencies": ["ssw", "youth"], "needs_cases": False},
        {"id": "new_drop_in", "what": "新しい居場所がどこともつながっていない",
         "kinds": ["isolated"], "first_agency": "newdrop", "needs_cases": False},
    ], "expected_absences": ABSENCES}
    write_city("sakura", "さくら市", agencies, ties, person_dependent, referrals, truth)


def kaede():
    """かえで町: support for young people ends at 40 with nothing after it; the medical
    services reached only through the health centre; hand-offs refused again and again along
    one tie; the commissioners with no tie to any elder-care centre."""
    ages = {"youth": (15, 39), "dropin": (15, 39), "yss": (15, 39), "prep": (None, None), "trans": (None, None),
            "hs": (None, None), "npo": (None, None), "peer": (None, None)}
    agencies = [(k, n, f, *ages.get(k, (lo, hi))) for k, n, f, lo, hi in BASE] + [
        ("middle", "ミドル世代の居場所「{c}」", "peers_families_npo", 40, None),
    ]
    ties = base_ties(BASE)
    check_healthy(BASE, ties)
    tie(ties, ("middle", "fam"), ("middle", "mhc"))
    # 2. The medical services: tied among themselves and to the health centre only.
    medical = {"clinic", "hospital", "nurse"}
    untie(ties, *[(a, b) for a, b in list(ties) if (a in medical) != (b in medical) and "hc" not in (a, b)])
    tie(ties, ("hc", "hospital"))
    # 4. The commissioners know no elder-care centre.
    untie(ties, *[(a, b) for a, b in list(ties) if "comm" in (a, b) and field(a if b == "comm" else b) == "welfare_elderly"])
    tie(ties, ("comm", "council"), ("comm", "office"))
    referrals = healthy_referrals(ties) + [("selfrel", "prep", "拒否", "40-64")] * 4
    truth = {"planted": [
        {"id": "age_cliff_40", "what": "若者の支援が39歳で終わり、40歳以降の支援 (ミドル世代の居場所) へのつながりがない",
         "kinds": ["age_boundary", "age_coverage"], "age": 40, "needs_cases": False},
        {"id": "medical_via_health_centre", "what": "医療機関3つが保健所を通してしかつながっていない",
         "kinds": ["articulation"], "first_agency": "hc", "needs_cases": False,
         # what follows from it: the medical services have no tie to the fields beyond the health centre
         "also": [{"kinds": ["field_gap"], "field": "medical"}]},
        {"id": "repeated_refusals", "what": "くらし自立相談から就労準備支援への紹介が4回拒否されている (つながりはある)",
         "kinds": ["failed_hand_offs"], "agencies": ["selfrel", "prep"], "needs_cases": True},
        {"id": "commissioners_elder_care", "what": "民生委員児童委員協議会がどの地域包括支援センターともつながっていない",
         "kinds": ["missing_pathway"], "first_agency": "comm", "needs_cases": False},
    ], "expected_absences": ABSENCES}
    write_city("kaede", "かえで町", agencies, ties, set(), referrals, truth)


def tsubaki():
    """つばき市: the 8050 crack where only case records cross it; a council of social welfare
    that alone holds a children's food network and a volunteers' group, on one person; the
    health centre without a psychiatric partner; the youth centre with no tie to schools; the
    desk's only tie to a family group on one person."""
    agencies = BASE + [
        ("food", "{c}子ども食堂ネットワーク", "community_other", None, None),
        ("vol", "見守りボランティアの会「{c}」", "community_other", None, None),
    ]
    ties = base_ties(BASE)
    check_healthy(BASE, ties)
    # 1. The desk knows no elder-care centre; two hand-offs from the desk to one were never carried by a tie.
    untie(ties, ("desk", "eld1"))
    tie(ties, ("desk", "office"))
    # 2. The food network and the volunteers hang on the council, through one tie and one person.
    tie(ties, ("council", "food"), ("food", "vol"))
    # 3. The health centre has no psychiatric partner (the mental health centre has one).
    untie(ties, ("hc", "clinic"))
    tie(ties, ("hc", "nurse"))
    # 4. The youth centre knows no school or SSW (the family centre knows the education board).
    untie(ties, ("ssw", "youth"))
    tie(ties, ("ssw", "family"))
    person_dependent = {("council", "food"), ("desk", "fam")}
    referrals = healthy_referrals(ties) + [("desk", "eld2", "つながった", "40-64"), ("desk", "eld2", "待機", "40-64")]
    truth = {"planted": [
        {"id": "8050_cases", "what": "ひきこもり相談窓口が地域包括支援センターとつながっていない (事例では紹介がある)",
         "kinds": ["missing_pathway", "unreported_hand_off"], "first_agency": "desk", "needs_cases": False},
        {"id": "council_holds_food_network", "what": "社協が抜けると子ども食堂ネットワークと見守りボランティアが切り離される (その1本は担当者1人に頼っている)",
         "kinds": ["articulation"], "first_agency": "council", "needs_cases": False},
        {"id": "health_centre_psychiatric", "what": "保健所に精神科の連携先がない",
         "kinds": ["missing_pathway"], "first_agency": "hc", "needs_cases": False},
        {"id": "youth_centre_schools", "what": "子ども・若者総合相談センターが学校ともSSWともつながっていない",
         "kinds": ["missing_pathway"], "first_agency": "youth", "needs_cases": False},
        {"id": "desk_family_one_person", "what": "窓口と家族会のただ1本のつながりが担当者1人に頼っている",
         "kinds": ["person_dependent"], "agencies": ["desk", "fam"], "needs_cases": False},
    ], "expected_absences": ABSENCES}
    write_city("tsubaki", "つばき市", agencies, ties, person_dependent, referrals, truth)


FIELDS = {k: f for k, _, f, *_ in BASE}
FIELDS.update({"peer2": "peers_families_npo", "peer3": "peers_families_npo", "peer4": "peers_families_npo",
               "newdrop": "peers_families_npo", "middle": "peers_families_npo", "food": "community_other",
               "vol": "community_other"})


def field(key):
    return FIELDS[key]


if __name__ == "__main__":
    sakura()
    kaede()
    tsubaki()
    print(f"wrote {OUT}")
