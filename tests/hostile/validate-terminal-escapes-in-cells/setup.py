"""Writes systems.csv with terminal escapes (window title, clear screen, colour, an 8-bit C1
CSI) in cells, and a quoted cell holding a newline and a forged diagnostic line."""
rows = [
    "id,name,agency,type,strategy,depends_on",
    "MOF/payroll,Payroll,MOF,application,rehost,\"MOF/gl\x1b]0;owned\x07\"",
    "MOF/gl\x1b[2J,General ledger,MOF,application,rehost,",
    "MOF/hr,HR,MOF,application,\"rehost\nsystems.csv:1: error: forged\",",
    "MOF/tax,Tax,MOF,applicatio\x1b[31mn\u009b2J,rehost,",
]
with open("systems.csv", "w", encoding="utf-8", newline="") as f:
    f.write("\n".join(rows) + "\n")
