import os, sys
if os.path.exists("views"):
    sys.exit("a refused render made the views folder")
for name in ("plan.json", "schedule.csv", "waves.csv"):
    with open(os.path.join("out", name), "rb") as f, open(os.path.join("new", name), "rb") as g:
        if f.read() != g.read():
            sys.exit(f"out/{name} is not the stopped run's")
if [n for n in os.listdir("out") if n.startswith(".cloudplan-staging-")]:
    sys.exit("the stopped run's staging folder is left")
