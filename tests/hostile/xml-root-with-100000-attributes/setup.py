"""A root element with 100,000 attributes, and one with 500,000: TinyXML-2 checks each attribute
against those before it, which took 38 s for 100,000 and did not end in a minute for 500,000."""
for count in (100_000, 500_000):
    attributes = "".join(f'\n  a{i}="{i}"' for i in range(count))
    with open(f"root-{count}.xml", "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"{attributes}>\n'
                "</model>\n")
