# The views are small (the boxes stop 8 levels deep) and each diagram's title says so.
import os
import sys

NOTE = ("agencies are drawn 8 levels deep: a deeper office&#39;s systems are in the box of its "
        "level&#45;8 ancestor (the inventory nests 100000 levels)")
total = 0
for folder, _, files in os.walk("views"):
    for name in files:
        total += os.path.getsize(os.path.join(folder, name))
if total > 1_000_000:
    sys.exit(f"the views weigh {total} bytes")
for view in ["overview.svg", "waves/wave-1.svg", "agencies/A99999.svg", "focus/S1.svg"]:
    with open(os.path.join("views", view), encoding="utf-8") as f:
        svg = f.read()
    if NOTE not in svg:
        sys.exit(f"{view} does not say that the boxes stop 8 levels deep")
    boxes = svg.count('class="cluster"')
    if boxes > 20:
        sys.exit(f"{view} draws {boxes} boxes")
