"""Plans systems.csv into the baseline base/plan.json of the re-plans, then writes the
case's odd inputs, if any."""
import os
import subprocess

# The baseline: one system a wave, A/db 1, A/app 2, A/web 3, B/mail 4 (wave 1 starts 2027-01-04,
# waves of 28 days); A/keep is retained.
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "--wave-capacity", "1", "-o",
                "base"], check=True, capture_output=True)
