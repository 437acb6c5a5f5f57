"""A model of 5,000,001 elements (the root, and 5,000,000 empty ones, one a line): one more than
cloudplan reads from a file."""
with open("many.xml", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">\n')
    f.write("<a/>\n" * 5_000_000)
    f.write("</model>\n")
