import os, sys
if sorted(os.listdir("inv")) != ["agencies.csv", "dependencies.csv", "systems.csv"]:
    sys.exit("a refused run wrote into inv: " + str(sorted(os.listdir("inv"))))
if not os.path.exists("plan.json"):
    sys.exit("the plan of standard input was not written")
