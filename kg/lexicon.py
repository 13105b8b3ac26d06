"""The event lexicon, loaded from kg/data/: verbs, relations, CAMEO codes, weapons, modality.

See kg/data/lexicon.md for the files. Nothing about particular verbs lives in code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .tables import read_table, split_list


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB or NOUN
    particle: str
    objects: tuple[str, ...]
    target_preps: tuple[str, ...]
    cameo: str
    plover: str
    relation: str

    @property
    def specificity(self) -> int:
        return (1 if self.particle else 0) + (1 if self.objects else 0)


@dataclass(frozen=True)
class Relation:
    name: str
    property: str
    plover: str
    symmetric: bool


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    plover: str
    quad: str
    goldstein: float | None = None  # Goldstein (1992) conflict-cooperation score, -10 to +10, as GDELT gives it


@dataclass(frozen=True)
class Weapon:
    phrase: str
    cls: str
    label: str
    parent: str


@dataclass(frozen=True)
class Modality:
    lemma: str
    effect: str  # negate, intent, appeal, reject, fail, deny, hypothetical, report
    cameo: str
    relation: str
    overrides: bool


@dataclass
class Lexicon:
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    codes: dict[str, Code] = field(default_factory=dict)
    weapons: dict[str, Weapon] = field(default_factory=dict)  # phrase -> weapon
    weapon_heads: set[str] = field(default_factory=set)  # last words of weapon phrases
    modality: dict[str, Modality] = field(default_factory=dict)
    stances: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (plover, stance) -> (cameo, relation)
    trigger_words: set[str] = field(default_factory=set)
    no_target: dict[str, str] = field(default_factory=dict)  # PLOVER type -> keep, drop, own-country
    place_as_target: set[str] = field(default_factory=set)  # PLOVER types whose place is their target

    def code(self, cameo: str) -> Code:
        return self.codes.get(cameo) or Code(cameo, "", "", "")

    def stance(self, plover: str, stance: str) -> tuple[str, str] | None:
        return self.stances.get((plover, stance))


@lru_cache(maxsize=1)
def load() -> Lexicon:
    lex = Lexicon()
    for row in read_table("cameo.tsv"):
        score = row.get("goldstein")
        lex.codes[row["code"]] = Code(row["code"], row.get("label", ""), row.get("plover", ""), row.get("quad", ""),
                                      float(score) if score else None)
    for row in read_table("relations.tsv"):
        lex.relations[row["relation"]] = Relation(row["relation"], row["property"], row.get("plover", ""),
                                                  row.get("symmetric", "").lower() == "yes")
    for row in read_table("verbs.tsv"):
        t = Trigger(row["lemma"].lower(), row["pos"].upper(), row.get("particle", "").lower(),
                    tuple(o.lower() for o in split_list(row.get("object", ""))),
                    tuple(p.lower() for p in split_list(row.get("target_preps", ""))),
                    row["cameo"], row.get("plover", ""), row["relation"])
        lex.triggers.setdefault((t.lemma, t.pos), []).append(t)
        lex.trigger_words.add(t.lemma)
    for entries in lex.triggers.values():
        entries.sort(key=lambda t: -t.specificity)
    for row in read_table("weapons.tsv"):
        w = Weapon(row["phrase"].lower(), row["class"], row.get("label") or row["phrase"], row.get("parent", ""))
        lex.weapons[w.phrase] = w
        lex.weapon_heads.add(w.phrase.split()[-1])
    for row in read_table("modality.tsv"):
        lex.modality.setdefault(row["lemma"].lower(), Modality(
            row["lemma"].lower(), row["effect"].lower(), row.get("cameo", ""), row.get("relation", ""),
            row.get("overrides", "").lower() == "yes"))
    for row in read_table("conventions.tsv"):
        lex.no_target[row["plover"]] = row["no_target"]
        if row.get("place_as_target", "").lower() == "yes":
            lex.place_as_target.add(row["plover"])
    for row in read_table("intents.tsv"):
        for stance in ("intent", "appeal", "demand", "reject"):
            cameo, _, relation = row[stance].partition(":")
            lex.stances[(row["plover"], stance)] = (cameo, relation)
    return lex
