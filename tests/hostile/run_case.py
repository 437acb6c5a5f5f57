#!/usr/bin/env python3
"""Runs one hostile-input case against the built binary.

    run_case.py PATH/TO/cloudplan CASE_FOLDER

A case is a folder tests/hostile/NAME/ with a case.json and the small input files it needs. The
folder is copied to a scratch folder, which is the working directory of every run, so the paths
that cloudplan prints are relative. case.json holds one run, or a list of them under "runs":

    {
      "why": "what the case is about (issue 9 item 1: template overwrote a filled-in inventory)",
      "args": ["template", "ministry"],   # cloudplan's arguments
      "stdin": "input.csv",               # optional: a file of the case fed to standard input
      "exit": 1,                          # the exit code expected
      "stderr": "exact text",             # optional: the whole of standard error, exactly
      "stderr_has": ["a line", ...],      # optional: lines that must each be in standard error
      "stdout": "...", "stdout_has": [...],   # the same for standard output
      "timeout": 60,                      # seconds (default 60); a hang fails the case
      "max_rss_mb": 300                   # optional: peak memory of the run
    }

In expected text, {work} stands for the scratch folder's absolute path. Before the runs, an optional
setup.py in the case folder runs in the scratch folder (to generate large or odd inputs: FIFOs,
links, files of a million lines); after them, an optional check.py runs there and fails the case by
exiting non-zero (to check what was written or left alone). Both get the binary's path in the
environment as CLOUDPLAN. Under the sanitizers (CLOUDPLAN_SANITIZED=1) memory limits are not
checked and timeouts are five times longer.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading


def fail(case, message):
    print(f"FAIL {case}: {message}")
    sys.exit(1)


def run_binary(command, cwd, env, stdin, timeout):
    """(exit code, stdout, stderr, peak memory in MB) of one run; None when it did not end."""
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=stdin, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    streams = {}
    readers = [threading.Thread(target=lambda name, pipe: streams.update({name: pipe.read()}),
                                args=(name, pipe)) for name, pipe in
               (("out", process.stdout), ("err", process.stderr))]
    for reader in readers:
        reader.start()
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    # wait4 rather than wait: the peak memory of this child alone, not of setup.py too.
    _, status, usage = os.wait4(process.pid, 0)
    timed_out = not timer.is_alive()
    timer.cancel()
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if timed_out:
        return None
    return process.returncode, streams["out"], streams["err"], usage.ru_maxrss / 1024


def compare(case, index, stream, actual, expected, lines):
    if expected is not None and actual != expected:
        fail(case, f"run {index}: {stream} differs\n--- expected\n{expected}--- actual\n{actual}---")
    for line in lines or []:
        if line not in actual.splitlines():
            fail(case, f"run {index}: {stream} lacks the line\n  {line}\n--- actual\n{actual}---")


def main():
    binary, folder = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    case = os.path.basename(folder)
    with open(os.path.join(folder, "case.json"), encoding="utf-8") as f:
        spec = json.load(f)
    runs = spec.get("runs", [spec])
    sanitized = os.environ.get("CLOUDPLAN_SANITIZED") == "1"
    env = dict(os.environ, CLOUDPLAN=binary, LC_ALL="C.UTF-8")
    if sanitized:
        # LeakSanitizer reports the suppressions it used on stderr, which the cases compare.
        env["LSAN_OPTIONS"] = ":".join(filter(None, [env.get("LSAN_OPTIONS"),
                                                     "print_suppressions=0"]))
    with tempfile.TemporaryDirectory(prefix=f"hostile-{case}-") as scratch:
        work = os.path.join(scratch, "work")
        shutil.copytree(folder, work, symlinks=True)
        if os.path.exists(os.path.join(work, "setup.py")):
            subprocess.run([sys.executable, "setup.py"], cwd=work, env=env, check=True)
        for index, run in enumerate(runs, 1):
            stdin = subprocess.DEVNULL
            if "stdin" in run:
                stdin = open(os.path.join(work, run["stdin"]), "rb")
            timeout = run.get("timeout", 60) * (5 if sanitized else 1)
            result = run_binary([binary, *run["args"]], work, env, stdin, timeout)
            if result is None:
                fail(case, f"run {index}: no answer in {timeout} s")
            code, out, err, peak = result
            out = out.decode("utf-8", "replace").replace(work, "{work}")
            err = err.decode("utf-8", "replace").replace(work, "{work}")
            if code != run["exit"]:
                fail(case, f"run {index}: exit {code}, expected {run['exit']}\n"
                     f"--- stdout\n{out[:4000]}--- stderr\n{err[:4000]}---")
            compare(case, index, "stderr", err, run.get("stderr"), run.get("stderr_has"))
            compare(case, index, "stdout", out, run.get("stdout"), run.get("stdout_has"))
            if "max_rss_mb" in run and not sanitized:
                if peak > run["max_rss_mb"]:
                    fail(case, f"run {index}: peak memory {peak:.0f} MB over {run['max_rss_mb']} MB")
        if os.path.exists(os.path.join(work, "check.py")):
            result = subprocess.run([sys.executable, "check.py"], cwd=work, env=env,
                                    capture_output=True, text=True)
            if result.returncode != 0:
                fail(case, f"check.py: {result.stdout}{result.stderr}")
    print(f"ok   {case}")


if __name__ == "__main__":
    main()
