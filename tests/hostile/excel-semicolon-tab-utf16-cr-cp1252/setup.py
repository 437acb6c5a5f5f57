# One small inventory as Excel and old tools save it: comma, semicolon and tab separated; UTF-16
# little- and big-endian with a byte-order mark ("Unicode text"); windows-1252; old-Mac CR line
# ends; and with a day-first date and a decimal comma.
ROWS = [
    ["id", "name", "agency", "type", "strategy", "effort_days", "not_before", "depends_on"],
    ["MOF/payroll", "Paie de l'État", "MOF", "application", "rehost", "12.5", "2027-03-01", "MOF/db"],
    ["MOF/db", "Base de données", "MOF", "database", "replatform", "7", "", ""],
]


def text(separator, end="\r\n", rows=ROWS):
    return "".join(separator.join(f'"{c}"' if separator in c else c for c in row) + end
                   for row in rows)


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


write("comma.csv", text(",").encode("utf-8"))
write("semicolon.csv", text(";").encode("utf-8"))
write("tab.csv", text("\t").encode("utf-8"))
write("utf16le.csv", "\ufeff".encode("utf-16-le") + text(",").encode("utf-16-le"))
write("utf16be.csv", "\ufeff".encode("utf-16-be") + text(",").encode("utf-16-be"))
write("windows-1252.csv", text(",").encode("cp1252"))
write("cr.csv", text(",", "\r").encode("utf-8"))
hints = [row[:] for row in ROWS]
hints[1][6] = "01/07/2027"
hints[2][5] = "7,5"
write("hints.csv", text(",", "\n", hints).encode("utf-8"))
