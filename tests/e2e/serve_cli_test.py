#!/usr/bin/env python3
"""End-to-end tests of the command `cloudplan serve` (the portal itself is tested in
tests/server/): the real binary refuses every usage mistake with its exact message and exit code
before it listens, serves a store of the samples' register on a free loopback port, answers
GET /login, logs each request on stderr, refuses a port another server (or another portal)
listens on, and stops cleanly on SIGTERM and SIGINT.

    serve_cli_test.py CLOUDPLAN_BINARY SOURCE_FOLDER

Prints one line per check and 'N passed, N failed' last."""
import http.client
import os
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

BINARY = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2] if len(sys.argv) > 2 else os.getcwd())
results = {"passed": 0, "failed": 0}
LISTEN_REFUSED = ("serve: error: --listen '%s' is reachable from other machines (serve on "
                  "127.0.0.1 behind a reverse proxy that terminates TLS, see docs/portal.md; or add "
                  "--public if this is what you want)\n")
NOT_ADDRESS = ("serve: error: --listen '%s' is not an address and port (write HOST:PORT, for "
               "example 127.0.0.1:8080)\n")
PORT_IN_USE = ("serve: error: cannot listen on %s (is another server using the port? choose "
               "another with --listen)\n")


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))
    return condition


def run(*args, seconds=60):
    """Runs the binary to its end; one that still runs after SECONDS (it serves) is killed and
    reported as exit -1."""
    env = dict(os.environ)
    env.pop("CLOUDPLAN_NOW", None)
    try:
        return subprocess.run([BINARY, *args], capture_output=True, text=True, env=env,
                              timeout=seconds)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, -1, "still running after %d s: " % seconds +
                                           str(e.stdout), str(e.stderr))


def shown(result):
    return "exit %d, stdout %r, stderr %r" % (result.returncode, result.stdout, result.stderr)


def test_refusals(db, tmp):
    missing = os.path.join(tmp, "missing.db")
    not_store = os.path.join(tmp, "notes.txt")
    with open(not_store, "w", encoding="utf-8") as f:
        f.write("not a store\n")
    no_config = os.path.join(tmp, "none.toml")
    bad_config = os.path.join(tmp, "bad.toml")
    with open(bad_config, "w", encoding="utf-8") as f:
        f.write("wave_capacity = 5\nbogus = 1\n")
    number = "cloudplan serve: error: %s '%s' is not a whole number from 1 to %s (%s)\n"
    cases = [
        ("no store", [], 2,
         "cloudplan serve: error: store is required (cloudplan serve --help lists the options)\n"),
        ("--listen without a port", [db, "--listen", "localhost"], 2, NOT_ADDRESS % "localhost"),
        ("--listen without a host", [db, "--listen", ":8080"], 2, NOT_ADDRESS % ":8080"),
        ("--listen past port 65535", [db, "--listen", "127.0.0.1:65536"], 2,
         NOT_ADDRESS % "127.0.0.1:65536"),
        ("--listen with a port that is no number", [db, "--listen", "127.0.0.1:http"], 2,
         NOT_ADDRESS % "127.0.0.1:http"),
        ("--listen ''", [db, "--listen", ""], 2, NOT_ADDRESS % ""),
        ("every IPv4 address without --public", [db, "--listen", "0.0.0.0:8080"], 2,
         LISTEN_REFUSED % "0.0.0.0:8080"),
        ("an address of the network without --public", [db, "--listen", "10.1.2.3:80"], 2,
         LISTEN_REFUSED % "10.1.2.3:80"),
        ("every IPv6 address without --public", [db, "--listen", "[::]:8080"], 2,
         LISTEN_REFUSED % "[::]:8080"),
        ("--base-url without its scheme", [db, "--base-url", "portal.gov.example"], 2,
         "serve: error: --base-url 'portal.gov.example' is not an http(s) URL (write it as users "
         "reach the portal, for example https://portal.gov.example)\n"),
        ("--base-url of another scheme", [db, "--base-url", "ftp://portal.gov.example"], 2,
         "serve: error: --base-url 'ftp://portal.gov.example' is not an http(s) URL (write it as "
         "users reach the portal, for example https://portal.gov.example)\n"),
        ("--max-file-mb 0", [db, "--max-file-mb", "0"], 2,
         number % ("--max-file-mb", "0", "900", "MiB of an upload")),
        ("--max-file-mb past what the store keeps (900 MiB)", [db, "--max-file-mb", "901"], 2,
         number % ("--max-file-mb", "901", "900", "MiB of an upload")),
        ("--max-request-mb that is no number", [db, "--max-request-mb", "1G"], 2,
         number % ("--max-request-mb", "1G", "900", "MiB of an upload")),
        ("--max-files 0", [db, "--max-files", "0"], 2,
         number % ("--max-files", "0", "10000", "files in one upload")),
        ("--max-files past 10000", [db, "--max-files", "10001"], 2,
         number % ("--max-files", "10001", "10000", "files in one upload")),
        ("--workers 0", [db, "--workers", "0"], 2,
         number % ("--workers", "0", "1024", "requests handled at once")),
        ("--workers past 1024", [db, "--workers", "1025"], 2,
         number % ("--workers", "1025", "1024", "requests handled at once")),
        ("--workers negative", [db, "--workers=-1"], 2,
         number % ("--workers", "-1", "1024", "requests handled at once")),
        ("a --config that is not there", [db, "--config", no_config], 2,
         "%s: error: cannot read the settings file (No such file or directory)\n" % no_config),
        ("a --config with an unknown setting", [db, "--config", bad_config], 2,
         "%s:2: error: unknown setting 'bogus' (cloudplan template writes a cloudplan.toml with "
         "every setting)\n" % bad_config),
        ("a store that is not there", [missing, "--listen", "127.0.0.1:0"], 1,
         "serve: error: %s: no store here (create one with cloudplan store init %s --agencies "
         "agencies.csv)\n" % (missing, missing)),
        ("a file that is not a store", [not_store, "--listen", "127.0.0.1:0"], 1,
         "serve: error: %s: not a cloudplan store (not an SQLite database; name the store that "
         "cloudplan store init made)\n" % not_store),
        # --public lifts the refusal: what stops it then is the store, before it listens.
        ("--public on every address, then a store that is not there",
         [missing, "--listen", "0.0.0.0:0", "--public"], 1,
         "serve: warning: --listen '0.0.0.0:0' with --public: the portal speaks plain HTTP (put a "
         "reverse proxy that terminates TLS in front, see docs/portal.md)\n"
         "serve: error: %s: no store here (create one with cloudplan store init %s --agencies "
         "agencies.csv)\n" % (missing, missing)),
    ]
    for what, args, code, stderr in cases:
        result = run("serve", *args)
        check("refused: %s (exit %d, its message)" % (what, code),
              result.returncode == code and result.stderr == stderr and result.stdout == "",
              shown(result))
    check("no refusal made a store", not os.path.exists(missing))
    check("the file that is not a store is left as it was",
          open(not_store, encoding="utf-8").read() == "not a store\n")

    # "Plan now" plans with the cloudplan.toml beside the store when --config is not given.
    beside = os.path.join(tmp, "beside")
    os.mkdir(beside)
    result = run("store", "init", os.path.join(beside, "national.db"), "--agencies",
                 "samples/government/agencies.csv")
    check("store init of a second store exits 0", result.returncode == 0, shown(result))
    with open(os.path.join(beside, "cloudplan.toml"), "w", encoding="utf-8") as f:
        f.write("bogus = 1\n")
    result = run("serve", os.path.join(beside, "national.db"), "--listen", "127.0.0.1:0")
    check("refused: the cloudplan.toml beside the store, with an unknown setting (exit 2)",
          result.returncode == 2 and result.stdout == "" and result.stderr ==
          "%s:1: error: unknown setting 'bogus' (cloudplan template writes a cloudplan.toml with "
          "every setting)\n" % os.path.join(beside, "cloudplan.toml"), shown(result))


class Server:
    """A `cloudplan serve` running in the background, its output read as it comes."""

    def __init__(self, *args):
        env = dict(os.environ)
        env.pop("CLOUDPLAN_NOW", None)
        self.process = subprocess.Popen([BINARY, *args], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env=env)
        self.stdout = b""
        self.stderr = b""

    def read_until(self, stream, pattern, seconds=20):
        """Reads STREAM ('stdout' or 'stderr') until PATTERN matches what was read, or the
        process ends, or SECONDS pass; returns the match or None."""
        pipe = getattr(self.process, stream)
        deadline = time.monotonic() + seconds
        while True:
            match = re.search(pattern, getattr(self, stream))
            if match or time.monotonic() > deadline:
                return match
            ready, _, _ = select.select([pipe], [], [], 0.1)
            if ready:
                data = os.read(pipe.fileno(), 65536)
                if not data:
                    return re.search(pattern, getattr(self, stream))
                setattr(self, stream, getattr(self, stream) + data)

    def stop(self, sig):
        """Sends SIG and waits for the end; returns the exit code and the output read to the
        end."""
        self.process.send_signal(sig)
        out, err = self.process.communicate(timeout=30)
        self.stdout += out
        self.stderr += err
        return self.process.returncode

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def get(host, port, path):
    connection = http.client.HTTPConnection(host, port, timeout=20)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def listening(host, port):
    try:
        with socket.create_connection((host, port), timeout=5):
            return True
    except OSError:
        return False


def test_serving(db):
    server = Server("serve", db, "--listen", "127.0.0.1:0")
    try:
        first = server.read_until(
            "stdout", rb"\A(serving (.*) at http://127\.0\.0\.1:([0-9]+)/ \(Ctrl-C stops\)\n)")
        if not check("serve --listen 127.0.0.1:0 prints 'serving DB at http://127.0.0.1:PORT/ "
                     "(Ctrl-C stops)'", first is not None and first.group(2) == db.encode(),
                     (server.stdout, server.stderr)):
            return
        port = int(first.group(3))
        check("the port picked is a real one", 0 < port < 65536, port)
        status, _ = get("127.0.0.1", port, "/login")
        check("GET /login answers 200", status == 200, status)
        status, location = get("127.0.0.1", port, "/")
        check("GET / without a session answers 303 to /login", (status, location) == (303, "/login"),
              (status, location))
        # Each answer is logged by the thread that gave it, once it is sent: two requests, one
        # after the other, may be logged in either order.
        logged = [server.read_until("stderr", line) is not None
                  for line in (rb"(?m)^serve: 127\.0\.0\.1 GET /login 200\n",
                               rb"(?m)^serve: 127\.0\.0\.1 GET / 303\n")]
        check("each request is logged on stderr: address, method, path, status", all(logged),
              server.stderr)

        # A second portal on the port of the first is refused, not let in to share it.
        result = run("serve", db, "--listen", "127.0.0.1:%d" % port, seconds=10)
        check("a second serve on the port of a running one: exit 1, the port in use",
              result.returncode == 1 and result.stdout == "" and
              result.stderr == PORT_IN_USE % ("127.0.0.1:%d" % port), shown(result))
        status, _ = get("127.0.0.1", port, "/login")
        check("and the first still answers", status == 200, status)

        code = server.stop(signal.SIGTERM)
        check("SIGTERM stops it: exit 0, 'serve: stopped' last on stdout",
              code == 0 and server.stdout == first.group(1) + b"serve: stopped\n",
              (code, server.stdout, server.stderr))
        check("nothing but the request lines on stderr",
              all(line.startswith(b"serve: 127.0.0.1 GET ")
                  for line in server.stderr.splitlines()), server.stderr)
        check("the port is closed once it stopped", not listening("127.0.0.1", port))
    finally:
        server.kill()


def test_port_in_use(db):
    # Another server (this test's own socket, listening) holds the port.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen(1)
        port = other.getsockname()[1]
        result = run("serve", db, "--listen", "127.0.0.1:%d" % port, seconds=10)
        check("serve on a port another server listens on: exit 1, its exact message",
              result.returncode == 1 and result.stdout == "" and
              result.stderr == PORT_IN_USE % ("127.0.0.1:%d" % port), shown(result))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_sigint_and_quiet(db):
    server = Server("serve", db, "--listen", "127.0.0.1:0")
    try:
        started = server.read_until("stdout", rb"Ctrl-C stops\)\n") is not None
        code = server.stop(signal.SIGINT)
        check("SIGINT (Ctrl-C) stops it too: exit 0, 'serve: stopped'",
              started and code == 0 and server.stdout.endswith(b"\nserve: stopped\n") and
              server.stderr == b"", (code, server.stdout, server.stderr))
    finally:
        server.kill()

    port = free_port()
    server = Server("-q", "serve", db, "--listen", "127.0.0.1:%d" % port)
    try:
        deadline = time.monotonic() + 20
        while not listening("127.0.0.1", port) and time.monotonic() < deadline:
            if server.process.poll() is not None:
                break
            time.sleep(0.05)
        status, _ = get("127.0.0.1", port, "/login")
        logged = server.read_until("stderr", rb"serve: 127\.0\.0\.1 GET /login 200\n")
        code = server.stop(signal.SIGTERM)
        check("-q serve prints nothing on stdout, its request lines on stderr, and exits 0",
              status == 200 and logged is not None and code == 0 and server.stdout == b"",
              (status, code, server.stdout, server.stderr))
    finally:
        server.kill()


def ipv6_loopback():
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


def test_ipv6(db):
    if not ipv6_loopback():
        print("skip IPv6: this machine has no ::1")
        return
    server = Server("serve", db, "--listen", "[::1]:0")
    try:
        first = server.read_until("stdout", rb"\Aserving .* at http://\[::1\]:([0-9]+)/ "
                                  rb"\(Ctrl-C stops\)\n")
        if check("serve --listen [::1]:0 names the address in brackets, as a URL does",
                 first is not None, (server.stdout, server.stderr)):
            status, _ = get("::1", int(first.group(1)), "/login")
            check("GET /login on [::1] answers 200", status == 200, status)
        code = server.stop(signal.SIGTERM)
        check("and stops with exit 0", code == 0, (code, server.stderr))
    finally:
        server.kill()


def main():
    with tempfile.TemporaryDirectory(prefix="cloudplan-serve-cli-") as tmp:
        db = os.path.join(tmp, "national.db")
        result = run("store", "init", db, "--agencies", "samples/government/agencies.csv")
        check("store init exits 0", result.returncode == 0, shown(result))
        test_refusals(db, tmp)
        test_serving(db)
        test_port_in_use(db)
        test_sigint_and_quiet(db)
        test_ipv6(db)
    print("%d passed, %d failed" % (results["passed"], results["failed"]))
    sys.exit(1 if results["failed"] else 0)


main()
