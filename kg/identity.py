"""Actors across the store: one row per person, and the analyst's corrections.

An article's extraction knows only that article: "Assad" in one and "Bashar al-Assad" in
another become two actors, and so do "Abdel Fattah el-Sisi" and "Abdel Fattah el-Sissi". After
every build the store is settled as a whole:

1. people: names that are the same once spelling is set aside (accents, case, hyphens, Arabic
   articles, doubled letters, word order) are one person; a surname alone is the one person of
   the store with that surname, when there is exactly one and the countries agree; so is the end
   of a compound name ("Pena Nieto") and a name misspelt by one letter ("Xi Jingping"). The merged
   actor keeps the other names as skos:altLabel, so that they stay searchable.
2. corrections: the lines of the analyst's corrections file (see `read_corrections`), kept in the
   store's corrections graph so that every later build applies them again.

Merging rewrites the actor's IRI in every graph; it depends on the store's content only, so a
rebuild gives the same store whatever the order the articles came in.
"""
from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from . import gazetteer as gz
from . import names
from .actors import _east_asian, family_first
from .actors import one_edit as _one_edit
from .errors import KgError
from .graph import ACTORS_GRAPH, ID, actor_iri, office_iri
from .tables import read_table
from .vocab import IR

CORRECTIONS_GRAPH = ID["graph/corrections"]
ACTIONS = ("merge", "rename", "country", "drop")
# Particles that spelling varies on ("Bashar al-Assad", "Bashar Assad") and that are no surname.
PARTICLES = {"al", "el", "ad", "as", "ash", "at", "an", "ar", "az", "ul", "de", "da", "di", "du", "van", "von",
             "der", "la", "le", "dos", "das"}
# Patronymics: "Mohammed bin Salman" is not a Mr Salman.
PATRONYMIC = {"bin", "ibn", "bint", "ben", "ould"}


def _fold(word: str) -> str:
    word = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    out = []
    for c in word:
        if c.isalnum() and (not out or out[-1] != c):  # "Sissi" and "Sisi", "Qaddafi" and "Qadafi"
            out.append(c)
    return "".join(out)


SUFFIXES = {"jr", "sr", "i", "iv"}  # as folded: "III" is "i"


@lru_cache(maxsize=1)
def nicknames() -> dict[str, str]:
    return {_fold(r["nickname"]): _fold(r["name"]) for r in read_table("nicknames.tsv")}


@lru_cache(maxsize=1)
def epithets() -> frozenset[str]:
    return frozenset(_fold(r["word"]) for r in read_table("epithets.tsv"))


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a person's name as spelling variants share them: folded, without Arabic
    articles, middle initials and Jr./III, given names in their full form ("Mike" is "Michael")."""
    words = [_fold(w) for w in name.replace("-", " ").replace("’", " ").replace("'", " ").replace(".", " ").split()]
    words = [w for w in words if w]
    kept = [w for k, w in enumerate(words) if w not in PARTICLES and w not in SUFFIXES
            and not (len(w) == 1 and 0 < k < len(words) - 1)]
    kept = kept or words
    if len(kept) >= 2:
        kept[0] = nicknames().get(kept[0], kept[0])
    return tuple(kept)


def initials(name: str) -> str:
    """The middle initials of a name, folded: "hw" of "George H.W. Bush", "" of "George Bush"."""
    words = [w for w in name.replace(".", ". ").split() if w]
    return "".join(_fold(w) for w in words[1:-1] if len(_fold(w)) == 1)


@dataclass
class Person:
    iri: str
    label: str
    country: str | None
    mentions: int
    names: set[str] = field(default_factory=set)  # label and alternative labels
    articles: set[str] = field(default_factory=set)  # the graphs of the articles that mention it


def people_merges(people: list[Person]) -> dict[str, str]:
    """IRI -> the IRI it is the same person as, for the people of a store."""
    known = gz.load().people
    gazetteer_iris = {str(actor_iri(k)) for k in known}
    parent = {p.iri: p.iri for p in people}
    by_iri = {p.iri: p for p in people}
    country = {p.iri: p.country for p in people}  # of each merged group, at its root

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def rank(p: Person) -> tuple:
        # the gazetteer's actor, else the most mentioned, else the fullest name
        return (p.iri not in gazetteer_iris, -p.mentions, -len(p.label.split()), p.label, p.iri)

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        if country[ra] and country[rb] and country[ra] != country[rb]:
            return
        keep, other = sorted((ra, rb), key=lambda x: rank(by_iri[x]))
        parent[other] = keep
        country[keep] = country[keep] or country[other]

    # 1. the same full name, spelling aside; middle initials set aside only when one name has
    # none: "George H.W. Bush" and "George W. Bush" are two presidents, "George Bush" either
    full: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for p in people:
        for n in p.names:
            toks = name_tokens(n)
            if len(toks) >= 2:
                full[tuple(sorted(toks))][initials(n)].add(p.iri)
    for by_initials in full.values():
        classes = [sorted(iris) for ini, iris in sorted(by_initials.items()) if ini]
        bare = sorted(by_initials.get("", ()))
        if len(classes) == 1:
            classes[0] += bare
        elif not classes:
            classes = [bare]
        for iris in classes:
            for other in iris[1:]:
                union(iris[0], other)
    # 2. the end of a full name ("Pena Nieto", "Ocasio-Cortez" of Alexandria Ocasio-Cortez) and a
    # near spelling ("Xi Jingping", "Mr. Bagsiri" of Mamo al-Bagsri): the one person it can be,
    # of the same article, else, for a person of the gazetteer, of the store.
    # Full names by their last word and by that word with one letter dropped: two words one edit
    # apart share such a key, so each name is compared with a handful of others, not the store.
    by_key: dict[str, list[tuple[Person, tuple[str, ...]]]] = defaultdict(list)
    for q in people:
        for n in q.names:
            t = name_tokens(n)
            if len(t) >= 2:
                for key in _keys(t[-1]):
                    by_key[key].append((q, t))
    for p in people:
        toks = name_tokens(p.label)
        if not toks or any(len(t) < 2 for t in toks):
            continue

        def fits(q: Person, t: tuple[str, ...]) -> bool:
            if q.iri == p.iri or len(t) < len(toks) or set(t) & PATRONYMIC:
                return False
            if len(toks) >= 2 and len(t) > len(toks) and t[-len(toks):] == toks:
                return True  # a compound surname without the given name
            return _near_name(toks, t)

        seen: set[tuple[str, tuple[str, ...]]] = set()
        cands = []
        for key in _keys(toks[-1]):
            for q, t in by_key.get(key, ()):
                if (q.iri, t) not in seen and fits(q, t):
                    seen.add((q.iri, t))
                    cands.append((q, t))
        same = {find(q.iri) for q, _ in cands if q.articles & p.articles} - {find(p.iri)}
        store = {find(q.iri) for q, _ in cands if q.iri in gazetteer_iris} - {find(p.iri)}
        roots = same or store
        if len(roots) == 1:
            union(p.iri, roots.pop())
    # 3. a surname alone, the one person of the store it can be (after the misspellings above:
    # "Xi" once "Xi Jingping" is Xi Jinping)
    surnames: dict[str, set[str]] = defaultdict(set)
    for p in people:
        for n in p.names:
            toks = name_tokens(n)
            if len(toks) < 2 or set(toks) & PATRONYMIC:
                continue
            surnames[toks[-1]].add(p.iri)
            if _east_asian(n):
                surnames[toks[0]].add(p.iri)
    # In an article, "Michelle" or "Mr. Huntsman" is the one person of that article whose first
    # or last name it is; failing that, a surname is the one person of the store with it.
    by_article: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        for art in p.articles:
            by_article[art].append(p)
    for p in people:
        toks = name_tokens(p.label)
        nickname = len(toks) == 2 and toks[0] in epithets()  # "Crying Chuck" of the article's Chuck Schumer
        if nickname:
            toks = (nicknames().get(toks[1], toks[1]),)  # "Chuck" as full names have it: "Charles"
        elif len(toks) != 1 or len(toks[0]) < 3 and p.label not in family_first():  # "Xi", "Li" are names
            continue
        near = {find(q.iri) for art in p.articles for q in by_article[art] if q.iri != p.iri
                and any(len(t := name_tokens(n)) >= 2 and toks[0] in (t[0], t[-1]) for n in q.names)}
        roots = near or (set() if nickname else {find(x) for x in surnames.get(toks[0], set()) if x != p.iri})
        if len(roots) == 1:
            union(p.iri, roots.pop())
    return {iri: find(iri) for iri in parent if find(iri) != iri}


def _near_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """A misspelling: `a` is `b` (or `b`'s surname, for one word) with one letter added, dropped or
    changed in one word of five letters or more: "xi jingping" / "xi jinping", "bagsiri" / "bagsri"."""
    if len(a) == 1 and len(b) >= 2:
        b = b[-1:]
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and min(len(diff[0][0]), len(diff[0][1])) >= 5 and _one_edit(*diff[0])


def _keys(word: str) -> set[str]:
    """The word and, from five letters, the word less any one letter."""
    return {word} | ({word[:k] + word[k + 1:] for k in range(len(word))} if len(word) >= 5 else set())


PEOPLE = f"""
PREFIX ir: <{IR}>
PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
SELECT ?a ?name ?country ?n WHERE {{
  {{ SELECT ?a (COUNT(DISTINCT ?art) AS ?n) WHERE {{
       GRAPH <{ACTORS_GRAPH}> {{ ?a a ir:Person }}
       OPTIONAL {{ GRAPH ?g {{ ?art ir:mentions ?a }} }} }} GROUP BY ?a }}
  GRAPH <{ACTORS_GRAPH}> {{ {{ ?a rdfs:label ?name }} UNION {{ ?a skos:altLabel ?name }}
                            OPTIONAL {{ ?a ir:countryCode ?country }} }}
}}"""


def store_people(store) -> list[Person]:
    out: dict[str, Person] = {}
    for r in store.query(PEOPLE):
        iri = r["a"].value
        p = out.setdefault(iri, Person(iri, "", None, int(r["n"].value) if r["n"] is not None else 0))
        p.names.add(r["name"].value)
        if r["country"] is not None:
            p.country = p.country or r["country"].value
    for r in store.query(f"PREFIX ir: <{IR}> SELECT ?a ?g WHERE {{ GRAPH ?g {{ ?art ir:mentions ?a }} }}"):
        p = out.get(r["a"].value)
        if p is not None:
            p.articles.add(r["g"].value)
    for iri, p in out.items():
        p.label = min(p.names, key=lambda x: (-len(name_tokens(x)), x))
    return list(out.values())


def _iri(x: str) -> str:
    return URIRef(x).n3()


def rewrite(store, merges: dict[str, str]) -> None:
    """Every statement about or pointing to an actor of `merges` points to the actor it is merged
    into; the merged actor's names become the other's alternative labels."""
    if not merges:
        return
    values = " ".join(f"({_iri(a)} {_iri(b)})" for a, b in sorted(merges.items()))
    G = _iri(str(ACTORS_GRAPH))
    store.update(f"""
PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
INSERT {{ GRAPH {G} {{ ?new skos:altLabel ?name }} }}
WHERE {{ VALUES (?old ?new) {{ {values} }} GRAPH {G} {{ ?old rdfs:label|skos:prefLabel|skos:altLabel ?name }} }} ;
DELETE {{ GRAPH {G} {{ ?old rdfs:label ?name . ?old skos:prefLabel ?name }} }}
WHERE {{ VALUES (?old ?new) {{ {values} }} GRAPH {G} {{ ?old rdfs:label ?name }} }} ;
DELETE {{ GRAPH ?g {{ ?old ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?new ?p ?o }} }}
WHERE {{ VALUES (?old ?new) {{ {values} }} GRAPH ?g {{ ?old ?p ?o }} }} ;
DELETE {{ GRAPH ?g {{ ?s ?p ?old }} }} INSERT {{ GRAPH ?g {{ ?s ?p ?new }} }}
WHERE {{ VALUES (?old ?new) {{ {values} }} GRAPH ?g {{ ?s ?p ?old }} }}
""")


# --- corrections ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Correction:
    action: str
    actor: str
    value: str
    line: int
    source: str


def read_corrections(path: str | Path) -> list[Correction]:
    """A corrections file: tab-separated `action  actor  value` lines, `#` comments, optional
    header `action actor value`. Actions:

        merge    ACTOR  INTO     the two are one actor (INTO stays)
        rename   ACTOR  NAME     the actor's label becomes NAME (the old one stays as an alias)
        country  ACTOR  CODE     set the country (ISO 3166 alpha-3, or empty for none)
        drop     ACTOR           not an actor: its mentions, and the events it is the source of, go

    ACTOR and INTO are actor ids (as `kg export actors` and `kg actors` print them, with or
    without https://w3id.org/irkg/id/actor/) or an actor's name."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KgError("E212", path=path, line=0, detail=str(e)) from e
    out = []
    states = gz.load().states
    for no, row in enumerate(csv.reader(text.splitlines(), delimiter="\t"), 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#"):
            continue
        if no == 1 and cells[0].lower() == "action":
            continue
        action = cells[0].lower()
        if action not in ACTIONS:
            raise KgError("E212", path=path, line=no, detail=f"unknown action '{cells[0]}'"
                          + _suggest(cells[0].lower(), ACTIONS) + f"; use one of {', '.join(ACTIONS)}")
        if len(cells) < 2 or not cells[1]:
            raise KgError("E212", path=path, line=no, detail=f"'{action}' needs an actor in the second column")
        value = cells[2] if len(cells) > 2 else ""
        if action in ("merge", "rename") and not value:
            raise KgError("E212", path=path, line=no, detail=f"'{action}' needs a value in the third column")
        if action == "country" and value and value.upper() not in states:
            raise KgError("E212", path=path, line=no, detail=f"unknown country code '{value}'"
                          + _suggest(value.upper(), list(states)))
        out.append(Correction(action, cells[1], value.upper() if action == "country" else value, no, str(path)))
    return out


def _suggest(word: str, options) -> str:
    return names.suggest(word, options)


def save_corrections(store, corrections: list[Correction]) -> None:
    """Keep the corrections in the store (replacing any earlier set), for every build to apply."""
    from .store import _quads
    quads = []
    G = CORRECTIONS_GRAPH
    for c in corrections:
        node = ID[f"correction/{c.line}"]
        quads += [(node, RDF.type, IR.Correction, G), (node, IR.correctionAction, Literal(c.action), G),
                  (node, IR.correctedActor, Literal(c.actor), G), (node, IR.correctionValue, Literal(c.value), G),
                  (node, IR.correctionLine, Literal(c.line, datatype=XSD.integer), G),
                  (node, IR.correctionSource, Literal(c.source), G)]
    store.replace_graph(str(CORRECTIONS_GRAPH), _quads(quads))


def stored_corrections(store) -> list[Correction]:
    rows = store.query(f"""PREFIX ir: <{IR}>
SELECT ?action ?actor ?value ?line ?source WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{
  ?c a ir:Correction ; ir:correctionAction ?action ; ir:correctedActor ?actor ; ir:correctionValue ?value ;
     ir:correctionLine ?line ; ir:correctionSource ?source }} }} ORDER BY ?line""")
    return [Correction(r["action"].value, r["actor"].value, r["value"].value, int(r["line"].value),
                       r["source"].value) for r in rows]


ACTORS = f"""PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
PREFIX ir: <{IR}>
SELECT ?a ?name WHERE {{ GRAPH <{ACTORS_GRAPH}> {{ ?a a ir:Actor . {{ ?a rdfs:label ?name }} UNION {{ ?a skos:altLabel ?name }} }} }}"""


class ActorNames:
    """Resolve what an analyst typed (an id or a name) to the store's actor IRIs."""

    def __init__(self, store) -> None:
        self.by_name: dict[str, set[str]] = defaultdict(set)
        self.iris: set[str] = set()
        for r in store.query(ACTORS):
            self.iris.add(r["a"].value)
            self.by_name[r["name"].value.lower()].add(r["a"].value)

    def resolve(self, text: str) -> set[str]:
        t = text.strip()
        for form in (t, f"{ID}{t}", f"{ID}actor/{t}"):
            if form in self.iris:
                return {form}
        return set(self.by_name.get(t.lower(), set()))

    def missing(self, text: str) -> str:
        return f"no actor '{text}' in the store" + _suggest(text.lower(), self.by_name)


def apply_corrections(store, corrections: list[Correction]) -> list[str]:
    """Apply the corrections in file order; returns one note per line that names no actor of the
    store (a later build may bring it back), which is skipped."""
    notes = []
    g = gz.load()
    names = None
    for c in corrections:
        if names is None:
            names = ActorNames(store)
        found = names.resolve(c.actor)
        if not found:
            notes.append(f"{c.source}:{c.line}: {names.missing(c.actor)}; skipped")
            continue
        if c.action == "merge":
            into = names.resolve(c.value)
            if len(into) != 1:
                msg = names.missing(c.value) if not into else f"'{c.value}' names {len(into)} actors; give its actor id"
                notes.append(f"{c.source}:{c.line}: {msg}; skipped")
                continue
            target = into.pop()
            rewrite(store, {x: target for x in found if x != target})
        elif c.action == "rename":
            for x in found:
                _set_label(store, x, c.value)
        elif c.action == "country":
            for x in found:
                _set_country(store, x, c.value or None, g)
        elif c.action == "drop":
            for x in found:
                _drop(store, x)
        if c.action != "country":
            names = None  # a merge, a rename or a drop changes who is called what
    return notes


def _set_label(store, iri: str, label: str) -> None:
    G, s = _iri(str(ACTORS_GRAPH)), _iri(iri)
    lit = Literal(label).n3()
    store.update(f"""PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
DELETE {{ GRAPH {G} {{ {s} rdfs:label ?l . {s} skos:prefLabel ?l }} }}
INSERT {{ GRAPH {G} {{ {s} skos:altLabel ?l }} }} WHERE {{ GRAPH {G} {{ {s} rdfs:label ?l }} FILTER(str(?l) != {lit}) }} ;
DELETE DATA {{ GRAPH {G} {{ {s} skos:altLabel {lit} }} }} ;
INSERT DATA {{ GRAPH {G} {{ {s} rdfs:label {lit} . {s} skos:prefLabel {lit} }} }}""")


def _set_country(store, iri: str, code: str | None, g) -> None:
    G, s = _iri(str(ACTORS_GRAPH)), _iri(iri)
    update = f"""PREFIX ir: <{IR}>
DELETE {{ GRAPH {G} {{ {s} ir:countryCode ?c }} }} WHERE {{ GRAPH {G} {{ {s} ir:countryCode ?c }} }} ;
DELETE {{ GRAPH {G} {{ {s} ir:country ?c }} }} WHERE {{ GRAPH {G} {{ {s} ir:country ?c }} }}"""
    titles = [r["t"].value for r in store.query(
        f"PREFIX ir: <{IR}> SELECT DISTINCT ?t WHERE {{ GRAPH {G} {{ {s} ir:holdsOffice ?o . ?o ir:title ?t }} }}")]
    if titles:
        update += f""" ;
DELETE {{ GRAPH {G} {{ {s} ir:holdsOffice ?o }} }} WHERE {{ GRAPH {G} {{ {s} ir:holdsOffice ?o }} }}"""
    if code:
        state = g.states[code]
        add = [f"{s} ir:countryCode {Literal(code).n3()} .", f"{s} ir:country {_iri(str(actor_iri(state.key)))} ."]
        for t in titles:
            office = _iri(str(office_iri(code, t)))
            add += [f"{s} ir:holdsOffice {office} .", f"{office} a ir:Office .",
                    f"{office} ir:title {Literal(t).n3()} .",
                    f"{office} <{RDFS.label}> {Literal(f'{t} of {state.label}').n3()} .",
                    f"{office} ir:officeOf {_iri(str(actor_iri(state.key)))} ."]
        update += f" ;\nINSERT DATA {{ GRAPH {G} {{ {' '.join(add)} }} }}"
    store.update(update)


def _drop(store, iri: str) -> None:
    """Not an actor: the events it is the source of go (with their objects), it stops being the
    target of the others, and every statement about or pointing to it goes."""
    s = _iri(iri)
    store.update(f"""PREFIX ir: <{IR}>
DELETE {{ GRAPH ?g {{ ?t ?tp ?to }} }} WHERE {{ GRAPH ?g {{ ?e ir:source {s} ; ir:object ?t . ?t ?tp ?to }} }} ;
DELETE {{ GRAPH ?g {{ ?e ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?e ir:source {s} ; ?p ?o }} }} ;
DELETE {{ GRAPH ?g {{ ?e ir:targetSector ?ts }} }} WHERE {{ GRAPH ?g {{ ?e ir:target {s} ; ir:targetSector ?ts }} }} ;
DELETE {{ GRAPH ?g {{ {s} ?p ?o }} }} WHERE {{ GRAPH ?g {{ {s} ?p ?o }} }} ;
DELETE {{ GRAPH ?g {{ ?x ?p {s} }} }} WHERE {{ GRAPH ?g {{ ?x ?p {s} }} }}""")


def check_corrections(store, corrections: list[Correction]) -> None:
    """Every line names actors of the store as it stands: an error naming the file and line
    otherwise."""
    names = ActorNames(store)
    for c in corrections:
        for which in (c.actor, c.value) if c.action == "merge" else (c.actor,):
            if not names.resolve(which):
                raise KgError("E212", path=c.source, line=c.line, detail=names.missing(which))


SUSPECT_COLUMNS = ("actor_id", "label", "type", "country", "mentions", "aliases", "why")


def suspects(table, every: bool = False):
    """Rows worth an analyst's look: no country, one mention, not in the gazetteer."""
    from .query import Table
    g = gz.load()
    known = {str(actor_iri(a.key)) for a in (*g.people.values(), *g.orgs.values(), *g.states.values())}
    rows = []
    for r in table.dicts():
        why = []
        if not r.get("country"):
            why.append("no country")
        if str(r.get("mentions") or "0") in ("0", "1"):
            why.append("one mention")
        if r["actor_id"] not in known and (r.get("label") or "").lower() not in g.known_people:
            why.append("not in the gazetteer")
        if why or every:
            rows.append([r["actor_id"], r.get("label"), r.get("type"), r.get("country"), r.get("mentions"),
                         r.get("aliases"), "; ".join(why)])
    rows.sort(key=lambda x: (-len(x[6].split(";")) if x[6] else 0, x[1] or ""))
    return Table(list(SUSPECT_COLUMNS), rows)
