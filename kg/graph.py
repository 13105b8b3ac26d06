"""Records -> RDF quads under the ontology: one named graph per article.

Everything extracted from an article (its metadata, events, objects, direct relation
triples and PROV links) goes in the article's graph; shared actor descriptions go in
the actors graph. IRIs are minted from stable keys, so building the same article
again gives the same quads.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from . import gazetteer as gz
from . import lexicon as lx
from .gazetteer import slug
from .records import Actor, Article, Event, Thing
from .vocab import CAMEO, ID, IR, PLOVER, VERSION

Quad = tuple[URIRef, URIRef, object, URIRef]
ACTORS_GRAPH = ID["graph/actors"]
PLOVER_CLASS = {p: getattr(IR, p.capitalize()) for p in (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT").split()}
DATE_TYPES = {"day": XSD.date, "week": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def _q(text: str) -> str:
    return quote(text, safe="-_.~")


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{_q(article_id)}"]


def graph_iri(article_id: str) -> URIRef:
    return ID[f"graph/{_q(article_id)}"]


def actor_iri(key: str) -> URIRef:
    kind, _, ident = key.partition("/")
    return ID[f"actor/{kind}/{_q(ident)}"]


def office_iri(country: str, title: str) -> URIRef:
    return ID[f"office/{_q(country)}/{slug(title)}"]


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def event_iri(ev: Event) -> URIRef:
    return ID[f"event/{_q(ev.article_id)}/" + _digest(
        ev.trigger_start, ev.relation, ev.mode, ev.source.key, ev.target.key if ev.target else "",
        f"{ev.object.cls}@{ev.object.start}" if ev.object else "")]


def reported_iri(ev: Event) -> URIRef | None:
    """The real-world event this mention reports, the same IRI in every article that reports it:
    same source, type, target (either way for a symmetric act) or kind of object, and the same
    date at the precision the text gives (a day, else a month). Only asserted events dated to the
    day or the month are identified so: an intent, an undated act or one dated only to its year
    ("their meeting last year": a pair may meet several times a year) is its own mention only.
    Because the IRI is computed from the mention, a later build joins the event of an earlier
    one, and removing an article's graph removes its mentions and, with the last, the event."""
    if ev.mode != "asserted" or not ev.date or ev.date_precision not in ("day", "month") or not ev.plover:
        return None
    sides = [ev.source.key, ev.target.key if ev.target else ""]
    if ev.symmetric:
        sides.sort()
    return ID["reported/" + _digest(ev.plover, *sides, ev.object.cls if ev.object else "", ev.date)]


def thing_iri(article_id: str, thing: Thing) -> URIRef:
    return ID[f"thing/{_q(article_id)}/{_digest(thing.cls, thing.start, thing.end)}"]


def content_hash(article: Article, model: str) -> str:
    h = hashlib.sha256()
    for part in (article.text, article.date, article.title, article.url, article.source, article.author,
                 VERSION, model):
        h.update((part or "").encode("utf-8") + b"\x00")
    return h.hexdigest()


def _lit(value: object, datatype: URIRef | None = None) -> Literal:
    return Literal(value, datatype=datatype)


def date_literal(value: str, precision: str) -> Literal:
    return Literal(value, datatype=DATE_TYPES.get(precision, XSD.date))


def actor_quads(actors: Iterable[Actor]) -> list[Quad]:
    """Descriptions of actors (and of the states they belong to) for the shared actors graph."""
    g = gz.load()
    out: list[Quad] = []
    done: set[str] = set()
    pending = list(actors)
    while pending:
        a = pending.pop()
        if a.key in done:
            continue
        done.add(a.key)
        s = actor_iri(a.key)
        G = ACTORS_GRAPH
        out += [(s, RDF.type, getattr(IR, a.type), G), (s, RDF.type, IR.Actor, G),
                (s, RDFS.label, Literal(a.label), G), (s, SKOS.prefLabel, Literal(a.label), G)]
        for alias in a.aliases:
            if alias != a.label:
                out.append((s, SKOS.altLabel, Literal(alias), G))
        if a.country:
            out.append((s, IR.countryCode, Literal(a.country), G))
            state = g.states.get(a.country)
            if state is not None and a.type != "State":
                out.append((s, IR.country, actor_iri(state.key), G))
                pending.append(state)
        if a.sector:
            out.append((s, IR.sector, Literal(a.sector), G))
        if a.parent:
            parent = g.actor(a.parent)
            if parent is not None:
                out.append((s, IR.partOf, actor_iri(parent.key), G))
                pending.append(parent)
        if a.type == "Person" and a.title:
            office = office_iri(a.country or "XXX", a.title)
            out += [(s, IR.holdsOffice, office, G), (office, RDF.type, IR.Office, G),
                    (office, IR.title, Literal(a.title), G)]
            where = g.country_label(a.country) if a.country else ""
            out.append((office, RDFS.label, Literal(f"{a.title} of {where}" if where else a.title), G))
            if a.country in g.states:
                out.append((office, IR.officeOf, actor_iri(f"state/{a.country}"), G))
    return out


def article_quads(article: Article, events: list[Event], mentioned: Iterable[Actor], model: str) -> list[Quad]:
    """The article's named graph: metadata, PROV links, events, objects and direct triples."""
    lex = lx.load()
    G = graph_iri(article.id)
    a = article_iri(article.id)
    run = ID[f"extraction/{_q(article.id)}"]
    out: list[Quad] = [
        (a, RDF.type, IR.Article, G), (a, IR.articleId, Literal(article.id), G),
        (a, IR.contentHash, Literal(content_hash(article, model)), G),
        (run, RDF.type, IR.Extraction, G), (run, PROV.used, a, G),
        (run, IR.extractorVersion, Literal(f"irkg {VERSION}"), G), (run, IR.languageModel, Literal(model), G),
    ]
    if article.title:
        out.append((a, DCTERMS.title, Literal(article.title), G))
    if article.date:
        out.append((a, DCTERMS.date, Literal(article.date, datatype=XSD.date), G))
    if article.url:
        out.append((a, IR.url, Literal(article.url, datatype=XSD.anyURI), G))
    if article.source:
        out.append((a, IR.outlet, Literal(article.source), G))
    if article.author:
        out.append((a, DCTERMS.creator, Literal(article.author), G))
    for actor in sorted({m.key: m for m in mentioned}.values(), key=lambda x: x.key):
        out.append((a, IR.mentions, actor_iri(actor.key), G))
    for ev in events:
        out += _event_quads(ev, a, run, G, lex)
    return out


def _event_quads(ev: Event, article: URIRef, run: URIRef, G: URIRef, lex: lx.Lexicon) -> list[Quad]:
    e = event_iri(ev)
    rel = lex.relations.get(ev.relation)
    prop = getattr(IR, rel.property) if rel else IR.directRelation
    src = actor_iri(ev.source.key)
    out: list[Quad] = [
        (e, RDF.type, IR.Event, G), (e, RDF.type, PLOVER_CLASS.get(ev.plover, IR.Statement), G),
        (e, IR.relation, prop, G), (e, IR.source, src, G),
        (e, IR.cameo, CAMEO[ev.cameo], G), (e, IR.mode, Literal(ev.mode), G),
        (e, IR.confidence, Literal(f"{ev.confidence:.3f}", datatype=XSD.decimal), G),
        (e, IR.sentence, Literal(ev.sentence), G),
        (e, IR.sentenceStart, Literal(ev.start), G), (e, IR.sentenceEnd, Literal(ev.end), G),
        (e, IR.triggerStart, Literal(ev.trigger_start), G), (e, IR.triggerEnd, Literal(ev.trigger_end), G),
        (e, PROV.wasDerivedFrom, article, G), (e, PROV.wasGeneratedBy, run, G),
        (e, IR.dateFromArticle, Literal(ev.date_from_article), G),
    ]
    label = f"{ev.source.label} {ev.relation}"
    if ev.plover:
        out.append((e, IR.plover, PLOVER[ev.plover], G))
    if ev.quad:
        out.append((e, IR.quadClass, Literal(ev.quad), G))
    reported = reported_iri(ev)
    if reported is not None:
        out += [(e, IR.reportOf, reported, G), (reported, RDF.type, IR.ReportedEvent, G)]
    score = lex.code(ev.cameo).goldstein
    if score is not None:
        out.append((e, IR.goldstein, Literal(f"{score:.1f}", datatype=XSD.double), G))
    if ev.date:
        out += [(e, IR.date, date_literal(ev.date, ev.date_precision), G),
                (e, IR.datePrecision, Literal(ev.date_precision), G)]
    if ev.location:
        out.append((e, IR.location, Literal(ev.location), G))
    if ev.source_sector:
        out.append((e, IR.sourceSector, Literal(ev.source_sector), G))
    if ev.target is not None:
        tgt = actor_iri(ev.target.key)
        out += [(e, IR.target, tgt, G), (src, prop, tgt, G)]
        if ev.symmetric:
            out.append((tgt, prop, src, G))
        if ev.target_sector:
            out.append((e, IR.targetSector, Literal(ev.target_sector), G))
        label += f" {ev.target.label}"
    if ev.object is not None:
        thing = thing_iri(ev.article_id, ev.object)
        out += [(e, IR.object, thing, G), (thing, RDF.type, getattr(IR, ev.object.cls, IR.Weapon), G),
                (thing, RDF.type, IR.Object, G), (thing, RDFS.label, Literal(ev.object.label), G)]
        if ev.target is None:
            out.append((src, prop, thing, G))
        label += f" {ev.object.label}" if ev.target is None else f" ({ev.object.label})"
    out.append((e, RDFS.label, Literal(label), G))
    return out
