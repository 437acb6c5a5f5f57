# A file one byte over the limit of 1 GiB (sparse: no disk space is taken).
with open("huge.csv", "w", newline="") as f:
    f.write("id,name,agency\n")
    f.truncate((1 << 30) + 1)
