# A plan run is writing `out` for the first time: it holds the lock (as pid 4242 says) and its
# plan.json is not in place yet. A process of this script stands for it until check.py ends it.
import os, subprocess, sys, time
os.makedirs("out")
holder = subprocess.Popen([sys.executable, "-c", """
import fcntl, os, time
lock = os.open("out/.cloudplan-lock", os.O_RDWR | os.O_CREAT, 0o666)
fcntl.flock(lock, fcntl.LOCK_EX)
os.write(lock, b"4242\\n")
open("locked", "w").close()
time.sleep(120)
"""], start_new_session=True)
with open("holder.pid", "w") as f:
    f.write(str(holder.pid))
while not os.path.exists("locked"):
    time.sleep(0.01)
