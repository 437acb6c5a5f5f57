"""Plans the inventory, then edits plan.json: MIN's parent becomes its own office OFF (a cycle),
and OTH becomes its own parent. Such agencies had no ministry: `render --agency all` drew
neither MIN nor OTH, and said nothing."""
import json
import os
import subprocess

subprocess.run([os.environ["CLOUDPLAN"], "plan", "inventory", "-o", "planned"], check=True,
               capture_output=True)
with open(os.path.join("planned", "plan.json"), encoding="utf-8") as f:
    plan = json.load(f)
for agency in plan["agencies"]:
    if agency["code"] == "MIN":
        agency["parent"] = "OFF"
    if agency["code"] == "OTH":
        agency["parent"] = "OTH"
with open("cycle.json", "w", encoding="utf-8") as f:
    json.dump(plan, f, indent=2)
