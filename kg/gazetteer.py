"""The international-relations actor gazetteer, loaded from kg/data/.

countries.tsv, organizations.tsv, leaders.tsv, titles.tsv and agents.tsv (see
kg/data/gazetteer.md) become canonical Actor records and lookup tables. Loaded once.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .records import Actor
from .tables import read_table, split_list

# Organisation kinds in organizations.tsv -> ontology classes.
ORG_TYPES = {
    "IGO": "IntergovernmentalOrganization",
    "GOVBODY": "GovernmentBody",
    "MILITARY": "Military",
    "ARMED_GROUP": "ArmedGroup",
    "MEDIA": "MediaOrganization",
    "NGO": "NonGovernmentalOrganization",
    "PARTY": "PoliticalParty",
    "COMPANY": "Company",
}
# Agent kinds in agents.tsv -> the class of a composite actor such as "Israeli troops".
AGENT_TYPES = {
    "GOVBODY": "GovernmentBody",
    "MILITARY": "Military",
    "ARMED_GROUP": "ArmedGroup",
    "MEDIA": "MediaOrganization",
    "NGO": "NonGovernmentalOrganization",
    "PERSON_GROUP": "Group",
    "PERSON": "Group",
}
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "OPP": "opposition",
    "CVL": "civilians", "BUS": "business", "MED": "media", "JUD": "judiciary", "LEG": "legislature",
    "IGO": "international organisation", "NGO": "non-governmental organisation", "SPY": "intelligence",
    "EDU": "education", "REL": "religious", "HLH": "health", "LAB": "labour", "REF": "refugees",
    "ELI": "elites", "CRM": "criminals", "UAF": "armed forces", "INS": "insurgents", "AGR": "agriculture",
    "ENV": "environment", "SEP": "separatists", "MOD": "moderates", "RAD": "radicals", "PTY": "party",
}


def slug(text: str) -> str:
    """A stable ASCII slug for IRIs: 'Chung Eui-yong' -> 'chung-eui-yong'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


@dataclass(frozen=True)
class Title:
    title: str
    sector: str
    kind: str
    rank: int


@dataclass(frozen=True)
class Leader:
    name: str
    country: str
    title: str
    start: str
    end: str


@dataclass
class Gazetteer:
    states: dict[str, Actor] = field(default_factory=dict)  # ISO3 -> State actor
    orgs: dict[str, Actor] = field(default_factory=dict)  # org id -> actor
    people: dict[str, Actor] = field(default_factory=dict)  # person key -> actor
    # Surface text -> (kind, actor key): kind is state, demonym, metonym, org, person.
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    titles: dict[str, Title] = field(default_factory=dict)  # lower-case title -> Title
    agents: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower-case noun -> (sector, kind)
    leaders: dict[str, list[Leader]] = field(default_factory=dict)  # person key -> terms
    # Lower-case name -> (country, sector) of political figures (people.tsv, from Phoenix).
    known_people: dict[str, tuple[str, str]] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # city or region -> ISO3 (places.tsv)
    # Sectors whose unqualified groups belong to the one country their sentence names (sectors.tsv).
    domestic: set[str] = field(default_factory=set)  # sectors of the one country a sentence names
    located: set[str] = field(default_factory=set)  # sectors of the one country a sentence places things in

    def actor(self, key: str) -> Actor | None:
        kind, _, ident = key.partition("/")
        if kind == "state":
            return self.states.get(ident)
        if kind == "org":
            return self.orgs.get(ident)
        if kind == "person":
            return self.people.get(key)
        return None

    def lookup(self, text: str) -> tuple[str, Actor] | None:
        """(kind, actor) for a surface form, trying it as written and without 'the'."""
        for form in _forms(text):
            hit = self.names.get(form)
            if hit:
                actor = self.actor(hit[1])
                if actor is not None:
                    return hit[0], actor
        return None

    def country_label(self, code: str | None) -> str:
        state = self.states.get(code or "")
        return state.label if state else (code or "")


def _forms(text: str) -> list[str]:
    text = " ".join(text.split())
    forms = [text]
    for art in ("the ", "The "):
        if text.startswith(art):
            forms.append(text[len(art):])
    if text.endswith(("'s", "’s")):
        forms.append(text[:-2])
    return forms


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    g = Gazetteer()
    for row in read_table("countries.tsv"):
        code = row["code"]
        aliases = split_list(row.get("aliases", ""))
        g.states[code] = Actor(key=f"state/{code}", label=row["label"], type="State", country=code,
                               aliases=aliases)
        amb = set(split_list(row.get("ambiguous", "")))
        g.ambiguous |= amb
        for name in (row["label"], *aliases):
            g.names.setdefault(name, ("state", f"state/{code}"))
        for name in split_list(row.get("demonyms", "")):
            g.names.setdefault(name, ("demonym", f"state/{code}"))
        for name in split_list(row.get("metonyms", "")):
            g.names.setdefault(name, ("metonym", f"state/{code}"))
    for row in read_table("organizations.tsv"):
        oid = row["id"]
        aliases = split_list(row.get("aliases", ""))
        g.orgs[oid] = Actor(key=f"org/{oid}", label=row["label"], type=ORG_TYPES.get(row["kind"], "Organization"),
                            country=row.get("country") or None, sector=row.get("sector") or None,
                            aliases=aliases, parent=f"org/{row['parent']}" if row.get("parent") else None)
        for name in (row["label"], *aliases):
            g.names.setdefault(name, ("org", f"org/{oid}"))
    for row in read_table("titles.tsv"):
        g.titles[row["title"].lower()] = Title(row["title"], row.get("sector") or "GOV", row.get("kind", ""),
                                               int(row.get("rank") or 5))
    for row in read_table("agents.tsv"):
        entry = (row.get("sector") or "", row.get("kind") or "PERSON_GROUP")
        g.agents.setdefault(row["noun"].lower(), entry)
        for plural in split_list(row.get("plural", "")):
            g.agents.setdefault(plural.lower(), entry)
    for row in read_table("leaders.tsv"):
        key = f"person/{slug(row['name'])}"
        aliases = split_list(row.get("aliases", ""))
        term = Leader(row["name"], row["country"], row.get("title", ""), row.get("start", ""), row.get("end", ""))
        g.leaders.setdefault(key, []).append(term)
        if key not in g.people:
            g.people[key] = Actor(key=key, label=row["name"], type="Person", country=row["country"] or None,
                                  sector=_title_sector(g, row.get("title", "")), title=row.get("title") or None,
                                  aliases=aliases)
        for name in (row["name"], *aliases):
            g.names.setdefault(name, ("person", key))
    for row in read_table("places.tsv"):
        g.places.setdefault(row["place"], row["country"])
        if " " in row["place"] and row["country"] in g.states:
            # Multi-word places go to the entity ruler too, so that "Northern Ireland" is not "Ireland".
            g.names.setdefault(row["place"], ("place", f"state/{row['country']}"))
    g.domestic = {row["sector"] for row in read_table("sectors.tsv") if row.get("domestic") == "yes"}
    g.located = {row["sector"] for row in read_table("sectors.tsv") if row.get("domestic") == "where"}
    # Office holders of 2009-2025 (officials.tsv, hand-curated) come first: they are more recent
    # than the Phoenix list, and a person keeps the state of the office (a senator is American
    # whatever country the sentence is about).
    for row in read_table("officials.tsv"):
        for name in (row["name"], *split_list(row.get("aliases", ""))):
            g.known_people.setdefault(name.lower(), (row["country"], row.get("sector") or "GOV"))
    for row in read_table("people.tsv"):
        g.known_people.setdefault(row["name"].lower(), (row["country"], row.get("sector") or "GOV"))
    return g


def _title_sector(g: Gazetteer, title: str) -> str | None:
    t = g.titles.get(title.lower())
    return t.sector if t else ("GOV" if title else None)
