#!/usr/bin/env python3
"""Splits a generated national inventory (geninv.py's folder) into the submissions ministries make.

    split_ministries.py INVENTORY OUT [--measured-near 5000]

Writes OUT/agencies.csv (the register, for `store init`), OUT/parts/<MINISTRY>/ (one folder per
top-level agency: its systems, those of every agency below it, and the dependencies whose consumer
is one of them, so each part is what `submit --agency MINISTRY` takes), OUT/measured/ (a copy of
the part whose size is nearest --measured-near systems) and OUT/measured-changed/ (the same part
with about 5% of its rows changed: every 20th system renamed, every 20th dependency described).
Prints the measured ministry's code, its systems and its rows of dependencies.csv (depends_on cells
add more). Standard library only.
"""
import argparse
import csv
import os
import sys


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:  # geninv writes some with a BOM
        reader = csv.reader(f)
        header = next(reader)
        return header, list(reader)


def column(header, name):
    """The index of a column; geninv varies the headers' case and spacing as people do."""
    return [h.strip().lower() for h in header].index(name)


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def ministry_of(agencies):
    """The top-level ancestor of every agency code (the register is a forest)."""
    parent = {code: up for code, up in agencies.items()}
    top = {}
    for code in parent:
        seen, walk = [], code
        while parent.get(walk) and walk not in top:
            seen.append(walk)
            walk = parent[walk]
        root = top.get(walk, walk)
        for c in seen + [walk]:
            top[c] = root
    return top


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inventory")
    parser.add_argument("out")
    parser.add_argument("--measured-near", type=int, default=5000)
    args = parser.parse_args()

    agency_header, agency_rows = read_csv(os.path.join(args.inventory, "agencies.csv"))
    code_at, parent_at = column(agency_header, "code"), column(agency_header, "parent")
    top = ministry_of({row[code_at]: row[parent_at] for row in agency_rows})
    write_csv(os.path.join(args.out, "agencies.csv"), agency_header, agency_rows)

    systems = {}  # ministry -> (header, rows); the header is the first file's
    system_ministry = {}
    for name in sorted(os.listdir(args.inventory)):
        if not (name.startswith("systems-") and name.endswith(".csv")):
            continue
        header, rows = read_csv(os.path.join(args.inventory, name))
        id_at, agency_at = column(header, "id"), column(header, "agency")
        for row in rows:
            ministry = top[row[agency_at]]
            system_ministry[row[id_at]] = ministry
            entry = systems.setdefault(ministry, (header, []))
            if entry[0] != header:
                sys.exit(f"split_ministries: {name} has other columns than the files before it")
            entry[1].append(row)

    dependency_header, dependency_rows = read_csv(os.path.join(args.inventory, "dependencies.csv"))
    from_at = column(dependency_header, "from")
    dependencies = {}
    for row in dependency_rows:
        ministry = system_ministry.get(row[from_at])
        if ministry is None:
            sys.exit(f"split_ministries: dependency from unknown system '{row[from_at]}'")
        dependencies.setdefault(ministry, []).append(row)

    def write_part(folder, ministry, rename=False):
        header, rows = systems[ministry]
        deps = dependencies.get(ministry, [])
        if rename:
            def revised(rows, at, change):
                return [r[:at] + [change(r[at])] + r[at + 1:] if i % 20 == 0 else r
                        for i, r in enumerate(rows)]
            rows = revised(rows, column(header, "name"), lambda name: name + " (revised)")
            deps = revised(deps, column(dependency_header, "description"),
                           lambda text: ("revised " + text).strip())
        write_csv(os.path.join(folder, f"systems-{ministry}.csv"), header, rows)
        write_csv(os.path.join(folder, "dependencies.csv"), dependency_header, deps)

    for ministry in sorted(systems):
        write_part(os.path.join(args.out, "parts", ministry), ministry)
    measured = min(sorted(systems), key=lambda m: abs(len(systems[m][1]) - args.measured_near))
    write_part(os.path.join(args.out, "measured"), measured)
    write_part(os.path.join(args.out, "measured-changed"), measured, rename=True)
    print(measured, len(systems[measured][1]), len(dependencies.get(measured, [])))


if __name__ == "__main__":
    main()
