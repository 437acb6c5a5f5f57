# A systems header of 9000 columns (8997 extra ones) over 100000 blank lines (some 250 KB).
with open("systems.csv", "w", newline="") as f:
    f.write("id,name,agency," + ",".join(f"c{i}" for i in range(8997)) + "\n")
    f.write("\n" * 100_000)
