#!/usr/bin/env python3
"""End-to-end tests of the submission portal: the real binary runs `cloudplan serve` on a store of
the samples, on a free loopback port, and this script drives it over HTTP as a browser would
(cookies and forms by hand: the login form's nonce, each form's csrf field, multipart uploads):

- a ministry's officer signs in, uploads a good inventory and a bad one through the page's form,
  reads the feedback (the bad one's FILE:LINE error), its history, the files it sent, the id
  register (equal to `export --ids`), and every link of its page answers;
- the national office plans (POST /plans, the "plan now" form); a reviewer reads the report and
  downloads the plan's plan.json, which ../shared/tools/check_plan.py checks;
- kill -9 of the server in the middle of a burst of concurrent uploads (page form and API): after
  a restart on the same store, every upload that got an answer is in the history as answered,
  `store check` passes, and the sessions made before the kill still work;
- `serve`'s usage errors, with their exact messages.

    portal_test.py CLOUDPLAN_BINARY SOURCE_FOLDER

Prints one line per check and 'N passed, N failed' last."""
import html
import html.parser
import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

BINARY = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2] if len(sys.argv) > 2 else os.getcwd())
SHARED = os.path.join(os.getcwd(), "..", "shared", "tools")
SANITIZED = os.environ.get("CLOUDPLAN_SANITIZED") == "1"
MOH = os.path.join("samples", "submissions", "MOH")
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)),
          flush=True)


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True)


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Server:
    """`cloudplan serve DB --listen 127.0.0.1:0`, its output in files (its log of every request
    goes to stderr: a pipe nobody reads would fill and stop it)."""

    def __init__(self, db, tmp, name):
        self.out = os.path.join(tmp, name + ".stdout")
        self.err = os.path.join(tmp, name + ".stderr")
        with open(self.out, "w") as out, open(self.err, "w") as err:
            self.process = subprocess.Popen([BINARY, "serve", db, "--listen", "127.0.0.1:0"],
                                            stdout=out, stderr=err)
        self.port = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            first = open(self.out).readline()
            found = re.fullmatch(r"serving (.+) at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C stops\)\n",
                                 first)
            if found:
                self.first_line = first
                self.port = int(found.group(2))
                return
            time.sleep(0.05)
        self.first_line = open(self.out).read()

    def stderr(self):
        return open(self.err).read()

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        return self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


class Page(html.parser.HTMLParser):
    """A page's forms (action, method, enctype, fields), links, table rows (their cells' text)
    and text."""

    def __init__(self, text):
        super().__init__()
        self.forms, self.links, self.parts, self.form, self.rows = [], [], [], None, []
        self.feed(text)
        self.text = re.sub(r"\s+", " ", "".join(self.parts))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.rows[-1].append("")
        if tag == "form":
            self.form = {"action": attrs.get("action"), "method": attrs.get("method", "get"),
                         "enctype": attrs.get("enctype", ""), "fields": {}, "buttons": []}
            self.forms.append(self.form)
        elif tag == "input" and self.form is not None and attrs.get("name"):
            self.form["fields"][attrs["name"]] = attrs
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None

    def handle_data(self, data):
        self.parts.append(data)
        if self.rows and self.rows[-1]:
            self.rows[-1][-1] += data
        if self.form is not None and self.lasttag == "button":
            self.form["buttons"].append(data.strip())

    def form_to(self, action):
        return next((f for f in self.forms if f["action"] == action), None)


class Answer:
    def __init__(self, response, body):
        self.status = response.status
        self.headers = response.msg
        self.body = body

    def header(self, name):
        return self.headers.get(name) or ""

    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None


class Client:
    """One browser: its cookies, kept by hand from Set-Cookie."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.bearer = None

    def request(self, method, path, body=None, headers=None, timeout=60):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % item for item in self.cookies.items())
        if self.bearer:
            headers["Authorization"] = "Bearer " + self.bearer
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            answer = Answer(response, response.read())
        finally:
            connection.close()
        for cookie in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";")[0]
            if re.search(r";\s*Max-Age=0\b", cookie) or not value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return answer

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, fields):
        return self.request("POST", path, urllib.parse.urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path, fields, files):
        body, content_type = multipart(fields, files)
        return self.request("POST", path, body, {"Content-Type": content_type})

    def page(self, path):
        answer = self.get(path)
        return answer, Page(answer.text())

    def login(self, name, token):
        """GET /login, then POST its form: its nonce and the name and token typed in."""
        _, login = self.page("/login")
        form = login.form_to("/login")
        fields = {n: f.get("value", "") for n, f in (form or {"fields": {}})["fields"].items()}
        fields.update(name=name, token=token)
        return self.post_form("/login", fields)


def multipart(fields, files):
    """multipart/form-data as a browser sends a form: `fields` (name, text), `files` (name,
    filename, bytes)."""
    boundary = "----cloudplan-e2e-" + secrets.token_hex(12)
    body = b""
    for name, value in fields:
        body += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' %
                 (boundary, name)).encode() + value.encode() + b"\r\n"
    for name, filename, content in files:
        body += ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
                 'Content-Type: text/csv\r\n\r\n' % (boundary, name, filename)).encode()
        body += content + b"\r\n"
    body += ("--%s--\r\n" % boundary).encode()
    return body, "multipart/form-data; boundary=" + boundary


def upload_fields(page, action, message):
    """The upload form's hidden fields (its csrf) and the message typed in."""
    form = page.form_to(action)
    if form is None:
        return None
    fields = [(n, f.get("value", "")) for n, f in form["fields"].items()
              if f.get("type") == "hidden"]
    return fields + [("message", message)]


def moh_files(systems=None):
    return [("file", "systems.csv", systems if systems is not None else
             read(os.path.join(MOH, "systems.csv"))),
            ("file", "dependencies.csv", read(os.path.join(MOH, "dependencies.csv")))]


def changed_line(path, number, old, new):
    lines = read(path).split(b"\n")
    check("the sample line %d of %s has %r" % (number, path, old), old in lines[number - 1])
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return b"\n".join(lines)


def history(db):
    """{number: (agency, accepted)} of `cloudplan history DB`."""
    found = re.findall(r"^#(\d+)  \S+  (\S+)  (accepted|rejected)  ", run("history", db).stdout,
                       re.M)
    return {int(n): (agency, outcome == "accepted") for n, agency, outcome in found}


def submission_number(answer):
    found = re.fullmatch(r"/submissions/(\d+)", answer.header("Location"))
    return int(found.group(1)) if found else None


def make_store(tmp):
    db = os.path.join(tmp, "national.db")
    result = run("store", "init", db, "--agencies", "samples/government/agencies.csv", "--by",
                 "National Office")
    check("store init exits 0", result.returncode == 0, result.stderr)
    # MOH is left out: its officer submits it through the portal.
    for ministry in ["DGA", "MOE", "MOF", "MOI"]:
        result = run("submit", db, "--agency", ministry, "samples/submissions/" + ministry,
                     "--by", "CIO " + ministry, "-q")
        check("submit %s exits 0" % ministry, result.returncode == 0, result.stdout[-2000:])
    tokens = {}
    for name, options in [("moh-officer", ["--agency", "MOH"]),
                          ("moe-officer", ["--agency", "MOE"]),
                          ("national-office", ["--role", "national"]),
                          ("reviewer", ["--role", "reviewer"])]:
        result = run("serve-user", db, "add", name, *options)
        lines = result.stdout.splitlines()
        tokens[name] = lines[-1] if lines else ""
        check("serve-user add %s exits 0 and prints its token alone on the last line" % name,
              result.returncode == 0 and re.fullmatch(r"\S{20,}", tokens[name]) is not None,
              result.stdout + result.stderr)
    return db, tokens


def usage_errors(tmp, db):
    cases = [
        (["serve", db, "--listen", "0.0.0.0:8080"], 2,
         "serve: error: --listen 0.0.0.0:8080 is reachable from other machines (serve on "
         "127.0.0.1 behind a reverse proxy that terminates TLS, see docs/portal.md; or add "
         "--public if this is what you want)\n"),
        (["serve", db, "--listen", "127.0.0.1:http"], 2,
         "serve: error: --listen '127.0.0.1:http' is not an address and port (write HOST:PORT, "
         "for example 127.0.0.1:8080)\n"),
        (["serve", db, "--listen", "127.0.0.1:99999"], 2,
         "serve: error: --listen '127.0.0.1:99999' is not an address and port (write HOST:PORT, "
         "for example 127.0.0.1:8080)\n"),
    ]
    missing = os.path.join(tmp, "missing.db")
    cases.append((["serve", missing, "--listen", "127.0.0.1:0"], 1,
                  "serve: error: %s: no store here (create one with cloudplan store init %s "
                  "--agencies agencies.csv)\n" % (missing, missing)))
    for args, code, message in cases:
        result = subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=30)
        label = " ".join(args).replace(tmp + os.sep, "")
        check("%s exits %d with: %s" % (label, code, message.strip()),
              (result.returncode, result.stderr, result.stdout) == (code, message, ""),
              "exit %d, stderr %r, stdout %r" % (result.returncode, result.stderr, result.stdout))
    check("no store file was made by serve on a missing store", not os.path.exists(missing))


def signed_out(server):
    client = Client(server.port)
    answer = client.get("/")
    check("GET / signed out: 303 to /login",
          (answer.status, answer.header("Location")) == (303, "/login"),
          "%d %s" % (answer.status, answer.header("Location")))
    answer = client.get("/api/me")
    check("GET /api/me signed out: 401 with WWW-Authenticate: Bearer, a JSON error",
          answer.status == 401 and answer.header("WWW-Authenticate").startswith("Bearer") and
          (answer.json() or {}).get("status") == 401, "%d %s" % (answer.status, answer.text()))
    answer, page = client.page("/login")
    form = page.form_to("/login")
    check("GET /login: 200, a form with its nonce, a Content-Security-Policy",
          answer.status == 200 and form is not None and "nonce" in form["fields"] and
          "default-src" in answer.header("Content-Security-Policy"),
          "%d %s" % (answer.status, answer.header("Content-Security-Policy")))
    answer = client.login("moh-officer", "cpt_1_wrong")
    check("a wrong token: 401 and the login page says so",
          answer.status == 401 and "the account name or token is wrong" in Page(answer.text()).text
          and "cloudplan_session" not in client.cookies, "%d %s" % (answer.status, answer.text()))


def agency_officer(server, db, tokens, tmp):
    """MOH's officer: sign in, a good upload, a bad one, the feedback, history and downloads.
    Returns the signed-in client."""
    client = Client(server.port)
    answer = client.login("moh-officer", tokens["moh-officer"])
    session = next((c for c in answer.headers.get_all("Set-Cookie") or []
                    if c.startswith("cloudplan_session=")), "")
    check("sign in: 303 to /, a session cookie HttpOnly, SameSite=Strict, not Secure over http",
          answer.status == 303 and answer.header("Location") == "/" and
          "HttpOnly" in session and "SameSite=Strict" in session and "Secure" not in session,
          "%d %s" % (answer.status, session))
    answer = client.get("/")
    check("GET / as MOH's officer: 303 to /agencies/MOH",
          (answer.status, answer.header("Location")) == (303, "/agencies/MOH"),
          "%d %s" % (answer.status, answer.header("Location")))
    answer, page = client.page("/agencies/MOH")
    form = page.form_to("/agencies/MOH/submissions")
    check("MOH's page: 200 with its upload form (multipart, file, message, csrf)",
          answer.status == 200 and form is not None and
          form["enctype"] == "multipart/form-data" and
          {"file", "message", "csrf"} <= set(form["fields"]), answer.status)
    fields = upload_fields(page, "/agencies/MOH/submissions", "first inventory") or []
    before = history(db)

    without = [f for f in fields if f[0] != "csrf"]
    answer = client.post_multipart("/agencies/MOH/submissions", without, moh_files())
    check("an upload without the form's csrf field: 403, nothing recorded",
          answer.status == 403 and history(db) == before, answer.status)

    answer = client.post_multipart("/agencies/MOH/submissions", fields, moh_files())
    good = submission_number(answer)
    check("the good upload: 303 to its feedback /submissions/N", answer.status == 303 and good,
          "%d %s %s" % (answer.status, answer.header("Location"), answer.text()[:500]))
    answer, page = client.page("/submissions/%s" % good)
    check("its feedback: 200, accepted", answer.status == 200 and
          'class="verdict accepted"' in answer.text() and "ACCEPTED" in page.text,
          page.text[:500])
    for name in ["systems.csv", "dependencies.csv"]:
        href = "/submissions/%s/files/%s" % (good, name)
        answer = client.get(href)
        check("the feedback links %s, and it is the file sent, byte for byte" % href,
              href in page.links and answer.status == 200 and
              answer.body == read(os.path.join(MOH, name)) and
              answer.header("Content-Disposition").startswith("attachment"),
              "%d %s" % (answer.status, page.links))

    bad = changed_line(os.path.join(MOH, "systems.csv"), 5, b",replatform,", b",replatfrom,")
    _, page = client.page("/agencies/MOH")
    fields = upload_fields(page, "/agencies/MOH/submissions", "a typo") or []
    answer = client.post_multipart("/agencies/MOH/submissions", fields, moh_files(bad))
    rejected = submission_number(answer)
    check("the bad upload: 303 to its feedback too", answer.status == 303 and rejected,
          "%d %s" % (answer.status, answer.header("Location")))
    answer, page = client.page("/submissions/%s" % rejected)
    error = ("systems.csv:5: error: strategy 'replatfrom' is not one of rehost, replatform, "
             "refactor, repurchase, relocate, retire, retain (did you mean 'replatform'?)")
    check("its feedback: 200, rejected, with the FILE:LINE error: " + error,
          answer.status == 200 and 'class="verdict rejected"' in answer.text() and
          error in page.text, page.text[-1500:])

    answer = client.get("/api/agencies/MOH/submissions")
    listed = [(s.get("submission"), s.get("accepted")) for s in
              (answer.json() or {}).get("submissions", [])]
    check("the history (API, the session's cookie): the rejected upload, then the accepted one",
          answer.status == 200 and listed[:2] == [(rejected, False), (good, True)], listed)
    _, page = client.page("/agencies/MOH")
    check("MOH's page lists both in its history, each linked to its feedback",
          "/submissions/%s" % good in page.links and "/submissions/%s" % rejected in page.links
          and ["#%s" % rejected, "MOH", "moh-officer", "rejected"] in
          [[row[0], *row[2:5]] for row in page.rows if len(row) >= 5], page.rows[:8])
    check("`cloudplan history` has both as the portal answered, by moh-officer",
          history(db).get(good) == ("MOH", True) and
          history(db).get(rejected) == ("MOH", False) and
          "by 'moh-officer'" in run("history", db).stdout, run("history", db).stdout[-1500:])

    # Every link of the page answers (the downloads, the feedback of each submission, ...).
    broken = []
    for href in sorted(set(page.links)):
        if href.startswith("/"):
            answer = client.get(href)
            if answer.status == 303:  # "/": the account's home
                answer = client.get(answer.header("Location"))
            if answer.status != 200:
                broken.append("%s %d" % (href, answer.status))
    check("every link of MOH's page answers 200 (after a redirect)", not broken,
          "; ".join(broken))

    answer = client.get("/downloads/ids.csv")
    ids = os.path.join(tmp, "ids.csv")
    exported = run("export", db, "--ids", "-o", ids)
    check("/downloads/ids.csv is `cloudplan export --ids`, byte for byte, as an attachment",
          answer.status == 200 and exported.returncode == 0 and answer.body == read(ids) and
          answer.header("Content-Disposition").startswith("attachment"),
          "%d %s" % (answer.status, exported.stderr))
    for name in ["systems.csv", "dependencies.csv"]:
        answer = client.get("/downloads/template/" + name)
        check("/downloads/template/%s: 200, a header line" % name,
              answer.status == 200 and answer.body.count(b"\n") >= 1, answer.status)

    answer = client.get("/agencies/MOE")
    check("MOH's officer reading MOE's page: 403", answer.status == 403, answer.status)
    answer = client.post_multipart("/agencies/MOE/submissions", fields,
                                   [("file", "systems.csv", read(
                                       "samples/submissions/MOE/systems.csv"))])
    check("MOH's officer uploading for MOE: 403, nothing recorded",
          answer.status == 403 and max(history(db)) == rejected, answer.status)
    return client


def national_and_reviewer(server, db, tokens, tmp):
    """The national office plans; a reviewer reads the report and checks its plan.json."""
    national = Client(server.port)
    national.login("national-office", tokens["national-office"])
    answer = national.get("/")
    check("GET / as the national office: 303 to /national",
          (answer.status, answer.header("Location")) == (303, "/national"),
          "%d %s" % (answer.status, answer.header("Location")))
    answer, page = national.page("/national")
    form = page.form_to("/plans")
    check("/national: 200 with the plan now form (POST /plans, csrf)",
          answer.status == 200 and form is not None and form["method"] == "post" and
          "csrf" in form["fields"] and "Plan now" in form["buttons"],
          "%d %s" % (answer.status, page.forms))
    csrf = form["fields"]["csrf"]["value"] if form else ""
    started = time.monotonic()
    answer = national.post_form("/plans", {"csrf": csrf})
    found = re.fullmatch(r"/plans/(\d+)/report\.html", answer.header("Location"))
    check("plan now: 303 to the plan's report", answer.status == 303 and found,
          "%d %s %s" % (answer.status, answer.header("Location"), answer.text()[:1000]))
    print("     plan now took %.2f s" % (time.monotonic() - started), flush=True)
    plan = int(found.group(1)) if found else 0
    export = os.path.join(tmp, "export")
    check("export of the store exits 0", run("export", db, "-o", export).returncode == 0)

    reviewer = Client(server.port)
    reviewer.login("reviewer", tokens["reviewer"])
    answer = reviewer.get("/")
    check("GET / as a reviewer: 303 to /review",
          (answer.status, answer.header("Location")) == (303, "/review"),
          "%d %s" % (answer.status, answer.header("Location")))
    answer, page = reviewer.page("/review")
    report = "/plans/%d/report.html" % plan
    check("/review links the latest plan's report", answer.status == 200 and report in page.links,
          page.links)
    answer = reviewer.get(report)
    check("the reviewer reads the report: 200, HTML, with a Content-Security-Policy",
          answer.status == 200 and answer.header("Content-Type").startswith("text/html") and
          "<html" in answer.text() and answer.header("Content-Security-Policy"),
          "%d %s" % (answer.status, answer.header("Content-Type")))
    answer = reviewer.get("/plans/latest/plan.json")
    check("/plans/latest/plan.json: 303 to /plans/%d/plan.json" % plan,
          (answer.status, answer.header("Location")) == (303, "/plans/%d/plan.json" % plan),
          "%d %s" % (answer.status, answer.header("Location")))
    answer = reviewer.get("/plans/%d/plan.json" % plan)
    path = os.path.join(tmp, "plan.json")
    with open(path, "wb") as f:
        f.write(answer.body)
    check("/plans/%d/plan.json: 200, JSON" % plan,
          answer.status == 200 and isinstance(answer.json(), dict), answer.status)
    out = subprocess.run([sys.executable, os.path.join(SHARED, "check_plan.py"), "--inputs",
                          export, "--plan", path], capture_output=True, text=True).stdout.strip()
    verdict = out.splitlines()[-1] if out else "(no output)"
    check("check_plan says OK of the portal's plan.json", verdict.startswith("OK"), out[-2000:])

    _, page = reviewer.page("/review")
    csrf = next((f["fields"]["csrf"]["value"] for f in page.forms if "csrf" in f["fields"]), "")
    answer = reviewer.post_form("/plans", {"csrf": csrf})
    check("a reviewer's plan now: 403", answer.status == 403 and csrf, answer.status)
    answer = reviewer.post_multipart("/agencies/MOH/submissions", [("csrf", csrf)], moh_files())
    check("a reviewer's upload: 403", answer.status == 403, answer.status)
    return reviewer, plan


def burst(port, tokens, officer, stop, answered, errors, cut):
    """Uploads MOH again and again until the server dies: half of the threads through the page's
    form (the officer's session), half through the API (the officer's token); v1 and v2 of the
    files, and now and then a bad one."""
    _, page = officer.page("/agencies/MOH")
    fields = upload_fields(page, "/agencies/MOH/submissions", "burst") or []
    good = read(os.path.join(MOH, "systems.csv"))
    versions = [good, good.replace(b"Master patient index", b"Master patient index (v2)", 1),
                good.replace(b",refactor,", b",refactr,", 1)]

    def upload(thread):
        client = Client(port)
        if thread % 2:
            client.bearer = tokens["moh-officer"]
        else:
            client.cookies = dict(officer.cookies)
        sent = 0
        while not stop.is_set():
            systems = versions[(thread + sent) % len(versions)]
            sent += 1
            try:
                if client.bearer:
                    answer = client.post_multipart("/api/agencies/MOH/submissions",
                                                   [("message", "burst")], moh_files(systems))
                    body = answer.json() or {}
                    if answer.status in (201, 422):
                        answered.append((body.get("submission"), answer.status == 201))
                    else:
                        errors.append("API %d %s" % (answer.status, answer.text()[:200]))
                else:
                    answer = client.post_multipart("/agencies/MOH/submissions", fields,
                                                   moh_files(systems))
                    if answer.status == 303 and submission_number(answer):
                        answered.append((submission_number(answer), None))
                    else:
                        errors.append("page %d %s" % (answer.status, answer.text()[:200]))
            except (OSError, http.client.HTTPException):
                cut.append(thread)  # the server is gone, this upload unanswered
                return

    return [threading.Thread(target=upload, args=(n,)) for n in range(8 if SANITIZED else 12)]


def kill_in_a_burst(server, db, tokens, officer, reviewer, tmp, attempt):
    """Kills the server in the middle of a burst of uploads, after `wanted` answers; restarts it
    on the same store. Returns the new server."""
    wanted = 10 + 20 * attempt
    name = "kill %d: " % attempt
    stop, answered, errors, cut = threading.Event(), [], [], []
    threads = burst(server.port, tokens, officer, stop, answered, errors, cut)
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 60
    while len(answered) < wanted and time.monotonic() < deadline:
        time.sleep(0.01)
    code = server.kill9()
    stop.set()
    for thread in threads:
        thread.join()
    print("     kill %d: kill -9 after %d answered uploads, %d cut unanswered" %
          (attempt, len(answered), len(cut)), flush=True)
    check(name + "the server was killed in the middle of the burst, uploads under way",
          code == -signal.SIGKILL and len(answered) >= wanted and cut,
          "exit %s, %d answered, %d cut" % (code, len(answered), len(cut)))
    check(name + "every upload of the burst before the kill was answered 201/422 or 303",
          not errors, "; ".join(errors[:5]))

    checked = run("store", "check", db)
    check(name + "after the kill, store check passes", checked.returncode == 0,
          checked.stdout + checked.stderr)
    again = Server(db, tmp, "restarted-%d" % attempt)
    check(name + "serve starts again on the same store", again.port is not None,
          again.first_line + again.stderr())
    if again.port is None:
        return again
    recorded = history(db)
    lost = [(n, a) for n, a in answered
            if recorded.get(n, ("", None))[0] != "MOH" or (a is not None and recorded[n][1] != a)]
    check(name + "every upload that got an answer is in the history, accepted or rejected as "
          "answered", answered and not lost, "lost or changed: %s" % lost[:10])
    numbers = sorted(recorded)
    check(name + "the history has no gaps", numbers == list(range(numbers[0], numbers[-1] + 1)),
          numbers)

    # The sessions made before the kill: the store keeps them.
    officer.port = reviewer.port = again.port
    answer = officer.get("/api/me")
    check(name + "after the restart, the officer's session still signs it in (/api/me)",
          answer.status == 200 and (answer.json() or {}).get("account") == "moh-officer",
          "%d %s" % (answer.status, answer.text()))
    _, page = officer.page("/agencies/MOH")
    fields = upload_fields(page, "/agencies/MOH/submissions", "after the restart") or []
    answer = officer.post_multipart("/agencies/MOH/submissions", fields, moh_files())
    after = submission_number(answer)
    check(name + "and it uploads through the form again: 303, recorded",
          answer.status == 303 and after and history(db).get(after, ("",))[0] == "MOH",
          "%d %s" % (answer.status, answer.text()[:300]))
    answer = reviewer.get("/plans/latest/report.html")
    check(name + "the reviewer's session still reads the latest report",
          answer.status == 303 and re.fullmatch(r"/plans/\d+/report\.html",
                                                answer.header("Location")),
          "%d %s" % (answer.status, answer.header("Location")))
    answer = officer.get("/api/agencies/MOH/submissions")
    listed = {s.get("submission") for s in (answer.json() or {}).get("submissions", [])}
    check(name + "the portal's API lists every answered upload after the restart",
          {n for n, _ in answered} <= listed, sorted({n for n, _ in answered} - listed)[:10])
    return again


def sign_out(server, officer):
    _, page = officer.page("/agencies/MOH")
    form = page.form_to("/logout")
    kept = dict(officer.cookies)
    answer = officer.post_form("/logout", {"csrf": form["fields"]["csrf"]["value"] if form else ""})
    check("sign out: 303 to /login, the session cookie cleared",
          answer.status == 303 and answer.header("Location") == "/login" and
          "cloudplan_session" not in officer.cookies,
          "%d %s" % (answer.status, answer.header("Location")))
    officer.cookies = kept
    answer = officer.get("/api/me")
    check("the session's cookie no longer signs in after the sign out (401)",
          answer.status == 401, answer.status)


def taken_port(db, port):
    """A second server on the first one's port must fail, not share the port with it (the kernel
    would hand each connection to either)."""
    second = subprocess.Popen([BINARY, "serve", db, "--listen", "127.0.0.1:%d" % port],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = second.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        second.kill()
        stdout, stderr = second.communicate()
    message = ("serve: error: cannot listen on 127.0.0.1:%d (is another server using the port? "
               "choose another with --listen)\n" % port)
    check("serve on a port in use exits 1 with: " + message.strip(),
          (second.returncode, stderr) == (1, message),
          "exit %d, stdout %r, stderr %r" % (second.returncode, stdout, stderr[:300]))


with tempfile.TemporaryDirectory() as tmp:
    started = time.monotonic()
    db, tokens = make_store(tmp)
    usage_errors(tmp, db)
    server = Server(db, tmp, "server")
    check("serve prints 'serving DB at http://127.0.0.1:PORT/ (Ctrl-C stops)' first",
          server.port is not None, server.first_line + server.stderr()[-2000:])
    if server.port is not None:
        try:
            signed_out(server)
            officer = agency_officer(server, db, tokens, tmp)
            reviewer, _ = national_and_reviewer(server, db, tokens, tmp)
            taken_port(db, server.port)
            for attempt in range(1, 4):
                server = kill_in_a_burst(server, db, tokens, officer, reviewer, tmp, attempt)
                if server.port is None:
                    break
            if server.port is not None:
                sign_out(server, officer)
        finally:
            code = server.stop()
        if code != -signal.SIGKILL:
            stdout = open(server.out).read()
            check("SIGTERM stops the server: exit 0, 'serve: stopped' last",
                  code == 0 and stdout.endswith("serve: stopped\n"), "exit %d, %r" %
                  (code, stdout[-200:]))
        log = server.stderr()
        check("the server logged no error", "error" not in log,
              "\n".join(l for l in log.splitlines() if "error" in l)[:2000])
    checked = run("store", "check", db)
    check("store check passes at the end", checked.returncode == 0,
          checked.stdout + checked.stderr)
    print("portal test: %.1f s" % (time.monotonic() - started), flush=True)

print("%d passed, %d failed" % (results["passed"], results["failed"]))
sys.exit(1 if results["failed"] else 0)
