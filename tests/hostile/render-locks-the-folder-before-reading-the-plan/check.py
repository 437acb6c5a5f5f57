import os, signal
with open("holder.pid") as f:
    os.kill(int(f.read()), signal.SIGKILL)
