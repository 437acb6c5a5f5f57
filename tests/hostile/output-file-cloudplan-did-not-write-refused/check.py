import sys
with open("here/notes.txt") as f:
    if f.read() != "mine\n":
        sys.exit("here/notes.txt was changed")
with open("here/report.html") as f:
    if f.read() == "my own report\n":
        sys.exit("--force did not replace here/report.html")
