#!/usr/bin/env python3
"""A user's Release build: warnings are not errors unless asked for, and the sources that use
Boost.Graph compile without a warning at -O3, with g++ and with clang++.

    release_warnings_test.py BUILD_FOLDER SOURCE_FOLDER

First it configures SOURCE_FOLDER as a user would (`cmake -DCMAKE_BUILD_TYPE=Release`, into a
temporary folder) and checks that no compile command has -Werror, and that
-DCLOUDPLAN_WERROR=ON (the project's own builds) adds it to every one.

The project's own builds are RelWithDebInfo (-O2), but a user's plain
`cmake -DCMAKE_BUILD_TYPE=Release` build is -O3, where GCC 12 warned (-Warray-bounds) inside
Boost's compressed_sparse_row_graph, a false positive that engine/agency_turns.cpp silences
around that include. This compiles each project source that includes a Boost.Graph header with
the flags of BUILD_FOLDER's compile_commands.json, at -O3 -DNDEBUG -Werror (less any sanitizer
and debug flags), once with each compiler, and fails on any warning. Python standard library only.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

COMPILERS = ["g++", "clang++"]
LAUNCHER = ["ccache"] if shutil.which("ccache") else []  # a run again is a cache hit
DROPPED = re.compile(r"-O\d|-Os|-Og|-g\d?|-fsanitize.*|-fno-sanitize.*|-fno-omit-frame-pointer|"
                     r"-Werror")

failures = []


def check(condition, what, details=""):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
        if details:
            print("     " + details.replace("\n", "\n     "))


def flags_of(entry):
    """The entry's compiler flags, without the compiler, the launcher, the optimisation, debug
    and sanitizer flags, the dependency file and the output."""
    words = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    flags, skip = [], 0
    for i, word in enumerate(words):
        if skip:
            skip -= 1
        elif i == 0 or (i == 1 and not word.startswith("-")):
            continue  # ccache and the compiler
        elif word in ("-o", "-MF", "-MT", "-MQ", "-c"):
            skip = 1
        elif word in ("-MD", "-MMD") or DROPPED.fullmatch(word):
            continue
        else:
            flags.append(word)
    return flags


def werror_commands(source, folder, *options):
    """(compile commands with -Werror, compile commands) of SOURCE configured into FOLDER."""
    result = subprocess.run(["cmake", "-S", source, "-B", folder, "-DCMAKE_BUILD_TYPE=Release",
                             "-DCLOUDPLAN_TESTS=OFF", *options], capture_output=True, text=True,
                            timeout=600)
    if result.returncode != 0:
        return None, result.stderr
    with open(os.path.join(folder, "compile_commands.json"), encoding="utf-8") as f:
        commands = [e.get("command", " ".join(e.get("arguments", []))) for e in json.load(f)]
    return sum("-Werror" in c.split() for c in commands), len(commands)


def test_werror_only_when_asked(source):
    with tempfile.TemporaryDirectory(prefix="cloudplan-configure-") as folder:
        werror, commands = werror_commands(source, folder)
        check(werror == 0 and commands > 0,
              "a plain Release configuration leaves warnings warnings (no -Werror)",
              f"{werror} of {commands} compile commands have -Werror")
        werror, commands = werror_commands(source, folder, "-DCLOUDPLAN_WERROR=ON")
        check(werror == commands and commands > 0,
              "-DCLOUDPLAN_WERROR=ON makes them errors in every compile command",
              f"{werror} of {commands} compile commands have -Werror")


def uses_boost_graph(path):
    with open(path, encoding="utf-8") as f:
        return re.search(r"^#include <boost/graph/", f.read(), re.M) is not None


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    build = os.path.abspath(sys.argv[1])
    test_werror_only_when_asked(os.path.abspath(sys.argv[2]))
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)
    sources = [e for e in entries if "/tests/" not in e["file"] and uses_boost_graph(e["file"])]
    check(len(sources) >= 2, "compile_commands.json has the sources that use Boost.Graph",
          str([e["file"] for e in entries]))
    for compiler in COMPILERS:
        check(shutil.which(compiler) is not None, f"{compiler} is installed")
        if not shutil.which(compiler):
            continue
        # The flags may be another compiler's: -Wno-restrict is the project's for GCC 12 only.
        extra = ["-Wno-unknown-warning-option"] if compiler == "clang++" else []
        for entry in sources:
            with tempfile.TemporaryDirectory(prefix="cloudplan-o3-") as folder:
                command = [*LAUNCHER, compiler, *flags_of(entry), *extra, "-O3", "-DNDEBUG",
                           "-Werror", "-c", entry["file"], "-o", os.path.join(folder, "out.o")]
                result = subprocess.run(command, cwd=entry["directory"], capture_output=True,
                                        text=True, timeout=900)
            check(result.returncode == 0 and result.stderr == "",
                  f"{compiler} -O3 compiles {os.path.basename(entry['file'])} without a warning",
                  " ".join(command) + "\n" + result.stderr[-6000:])
    if failures:
        print(f"\n{len(failures)} check(s) failed:\n  " + "\n  ".join(failures))
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
