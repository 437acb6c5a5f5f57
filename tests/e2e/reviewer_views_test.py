#!/usr/bin/env python3
"""End-to-end checks of what reviewers read, on the drawings themselves rather than on their
parsing: the real binary renders the samples and a generated ArchiMate model, and the SVG is
measured.

    reviewer_views_test.py CLOUDPLAN_BINARY

Runs from the source folder. Prints one line per check and 'N passed, N failed' last; exits 1 when
a check fails. What is checked (issue 12's "done when"):
- every system's name is in the text of its wave's drawing, for CSV and for ArchiMate input;
- the legend's bounding box is at most 8 % of its drawing's area;
- the samples' overview is between 1:2 and 2.5:1 (width to height);
- a wave's drawing has no more edges than the systems of the wave plus the agencies;
- the ministry pages and the risk register exist and name what they are about."""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

BINARY = os.path.abspath(sys.argv[1])
GENINV = os.path.join(os.getcwd(), "..", "shared", "tools", "geninv.py")
SVG = "{http://www.w3.org/2000/svg}"
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + detail))
    return condition


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


def points(value):
    """A length of Graphviz's SVG ("1234pt") in points."""
    return float(re.sub(r"[a-z]+$", "", value))


def squeezed(text):
    """Text without any white space: a name wrapped over lines is still found."""
    return "".join(text.split())


def node_texts(svg_path):
    """The text of every node of a drawing, squeezed, one string per node."""
    root = ElementTree.parse(svg_path).getroot()
    return [squeezed("".join(group.itertext()))
            for group in root.iter(SVG + "g") if group.get("class") == "node"]


def edge_count(svg_path):
    root = ElementTree.parse(svg_path).getroot()
    return sum(1 for group in root.iter(SVG + "g") if group.get("class") == "edge")


def size(svg_path):
    root = ElementTree.parse(svg_path).getroot()
    return points(root.get("width")), points(root.get("height"))


def legend_box(svg_path):
    """The bounding box (width, height) of the legend: every coordinate drawn inside the group
    whose id holds "legend"; None when there is none."""
    root = ElementTree.parse(svg_path).getroot()
    for group in root.iter(SVG + "g"):
        if "legend" not in (group.get("id") or "").lower():
            continue
        xs, ys = [], []
        for element in group.iter():
            for pair in re.findall(r"(-?[\d.]+),(-?[\d.]+)", element.get("points") or ""):
                xs.append(float(pair[0]))
                ys.append(float(pair[1]))
            if element.get("x") is not None and element.get("y") is not None:
                xs.append(float(element.get("x")))
                ys.append(float(element.get("y")))
        if xs:
            return max(xs) - min(xs), max(ys) - min(ys)
    return None


def check_drawings(name, out, plan, edges_bounded):
    names = {system["id"]: system.get("name") or system["id"] for system in plan["systems"]}
    agencies = len(plan["agencies"])
    missing, crowded, legends = [], [], []
    for wave in plan["waves"]:
        path = os.path.join(out, "waves", "wave-%d.svg" % wave["wave"])
        if not wave["systems"]:
            continue
        if not os.path.isfile(path):
            missing.append("no " + os.path.relpath(path, out))
            continue
        texts = node_texts(path)
        for system in wave["systems"]:
            shown = squeezed(names[system])
            if not any(shown in text for text in texts):
                missing.append("wave %d: %s" % (wave["wave"], names[system]))
        edges = edge_count(path)
        if edges_bounded and edges > len(wave["systems"]) + agencies:
            crowded.append("wave %d: %d edges for %d systems and %d agencies"
                           % (wave["wave"], edges, len(wave["systems"]), agencies))
        legends.append(path)
    check(name + ": every system's name is in its wave's drawing", not missing,
          "; ".join(missing[:5]))
    if edges_bounded:
        check(name + ": no wave's drawing has more edges than its systems and the agencies",
              not crowded, "; ".join(crowded[:5]))
    too_big = []
    for path in [os.path.join(out, "overview.svg")] + legends:
        box = legend_box(path)
        width, height = size(path)
        if box is None:
            too_big.append("%s has no legend" % os.path.relpath(path, out))
        elif box[0] * box[1] > 0.08 * width * height:
            too_big.append("%s: legend %.0f x %.0f of %.0f x %.0f pt"
                           % (os.path.relpath(path, out), box[0], box[1], width, height))
    check(name + ": every legend is at most 8 % of its drawing", not too_big,
          "; ".join(too_big[:5]))


with tempfile.TemporaryDirectory() as tmp:
    samples = os.path.join(tmp, "samples")
    result = run("plan", "samples/government", "-o", samples, "--wave-capacity", "8", "--freeze",
                 "2027-07-26..2027-08-08", "--render")
    if check("samples: plan --render exits 0", result.returncode == 0, result.stderr[-2000:]):
        with open(os.path.join(samples, "plan.json"), encoding="utf-8") as f:
            plan = json.load(f)
        check_drawings("samples", samples, plan, True)
        width, height = size(os.path.join(samples, "overview.svg"))
        check("samples: the overview is between 1:2 and 2.5:1",
              0.5 <= width / height <= 2.5, "%.0f x %.0f pt" % (width, height))

        views = os.path.join(tmp, "views")
        result = run("render", os.path.join(samples, "plan.json"), "-o", views, "--agency", "all")
        if check("samples: render --agency all exits 0", result.returncode == 0,
                 result.stderr[-2000:]):
            ministries = [a for a in plan["agencies"] if not a.get("parent")]
            pages = [os.path.join(views, "report-%s.html" % a["code"]) for a in ministries]
            absent = [p for p in pages if not os.path.isfile(p)]
            check("samples: a page per ministry", not absent, ", ".join(absent))
            check("samples: an index of the ministries' pages",
                  os.path.isfile(os.path.join(views, "ministries.html")))
            moh = open(os.path.join(views, "report-MOH.html"), encoding="utf-8").read() \
                if os.path.isfile(os.path.join(views, "report-MOH.html")) else ""
            check("samples: the health ministry's page names its CIO and its systems",
                  "cio@moh.gov.example" in moh and "Master patient index" in moh)
            risks = os.path.join(views, "risks.csv")
            rows = list(csv.DictReader(open(risks, encoding="utf-8"))) \
                if os.path.isfile(risks) else []
            check("samples: risks.csv lists the hybrid links and the lost provider",
                  any(r.get("kind") == "lost-provider" for r in rows) and
                  any(r.get("kind") == "hybrid-link" for r in rows), risks)

    # ArchiMate input: the boxes read the elements' names, not their identifiers.
    model = os.path.join(tmp, "model")
    subprocess.run([sys.executable, GENINV, "--systems", "300", "--seed", "3", "--out", model,
                    "--archimate"], check=True, capture_output=True)
    archimate = os.path.join(tmp, "archimate")
    result = run("plan", os.path.join(model, "model.xml"), "-o", archimate, "--render")
    if check("archimate: plan --render exits 0", result.returncode == 0, result.stderr[-2000:]):
        with open(os.path.join(archimate, "plan.json"), encoding="utf-8") as f:
            plan = json.load(f)
        check("archimate: the systems have names other than their identifiers",
              any(s.get("name") and s["name"] != s["id"] for s in plan["systems"]))
        check_drawings("archimate", archimate, plan, False)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
