#!/usr/bin/env python3
"""End-to-end tests of `cloudplan plan` and `cloudplan explain`: the real binary on the samples and
on generated inventories, every plan checked by ../shared/tools/check_plan.py.

    plan_test.py CLOUDPLAN_BINARY

Runs from the source folder. Prints one line per check and 'N passed, N failed' last."""
import json
import os
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
SHARED = os.path.join(os.getcwd(), "..", "shared", "tools")
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + detail))


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


def check_plan(inputs, plan):
    out = subprocess.run([sys.executable, os.path.join(SHARED, "check_plan.py"), "--inputs",
                          inputs, "--plan", plan], capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1] if out.strip() else "(no output)"


def plan_and_check(name, inputs, out, *options):
    result = run("plan", inputs, "-o", out, *options)
    check(name + ": plan exits 0", result.returncode == 0, result.stderr[-2000:])
    if result.returncode != 0:
        return None
    verdict = check_plan(inputs, os.path.join(out, "plan.json"))
    check(name + ": check_plan says OK", verdict.startswith("OK"), verdict)
    with open(os.path.join(out, "plan.json"), "rb") as f:
        data = f.read()
    metrics = json.loads(data)["metrics"]
    check(name + ": waves equal the lower bound",
          metrics["waves"] == metrics["lower_bound_waves"], str(metrics))
    again = run("plan", inputs, "-o", out + "-again", *options)
    with open(os.path.join(out + "-again", "plan.json"), "rb") as f:
        check(name + ": a second run gives the same bytes", again.returncode == 0 and
              f.read() == data)
    return metrics


with tempfile.TemporaryDirectory() as tmp:
    plan_and_check("samples", "samples/government", os.path.join(tmp, "samples"),
                   "--wave-capacity", "8", "--freeze", "2027-07-26..2027-08-08")
    result = run("explain", os.path.join(tmp, "samples", "plan.json"), "MOF/payroll")
    check("explain names the pin of MOF/payroll",
          result.returncode == 0 and "pinned to wave 3" in result.stdout, result.stdout)
    result = run("explain", os.path.join(tmp, "samples", "plan.json"), "MOF/payrol")
    check("explain suggests the closest id",
          result.returncode == 1 and "did you mean 'MOF/payroll'?" in result.stderr,
          result.stderr)

    for systems, seed in ((300, 1), (300, 2), (10000, 1), (10000, 2)):
        inputs = os.path.join(tmp, "gen-%d-%d" % (systems, seed))
        subprocess.run([sys.executable, os.path.join(SHARED, "geninv.py"), "--systems",
                        str(systems), "--seed", str(seed), "--out", inputs], check=True,
                       capture_output=True)
        capacity = max(16, systems // 50)
        plan_and_check("geninv %d seed %d, capacity %d, effort %d, freeze" %
                       (systems, seed, capacity, 30 * capacity), inputs,
                       os.path.join(tmp, "plan-%d-%d" % (systems, seed)),
                       "--wave-capacity", str(capacity), "--wave-effort", str(30 * capacity),
                       "--freeze", "2027-07-01..2027-07-20")

    bad = os.path.join(tmp, "infeasible")
    os.makedirs(bad)
    with open(os.path.join(bad, "systems.csv"), "w") as f:
        f.write("id,name,agency,pinned_wave,depends_on\nMOF/gl,GL,MOF,2,DGA/sso\n"
                "DGA/sso,SSO,DGA,5,\n")
    result = run("plan", bad, "-o", os.path.join(bad, "out"))
    check("pins against a dependency: exit 1", result.returncode == 1, result.stderr)
    check("pins against a dependency: the message names the chain",
          "plan: error: pins contradict a dependency: 'MOF/gl' is pinned to wave 2, but "
          "'DGA/sso' is pinned to wave 5 and must move no later: DGA/sso -> MOF/gl (move one "
          "of the pins)" in result.stderr, result.stderr)
    check("no plan file is written for infeasible input",
          not os.path.exists(os.path.join(bad, "out", "plan.json")))
    result = run("plan", "samples/government", "-o", os.path.join(tmp, "x"), "--freeze", "2027")
    check("a malformed --freeze is a usage error", result.returncode == 2, result.stderr)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
