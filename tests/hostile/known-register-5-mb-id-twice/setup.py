# A register of ids whose second and fourth rows hold the same 5 MB id; a ministry's systems file
# that names it and a register system as dependencies; and one that names a near copy of it and a
# typo of the register system (the suggester must not compare 5 MB by 5 MB).
huge = "MOJ/" + "x" * 5_000_000
with open("national-ids.csv", "w", newline="") as f:
    f.write("national_id,name,agency\n")
    f.write(f"{huge},Huge,MOJ\n")
    f.write("MOJ/courts,Court records,MOJ\n")
    f.write(f"{huge},Huge again,MOJ\n")
with open("systems.csv", "w", newline="") as f:
    f.write("id,name,agency,depends_on\n")
    f.write(f"MOF/pay,Payroll,MOF,MOJ/courts;{huge}\n")
with open("typo.csv", "w", newline="") as f:
    f.write("id,name,agency,depends_on\n")
    f.write(f"MOF/pay,Payroll,MOF,MOJ/courtz;{huge[:-1]}y\n")
