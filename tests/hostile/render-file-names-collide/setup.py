# Three agencies whose codes differ only in characters a file name cannot hold as they are, and
# one whose code is 245 characters long.
import os

LONG = "L" * 245
os.makedirs("inventory", exist_ok=True)
with open("inventory/agencies.csv", "w", encoding="utf-8") as f:
    f.write(f"code,name\nM/F,Slash\nM_F,Underscore\nM_F-2,Dash two\n{LONG},Long\n")
with open("inventory/systems.csv", "w", encoding="utf-8") as f:
    f.write(f"id,name,agency\nS1,one,M/F\nS2,two,M_F\nS3,three,M_F-2\nS4,four,{LONG}\n")
