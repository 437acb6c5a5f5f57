"""Plans systems.csv, then writes its plan.json with "effort_days": 1e400 in wave 1, a number past
the range of a double: nlohmann refuses it with an exception of its own (out_of_range, not
parse_error), which render and explain reported as an internal error (exit 3)."""
import json
import os
import subprocess

subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "-o", "planned"], check=True,
               capture_output=True)
with open(os.path.join("planned", "plan.json"), encoding="utf-8") as f:
    plan = json.load(f)
plan["waves"][0]["effort_days"] = "HUGE"
text = json.dumps(plan, indent=2).replace('"HUGE"', "1e400")
with open("huge.json", "w", encoding="utf-8") as f:
    f.write(text)
