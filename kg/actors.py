"""Mentions -> canonical actors, within one article.

The statistical model finds names; the gazetteer and the rules below decide who
they are. Rule families, each tested on its own (tests/test_actors.py):

- gazetteer: states, capitals and seats of power, demonyms, organisations, leaders
- titles: `South Korean Foreign Minister Chung Eui-yong`, `his Italian counterpart, X`
- agents: `Israeli troops`, `a State Department spokesperson`, `the Biden administration`
- short names: `Chung`, `Moon`, `Blinken` after the full name
- pronouns: he/she/his/her, its, they/their
- plurals: `the two`, `both sides`, `the two envoys`
- descriptions: `the North`, `the reclusive regime`, `the government`, `the minister`

Coreference is resolved sentence by sentence with a small discourse state: the
last person who was a subject, the last pair of participants, the last foreign state.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from . import gazetteer as gz
from .gazetteer import Gazetteer, slug
from .records import Actor, Mention
from .tables import read_table, split_list

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
OBJECT_PRONOUNS = {"him", "her"}  # never the subject of their own clause ("he met him")
THING_PRONOUNS = {"its", "it"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
# Nouns that, counted as `the two X` or `both X`, refer back to a pair of participants.
PAIR_NOUNS = {"envoy", "leader", "minister", "side", "country", "nation", "man", "woman", "official",
              "diplomat", "president", "counterpart", "government", "party", "neighbor", "neighbour",
              "ally", "rival", "delegation", "chief", "head", "premier", "secretary", "state"}
PERSON_NOUNS = {"man", "woman", "boy", "girl", "person", "child", "father", "mother", "son", "daughter",
                "husband", "wife", "brother", "sister", "friend", "resident", "witness", "victim"}
LOCATIVE_PREPS = {"in", "at", "near", "across", "throughout", "inside", "outside", "around", "within"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
# Last words of the names of political movements, parties and armed groups.
POLITICAL_HEADS = {"front", "movement", "party", "coalition", "alliance", "league", "union", "congress", "army",
                   "brigade", "brigades", "militia", "forces", "council", "opposition", "rebels", "guard"}
# Kinds of office (titles.tsv) that only a state has.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
STATE_OFFICES = {"HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER", "ROYAL"}
HOME_TITLE_KINDS = {"LEGISLATOR", "MILITARY", "STATE_OFFICIAL"}
# What only a president has: "the Clinton administration", "the Obama presidency".
PRESIDENCIES = {"administration", "presidency", "white", "era", "years", "doctrine"}


@dataclass(frozen=True)
class Description:
    resolves_to: tuple[str, ...]
    requires: tuple[str, ...]
    sector: str | None


@lru_cache(maxsize=1)
def descriptions() -> dict[str, Description]:
    return {row["phrase"].lower(): Description(split_list(row["resolves_to"]), split_list(row.get("requires", "")),
                                               row.get("sector") or None)
            for row in read_table("descriptions.tsv")}


@lru_cache(maxsize=1)
def leader_surnames() -> dict[str, str]:
    """Surname -> person key for leaders whose surname no other leader shares."""
    g = gz.load()
    counts: Counter[str] = Counter()
    keys: dict[str, str] = {}
    for key, actor in g.people.items():
        for name in (actor.label, *actor.aliases):
            parts = name.split()
            if len(parts) >= 2:
                for short in {parts[-1], parts[0]} if _east_asian(name) else {parts[-1]}:
                    if keys.get(short) != key:
                        counts[short] += 1
                        keys[short] = key
    return {s: k for s, k in keys.items() if counts[s] == 1}


@lru_cache(maxsize=1)
def family_first() -> dict[str, bool]:
    """Family names written first (kg/data/family_names.tsv) -> whether a two-word name opening
    with one is read that way."""
    return {r["name"]: r["two_part"] == "yes" for r in read_table("family_names.tsv")}


@lru_cache(maxsize=1)
def _known_by_tokens() -> dict[tuple[str, ...], tuple[str, str] | None]:
    """The political figures of the lists by their name's words as spelling variants share them
    (kg.identity.name_tokens): "Steve Mnuchin", "Stephen Mnuchin" and "Steven T. Mnuchin" are one
    key. A key two different people share maps to None."""
    from .identity import name_tokens
    out: dict[tuple[str, ...], tuple[str, str] | None] = {}
    for name, value in gz.load().known_people.items():
        toks = tuple(sorted(name_tokens(name)))
        if len(toks) < 2:
            continue
        out[toks] = value if out.get(toks, value) == value else None
    return out


def known_person(g: Gazetteer, name: str) -> tuple[str, str] | None:
    """(country, sector) of a political figure the lists know by this name or a spelling of it."""
    hit = g.known_people.get(name.lower())
    if hit is not None or " " not in name.strip():
        return hit
    from .identity import name_tokens
    return _known_by_tokens().get(tuple(sorted(name_tokens(name))))


@lru_cache(maxsize=1)
def leaders_by_surname() -> dict[str, tuple[str, ...]]:
    """Surname -> the keys of every office holder of leaders.tsv with it (dated offices)."""
    g = gz.load()
    out: dict[str, list[str]] = {}
    for key in g.leaders:
        actor = g.people.get(key)
        if actor is None:
            continue
        for name in (actor.label, *actor.aliases):
            parts = name.split()
            if len(parts) >= 2:
                for short in {parts[-1], parts[0]} if _east_asian(name) else {parts[-1]}:
                    if key not in out.setdefault(short, []):
                        out[short].append(key)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def officials_by_surname() -> dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
    """Surname -> (names, start, end) of every dated office of officials.tsv held under it; names
    are the holder's name and its aliases, the name first."""
    out: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for row in read_table("officials.tsv"):
        names = (row["name"], *split_list(row.get("aliases", "")))
        for name in names:
            parts = name.split()
            if len(parts) >= 2 and (names, row.get("start", ""), row.get("end", "")) not in out.get(parts[-1], ()):
                out.setdefault(parts[-1], []).append((names, row.get("start", ""), row.get("end", "")))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The first words of the lists' people ("Paul" of Paul Ryan, "Scott" of Scott Morrison)."""
    g = gz.load()
    names = [a.label for a in g.people.values()] + [r["name"] for r in read_table("officials.tsv")] \
        + [r["name"] for r in read_table("people.tsv")]
    return frozenset(n.split()[0] for n in names if len(n.split()) >= 2 and not _east_asian(n))


def _east_asian(name: str) -> bool:
    # Korean and Chinese names put the family name first: "Moon Jae-in" is "Moon", "Xi Jinping" "Xi".
    parts = name.split()
    if len(parts) not in (2, 3):
        return False
    if "-" in parts[-1] or len(parts[0]) <= 4 and parts[0][:1].isupper() and len(parts) == 3 and len(parts[1]) <= 4:
        return True
    return len(parts) == 2 and family_first().get(parts[0], False) and parts[1][:1].isupper()


# Participles and adjectives of membership: "X affiliated with Y" are Y's people.
AFFILIATION = {"affiliate", "affiliated", "loyal", "allied", "ally", "link", "linked", "belong", "belonging",
               "aligned", "attach", "attached", "associate", "associated"}


@dataclass
class ArticleActors:
    """Every actor mention of one article, by token, plus what the article is about."""

    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    home: str | None = None  # the article's home country: whose officials speak in it

    def at(self, token: Token) -> Mention | None:
        """The actor a noun phrase headed by `token` stands for, if any."""
        hit = self.by_token.get(token.i)
        if hit is not None:
            return hit
        for child in token.children:
            if child.dep_ in ("compound", "nmod", "appos") and child.i in self.by_token:
                return self.by_token[child.i]
        # "sanctions on Iran's oil sector", "in protest of the Russian government's refusal"
        for child in token.children:
            if child.dep_ == "poss" and child.i in self.by_token and token.pos_ == "NOUN":
                return self.by_token[child.i]
        return None

    def place_state(self, token: Token) -> Actor | None:
        """The state a place name stands for, even where it is only a location ("in Jericho")."""
        g = gz.load()
        text = _entity_text(token)
        hit = g.lookup(text)
        if hit is not None and hit[1].type == "State":
            return hit[1]
        return g.states.get(g.places.get(text, ""))

    def actors(self) -> dict[str, Actor]:
        seen: dict[str, Actor] = {}
        for m in self.mentions:
            for a in (m.members or (m.actor,)):
                prev = seen.setdefault(a.key, a)
                if prev is not a and not set(a.aliases) <= set(prev.aliases):
                    # a name learnt later in the article ("also known as ...") is one more alias
                    seen[a.key] = replace(prev, aliases=tuple(dict.fromkeys((*prev.aliases, *a.aliases))))
        return seen


class _Resolver:
    def __init__(self, doc: Doc, g: Gazetteer, date: str | None = None) -> None:
        self.doc = doc
        self.g = g
        self.date = date
        self.out = ArticleActors(doc)
        self.people: dict[str, Actor] = {}  # person key -> actor as known in this article
        self.short: dict[str, str] = {}  # short name -> person key
        self.acronyms: dict[str, Actor] = {}  # "MASSOB" -> the organisation it was introduced for
        self.seen_keys: set[str] = set()
        self.last_subject_person: Actor | None = None
        self.last_person: Actor | None = None
        self.person_before_sentence: Actor | None = None  # the last person named before this sentence
        self.last_titled: list[Actor] = []
        self.last_pair: tuple[Actor, ...] = ()
        self.last_foreign_state: Actor | None = None
        self.consumed: set[int] = set()  # tokens that belong to a title or a mention
        self.context: str | None = None  # the home country, else the state the article names most
        self.named_states: set[str] = set()  # the states the article names or qualifies something by
        self.groups: dict[str, Actor] = {}  # "Yazidi", "Yazidis" -> the one group actor

    # --- entry point -------------------------------------------------------------------
    def run(self) -> ArticleActors:
        ents = fix_entities(self.doc)
        self.out.home = self._home_country(ents)
        self.context = self.out.home or self._main_country(ents)
        self.named_states = {hit[1].country for e in ents if (hit := self.g.lookup(_strip_det(e.text)))
                             and hit[0] in ("state", "demonym") and hit[1].type == "State"}
        self.groups = self._group_names(ents)
        by_sent: dict[int, list[Span]] = {}
        for ent in ents:
            by_sent.setdefault(ent.sent.start, []).append(ent)
        for sent in self.doc.sents:
            self.person_before_sentence = self.last_person
            # Names first: a title before a name ("Secretary of State Antony Blinken") must
            # not be read as an organisation of its own.
            for ent in sorted(by_sent.get(sent.start, []), key=lambda e: (e.label_ != "PERSON", e.start)):
                self._entity(ent)
            for token in sent:
                if token.i not in self.consumed:
                    self._token(token, sent)
            self._update_discourse(sent)
        self._people_read_as_organisations()
        self.out.mentions.sort(key=lambda m: m.start)
        return self.out

    def _people_read_as_organisations(self) -> None:
        """A lone surname, which the model may read as an organisation ("Mueller said",
        "Baghdadi's fighters", "el-Sissi" for el-Sisi), is the person of the article with that
        surname, or with a surname one letter from it, when there is exactly one such person, or else
        the one office holder of the lists with it at the article's date. The article is read whole
        first: the full name often comes after the surname ("Guaido called for protests. Opposition
        leader Juan Guaido...")."""
        surnames: dict[str, set[str]] = {}
        for key, p in self.people.items():
            parts = p.label.split()
            if len(parts) >= 2:
                for form in (parts[-1].lower(), bare_surname(parts[-1])):
                    surnames.setdefault(form, set()).add(key)
        named = {m.actor.country for m in self.out.mentions if m.actor.country} | {self.out.home}
        for n, m in enumerate(self.out.mentions):
            if m.how != "model" or m.actor.type not in ("Organization", "Person") or m.members or " " in m.text \
                    or " " in m.actor.label:
                continue
            word = m.text.lower()
            keys = surnames.get(word, set()) | surnames.get(bare_surname(word), set())
            if not keys and len(word) >= 6:
                # "ElBardei" for ElBaradei; not "Clintons" for the Clintons
                keys = {k for form, ks in surnames.items() if len(form) >= 5 and one_edit(form, word)
                        and word != form + "s" for k in ks}
            if not keys:
                # no one of the article has it: the one office holder of the lists with that surname
                # at the article's date ("Mueller paints damning portrait" in 2019 is the special
                # counsel); an undated article, or a surname no one holds office under then ("Ford"
                # in 2019 is the company), stays as it was
                full = self._holder(m.text) if not self._after_article(m) else None  # "The Hill"
                state = self._state_of(full) if full else None
                if state is not None and state in named:
                    # and only in news of that holder's state ("Brady" in a British paper is no
                    # American congressman; "al-Otaiba, near Damascus" no Emirati ambassador)
                    keys = {self._person(full).key}
            if len(keys) != 1:
                continue
            person = self.people[keys.pop()]
            if m.text not in person.aliases:
                person = replace(person, aliases=(*person.aliases, m.text))  # searchable by it too
            new = Mention(m.start, m.end, m.text, person, "shortname", person.sector)
            self.out.mentions[n] = new
            for i, old in list(self.out.by_token.items()):
                if old is m:
                    self.out.by_token[i] = new

    # --- registering -------------------------------------------------------------------
    def _add(self, span_start: int, span_end: int, actor: Actor, how: str, *, sector: str | None = None,
             members: tuple[Actor, ...] = (), head: int | None = None) -> Mention:
        doc = self.doc
        span = doc[span_start:span_end]
        m = Mention(span.start_char, span.end_char, span.text, actor, how, sector or actor.sector, members)
        self.out.mentions.append(m)
        for i in range(span_start, span_end):
            if i not in self.out.by_token or i == head:
                self.out.by_token[i] = m
            self.consumed.add(i)
        if head is not None:
            self.out.by_token[head] = m
        if actor.type not in ("Person", "State") and not members:
            acronym = _acronym_after(doc, span_end)
            if acronym and acronym not in self.acronyms and acronym not in actor.aliases:
                # "the Baloch Liberation Army, or BLA,": later "BLA" is that organisation
                self.acronyms[acronym] = replace(actor, aliases=(*actor.aliases, acronym))
        for a in members or (actor,):
            self.seen_keys.add(a.key)
            if a.type == "Person":
                self.last_person = a
            elif a.type == "State" and a.country != self.out.home and not self._locative(span):
                self.last_foreign_state = a
        return m

    def _place_country(self, t: Token) -> str | None:
        """The one country the clause of `t` places things in: a state or a place of it after "in",
        "near" and the like, or owning a region ("Pakistan’s Balochistan province"); not where
        the reporting happens ("killing 20 people, relief officials in Nairobi said")."""
        found = set()
        verb = _verb_of(t)
        for e in t.sent.ents:
            root = e.root
            holder = root.head if root.dep_ in ("compound", "poss") and root.head.lemma_.lower() in PLACE_NOUNS else root
            where = holder.dep_ == "pobj" and holder.head.lower_ in LOCATIVE_PREPS or \
                root.dep_ == "poss" and root.head.lemma_.lower() in PLACE_NOUNS
            if not where or _verb_of(root).i != verb.i:
                continue
            text = _strip_det(e.text)
            words = text.split()
            if len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
                text = " ".join(words[:-1])  # "Kandahar province", "Idlib governorate"
            hit = self.g.lookup(text)
            country = hit[1].country if hit and hit[1].type == "State" else self.g.places.get(text)
            if country in self.g.states:
                found.add(country)
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _locative(span: Span) -> bool:
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS

    def _person(self, name: str, *, title: str | None = None, country: str | None = None) -> Actor:
        hit = self.g.lookup(name)
        if hit and hit[0] == "person":
            base = hit[1]
        else:
            surname_key = None
            if len(name.split()) == 1:
                surname_key = leader_surnames().get(name) or self._in_office(name, title)
                if surname_key is None and country is None:
                    # "President Bush" with no date to choose by: which Bush is open, not his country
                    homes = {self.g.people[k].country for k in leaders_by_surname().get(name, ())}
                    country = homes.pop() if len(homes) == 1 else None
            base = self.g.people.get(surname_key) if surname_key else None
        if base is not None:
            key = base.key
            known = self.people.get(key, base)
            actor = Actor(key, base.label, "Person", country or known.country, known.sector or _sector(self.g, title),
                          title or known.title, tuple(dict.fromkeys((*known.aliases, name))) if name != base.label
                          else known.aliases)
        else:
            key = f"person/{slug(name)}"
            known = self.people.get(key)
            if known is not None:
                actor = Actor(key, known.label, "Person", country or known.country, known.sector or _sector(self.g, title),
                              title or known.title, known.aliases)
            else:
                known_country, known_sector = known_person(self.g, name) or (None, None)
                # A title alone places its holder in the article's home country only where only a state
                # has it: a national legislature's seat, an armed force's rank, a national office
                # ("Sen.", "Lt. Col.", "National Security Adviser"), which the home press names without
                # a flag; a director, mayor, chairman or leader is as often foreign ("mayor Mamo
                # al-Bagsri" in a British paper) and keeps no country.
                t = self.g.titles.get(title.lower()) if title else None
                home = self.out.home if t is not None and t.kind in HOME_TITLE_KINDS else None
                # the text's own qualifier of the title first ("U.N. mediator Diego Cordovez" in 1988 is
                # the UN's, whatever he was later), then the lists, then the home country
                actor = Actor(key, name, "Person", country or known_country or home,
                              _sector(self.g, title) or known_sector, title)
        self.people[key] = actor
        parts = actor.label.split()
        if len(parts) >= 2:
            for short in (parts[0], parts[-1], " ".join(parts[1:])):
                if short.lower() not in self.g.titles and short[:1].isupper():
                    self.short.setdefault(short, key)
        return actor

    # --- named entities ----------------------------------------------------------------
    def _entity(self, ent: Span) -> None:
        if any(i in self.consumed for i in range(ent.start, ent.end)):
            return
        group = self.groups.get(ent.text) if len(ent) == 1 else None
        if group is not None:
            self._add(ent.start, ent.end, group, "group", head=ent.root.i)
            return
        if ent.label_ == "PERSON":
            self._person_entity(ent)
            return
        text = _strip_det(ent.text)
        if text in self.short:
            self._short_name(ent.start, ent.end, text)
            return
        if text in self.acronyms:
            self._add(ent.start, ent.end, self.acronyms[text], "shortname")
            return
        if ent.ent_id_ or text not in self.g.ambiguous or ent.label_ in ("GPE", "NORP", "LOC", "ORG"):
            hit = self.g.actor(ent.ent_id_) if ent.ent_id_ else None
            kind = self.g.names.get(text, ("", ""))[0] if hit else ""
            if hit is None:
                found = self.g.lookup(ent.text)
                if found and found[0] != "person":
                    kind, hit = found
                elif found:
                    self._person_entity(ent)
                    return
            if hit is not None:
                sector = "GOV" if kind == "metonym" else None
                if hit.type == "Person":
                    self._person_entity(ent)
                    return
                if hit.type == "State" and self._locative(ent):
                    return  # "in Paris" is where, not who
                if hit.type == "State" and (kind == "metonym" or text in city_states()) and _venue(ent):
                    return  # "the Hanoi summit", "the Minsk agreements", "the Singapore summit": where, not who
                if kind == "demonym":
                    # "Bosnian Serbs", "Iraqi Kurds": the people of the qualifying country.
                    qual = next((self.out.by_token[c.i] for c in ent.root.children
                                 if c.dep_ in ("amod", "compound") and c.i < ent.start and c.i in self.out.by_token
                                 and self.out.by_token[c.i].how == "demonym"), None)
                    if qual is not None:
                        hit = qual.actor
                    # "Ethnic Albanians in south Serbia": people of the country they live in.
                    for c in ent.root.children:
                        if c.dep_ == "prep" and c.lower_ == "in":
                            for p in c.children:
                                where = self.out.place_state(p) if p.dep_ == "pobj" and p.ent_type_ else None
                                if where is not None:
                                    hit = where
                self._add(ent.start, ent.end, hit, kind or "gazetteer", sector=sector)
                return
        if self._description(ent.root, ent.start, ent.end, text.lower()):
            return
        if ent.label_ in ("GPE", "LOC", "FAC", "NORP") and text in self.g.places:
            # "shelled Juba", "Darfur rebels": a place stands for its country, except as a location.
            state = self.g.states.get(self.g.places[text])
            if state is not None and not self._locative(ent) and not _venue(ent):
                self._add(ent.start, ent.end, state, "place")
            return
        if ent.label_ == "ORG":
            self._org_entity(ent)

    def _person_entity(self, ent: Span) -> None:
        start = ent.start
        # A title the model put inside the name: "Foreign Minister Chung".
        title, t_start = self._title_inside(ent)
        if title is not None:
            start = t_start
        name_span = self.doc[start:ent.end]
        name = _strip_det(name_span.text)
        if not name or not any(t.is_alpha for t in name_span) or any(_glued(t.text) for t in name_span):
            return
        if len(name_span) == 1 and name in self.short:
            self._short_name(start, ent.end, name)
            return
        if not self._known_person(name) and _pair_of_names(name, self.short):
            return
        other = None if self._known_person(name) else self._alias_of(name_span)
        if other is not None:
            actor = replace(other, aliases=tuple(dict.fromkeys((*other.aliases, name))))
            self.people[actor.key] = actor
            self._add(start, ent.end, actor, "alias", head=ent.root.i)
            return
        if not self._known_person(name) and name not in self.short and \
                (not_a_person(name_span, name, self.g) or used_as(name_span, self.g, person=True)):
            return
        country = None
        t_begin = start
        if title is None:
            title, country, t_begin = self._title_before(ent.start)
        else:
            _, country, t_begin = self._title_before(ent.start, title_end=start)
            t_begin = min(t_begin, ent.start)
        if title is None:
            title, country2 = self._title_appositive(ent)
            country = country or country2
        if title is None and " " not in name and ent.root.dep_ == "compound" \
                and ent.root.head.lemma_.lower() in PRESIDENCIES:
            # "the Clinton administration", "the Bush years": a president, whenever the article
            key = self._in_office(name, "President", dated=False)
            if key is not None:
                name = self.g.people[key].label
        # A person's country is that of the office the text or the gazetteer gives, never the
        # country the sentence is about: "Sen. Dan Sullivan ... Russia" is no Russian.
        actor = self._person(name, title=title, country=country)
        if title and not actor.country and self.g.titles.get(title.lower()) and \
                self.g.titles[title.lower()].kind in STATE_OFFICES:
            # "President Laurent Gbagbo ... Ivory Coast": an office only a state has (a head of
            # state or government, a minister), held by someone no list places, is that of the
            # one country its sentence names before the name, else of the country the article
            # is about, if it is about one ("President Dos Santos" in news of Angola).
            where = self._sentence_country(ent, unique=True, before=True) or self.context
            if where:
                actor = self._person(name, title=title, country=where)
        if title:
            self.last_titled.append(actor)
        self._add(t_begin, ent.end, actor, "title" if title else "model", head=ent.root.i)

    def _group_names(self, ents: list[Span]) -> dict[str, Actor]:
        """A people named in the singular and the plural ("the Yazidi minority", "Iraq's Yazidis"),
        which the model calls now a person, now an organisation, now a place: one group actor,
        named in the plural. Only names no list knows, called a person once and an organisation or
        a group (ORG, NORP) once."""
        words: dict[str, set[str]] = {}
        for e in ents:
            if len(e) == 1 and e[0].is_alpha and e.text[:1].isupper():
                words.setdefault(e.text, set()).add(e.label_)
        out: dict[str, Actor] = {}
        for plural, labels in words.items():
            single = plural[:-1]
            if not plural.endswith("s") or single not in words or self.g.lookup(plural) or self.g.lookup(single) \
                    or plural.lower() in self.g.agents or single.lower() in self.g.agents \
                    or plural.lower() in descriptions() or single.lower() in descriptions():
                continue  # "Marines", "Shiites", "Democrats": nouns the lists already read
            both = labels | words[single]
            if "PERSON" not in both or not both & {"ORG", "NORP"}:
                continue  # only where the model made persons of a people
            actor = Actor(f"org/{slug(plural)}", plural, "Organization", None, None, aliases=(single,))
            out[plural] = out[single] = actor
        return out

    def _in_office(self, surname: str, title: str | None, dated: bool = True) -> str | None:
        """Of the leaders named `surname` ("Clinton", "Kim"), the one who held an office at the
        article's date, and one that `title` names if there is one ("Secretary Clinton" in 2012 is
        Hillary Clinton). None unless exactly one fits."""
        keys = leaders_by_surname().get(surname)
        date = self.date if dated else None
        if not keys or not (date or title):
            return None
        words = set(title.lower().replace(".", "").split()) if title else set()

        def fits(key: str) -> bool:
            for o in self.g.leaders.get(key, ()):
                if date and not (o.start[:10] <= date and (not o.end or date[:len(o.end)] <= o.end)):
                    continue
                if words and not words & set(o.title.lower().split()):
                    continue
                return True
            return False

        hits = [k for k in keys if fits(k)]
        return hits[0] if len(hits) == 1 else None

    def _after_article(self, m: Mention) -> bool:
        i = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return i is not None and i.start > 0 and self.doc[i.start - 1].lower_ == "the"

    def _state_of(self, full: str) -> str | None:
        hit = self.g.lookup(full)
        if hit and hit[0] == "person":
            return hit[1].country
        known = known_person(self.g, full)
        return known[0] if known else None

    def _holder(self, surname: str) -> str | None:
        """The full name of the one person of the lists (leaders, officials) who held an office
        under this surname at the article's date; None without a date or unless exactly one did."""
        if not self.date or surname in given_names():
            return None  # "Paul said" may be anyone's Paul, not the one Senator Paul
        date = self.date
        holders = [(self.g.people[k].label, *self.g.people[k].aliases) for k in leaders_by_surname().get(surname, ())
                   if any(o.start[:10] <= date and (not o.end or date[:len(o.end)] <= o.end)
                          for o in self.g.leaders.get(k, ()))]
        holders += [names for names, start, end in officials_by_surname().get(surname, ())
                    if start and start[:10] <= date and (not end or date[:len(end)] <= end)]
        # one person when every holder shares a name with the first ("Sergei"/"Sergey Lavrov")
        first = set(holders[0]) if holders else set()
        return holders[0][0] if holders and all(first & set(h) for h in holders) else None

    def _alias_of(self, span: Span) -> Actor | None:
        """The person just named whose other name this is: "Abd al-Rahman al-Qaduli, also known as
        Abu Ala al-Afri and Haji Imam", "a.k.a. ...", "George H.W. Bush — George the Elder —". Not
        a comma alone, which as often joins two people of a list."""
        if span.start > 0 and self.doc[span.start - 1].pos_ == "DET" or span[0].pos_ == "DET":
            return None  # "known as the bin Laden of the internet": a likeness, not a name
        t = span.root
        while t.dep_ == "conj" and t.head.i < span.start:
            t = t.head  # "... and Haji Imam"
        head = t.head
        anchor = None
        if t.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ in ("known", "dubbed", "nicknamed"):
            anchor = head.head.head
        elif t.i > 0 and self.doc[t.i - 1].lower_ in ("aka", "a.k.a.", "a.k.a") and t.dep_ != "ROOT":
            anchor = t.head
        elif t.dep_ == "appos" and head.i < span.start and any(x.text in ("—", "–", "(", "--")
                                                               for x in self.doc[head.i:span.start]):
            anchor = head
        if anchor is None:
            return None
        m = self.out.by_token.get(anchor.i)
        if m is not None and m.actor.type == "Person" and m.end <= span.start_char and not m.members:
            return self.people.get(m.actor.key, m.actor)
        return None

    def _title_inside(self, ent: Span) -> tuple[str | None, int]:
        best = None
        for k in range(len(ent) - 1, 0, -1):
            cand = ent[:k].text.lower()
            if cand in self.g.titles:
                best = (self.g.titles[cand].title, ent.start + k)
                break
        return best if best else (None, ent.start)

    def _title_before(self, i: int, title_end: int | None = None) -> tuple[str | None, str | None, int]:
        """(title, country, first token) of `[country] Title` just before token i."""
        doc = self.doc
        end = title_end if title_end is not None else i
        title = None
        begin = end
        if title_end is None:
            for k in range(max(0, end - 6), end):
                cand = doc[k:end].text.lower()
                if cand in self.g.titles and (doc[k].is_title or doc[k].is_upper or k > 0):
                    title = self.g.titles[cand].title
                    begin = k
                    break
            if title is None:
                return None, None, i
        # What stands before the title: a demonym, a country or a possessive country.
        country = None
        k = begin - 1
        while k >= 0 and doc[k].text in ("'s", "’s", "'"):
            k -= 1
        if k >= 0:
            for width in (4, 3, 2, 1):
                s = k - width + 1
                if s < 0:
                    continue
                hit = self.g.lookup(doc[s:k + 1].text)
                if hit and hit[1].type == "State":
                    country = hit[1].country
                    begin = s
                    break
                if hit and hit[1].country and hit[1].type != "Person" and len(hit[1].country) == 3:
                    country = hit[1].country
                    begin = s
                    break
        if country is None:
            # "Cameroon Livestock Ministry official Denise Abanda": the state before the body
            # whose office it is.
            j = k
            while j >= 0 and k - j < 4 and doc[j].pos_ == "PROPN":
                hit = self.g.lookup(doc[j].text)
                if hit and hit[1].type == "State":
                    country, begin = hit[1].country, j
                    break
                j -= 1
        return title, country, begin

    def _title_appositive(self, ent: Span) -> tuple[str | None, str | None]:
        """`his Italian counterpart, Luigi Di Maio` and `Wang Yi, China's foreign minister`."""
        root = ent.root
        noun = None
        if root.dep_ == "appos":
            noun = root.head
        else:
            noun = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            return None, None
        country = None
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod"):
                hit = self.g.lookup(c.text)
                if hit and hit[1].type == "State":
                    country = hit[1].country
        phrase = " ".join(t.text for t in noun.subtree if t.dep_ in ("compound", "amod") and t.head == noun
                          and (t.text.lower() in {"foreign", "defence", "defense", "prime", "vice"}))
        title_text = f"{phrase} {noun.text}".strip().lower()
        if title_text in self.g.titles:
            return self.g.titles[title_text].title, country
        if noun.lemma_ == "counterpart":
            # "his Italian counterpart": the same office as the one whose counterpart this is.
            other = None
            for c in noun.children:
                if c.dep_ == "poss":
                    m = self.out.by_token.get(c.i)
                    if m is None and c.lower_ in PERSON_PRONOUNS:
                        other = self._person_antecedent(c, c.sent)
                    elif m is not None:
                        other = m.actor
            other = other or self.last_subject_person or (self.last_titled[-1] if self.last_titled else None)
            if other is not None and other.title:
                return other.title, country
        if noun.lemma_ in self.g.titles:
            return self.g.titles[noun.lemma_].title, country
        return None, country

    def _short_name(self, start: int, end: int, text: str) -> None:
        key = self.short[text]
        self._add(start, end, self.people[key], "shortname")

    def _org_entity(self, ent: Span) -> None:
        doc = ent.doc
        span_end = ent.end
        acronym = None
        if len(ent) > 3 and ent[-1].text == ")" and ent[-3].text == "(":
            # fix_entities joined "Movement for ... (MASSOB)": name and acronym.
            acronym = ent[-2].text
            ent = doc[ent.start:ent.end - 3]
        elif ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
            acronym = doc[ent.end + 1].text
        if acronym in self.acronyms:
            self._add(ent.start, span_end, self.acronyms[acronym], "shortname")
            return
        text = _strip_det(ent.text)
        if any(t.like_num for t in ent) or not any(t.is_alpha and len(t) > 1 for t in ent) \
                or not any(ch.isalpha() for ch in text):
            return
        if self._person_inside(ent):
            return
        if not_an_actor(ent, text, self.g) or used_as(ent, self.g, person=False) or _pair_of_names(text, self.short):
            return
        root = ent.root
        agent = self._agent_phrase(root, ent)
        if agent is not None:
            return
        if text.lower() in self.g.agents:
            # "the Foreign Ministry", "Parliament", "the Supreme Court": a body every state has is
            # that of the article's state, or of the one state its sentence names; never an
            # organisation of its own, which would merge every country's ministry into one actor.
            where = self.context or self._sentence_country(ent, unique=True)
            if where in self.g.states:
                sector = self.g.agents[text.lower()][0] or None
                self._add(_np_start(root), ent.end, self.g.states[where], "agent", sector=sector, head=root.i)
            return
        # "the International Labor Office (ILO)": a known acronym in brackets names the organisation.
        if acronym and ent.end + 2 < len(doc) and doc[ent.end].text == "(":
            hit = self.g.lookup(acronym)
            if hit and hit[1].type not in ("Person", "State"):
                self._add(ent.start, ent.end + 3, hit[1], "gazetteer", head=ent.root.i)
                return
        country = None
        for t in ent:
            # a state or demonym in the name ("Korean People's Army"); not a city, which names
            # as many foreign things as local ones ("Georgetown University", "Washington Post")
            hit = self.g.lookup(t.text)
            # "Georgetown University" is no Guyanese body: a capital that also names other
            # places gives its country only to news that names that country
            if hit and hit[1].type == "State" and not (hit[0] == "metonym" and t.text in self.g.ambiguous
                                                       and hit[1].country not in self.named_states):
                country = hit[1].country
        # "Baghdad University": a place or state just before the name.
        for c in ent.root.subtree:
            m = self.out.by_token.get(c.i)
            if country is None and c.i < ent.start and c.dep_ in ("compound", "nmod", "amod") and m is not None \
                    and m.actor.type == "State":
                country = m.actor.country
        # An organisation no list knows has the country its name gives, or none: the country the
        # sentence is about is as often foreign to it ("Bloomberg" in a China story). Political
        # movements, parties and armed groups are the exception: they are of the one country
        # their sentence names ("Bouteflika ... the Islamic Salvation Front").
        words = [t for t in ent if t.lower_ != "the"]
        if country is None and self.out.home in self.g.states and words:
            # "Air Force Office of Special Investigations", "Boston Police": a body whose name
            # starts with a government word, or names a place of the article's home state (whose
            # officials it follows), is that state's.
            first = words[0].lower_
            two = f"{first} {words[1].lower_}" if len(words) > 1 else ""
            kind = (self.g.agents.get(two) or self.g.agents.get(first) or ("", ""))[1]
            places = {self.g.places.get(t.text) for t in words} - {None}
            if kind in ("GOVBODY", "MILITARY") or self.out.home in places:
                country = self.out.home
        political = ent[-1].lower_ in POLITICAL_HEADS
        if country is None and (political or _acting_subject(ent)):
            country = self._sentence_country(ent, unique=True) or (self.context if political else None)
        actor = Actor(f"org/{slug(text)}", text, "Organization", country, None,
                      aliases=(acronym,) if acronym and span_end > ent.end else ())
        self._add(ent.start, span_end, actor, "model", head=ent.root.i)
        if acronym and span_end > ent.end:
            self.acronyms[acronym] = actor

    def _known_person(self, name: str) -> bool:
        """A person the gazetteer's leaders or its political figures name."""
        hit = self.g.lookup(name)
        return bool(hit and hit[0] == "person") or known_person(self.g, name) is not None

    def _person_inside(self, ent: Span) -> bool:
        """`Defense Secretary Leon Panetta`, `CFO Meng Wanzhou`, `WikiLeaks' Julian Assange` read as
        one organisation: the name at its end is a person the article or the gazetteer knows, and
        the words before it are a title or an owner. The person is registered, the rest is not."""
        for k in range(ent.start, ent.end):
            name = _strip_det(self.doc[k:ent.end].text)
            if not name[:1].isupper():
                continue
            known = name in self.short or any(a.label == name for a in self.people.values())
            if not known and not self._known_person(name):
                continue
            if name in self.short and k == ent.end - 1:
                self._short_name(k, ent.end, name)
                return True
            before = self.doc[ent.start:k].text.lower()
            title = self.g.titles[before].title if before in self.g.titles else None
            self._add(k if title is None else ent.start, ent.end, self._person(name, title=title), "model")
            return True
        return False

    def _sentence_country(self, ent: Span, unique: bool = False, before: bool = False) -> str | None:
        counts: Counter[str] = Counter()
        for other in ent.sent.ents:
            if other.start == ent.start or (before and other.start > ent.start):
                continue
            text = _strip_det(other.text)
            hit = self.g.actor(other.ent_id_) if other.ent_id_ else None
            if hit is None:
                found = self.g.lookup(text)
                hit = found[1] if found else None
            country = hit.country if hit is not None else self.g.places.get(text)
            if country is None and other.label_ == "PERSON":
                country = (known_person(self.g, text) or (None, None))[0]
            if country and len(country) == 3 and country in self.g.states:
                counts[country] += 1
        if not counts or (unique and len(counts) > 1):
            return None
        best = counts.most_common()
        return best[0][0] if len(best) == 1 or best[0][1] > best[1][1] else None

    # --- single tokens: short names, pronouns, plurals, descriptions, agents --------------
    def _token(self, t: Token, sent: Span) -> None:
        low = t.lower_
        if t.pos_ == "PROPN" and t.text in self.short:
            self._short_name(t.i, t.i + 1, t.text)
        elif t.pos_ == "PRON" and low in PERSON_PRONOUNS:
            actor = self._person_antecedent(t, sent)
            if actor is not None:
                self._add(t.i, t.i + 1, actor, "pronoun")
        elif t.pos_ == "PRON" and low in THING_PRONOUNS:
            if low == "it" and (t.dep_ not in ("nsubj", "nsubjpass") or t.head.lemma_ == "be"):
                return
            actor = self._thing_antecedent(t, sent)
            if actor is not None:
                self._add(t.i, t.i + 1, actor, "pronoun")
        elif t.pos_ == "PRON" and low in PLURAL_PRONOUNS:
            group = self._plural_antecedent(t, sent)
            if group is not None:
                self._add(t.i, t.i + 1, group.actor, "pronoun", sector=group.sector, members=group.members)
            elif len(self.last_pair) >= 2:
                self._add(t.i, t.i + 1, self.last_pair[0], "plural", members=self.last_pair)
        elif self._plural_phrase(t):
            if len(self.last_pair) >= 2:
                start = min([c.i for c in t.children if c.dep_ in ("det", "nummod", "predet")] + [t.i])
                self._add(start, t.i + 1, self.last_pair[0], "plural", members=self.last_pair, head=t.i)
        elif t.pos_ in ("NOUN", "PROPN"):
            if self._title_reference(t):
                return
            if self._agent_phrase(t, None, allow_home=False):
                return
            if self._description(t, _np_start(t), t.i + 1, None):
                return
            self._agent_phrase(t, None)

    def _person_antecedent(self, t: Token, sent: Span) -> Actor | None:
        # "One elderly man wailed after he recognised...": an unnamed person subject earlier in
        # the sentence is the likelier antecedent, and it is no actor we know.
        for x in sent:
            if x.i >= t.i:
                break
            if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ == "NOUN" and x.i not in self.out.by_token and \
                    (x.lemma_.lower() in PERSON_NOUNS or self.g.agents.get(x.lemma_.lower(), ("", ""))[1] == "PERSON"):
                return None
        found = next((m.actor for m, span in self._earlier_in_sentence(t, sent)
                      if m.actor.type == "Person" and not m.members and span.root.i in self.out.by_token
                      and span.root.dep_ in SUBJECT_DEPS), None)
        # a person named before the pronoun, not one its own sentence names after it: in "Her trip
        # will include meeting Macron and Scholz", "her" is nobody of that sentence
        found = found or self.last_subject_person or self.person_before_sentence
        subject = self._clause_subject(t) if t.lower_ in OBJECT_PRONOUNS else None
        if found is not None and subject is not None and found.key == subject.key:
            # "Trump described his relationship with him": an object pronoun is not its own
            # clause's subject; it is the last other person named
            return next((m.actor for m in reversed(self.out.mentions) if m.start < t.idx
                         and m.actor.type == "Person" and not m.members and m.actor.key != subject.key), None)
        return found

    def _clause_subject(self, t: Token) -> Actor | None:
        """The person who is the subject of the clause of `t` (a conjoined verb shares its subject)."""
        verb = t
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(4):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                m = self.out.by_token.get(subj.i)
                return m.actor if m is not None and m.actor.type == "Person" and not m.members else None
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def _earlier_in_sentence(self, t: Token, sent: Span) -> Iterator[tuple[Mention, Span]]:
        """The mentions before `t` in its sentence, nearest first, with their spans."""
        for m in reversed(self.out.mentions):
            if m.start >= t.idx:
                continue
            if m.start < sent.start_char:
                break
            span = self.doc.char_span(m.start, m.end)
            if span is not None:
                yield m, span

    def _plural_antecedent(self, t: Token, sent: Span) -> Mention | None:
        """`Rebel leaders said they would...`: a plural subject earlier in the same sentence."""
        for m, span in self._earlier_in_sentence(t, sent):
            root = span.root
            if root.dep_ in SUBJECT_DEPS and (root.tag_ in ("NNS", "NNPS") or m.members
                                              or any(c.dep_ == "conj" for c in root.children)):
                if any(c.dep_ == "conj" for c in root.children):
                    others = [self.out.by_token.get(c.i) for c in root.conjuncts]
                    members = tuple(dict.fromkeys([m.actor, *[o.actor for o in others if o is not None]]))
                    if len(members) > 1:
                        return Mention(m.start, m.end, m.text, members[0], "pronoun", m.sector, members)
                return m
        return None

    def _thing_antecedent(self, t: Token, sent: Span) -> Actor | None:
        for m, span in self._earlier_in_sentence(t, sent):
            if m.actor.type != "Person" and not m.members and not self._locative(span):
                return m.actor
        return None

    def _plural_phrase(self, t: Token) -> bool:
        low = t.lower_
        kids = {c.lower_ for c in t.children if c.dep_ in ("det", "nummod", "predet", "amod")}
        if low == "two" and t.dep_ in SUBJECT_DEPS | {"dobj", "pobj"} and "the" in kids:
            return True
        if low == "both" and t.dep_ in SUBJECT_DEPS | {"dobj", "pobj"}:
            return True
        if t.pos_ == "NOUN" and t.lemma_ in PAIR_NOUNS and t.tag_ in ("NNS", "NNPS"):
            return bool(kids & {"two", "both"})
        return False

    def _title_reference(self, t: Token) -> bool:
        """`the minister`, `the foreign minister`: the last person who held that title."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return False
        if t.dep_ in ("compound",) or any(c.ent_type_ == "PERSON" for c in t.children):
            return False
        mods = [c.text for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i]
        phrase = " ".join([*mods, t.text]).lower()
        if phrase not in self.g.titles and t.lower_ not in self.g.titles:
            return False
        head = t.lemma_.lower()
        for m in reversed(self.out.mentions):
            a = m.actor
            if a.type == "Person" and not m.members and a.title and head in a.title.lower() and \
                    (phrase == head or phrase in a.title.lower()):
                self._add(_np_start(t), t.i + 1, self.people.get(a.key, a), "description", head=t.i)
                return True
        return False

    def _description(self, t: Token, start: int, end: int, text: str | None) -> bool:
        table = descriptions()
        if text is None:
            if not any(c.dep_ == "det" and c.lower_ in ("the", "both") for c in t.children) and \
                    not any(c.dep_ == "nummod" for c in t.children):
                return False
            mods = [c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nummod") and c.i < t.i]
            cands = [" ".join([*mods[k:], t.lower_]) for k in range(len(mods) + 1)]
            cands += [" ".join([*mods[k:], t.lemma_.lower()]) for k in range(len(mods) + 1)]
        else:
            cands = [text]
        for cand in cands:
            d = table.get(cand)
            if d is None:
                continue
            if d.requires and not (set(d.requires) & self.seen_keys):
                continue
            members = self._description_actors(d)
            if not members:
                continue
            self._add(start, end, members[0], "description", sector=d.sector,
                      members=members if len(members) > 1 else (), head=t.i)
            return True
        return False

    def _description_actors(self, d: Description) -> tuple[Actor, ...]:
        out = []
        for ref in d.resolves_to:
            if ref == "@foreign-state":
                if self.last_foreign_state is not None:
                    out.append(self.last_foreign_state)
            elif ref == "@home-state":
                if self.out.home and self.out.home in self.g.states:
                    out.append(self.g.states[self.out.home])
            else:
                a = self.g.actor(ref)
                if a is not None:
                    out.append(a)
        return tuple(out)

    def _agent_phrase(self, t: Token, ent: Span | None, allow_home: bool = True) -> Mention | None:
        """`Israeli troops`, `a senior US official`, `China's foreign ministry`, `the Biden administration`."""
        g = self.g
        words = _strip_det(ent.text).lower() if ent is not None else None
        entry = None
        if words and words in g.agents:
            entry = g.agents[words]
        if entry is None:
            two = f"{t.doc[t.i - 1].lower_} {t.lower_}" if t.i > 0 else ""
            entry = g.agents.get(two) or g.agents.get(t.lower_) or g.agents.get(t.lemma_.lower())
        if entry is None:
            # "Palestinian prisoners", "Danish web sites": a noun that a demonym qualifies
            # stands for that country's people or property when no agent noun says more.
            demonym = next((self.out.by_token[c.i] for c in t.children
                            if c.dep_ in ("amod", "compound") and c.i < t.i and c.i in self.out.by_token
                            and self.out.by_token[c.i].how == "demonym"), None)
            if demonym is None or t.ent_type_ not in ("", "NORP") or t.pos_ not in ("NOUN", "PROPN") \
                    or any(c.dep_ == "appos" for c in t.children):
                return None  # "his Italian counterpart, Luigi Di Maio": the apposition names who
            entry = ("", "PERSON_GROUP")
        sector, kind = entry
        found: Actor | None = None
        span_start = ent.start if ent is not None else t.i
        mods = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < t.i]
        if ent is not None:
            mods += [tok for tok in ent if tok.i != t.i]
        for c in t.children:
            # "the government of Iran", "rebels in Darfur", "doctors from American aid groups"
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                mods += [x for p in c.children if p.dep_ == "pobj" for x in (p, *p.children)
                         if x.dep_ in ("pobj", "amod", "compound")]
            # "workers affiliated with the Serbian union", "militants loyal to Iraq's al-Qaeda
            # leader": whom they belong to says whose they are.
            if c.dep_ in ("amod", "acl") and c.lemma_.lower() in AFFILIATION:
                mods += [x for pr in c.children if pr.dep_ == "prep" and pr.lower_ in ("to", "with")
                         for p in pr.children if p.dep_ == "pobj" for x in p.subtree
                         if x.dep_ in ("pobj", "poss", "amod", "compound")]
        for c in mods:
            m = self.out.by_token.get(c.i)
            a = m.actor if m is not None else None
            if a is None:
                text = _entity_text(c)
                hit = g.lookup(text)
                a = hit[1] if hit else g.states.get(g.places.get(text, ""))
            if a is None:
                continue
            if a.type == "Person" and a.country in g.states and c.i < t.i:
                found = g.states[a.country]
            elif a.type != "Person":
                found = a
            if found is not None:
                span_start = min(span_start, min(x.i for x in c.subtree))
                break
        members: tuple[Actor, ...] = ()
        if found is not None and found.type == "State":
            # "French and Egyptian warships": one phrase, two countries.
            mod = next((c for c in mods if (self.out.by_token.get(c.i) and self.out.by_token[c.i].actor.key == found.key)), None)
            if mod is not None:
                others = [self.out.by_token.get(x.i) for x in mod.conjuncts]
                states = [found, *[o.actor for o in others if o is not None and o.actor.type == "State"]]
                if len({a.key for a in states}) > 1:
                    members = tuple(dict.fromkeys(states))
        if found is None:
            if allow_home and kind in ("GOVBODY", "MILITARY") and self.out.home in g.states \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                found = g.states[self.out.home]
            elif sector in g.domestic and (where := self._sentence_country(t.doc[t.i:t.i + 1], unique=True)) \
                    and self.context in (None, where):
                # "opposition leaders ... in Baku": a domestic group of the one country named,
                # unless the article is about another.
                found = g.states[where]
            elif sector in g.located and not _qualified(t) and (where := self._place_country(t)) \
                    and self.context in (None, where):
                # "Militants attacked a train in Pakistan's Balochistan province": armed men and
                # civilians with no flag are of the one country the sentence places things in.
                found = g.states[where]
            else:
                return None
        span_start = min(span_start, _np_start(t))
        return self._add(span_start, t.i + 1, found, "agent", sector=sector or found.sector, head=t.i,
                         members=members)

    # --- discourse ----------------------------------------------------------------------
    def _update_discourse(self, sent: Span) -> None:
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return
        m = self.out.by_token.get(subj.i)
        if m is None:
            return
        if m.members:
            self.last_pair = m.members
            return
        if m.actor.type == "Person":
            self.last_subject_person = m.actor
        # The pair: the subject and the first other actor of the same kind in the main clause.
        inner = {t.i for c in root.children if c.dep_ in ("ccomp", "advcl", "relcl") for t in c.subtree}
        person = m.actor.type == "Person"
        for other in self.out.mentions:
            if other.start < sent.start_char or other.start >= sent.end_char or other.members:
                continue
            span = self.doc.char_span(other.start, other.end)
            if span is None or span.root.i in inner or other.actor.key == m.actor.key:
                continue
            if (other.actor.type == "Person") == person and not self._locative(span):
                self.last_pair = (m.actor, other.actor)
                return

    def _main_country(self, ents: list[Span]) -> str | None:
        """The state most of an article's state mentions name, if there is one: where an office
        holder that nobody placed most likely serves ("President Dos Santos ... Angola")."""
        counts: Counter[str] = Counter()
        for ent in ents:
            # a state, or a state inside an organisation's name ("... of Angola")
            names = [_strip_det(ent.text)] if ent.label_ in ("GPE", "NORP") else \
                [t.text for t in ent if t.text[:1].isupper()] if ent.label_ == "ORG" else []
            for name in names:
                hit = self.g.lookup(name)
                if hit and hit[1].type == "State" and hit[1].country:
                    counts[hit[1].country] += 1
        best = counts.most_common(1)
        # a clear majority of the states named, not a mere lead ("sanctions on Iran" in US news)
        return best[0][0] if best and best[0][1] > 0.6 * sum(counts.values()) else None

    def _home_country(self, ents: list[Span]) -> str | None:
        """The country whose officials the article follows: that of its first titled person
        with a stated country. Mere frequency is not enough evidence ("sanctions on Iran")."""
        for ent in ents:
            if ent.label_ == "PERSON":
                title, country, _ = self._title_before(ent.start)
                if title and country:
                    return country
        return None


_GLUED = re.compile(r"[a-z]{3,}[A-Z]")


def one_edit(x: str, y: str) -> bool:
    """`x` is `y` with one letter added, dropped or changed."""
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y)) == 1
    if len(x) > len(y):
        x, y = y, x
    return any(y[:k] + y[k + 1:] == x for k in range(len(y)))


# The Arabic article joined to a name: "al-Baghdadi" is "Baghdadi" on second mention.
ARTICLE_PREFIXES = ("al-", "el-")


def bare_surname(word: str) -> str:
    w = word.lower()
    for p in ARTICLE_PREFIXES:
        if w.startswith(p) and len(w) > len(p) + 2:
            return w[len(p):]
    return w


def _glued(word: str) -> bool:
    """Two words run together by a scraper ("MarkleHillary", "RubioGOP"); not "McMaster",
    "DeSantis" or "MacArthur", whose capital follows a short prefix."""
    return bool(_GLUED.search(word))


def _acting_subject(ent: Span) -> bool:
    """The name (or the noun it qualifies: "the UNITA militarist wing") is the subject of an act,
    not of a report: a group that acts in the one country its sentence names is of that country,
    one that comments on it ("Flexport said tariffs on China...") need not be."""
    from .event_features import REPORT_LEMMAS
    head = ent.root
    while head.dep_ in ("compound", "nmod", "amod") and head.head is not head:
        head = head.head
    verb = head.head
    return head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") \
        and verb.lemma_.lower() not in REPORT_LEMMAS


@lru_cache(maxsize=1)
def nonactor_words() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in read_table("nonactors.tsv") if row.get("match") in (None, "", "last")}


@lru_cache(maxsize=1)
def nonactor_names() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in read_table("nonactors.tsv") if row.get("match") == "name"}


@lru_cache(maxsize=1)
def nonactor_firsts() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in read_table("nonactors.tsv") if row.get("match") == "first"}


def _is_place(text: str, g: Gazetteer) -> bool:
    return text in g.places or (text in g.names and g.names[text][0] == "place")


# Nouns of places a name stands before or after: "the Abha airport", "the village of al-Sayad".
PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "county", "airport", "complex",
               "camp", "suburb", "neighborhood", "neighbourhood", "port", "capital", "area", "governorate",
               "prefecture", "oblast", "municipality", "state", "island", "valley", "strait", "resort"}
# Words that open a question or a headline, never a name, at the start of a sentence: "Will Trump accept?"
QUESTION_OPENERS = {"will", "can", "did", "does", "do", "should", "would", "could", "is", "was", "has", "have",
                    "why", "how", "when", "what"}
# Name particles that stay lower case inside a name: "Ursula von der Leyen", "Bashar al-Assad".
NAME_PARTICLES = {"al", "el", "de", "del", "der", "den", "van", "von", "da", "di", "du", "bin", "ibn", "bint",
                  "la", "le", "dos", "das", "ul", "e", "y", "ben", "abu", "ould"}
CREDIT_WORDS = {"REUTERS", "AP", "AFP", "EPA", "GETTY", "XINHUA", "UPI", "ANADOLU"}


@lru_cache(maxsize=1)
def known_surnames() -> frozenset[str]:
    """The last names of the gazetteer's people, lower case: what two names run together are made of."""
    out = set()
    for actor in gz.load().people.values():
        for name in (actor.label, *actor.aliases):
            parts = name.split()
            if len(parts) >= 2:
                out.add(parts[-1].lower())
                if _east_asian(name):
                    out.add(parts[0].lower())  # "Kim" of Kim Jong Un
    return frozenset(out)


def _pair_of_names(text: str, article_names: Container[str] = ()) -> bool:
    """"Obama-Biden", "McMaster-Mattis", "Trump/Kim": two surnames joined, each known to the
    gazetteer or to the article, a ticket or a summit, not one actor."""
    parts = [p.strip() for p in re.split(r"[-/–]", text) if p.strip()]
    return len(parts) == 2 and all(p.lower() in known_surnames() or p in article_names for p in parts)


# What a place has and a person has not: "Sheikhan’s mayor", "Gaza’s residents".
PLACE_OWNED = {"mayor", "governor", "residents", "citizens", "population", "inhabitants", "capital", "border",
               "borders", "economy", "parliament", "legislature", "police", "streets", "airport", "province",
               "municipality", "outskirts", "suburbs", "coast", "mayoral"}


def _cut_word(span: Span) -> bool:
    """The name ends inside a word the tokenizer split: "Mar-a" of "Mar-a-Lago"."""
    end = span.end
    while end > span.start and span.doc[end - 1].is_space:
        end -= 1
    last = span.doc[end - 1]
    if last.whitespace_ or end >= len(span.doc):
        return False
    nxt = span.doc[end]
    if nxt.text in ("-", "–"):
        return not nxt.whitespace_ and end + 1 < len(span.doc) and span.doc[end + 1].text[:1].isalnum()
    return nxt.text[:1] in "-–" and len(nxt) > 1 or nxt.text[:1].isalnum()


def used_as(span: Span, g: Gazetteer, person: bool) -> str | None:
    """Why a name no list knows is, where it stands, not an actor: the first words of a longer
    name ("the Nixon Presidential Library", "Prestwick Airport"), the modifier of a place or a
    thing ("the Abha airport", "the Espy investigation"), a place ("the village of al-Sayad", for a
    name the model calls a person also "in Qunu"). None when it may be one: "the Reagan
    administration" and "the Warren faction" still name their person."""
    root = span.root
    head = root.head
    outside = not (span.start <= head.i < span.end)
    if outside and root.dep_ == "compound":
        head_low = head.lower_
        if head.i >= span.end and _capitalised_run(span.doc, span.end - 1, head.i) and head.ent_type_ != "PERSON" \
                and head_low not in g.titles and head_low in english_words():
            return "part of a longer name"  # not "Kim Jong" before "Un", which no dictionary lists
        if head.lemma_.lower() in PLACE_NOUNS or head_low in PLACE_NOUNS:
            return "place"
        kind = nonactor_words().get(head_low)
        if kind:
            return kind
    if outside and root.dep_ == "poss" and head.lemma_.lower() in PLACE_OWNED:
        return "place"  # "Sheikhan’s mayor"
    if outside and root.dep_ == "conj" and head.ent_type_ in PLACE_LABELS:
        other = next((e for e in span.doc.ents if e.start <= head.i < e.end), None)
        if other is not None and _is_place(other.text, g):
            return "place"  # "El Paso and Dayton": named with a city, not a state ("Syria and Arafat")
    if outside and root.dep_ == "pobj":
        if head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
            return "place"
        if person and head.lower_ in ("in", "near", "outside", "inside"):
            return "place"  # nobody is "in Smith"
    if _cut_word(span):
        return "part of a word"
    if not person and any(t.lower_ in ("of", "for", "on") for t in span) and span.end + 1 < len(span.doc):
        conj, nxt = span.doc[span.end], span.doc[span.end + 1]
        named = nxt.ent_type_ and not (nxt.ent_type_ in PLACE_LABELS and g.lookup(nxt.text) is None
                                       and not _is_place(nxt.text, g))  # "Globalization" is no place
        if conj.lower_ in ("and", "&") and nxt.text[:1].isupper() and not named:
            return "part of a longer name"  # "the Center for China| and Globalization"
    return None


# Meetings and agreements named after where they were held or signed: "the Hanoi summit", "the
# Geneva talks", "the Minsk agreements", "the Oslo Accords".
VENUE_NOUNS = {"summit", "talk", "talks", "conference", "meeting", "negotiation", "negotiations", "process",
               "agreement", "agreements", "accord", "accords", "deal", "declaration", "protocol", "format",
               "forum", "convention", "communique", "round", "dialogue", "peace"}


@lru_cache(maxsize=1)
def city_states() -> frozenset[str]:
    """States named like their own capital (countries.tsv: the label is one of its metonyms):
    "Singapore", "Djibouti"; as the name of a summit they are the city."""
    return frozenset(r["label"] for r in read_table("countries.tsv")
                     if r["label"] in split_list(r.get("metonyms", "")))


def _venue(ent: Span) -> bool:
    """A city or capital naming a meeting or an agreement it was the venue of."""
    root = ent.root
    head = root.head
    return root.dep_ in ("compound", "nmod", "amod") and not ent.start <= head.i < ent.end \
        and head.lemma_.lower() in VENUE_NOUNS | {n.rstrip("s") for n in VENUE_NOUNS}


def _verb_of(t: Token) -> Token:
    """The verb of the clause a word is in (the word itself if it is one), and of a clause that
    only continues another, that other's: "attacked a train ..., taking many hostages"."""
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    while t.dep_ in ("advcl", "conj", "xcomp") and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX"):
        t = t.head
    return t


def _qualified(t: Token) -> bool:
    """The noun has a qualifier of its own, not a state's ("Kurdish fighters", "Baloch militants"):
    whose people they are is said, just not by a state."""
    return any(c.dep_ in ("amod", "compound") and c.i < t.i and c.text[:1].isupper() for c in t.children)


def _acronym_after(doc: Doc, end: int) -> str | None:
    """The acronym a name introduces right after it: "(BLA)", ", or BLA,"."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        cand = doc[end + 1]
    elif end + 3 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "or" and doc[end + 3].is_punct:
        cand = doc[end + 2]
    else:
        return None
    return cand.text if cand.is_upper and 2 <= len(cand.text) <= 7 and cand.is_alpha else None


def _owner(ent: Span) -> str | None:
    """The words before a possessive inside a name: "Trump" of "Trump’s Turnberry"."""
    for t in ent[1:]:
        if t.tag_ == "POS" or t.text in ("'s", "’s", "’", "'"):
            return ent.doc[ent.start:t.i].text
    return None


def _capitalised_run(doc: Doc, last: int, head: int) -> bool:
    """The words after token `last` up to `head` are capitalised words of the same line:
    "Nixon| Presidential Library", not a byline "Jane Doe|\n\nUSA TODAY"."""
    for k in range(last, head):
        nxt = doc[k + 1]
        if doc[k].is_space or "\n" in doc[k].whitespace_ or nxt.is_space or not nxt.text[:1].isupper() \
                or nxt.pos_ != "PROPN":
            return False
    return True


def not_a_person(span: Span, name: str, g: Gazetteer) -> str | None:
    """Why a name the model calls a person, and no list knows, is not one: a place, a thing
    (kg/data/nonactors.tsv), a title alone, a name said twice, a headline or a question, two
    names joined, a photo credit, a common word."""
    low = name.lower()
    if _is_place(name, g):
        return "place"
    if low in nonactor_names() or name.split()[-1].lower() in nonactor_words():
        return "thing"
    if low in g.titles:
        return "title"
    from .identity import name_tokens
    toks = name_tokens(name)
    if len(set(toks)) < len(toks):
        return "repeated"  # "Trump Trump", "Charles Schumer Charles": link text run together
    if _pair_of_names(name):
        return "pair"
    alpha = [t for t in span if t.is_alpha]
    if alpha and alpha[0].text in CREDIT_WORDS and len(alpha) > 1:
        return "credit"  # "REUTERS Obama honors Mandela": a caption's credit before its headline
    if any(t.is_lower and t.pos_ in ("VERB", "AUX", "PRON") for t in span):
        return "headline"  # "This Story is False"
    if alpha and not any(t.text[:1].isupper() for t in alpha if t.lower_ not in NAME_PARTICLES):
        return "common words"  # "sans doctrine"
    if len(alpha) > 1 and alpha[0].is_sent_start and alpha[0].lower_ in QUESTION_OPENERS:
        return "question"  # "Will Trump accept anything less?"
    words = alpha
    if len(words) == 1:
        t = words[0]
        if t.is_lower or t.is_stop or t.pos_ in ("NOUN", "ADJ", "VERB", "ADV", "INTJ") or low in g.agents:
            return "common word"
    return None


# Words a name never ends with: what the model cut a name at ("Council on", "Federation of").
_FRAGMENT_END = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "PUNCT"}


def not_an_actor(ent: Span, text: str, g: Gazetteer) -> str | None:
    """Why a name the model calls an organisation, and no list knows, is not an actor:
    a place, a thing, law or event (kg/data/nonactors.tsv), a fragment of a name, a headline,
    a common word. None when it may be one."""
    if _is_place(text, g):
        return "place"
    if text.lower() in nonactor_names():
        return nonactor_names()[text.lower()]
    if _pair_of_names(text):
        return "pair"
    owner = _owner(ent)
    if owner is not None and (owner.lower() in known_surnames() or owner.lower() in g.known_people):
        return "possessive"  # "Trump’s Mar(-a-Lago)", "Trump’s corps (of advisers)": a person's thing
    if owner is not None:
        owned = text[len(owner):].lstrip("'’s ").lower()
        if owned in nonactor_names():
            return nonactor_names()[owned]  # "CBS’s Face the Nation": the network's programme
    toks = list(ent)
    while toks and toks[0].lower_ == "the":
        toks = toks[1:]
    words = [t for t in toks if not t.is_punct]
    if not words:
        return "fragment"
    last = words[-1]
    kind = nonactor_words().get(last.lower_)
    if kind:
        return kind
    first = words[0].lower_
    if len(words) > 1 and first in nonactor_firsts():
        return "title"  # "Acting Air Force", "CFO Meng Wanzhou": a title the name was cut from
    if toks[-1].pos_ in _FRAGMENT_END and toks[-1].text not in (".", ")") or toks[0].pos_ in ("ADP", "CCONJ", "PRON"):
        return "fragment"
    if any(t.is_lower and t.pos_ in ("VERB", "AUX", "PRON") for t in toks):
        return "headline"  # "Trump Wanted a Trade War", "Trump we Trust"
    if toks[0].is_lower and toks[0].lower_ not in ("al", "el", "de", "e"):
        return "fragment"  # "chamber's Armed Services Committee", "no Western Alliance"
    if len(words) == 1:
        t = words[0]
        if t.is_upper and len(t) >= 2:
            return None  # an acronym
        low = t.lower_
        if t.is_lower or low in g.titles or low in g.agents or (t.pos_ != "PROPN" and t.is_stop):
            return "common word"
        if t.pos_ in ("NOUN", "ADJ", "VERB", "ADV") and not any(ch.isupper() for ch in t.text[1:]):
            return "common word"  # "Content", "Crown", "Main", "Halfway"
        if low in english_words() and not any(ch.isupper() for ch in t.text[1:]):
            # "Finance", "National", "North", "Post": a capitalised English word alone is the
            # fragment of a name far more often than a one-word organisation
            return "common word"
    return None


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The English words of the pinned model's lemmatizer index (WordNet's nouns, verbs,
    adjectives and adverbs), read from its files: the same list whatever pipeline the build
    runs, and no second pipeline loaded for it. Empty if the package is not installed."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from .nlp import DEFAULT_MODEL
    try:
        path = next(get_package_path(DEFAULT_MODEL).glob("*/lemmatizer/lookups"))
        index = Lookups().from_disk(path).get_table("lemma_index")
    except (ImportError, OSError, StopIteration, KeyError):
        return frozenset()
    return frozenset(w for words in index.values() for w in words if w.isalpha())


def _sector(g: Gazetteer, title: str | None) -> str | None:
    if not title:
        return None
    t = g.titles.get(title.lower())
    return t.sector if t else "GOV"


def _entity_text(t: Token) -> str:
    """The whole named entity a token belongs to ("Ivory Coast" for "Coast"), else the token."""
    if t.ent_type_:
        for ent in t.doc.ents:
            if ent.start <= t.i < ent.end:
                return _strip_det(ent.text)
    return t.text


# Characters that wrap or break names in scraped news text but are never part of one.
_NAME_EDGES = " \t'\"‘’“”()[]{}<>/\\|-–—•·*&:;,_=+#~^"
_NAME_NOISE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff[]{}"), None)


def _strip_det(text: str) -> str:
    text = " ".join(text.translate(_NAME_NOISE).split()).strip(_NAME_EDGES)
    for det in ("the ", "The "):
        if text.startswith(det):
            text = text[len(det):]
    for poss in ("'s", "’s"):
        if text.endswith(poss):
            text = text[: -len(poss)]
    return text.strip(_NAME_EDGES)


def _np_start(t: Token) -> int:
    return min([c.i for c in t.children if c.i < t.i and c.dep_ in ("det", "amod", "compound", "nummod", "poss",
                                                                     "predet")] + [t.i])


def fix_entities(doc: Doc) -> list[Span]:
    """The model's entities with its known slips mended: names cut at a hyphen (`Moon Jae`-in)."""
    out = []
    for ent in doc.ents:
        end = ent.end
        if out and out[-1].label_ == "ORG" and _bracketed_acronym(ent) and ent.start == out[-1].end + 1:
            # "the Movement for ... Biafra (MASSOB)": the acronym names the organisation just
            # before it, whatever the model thought it was.
            out[-1] = _ending_at(out[-1], ent.end + 1)
            continue
        if out and out[-1].label_ == "ORG" and ent.start == out[-1].end and out[-1][-1].lower_ in ("of", "for") \
                and ent.label_ in ("GPE", "LOC"):
            # "National Union for the Total Independence of" + "Angola": one name, cut at the
            # country the entity ruler knows.
            out[-1] = _ending_at(out[-1], ent.end)
            continue
        if ent.label_ == "ORG" and len(ent) > 2 and ent[-2].text == "(" and ent[-1].is_upper and end < len(doc) \
                and doc[end].text == ")":
            end += 1  # "the Movement for Democratic Change (MDC": the model left out the bracket
        if ent.label_ == "PERSON":
            while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower:
                end += 2
        out.append(_ending_at(ent, end) if end != ent.end else ent)
    return out


def _ending_at(ent: Span, end: int) -> Span:
    """The entity `ent`, label and ids kept, stretched to token `end`."""
    return Span(ent.doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)


def _bracketed_acronym(ent: Span) -> bool:
    doc = ent.doc
    return len(ent) == 1 and ent.start > 0 and ent.end < len(doc) and doc[ent.start - 1].text == "(" \
        and doc[ent.end].text == ")" and ent.text.isupper() and 2 <= len(ent.text) <= 10


def resolve(doc: Doc, g: Gazetteer | None = None, date: str | None = None) -> ArticleActors:
    """Every actor mention in `doc`, resolved to canonical actors; `date` (YYYY-MM-DD, the
    article's) picks, of the leaders who share a surname, the one in office then."""
    return _Resolver(doc, g or gz.load(), date).run()
