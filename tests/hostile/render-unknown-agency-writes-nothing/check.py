import os, sys
if os.path.exists("views"):
    sys.exit("render made the views folder: " + str(os.listdir("views")))
left = sorted(os.listdir("out"))
if left != [".cloudplan-lock", ".cloudplan-manifest", "plan.json", "schedule.csv", "waves.csv"]:
    sys.exit("render changed the plan's folder: " + str(left))
