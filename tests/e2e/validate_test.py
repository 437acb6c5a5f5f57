#!/usr/bin/env python3
"""End-to-end checks of `cloudplan validate` and `cloudplan template` on the built binary.

    validate_test.py PATH/TO/cloudplan [SOURCE_DIR]

Runs from the source folder (SOURCE_DIR, by default the one this script is in) so that the paths
the binary prints are relative, as in tests/data/validate-bad.expected. The shared tools are found
beside the source folder (SOURCE_DIR/../shared), as CI clones them. Python standard library only.
"""
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = None  # SOURCE/../shared
BINARY = None
SUMMARY = re.compile(r"^(\d+) systems?, (\d+) dependenc(?:y|ies), (\d+) agenc(?:y|ies) in (\d+) "
                     r"files?: (\d+) errors?, (\d+) warnings?$", re.M)

failures = []


def check(condition, what, details=""):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
        if details:
            print("     " + details.replace("\n", "\n     "))


def run(*args):
    result = subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=600)
    return result.returncode, result.stdout, result.stderr


def summary(stdout):
    """(systems, dependencies, agencies, files, errors, warnings) of validate's last line."""
    match = SUMMARY.search(stdout)
    return tuple(int(n) for n in match.groups()) if match else None


def shown(code, out, err):
    return f"exit {code}\nstdout:\n{out}\nstderr:\n{err[:4000]}"


def test_government_sample():
    code, out, err = run("validate", "samples/government")
    check(code == 0, "validate samples/government exits 0", shown(code, out, err))
    check(summary(out) == (86, 153, 20, 7, 0, 0),
          "validate samples/government: 86 systems, 153 dependencies, 20 agencies, 0 errors",
          out)
    check(err == "", "validate samples/government prints no diagnostics", err)


def test_bad_sample():
    code, out, err = run("validate", "samples/bad")
    check(code == 1, "validate samples/bad exits 1", shown(code, out, err))
    with open(os.path.join(SOURCE, "tests/data/validate-bad.expected"), encoding="utf-8") as f:
        expected = f.read()
    diff = "".join(difflib.unified_diff(expected.splitlines(True), err.splitlines(True),
                                        "tests/data/validate-bad.expected", "stderr"))
    check(err == expected, "validate samples/bad prints tests/data/validate-bad.expected", diff)
    check(summary(out) is not None and summary(out)[4:] == (20, 1),
          "validate samples/bad counts 20 errors and 1 warning", out)


def test_generated_inventory(folder):
    out_dir = os.path.join(folder, "generated")
    geninv = os.path.join(SHARED, "tools", "geninv.py")
    check(os.path.isfile(geninv), f"{geninv} exists (CI clones shared beside the project)")
    if not os.path.isfile(geninv):
        return
    gen = subprocess.run([sys.executable, geninv, "--systems", "10000", "--seed", "3", "--out",
                          out_dir], capture_output=True, text=True, timeout=600)
    check(gen.returncode == 0, "geninv.py --systems 10000 --seed 3 runs", gen.stderr)
    match = re.search(r"geninv: (\d+) systems, (\d+) agencies, (\d+) dependencies", gen.stdout)
    check(match is not None, "geninv prints its counts", gen.stdout)
    if gen.returncode != 0 or not match:
        return
    systems, agencies, dependencies = (int(n) for n in match.groups())
    code, out, err = run("validate", out_dir)
    check(code == 0, "validate on the generated inventory exits 0", shown(code, out, err))
    got = summary(out)
    check(got is not None and got[:3] == (systems, dependencies, agencies) and got[4] == 0,
          f"validate on the generated inventory: {systems} systems, {dependencies} "
          f"dependencies, {agencies} agencies, 0 errors", out)


def test_template(folder):
    template = os.path.join(folder, "template")
    code, out, err = run("template", template)
    check(code == 0, "template DIR exits 0", shown(code, out, err))
    names = sorted(os.listdir(template)) if os.path.isdir(template) else []
    check(names == ["README.txt", "agencies.csv", "cloudplan.toml", "dependencies.csv",
                    "systems.csv"],
          "template writes systems, dependencies and agencies files, a README and the settings",
          str(names))
    code, out, err = run("validate", template)
    settings = os.path.join(template, "cloudplan.toml")
    check(code == 0 and err == f"cloudplan: reading settings from {settings}\n",
          "validate on the template reads its settings and exits 0 with no diagnostics",
          shown(code, out, err))
    check(summary(out) is not None and summary(out)[4:] == (0, 0),
          "validate on the template: 0 errors, 0 warnings", out)


def test_missing_file(folder):
    missing = os.path.join(folder, "no-such-file.csv")
    code, out, err = run("validate", missing)
    check(code == 1, "validate on a missing file exits 1", shown(code, out, err))
    check(err == f"{missing}: error: cannot read the file (No such file or directory)\n",
          "validate on a missing file says it cannot read it", err)


def test_usage():
    code, out, err = run()
    check(code == 2, "no arguments exits 2", shown(code, out, err))
    code, out, err = run("validate")
    check(code == 2, "validate without a file exits 2", shown(code, out, err))
    code, out, err = run("--version")
    check(code == 0 and out.strip() == "cloudplan 0.1.0", "--version prints cloudplan 0.1.0",
          shown(code, out, err))


def test_json_diagnostics():
    code, out, err = run("validate", "samples/bad", "--diagnostics", "json")
    check(code == 1, "validate --diagnostics json on samples/bad exits 1", shown(code, out, err))
    lines = err.splitlines()
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError as e:
            check(False, "every --diagnostics json line parses", f"{e}: {line}")
            return
    check(len(parsed) == 21, "--diagnostics json prints one line per problem", err)
    keys = {"severity", "code", "message", "file", "line"}
    check(all(set(d) == keys for d in parsed), "each JSON diagnostic has " + ", ".join(sorted(keys)),
          err)
    check(parsed and parsed[0] == {
        "severity": "error", "code": "agency-cycle",
        "message": "agency parents form a cycle: MOI-CRA -> MOI-NID -> MOI-CRA "
                   "(remove one of these parents)",
        "file": "samples/bad/agencies.csv", "line": 8}, "the first JSON diagnostic is exact", err)
    texts = [f"{d['file']}:{d['line']}: {d['severity']}: {d['message']}" for d in parsed]
    with open(os.path.join(SOURCE, "tests/data/validate-bad.expected"), encoding="utf-8") as f:
        expected = f.read().splitlines()
    check(texts == expected, "the JSON diagnostics say what the text ones say")


def test_huge_pages():
    """The binary runs itself again with glibc's huge pages asked for (cli/huge_pages.h); a
    choice the user made stays, and reading standard input still works after the second start.
    A sanitizer's build does not (its allocator ignores glibc's tunables)."""
    if os.environ.get("CLOUDPLAN_SANITIZED") == "1":
        return
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled", encoding="ascii") as f:
            if "[never]" in f.read():
                return
    except OSError:
        return  # no transparent huge pages here: nothing is asked for
    env = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
    for chosen, expected in ((None, "glibc.malloc.hugetlb=1"),
                             ("glibc.malloc.hugetlb=0", "glibc.malloc.hugetlb=0")):
        if chosen:
            env["GLIBC_TUNABLES"] = chosen
        reader = subprocess.Popen([BINARY, "validate", "-"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        try:
            # Blocked on standard input: the environment it runs with is the second start's.
            environ = b""
            for _ in range(200):
                with open(f"/proc/{reader.pid}/environ", "rb") as f:
                    environ = f.read()
                if b"GLIBC_TUNABLES=" in environ:
                    break
                subprocess.run(["sleep", "0.01"], check=False)
            out, err = reader.communicate(b"id,name,agency\nS1,One,MOF\n", timeout=60)
        finally:
            if reader.poll() is None:
                reader.kill()
        values = [v.decode() for v in environ.split(b"\0") if v.startswith(b"GLIBC_TUNABLES=")]
        check(values == ["GLIBC_TUNABLES=" + expected],
              f"GLIBC_TUNABLES={chosen or '(unset)'}: the run has {expected}", str(values))
        check(reader.returncode == 0 and summary(out.decode())[0] == 1,
              "validate - reads its standard input after the second start",
              shown(reader.returncode, out.decode(), err.decode()))


def main():
    global BINARY, SOURCE, SHARED
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    BINARY = os.path.abspath(sys.argv[1])
    if len(sys.argv) == 3:
        SOURCE = os.path.abspath(sys.argv[2])
    SHARED = os.path.join(os.path.dirname(SOURCE), "shared")
    os.chdir(SOURCE)
    test_government_sample()
    test_bad_sample()
    test_usage()
    test_json_diagnostics()
    test_huge_pages()
    with tempfile.TemporaryDirectory(prefix="cloudplan-e2e-") as folder:
        test_missing_file(folder)
        test_template(folder)
        test_generated_inventory(folder)
    if failures:
        print(f"\n{len(failures)} check(s) failed:\n  " + "\n  ".join(failures))
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
