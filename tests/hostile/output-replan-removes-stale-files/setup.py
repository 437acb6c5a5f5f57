import os
os.makedirs("out")
with open("out/notes.txt", "w") as f:
    f.write("my notes on the plan\n")
