"""`kg validate`: check the store against the SHACL shapes of ontology/shapes.ttl.

What is validated is the union of the data graphs (every named graph but the ontology
graph), as one rdflib Graph: an event in an article's graph points to actors described
in the actors graph, so the graphs only make sense together. The CAMEO and PLOVER code
schemes (cameo.ttl, plover.ttl) are added to it as reference data, so that a shape can
check that a code exists; ir.ttl is pySHACL's ontology graph, whose class and property
axioms pySHACL copies in, so that sh:class follows rdfs:subClassOf (an ir:Person is an
ir:Actor) and the SPARQL constraints see rdfs:subPropertyOf and owl:SymmetricProperty.
(pySHACL copies only RDFS/OWL axioms from an ontology graph, not SKOS concepts: hence the
code schemes go in the data.) No RDFS/OWL inference is run over the data: the shapes say
what the graph itself must contain, and a run stays fast (under a second for the seed).
"""
from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from .store import ONTOLOGY_GRAPH, Store, to_rdflib
from .vocab import ONTOLOGY_DIR, PREFIXES

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_FILE = ONTOLOGY_DIR / "ir.ttl"
CODE_SCHEMES = [ONTOLOGY_DIR / "cameo.ttl", ONTOLOGY_DIR / "plover.ttl"]
MAX_SHOWN = 50  # violations listed in full in the report; the rest are only counted


def _term(term: object) -> object:
    """pyoxigraph -> rdflib, with "x"^^xsd:string as the plain literal "x".

    RDF 1.1 makes them the same term, but rdflib compares them as different, so a shape's
    sh:in ("asserted" ...) would not match the store's "asserted"^^xsd:string.
    """
    t = to_rdflib(term)
    if isinstance(t, Literal) and t.datatype == XSD.string:
        return Literal(str(t))
    return t


def data_graph(store: Store) -> Graph:
    """The union of the store's data graphs (the ontology graph left out)."""
    g = Graph()
    for q in store.quads():
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == ONTOLOGY_GRAPH:
            continue
        g.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    return g


def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate_graph(data: Graph) -> tuple[bool, str]:
    """Validate a data graph against the shapes; (conforms, readable report).

    `data` is used as pySHACL's working graph (inplace): the code schemes and the
    ontology's axioms are added to it, so pass a graph you can spare.
    """
    from pyshacl import validate as shacl_validate  # imported here: it takes a second to load

    checked = len(data)
    for f in CODE_SCHEMES:
        data.parse(f, format="turtle")
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes_graph(), ont_graph=Graph().parse(ONTOLOGY_FILE, format="turtle"),
        inference="none", advanced=True,  # advanced: the SPARQL targets of shapes.ttl
        inplace=True, abort_on_first=False, allow_warnings=False)
    if conforms:
        return True, f"the graph conforms to {SHAPES_FILE.name} ({checked} triples checked)"
    return False, report(results, checked)


def validate(store: Store) -> tuple[bool, str]:
    """Check the store's data graphs against ontology/shapes.ttl; (conforms, readable report)."""
    data = data_graph(store)
    # Let go of the store before pySHACL runs: it leaves frames in reference cycles, and a
    # frame that still held the store would keep the database (and its lock) open until
    # the next garbage collection.
    del store
    return validate_graph(data)


# --- the report ---------------------------------------------------------------------------

def _short(term: object, g: Graph) -> str:
    """A term as a reader wants it: ir:met, "Korea", [blank node]."""
    if isinstance(term, URIRef):
        iri = str(term)
        # The longest matching namespace wins: id: is a prefix of nothing else, but be safe.
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, Literal):
        text = str(term)
        text = text if len(text) <= 60 else text[:59] + "…"
        shown = '"' + text.replace("\n", " ") + '"'
        if term.language:
            return f"{shown}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{shown}^^{_short(term.datatype, g)}"
        return shown
    if isinstance(term, BNode):
        # A property path or an anonymous node: rdflib's own rendering is the least bad.
        path = _path(term, g)
        return path if path else "[blank node]"
    return str(term)


def _path(node: BNode, g: Graph) -> str | None:
    """Render the simple SHACL paths (inverse, alternative) that a shape could use."""
    inv = g.value(node, SH.inversePath)
    if inv is not None:
        return f"^{_short(inv, g)}"
    return None


def report(results: Graph, checked: int) -> str:
    """pySHACL's results graph as a short text: a count, a tally, then a few lines per violation."""
    rows = []
    # Only the report's own results: those of a failed sh:node also sit in the graph,
    # as sh:detail of the result that names the node, and would be counted twice.
    results_of_report = [r for rep in results.subjects(RDF.type, SH.ValidationReport)
                         for r in results.objects(rep, SH.result)]
    for r in results_of_report:
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        message = results.value(r, SH.resultMessage)
        component = results.value(r, SH.sourceConstraintComponent)
        rows.append({
            "focus": _short(focus, results) if focus is not None else "?",
            "path": _short(path, results) if path is not None else None,
            "value": _short(value, results) if value is not None else None,
            "message": str(message) if message is not None else "(no message)",
            # sh:MinCountConstraintComponent -> MinCount: names the kind of rule broken
            "component": str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
            if component is not None else "?",
        })
    rows.sort(key=lambda x: (x["focus"], x["path"] or "", x["message"], x["value"] or ""))
    focus_nodes = len({x["focus"] for x in rows})
    lines = [f"the graph does not conform to {SHAPES_FILE.name}: {len(rows)} violation"
             f"{'s' if len(rows) != 1 else ''} on {focus_nodes} node{'s' if focus_nodes != 1 else ''} "
             f"({checked} triples checked)"]
    by_message = Counter(x["message"] for x in rows)
    if len(by_message) > 1:
        lines.append("by rule:")
        lines += [f"  {n:5d}  {m}" for m, n in by_message.most_common()]
    lines.append("")
    for i, x in enumerate(rows[:MAX_SHOWN], 1):
        lines.append(f"{i}. {x['focus']}")
        if x["path"]:
            lines.append(f"   path:    {x['path']}")
        if x["value"]:
            lines.append(f"   value:   {x['value']}")
        lines.append(f"   problem: {x['message']} [{x['component']}]")
    if len(rows) > MAX_SHOWN:
        lines.append(f"... and {len(rows) - MAX_SHOWN} more violations not shown")
    return "\n".join(lines)
