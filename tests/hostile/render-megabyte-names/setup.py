# A hub system named with a megabyte, in an agency with a 100000-character code and a megabyte
# name, used by a system in each of 40 waves.
import os

NAME = "N" * 1_000_000
CODE = "C" * 100_000
os.makedirs("inventory", exist_ok=True)
with open("inventory/agencies.csv", "w", encoding="utf-8") as f:
    f.write(f"code,name\n{CODE},{NAME}\nB,Users\n")
with open("inventory/systems.csv", "w", encoding="utf-8") as f:
    f.write("id,name,agency,pinned_wave,depends_on\n")
    f.write(f"HUB,{NAME},{CODE},1,\n")
    f.writelines(f"S{w},user {w},B,{w},HUB\n" for w in range(2, 41))
