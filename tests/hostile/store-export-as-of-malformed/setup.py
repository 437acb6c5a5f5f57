"""Makes a store with the register and one submission of MOF, at a fixed time (CLOUDPLAN_NOW)."""
import os
import subprocess

env = dict(os.environ, CLOUDPLAN_NOW="2027-01-10T09:00:00Z")
binary = os.environ["CLOUDPLAN"]
subprocess.run([binary, "store", "init", "national.db", "--agencies", "agencies.csv"], env=env,
               check=True, capture_output=True)
subprocess.run([binary, "submit", "national.db", "--agency", "MOF", "systems.csv"], env=env,
               check=True, capture_output=True)
