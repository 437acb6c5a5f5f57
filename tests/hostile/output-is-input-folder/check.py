import os, sys
if os.path.exists("inventory/plan.json") or os.path.exists("inventory/schedule.csv"):
    sys.exit("a refused run wrote into the input folder")
