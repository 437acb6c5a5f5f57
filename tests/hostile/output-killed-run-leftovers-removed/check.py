import json, os, sys
left = sorted(os.listdir("out"))
if left != [".cloudplan-lock", ".cloudplan-manifest", "notes.tmp-AbC123", "plan.json", "schedule.csv", "waves.csv"]:
    sys.exit("left in out: " + str(left))
with open("out/plan.json") as f:
    json.load(f)
