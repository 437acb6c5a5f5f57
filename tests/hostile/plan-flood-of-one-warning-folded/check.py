"""--diagnostics json still lists every one of the 1,000 warnings."""
import json
import os
import subprocess
import sys

run = subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "-o", "json-out",
                      "--diagnostics", "json"], capture_output=True, text=True)
lines = [json.loads(line) for line in run.stderr.splitlines()]
codes = [line["code"] for line in lines]
if run.returncode != 0 or codes != ["retained-loses-provider"] * 1000:
    sys.exit(f"expected 1000 JSON warnings, got exit {run.returncode} and {len(codes)}")
