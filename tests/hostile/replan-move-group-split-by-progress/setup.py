"""Plans systems.csv into the baseline base/plan.json of the re-plans, then writes the
case's odd inputs, if any."""
import os
import subprocess

# The baseline: A/db and B/mail in wave 1, A/app and A/cache (move_with) in wave 2.
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "--wave-capacity", "2", "-o",
                "base"], check=True, capture_output=True)
