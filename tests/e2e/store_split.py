"""Splits a national inventory folder (geninv's output: agencies.csv, systems-*.csv,
dependencies.csv) into one submission folder per ministry, as the ministries would send them: the
systems whose agency is the ministry or below it, and the dependencies whose consumer is one of
them. Shared by the store's end-to-end and durability tests (not a test itself: no _test suffix)."""
import csv
import os


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return [cell.strip().lower() for cell in rows[0]], rows[0], rows[1:]


def ministries(agencies_csv):
    """{agency code: the code of its top-level agency (its ministry)}."""
    keys, _, rows = read_rows(agencies_csv)
    parent = {row[keys.index("code")]: row[keys.index("parent")] for row in rows}

    def top(code):
        while parent.get(code):
            code = parent[code]
        return code

    return {code: top(code) for code in parent}


def split_by_ministry(inventory, out):
    """Writes OUT/<MINISTRY>/systems.csv and dependencies.csv; returns {ministry: folder} and
    {ministry: number of systems}."""
    top = ministries(os.path.join(inventory, "agencies.csv"))
    systems, header, owner = {}, None, {}
    for name in sorted(os.listdir(inventory)):
        if not name.startswith("systems"):
            continue
        keys, header_row, rows = read_rows(os.path.join(inventory, name))
        header = header or header_row
        if [k for k in header_row] != [k for k in header]:
            # Put the columns in the first file's order (headers differ only in case and blanks).
            order = [keys.index(k.strip().lower()) for k in header]
            rows = [[row[i] for i in order] for row in rows]
        for row in rows:
            ministry = top[row[[k.strip().lower() for k in header].index("agency")].strip()]
            owner[row[0].strip()] = ministry
            systems.setdefault(ministry, []).append(row)
    dep_keys, dep_header, dep_rows = read_rows(os.path.join(inventory, "dependencies.csv"))
    dependencies = {}
    for row in dep_rows:
        dependencies.setdefault(owner[row[dep_keys.index("from")].strip()], []).append(row)
    folders = {}
    for ministry, rows in sorted(systems.items()):
        folder = os.path.join(out, ministry)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "systems.csv"), "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows([header, *rows])
        with open(os.path.join(folder, "dependencies.csv"), "w", encoding="utf-8",
                  newline="") as f:
            csv.writer(f, lineterminator="\n").writerows([dep_header,
                                                          *dependencies.get(ministry, [])])
        folders[ministry] = folder
    return folders, {m: len(rows) for m, rows in systems.items()}
