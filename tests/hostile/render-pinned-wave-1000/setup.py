# Two systems, one pinned to the last wave there can be: 998 waves in between move nothing.
import os

os.makedirs("inventory", exist_ok=True)
with open("inventory/systems.csv", "w", encoding="utf-8") as f:
    f.write("id,name,agency,type,strategy,pinned_wave\n"
            "X/a,Pinned,X,application,rehost,1000\n"
            "X/b,Free,X,database,rehost,\n")
