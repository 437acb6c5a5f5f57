"""Plans systems.csv into the baseline base/plan.json of the re-plans, then writes the
case's odd inputs, if any."""
import os
import shutil
import subprocess

# The baseline: one system a wave, A/db 1, A/app 2, A/web 3, B/mail 4 (wave 1 starts 2027-01-04,
# waves of 28 days); A/keep is retained.
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "--wave-capacity", "1", "-o",
                "base"], check=True, capture_output=True)
for folder, settings in (("other", "wave_length_days = 14\n"),
                         ("same", "start = 2027-01-04\nwave_length_days = 28\nwave_capacity = 1\n")):
    os.mkdir(folder)
    shutil.copy("systems.csv", folder)
    with open(os.path.join(folder, "cloudplan.toml"), "w", encoding="utf-8") as f:
        f.write(settings)
