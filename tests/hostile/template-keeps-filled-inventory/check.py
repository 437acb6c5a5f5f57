import sys
# The filled-in rows are still there, and nothing was added beside them.
with open("ministry/systems.csv", encoding="utf-8") as f:
    if "MOL/benefits-db" not in f.read():
        sys.exit("ministry/systems.csv was replaced")
import os
if os.path.exists("ministry/README.txt"):
    sys.exit("template wrote README.txt beside the inventory it refused to replace")
