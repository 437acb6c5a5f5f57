import os, sys
with open("ministry/systems.csv") as f:
    if "MOL/benefits" not in f.read():
        sys.exit("ministry/systems.csv was replaced")
left = sorted(os.listdir("ministry"))
if left != ["dependencies.csv", "systems.csv"]:
    sys.exit("template left files in ministry: " + str(left))
