"""Writes systems.csv whose names hold terminal escapes (window title, clear screen) and a newline
followed by a forged line of explain's output."""
rows = [
    "id,name,agency,type,strategy,depends_on",
    "MOF/payroll,\"Pay\x1b]0;owned\x07roll\nMOF/forged  wave 1\",MOF,application,rehost,MOF/ledger",
    "MOF/ledger,Ledger\x1b[2J,MOF,application,rehost,",
]
with open("systems.csv", "w", encoding="utf-8", newline="") as f:
    f.write("\n".join(rows) + "\n")
