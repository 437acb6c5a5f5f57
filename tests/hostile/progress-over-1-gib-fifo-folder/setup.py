"""Plans systems.csv into the baseline base/plan.json of the re-plans, then writes the
case's odd inputs, if any."""
import os
import subprocess

# The baseline: one system a wave, A/db 1, A/app 2, A/web 3, B/mail 4 (wave 1 starts 2027-01-04,
# waves of 28 days); A/keep is retained.
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "--wave-capacity", "1", "-o",
                "base"], check=True, capture_output=True)

os.mkfifo("progress.fifo")
os.mkfifo("plan.fifo")
os.mkdir("a-folder")
# One byte over the 1 GiB limit, sparse: no disk space is taken.
with open("huge.csv", "wb") as f:
    f.write(b"id,status,date,note\n")
    f.truncate((1 << 30) + 1)
