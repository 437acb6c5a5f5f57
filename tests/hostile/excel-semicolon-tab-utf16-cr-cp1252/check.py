# Every form of the inventory gives the same schedule as the plain comma-separated UTF-8 file.
import sys

expected = open("out-comma/schedule.csv", "rb").read()
for form in ("semicolon", "tab", "utf16le", "utf16be", "windows-1252", "cr"):
    if open(f"out-{form}/schedule.csv", "rb").read() != expected:
        sys.exit(f"out-{form}/schedule.csv differs from out-comma/schedule.csv")
if "Paie de l'État".encode("utf-8") not in expected:
    sys.exit("the accented name did not come through")
