"""Plans systems.csv, then edits plan.json by hand as a clerk might: a system entry that is not
an object (explain stopped with an internal error, exit 3), and "wave": 1e300 (explain printed
`wave -2147483648`)."""
import json
import os
import subprocess

subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "-o", "planned"], check=True,
               capture_output=True)
with open(os.path.join("planned", "plan.json"), encoding="utf-8") as f:
    plan = json.load(f)
edited = json.loads(json.dumps(plan))
edited["systems"][2] = "A/keep"
with open("not-an-object.json", "w", encoding="utf-8") as f:
    json.dump(edited, f, indent=2)
edited = json.loads(json.dumps(plan))
edited["systems"][0]["wave"] = 1e300
with open("huge-wave.json", "w", encoding="utf-8") as f:
    json.dump(edited, f, indent=2)
