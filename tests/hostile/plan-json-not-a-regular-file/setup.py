"""A plan.json that is a named pipe nothing writes to, a folder, or over 1 GiB: render and explain
read the plan with an ifstream, so the pipe hung them, the folder was called "not a JSON object"
and a large file was read whole. A real plan, planned from systems.csv, is then read from
standard input."""
import os
import subprocess

os.mkfifo("plan.fifo")
os.mkdir("a-folder")
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "-o", "planned"], check=True,
               capture_output=True)
# One byte over the 1 GiB limit, sparse: no disk space is taken.
with open("huge.json", "wb") as f:
    f.truncate((1 << 30) + 1)
