"""Runs plan with stderr on a terminal (a pseudo-terminal): the progress line shows each phase,
rewritten in place, and is erased before the summary; with --quiet nothing is shown."""
import os
import pty
import subprocess
import sys


def stderr_on_a_terminal(args):
    leader, follower = pty.openpty()
    run = subprocess.run([os.environ["CLOUDPLAN"], *args], stdout=subprocess.PIPE,
                         stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal is closed once the run has ended and all is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return run.returncode, run.stdout, shown


code, out, shown = stderr_on_a_terminal(["plan", "systems.csv", "-o", "out-terminal"])
# Each drawing goes back to the margin and erases the line: "reading...", "writing 33%", and on a
# slow machine a phase's seconds too ("reading... 1 s").
drawn = shown.split(b"\r\x1b[K")
phases = [line.split(b" ")[0].rstrip(b".") for line in drawn[1:-1]]
phases = [p for i, p in enumerate(phases) if i == 0 or phases[i - 1] != p]
if (code != 0 or drawn[0] != b"" or drawn[-1] != b"" or
        phases != [b"reading", b"planning", b"writing"] or b"writing 100%" not in drawn or
        not out.startswith(b"plan: 2 systems")):
    sys.exit(f"on a terminal: exit {code}, stderr {shown!r}, stdout {out[:40]!r}")

code, out, shown = stderr_on_a_terminal(["plan", "systems.csv", "-o", "out-quiet", "--quiet"])
if code != 0 or shown != b"" or out != b"":
    sys.exit(f"quiet on a terminal: exit {code}, stderr {shown!r}, stdout {out!r}")
