#!/usr/bin/env python3
"""End-to-end tests of `cloudplan serve-user`, the portal's accounts: the real binary adds
accounts of each role to a store of the samples' register, lists and revokes them, and refuses
every mistake with its exact message, changing nothing. The store keeps an Argon2id hash of each
token, never the token: the test reads the store with sqlite3 and checks the hash against the
printed token with libsodium itself (ctypes).

    serve_user_test.py CLOUDPLAN_BINARY SOURCE_FOLDER

Prints one line per check and 'N passed, N failed' last."""
import ctypes
import ctypes.util
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2] if len(sys.argv) > 2 else os.getcwd())
TOKEN = re.compile(r"cpt_([1-9][0-9]*)_[A-Za-z0-9_-]{43}")
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))
    return condition


def run(*args, now=None):
    env = dict(os.environ)
    env.pop("CLOUDPLAN_NOW", None)
    if now:
        env["CLOUDPLAN_NOW"] = now
    return subprocess.run([BINARY, *args], capture_output=True, text=True, env=env)


def shown(result):
    return "exit %d, stdout %r, stderr %r" % (result.returncode, result.stdout, result.stderr)


def sodium():
    """libsodium, the library the binary hashes with, to check a stored hash independently."""
    name = ctypes.util.find_library("sodium")
    library = ctypes.CDLL(name) if name else None
    if library is not None and library.sodium_init() < 0:
        library = None
    return library


def argon2id_matches(library, stored, token):
    raw = token.encode()
    return library.crypto_pwhash_str_verify(stored.encode(), raw,
                                            ctypes.c_ulonglong(len(raw))) == 0


def accounts_rows(db):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT id, name, role, agency, token_hash, created, revoked FROM accounts "
            "ORDER BY id").fetchall()


def store_bytes(db):
    """The store's file and its write-ahead log, where a token would be if it were kept."""
    data = b""
    for path in (db, db + "-wal"):
        if os.path.exists(path):
            with open(path, "rb") as f:
                data += f.read()
    return data


def test_add(db):
    result = run("serve-user", db, "add", "mof-it", "--agency", "MOF", now="2027-03-01T09:00:00Z")
    lines = result.stdout.splitlines()
    check("add --agency exits 0 and prints two lines, nothing on stderr",
          result.returncode == 0 and len(lines) == 2 and result.stderr == "", shown(result))
    if len(lines) != 2:
        return None
    check("add says what was made: the account, its role and agency, when",
          lines[0] == "made account 'mof-it': role agency, agency MOF, created "
          "2027-03-01T09:00:00Z; its token, shown this once (the store keeps only a hash of it):",
          lines[0])
    token = lines[-1]
    check("the token is alone on the last line: cpt_, the account's id (1), _, 43 of base64url",
          TOKEN.fullmatch(token) is not None and TOKEN.fullmatch(token).group(1) == "1", token)

    others = {}
    for name, role, now in [("national-office", "national", "2027-03-01T09:05:00Z"),
                            ("auditor", "reviewer", "2027-03-01T09:10:00Z")]:
        result = run("serve-user", db, "add", name, "--role", role, now=now)
        lines = result.stdout.splitlines()
        check("add --role %s exits 0" % role, result.returncode == 0 and result.stderr == "",
              shown(result))
        check("add --role %s says what was made" % role,
              lines[:1] == ["made account '%s': role %s, created %s; its token, shown this once "
                            "(the store keeps only a hash of it):" % (name, role, now)], lines)
        others[name] = lines[-1] if lines else ""
    check("each account has a token of its own, naming its id",
          [TOKEN.fullmatch(t).group(1) if TOKEN.fullmatch(t) else None
           for t in others.values()] == ["2", "3"], others)

    # Under -q the token is the whole output: TOKEN=$(cloudplan -q serve-user ... add ...).
    result = run("-q", "serve-user", db, "add", "moh-it", "--agency", "MOH",
                 now="2027-03-01T09:15:00Z")
    check("-q add prints the token alone", result.returncode == 0 and
          TOKEN.fullmatch(result.stdout.rstrip("\n")) is not None and
          result.stdout.count("\n") == 1 and result.stderr == "", shown(result))
    return {"mof-it": token, **others, "moh-it": result.stdout.strip()}


def test_store_keeps_hashes(db, tokens):
    rows = accounts_rows(db)
    check("the store has the four accounts, each with its role, agency and time",
          [row[:4] + row[5:] for row in rows] == [
              (1, "mof-it", "agency", "MOF", "2027-03-01T09:00:00Z", None),
              (2, "national-office", "national", "", "2027-03-01T09:05:00Z", None),
              (3, "auditor", "reviewer", "", "2027-03-01T09:10:00Z", None),
              (4, "moh-it", "agency", "MOH", "2027-03-01T09:15:00Z", None)], rows)
    hashes = {row[1]: row[4] for row in rows}
    check("every token hash is Argon2id with the interactive limits ($argon2id$v=19$m=65536,t=2)",
          all(h.startswith("$argon2id$v=19$m=65536,t=2,p=1$") for h in hashes.values()), hashes)
    check("no hash is its token, nor holds it",
          all(tokens[n] not in h and tokens[n].split("_", 2)[2] not in h
              for n, h in hashes.items()), hashes)
    check("the hashes differ (salted)", len(set(hashes.values())) == len(hashes), hashes)
    data = store_bytes(db)
    check("no token is anywhere in the store's file or its log",
          all(t.split("_", 2)[2].encode() not in data for t in tokens.values()))
    library = sodium()
    if not check("libsodium is found to check the hashes with", library is not None):
        return
    check("each stored hash verifies its own printed token (libsodium's crypto_pwhash_str_verify)",
          all(argon2id_matches(library, hashes[n], tokens[n]) for n in hashes))
    check("and no other account's token",
          not any(argon2id_matches(library, hashes[a], tokens[b]) for a in hashes for b in hashes
                  if a != b))


LIST_BEFORE = (
    "name             role      agency  created               revoked\n"
    "auditor          reviewer  -       2027-03-01T09:10:00Z  -\n"
    "mof-it           agency    MOF     2027-03-01T09:00:00Z  -\n"
    "moh-it           agency    MOH     2027-03-01T09:15:00Z  -\n"
    "national-office  national  -       2027-03-01T09:05:00Z  -\n")


def test_list_and_revoke(db):
    result = run("serve-user", db, "list")
    check("list prints every account by name in aligned columns",
          result.returncode == 0 and result.stdout == LIST_BEFORE and result.stderr == "",
          shown(result))
    result = run("-q", "serve-user", db, "list")
    check("-q list still prints the table", result.stdout == LIST_BEFORE, shown(result))

    result = run("serve-user", db, "revoke", "auditor", now="2027-04-01T12:00:00Z")
    check("revoke exits 0 and says what it did",
          result.returncode == 0 and result.stderr == "" and result.stdout ==
          "revoked account 'auditor' (role reviewer) at 2027-04-01T12:00:00Z: its token and its "
          "sessions no longer work\n", shown(result))
    result = run("-q", "serve-user", db, "revoke", "moh-it", now="2027-04-02T08:30:00Z")
    check("-q revoke prints nothing", result.returncode == 0 and result.stdout == "" and
          result.stderr == "", shown(result))
    result = run("serve-user", db, "list")
    check("list shows when each revoked account was revoked", result.stdout == (
        "name             role      agency  created               revoked\n"
        "auditor          reviewer  -       2027-03-01T09:10:00Z  2027-04-01T12:00:00Z\n"
        "mof-it           agency    MOF     2027-03-01T09:00:00Z  -\n"
        "moh-it           agency    MOH     2027-03-01T09:15:00Z  2027-04-02T08:30:00Z\n"
        "national-office  national  -       2027-03-01T09:05:00Z  -\n"), shown(result))


def test_refusals(db, tmp):
    before = accounts_rows(db)
    not_store = os.path.join(tmp, "notes.txt")
    with open(not_store, "w", encoding="utf-8") as f:
        f.write("not a store\n")
    cases = [
        ("an agency not in the register, with the closest code",
         ["add", "moe-it", "--agency", "MOFF"], 1,
         "serve-user: error: agency 'MOFF': not in the national register of %s (did you mean "
         "'MOF'?)\n" % db),
        ("a name taken",
         ["add", "mof-it", "--agency", "MOF"], 1,
         "serve-user: error: account 'mof-it' exists already (choose another name)\n"),
        ("a name of a revoked account",
         ["add", "auditor", "--role", "reviewer"], 1,
         "serve-user: error: account 'auditor' exists already, revoked at 2027-04-01T12:00:00Z "
         "(choose another name: a name is not given twice)\n"),
        ("a name with a character outside the set",
         ["add", "mof it", "--agency", "MOF"], 1,
         "serve-user: error: account name 'mof it': only letters, digits, '.', '_', '-' and '@' "
         "may be used (choose another name)\n"),
        ("both --agency and --role",
         ["add", "x", "--agency", "MOF", "--role", "national"], 2,
         "serve-user: error: --agency and --role both given (an agency's account is made with "
         "--agency CODE alone; --role is national or reviewer)\n"),
        ("neither --agency nor --role",
         ["add", "x"], 2,
         "serve-user: error: an account needs --agency CODE (an agency's officer) or --role "
         "national or --role reviewer (cloudplan help serve-user tells what each may do)\n"),
        ("a mistyped role",
         ["add", "x", "--role", "reviwer"], 2,
         "serve-user: error: --role 'reviwer' is not a role (did you mean 'reviewer'?)\n"),
        ("a role that is not one",
         ["add", "x", "--role", "admin"], 2,
         "serve-user: error: --role 'admin' is not a role (national or reviewer; an agency's "
         "account is made with --agency CODE)\n"),
        ("--role agency",
         ["add", "x", "--role", "agency"], 2,
         "serve-user: error: --role agency is given as --agency CODE, which names the agency "
         "(give --agency CODE alone)\n"),
        ("revoke of a name no account has, with the closest",
         ["revoke", "mof-iy"], 1,
         "serve-user: error: no account named 'mof-iy' (did you mean 'mof-it'?)\n"),
        ("revoke of a name no account is close to",
         ["revoke", "zz"], 1,
         "serve-user: error: no account named 'zz' (cloudplan serve-user %s list shows them)\n"
         % db),
        ("revoke of a revoked account",
         ["revoke", "auditor"], 1,
         "serve-user: error: account 'auditor' was revoked already, at 2027-04-01T12:00:00Z "
         "(nothing to do)\n"),
        ("a mistyped command of serve-user",
         ["ad", "x", "--agency", "MOF"], 2,
         "cloudplan serve-user: error: unknown command 'ad' (did you mean 'add'?)\n"),
    ]
    for what, args, code, stderr in cases:
        result = run("serve-user", db, *args, now="2027-05-01T00:00:00Z")
        check("refused: " + what, result.returncode == code and result.stderr == stderr and
              result.stdout == "", shown(result))
    result = run("serve-user", "add", "x", "--role", "national")
    check("refused: the store left out (the command where it goes)",
          result.returncode == 2 and result.stdout == "" and result.stderr ==
          "cloudplan serve-user: error: the store comes before add (cloudplan serve-user DB add "
          "...)\n", shown(result))
    check("the refusals changed nothing", accounts_rows(db) == before)

    for store, message in [
            (not_store, "%s: not a cloudplan store (not an SQLite database; name the store " %
             not_store),
            (os.path.join(tmp, "missing.db"), os.path.join(tmp, "missing.db"))]:
        for args in (["list"], ["add", "x", "--role", "national"], ["revoke", "x"]):
            result = run("serve-user", store, *args)
            check("serve-user %s of %s: exit 1, the store's message" %
                  (args[0], os.path.basename(store)),
                  result.returncode == 1 and result.stdout == "" and
                  result.stderr.startswith("serve-user: error: " + message), shown(result))
    result = run("serve-user", not_store, "list")
    check("a file that is not a store is left as it was",
          open(not_store, encoding="utf-8").read() == "not a store\n")


def test_empty_store(tmp):
    db = os.path.join(tmp, "empty.db")
    result = run("store", "init", db, "--agencies", "samples/government/agencies.csv",
                 now="2027-01-10T09:00:00Z")
    check("store init of a second store exits 0", result.returncode == 0, shown(result))
    result = run("serve-user", db, "list")
    check("list of a store without accounts says so, and how to make one",
          result.returncode == 0 and result.stdout ==
          "no accounts (cloudplan serve-user %s add NAME --agency CODE makes one)\n" % db,
          shown(result))


def main():
    with tempfile.TemporaryDirectory(prefix="cloudplan-serve-user-") as tmp:
        db = os.path.join(tmp, "national.db")
        result = run("store", "init", db, "--agencies", "samples/government/agencies.csv",
                     now="2027-01-10T09:00:00Z")
        check("store init exits 0", result.returncode == 0, shown(result))
        tokens = test_add(db)
        if tokens:
            test_store_keeps_hashes(db, tokens)
        test_list_and_revoke(db)
        test_refusals(db, tmp)
        test_empty_store(tmp)
    print("%d passed, %d failed" % (results["passed"], results["failed"]))
    sys.exit(1 if results["failed"] else 0)


main()
