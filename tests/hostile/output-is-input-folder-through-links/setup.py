# inv/ holds links to the inventory in data/; a stray file named - sits in the current folder.
import os
os.makedirs("inv")
for name in ("systems.csv", "dependencies.csv", "agencies.csv"):
    os.symlink(os.path.join("..", "data", name), os.path.join("inv", name))
with open("-", "w") as f:
    f.write("a stray file, not standard input\n")
