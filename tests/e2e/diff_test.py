#!/usr/bin/env python3
"""End-to-end tests of `cloudplan diff`: the real binary compares plans of samples/government made
with different wave capacities, in all three formats, and its figures are checked against the two
plan.json files read here independently.

    diff_test.py CLOUDPLAN_BINARY

Runs from the source folder. Prints one line per check and 'N passed, N failed' last; exits 1 when
a check fails. The interface under test:

    cloudplan diff OLD/plan.json NEW/plan.json [--format text|json|html] [-o FILE] [--exit-code]

exits 0 whether or not the plans differ; with --exit-code 1 when they differ; 2 when a plan
cannot be read (or on a usage error)."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
SAMPLE = os.path.join("samples", "government")
results = {"passed": 0, "failed": 0}

# A reference to something outside the file: an attribute or a style that loads from elsewhere.
OUTSIDE = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=|url\(|@import|<link\b|<script\b)""")


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))


def run(*args, stdin=None):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, stdin=stdin)


def shown(result):
    return f"exit {result.returncode}\nstdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def expected_diff(old, new):
    """moved (by new wave, then id) and churn per agency (most first, then code), from the two
    plan.json documents."""
    before = {s["id"]: s for s in old["systems"]}
    moved, agencies = [], {}
    for system in new["systems"]:
        was = before.get(system["id"])
        if was is None or was["wave"] is None or system["wave"] is None:
            continue
        counts = agencies.setdefault(system["agency"], [0, 0])
        counts[1] += 1
        if was["wave"] != system["wave"]:
            counts[0] += 1
            moved.append({"id": system["id"], "agency": system["agency"], "old_wave": was["wave"],
                          "new_wave": system["wave"],
                          "direction": "earlier" if system["wave"] < was["wave"] else "later",
                          "reasons": system["reasons"]})
    moved.sort(key=lambda m: (m["new_wave"], m["id"].encode()))
    churn = [{"code": code, "moved": c[0], "scheduled": c[1]} for code, c in agencies.items()]
    churn.sort(key=lambda a: (-a["moved"], a["code"].encode()))
    return moved, churn


def plan(name, folder, *options):
    result = run("plan", SAMPLE, "-o", folder, *options)
    check(f"{name}: cloudplan plan exits 0", result.returncode == 0, shown(result))
    return json.loads(read(os.path.join(folder, "plan.json")))


tmp = tempfile.mkdtemp(prefix="cloudplan-diff-")
try:
    a, b, a2 = (os.path.join(tmp, name) for name in ("cap8", "cap10", "cap8-again"))
    old = plan("capacity 8", a, "--wave-capacity", "8")
    new = plan("capacity 10", b, "--wave-capacity", "10")
    plan("capacity 8 again", a2, "--wave-capacity", "8")
    old_path, new_path = os.path.join(a, "plan.json"), os.path.join(b, "plan.json")
    moved, churn = expected_diff(old, new)
    check("the two capacities give plans in which systems move", len(moved) > 0)

    # Text.
    text = run("diff", old_path, new_path)
    check("text: exits 0 although the plans differ", text.returncode == 0, shown(text))
    out = text.stdout
    check("text: names both files and their sha256",
          out.startswith(f"old: {old_path}  sha256 "
                         f"{hashlib.sha256(read(old_path, 'rb')).hexdigest()[:12]}\n"
                         f"new: {new_path}  sha256 "
                         f"{hashlib.sha256(read(new_path, 'rb')).hexdigest()[:12]}\n"), out[:300])
    waves = re.search(r"^waves +(\d+) +(\d+) +(\S+)$", out, re.M)
    check("text: the waves of both plans and the change",
          waves is not None and waves.groups() == (str(len(old["waves"])), str(len(new["waves"])),
                                                   "%+d" % (len(new["waves"]) - len(old["waves"]))
                                                   if len(new["waves"]) != len(old["waves"])
                                                   else "0"), out[:800])
    end = re.search(r"^end date +(\S+) +(\S+) ", out, re.M)
    check("text: the end dates are the last waves' ends",
          end is not None and end.groups() == (old["waves"][-1]["end"], new["waves"][-1]["end"]))
    check("text: the count of moved systems is the plans'",
          re.search(rf"^moved systems +{len(moved)}  \(", out, re.M) is not None, out[:1200])
    rows = re.findall(r"^  (\S+) +(\S+) +(\d+) +(\d+)  (earlier|later) ", out, re.M)
    check("text: every moved system is listed, by new wave then id, with both waves",
          rows == [(m["id"], m["agency"], str(m["old_wave"]), str(m["new_wave"]), m["direction"])
                   for m in moved], rows[:5])
    check("text: the summary comes before the lists",
          out.index("moved systems") < out.index("Moved ("))
    agency_rows = re.findall(r"^  (\S+) +(\d+) +(\d+)$",
                             out[out.index("Churn per agency"):], re.M)
    check("text: churn per agency, most first",
          agency_rows == [(c["code"], str(c["moved"]), str(c["scheduled"])) for c in churn],
          agency_rows[:5])
    quiet = run("diff", "-q", old_path, new_path)
    check("text: --quiet still prints the diff, which is the answer",
          quiet.returncode == 0 and quiet.stdout == out, shown(quiet))

    # JSON.
    result = run("diff", old_path, new_path, "--format", "json")
    check("json: exits 0", result.returncode == 0, shown(result))
    document = json.loads(result.stdout)
    check("json: format and files",
          document["format"] == "cloudplan-diff/1" and
          document["old"] == {"path": old_path,
                              "sha256": hashlib.sha256(read(old_path, "rb")).hexdigest()} and
          document["new"] == {"path": new_path,
                              "sha256": hashlib.sha256(read(new_path, "rb")).hexdigest()},
          {k: document[k] for k in ("format", "old", "new")})
    check("json: the members in the documented order",
          list(document) == ["format", "old", "new", "summary", "moved", "added", "removed",
                             "strategy_changed", "waves", "agencies"], list(document))
    summary = document["summary"]
    check("json: the summary's figures are the plans'",
          summary["differ"] is True and
          summary["waves"] == {"old": len(old["waves"]), "new": len(new["waves"])} and
          summary["end"] == {"old": old["waves"][-1]["end"], "new": new["waves"][-1]["end"]} and
          summary["peak_hybrid_links"] == {"old": old["metrics"]["peak_hybrid_links"],
                                           "new": new["metrics"]["peak_hybrid_links"]} and
          summary["permanent_hybrid_links"] == {"old": old["metrics"]["permanent_hybrid_links"],
                                                "new": new["metrics"]["permanent_hybrid_links"]} and
          summary["lower_bound_waves"] == {"old": old["metrics"]["lower_bound_waves"],
                                           "new": new["metrics"]["lower_bound_waves"]} and
          summary["moved"] == len(moved) and summary["churn"] is None, summary)
    check("json: moved systems with both waves, the direction and the new plan's reasons",
          document["moved"] == moved, document["moved"][:2])
    check("json: nothing added, removed or re-classified between capacities",
          document["added"] == [] and document["removed"] == [] and
          document["strategy_changed"] == [])
    expected_waves = []
    for number in range(1, max(len(old["waves"]), len(new["waves"])) + 1):
        sides = [{"start": p["waves"][number - 1]["start"], "end": p["waves"][number - 1]["end"]}
                 if number <= len(p["waves"]) else None for p in (old, new)]
        if sides[0] != sides[1]:
            expected_waves.append({"wave": number, "old": sides[0], "new": sides[1]})
    check("json: the waves whose dates changed", document["waves"] == expected_waves,
          document["waves"])
    check("json: churn per agency", document["agencies"] == churn, document["agencies"][:3])

    # HTML, to a file.
    page_path = os.path.join(tmp, "diff.html")
    with open(page_path, "w", encoding="utf-8") as f:
        f.write("an older page")
    result = run("diff", old_path, new_path, "--format", "html", "-o", page_path)
    check("html -o: exits 0 and says what it wrote",
          result.returncode == 0 and result.stdout.startswith(f"wrote {page_path}: the plans differ"),
          shown(result))
    page = read(page_path)
    check("html -o: replaces the file with one whole page",
          page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n"))
    check("html: self-contained (no reference outside the page)", OUTSIDE.search(page) is None,
          OUTSIDE.search(page))
    check("html: every moved system is on the page",
          all(f"<td class=\"id\">{m['id']}</td>" in page for m in moved))
    check("html: the same page as on standard output",
          run("diff", old_path, new_path, "--format", "html").stdout == page)
    text_file = os.path.join(tmp, "diff.txt")
    result = run("diff", old_path, new_path, "-o", text_file)
    check("text -o: the file holds what standard output shows",
          result.returncode == 0 and read(text_file) == out, shown(result))

    # Exit codes.
    same = run("diff", "--exit-code", old_path, os.path.join(a2, "plan.json"))
    check("--exit-code: 0 for identical plans, which it says",
          same.returncode == 0 and "The plans do not differ" in same.stdout, shown(same))
    differ = run("diff", "--exit-code", old_path, new_path)
    check("--exit-code: 1 for plans that differ", differ.returncode == 1 and differ.stdout == out,
          shown(differ))
    missing_path = os.path.join(tmp, "missing", "plan.json")
    for extra in ([], ["--exit-code"]):
        missing = run("diff", *extra, old_path, missing_path)
        check(f"{' '.join(['diff'] + extra)}: 2 for a plan that cannot be read, FILE: error: ...",
              missing.returncode == 2 and missing.stdout == "" and
              missing.stderr.startswith(f"{missing_path}: error: "), shown(missing))
    not_plan = run("diff", "--exit-code", os.path.join(SAMPLE, "agencies.csv"), new_path)
    check("--exit-code: 2 for a file that is not a plan", not_plan.returncode == 2 and
          ": error: " in not_plan.stderr, shown(not_plan))
    both = run("diff", os.path.join(tmp, "nope-1.json"), os.path.join(tmp, "nope-2.json"))
    check("both unreadable plans are reported in one run",
          both.returncode == 2 and "nope-1.json: error" in both.stderr and
          "nope-2.json: error" in both.stderr, shown(both))
    usage = run("diff", old_path, new_path, "--format", "xml")
    check("--format xml: a usage error, 2",
          usage.returncode == 2 and usage.stderr ==
          "cloudplan diff: error: --format 'xml' is not one of text, json, html\n", shown(usage))
    usage = run("diff", old_path)
    check("one plan only: a usage error, 2", usage.returncode == 2, shown(usage))

    # Standard input, and a re-plan's own churn.
    with open(old_path, encoding="utf-8") as f:
        piped = run("diff", "-", new_path, "--format", "json", stdin=f)
    check("a plan from standard input is named <stdin>",
          piped.returncode == 0 and json.loads(piped.stdout)["old"]["path"] == "<stdin>" and
          json.loads(piped.stdout)["moved"] == moved, shown(piped))
    replan = os.path.join(tmp, "replan")
    shutil.copytree(b, replan)
    edited = json.loads(read(os.path.join(replan, "plan.json")))
    edited["metrics"]["churn"] = 7
    with open(os.path.join(replan, "plan.json"), "w", encoding="utf-8") as f:
        json.dump(edited, f, indent=1)
    result = run("diff", old_path, os.path.join(replan, "plan.json"))
    check("a new plan's metrics.churn is shown beside the diff's own count",
          re.search(r"^churn the new plan records +7  \(against its baseline\)$", result.stdout,
                    re.M) is not None and
          re.search(rf"^moved systems +{len(moved)}  \(", result.stdout, re.M) is not None,
          shown(result))
    result = run("diff", old_path, os.path.join(replan, "plan.json"), "--format", "json")
    check("json: summary.churn is the new plan's",
          result.returncode == 0 and json.loads(result.stdout)["summary"]["churn"] == 7,
          shown(result))
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
