#!/usr/bin/env python3
"""End-to-end checks of cloudplan as installed: `cmake --install` and the Debian package.

    install_test.py PATH/TO/BUILD/cli/cloudplan [SOURCE_DIR]

The build folder is the one above the binary that holds CMakeCache.txt. Into a temporary root the
script installs the build (`cmake --install --prefix ROOT/usr`) and checks what a user gets: the
binary runs from there, `man -l` reads every page (cloudplan(1) and one per command) without a
groff warning, the bash and zsh completions (zsh driven on a pseudo-terminal) complete commands,
options, option values and paths, the guide and the samples are in share/doc/cloudplan, and every
command and option that `cloudplan --help` and `cloudplan COMMAND --help` list is in the man pages
and both completions. Then it builds the .deb with
CPack and reads it with dpkg-deb: its Depends name the Debian runtime packages, it holds the same
files, and the binary and a man page work from its unpacked tree.
Needs cmake and cpack, man (man-db), bash, zsh, dpkg-deb and dpkg-shlibdeps (dpkg-dev): all in
scripts/debian-packages.txt. Python standard library only.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = None
BUILD = None
VERSION = None
PAGES = ["cloudplan", "cloudplan-validate", "cloudplan-plan", "cloudplan-render",
         "cloudplan-explain", "cloudplan-diff", "cloudplan-template", "cloudplan-store",
         "cloudplan-submit", "cloudplan-history", "cloudplan-export", "cloudplan-whatif",
         "cloudplan-serve-user"]
# The Debian packages of the libraries the binary links (ldd): fmt, TinyXML-2, Graphviz's gvc and
# cgraph, OpenSSL's libcrypto, toml++, and the C and C++ runtimes.
RUNTIME_PACKAGES = ["libfmt9", "libtinyxml2-9", "libgvc6", "libcgraph6", "libssl3",
                    "libtomlplusplus3", "libstdc++6", "libc6"]

failures = []


def check(condition, what, details=""):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
        if details:
            print("     " + str(details).replace("\n", "\n     "))
    return condition


def run(args, **kwargs):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)
    except OSError as e:  # a program that is not there (not installed, or not built)
        return subprocess.CompletedProcess(args, 127, "", str(e))


def shown(result):
    return f"exit {result.returncode}\nstdout:\n{result.stdout[-4000:]}\nstderr:\n{result.stderr[-4000:]}"


def build_folder(binary):
    folder = os.path.dirname(binary)
    while folder != os.path.dirname(folder):
        if os.path.isfile(os.path.join(folder, "CMakeCache.txt")):
            return folder
        folder = os.path.dirname(folder)
    return None


def project_version():
    with open(os.path.join(BUILD, "CMakeCache.txt"), encoding="utf-8") as f:
        match = re.search(r"^CMAKE_PROJECT_VERSION:STATIC=(.+)$", f.read(), re.M)
    return match.group(1) if match else None


def read(path):
    """The file's text; "" when it is not there (its own check says so)."""
    if not os.path.isfile(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return f.read()


def options_of(help_text):
    """The long options a --help text lists under Options:."""
    section = re.search(r"^Options:\n((?:  .*\n?)+)", help_text, re.M)
    options = []
    for line in section.group(1).splitlines() if section else []:
        names = re.match(r"\s+((?:-[\w-]+,)*-[\w-]+)", line)
        if names:
            options += [n for n in names.group(1).split(",") if n.startswith("--")]
    return options


def commands_and_options(binary):
    """{command: [options]} as `cloudplan COMMAND --help` lists them, for every command that
    `cloudplan --help` lists, and "" for cloudplan's own options."""
    top = run([binary, "--help"]).stdout
    listed = re.search(r"^Subcommands:\n((?:  \S.*\n?)+)", top, re.M)
    commands = [line.split()[0] for line in listed.group(1).splitlines()] if listed else []
    result = {"": options_of(top)}
    for command in commands:
        result[command] = options_of(run([binary, command, "--help"]).stdout)
    return result


def man_text(page):
    """The page as `man -l` shows it, and groff's warnings."""
    env = dict(os.environ, MANWIDTH="100", MANPAGER="cat", LC_ALL="C.UTF-8")
    result = run(["man", "--warnings", "-l", "-P", "cat", page], env=env)
    return result


def test_installed_tree(root, what):
    usr = os.path.join(root, "usr")
    binary = os.path.join(usr, "bin", "cloudplan")
    result = run([binary, "--version"])
    check(result.returncode == 0 and result.stdout.strip() == f"cloudplan {VERSION}",
          f"{what}: usr/bin/cloudplan --version prints cloudplan {VERSION}", shown(result))

    for page in PAGES:
        path = os.path.join(usr, "share", "man", "man1", page + ".1")
        if not check(os.path.isfile(path), f"{what}: usr/share/man/man1/{page}.1 is installed"):
            continue
        result = man_text(path)
        text = result.stdout
        check(result.returncode == 0 and result.stderr == "",
              f"{what}: man -l {page}.1 reads it without a warning", shown(result))
        check(re.search(rf"^NAME\n\s+{re.escape(page)} - \S", text, re.M) is not None,
              f"{what}: {page}(1) names itself", text[:600])
        check(f"cloudplan {VERSION}" in text and "@" not in text,
              f"{what}: {page}(1) carries version {VERSION}, no @VARIABLE@ left", text[-300:])

    doc = os.path.join(usr, "share", "doc", "cloudplan")
    for name in ["README.md", "docs/commands.md", "docs/inventory-format.md", "docs/planning.md",
                 "docs/archimate.md", "docs/reports.md", "docs/submissions.md", "samples/README.md",
                 "samples/government/agencies.csv", "samples/bad/systems.csv"]:
        check(os.path.isfile(os.path.join(doc, name)), f"{what}: share/doc/cloudplan/{name}")
    result = run([binary, "validate", os.path.join(doc, "samples", "government")])
    check(result.returncode == 0 and " 0 errors" in result.stdout,
          f"{what}: the installed binary validates the installed government sample", shown(result))

    for path in ["share/bash-completion/completions/cloudplan",
                 "share/zsh/vendor-completions/_cloudplan"]:
        check(os.path.isfile(os.path.join(usr, path)), f"{what}: usr/{path} is installed")


def complete_in_bash(script, line):
    """What `cloudplan` completion offers for LINE (the cursor at its end), as bash would."""
    program = r'''
source "$1"
read -ra COMP_WORDS <<< "$2"
[[ $2 == *" " ]] && COMP_WORDS+=("")
last=${COMP_WORDS[-1]}
if [[ $last == --*=* ]]; then  # bash splits --option=value at the "=" (COMP_WORDBREAKS)
  unset "COMP_WORDS[-1]"
  COMP_WORDS+=("${last%%=*}" "=" "${last#*=}")
fi
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_cloudplan
printf '%s\n' "${COMPREPLY[@]}"
'''
    result = run(["bash", "-c", program, "bash", script, line], cwd=SOURCE)
    return sorted(result.stdout.split()) if result.returncode == 0 else [f"exit {result.returncode}",
                                                                          result.stderr]


# zsh SCRIPT COMPLETIONS OUT LINE: types LINE and a tab into an interactive zsh (on a pseudo-
# terminal) whose fpath starts with COMPLETIONS, and writes every match zsh's completion offers to
# OUT, one a line; OUT.done appears when the completion has finished.
ZSH_COMPLETE = r'''
zmodload zsh/zpty
zpty shell zsh -f -i
zpty -w shell "PS1=''; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w shell "compadd() { local -a hits; builtin compadd -A hits \"\$@\"; print -rl -- \$hits >> ${(q)2}; builtin compadd \"\$@\" }"
zpty -w shell "finished() { : > ${(q)2}.done }; comppostfuncs=(finished); bindkey '^I' complete-word; : > ${(q)2}"
zpty -n -w shell "$3"$'\t'
for i in {1..1200}; do [[ -e $2.done ]] && break; sleep 0.05; done
zpty -d shell
[[ -e $2.done ]]
'''


def complete_in_zsh(folder, line):
    """What zsh's completion, with _cloudplan from FOLDER, offers for LINE."""
    with tempfile.TemporaryDirectory(prefix="cloudplan-zsh-") as work:
        out = os.path.join(work, "matches")
        result = run(["zsh", "-f", "-c", ZSH_COMPLETE, "zsh", folder, out, line], cwd=SOURCE)
        if result.returncode != 0 or not os.path.exists(out):
            return [f"exit {result.returncode}", result.stderr]
        return sorted({match for match in read(out).splitlines() if match})


def test_completions(usr):
    bash = os.path.join(usr, "share", "bash-completion", "completions", "cloudplan")
    zsh = os.path.join(usr, "share", "zsh", "vendor-completions", "_cloudplan")
    cases = [
        ("cloudplan ", ["--help", "--quiet", "--version", "-q", "diff", "explain", "export", "help",
                        "history", "plan", "render", "serve-user", "store", "submit", "template",
                        "validate", "whatif"]),
        ("cloudplan store ", ["--help", "--quiet", "-q", "agencies", "check", "init", "status"]),
        ("cloudplan serve-user national.db ", ["--help", "--quiet", "-q", "add", "list", "revoke"]),
        ("cloudplan serve-user national.db add mof-it --r", ["--role"]),
        ("cloudplan serve-user national.db add mof-it --role ", ["national", "reviewer"]),
        ("cloudplan serve-user national.db add ", []),
        ("cloudplan store init national.db --a", ["--agencies"]),
        ("cloudplan submit national.db --agency MOF samples/submissions/MOF --m", ["--message"]),
        ("cloudplan export national.db --s", ["--submission"]),
        ("cloudplan plan --store national.db --dr", ["--drop-unresolved"]),
        ("cloudplan pl", ["plan"]),
        ("cloudplan -q pl", ["plan"]),
        ("cloudplan plan samples/government --wave-c", ["--wave-capacity"]),
        ("cloudplan template new --f", ["--force"]),
        ("cloudplan validate --encoding ", ["cp1252", "iso-8859-1", "latin1", "windows-1252"]),
        ("cloudplan plan --order ", ["consumers-first", "none", "providers-first"]),
        ("cloudplan plan --render --format svg,", ["svg,pdf", "svg,png"]),
        ("cloudplan render out/plan.json --format=p", ["pdf", "png"]),
        ("cloudplan render out/plan.json --gantt ", ["systems", "waves"]),
        ("cloudplan render out/plan.json --to", ["--today"]),
        ("cloudplan render out/plan.json --today ", []),
        ("cloudplan diff a/plan.json b/plan.json --format ", ["html", "json", "text"]),
        ("cloudplan diff a/plan.json b/plan.json --e", ["--exit-code"]),
        ("cloudplan validate --diagnostics ", ["json", "text"]),
        ("cloudplan validate samples/gov", ["samples/government"]),
        ("cloudplan plan samples/government -o samples/b", ["samples/bad"]),
        ("cloudplan validate samples/bad/systems-m", ["samples/bad/systems-missing-agency-column.csv"]),
    ]
    for line, expected in cases:
        got = complete_in_bash(bash, line)
        check(got == expected, f"bash completes '{line}' with {' '.join(expected)}", got)
    result = run(["zsh", "-n", zsh])
    check(result.returncode == 0 and result.stderr == "", "the zsh completion parses (zsh -n)",
          shown(result))
    check(read(zsh).startswith("#compdef cloudplan\n"), "the zsh completion is for cloudplan")
    # File and folder matches come with the folders on their path; the others are exact.
    cases = [
        ("cloudplan ", ["diff", "explain", "export", "help", "history", "plan", "render", "serve-user",
                        "store", "submit", "template", "validate", "whatif"]),
        ("cloudplan store ", ["agencies", "check", "init", "status"]),
        ("cloudplan serve-user x.db ", ["add", "list", "revoke"]),
        ("cloudplan serve-user x.db add mof-it --role ", ["national", "reviewer"]),
        ("cloudplan store init x.db --ag", ["--agencies"]),
        ("cloudplan history x.db --d", ["--diff"]),
        ("cloudplan pl", ["plan"]),
        ("cloudplan -", ["--help", "--quiet", "--version", "-h", "-q"]),
        ("cloudplan -q validate --d", ["--default-agency", "--diagnostics"]),
        ("cloudplan plan --order ", ["consumers-first", "none", "providers-first"]),
        ("cloudplan render out/plan.json --format svg,", ["pdf", "png"]),
        ("cloudplan render out/plan.json --gantt ", ["systems", "waves"]),
        ("cloudplan render out/plan.json --agency ", ["all"]),
        ("cloudplan plan --encoding ", ["cp1252", "iso-8859-1", "latin1", "windows-1252"]),
        ("cloudplan template new --f", ["--force"]),
        ("cloudplan help ", ["diff", "explain", "export", "history", "plan", "render", "serve-user",
                             "store", "submit", "template", "validate", "whatif"]),
        ("cloudplan diff a/plan.json b/plan.json --format ", ["html", "json", "text"]),
    ]
    folder = os.path.dirname(zsh)
    for line, expected in cases:
        got = complete_in_zsh(folder, line)
        check(got == expected, f"zsh completes '{line}' with {' '.join(expected)}", got)
    for line, expected in [("cloudplan validate samples/gov", "government"),
                           ("cloudplan plan x -o samples/b", "bad")]:
        got = complete_in_zsh(folder, line)
        check(expected in got, f"zsh completes '{line}' with {expected}", got)


def test_everything_documented(usr):
    """Every command and option of `cloudplan --help` has its man page and both completions."""
    listing = commands_and_options(BINARY)
    check(set(listing) >= {"validate", "template", "plan", "render", "explain"},
          "cloudplan --help lists the commands", listing)
    bash = read(os.path.join(usr, "share", "bash-completion", "completions", "cloudplan"))
    zsh = read(os.path.join(usr, "share", "zsh", "vendor-completions", "_cloudplan"))
    check("--version" in listing[""], "cloudplan --help lists its own options", listing[""])
    for command, options in sorted(listing.items()):
        name = f"cloudplan-{command}" if command not in ("", "help") else "cloudplan"
        page = os.path.join(usr, "share", "man", "man1", f"{name}.1")
        if not check(os.path.isfile(page), f"cloudplan {command} has a man page ({name}.1)"):
            continue
        text = man_text(page).stdout
        if command:
            check(re.search(rf"\b{command}\b", bash) is not None and
                  re.search(rf"^\s+'?{command}[:)]", zsh, re.M) is not None,
                  f"both completions know the command {command}")
        for option in options:
            said = re.compile(rf"(?<![\w-]){re.escape(option)}(?![\w-])")
            where = f"cloudplan {command} {option}".replace("  ", " ")
            check(said.search(text) is not None, f"{name}(1) tells of {where}")
            check(said.search(bash) is not None, f"the bash completion offers {where}")
            check(said.search(zsh) is not None, f"the zsh completion offers {where}")


def test_cmake_install(folder):
    root = os.path.join(folder, "install-root")
    result = run(["cmake", "--install", BUILD, "--prefix", os.path.join(root, "usr")])
    if not check(result.returncode == 0, "cmake --install --prefix ROOT/usr", shown(result)):
        return
    test_installed_tree(root, "cmake --install")
    test_completions(os.path.join(root, "usr"))
    test_everything_documented(os.path.join(root, "usr"))


def test_debian_package(folder):
    packages = os.path.join(folder, "packages")
    result = run(["cpack", "--config", os.path.join(BUILD, "CPackConfig.cmake"), "-G", "DEB",
                  "-B", packages])
    debs = glob.glob(os.path.join(packages, "*.deb"))
    if not check(result.returncode == 0 and len(debs) == 1, "cpack -G DEB builds one .deb",
                 shown(result)):
        return
    deb = debs[0]
    check(re.fullmatch(rf"cloudplan_{re.escape(VERSION)}_\w+\.deb", os.path.basename(deb)),
          "the package is cloudplan_VERSION_ARCH.deb", deb)

    info = run(["dpkg-deb", "-I", deb])
    check(info.returncode == 0, "dpkg-deb -I reads the package", shown(info))
    fields = dict(re.findall(r"^ (\w[\w-]*): (.*)$", info.stdout, re.M))
    check(fields.get("Package") == "cloudplan" and fields.get("Version") == VERSION,
          f"the package is cloudplan {VERSION}", info.stdout)
    check(bool(fields.get("Maintainer")) and bool(fields.get("Description")),
          "the package has a maintainer and a description", info.stdout)
    depends = {re.split(r"[\s(]", d.strip())[0] for d in fields.get("Depends", "").split(",")}
    missing = [p for p in RUNTIME_PACKAGES if p not in depends]
    check(not missing, "its Depends name the runtime packages " + ", ".join(RUNTIME_PACKAGES),
          f"Depends: {fields.get('Depends')}\nmissing: {missing}")

    contents = run(["dpkg-deb", "-c", deb])
    listed = {line.split()[-1].lstrip(".") for line in contents.stdout.splitlines()}
    expected = ["/usr/bin/cloudplan", "/usr/share/bash-completion/completions/cloudplan",
                "/usr/share/zsh/vendor-completions/_cloudplan", "/usr/share/doc/cloudplan/README.md",
                "/usr/share/doc/cloudplan/docs/commands.md",
                "/usr/share/doc/cloudplan/samples/government/agencies.csv"]
    expected += [f"/usr/share/man/man1/{page}.1" for page in PAGES]
    missing = [path for path in expected if path not in listed]
    check(contents.returncode == 0 and not missing,
          "dpkg-deb -c lists the binary, the man pages, the completions, the guide and the samples",
          f"missing: {missing}\n{contents.stdout[:3000]}")
    check(not any(path.endswith(".a") or "/include/" in path for path in listed),
          "the package holds no static library or header", contents.stdout[:3000])

    root = os.path.join(folder, "deb-root")
    result = run(["dpkg-deb", "-x", deb, root])
    if check(result.returncode == 0, "dpkg-deb -x unpacks the package", shown(result)):
        test_installed_tree(root, ".deb")


def main():
    global BINARY, BUILD, SOURCE, VERSION
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    BINARY = os.path.abspath(sys.argv[1])
    if len(sys.argv) == 3:
        SOURCE = os.path.abspath(sys.argv[2])
    BUILD = build_folder(BINARY)
    if not check(BUILD is not None, "the binary is in a CMake build folder", BINARY):
        return 1
    VERSION = project_version()
    check(VERSION is not None, "CMakeCache.txt gives the project's version")
    with tempfile.TemporaryDirectory(prefix="cloudplan-install-") as folder:
        test_cmake_install(folder)
        test_debian_package(folder)
    if failures:
        print(f"\n{len(failures)} check(s) failed:\n  " + "\n  ".join(failures))
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
