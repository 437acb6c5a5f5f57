# What render wrote grows with the inventory (2 systems), not with the 1000 waves.
import os
import sys

total = 0
for folder, _, files in os.walk("views"):
    for name in files:
        total += os.path.getsize(os.path.join(folder, name))
if total > 1_000_000:
    sys.exit(f"the views weigh {total} bytes")
waves = sorted(os.listdir("views/waves"))
if waves != ["wave-1.svg", "wave-1000.svg"]:
    sys.exit(f"wave diagrams: {waves[:5]}... ({len(waves)})")
with open("views/report.html", encoding="utf-8") as f:
    report = f.read()
if "Waves 2 to 999: no system moves" not in report:
    sys.exit("the report does not fold the empty waves")
with open("views/schedule.svg", encoding="utf-8") as f:
    if "Waves 2-999" not in f.read():
        sys.exit("the schedule does not fold the empty waves")
