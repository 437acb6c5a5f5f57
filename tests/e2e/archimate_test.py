#!/usr/bin/env python3
"""End-to-end checks of ArchiMate input and output on the built binary.

    archimate_test.py PATH/TO/cloudplan [SOURCE_DIR]

geninv.py --archimate writes one inventory twice, as CSV files and as an exchange model
(model.xml): planned from either, the plan must be the same. A plan is also written as ArchiMate
(`plan --archimate`) and read back: it keeps every system element's identifier of model.xml, and
validates against the exchange schema with its views, as the samples' plan.archimate.xml does
(when CLOUDPLAN_ARCHIMATE_XSD names the folder of archimate3_Diagram.xsd; xmllint from
libxml2-utils validates, and XML_CATALOG_FILES may map the xml.xsd it imports to a local copy).
Hostile XML files are refused quickly.

"The same plan" is checked on the waves, systems and dependencies of plan.json, compared in an
order-free way, because input order legitimately shows through in three places: a wave lists its
systems in input order, move groups are numbered ("G1", ...) by their first system in input order,
and a reason naming one provider "(and N more)" names the first in input order. The CSV files are
read in name order (systems-DGA.csv, systems-MBM.csv, ...) while model.xml lists the same systems
in generation order, so those differ in order only. Also, the CSV of one department spells its
extra column names in capitals ("OS", "Hosting"), so property keys are compared case-blind, and the
CSV gives some dependencies (depends_on, move_with) no kind where the model gives every one a kind,
so a kind is compared where the CSV has one. Runs from the source folder; Python standard library
only. Prints a line per check and 'N passed, N failed' last; exits 1 on a failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

from archimate_model import NS, SYSTEM_TYPES, XSI_TYPE, dependency_relationships, relationships

BINARY = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.getcwd()
SHARED = os.path.join(SOURCE, "..", "shared", "tools")
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + detail))
    return condition


def run(*args, timeout=900):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=timeout,
                          cwd=SOURCE)


def element_identifiers(path, types=None):
    """The identifiers of the model's elements (of these types, when given)."""
    root = ET.parse(path).getroot()
    return {e.get("identifier") for e in root.iter(NS + "element")
            if types is None or e.get(XSI_TYPE) in types}


def element_types(path):
    """The xsi:type of every element of the model, by identifier."""
    root = ET.parse(path).getroot()
    return {e.get("identifier"): e.get(XSI_TYPE) for e in root.iter(NS + "element")}


def check_schema(name, path):
    """xmllint against archimate3_Diagram.xsd; skipped when CLOUDPLAN_ARCHIMATE_XSD is unset."""
    folder = os.environ.get("CLOUDPLAN_ARCHIMATE_XSD")
    if not folder:
        print("skip %s: CLOUDPLAN_ARCHIMATE_XSD is unset" % name)
        return
    result = subprocess.run(["xmllint", "--noout", "--nonet", "--schema",
                             os.path.join(folder, "archimate3_Diagram.xsd"), path],
                            capture_output=True, text=True, timeout=600)
    check(name, result.returncode == 0, result.stderr[-2000:])


def load(folder):
    with open(os.path.join(folder, "plan.json"), encoding="utf-8") as f:
        return json.load(f)


def canonical_waves(plan):
    waves = []
    for wave in plan["waves"]:
        wave = dict(wave)
        wave["systems"] = sorted(wave["systems"])
        waves.append(wave)
    return waves


def canonical_systems(plan):
    members = {}
    for system in plan["systems"]:
        if system["move_group"] is not None:
            members.setdefault(system["move_group"], []).append(system["id"])
    systems = {}
    for system in plan["systems"]:
        system = dict(system)
        group = system.pop("move_group")
        system["move_group"] = sorted(members[group]) if group is not None else None
        system["reasons"] = len(system["reasons"])
        system["properties"] = {k.lower(): v for k, v in system["properties"].items()}
        systems[system["id"]] = system
    return systems


def first_difference(a, b):
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            return "%s: %r != %r" % (key, a.get(key), b.get(key))
    return ""


with tempfile.TemporaryDirectory() as tmp:
    inputs = os.path.join(tmp, "inventory")
    subprocess.run([sys.executable, os.path.join(SHARED, "geninv.py"), "--systems", "10000",
                    "--seed", "5", "--out", inputs, "--archimate"], check=True,
                   capture_output=True)
    csvs = sorted(os.path.join(inputs, name) for name in os.listdir(inputs)
                  if name.endswith(".csv"))
    model = os.path.join(inputs, "model.xml")

    from_model = run("plan", model, "-o", os.path.join(tmp, "A"))
    check("plan from model.xml exits 0", from_model.returncode == 0, from_model.stderr[-2000:])
    from_csv = run("plan", *csvs, "-o", os.path.join(tmp, "B"))
    check("plan from the csv files exits 0", from_csv.returncode == 0, from_csv.stderr[-2000:])
    if from_model.returncode == 0 and from_csv.returncode == 0:
        a, b = load(os.path.join(tmp, "A")), load(os.path.join(tmp, "B"))
        check("the same metrics", a["metrics"] == b["metrics"],
              "%r != %r" % (a["metrics"], b["metrics"]))
        wa, wb = canonical_waves(a), canonical_waves(b)
        check("the same waves (%d), each with the same systems" % len(wa), wa == wb,
              next((first_difference(x, y) for x, y in zip(wa, wb) if x != y), "wave count"))
        sa, sb = canonical_systems(a), canonical_systems(b)
        differing = [k for k in sa if sa[k] != sb.get(k)]
        check("the same %d systems, field by field" % len(sa),
              set(sa) == set(sb) and not differing,
              differing and "%s: %s" % (differing[0], first_difference(sa[differing[0]],
                                                                       sb[differing[0]])))
        da = {(d["from"], d["to"]): d for d in a["dependencies"]}
        db = {(d["from"], d["to"]): d for d in b["dependencies"]}
        check("the same %d dependencies" % len(da), set(da) == set(db),
              "%d only from model.xml, %d only from csv" % (len(set(da) - set(db)),
                                                           len(set(db) - set(da))))
        check("the same couplings", all(da[k]["coupling"] == db[k]["coupling"]
                                        for k in da if k in db))
        check("the same kinds where the csv gives one",
              all(da[k]["kind"] == db[k]["kind"] for k in da if k in db and db[k]["kind"]))

    validated = run("validate", model)
    check("validate model.xml exits 0", validated.returncode == 0, validated.stderr[-2000:])
    check("validate model.xml counts 10000 systems",
          validated.stdout.startswith("10000 systems, "), validated.stdout)

    # The plan as ArchiMate (the cli writes it with --archimate).
    out = os.path.join(tmp, "C")
    written = run("plan", model, "-o", out, "--archimate")
    check("plan --archimate exits 0", written.returncode == 0, written.stderr[-2000:])
    archimate = os.path.join(out, "plan.archimate.xml")
    if check("plan --archimate writes plan.archimate.xml", os.path.isfile(archimate), out):
        try:
            root = ET.parse(archimate).getroot()
            check("plan.archimate.xml is well-formed exchange XML",
                  root.tag == "{http://www.opengroup.org/xsd/archimate/3.0/}model", root.tag)
        except ET.ParseError as error:
            check("plan.archimate.xml is well-formed exchange XML", False, str(error))
        back = run("validate", archimate)
        check("plan.archimate.xml reads back as 10000 systems without an error",
              back.returncode == 0 and back.stdout.startswith("10000 systems, "),
              back.stdout + back.stderr[-2000:])
        source = element_identifiers(model, SYSTEM_TYPES)
        missing = source - element_identifiers(archimate)
        check("plan.archimate.xml keeps the identifiers of model.xml's %d systems" % len(source),
              len(source) == 10000 and not missing, "%d missing, e.g. %s" % (
                  len(missing), sorted(missing)[:3]))
        # Archi merges by identifier: a kept identifier under another type would not merge.
        source_types, written_types = element_types(model), element_types(archimate)
        retyped = sorted(i for i in source if written_types.get(i) != source_types[i])
        check("plan.archimate.xml writes each kept element with its type in model.xml (%s)" %
              ", ".join(sorted({source_types[i] for i in source})),
              not retyped, "%d retyped, e.g. %s" % (
                  len(retyped), [(i, source_types[i], written_types.get(i)) for i in retyped[:3]]))
        read, written = dependency_relationships(model), relationships(archimate)
        changed = sorted(i for i in read if written.get(i) != read[i])
        check("plan.archimate.xml keeps the %d relationships of model.xml that give dependencies, "
              "identifier, type, source and target" % len(read),
              len(read) > 10000 and not changed, "%d not kept, e.g. %s" % (
                  len(changed), [(i, read[i], written.get(i)) for i in changed[:3]]))
        check_schema("plan.archimate.xml of model.xml validates against the exchange schema",
                     archimate)

    # The samples' plan, as the demo writes it.
    samples = os.path.join(tmp, "samples")
    written = run("plan", os.path.join("samples", "government"), "--wave-capacity", "8",
                  "--archimate", "-o", samples)
    check("plan samples/government --archimate exits 0", written.returncode == 0,
          written.stderr[-2000:])
    samples_model = os.path.join(samples, "plan.archimate.xml")
    if os.path.isfile(samples_model):
        root = ET.parse(samples_model).getroot()
        views = root.findall("./%sviews/%sdiagrams/%sview" % (NS, NS, NS))
        waves = load(samples)["waves"]
        check("the samples' plan.archimate.xml has a roadmap and a view per wave (%d)" % len(waves),
              len(views) == len(waves) + 1 and
              views[0].find(NS + "name").text == "Migration roadmap", str(len(views)))
        check_schema("the samples' plan.archimate.xml validates against the exchange schema",
                     samples_model)

    # Hostile files: refused at once, nothing read from outside.
    for name, code in (("billion-laughs.xml", "doctype-refused"),
                       ("external-entity.xml", "doctype-refused"),
                       ("undefined-entity.xml", "undefined-entity")):
        started = time.monotonic()
        result = run("validate", os.path.join("tests", "data", "archimate", name),
                     "--diagnostics", "json", timeout=60)
        seconds = time.monotonic() - started
        codes = re.findall(r'"code":\s*"([a-z-]+)"', result.stderr)
        check("%s is refused (%s) in %.2f s" % (name, code, seconds),
              result.returncode == 1 and code in codes and seconds < 10 and
              "root:" not in result.stderr + result.stdout,
              result.stderr[-1000:])

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
