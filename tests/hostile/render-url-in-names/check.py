# The names are in the report's drawings as they were written; only ids are prefixed.
import sys

with open("views/report.html", encoding="utf-8") as f:
    report = f.read()
if "-x)" in report:
    sys.exit("a name's url(#x) was rewritten")
for drawing in ["overview-graph0", "wave1-graph0"]:
    if "A &#45; Agency url(#x)</text>" not in report[report.index(drawing):]:
        sys.exit(f"the agency's name is not in the drawing {drawing}")
if 'xlink:title="A/u: see url(#x) id=&quot;y&quot;' not in report:
    sys.exit("the system's name is not in its tooltip")
