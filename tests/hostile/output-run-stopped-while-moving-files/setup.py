# Leaves `out` as a run is left when killed while moving its files into place: it wrote every
# file of a new plan (3 systems a wave) into its staging folder with its manifest, and had moved
# schedule.csv over the old plan's (1 system a wave) when it was stopped.
import os, shutil, subprocess
cloudplan = os.environ["CLOUDPLAN"]
subprocess.run([cloudplan, "plan", "inventory", "-o", "out", "-q", "--wave-capacity", "1"], check=True)
subprocess.run([cloudplan, "plan", "inventory", "-o", "new", "-q", "--wave-capacity", "3"], check=True)
staging = "out/.cloudplan-staging-AbC123"
os.makedirs(staging)
for name in ("plan.json", "waves.csv", ".cloudplan-manifest"):
    shutil.copyfile(os.path.join("new", name), os.path.join(staging, name))
shutil.copyfile("new/schedule.csv", "out/schedule.csv")
