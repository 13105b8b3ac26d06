"""The typed records that pass between the stages of the flow.

ingest -> Article; actors -> Actor and Mention; events -> Event. Records are plain
frozen dataclasses so that every stage can be tested with hand-made values.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article, as read from a file or a JSON Lines record."""

    id: str
    text: str
    date: str | None = None  # ISO YYYY-MM-DD publication date
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the outlet
    author: str | None = None
    origin: str = ""  # file (and line) it came from, for messages


@dataclass(frozen=True)
class Problem:
    """A piece of input that could not be read; reported and skipped, never fatal."""

    origin: str  # "path" or "path:line"
    code: str  # error catalogue code, e.g. "E101"
    message: str
    skipped: bool = True  # False for a warning: the article was kept

    def __str__(self) -> str:
        return f"{self.origin}: {self.code} {self.message}"


@dataclass(frozen=True)
class Actor:
    """A canonical actor: one per real-world actor across the whole corpus.

    `key` is the stable identity from which the IRI is minted, e.g. "state/KOR",
    "person/chung-eui-yong", "org/oecd".
    """

    key: str
    label: str
    type: str  # State, Person, Organization, IntergovernmentalOrganization, GovernmentBody, Military, ArmedGroup, Media, NonGovernmentalOrganization, Company, Group
    country: str | None = None  # ISO alpha-3, or IGO / NGO / MNC
    sector: str | None = None  # CAMEO sector code (GOV, MIL, ...)
    title: str | None = None  # office held, for people ("Foreign Minister")
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # key of the organisation this one is part of


@dataclass(frozen=True)
class Mention:
    """A span of an article that refers to an actor."""

    start: int  # character offsets in Article.text
    end: int
    text: str
    actor: Actor
    how: str = "model"  # which rule found it: gazetteer, title, demonym, metonym, shortname, pronoun, plural, description, agent, model
    sector: str | None = None  # the sector this mention speaks for ("Israeli troops": MIL), else the actor's
    members: tuple[Actor, ...] = ()  # for plural references ("the two"): every actor meant


@dataclass(frozen=True)
class Thing:
    """Something acted on that is not an actor, such as a weapon."""

    cls: str  # ontology class, e.g. "CruiseMissile"
    label: str  # "cruise missile"
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One coded interaction between actors, with its provenance."""

    article_id: str
    relation: str  # readable verb ("met"), a key of relations.tsv
    cameo: str
    plover: str
    source: Actor
    target: Actor | None
    source_sector: str | None
    target_sector: str | None
    sentence: str
    start: int  # sentence offsets in Article.text
    end: int
    trigger_start: int  # offsets of the trigger word
    trigger_end: int
    date: str | None = None  # ISO date, YYYY-MM or YYYY according to precision
    date_precision: str = "day"  # day, month, year
    date_from_article: bool = True  # no date in the sentence: the article date stands in
    location: str | None = None
    object: Thing | None = None
    confidence: float = 0.5
    symmetric: bool = False
    quad: str = ""
    mode: str = "asserted"  # asserted, intent, appeal, rejected
    extras: dict = field(default_factory=dict, compare=False, hash=False)
