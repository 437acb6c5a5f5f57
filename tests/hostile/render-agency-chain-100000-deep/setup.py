# Agencies A0 > A1 > ... > A99999, a system at the top that depends on one at the bottom.
import os

LEVELS = 100000
os.makedirs("inventory", exist_ok=True)
with open("inventory/agencies.csv", "w", encoding="utf-8") as f:
    f.write("code,name,parent\nA0,Agency 0,\n")
    f.writelines(f"A{i},Agency {i},A{i - 1}\n" for i in range(1, LEVELS))
with open("inventory/systems.csv", "w", encoding="utf-8") as f:
    f.write("id,name,agency,type,strategy,depends_on\n")
    f.write("S0,Top,A0,application,rehost,S1\n")
    f.write(f"S1,Bottom,A{LEVELS - 1},database,rehost,\n")
