# The plan as written draws a page for each ministry, MIN and OTH.
import os
import sys

for page in ("report-MIN.html", "report-OTH.html", "ministries.html"):
    if not os.path.isfile(os.path.join("views", page)):
        sys.exit(f"views/{page} is missing")
