# No bidirectional formatting character reaches a page or a drawing; each is written out.
import glob
import sys

for path in sorted(glob.glob("views/**/*.html", recursive=True) +
                   glob.glob("views/**/*.svg", recursive=True)):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for control in ["\u202e", "\u2066"]:
        if control in text:
            sys.exit(f"{path} holds U+{ord(control):04X} as it is")
with open("views/report-A.html", encoding="utf-8") as f:
    page = f.read()
if "pay\\u202ellor\\u2066x" not in page or "Agency \\u202eecnaniF" not in page:
    sys.exit("the ministry's page does not write the names out")
