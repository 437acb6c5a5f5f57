#!/usr/bin/env python3
"""Durability of the national store with the real binary (slow-ish: about 70 s in a release build,
fewer and smaller runs under the sanitizers):

- kill -9 at random points of a submission: a ministry of ~1,500 systems, alternating between two
  versions of its files, is submitted into a store of a few thousand systems and killed after a
  random delay up to a submission's usual duration, again and again. After each kill `store check`
  passes and the national inventory (its export) is exactly the old or the new version, never half.
- 20 parallel `submit` processes for 20 ministries, started together: all 20 are accepted, the
  history has all 20, and the export equals the export of the same submissions made one by one.

    store_durability_test.py CLOUDPLAN_BINARY SOURCE_FOLDER

Prints one line per check and 'N passed, N failed' last."""
import csv
import filecmp
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

BINARY = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2] if len(sys.argv) > 2 else os.getcwd())
sys.path.insert(0, os.path.join(os.getcwd(), "tests", "e2e"))
from store_split import split_by_ministry  # noqa: E402

SHARED = os.path.join(os.getcwd(), "..", "shared", "tools")
SANITIZED = os.environ.get("CLOUDPLAN_SANITIZED") == "1"
KILLS = 50 if SANITIZED else 80
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + detail),
          flush=True)


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


def same_folders(a, b):
    """The files of two export folders are byte-identical (the lock and manifest left aside)."""
    names = sorted(n for n in os.listdir(a) if not n.startswith("."))
    if names != sorted(n for n in os.listdir(b) if not n.startswith(".")):
        return False
    return all(filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False) for n in names)


def second_version(folder, out):
    """Another version of a ministry's files: every 7th system's effort and name changed, 25
    systems added (nobody depends on them, so going back removes them without a rejection)."""
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(folder, "systems.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = [cell.strip().lower() for cell in rows[0]]
    name, effort, agency = header.index("name"), header.index("effort_days"), header.index(
        "agency")
    for index, row in enumerate(rows[1:]):
        if index % 7 == 0:
            row[name] += " (v2)"
            row[effort] = str(index % 40 + 1)
    ministry = rows[1][agency]
    for number in range(25):
        added = [""] * len(header)
        added[0], added[name], added[agency] = ("%s/added-%02d" % (ministry, number),
                                                "Added system %d" % number, ministry)
        rows.append(added)
    with open(os.path.join(out, "systems.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    with open(os.path.join(folder, "dependencies.csv"), encoding="utf-8", newline="") as f:
        text = f.read()
    with open(os.path.join(out, "dependencies.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return out


def store_with(db, agencies, folders):
    check("store init " + os.path.basename(db),
          run("store", "init", db, "--agencies", agencies).returncode == 0)
    for ministry, folder in folders:
        result = run("submit", db, "--agency", ministry, folder)
        if result.returncode != 0:
            check("submit %s into %s" % (ministry, os.path.basename(db)), False,
                  result.stdout[-2000:])


def submissions(db):
    return len(re.findall(r"^#\d+ ", run("history", db).stdout, re.M))


def kill_at_random_points(tmp, inventory, folders, counts):
    agencies = os.path.join(inventory, "agencies.csv")
    big = max(counts, key=lambda m: counts[m])
    smaller = sorted((m for m in counts if m != big), key=lambda m: -counts[m])[:2] + ["DGA"]
    base = [(m, folders[m]) for m in smaller]
    versions = [folders[big], second_version(folders[big], os.path.join(tmp, big + "-v2"))]
    expected = []
    for number, version in enumerate(versions):
        db = os.path.join(tmp, "expected-%d.db" % number)
        store_with(db, agencies, base + [(big, version)])
        expected.append(os.path.join(tmp, "expected-%d" % number))
        run("export", db, "-o", expected[-1])
    check("the two versions of %s give different exports" % big,
          not same_folders(*expected))

    db = os.path.join(tmp, "killed.db")
    store_with(db, agencies, base + [(big, versions[0])])
    durations = []
    for number in range(4):
        started = time.monotonic()
        result = run("submit", db, "--agency", big, versions[(number + 1) % 2])
        durations.append(time.monotonic() - started)
        check("an uninterrupted submission of %s (%d systems) exits 0" % (big, counts[big]),
              result.returncode == 0, result.stdout[-2000:])
    typical = statistics.median(durations)
    print("a submission of %s takes %.3f s; %d kills at random points in it" %
          (big, typical, KILLS), flush=True)

    current, before, after, exited, failures = 0, 0, 0, 0, []
    rng = random.Random(20270110)
    out = os.path.join(tmp, "after-kill")
    for attempt in range(KILLS):
        wanted = 1 - current
        history_before = submissions(db)
        process = subprocess.Popen([BINARY, "submit", db, "--agency", big, versions[wanted]],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, typical))
        process.send_signal(signal.SIGKILL)
        code = process.wait()
        if code == 0:
            exited += 1  # it finished before the kill
        checked = run("store", "check", db)
        if checked.returncode != 0:
            failures.append("kill %d: store check exits %d: %s" %
                            (attempt, checked.returncode, checked.stdout + checked.stderr))
            break
        exported = run("export", db, "-o", out)
        if exported.returncode != 0:
            failures.append("kill %d: export: %s" % (attempt, exported.stderr))
            break
        history_after = submissions(db)
        if same_folders(out, expected[wanted]):
            after += 1
            current = wanted
            if history_after != history_before + 1:
                failures.append("kill %d: the new version is in, but history went from %d to %d"
                                % (attempt, history_before, history_after))
        elif same_folders(out, expected[current]):
            before += 1
            if history_after != history_before:
                failures.append("kill %d: the old version stayed, but history went from %d to %d"
                                % (attempt, history_before, history_after))
        else:
            failures.append("kill %d: the export is neither the old nor the new version" %
                            attempt)
            break
    print("kill -9: %d before the commit (old version kept), %d after it (new version complete, "
          "%d of them exited before the kill)" % (before, after, exited), flush=True)
    check("after each of %d kills -9, store check passes and the inventory is the old or the "
          "new version, never half" % KILLS, not failures, "; ".join(failures))
    check("the kills landed both before and after the commit", before > 0 and after > 0,
          "before %d, after %d" % (before, after))


def parallel_submissions(tmp, inventory, folders, counts):
    agencies = os.path.join(inventory, "agencies.csv")
    twenty = sorted(m for m in counts if m != "DGA")[:20]
    check("the inventory has at least 20 ministries", len(twenty) == 20, str(sorted(counts)))
    one_by_one = os.path.join(tmp, "one-by-one.db")
    store_with(one_by_one, agencies, [(m, folders[m]) for m in twenty])
    run("export", one_by_one, "-o", os.path.join(tmp, "one-by-one"))

    db = os.path.join(tmp, "parallel.db")
    run("store", "init", db, "--agencies", agencies)
    started = time.monotonic()
    # Their feedback goes to files: a pipe's buffer would make the later ones wait for the reader.
    logs = {m: open(os.path.join(tmp, "parallel-%s.txt" % m), "w+") for m in twenty}
    processes = [(m, subprocess.Popen([BINARY, "submit", db, "--agency", m, folders[m]],
                                      stdout=logs[m], stderr=subprocess.STDOUT)) for m in twenty]
    outcomes = []
    for m, process in processes:
        code = process.wait()
        logs[m].seek(0)
        outcomes.append((m, code, logs[m].read(), ""))
        logs[m].close()
    print("20 parallel submissions took %.2f s" % (time.monotonic() - started), flush=True)
    failed = [(m, code, err or out[-300:]) for m, code, out, err in outcomes if code != 0]
    check("20 parallel submits: all 20 exit 0", not failed, str(failed))
    history = run("history", db).stdout
    agencies_in_history = sorted(re.findall(r"^#\d+  \S+  (\S+)  accepted", history, re.M))
    check("20 parallel submits: the history has the register and all 20, accepted",
          agencies_in_history == sorted(twenty + ["register"]), str(agencies_in_history))
    checked = run("store", "check", db)
    check("20 parallel submits: store check passes", checked.returncode == 0,
          checked.stdout + checked.stderr)
    out = os.path.join(tmp, "parallel")
    run("export", db, "-o", out)
    check("20 parallel submits: the export equals that of the same submissions one by one",
          same_folders(out, os.path.join(tmp, "one-by-one")))
    result = run("validate", out)
    total = sum(counts[m] for m in twenty)
    check("20 parallel submits: the export holds the %d systems of the 20" % total,
          result.stdout.startswith("%d systems, " % total), result.stdout)


with tempfile.TemporaryDirectory() as tmp:
    started = time.monotonic()
    inventory = os.path.join(tmp, "geninv")
    subprocess.run([sys.executable, os.path.join(SHARED, "geninv.py"), "--systems",
                    "5000" if SANITIZED else "20000", "--seed", "11", "--out", inventory],
                   check=True, capture_output=True)
    folders, counts = split_by_ministry(inventory, os.path.join(tmp, "submissions"))
    kill_at_random_points(tmp, inventory, folders, counts)
    print("kill test: %.1f s" % (time.monotonic() - started), flush=True)
    started = time.monotonic()
    parallel_submissions(tmp, inventory, folders, counts)
    print("parallel test: %.1f s" % (time.monotonic() - started), flush=True)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
