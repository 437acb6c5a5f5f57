#!/usr/bin/env python3
"""End-to-end tests of re-planning (`cloudplan plan --baseline --progress --today`): the real
binary on the samples and on generated inventories with agency limits and deadlines, progress made
by ../shared/tools/genprogress.py at a mid-plan date, every re-plan checked by check_plan.py with
--baseline --progress --today.

    replan_test.py CLOUDPLAN_BINARY

Runs from the source folder. Prints one line per check and 'N passed, N failed' last."""
import datetime
import json
import os
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
SHARED = os.path.join(os.getcwd(), "..", "shared", "tools")
SANITIZED = os.environ.get("CLOUDPLAN_SANITIZED") == "1"
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + detail))


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


def tool(script, *args):
    return subprocess.run([sys.executable, os.path.join(SHARED, script), *args],
                          capture_output=True, text=True)


def check_plan(inputs, plan, *replan):
    out = tool("check_plan.py", "--inputs", inputs, "--plan", plan, *replan).stdout.strip()
    return out.splitlines()[-1] if out else "(no output)"


def read_plan(folder):
    with open(os.path.join(folder, "plan.json"), "rb") as f:
        data = f.read()
    return json.loads(data), data


def replan_and_check(name, inputs, baseline, out, today, progress=None, *options):
    replan = ["--baseline", baseline, "--today", today] + (["--progress", progress]
                                                           if progress else [])
    result = run("plan", inputs, "-o", out, *replan, *options)
    check(name + ": re-plan exits 0", result.returncode == 0, result.stderr[-3000:])
    if result.returncode != 0:
        return None
    verdict = check_plan(inputs, os.path.join(out, "plan.json"), *replan)
    check(name + ": check_plan with the baseline, progress and today says OK",
          verdict.startswith("OK"), verdict)
    plan, data = read_plan(out)
    metrics = plan["metrics"]
    check(name + ": waves equal the re-plan's lower bound",
          metrics["waves"] == metrics["lower_bound_waves"], str(metrics))
    check(name + ": churn is reported", isinstance(metrics.get("churn"), int), str(metrics))
    check(name + ": the summary says the churn",
          "churn %d of " % metrics.get("churn", -1) in result.stdout, result.stdout)
    again = run("plan", inputs, "-o", out + "-again", *replan, *options)
    _, again_data = read_plan(out + "-again")
    check(name + ": a second run gives the same bytes", again.returncode == 0 and
          again_data == data)
    return plan


def mid_plan(plan):
    """A day inside the middle wave of `plan`: some waves ended, one under way."""
    wave = plan["waves"][len(plan["waves"]) // 2]
    return (datetime.date.fromisoformat(wave["start"]) + datetime.timedelta(days=10)).isoformat()


with tempfile.TemporaryDirectory() as tmp:
    # The samples: a re-plan of an unchanged inventory without progress moves nothing.
    base = os.path.join(tmp, "samples")
    result = run("plan", "samples/government", "-o", base, "--wave-capacity", "8")
    check("samples: the baseline plan exits 0", result.returncode == 0, result.stderr)
    baseline = os.path.join(base, "plan.json")
    plan = replan_and_check("samples, unchanged, before the start", "samples/government",
                            baseline, os.path.join(tmp, "samples-same"), "2026-11-30", None,
                            "--wave-capacity", "8")
    if plan:
        check("samples: an unchanged inventory without progress has churn 0",
              plan["metrics"]["churn"] == 0, str(plan["metrics"]))
        check("samples: plan.json records today, the baseline and no progress",
              plan["settings"]["today"] == "2026-11-30" and
              plan["settings"]["baseline"]["path"] == baseline and
              plan["settings"]["progress"] is None, str(plan["settings"]))
        check("samples: every system says its baseline wave and status",
              all("baseline_wave" in s and s["status"] == "planned" for s in plan["systems"]))

    sizes = ((2000, 1),) if SANITIZED else ((10000, 1), (10000, 2))
    for systems, seed in sizes:
        inputs = os.path.join(tmp, "gen-%d-%d" % (systems, seed))
        tool("geninv.py", "--systems", str(systems), "--seed", str(seed), "--out", inputs,
             "--agency-limits", "--deadlines")
        capacity = str(max(16, systems // 50))
        options = ["--wave-capacity", capacity]
        first = os.path.join(tmp, "plan-%d-%d" % (systems, seed))
        name = "geninv %d seed %d, agency limits and deadlines" % (systems, seed)
        result = run("plan", inputs, "-o", first, *options)
        check(name + ": the baseline plan exits 0", result.returncode == 0, result.stderr[-3000:])
        if result.returncode != 0:
            continue
        verdict = check_plan(inputs, os.path.join(first, "plan.json"))
        check(name + ": check_plan says the baseline is OK", verdict.startswith("OK"), verdict)
        baseline = os.path.join(first, "plan.json")
        base_plan, _ = read_plan(first)
        same = replan_and_check(name + ", unchanged", inputs, baseline, first + "-same",
                                "2026-11-30", None, *options)
        if same:
            check(name + ": an unchanged inventory without progress has churn 0",
                  same["metrics"]["churn"] == 0, str(same["metrics"]))
        today = mid_plan(base_plan)
        progress = os.path.join(tmp, "progress-%d-%d.csv" % (systems, seed))
        made = tool("genprogress.py", "--plan", baseline, "--today", today, "--seed", str(seed),
                    "--out", progress, "--inputs", inputs)
        check(name + ": genprogress writes a progress file", made.returncode == 0, made.stderr)
        replanned = replan_and_check(name + ", progress on " + today, inputs, baseline,
                                     first + "-replan", today, progress, *options)
        if replanned:
            started = [w for w in replanned["waves"] if w["started"]]
            check(name + ": some waves have started", len(started) > 0)
            slipped = [s for s in replanned["systems"] if s["reasons"] and
                       s["reasons"][0].startswith("slipped: wave ")]
            check(name + ": slipped systems say so", len(slipped) > 0)

    # Usage and input errors.
    result = run("plan", "samples/government", "-o", os.path.join(tmp, "x"), "--progress",
                 "p.csv")
    check("--progress without --baseline is a usage error", result.returncode == 2 and
          "cloudplan plan: error: --progress applies to a re-plan only (give the plan being "
          "executed with --baseline)" in result.stderr, result.stderr)
    result = run("plan", "samples/government", "-o", os.path.join(tmp, "x"), "--baseline",
                 os.path.join(base, "plan.json"), "--start", "2028-01-03")
    check("a re-plan with another calendar is a usage error", result.returncode == 2 and
          "a re-plan keeps the calendar of its baseline" in result.stderr, result.stderr)
    result = run("plan", "samples/government", "-o", os.path.join(tmp, "x"), "--baseline",
                 os.path.join(base, "plan.json"), "--today", "2027-02-30")
    check("a malformed --today is a usage error", result.returncode == 2 and
          "--today '2027-02-30' is not a date YYYY-MM-DD" in result.stderr, result.stderr)
    progress = os.path.join(tmp, "bad-progress.csv")
    with open(progress, "w") as f:
        f.write("id,status\nMOF/payrol,done\nMOF/gl,finished\n")
    result = run("plan", "samples/government", "-o", os.path.join(tmp, "x"), "--baseline",
                 os.path.join(base, "plan.json"), "--progress", progress)
    check("a bad progress file: exit 1", result.returncode == 1, result.stderr)
    check("a bad progress file: an unknown id with its line and a suggestion",
          progress + ":2: error:" in result.stderr and "did you mean 'MOF/payroll'?" in
          result.stderr, result.stderr)
    check("a bad progress file: a bad status with its line", progress + ":3: error:" in
          result.stderr, result.stderr)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
