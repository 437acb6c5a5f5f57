#!/usr/bin/env python3
"""End-to-end tests of `cloudplan render` (diagrams, schedule.svg and report.html): the real binary
on the samples, on an inventory with a hostile system name, and on a generated 10,000-system
inventory.

    render_test.py CLOUDPLAN_BINARY

Runs from the source folder. Prints one line per check and 'N passed, N failed' last; exits 1 when
a check fails. The interface under test:

    cloudplan render PLAN.json -o DIR [--format svg,png,pdf] [--agency CODE|all]...
                     [--gantt waves|systems] [--today YYYY-MM-DD]

writes DIR/overview.FORMAT, DIR/waves/wave-K.FORMAT for every wave K that systems move in,
DIR/schedule.svg and DIR/report.html; for each --agency CODE, DIR/agencies/CODE.FORMAT and
DIR/report-CODE.html; with --agency all, those of every ministry and DIR/ministries.html. When
/usr/bin/chromium exists, report.html is also opened headless to a screenshot."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

BINARY = os.path.abspath(sys.argv[1])
SHARED = os.path.join(os.getcwd(), "..", "shared", "tools")
CHROMIUM = "/usr/bin/chromium"
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + detail))


def skip(name, why):
    print("skip " + name + ": " + why)


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def files_under(folder):
    found = {}
    for path in sorted(glob.glob(os.path.join(folder, "**", "*"), recursive=True)):
        if os.path.isfile(path):
            found[os.path.relpath(path, folder)] = read(path, "rb")
    return found


# A reference to something outside the file: an attribute or a style that loads from the web.
OUTSIDE = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//"""
                     r"""|url\(\s*["']?\s*(?:https?:)?//|@import|<link\b|<script\s+src)""",
                     re.IGNORECASE)


def plan(name, inputs, out, *options):
    result = run("plan", inputs, "-o", out, *options)
    check(name + ": plan exits 0", result.returncode == 0, result.stderr[-2000:])
    return result.returncode == 0


def render(name, plan_json, out, *options):
    started = time.monotonic()
    result = run("render", plan_json, "-o", out, *options)
    seconds = time.monotonic() - started
    check(name + ": render exits 0", result.returncode == 0, result.stderr[-2000:])
    return result.returncode == 0, seconds


def check_views(name, out, waves):
    expected = ["overview.svg", "schedule.svg", "report.html"] + \
        ["waves/wave-%d.svg" % k for k in range(1, waves + 1)]
    missing = [f for f in expected if not os.path.isfile(os.path.join(out, f))]
    check(name + ": overview, a diagram per wave, schedule and report are written", not missing,
          "missing " + ", ".join(missing))
    bad = []
    for path in sorted(glob.glob(os.path.join(out, "**", "*.svg"), recursive=True)):
        try:
            ElementTree.parse(path)
        except ElementTree.ParseError as error:
            bad.append("%s: %s" % (os.path.relpath(path, out), error))
    check(name + ": every SVG parses as XML", not bad, "; ".join(bad[:5]))
    html = read(os.path.join(out, "report.html")) if os.path.isfile(
        os.path.join(out, "report.html")) else ""
    outside = OUTSIDE.findall(html)
    check(name + ": report.html refers to nothing outside it", html != "" and not outside,
          ", ".join(outside[:5]))
    return html


# The links a ministry's page may hold to the web: its contacts' addresses, which the reader
# follows or not; the page itself loads nothing.
CONTACT_LINK = re.compile(r"""<a href="(?:https?://|mailto:)[^"]*">""")


def check_page(name, path):
    html = read(path) if os.path.isfile(path) else ""
    outside = OUTSIDE.findall(CONTACT_LINK.sub("", html))
    check(name + ": " + os.path.basename(path) + " refers to nothing outside it but links",
          html != "" and not outside, ", ".join(outside[:5]))
    # A ministry's page zooms its drawings with one inline script; the index has none.
    scripts = 0 if os.path.basename(path) == "ministries.html" else 1
    check(name + ": " + os.path.basename(path) + " links back to report.html and runs %s" %
          ("one inline script (pan and zoom)" if scripts else "no script"),
          '<a href="report.html">' in html and html.count("<script") == scripts and
          html.count("<script>") == scripts)
    return html


def screenshot(name, html_path, png_path):
    if not os.path.exists(CHROMIUM):
        skip(name + ": report.html opens in a browser", CHROMIUM + " is not installed")
        return
    profile = tempfile.mkdtemp()
    try:
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile, "--screenshot=" + png_path,
                        "--window-size=1400,2000", "file://" + os.path.abspath(html_path)],
                       capture_output=True, timeout=180)
    except subprocess.TimeoutExpired:
        pass
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    ok = os.path.isfile(png_path) and read(png_path, "rb")[:8] == b"\x89PNG\r\n\x1a\n"
    check(name + ": report.html opens in headless chromium to a screenshot", ok, png_path)


with tempfile.TemporaryDirectory() as tmp:
    # The samples: every view, twice the same bytes, and the formats on request.
    samples = os.path.join(tmp, "samples")
    if plan("samples", "samples/government", samples, "--wave-capacity", "8", "--freeze",
            "2027-07-26..2027-08-08"):
        plan_json = os.path.join(samples, "plan.json")
        views = os.path.join(tmp, "views")
        ok, _ = render("samples", plan_json, views)
        if ok:
            html = check_views("samples", views, 10)
            check("samples: the report names the systems and the reasons for their waves",
                  "MOF/payroll" in html and "pinned to wave 3" in html)
            check("samples: the report lists the diagnostics of the inputs",
                  "retained-loses-provider" in html)
            texts = "\n".join(ElementTree.parse(os.path.join(views, "overview.svg")).getroot()
                              .itertext())
            check("samples: the overview draws agencies as boxes",
                  "MOF - Ministry of Finance" in texts and "MOF-TAX - National Tax Service" in texts)
            again = os.path.join(tmp, "views-again")
            render("samples again", plan_json, again)
            first, second = files_under(views), files_under(again)
            check("samples: the same plan gives the same bytes", first == second,
                  ", ".join(sorted(f for f in set(first) | set(second)
                                   if first.get(f) != second.get(f)))[:500])
            screenshot("samples", os.path.join(views, "report.html"),
                       os.path.join(tmp, "report.png"))
        # A page per ministry, and their index.
        ministries = os.path.join(tmp, "ministries")
        ok, _ = render("--agency all", plan_json, ministries, "--agency", "all")
        if ok:
            codes = ["DGA", "MOF", "MOH", "MOE", "MOI"]  # the top-level agencies of the samples
            pages = sorted(os.path.basename(p) for p in
                           glob.glob(os.path.join(ministries, "report-*.html")))
            check("--agency all: a page per ministry, none per office",
                  pages == sorted("report-%s.html" % c for c in codes), ", ".join(pages))
            check("--agency all: each ministry's diagram is drawn",
                  all(os.path.isfile(os.path.join(ministries, "agencies", c + ".svg"))
                      for c in codes))
            for code in codes:
                check_page("--agency all", os.path.join(ministries, "report-%s.html" % code))
            index = check_page("--agency all", os.path.join(ministries, "ministries.html"))
            check("--agency all: ministries.html links every ministry's page",
                  all('<a href="report-%s.html">report-%s.html</a>' % (c, c) in index
                      for c in codes))
            check("--agency all: ministries.html shows each CIO",
                  "Henrik Lindqvist" in index and
                  '<a href="mailto:cio@moh.gov.example">cio@moh.gov.example</a>' in index)
            moh = read(os.path.join(ministries, "report-MOH.html"))
            check("--agency all: MOH's page shows its contacts, offices and systems",
                  "<td>Ana Dela Cruz</td>" in moh and
                  '<a href="https://www.moh.gov.example">' in moh and
                  "National Referral Hospital" in moh and 'id="system-MOH/ehr"' in moh and
                  "MOF/payroll" not in moh)
            check("--agency all: MOH's page lists the links to other ministries both ways",
                  "<h3>Who waits for them</h3>" in moh and "MOF/fiscal-dwh" in moh and
                  "<h3>Whom they wait for</h3>" in moh and "DGA/sso" in moh)
        one = os.path.join(tmp, "one-ministry")
        ok, _ = render("--agency MOH", plan_json, one, "--agency", "MOH", "--gantt", "systems",
                       "--today", "2027-03-01")
        if ok:
            check("--agency MOH: writes report-MOH.html and agencies/MOH.svg, no index",
                  os.path.isfile(os.path.join(one, "report-MOH.html")) and
                  os.path.isfile(os.path.join(one, "agencies", "MOH.svg")) and
                  not os.path.exists(os.path.join(one, "ministries.html")) and
                  len(glob.glob(os.path.join(one, "report-*.html"))) == 1)
        for args, code, message in [
                (["--agency", "MOHX"], 1,
                 "render: error: --agency 'MOHX': no such agency in %s (did you mean "
                 "'MOH'?)\n"),
                (["--agency", "all", "--agency", "MOH"], 2,
                 "cloudplan render: error: --agency all cannot be given with agency codes ('MOH') "
                 "(all draws every ministry: give all alone, or the codes alone)\n"),
                (["--gantt", "rows"], 2,
                 "cloudplan render: error: --gantt 'rows' is not one of waves, systems\n"),
                (["--gantt", "sys"], 2,
                 "cloudplan render: error: --gantt 'sys' is not one of waves, systems (did you "
                 "mean 'systems'?)\n"),
                (["--gantt", "wvaes"], 2,
                 "cloudplan render: error: --gantt 'wvaes' is not one of waves, systems (did you "
                 "mean 'waves'?)\n"),
                (["--today", "2027-02-30"], 2,
                 "cloudplan render: error: --today '2027-02-30' is not a date YYYY-MM-DD\n")]:
            out = os.path.join(tmp, "refused")
            result = run("render", plan_json, "-o", out, *args)
            expected = message % plan_json if "%s" in message else message
            check("render %s: exit %d and says why" % (" ".join(args), code),
                  result.returncode == code and result.stderr == expected,
                  "exit %d: %s" % (result.returncode, result.stderr))
            check("render %s: writes nothing" % " ".join(args),
                  not glob.glob(os.path.join(out, "*.html")))
        alone = os.path.join(tmp, "gantt-alone")
        result = run("render", plan_json, "-o", alone, "--no-waves", "--gantt", "systems")
        check("render --gantt systems without --agency: warns that there is no page to draw",
              result.returncode == 0 and result.stderr ==
              "render: warning: --gantt systems draws the schedules of the ministries' pages, and "
              "without --agency there is none (add --agency CODE, or --agency all)\n",
              "exit %d: %s" % (result.returncode, result.stderr))
        formats = os.path.join(tmp, "formats")
        ok, _ = render("formats", plan_json, formats, "--format", "svg,png,pdf")
        if ok:
            overview = os.path.join(formats, "overview")
            check("formats: PNG and PDF are drawn on request",
                  os.path.isfile(overview + ".png") and os.path.isfile(overview + ".pdf") and
                  read(overview + ".png", "rb")[:8] == b"\x89PNG\r\n\x1a\n" and
                  read(overview + ".pdf", "rb")[:5] == b"%PDF-")
            check("formats: the PDF has no creation date",
                  b"/CreationDate" not in read(overview + ".pdf", "rb"))
            check("formats: a wave's diagram is drawn in every format",
                  all(os.path.isfile(os.path.join(formats, "waves", "wave-3." + f))
                      for f in ("svg", "png", "pdf")))

    # A hostile name shows as text everywhere.
    hostile = os.path.join(tmp, "hostile")
    os.makedirs(hostile)
    with open(os.path.join(hostile, "systems.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,agency,type,strategy,notes\n"
                "MIN/app,<script>alert(1)</script>,MIN,application,rehost,"
                "\"<img src=x onerror=alert(2)>\"\n"
                "MIN/db,Database & co,MIN,database,rehost,https://example.org/db\n")
    with open(os.path.join(hostile, "dependencies.csv"), "w", encoding="utf-8") as f:
        f.write("from,to\nMIN/app,MIN/db\n")
    if plan("hostile", hostile, os.path.join(tmp, "hostile-plan")):
        views = os.path.join(tmp, "hostile-views")
        ok, _ = render("hostile", os.path.join(tmp, "hostile-plan", "plan.json"), views)
        if ok:
            html = check_views("hostile", views, 1)
            check("hostile: a system named <script>alert(1)</script> shows as text in the report",
                  "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
                  and "<img" not in html)
            check("hostile: the web address of a property is text, not a link",
                  "https://example.org/db" in html and 'href="https://' not in html)
            svg = read(os.path.join(views, "overview.svg"))
            check("hostile: the name is escaped in the SVG", "<script>" not in svg)
        pages = os.path.join(tmp, "hostile-pages")
        ok, _ = render("hostile --agency all", os.path.join(tmp, "hostile-plan", "plan.json"),
                       pages, "--agency", "all")
        if ok:
            page = check_page("hostile", os.path.join(pages, "report-MIN.html"))
            check("hostile: the name shows as text in the ministry's page",
                  "&lt;script&gt;alert(1)&lt;/script&gt;" in page and
                  "<script>alert(1)" not in page and page.count("<script") == 1)

    # plan --render, once the plan command has it.
    help_text = run("plan", "--help").stdout
    if "--render" in help_text:
        out = os.path.join(tmp, "plan-render")
        if plan("plan --render", "samples/government", out, "--wave-capacity", "8", "--render"):
            check("plan --render: writes the report beside plan.json",
                  os.path.isfile(os.path.join(out, "report.html")) and
                  os.path.isfile(os.path.join(out, "overview.svg")))
            said = run("plan", "samples/government", "-o", out, "--wave-capacity", "8",
                       "--render").stdout
            check("plan --render: says it wrote risks.csv among the views",
                  re.search(r"^wrote \d+ views \(diagrams, schedule\.svg, risks\.csv, "
                            r"report\.html\) to ", said, re.M) is not None, said)
    else:
        skip("plan --render", "cloudplan plan has no --render option")

    # 10,000 systems: folded, and drawn in seconds.
    geninv = os.path.join(SHARED, "geninv.py")
    if not os.path.isfile(geninv):
        skip("10,000 systems", geninv + " is missing")
    elif os.environ.get("CLOUDPLAN_SANITIZED"):
        skip("10,000 systems", "a sanitizer build (the release run draws it, and times it)")
    else:
        inventory = os.path.join(tmp, "g10k")
        subprocess.run([sys.executable, geninv, "--systems", "10000", "--seed", "1", "--out",
                        inventory], capture_output=True, check=True)
        big = os.path.join(tmp, "g10k-plan")
        if plan("10,000 systems", inventory, big, "--wave-capacity", "200", "--wave-effort",
                "6000"):
            views = os.path.join(tmp, "g10k-views")
            # Every view, the ministries' too; render's own messages are silenced by -q, so
            # anything on stderr is Graphviz's (libpath's "triangulation failed" goes straight
            # there, and such an edge is drawn badly or not at all).
            started = time.monotonic()
            result = run("render", os.path.join(big, "plan.json"), "-o", views, "--agency", "all",
                         "-q")
            seconds = time.monotonic() - started
            ok = result.returncode == 0
            check("10,000 systems: render exits 0", ok, result.stderr[-2000:])
            check("10,000 systems: Graphviz says nothing on stderr", result.stderr == "",
                  result.stderr[:2000])
            if ok:
                check("10,000 systems: every view is drawn within 120 seconds (took %.1f)" % seconds,
                      seconds < 120)
                waves = len(glob.glob(os.path.join(views, "waves", "wave-*.svg")))
                check_views("10,000 systems", views, waves)
                check("10,000 systems: the overview is folded and says so",
                      "would make more than 300 nodes" in read(os.path.join(views, "overview.svg")))

    # Plans on which Graphviz 2.42 went wrong (issue 12's second review): render aborted with a
    # double free (a count labelled on an edge within one rank), and libpath's router wrote
    # "triangulation failed" to stderr, past -q.
    for name, systems, seed, generate, settings in [
            ("1,492 systems, waves of 400", "1492", "421640", ["--agency-limits", "--deadlines"],
             ["--wave-capacity", "400", "--wave-effort", "1000", "--allow-oversize"]),
            ("713 systems, effort 300 a wave", "713", "568764", [],
             ["--wave-capacity", "200", "--wave-effort", "300"])]:
        if not os.path.isfile(geninv):
            skip(name, geninv + " is missing")
            continue
        inventory = os.path.join(tmp, "g" + systems)
        subprocess.run([sys.executable, geninv, "--systems", systems, "--seed", seed, "--out",
                        inventory, *generate], capture_output=True, check=True)
        planned = os.path.join(tmp, "g%s-plan" % systems)
        if plan(name, inventory, planned, *settings):
            result = run("render", os.path.join(planned, "plan.json"), "-o",
                         os.path.join(tmp, "g%s-views" % systems), "--agency", "all", "-q")
            check(name + ": render exits 0, nothing on stderr",
                  result.returncode == 0 and result.stderr == "",
                  "exit %d: %s" % (result.returncode, result.stderr[:2000]))

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
