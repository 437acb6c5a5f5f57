# The diagrams, and the agency page's links, show the names cut; only the report's and the page's
# tables of systems hold them whole, once each.
import os
import sys

sizes = {}
for folder, _, files in os.walk("views"):
    for name in files:
        path = os.path.join(folder, name)
        sizes[path] = os.path.getsize(path)
diagrams = sum(size for path, size in sizes.items() if not path.endswith(".html"))
if diagrams > 2_000_000:
    sys.exit(f"the diagrams and schedule weigh {diagrams} bytes")
if sizes["views/report-B.html"] > 1_000_000:
    sys.exit(f"the agency's page weighs {sizes['views/report-B.html']} bytes")
if sizes["views/report.html"] > 3_000_000:
    sys.exit(f"the report weighs {sizes['views/report.html']} bytes")
with open("views/focus/HUB.svg", encoding="utf-8") as f:
    if "HUB &#45; " + "N" * 117 + "\u2026: wave 1" not in f.read():
        sys.exit("the focus title does not show the name cut")
