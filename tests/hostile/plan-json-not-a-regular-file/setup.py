"""A plan.json that is a named pipe nothing writes to, and a folder: render and explain read the
plan with an ifstream, so the pipe hung them and the folder was called "not a JSON object". A
real plan, planned from systems.csv, is then read from standard input."""
import os
import subprocess

os.mkfifo("plan.fifo")
os.mkdir("a-folder")
subprocess.run([os.environ["CLOUDPLAN"], "plan", "systems.csv", "-o", "planned"], check=True,
               capture_output=True)
