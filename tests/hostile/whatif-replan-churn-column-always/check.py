"""With --baseline, the CSV table has a churn column whatever the plans' outcomes."""
import sys

with open("table.csv", encoding="utf-8") as f:
    header = f.readline().rstrip("\n")
expected = "wave-capacity,waves,lower_bound,end,peak_hybrid_links,permanent_hybrid_links,churn,error"
if header != expected:
    sys.exit(f"table.csv header {header!r}, expected {expected!r}")
