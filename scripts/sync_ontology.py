#!/usr/bin/env python3
"""Write the generated blocks of ontology/ir.ttl from the lexicon's data files.

The relation properties (kg/data/relations.tsv) and weapon classes (kg/data/weapons.tsv)
are data; the ontology must name each of them. Run after editing either file:

    python scripts/sync_ontology.py          # rewrite the blocks
    python scripts/sync_ontology.py --check  # exit 1 if ontology/ir.ttl is out of step
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.tables import read_table  # noqa: E402

ONTOLOGY = ROOT / "ontology" / "ir.ttl"
PLOVER_CLASS = {p: p.capitalize() for p in ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE "
                                            "REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()}


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def relations_block() -> str:
    lines = []
    for row in sorted(read_table("relations.tsv"), key=lambda r: r["property"]):
        kinds = "owl:ObjectProperty, owl:SymmetricProperty" if row["symmetric"] == "yes" else "owl:ObjectProperty"
        comment = row.get("description") or f"The source {row['relation']} the target."
        # Weapons relations point at things, not actors; "deployed" takes either.
        rng = {"tested": "ir:Object", "launched": "ir:Object", "fired": "ir:Object"}.get(row["property"], "ir:Actor")
        if row["property"] == "deployed":
            rng = "owl:Thing"
        lines.append(
            f"ir:{row['property']} a {kinds} ;\n"
            f"    rdfs:subPropertyOf ir:directRelation ;\n"
            f"    rdfs:label {_lit(row['relation'])} ;\n"
            f"    rdfs:domain ir:Actor ; rdfs:range {rng} ;\n"
            + (f"    ir:ploverType plover:{row['plover']} ;\n" if row.get("plover") else "")
            + f"    rdfs:comment {_lit(comment)} .")
    return "\n".join(lines)


def weapons_block() -> str:
    classes: dict[str, tuple[str, str]] = {}
    for row in read_table("weapons.tsv"):
        classes.setdefault(row["class"], (row.get("label") or row["phrase"], row.get("parent") or "Weapon"))
    lines = []
    for cls, (label, parent) in sorted(classes.items()):
        if cls in ("Weapon", "Object"):
            continue
        lines.append(f"ir:{cls} a owl:Class ; rdfs:subClassOf ir:{parent} ; rdfs:label {_lit(label)} .")
    return "\n".join(lines)


def render(text: str) -> str:
    for name, block in (("relations", relations_block()), ("weapons", weapons_block())):
        text = re.sub(rf"# BEGIN {name}\n.*?# END {name}\n", f"# BEGIN {name}\n{block}\n# END {name}\n",
                      text, flags=re.S)
    return text


def main(argv: list[str]) -> int:
    old = ONTOLOGY.read_text(encoding="utf-8")
    new = render(old)
    if "--check" in argv:
        if new != old:
            print(f"{ONTOLOGY} is out of step with kg/data; run scripts/sync_ontology.py", file=sys.stderr)
            return 1
        return 0
    ONTOLOGY.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
