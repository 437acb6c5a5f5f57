import json, os, subprocess
subprocess.run([os.environ["CLOUDPLAN"], "plan", "inventory", "-o", "out", "--wave-capacity", "1"],
               check=True, capture_output=True)
os.remove("out/plan.json")
os.mkdir("out/plan.json")
snapshot = {}
for root, folders, files in os.walk("out"):
    for name in files:
        path = os.path.join(root, name)
        with open(path, "rb") as f:
            snapshot[path] = f.read().decode("utf-8", "replace")
    snapshot.update({os.path.join(root, name) + "/": "" for name in folders})
with open("snapshot.json", "w") as f:
    json.dump(snapshot, f)
