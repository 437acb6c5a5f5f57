"""The same inventory in UTF-16, little- and big-endian, without a byte-order mark (what some
export tools write): it was called a binary file ("NUL byte: this is not a text file")."""
text = "id,name,agency\nMOF/gl,Grand livre général,MOF\n"
for name, encoding in (("le.csv", "utf-16-le"), ("be.csv", "utf-16-be")):
    with open(name, "wb") as f:
        f.write(text.encode(encoding))
