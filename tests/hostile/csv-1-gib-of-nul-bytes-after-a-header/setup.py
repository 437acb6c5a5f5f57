# A header and a row, then NUL bytes up to 1 GiB (a sparse file: no disk space is taken).
with open("zeros.csv", "w", newline="") as f:
    f.write("id,name,agency\nMOF/gl,General ledger,MOF\n")
    f.truncate(1 << 30)
