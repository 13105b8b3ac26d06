"""The vocabulary the code uses, read from ontology/ir.ttl: a checked namespace.

`IR.met` exists only if ir.ttl defines it, so a misspelt term is an error at the
first use, not a silent new IRI in the graph.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
IR_IRI = "https://w3id.org/irkg/ontology#"
ID = Namespace("https://w3id.org/irkg/id/")
CAMEO = Namespace("https://w3id.org/irkg/cameo/")
PLOVER = Namespace("https://w3id.org/irkg/plover/")
VERSION = "0.1.0"

_DEFINING = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.SymmetricProperty}


def _terms() -> list[str]:
    g = Graph()
    g.parse(ONTOLOGY_DIR / "ir.ttl", format="turtle")
    terms = set()
    for s, o in g.subject_objects(RDF.type):
        if o in _DEFINING and isinstance(s, URIRef) and str(s).startswith(IR_IRI):
            terms.add(str(s)[len(IR_IRI):])
    return sorted(terms)


IR = ClosedNamespace(IR_IRI, _terms())

PREFIXES = {"ir": IR_IRI, "id": str(ID), "cameo": str(CAMEO), "plover": str(PLOVER), "prov": str(PROV),
            "skos": str(SKOS), "rdfs": str(RDFS), "rdf": str(RDF), "xsd": str(XSD), "dcterms": str(DCTERMS),
            "owl": str(OWL)}
