#!/usr/bin/env python3
"""End-to-end checks of `cloudplan validate --known`: a ministry's files read against the national
register of system ids, as `cloudplan export --ids` writes it.

    known_test.py PATH/TO/cloudplan [SOURCE_DIR]

The files are written to a scratch folder, which is the working directory of every run, so the
paths the binary prints are relative. Python standard library only.
"""
import json
import os
import subprocess
import sys
import tempfile

BINARY = None

failures = []

# The Ministry of Finance's own files: five systems whose dependencies name nine systems of the
# Ministry of Justice and six of the Interior, defined in their files, not these; and one typo.
MOJ = [f"MOJ/sys{i}" for i in range(1, 10)]
MOI = [f"MOI/sys{i}" for i in range(1, 7)]
SYSTEMS = ("id,name,agency,depends_on\n"
           "MOF/pay,Payroll,MOF,MOF/tax\n"
           "MOF/tax,Tax,MOF,\n"
           "MOF/customs,Customs,MOF,\n"
           "MOF/budget,Budget,MOF,\n"
           "MOF/debt,Debt office,MOF,\n")
DEPENDENCIES = ("from,to,coupling\n"
                + "".join(f"MOF/pay,{s},\n" for s in MOJ)
                + "".join(f"MOF/customs,{s},tight\n" for s in MOI)
                + "MOF/budget,DGA/xbuss,\n")
TYPO_LINE = 2 + len(MOJ) + len(MOI)
# The register lists every system of the country, the Ministry of Finance's too.
REGISTER = ("national_id,name,agency\n"
            + "".join(f"{s},System {s},MOJ\n" for s in MOJ)
            + "".join(f"{s},System {s},MOI\n" for s in MOI)
            + "DGA/xbus,Exchange bus,DGA\n"
            + "MOF/pay,Payroll,MOF\nMOF/tax,Tax,MOF\n")
NOTE = ("national-ids.csv: note: 15 references resolved against the register to systems outside "
        "these files (MOI 6, MOJ 9)\n")
TYPO = (f"deps.csv:{TYPO_LINE}: error: unknown system 'DGA/xbuss' in to (did you mean "
        "'DGA/xbus'?)\n")


def check(condition, what, details=""):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
        if details:
            print("     " + details.replace("\n", "\n     "))


def run(folder, *args):
    result = subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=120,
                            cwd=folder)
    return result.returncode, result.stdout, result.stderr


def shown(code, out, err):
    return f"exit {code}\nstdout:\n{out}\nstderr:\n{err[:4000]}"


def write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def test_references_resolve_against_the_register(folder):
    code, out, err = run(folder, "validate", "systems.csv", "deps.csv", "--known",
                         "national-ids.csv")
    check(code == 1, "validate --known exits 1 for the one typo", shown(code, out, err))
    check(err == TYPO + NOTE,
          "validate --known: only the typo is an error, with the register's id as suggestion, "
          "then the note of the resolved references", shown(code, out, err))
    check(out == "5 systems, 16 dependencies, 1 agency in 2 files: 1 error, 0 warnings\n",
          "validate --known: the summary counts the files' systems and every dependency, those to the register too", out)


def test_without_the_register(folder):
    code, out, err = run(folder, "validate", "systems.csv", "deps.csv")
    check(code == 1 and out.endswith(": 16 errors, 0 warnings\n"),
          "without --known every reference to another ministry is an error",
          shown(code, out, err))


def test_quiet(folder):
    code, out, err = run(folder, "validate", "systems.csv", "deps.csv", "--known",
                         "national-ids.csv", "--quiet")
    check(code == 1 and err == TYPO and out == "",
          "validate --known --quiet prints the error, not the note", shown(code, out, err))


def test_json(folder):
    code, out, err = run(folder, "validate", "systems.csv", "deps.csv", "--known",
                         "national-ids.csv", "--diagnostics", "json")
    lines = [json.loads(line) for line in err.splitlines()]
    codes = [(d.get("severity"), d.get("code")) for d in lines]
    check(codes == [("error", "unknown-system"), ("note", "resolved-references")],
          "validate --known --diagnostics json: the error, then the note", shown(code, out, err))


def test_register_in_error(folder):
    write(folder, "bad-ids.csv", REGISTER + "MOJ/sys3,Again,MOJ\n")
    code, out, err = run(folder, "validate", "systems.csv", "deps.csv", "--known", "bad-ids.csv")
    duplicate = ("bad-ids.csv:20: error: duplicate national_id 'MOJ/sys3'; the row is skipped "
                 "(first defined at bad-ids.csv:4)\n")
    check(code == 1 and err == duplicate + TYPO + NOTE.replace("national-ids.csv", "bad-ids.csv"),
          "a register in error is reported, and the inventory still read against it",
          shown(code, out, err))


def test_missing_register(folder):
    code, out, err = run(folder, "validate", "systems.csv", "--known", "nowhere.csv")
    check(code == 1 and err.startswith("nowhere.csv: error: cannot read the file (") and
          "note:" not in err, "a register that does not exist is an error, and no note",
          shown(code, out, err))


def test_register_as_inventory(folder):
    code, out, err = run(folder, "validate", "systems.csv", "national-ids.csv")
    check(code == 1 and err == (
        "national-ids.csv:1: error: this is the national register of system ids (cloudplan "
        "export --ids writes it), not an inventory file (give it to --known, and leave it out of "
        "the inventory files)\n"),
          "the register named as an inventory file is told apart", shown(code, out, err))


def test_many_agencies(folder):
    # Twelve agencies: the ten named most (on a tie, the first by code) are listed by code, the
    # rest counted.
    agencies = [f"A{i:02}" for i in range(12)]
    write(folder, "many-ids.csv", "national_id,name,agency\n" + "".join(
        f"{a}/s{j},S,{a}\n" for i, a in enumerate(agencies) for j in range(1 + (i % 3))))
    write(folder, "many.csv", "id,name,agency,depends_on\nMOF/pay,Payroll,MOF," + ";".join(
        f"{a}/s{j}" for i, a in enumerate(agencies) for j in range(1 + (i % 3))) + "\n")
    code, out, err = run(folder, "validate", "many.csv", "--known", "many-ids.csv")
    check(code == 0 and err == (
        "many-ids.csv: note: 24 references resolved against the register to systems outside these "
        "files (A00 1, A01 2, A02 3, A03 1, A04 2, A05 3, A07 2, A08 3, A10 2, A11 3, and 2 more "
        "agencies)\n"), "the note names the ten agencies named most, by code, and counts the rest",
          shown(code, out, err))


def main():
    global BINARY
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    BINARY = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="cloudplan-e2e-") as folder:
        write(folder, "systems.csv", SYSTEMS)
        write(folder, "deps.csv", DEPENDENCIES)
        write(folder, "national-ids.csv", REGISTER)
        test_references_resolve_against_the_register(folder)
        test_without_the_register(folder)
        test_quiet(folder)
        test_json(folder)
        test_register_in_error(folder)
        test_missing_register(folder)
        test_register_as_inventory(folder)
        test_many_agencies(folder)
    if failures:
        print(f"\n{len(failures)} check(s) failed:\n  " + "\n  ".join(failures))
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
