import json, os, sys
with open("snapshot.json") as f:
    before = json.load(f)
after = {}
for root, folders, files in os.walk("out"):
    for name in files:
        path = os.path.join(root, name)
        with open(path, "rb") as f:
            after[path] = f.read().decode("utf-8", "replace")
    after.update({os.path.join(root, name) + "/": "" for name in folders})
# The lock file names the pid of the last run to hold it; everything else is as it was.
before.pop("out/.cloudplan-lock", None)
after.pop("out/.cloudplan-lock", None)
if after != before:
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    sys.exit("the folder changed: " + ", ".join(changed))
