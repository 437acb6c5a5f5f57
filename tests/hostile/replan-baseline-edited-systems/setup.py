"""Plans systems.csv into the baseline base/plan.json of the re-plans, then writes the
case's odd inputs, if any."""
import copy
import json
import os
import subprocess

# The baseline: one system a wave, A/db 1, A/app 2, A/web 3, B/mail 4 (wave 1 starts 2027-01-04,
# waves of 28 days); A/keep is retained.
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "--wave-capacity", "1", "-o",
                "base"], check=True, capture_output=True)

with open(os.path.join("base", "plan.json"), encoding="utf-8") as f:
    plan = json.load(f)

def write(name, edit):
    edited = copy.deepcopy(plan)
    edit(edited)
    with open(name, "w", encoding="utf-8") as f:
        json.dump(edited, f, indent=2)

write("wave-9.json", lambda p: p["systems"][0].update(wave=9))
write("wave-0.json", lambda p: p["systems"][0].update(wave=0))
write("twice.json", lambda p: p["systems"].append(copy.deepcopy(p["systems"][0])))
write("ghost.json", lambda p: p["waves"][0]["systems"].append("Z/ghost"))
