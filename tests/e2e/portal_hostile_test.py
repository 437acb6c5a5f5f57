#!/usr/bin/env python3
"""Hostile clients of the submission portal (the real binary, `cloudplan serve` on the samples'
store): what a security review found, each kept as a case.

- a body is refused before it is read: a chunked upload (411), one whose Content-Length is over
  the limit (413, answered though the body never comes), one from nobody (401);
- a department reads neither its ministry's submissions nor their files (which hold its sibling
  departments' rows);
- a CSRF token or a sign-in's token in the query string counts for nothing;
- a path with a line break cannot forge a line of the server's log;
- a wrong bearer token, guessed again and again, is refused 429 once the address failed 10 times;
- a plan's number too long for the store is a 404, not a crash.

    portal_hostile_test.py CLOUDPLAN_BINARY SOURCE_FOLDER

Prints one line per check and 'N passed, N failed' last."""
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

BINARY = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2] if len(sys.argv) > 2 else os.getcwd())
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)),
          flush=True)


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, check=True)


def raw(port, head, body=b"", wait=5.0):
    """Sends `head` (and `body`) on a fresh connection; the answer's status line and headers, or
    '' when the server closed without one within `wait` seconds."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(head.encode() + body)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except socket.timeout:
            pass
    return answer.split(b"\r\n\r\n")[0].decode(errors="replace")


def request(port, method, path, token=None, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=body, headers=all_headers)
    response = connection.getresponse()
    return response.status, response.read()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "national.db")
        run("store", "init", db, "--agencies", "samples/government/agencies.csv", "-q")
        for ministry in ["DGA", "MOE", "MOF", "MOH", "MOI"]:
            run("submit", db, "--agency", ministry, os.path.join("samples", "submissions", ministry),
                "-q")
        mof_submission = 4  # the register is 1; DGA, MOE, then MOF
        tax = run("serve-user", db, "add", "tax", "--agency", "MOF-TAX").stdout.splitlines()[-1]
        moh = run("serve-user", db, "add", "moh", "--agency", "MOH").stdout.splitlines()[-1]
        reviewer = run("serve-user", db, "add", "rev", "--role", "reviewer").stdout.splitlines()[-1]
        log = os.path.join(tmp, "serve.err")
        with open(os.path.join(tmp, "serve.out"), "w") as out, open(log, "w") as err:
            server = subprocess.Popen([BINARY, "serve", db, "--listen", "127.0.0.1:0",
                                       "--max-request-mb", "1"], stdout=out, stderr=err)
        try:
            port = None
            for _ in range(300):
                found = re.search(r"127\.0\.0\.1:(\d+)/", open(os.path.join(tmp, "serve.out")).read())
                if found:
                    port = int(found.group(1))
                    break
                time.sleep(0.05)
            check("the server starts", port is not None)
            submissions = "/api/agencies/MOH/submissions"

            answer = raw(port, f"POST {submissions} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                               f"{moh}\r\nTransfer-Encoding: chunked\r\n"
                               "Content-Type: multipart/form-data; boundary=b\r\n\r\n")
            check("a chunked upload is refused before its body is read (411)",
                  answer.startswith("HTTP/1.1 411"), answer)
            started = time.monotonic()
            answer = raw(port, f"POST {submissions} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                               f"{moh}\r\nContent-Length: 5000000000\r\n"
                               "Content-Type: multipart/form-data; boundary=b\r\n\r\n")
            check("an upload declared over the limit is refused at once, its body never sent (413)",
                  answer.startswith("HTTP/1.1 413") and time.monotonic() - started < 3, answer)
            answer = raw(port, f"POST {submissions} HTTP/1.1\r\nHost: x\r\nContent-Length: 900000"
                               "\r\nContent-Type: multipart/form-data; boundary=b\r\n\r\n")
            check("an upload from nobody is refused before its body is read (401)",
                  answer.startswith("HTTP/1.1 401"), answer)

            status, body = request(port, "GET", f"/api/submissions/{mof_submission}", tax)
            check("a department does not read its ministry's submission (403)", status == 403,
                  status)
            check("the refusal does not say whose the submission is",
                  b"MOF'" not in body and b"is not a submission of MOF-TAX" in body, body)
            status, _ = request(port, "GET", f"/submissions/{mof_submission}/files/"
                                             "samples%2Fsubmissions%2FMOF%2Fsystems.csv", tax)
            check("nor its files, which hold the other departments' rows (403)", status == 403,
                  status)
            status, _ = request(port, "GET", "/agencies/MOF-TAX/current/systems.csv", tax)
            check("its own part it reads (200)", status == 200, status)

            status, _ = request(port, "POST", "/agencies/MOH/submissions?csrf=anything",
                                body=b"message=x", headers={
                                    "Content-Type": "application/x-www-form-urlencoded",
                                    "Cookie": "cloudplan_session=not-a-session"})
            check("a CSRF token in the query string counts for nothing (401 without a session)",
                  status == 401, status)
            status, _ = request(port, "POST", f"/login?name=moh&token={moh}&nonce=n", body=b"",
                                headers={"Cookie": "cloudplan_login=n", "Content-Length": "0"})
            check("a sign-in from the query string is refused (the token would be in logs)",
                  status == 401, status)

            request(port, "GET", "/x%0aserve:%20127.0.0.1%20POST%20/api/plans%20201")
            time.sleep(0.2)
            lines = open(log, encoding="utf-8", errors="replace").read().splitlines()
            check("a path with a line break cannot forge a line of the log",
                  not any(line.startswith("serve: 127.0.0.1 POST /api/plans") for line in lines),
                  lines[-3:])

            for path in ["/plans/99999999999999/report.html", "/api/plans/99999999999999",
                         "/plans/diff?from=1x&to=2"]:
                status, _ = request(port, "GET", path, reviewer)
                check(f"{path}: a number that is not a plan's is an answer, not a crash",
                      status in (400, 404), status)
            wrong = moh[:-4] + ("AAAA" if not moh.endswith("AAAA") else "BBBB")
            statuses = [request(port, "GET", "/api/me", wrong)[0] for _ in range(12)]
            # The failed sign-in above counts too: 10 failures of either kind from one address.
            check("a wrong token is 401, and 429 once the address has failed 10 times",
                  statuses[:9] == [401] * 9 and statuses[9:] == [429] * 3, statuses)

            check("the server is still up", server.poll() is None)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
