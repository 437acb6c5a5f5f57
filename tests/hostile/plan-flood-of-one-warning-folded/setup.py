"""Writes systems.csv: 1,000 retained systems that each depend on one retiring system, so that
the plan warns 1,000 times that a retained system loses its provider."""
rows = ["id,name,agency,type,strategy,depends_on", "MOF/old,Old,MOF,application,retire,"]
rows += [f"MOF/keep-{i:04d},Keep {i},MOF,application,retain,MOF/old" for i in range(1, 1001)]
rows.append("MOF/new,New,MOF,application,rehost,")
with open("systems.csv", "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
