#!/usr/bin/env python3
"""End-to-end checks that an output folder changes as a whole (docs/commands.md, "The output
folder"): a lock held by another process, two runs into one folder at once, and runs killed while
writing, on the built binary.

    output_folder_test.py CLOUDPLAN_BINARY SOURCE_DIR

Runs from the source folder. Prints one line per check and 'N passed, N failed' last."""
import glob
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

BINARY = os.path.abspath(sys.argv[1])
SHARED = os.path.join(os.getcwd(), "..", "shared", "tools")
SANITIZED = os.environ.get("CLOUDPLAN_SANITIZED") == "1"
results = {"passed": 0, "failed": 0}

INVENTORY = {
    "agencies.csv": "code,name\nMOL,Ministry of Labour\nMOF,Ministry of Finance\n",
    "systems.csv": "id,name,agency\nMOL/benefits,Benefits,MOL\n"
                   "MOL/benefits-db,Benefits database,MOL\nMOF/payroll,Payroll,MOF\n",
    "dependencies.csv": "from,to\nMOL/benefits,MOL/benefits-db\n",
}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + detail))


def skip(name, why):
    print("skip " + name + ": " + why)


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


def leftovers(folder):
    """What killed runs leave: staging folders and NAME.tmp-XXXXXX files."""
    return sorted(glob.glob(os.path.join(folder, ".cloudplan-staging-*")) +
                  glob.glob(os.path.join(folder, "**", "*.tmp-*"), recursive=True))


def consistent(folder):
    """Whether plan.json and waves.csv are of one plan: as many waves in each."""
    try:
        with open(os.path.join(folder, "plan.json"), encoding="utf-8") as f:
            waves = json.load(f)["metrics"]["waves"]
        with open(os.path.join(folder, "waves.csv"), encoding="utf-8") as f:
            rows = len(f.read().splitlines()) - 1
    except (OSError, ValueError, KeyError) as error:
        return False, str(error)
    return waves == rows, "plan.json has %d waves, waves.csv %d rows" % (waves, rows)


with tempfile.TemporaryDirectory() as tmp:
    inventory = os.path.join(tmp, "inventory")
    os.makedirs(inventory)
    for name, text in INVENTORY.items():
        with open(os.path.join(inventory, name), "w", encoding="utf-8") as f:
            f.write(text)

    # Paths are printed joined with one separator, however the folder was spelt.
    out = os.path.join(tmp, "slash")
    result = run("plan", inventory, "-o", out + "/")
    check("-o FOLDER/ prints FOLDER/plan.json, not FOLDER//plan.json",
          "wrote %s/plan.json, %s/schedule.csv, %s/waves.csv\n" % (out, out, out) in result.stdout,
          result.stdout)

    # A folder locked by another process: refused at once, naming the process.
    out = os.path.join(tmp, "locked")
    os.makedirs(out)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time\n"
         "f = open(sys.argv[1], 'w')\n"
         "fcntl.flock(f, fcntl.LOCK_EX)\n"
         "f.write('%d\\n' % os.getpid()); f.flush()\n"
         "print('locked', flush=True)\n"
         "time.sleep(60)\n", os.path.join(out, ".cloudplan-lock")],
        stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    started = time.monotonic()
    result = run("plan", inventory, "-o", out)
    seconds = time.monotonic() - started
    expected = ("plan: error: '%s' is being written by another cloudplan run (pid %d); wait for it "
                "to finish, or choose another folder\n" % (out, holder.pid))
    check("a locked folder is refused with exit 1, naming the pid that holds it",
          result.returncode == 1 and result.stderr == expected,
          "exit %d\n%s" % (result.returncode, result.stderr))
    check("a locked folder is refused at once, not waited for", seconds < 10, "%.1f s" % seconds)
    check("a refused run writes nothing", not os.path.exists(os.path.join(out, "plan.json")))
    holder.kill()
    holder.wait()
    result = run("plan", inventory, "-o", out)
    check("the folder is free once the holder ends", result.returncode == 0, result.stderr)

    geninv = os.path.join(SHARED, "geninv.py")
    if not os.path.isfile(geninv):
        skip("runs at once and killed runs", geninv + " is missing")
    elif SANITIZED:
        skip("runs at once and killed runs", "a sanitizer build (the release run does them)")
    else:
        big = os.path.join(tmp, "g20k")
        subprocess.run([sys.executable, geninv, "--systems", "20000", "--out", big],
                       capture_output=True, check=True)

        # Two runs into one folder at once: one waits for nothing and the other is refused, or
        # they follow each other; either way the folder holds one plan, not parts of two.
        out = os.path.join(tmp, "together")
        for attempt in range(3):
            runs = [subprocess.Popen([BINARY, "plan", big, "-o", out, "--wave-capacity", capacity],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                    for capacity in ("300", "900")]
            outcomes = [(p.wait(), p.stderr.read()) for p in runs]
            refused = [err for code, err in outcomes if code != 0]
            check("two runs at once: each writes or is refused for the lock (attempt %d)" % attempt,
                  all("is being written by another cloudplan run" in err for err in refused) and
                  len(refused) < 2, "; ".join(err[-300:] for err in refused))
            ok, detail = consistent(out)
            check("two runs at once: plan.json and waves.csv are of one plan (attempt %d)" % attempt,
                  ok, detail)

        # Runs killed at moments spread over reading, planning and writing: the folder holds a
        # whole plan (the last one written) after each, and the next run tidies what was left.
        out = os.path.join(tmp, "killed")
        run("plan", big, "-o", out, "--wave-capacity", "300")
        started = time.monotonic()
        run("plan", big, "-o", out, "--wave-capacity", "300")
        whole = time.monotonic() - started
        left_behind = 0
        for step in range(8):
            capacity = ("400", "500")[step % 2]
            process = subprocess.Popen([BINARY, "plan", big, "-o", out, "--wave-capacity",
                                        capacity], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(whole * (0.3 + 0.1 * step))
            process.send_signal(signal.SIGKILL)
            process.wait()
            left_behind += bool(leftovers(out))
            committed = glob.glob(os.path.join(out, ".cloudplan-staging-*", ".cloudplan-manifest"))
            if not committed:  # a run killed after its commit point is finished by the next one
                ok, detail = consistent(out)
                check("killed after %.0f%% of a run: the folder holds one whole plan" %
                      (100 * (0.3 + 0.1 * step)), ok, detail)
            result = run("plan", inventory, "-o", out)
            check("killed run %d: the next run succeeds" % step, result.returncode == 0,
                  result.stderr[-500:])
            check("killed run %d: the next run leaves no staging folder or temporary file" % step,
                  not leftovers(out), ", ".join(leftovers(out)))
            ok, detail = consistent(out)
            check("killed run %d: the next run's plan is whole" % step, ok, detail)
            run("plan", big, "-o", out, "--wave-capacity", "300")
        print("(%d of 8 killed runs left a staging folder or temporary file behind)" % left_behind)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
