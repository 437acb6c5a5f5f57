# 1000 ministries of two systems each, and 4000 links from one ministry to a later one.
import os
import random

MINISTRIES = 1000
random.seed(1)
os.makedirs("inventory", exist_ok=True)
with open("inventory/systems.csv", "w", encoding="utf-8") as f:
    f.write("id,name,agency\n")
    f.writelines(f"M{m}/s{k},s,M{m}\n" for m in range(MINISTRIES) for k in range(2))
links = set()
while len(links) < 4000:
    a, b = sorted(random.sample(range(MINISTRIES), 2))
    links.add((f"M{a}/s{random.randrange(2)}", f"M{b}/s{random.randrange(2)}"))
with open("inventory/dependencies.csv", "w", encoding="utf-8") as f:
    f.write("from,to\n")
    f.writelines(f"{a},{b}\n" for a, b in sorted(links))
