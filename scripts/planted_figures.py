#!/usr/bin/env python3
"""The figures of docs/MEASURES.md for the test cities with planted problems.

    python3 scripts/planted_figures.py [path/to/tsunagari]   # default .build/debug/tsunagari

Runs `tsunagari gaps --format json` on each city of Tests/TsunagariKitTests/Fixtures/planted,
with its case records and with referrals.csv taken away, and prints where each planted problem
first appears (the matching rules of truth.json, as PlantedCityTests applies them).
"""
import json, shutil, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANTED = ROOT / "Tests/TsunagariKitTests/Fixtures/planted"
BINARY = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/debug/tsunagari")


def matches(m, f):
    if f["kind"] not in m["kinds"]:
        return False
    if "first_agency" in m and (f["agencies"][:1] != [m["first_agency"]]):
        return False
    if "agencies" in m and set(m["agencies"]) != set(f["agencies"]):
        return False
    if "fields" in m and set(m["fields"]) != set(f["fields"]):
        return False
    if "field" in m and m["field"] not in f["fields"]:
        return False
    if "age" in m:
        e = f.get("evidence", {})
        return e.get("age") == m["age"] or e.get("band", "").startswith(f"{m['age']}-")
    return True


def ranks(folder, truth, with_cases):
    out = subprocess.run([BINARY, "gaps", str(folder), "--format", "json", "--lang", "en", "--quiet"],
                         capture_output=True, text=True, check=True).stdout
    findings = json.loads(out)
    result = {}
    for p in truth["planted"]:
        if p["needs_cases"] and not with_cases:
            continue
        for i, f in enumerate(findings):
            if any(matches(m, f) for m in [p] + p.get("also", [])):
                result[p["id"]] = i + 1
                break
        else:
            result[p["id"]] = None
    absences = [set(a) for a in truth["expected_absences"]]
    first_absence = next((i + 1 for i, f in enumerate(findings)
                          if f["kind"] == "field_gap" and set(f["fields"]) in absences), None)
    return result, first_absence, len(findings)


print("| city | case records | planted | in first 5 | in first 10 | ranks | first expected absence | findings |")
print("|---|---|---|---|---|---|---|---|")
for city in sorted(p.name for p in PLANTED.iterdir() if p.is_dir()):
    truth = json.loads((PLANTED / city / "truth.json").read_text(encoding="utf-8"))
    for with_cases in (True, False):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / city
            shutil.copytree(PLANTED / city, folder)
            if not with_cases:
                (folder / "2025" / "referrals.csv").unlink()
            r, absence, total = ranks(folder, truth, with_cases)
        shown = [v for v in r.values() if v]
        print(f"| {truth['city']} | {'yes' if with_cases else 'no'} | {len(r)} | {sum(v <= 5 for v in shown)} | "
              f"{sum(v <= 10 for v in shown)} | {', '.join(f'{k} {v}' for k, v in r.items())} | {absence} | {total} |")
