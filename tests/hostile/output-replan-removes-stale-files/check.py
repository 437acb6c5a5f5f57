import os, sys
left = sorted(os.listdir("out"))
if left != [".cloudplan-lock", ".cloudplan-manifest", "notes.txt", "plan.json", "schedule.csv", "waves.csv"]:
    sys.exit("left in out: " + str(left))
