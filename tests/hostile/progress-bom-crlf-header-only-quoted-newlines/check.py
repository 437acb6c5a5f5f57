"""The last run's plan keeps A/db, in progress, in its baseline wave 1: the progress file was read."""
import json
import sys

with open("out/plan.json", encoding="utf-8") as f:
    plan = json.load(f)
db = next(s for s in plan["systems"] if s["id"] == "A/db")
if db.get("status") != "in-progress" or db["wave"] != 1:
    sys.exit(f"A/db: status {db.get('status')!r}, wave {db['wave']}")
