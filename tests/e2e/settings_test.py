#!/usr/bin/env python3
"""End-to-end tests of the plan settings by name: cloudplan.toml (read beside the first input, or
with --config; the command line overrides it; plan.json records it), `cloudplan template`'s
example, and `cloudplan whatif` on the samples, its rows checked against plans made one by one.

    settings_test.py CLOUDPLAN_BINARY

Runs from the source folder. Prints one line per check and 'N passed, N failed' last."""
import csv
import hashlib
import json
import os
import shutil
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


def settings_of(folder):
    with open(os.path.join(folder, "plan.json")) as f:
        return json.load(f)


with tempfile.TemporaryDirectory() as tmp:
    inv = os.path.join(tmp, "government")
    shutil.copytree("samples/government", inv)
    toml = os.path.join(inv, "cloudplan.toml")
    with open(toml, "w") as f:
        f.write('# the national office\'s settings\nwave_capacity = 20\nwave_length_days = 21\n'
                'freeze = ["2027-07-26..2027-08-08"]\n')
    with open(toml, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()

    out = os.path.join(tmp, "out")
    result = run("plan", inv, "-o", out)
    check("plan reads cloudplan.toml beside the input and says so",
          result.returncode == 0 and
          "cloudplan: reading settings from %s\n" % toml in result.stderr, result.stderr)
    plan = settings_of(out)
    s = plan["settings"]
    check("plan.json records the file's settings",
          s["wave_capacity"] == 20 and s["wave_length_days"] == 21 and
          s["freeze"] == [["2027-07-26", "2027-08-08"]], str(s))
    check("plan.json records the settings file and its hash",
          s.get("config") == {"path": toml, "sha256": sha}, str(s.get("config")))
    verdict = subprocess.run([sys.executable, os.path.join(SHARED, "check_plan.py"), "--inputs",
                              inv, "--plan", os.path.join(out, "plan.json")],
                             capture_output=True, text=True).stdout.strip().splitlines()
    check("check_plan accepts a plan made from cloudplan.toml",
          bool(verdict) and verdict[-1].startswith("OK"), str(verdict[-3:]))
    views = os.path.join(tmp, "views")
    result = run("render", os.path.join(out, "plan.json"), "-o", views)
    check("render reads a plan.json with settings.config", result.returncode == 0, result.stderr)

    result = run("plan", inv, "-o", out, "--wave-capacity", "30", "-q")
    s = settings_of(out)["settings"]
    check("an option on the command line overrides the file, quietly under -q",
          result.returncode == 0 and result.stderr == "" and s["wave_capacity"] == 30 and
          s["wave_length_days"] == 21, result.stderr + str(s))

    other = os.path.join(tmp, "other.toml")
    with open(other, "w") as f:
        f.write("wave_capacity = 25\n")
    result = run("plan", inv, "-o", out, "--config", other)
    s = settings_of(out)["settings"]
    check("--config reads its file instead of the one beside the input",
          result.returncode == 0 and "reading settings" not in result.stderr and
          s["wave_capacity"] == 25 and s["wave_length_days"] == 28 and
          s["config"]["path"] == other, result.stderr + str(s))

    plain = os.path.join(tmp, "plain")
    result = run("plan", "samples/government", "-o", plain)
    check("without a settings file plan.json's settings.config is null",
          result.returncode == 0 and settings_of(plain)["settings"]["config"] is None,
          result.stderr)

    with open(other, "w") as f:
        f.write("wave_capacity = 0\nwave_lenght_days = 21\n")
    result = run("plan", inv, "-o", out, "--config", other)
    check("every error of a settings file is reported, exit 2",
          result.returncode == 2 and result.stderr ==
          "%s:1: error: wave_capacity '0' is not a whole number from 1 to 10000000 (systems in a "
          "wave)\n%s:2: error: unknown setting 'wave_lenght_days' (did you mean "
          "'wave_length_days'?)\n" % (other, other), result.stderr)

    # The template's cloudplan.toml plans as the defaults do.
    blank = os.path.join(tmp, "blank")
    result = run("template", blank)
    check("template writes cloudplan.toml", result.returncode == 0 and
          os.path.exists(os.path.join(blank, "cloudplan.toml")), result.stderr)
    result = run("plan", "samples/government", "-o", os.path.join(tmp, "templated"), "--config",
                 os.path.join(blank, "cloudplan.toml"))
    a, b = settings_of(os.path.join(tmp, "templated")), settings_of(plain)
    a["settings"].pop("config")
    b["settings"].pop("config")
    check("the template's settings are the defaults", result.returncode == 0 and a == b,
          result.stderr)

    # whatif: every combination, first --vary slowest, each row as `plan` makes it.
    table = os.path.join(tmp, "whatif.csv")
    result = run("whatif", "samples/government", "--vary", "wave-capacity=8,12",
                 "--vary", "wave-length=21,28", "--freeze", "2027-07-26..2027-08-08",
                 "-o", table, "--jobs", "3")
    check("whatif exits 0", result.returncode == 0, result.stderr)
    with open(table) as f:
        rows = list(csv.DictReader(f))
    check("whatif's table has a row per combination, first --vary slowest",
          [(r["wave-capacity"], r["wave-length"]) for r in rows] ==
          [("8", "21"), ("8", "28"), ("12", "21"), ("12", "28")], str(rows))
    for row in rows:
        one = os.path.join(tmp, "one-%s-%s" % (row["wave-capacity"], row["wave-length"]))
        made = run("plan", "samples/government", "-o", one, "--wave-capacity",
                   row["wave-capacity"], "--wave-length", row["wave-length"], "--freeze",
                   "2027-07-26..2027-08-08")
        m = settings_of(one)["metrics"]
        waves = settings_of(one)["waves"]
        expected = {"waves": str(m["waves"]), "lower_bound": str(m["lower_bound_waves"]),
                    "end": waves[-1]["end"], "peak_hybrid_links": str(m["peak_hybrid_links"]),
                    "permanent_hybrid_links": str(m["permanent_hybrid_links"]), "error": ""}
        got = {k: row[k] for k in expected}
        check("whatif's row %s,%s is the plan made by plan" % (row["wave-capacity"],
                                                               row["wave-length"]),
              made.returncode == 0 and got == expected, "%s != %s" % (got, expected))
    printed = result.stdout.splitlines()
    check("whatif prints the table, a summary and the file it wrote",
          printed[0].split() == ["wave-capacity", "wave-length", "waves", "lower", "bound", "end",
                                 "peak", "hybrid", "links", "permanent", "hybrid", "links"] and
          len(printed) == 7 and printed[5] == "whatif: 4 plans of 86 systems" and
          printed[6] == "wrote " + table, result.stdout)
    jobs1 = run("whatif", "samples/government", "--vary", "wave-capacity=8,12",
                "--vary", "wave-length=21,28", "--freeze", "2027-07-26..2027-08-08", "--jobs", "1")
    check("whatif prints the same table whatever the number of threads",
          jobs1.stdout.splitlines()[:5] == printed[:5], jobs1.stdout)

    result = run("whatif", inv, "--vary", "wave-capacity=1,20")
    check("whatif reads cloudplan.toml too, and a row without a plan says why",
          result.returncode == 0 and "reading settings from" in result.stderr and
          "no plan: " in result.stdout.splitlines()[1] and
          "1 without a feasible plan" in result.stdout, result.stdout + result.stderr)

    for args, message in [
        (["--vary", "wave-capacty=20"],
         "--vary 'wave-capacty' names no setting (did you mean 'wave-capacity'?)"),
        (["--vary", "wave_length_days=21"],
         "--vary 'wave_length_days' names no setting (did you mean 'wave-length'?)"),
        (["--vary", "wave-capacity=20,0"],
         "--vary wave-capacity '0' is not a whole number from 1 to 10000000 (systems in a wave)"),
        (["--vary", "wave-capacity="],
         "--vary 'wave-capacity=' lists an empty value (list the values with commas between: "
         "--vary wave-capacity=V1,V2,...)"),
        (["--vary", "wave-capacity=20", "--vary", "wave-capacity=30"],
         "--vary wave-capacity is given twice (list every value in one --vary "
         "wave-capacity=...)"),
        (["--vary", "wave-capacity=20", "--wave-capacity", "30"],
         "--vary wave-capacity and --wave-capacity are both given (list every value in one "
         "--vary wave-capacity=...)"),
        (["--vary", "encoding=windows-1252"],
         "--vary 'encoding': whatif varies the settings of the plan only (order, wave-capacity, "
         "wave-effort, start, wave-length, freeze, allow-oversize)"),
        (["--vary", "wave-capacity"],
         "--vary 'wave-capacity' is not NAME=VALUE,VALUE,... (for example --vary "
         "wave-capacity=20,30,40)"),
    ]:
        result = run("whatif", "samples/government", *args)
        check("whatif %s is a usage error" % " ".join(args),
              result.returncode == 2 and result.stderr == "cloudplan whatif: error: %s\n" % message,
              result.stderr)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
