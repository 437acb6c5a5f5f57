"""Plans systems.csv, then puts an array nested 50,000 deep among the systems of wave 1 and, in a
second file, among the systems: render crashed in nlohmann's recursive dump while building the
message about it, explain with an internal error."""
import json
import os
import subprocess

subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "-o", "planned"], check=True,
               capture_output=True)
with open(os.path.join("planned", "plan.json"), encoding="utf-8") as f:
    plan = json.load(f)
deep = "[" * 50_000 + "]" * 50_000
for name, where in (("in-wave.json", plan["waves"][0]["systems"]),
                    ("in-systems.json", plan["systems"])):
    where.append("DEEP")
    with open(name, "w", encoding="utf-8") as f:
        f.write(json.dumps(plan).replace('"DEEP"', deep))
    where.pop()
