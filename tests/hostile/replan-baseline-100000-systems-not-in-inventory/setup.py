"""Plans systems.csv into the baseline base/plan.json of the re-plans, then writes the
case's odd inputs, if any."""
import json
import os
import subprocess

# The baseline: one system a wave, A/db 1, A/app 2, A/web 3, B/mail 4 (wave 1 starts 2027-01-04,
# waves of 28 days); A/keep is retained.
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "--wave-capacity", "1", "-o",
                "base"], check=True, capture_output=True)

with open(os.path.join("base", "plan.json"), encoding="utf-8") as f:
    plan = json.load(f)
template = plan["systems"][3]
plan["systems"], plan["dependencies"], plan["move_groups"] = [], [], []
for wave in plan["waves"]:
    wave["systems"] = []
for i in range(100000):
    system = dict(template, id=f"Z/s{i:06d}", wave=1 + i % 4)
    plan["systems"].append(system)
    plan["waves"][i % 4]["systems"].append(system["id"])
with open("alien.json", "w", encoding="utf-8") as f:
    json.dump(plan, f)
