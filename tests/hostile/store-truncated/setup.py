"""Makes a real store (the register and one submission of 400 systems), then cuts the file at half
its size, as a full disk or a careless copy would leave it; keeps its SHA-256 beside it."""
import hashlib
import os
import subprocess

os.makedirs("mof")
with open("mof/systems.csv", "w", encoding="utf-8") as f:
    f.write("id,name,agency,depends_on\n")
    for number in range(400):
        f.write("MOF/s%03d,System %d with a name long enough to fill pages,MOF,DGA/sso\n" %
                (number, number))
env = dict(os.environ, CLOUDPLAN_NOW="2027-01-10T09:00:00Z")
binary = os.environ["CLOUDPLAN"]
subprocess.run([binary, "store", "init", "national.db", "--agencies", "agencies.csv"], env=env,
               check=True, capture_output=True)
subprocess.run([binary, "submit", "national.db", "--agency", "MOF", "mof"], env=env, check=True,
               capture_output=True)
assert not os.path.exists("national.db-wal"), "the store's WAL was not checkpointed on close"
size = os.path.getsize("national.db")
with open("national.db", "r+b") as f:
    f.truncate(size // 2 // 4096 * 4096)
with open("national.db", "rb") as f:
    digest = hashlib.sha256(f.read()).hexdigest()
with open("national.db.sha256", "w") as f:
    f.write(digest)
