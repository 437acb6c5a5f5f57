"""Writes national.db: an SQLite file with cloudplan's application id and schema version 99, as a
cloudplan of the future would leave it (a table it knows nothing of), and its SHA-256 beside it."""
import hashlib
import sqlite3

database = sqlite3.connect("national.db")
database.execute("PRAGMA application_id = 0x436c506e")
database.execute("PRAGMA user_version = 99")
database.execute("CREATE TABLE submissions_v99 (number INTEGER PRIMARY KEY, quantum TEXT)")
database.execute("INSERT INTO submissions_v99 VALUES (1, 'entangled')")
database.commit()
database.close()
with open("national.db", "rb") as f:
    digest = hashlib.sha256(f.read()).hexdigest()
with open("national.db.sha256", "w") as f:
    f.write(digest)
