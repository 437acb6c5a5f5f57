# A systems header and two million rows of one id and nothing else (4 MB): every row is wrong.
with open("systems.csv", "w", newline="") as f:
    f.write("id,name,agency,type,strategy,criticality\n")
    f.write("x\n" * 2_000_000)
