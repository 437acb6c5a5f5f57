"""schedule.csv and waves.csv as Python's csv module reads them: no header twice (case and blanks
ignored), the ministry's wave, Start and reasons columns under the prefixed names, the name
`Payroll;=1+1` back as text in its own cell, and every cell that starts like a formula inert."""
import csv
import sys


def table(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    header = rows[0]
    keys = [h.strip().lower() for h in header]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        sys.exit(f"{path}: headers written twice: {duplicates}")
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            sys.exit(f"{path}:{number}: {len(row)} cells under {len(header)} headers")
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                sys.exit(f"{path}:{number}: cell {cell!r} would run as a formula")
    return header, [dict(zip(header, row)) for row in rows[1:]]


header, rows = table("out/schedule.csv")
expected = ["wave", "start", "end", "id", "name", "agency", "type", "strategy", "action",
            "criticality", "effort_days", "target", "move_group", "reasons",
            "property_wave", "property_Start", "property_reasons", "notes"]
if header != expected:
    sys.exit(f"schedule.csv header is {header}, expected {expected}")
payroll, db = rows
checks = [
    (payroll["id"], "MOF/payroll"),
    (payroll["name"], "Payroll;=1+1"),
    (payroll["wave"], "1"),
    (payroll["start"], "2027-01-04"),
    (payroll["property_wave"], "Q3"),
    (payroll["property_Start"], "2025-01-01"),
    (payroll["property_reasons"], "contract; ends"),
    (payroll["notes"], "'-5 degrees"),
    (db["property_wave"], ""),
    (db["notes"], "'@SUM(A1)"),
]
for actual, wanted in checks:
    if actual != wanted:
        sys.exit(f"schedule.csv: {actual!r} where {wanted!r} was expected")
with open("out/schedule.csv", encoding="utf-8-sig", newline="") as f:
    if ',"Payroll;=1+1",' not in f.read():
        sys.exit("schedule.csv: the name holding ';' is not quoted")
table("out/waves.csv")
