"""Plans systems.csv, then sets effort_days to 'two' on its 8 systems: render folds the eight
errors of one code, and its count line pointed to --diagnostics json, which render lacks."""
import json
import os
import subprocess

subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "-o", "planned"], check=True,
               capture_output=True)
with open(os.path.join("planned", "plan.json"), encoding="utf-8") as f:
    plan = json.load(f)
for system in plan["systems"]:
    system["effort_days"] = "two"
with open("bad8.json", "w", encoding="utf-8") as f:
    json.dump(plan, f, indent=2)
