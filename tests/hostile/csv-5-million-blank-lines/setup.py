# A systems header and five million blank lines (5 MB).
with open("systems.csv", "w", newline="") as f:
    f.write("id,name,agency\n")
    f.write("\n" * 5_000_000)
