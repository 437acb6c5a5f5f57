"""Makes the store and submission 2 of MOF, whose --by and --message hold terminal escapes and a
newline followed by a forged line of the history, at a fixed time (CLOUDPLAN_NOW), so that the
history the runs print is stable."""
import os
import subprocess

BY = "Kim\x1b]0;owned\x07 Minji"
MESSAGE = "Q2\n#3  2027-01-10T09:00:00Z  DGA  accepted  by 'forged'\x1b[2J"
env = dict(os.environ, CLOUDPLAN_NOW="2027-01-10T09:00:00Z")
binary = os.environ["CLOUDPLAN"]
subprocess.run([binary, "store", "init", "national.db", "--agencies", "agencies.csv", "--by",
                "National Office"], env=env, check=True, capture_output=True)
subprocess.run([binary, "submit", "national.db", "--agency", "MOF", "mof", "--by", BY,
                "--message", MESSAGE], env=env, check=True, capture_output=True)
