"""The CSV named national.db is left byte for byte, with no journal, WAL or export beside it."""
import os
import sys

with open("national.db", encoding="utf-8") as f:
    if f.read() != "id,name,agency\nMOF/gl,General ledger,MOF\n":
        sys.exit("national.db was changed")
left = sorted(set(os.listdir(".")) - {"national.db", "mof", "agencies.csv", "case.json",
                                      "check.py"})
if left:
    sys.exit("left behind: %s" % left)
