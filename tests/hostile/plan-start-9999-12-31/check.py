"""No run wrote a plan: every one was refused."""
import os
import sys

for folder in ("out-start", "out-waves", "out-freeze"):
    if os.path.exists(os.path.join(folder, "plan.json")):
        sys.exit(f"{folder}/plan.json was written")
