# Each agency in a file of its own, named as docs/reports.md says.
import hashlib
import os
import sys

LONG = "L" * 245
capped = LONG[:103] + "~" + hashlib.sha256(LONG.encode()).hexdigest()[:16]
expected = {"M%2FF.svg": "M/F &#45; Slash: 1 system", "M_F.svg": "M_F &#45; Underscore: 1 system",
            "M_F-2.svg": "M_F&#45;2 &#45; Dash two: 1 system",
            capped + ".svg": "L" * 117 + "\u2026 &#45; Long: 1 system"}
found = sorted(os.listdir("views/agencies"))
if found != sorted(expected):
    sys.exit(f"agency files: {found}")
for name, title in expected.items():
    with open(os.path.join("views/agencies", name), encoding="utf-8") as f:
        if title not in f.read():
            sys.exit(f"{name} does not show its agency ({title})")
