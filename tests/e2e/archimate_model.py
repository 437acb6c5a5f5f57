"""What the end-to-end tests of ArchiMate need to read an exchange model as cloudplan reads it:
the names of its XML, the element types that are systems, and the relationships that become
dependencies (spec/archimate-mapping.md's direct rules)."""
import xml.etree.ElementTree as ET

NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
SYSTEM_TYPES = {"ApplicationComponent", "ApplicationInterface", "Node", "Device",
                "CommunicationNetwork", "TechnologyInterface", "SystemSoftware"}

DEPENDENCY_TYPES = {"Serving": False, "Flow": False, "Triggering": False, "Assignment": False,
                    "Realization": False, "Composition": True, "Aggregation": True}
TECHNOLOGY_NODES = {"Node", "Device", "SystemSoftware"}


def dependency_relationships(path):
    """{identifier: (type, source, target)} of the relationships cloudplan reads as dependencies
    (spec/archimate-mapping.md's direct rules): between two system elements, of a type that gives
    one (Assignment and Realization from a technology node only), not from a system to itself,
    and the first of those that give the same consumer and provider."""
    root = ET.parse(path).getroot()
    types = {e.get("identifier"): e.get(XSI_TYPE) for e in root.iter(NS + "element")}
    read, pairs = {}, set()
    for r in root.iter(NS + "relationship"):
        kind, source, target = r.get(XSI_TYPE), r.get("source"), r.get("target")
        if (kind not in DEPENDENCY_TYPES or types.get(source) not in SYSTEM_TYPES
                or types.get(target) not in SYSTEM_TYPES or source == target):
            continue
        if kind in ("Assignment", "Realization") and types[source] not in TECHNOLOGY_NODES:
            continue
        pair = (source, target) if DEPENDENCY_TYPES[kind] else (target, source)
        if pair not in pairs:
            pairs.add(pair)
            read[r.get("identifier")] = (kind, source, target)
    return read


def relationships(path):
    """{identifier: (type, source, target)} of every relationship of the file."""
    root = ET.parse(path).getroot()
    return {r.get("identifier"): (r.get(XSI_TYPE), r.get("source"), r.get("target"))
            for r in root.iter(NS + "relationship")}
