"""Plans systems.csv into the baseline base/plan.json of the re-plans, then writes the
case's odd inputs, if any."""
import datetime
import json
import os
import subprocess

# The baseline: one system a wave, A/db 1, A/app 2, A/web 3, B/mail 4 (wave 1 starts 2027-01-04,
# waves of 28 days); A/keep is retained.
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "--wave-capacity", "1", "-o",
                "base"], check=True, capture_output=True)

with open(os.path.join("base", "plan.json"), encoding="utf-8") as f:
    plan = json.load(f)
first = datetime.date(2027, 1, 4)
for number in range(5, 5001):
    start = first + datetime.timedelta(days=28 * (number - 1))
    end = start + datetime.timedelta(days=27)
    plan["waves"].append(dict(plan["waves"][3], wave=number, start=str(start), end=str(end),
                              systems=[], migrating=0, effort_days=0.0))
plan["waves"][3].update(systems=[], migrating=0, effort_days=0.0)
plan["waves"][4999].update(systems=["B/mail"], migrating=1, effort_days=10.0)
plan["systems"][3]["wave"] = 5000
with open("waves-5000.json", "w", encoding="utf-8") as f:
    json.dump(plan, f, indent=2)
