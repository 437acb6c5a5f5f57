import os
os.makedirs("out/.cloudplan-staging-Q1w2E3/waves")
for path in ("out/plan.json.tmp-AbC123", "out/waves.csv.tmp-x9Y8z7",
             "out/.cloudplan-staging-Q1w2E3/plan.json", "out/.cloudplan-staging-Q1w2E3/waves/wave-1.svg",
             "out/notes.tmp-AbC123"):
    with open(path, "w") as f:
        f.write("{\"half\": ")
