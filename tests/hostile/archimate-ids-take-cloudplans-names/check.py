"""Every identifier of plan.archimate.xml is an xs:ID, used once; the inventory's xs:ID ids are
kept, the others made with the prefix cp1-, as cp- would clash."""
import re
import sys
import xml.etree.ElementTree as ET

root = ET.parse("out/plan.archimate.xml").getroot()
identifiers = [e.get("identifier") for e in root.iter() if e.get("identifier") is not None]
problems = [i for i in identifiers if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9._-]*", i)]
if problems or len(set(identifiers)) != len(identifiers):
    sys.exit("not xs:IDs, or not unique: %s" % (problems or sorted(identifiers)))
for expected in ("cp-wave-1", "cp-system-A_2fb", "cp-rel-1", "cp1-system-A_2fb", "cp1-wave-1",
                 "cp1-model", "cp1-view-roadmap", "cp1-view-wave-1", "cp1-rel-baseline-wave-1"):
    if expected not in identifiers:
        sys.exit("no identifier %s" % expected)
