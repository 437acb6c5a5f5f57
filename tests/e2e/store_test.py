#!/usr/bin/env python3
"""End-to-end tests of the national store: the real binary runs the national workflow (store init,
submit ministry by ministry, resubmit, history, export, plan --store, validate --known) on the
samples and on a generated inventory split into one submission per ministry.

    store_test.py CLOUDPLAN_BINARY SOURCE_FOLDER

Runs from the source folder, so that the file names of the submissions (and so the feedback) are
relative and stable. Prints one line per check and 'N passed, N failed' last. With
CLOUDPLAN_FREEZE=1 it first rewrites tests/data/store/resubmission-feedback.txt (read the diff
before committing it: the file is the feedback's specification)."""
import csv
import filecmp
import hashlib
import json
import os
import re
import sqlite3
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
EXPECTED_FEEDBACK = os.path.join("tests", "data", "store", "resubmission-feedback.txt")
MINISTRIES = ["MOF", "DGA", "MOE", "MOH", "MOI"]  # MOF first: its references to others wait
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + detail))


def run(*args, now=None):
    env = dict(os.environ)
    env.pop("CLOUDPLAN_NOW", None)
    if now:
        env["CLOUDPLAN_NOW"] = now
    return subprocess.run([BINARY, *args], capture_output=True, text=True, env=env)


def check_plan(inputs, plan):
    out = subprocess.run([sys.executable, os.path.join(SHARED, "check_plan.py"), "--inputs",
                          inputs, "--plan", plan], capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1] if out.strip() else "(no output)"


def same_folders(a, b):
    """The files of two output folders are byte-identical (the lock and manifest left aside)."""
    names = sorted(n for n in os.listdir(a) if not n.startswith("."))
    if names != sorted(n for n in os.listdir(b) if not n.startswith(".")):
        return False
    return all(filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False) for n in names)


def plan_without_sources(path):
    """plan.json without what names the files it came from: `inputs`, and the file and line of
    each diagnostic (the store names its submissions' files, the export its own), and so the
    order of the diagnostics, which follows the files."""
    with open(path, encoding="utf-8") as f:
        plan = json.load(f)
    plan.pop("inputs")
    for diagnostic in plan.get("diagnostics", []):
        diagnostic.pop("file", None)
        diagnostic.pop("line", None)
    plan["diagnostics"] = sorted(plan.get("diagnostics", []),
                                 key=lambda d: json.dumps(d, sort_keys=True))
    return plan


def round_trip(name, db, tmp, *plan_options):
    """export -> plan of the export equals plan --store; both pass check_plan."""
    export = os.path.join(tmp, name + "-export")
    result = run("export", db, "-o", export)
    check(name + ": export exits 0", result.returncode == 0, result.stderr)
    from_store, from_export = os.path.join(tmp, name + "-plan-store"), os.path.join(
        tmp, name + "-plan-export")
    result = run("plan", "--store", db, "-o", from_store, *plan_options)
    check(name + ": plan --store exits 0", result.returncode == 0, result.stderr[-2000:])
    result = run("plan", export, "-o", from_export, *plan_options)
    check(name + ": plan of the export exits 0", result.returncode == 0, result.stderr[-2000:])
    a = plan_without_sources(os.path.join(from_store, "plan.json"))
    b = plan_without_sources(os.path.join(from_export, "plan.json"))
    check(name + ": plan of the export equals plan --store (but for inputs)", a == b,
          "differs in " + ", ".join(k for k in a if a.get(k) != b.get(k)))
    with open(os.path.join(from_store, "plan.json"), encoding="utf-8") as f:
        inputs = json.load(f)["inputs"]
    last = max(int(n) for n in re.findall(r"^#(\d+) ", run("history", db).stdout, re.M))
    check(name + ": plan --store's inputs name the store as of its last submission, first",
          inputs[0] == {"path": "%s#%d" % (db, last), "sha256": "", "kind": "store"},
          str(inputs[:1]))
    check(name + ": then the submitted files, each as STORE#N:FILE",
          all(re.match(re.escape(db) + r"#\d+:", i["path"]) for i in inputs[1:]), str(inputs[:2]))
    for folder in (from_store, from_export):
        verdict = check_plan(export, os.path.join(folder, "plan.json"))
        check(name + ": check_plan says OK of " + os.path.basename(folder),
              verdict.startswith("OK"), verdict)
    return export


def history_files(text):
    """[(submission, path, sha256)] of `cloudplan history`."""
    found, number = [], None
    for line in text.splitlines():
        head = re.match(r"#(\d+) ", line)
        if head:
            number = int(head.group(1))
        file = re.match(r"    (.+)  sha256 ([0-9a-f]{64})  \d+ bytes$", line)
        if file:
            found.append((number, file.group(1), file.group(2)))
    return found


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def samples(tmp):
    db = os.path.join(tmp, "national.db")
    result = run("store", "init", db, "--agencies", "samples/government/agencies.csv", "--by",
                 "National Office", now="2027-01-10T09:00:00Z")
    check("store init exits 0", result.returncode == 0, result.stderr)
    unresolved = {}
    for ministry in MINISTRIES:
        result = run("submit", db, "--agency", ministry, "samples/submissions/" + ministry, "--by",
                     "CIO " + ministry, "--message", "first inventory",
                     now="2027-01-10T09:00:00Z")
        check("submit %s exits 0" % ministry, result.returncode == 0, result.stdout[-3000:])
        found = re.search(r"Unresolved references \((\d+)\)", result.stdout)
        unresolved[ministry] = int(found.group(1)) if found else 0
    check("MOF, submitted first, has unresolved references to the others (listed first)",
          unresolved["MOF"] == 22 and result.returncode == 0, str(unresolved))
    check("MOI, submitted last, has none", unresolved["MOI"] == 0, str(unresolved))
    status = run("store", "status", db)
    rows = [line.split() for line in status.stdout.splitlines()[2:] if re.match(r"[A-Z]", line)]
    check("store status: every agency has 0 unresolved references",
          status.returncode == 0 and len(rows) == 20 and all(row[-2] == "0" for row in rows),
          status.stdout)
    check("store status says the inventory can be planned",
          "no unresolved references: the inventory can be planned" in status.stdout,
          status.stdout)
    result = run("store", "check", db)
    check("store check exits 0 after the first submissions", result.returncode == 0,
          result.stdout + result.stderr)

    round_trip("samples", db, tmp, "--wave-capacity", "8")
    before = os.path.join(tmp, "export-before-resubmission")
    run("export", db, "-o", before)

    # The resubmission: its feedback verbatim, and written with -o as text and HTML.
    feedback_dir = os.path.join(tmp, "feedback")
    result = run("submit", db, "--agency", "MOF", "samples/resubmission/MOF", "--by", "Kim Minji",
                 "--message", "Q2", "-o", feedback_dir, now="2027-04-02T10:30:00Z")
    check("resubmission of MOF exits 0", result.returncode == 0, result.stdout + result.stderr)
    written = "wrote %s/feedback.txt, %s/feedback.html\n" % (feedback_dir, feedback_dir)
    check("resubmission: stdout ends with the files written", result.stdout.endswith(written),
          result.stdout[-300:])
    feedback = result.stdout[:-len(written)]
    if os.environ.get("CLOUDPLAN_FREEZE"):
        os.makedirs(os.path.dirname(EXPECTED_FEEDBACK), exist_ok=True)
        with open(EXPECTED_FEEDBACK, "w", encoding="utf-8", newline="") as f:
            f.write(feedback)
    with open(EXPECTED_FEEDBACK, encoding="utf-8", newline="") as f:
        expected = f.read()
    check("resubmission: the feedback equals " + EXPECTED_FEEDBACK, feedback == expected,
          "\n--- got\n" + feedback)
    with open(os.path.join(feedback_dir, "feedback.txt"), encoding="utf-8", newline="") as f:
        check("feedback.txt equals the printed feedback", f.read() == feedback)
    with open(os.path.join(feedback_dir, "feedback.html"), encoding="utf-8") as f:
        html = f.read()
    check("feedback.html: no script", "<script" not in html.lower())
    check("feedback.html: ACCEPTED, the person and the message",
          '<b>ACCEPTED</b>' in html and "<td>Kim Minji</td>" in html and "<td>Q2</td>" in html)
    check("feedback.html: the unresolved reference, quoted values escaped",
          "<td class=\"id\">DGA/xbuss</td>" in html and
          "did you mean &#39;DGA/xbus&#39;?" in html and "'DGA/xbus'" not in html)
    check("feedback.html: the field changes",
          "<td>strategy</td><td>rehost</td><td>replatform</td>" in html and
          "<td>effort_days</td><td>20</td><td>30</td>" in html)

    # A person's name and message with markup are data in the HTML.
    markup = os.path.join(tmp, "markup.db")
    run("store", "init", markup, "--agencies", "samples/government/agencies.csv")
    result = run("submit", markup, "--agency", "MOI", "samples/submissions/MOI", "--by",
                 "<script>alert(1)</script>", "--message", "a & b \"<i>\"", "-o",
                 os.path.join(tmp, "markup"))
    check("submit with markup in --by and --message exits 0", result.returncode == 0,
          result.stderr)
    with open(os.path.join(tmp, "markup", "feedback.html"), encoding="utf-8") as f:
        html = f.read()
    check("feedback.html: a name holding <script> is escaped",
          "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html, html[:3000])
    check("feedback.html: a message holding & \" < is escaped",
          "a &amp; b &quot;&lt;i&gt;&quot;" in html, html[:3000])

    # History: every submission, with the SHA-256 of each file as it was read.
    history = run("history", db)
    entries = re.findall(r"^#(\d+)  \S+  (\S+)  (accepted|rejected)", history.stdout, re.M)
    check("history lists the 7 submissions (register, 5 ministries, the resubmission)",
          [(int(n), a) for n, a, _ in entries] ==
          [(1, "register"), (2, "MOF"), (3, "DGA"), (4, "MOE"), (5, "MOH"), (6, "MOI"),
           (7, "MOF")], history.stdout)
    files = history_files(history.stdout)
    check("history lists every file: agencies.csv and two per ministry submission",
          len(files) == 13, str(files))
    wrong = [(n, p) for n, p, digest in files if digest != sha256(p)]
    check("history: the sha256 of every file equals hashlib's", files and not wrong, str(wrong))
    diff = run("history", db, "--diff", "7")
    for line in ("Systems added (1):", "  MOF/open-budget  'Open budget portal'",
                 "Systems removed (1):", "  MOF/website  'Ministry of Finance website'",
                 "    strategy: 'rehost' -> 'replatform'", "    effort_days: '20' -> '30'",
                 "  MOF/open-budget -> DGA/xbuss (normal)",
                 "  MOF/open-budget -> MOF/budget (normal)"):
        check("history --diff 7 shows %r" % line.strip(), line in diff.stdout.splitlines(),
              diff.stdout + diff.stderr)
    diff_lines = diff.stdout.splitlines()
    if diff_lines[:diff_lines.index("Dependencies added (2):")] != \
            feedback.splitlines()[:feedback.splitlines().index("Dependencies added (2):")]:
        check("history --diff 7 repeats the feedback up to its dependencies", False, diff.stdout)
    added = lambda lines: lines[lines.index("Dependencies added (2):") + 1:][:2]  # noqa: E731
    check("history --diff 7 lists the added dependencies in the feedback's order",
          added(diff_lines) == added(feedback.splitlines()), diff.stdout)

    # As of: the inventory as it stood before the resubmission, byte for byte.
    for how, option in (("--submission 6", ["--submission", "6"]),
                        ("--as-of 2027-03-01T00:00:00Z", ["--as-of", "2027-03-01T00:00:00Z"]),
                        ("--as-of the time of submission 6", ["--as-of",
                                                              "2027-01-10T09:00:00Z"])):
        out = os.path.join(tmp, "as-of-" + re.sub(r"\W", "", how))
        result = run("export", db, "-o", out, *option)
        check("export " + how + " equals the export made before the resubmission",
              result.returncode == 0 and same_folders(out, before), result.stderr)
    now = os.path.join(tmp, "export-now")
    run("export", db, "-o", now)
    check("the export now differs from the one before the resubmission",
          not same_folders(now, before))
    with open(os.path.join(now, "systems-MOF.csv"), encoding="utf-8-sig") as f:
        text = f.read()
    check("the export now has MOF/open-budget, not MOF/website",
          "MOF/open-budget," in text and "MOF/website," not in text)

    # The register of ids, and a ministry's offline check against it.
    ids = os.path.join(tmp, "national-ids.csv")
    result = run("export", db, "--ids", "-o", ids)
    check("export --ids exits 0", result.returncode == 0, result.stderr)
    with open(ids, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    check("national-ids.csv: 86 ids with name and agency",
          len(rows) == 86 and rows[0].keys() == {"national_id", "name", "agency"} and
          {"DGA/xbus", "MOF/open-budget"} <= {r["national_id"] for r in rows}, str(rows[:2]))
    result = run("validate", "samples/submissions/MOF", "--known", ids)
    check("validate --known: MOF's first files are valid alone", result.returncode == 0,
          result.stderr)
    check("validate --known: notes the references resolved against the register",
          ids + ": note: 22 references resolved against the register to systems outside these "
          "files (DGA 20, MOH-NHI 1, MOI-CRA-NID 1)" in result.stderr.splitlines(),
          result.stderr)
    result = run("validate", "samples/resubmission/MOF", "--known", ids)
    check("validate --known: a typo DGA/xbuss is an error with did-you-mean",
          result.returncode == 1 and "samples/resubmission/MOF/systems.csv:5: error: unknown "
          "system 'DGA/xbuss' in depends_on (did you mean 'DGA/xbus'?)" in
          result.stderr.splitlines(), result.stderr)
    result = run("validate", "samples/resubmission/MOF")
    check("validate without --known: the references to other ministries are errors",
          result.returncode == 1 and "error: unknown system 'DGA/sso'" in result.stderr,
          result.stderr[:500])

    # plan --store refuses while a reference is unresolved; --drop-unresolved says what it drops.
    result = run("plan", "--store", db, "-o", os.path.join(tmp, "refused"))
    check("plan --store with an unresolved reference exits 1", result.returncode == 1,
          result.stderr)
    check("plan --store names the unresolved references per agency",
          db + ": error: 1 reference to systems the store does not have: MOF 1 (cloudplan store "
          "status " + db + " lists them; plan again when their agencies have submitted, or with "
          "--drop-unresolved)" in result.stderr.splitlines(), result.stderr)
    check("plan --store names the reference with its file and line",
          db + "#7:samples/resubmission/MOF/systems.csv:5: error: 'MOF/open-budget' of MOF "
          "depends on 'DGA/xbuss', which the store does not have" in result.stderr, result.stderr)
    check("plan --store writes no plan when it refuses",
          not os.path.exists(os.path.join(tmp, "refused", "plan.json")))
    dropped = os.path.join(tmp, "dropped")
    result = run("plan", "--store", db, "--drop-unresolved", "-o", dropped)
    check("plan --store --drop-unresolved exits 0", result.returncode == 0, result.stderr)
    check("plan --store --drop-unresolved says what it dropped",
          db + "#7:samples/resubmission/MOF/systems.csv:5: warning: 'MOF/open-budget' of MOF "
          "depends on 'DGA/xbuss', which the store does not have: left out of this plan "
          "(--drop-unresolved)" in result.stderr.splitlines(), result.stderr)
    with open(os.path.join(dropped, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    check("the dropped reference is not in the plan",
          not any(d.get("to") == "DGA/xbuss" for d in plan["dependencies"]))

    # A rejected submission: MOH leaves out a system MOF depends on.
    rejected = os.path.join(tmp, "MOH-without-claims")
    os.makedirs(rejected)
    for name in ("systems.csv", "dependencies.csv"):
        with open(os.path.join("samples/submissions/MOH", name), encoding="utf-8",
                  newline="") as f:
            lines = [line for line in f if not line.startswith("MOH-NHI/claims,")]
        with open(os.path.join(rejected, name), "w", encoding="utf-8", newline="") as f:
            f.writelines(lines)
    check_before = os.path.join(tmp, "export-before-rejected")
    run("export", db, "-o", check_before)
    result = run("submit", db, "--agency", "MOH", rejected, "--by", "CIO MOH",
                 now="2027-05-01T08:00:00Z")
    check("a submission removing a system another ministry depends on exits 1",
          result.returncode == 1, result.stdout + result.stderr)
    check("rejected: the feedback says REJECTED and that nothing changed",
          result.stdout.startswith("Submission 8 of MOH: REJECTED\nNothing in the national "
                                   "inventory changed: fix the errors below and submit again.\n"),
          result.stdout)
    check("rejected: the message names the dependent, its agency and the fix",
          "  %s#5:samples/submissions/MOH/systems.csv:13: error: system 'MOH-NHI/claims' is left "
          "out of this submission, but 'MOF/fiscal-dwh' (MOF) depends on it (keep it, and set "
          "its strategy to retire if it is to go: its consumers then move first)" % db
          in result.stdout.splitlines(), result.stdout)
    after = os.path.join(tmp, "export-after-rejected")
    run("export", db, "-o", after)
    check("rejected: the export is byte-identical before and after",
          same_folders(check_before, after))
    history = run("history", db, "--agency", "MOH")
    check("rejected: history shows it rejected",
          re.search(r"^#8  2027-05-01T08:00:00Z  MOH  rejected  by 'CIO MOH'$", history.stdout,
                    re.M) is not None, history.stdout)
    # Scope: MOF may submit systems of MOF and its agencies only.
    scoped = os.path.join(tmp, "MOF-with-others")
    os.makedirs(scoped)
    for name in ("systems.csv", "dependencies.csv"):
        with open(os.path.join("samples/resubmission/MOF", name), encoding="utf-8",
                  newline="") as f:
            text = f.read()
        if name == "systems.csv":
            text += ("DGA/sso,Forged SSO,DGA,application,rehost,high,1,,,,,,,,,\r\n"
                     "MOE/new,New,MOE,application,rehost,high,1,,,,,,,,,\r\n")
        with open(os.path.join(scoped, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    run("export", db, "-o", check_before)
    result = run("submit", db, "--agency", "MOF", scoped, now="2027-05-02T08:00:00Z")
    lines = result.stdout.splitlines()
    check("scope: a file with systems of other agencies is rejected (exit 1)",
          result.returncode == 1 and lines[0] == "Submission 9 of MOF: REJECTED", result.stdout)
    for line in ("  %s:24: error: system 'DGA/sso' belongs to 'DGA': MOF may submit systems of "
                 "MOF and its agencies only (leave it out: DGA submits it)" %
                 os.path.join(scoped, "systems.csv"),
                 "  %s:25: error: system 'MOE/new' belongs to 'MOE': MOF may submit systems of "
                 "MOF and its agencies only (leave it out: MOE submits it)" %
                 os.path.join(scoped, "systems.csv")):
        check("scope: the error names the line and the owner: " + line.split(": error: ")[1][:30],
              line in lines, result.stdout)
    run("export", db, "-o", after)
    check("scope: the export is byte-identical before and after", same_folders(check_before,
                                                                              after))
    result = run("submit", db, "--agency", "MOF-TAX", "samples/resubmission/MOF",
                 now="2027-05-02T08:00:00Z")
    check("scope: a bureau (MOF-TAX) may not submit its ministry's systems",
          result.returncode == 1 and "samples/resubmission/MOF/systems.csv:2: error: system "
          "'MOF/ifmis' belongs to 'MOF': MOF-TAX may submit systems of MOF-TAX and its agencies "
          "only (leave it out: MOF submits it)" in result.stdout, result.stdout[:3000])
    with open(os.path.join(after, "systems-MOF.csv"), encoding="utf-8-sig") as f:
        payroll = [line for line in f if line.startswith("MOF/payroll,")]
    check("identity: MOF/payroll, changed by the resubmission, is one row with the new values",
          len(payroll) == 1 and ",replatform," in payroll[0] and ",30," in payroll[0],
          str(payroll))

    result = run("store", "check", db)
    check("store check exits 0 at the end", result.returncode == 0, result.stdout + result.stderr)


def generated(tmp):
    systems = 500 if SANITIZED else 3000
    inventory = os.path.join(tmp, "geninv")
    subprocess.run([sys.executable, os.path.join(SHARED, "geninv.py"), "--systems",
                    str(systems), "--seed", "7", "--out", inventory], check=True,
                   capture_output=True)
    folders, counts = split_by_ministry(inventory, os.path.join(tmp, "geninv-submissions"))
    db = os.path.join(tmp, "geninv.db")
    result = run("store", "init", db, "--agencies", os.path.join(inventory, "agencies.csv"))
    check("geninv %d: store init exits 0" % systems, result.returncode == 0, result.stderr)
    codes = []
    for ministry, folder in sorted(folders.items()):
        result = run("submit", db, "--agency", ministry, folder)
        codes.append((ministry, result.returncode))
        if result.returncode != 0:
            print(result.stdout[-3000:])
    check("geninv %d: the %d ministries' submissions exit 0" % (systems, len(folders)),
          all(code == 0 for _, code in codes), str(codes))
    status = run("store", "status", db)
    check("geninv %d: no unresolved references once all have submitted" % systems,
          "no unresolved references: the inventory can be planned" in status.stdout,
          status.stdout[-2000:])
    capacity = max(16, systems // 50)
    export = round_trip("geninv %d" % systems, db, tmp, "--wave-capacity", str(capacity))
    result = run("validate", export)
    check("geninv %d: the export holds %d systems" % (systems, systems),
          result.stdout.startswith("%d systems, " % systems), result.stdout)
    result = run("store", "check", db)
    check("geninv %d: store check exits 0" % systems, result.returncode == 0,
          result.stdout + result.stderr)


def refusals(tmp):
    """Usage errors and odd stores (the rest of them are cases in tests/hostile/store-*)."""
    db = os.path.join(tmp, "refusals.db")
    run("store", "init", db, "--agencies", "samples/government/agencies.csv",
        now="2027-01-10T09:00:00Z")
    run("submit", db, "--agency", "MOI", "samples/submissions/MOI", now="2027-01-10T09:00:00Z")
    out = os.path.join(tmp, "refusals-export")
    result = run("export", db, "-o", out, "--as-of", "")
    check("export --as-of '' is a usage error",
          result.returncode == 2 and result.stderr == "cloudplan export: error: --as-of '': "
          "not a UTC time (write it YYYY-MM-DDTHH:MM:SSZ, as cloudplan history shows them)\n",
          "exit %d: %s" % (result.returncode, result.stderr))
    result = run("history", db, "--diff", "")
    check("history --diff '' is a usage error",
          result.returncode == 2 and result.stderr == "cloudplan history: error: --diff '' is "
          "not a whole number from 1 to 4294967295 (a submission's number)\n",
          "exit %d: %s" % (result.returncode, result.stderr))
    result = run("export", db, "-o", out, "--as-of", "2026-03-01T00:00:00Z")
    check("export --as-of before the first submission: one line, ending in a newline",
          result.returncode == 2 and result.stderr ==
          "cloudplan export: error: --as-of '2026-03-01T00:00:00Z': the store had no submission "
          "yet then (cloudplan history lists them)\n", repr(result.stderr))

    # A file with cloudplan's application id at schema version 1 but no tables: corrupt.
    odd = os.path.join(tmp, "no-tables.db")

    database = sqlite3.connect(odd)
    database.execute("PRAGMA application_id = 0x436c506e")
    database.execute("PRAGMA user_version = 1")
    database.commit()
    database.close()
    result = run("store", "check", odd)
    check("a store of schema 1 without its tables is refused as corrupt, not an internal error",
          result.returncode == 1 and result.stderr ==
          "store check: error: %s: the store is corrupt (it is marked as a cloudplan store but "
          "lacks 5 of its tables; restore it from a backup)\n" % odd,
          "exit %d: %s" % (result.returncode, result.stderr))

def slow_reader(tmp):
    """A submission whose files come slowly (a pipe, a stalled share) holds up no other: the files
    are read before the store is locked."""
    db = os.path.join(tmp, "slow.db")
    run("store", "init", db, "--agencies", "samples/government/agencies.csv",
        now="2027-01-10T09:00:00Z")
    fifo = os.path.join(tmp, "moi.fifo")
    os.mkfifo(fifo)
    env = dict(os.environ, CLOUDPLAN_NOW="2027-01-10T09:00:00Z")
    # The reader opens the pipe and waits for its writer's bytes.
    slow = subprocess.Popen([BINARY, "submit", db, "--agency", "MOI", "-q", "-"],
                            stdin=os.open(fifo, os.O_RDONLY | os.O_NONBLOCK), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer = os.open(fifo, os.O_WRONLY)
    time.sleep(1)  # the slow submission is in the store (or, before the fix, holds its lock)
    try:
        other = subprocess.run([BINARY, "submit", db, "--agency", "MOE", "-q",
                                "samples/submissions/MOE"], capture_output=True, text=True,
                               env=env, timeout=30)
        check("a submission waiting for its files holds up no other submission",
              other.returncode == 0, other.stderr)
    except subprocess.TimeoutExpired:
        check("a submission waiting for its files holds up no other submission", False,
              "MOE's submit was still waiting after 30 s")
    with open("samples/submissions/MOI/systems.csv", "rb") as f:
        os.write(writer, f.read())
    os.close(writer)
    code = slow.wait(timeout=60)
    check("the slow submission is then recorded after it, against the store as it is then",
          code == 0 and "MOI" in run("history", db).stdout, slow.stderr.read().decode())


with tempfile.TemporaryDirectory() as tmp:
    slow_reader(tmp)
    refusals(tmp)
    samples(tmp)
    generated(tmp)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
