"""Candidate (source, target) pairs of a sentence, described for the event scorer.

The rules of kg/events.py read one event off each trigger word. They are precise where
English is regular and blind where it is not: an accusation made by calling something
illegal, a pronoun subject two sentences from its name, a quote whose speaker is named
after it. This module looks at every pair of actors a sentence mentions (and "no target"),
plus the speaker of a quotation the sentence belongs to, and describes each pair by what
lies between them: the dependency path, the verbs that govern each side, the trigger words
of the lexicon on that path and their stance, evaluative words (kg/data/evaluative.tsv),
quotation marks, questions, hedges, and what the rules themselves proposed for the pair.
kg/scorer.py gives each pair a probability per PLOVER type and turns the likely ones into
events, borrowing code, relation, date, place and weapon from the rule event or trigger
word that names the act.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc, Span, Token

from . import event_features as ef
from . import events as ev
from . import lexicon as lx
from .actors import ArticleActors
from .records import Actor, Article, Event, Mention
from .tables import read_table

MAX_MENTIONS = 12  # per sentence: a list of forty countries is one act, not 1,600 pairs
EITHER_WAY = {"CONSULT"}  # types whose two sides the scorers and the graph read either way
MODALS = ev.INTENT_MODALS | ev.ABILITY_MODALS | ev.DEMAND_MODALS


@dataclass(frozen=True)
class Evaluative:
    polarity: str  # negative, positive, denial, threat
    strength: str  # strong, medium, weak


@lru_cache(maxsize=1)
def evaluative() -> dict[tuple[str, str], Evaluative]:
    try:
        rows = read_table("evaluative.tsv")
    except FileNotFoundError:
        return {}
    return {(r["lemma"].lower(), r["pos"].upper()): Evaluative(r["polarity"], r["strength"]) for r in rows}


@lru_cache(maxsize=1)
def type_defaults() -> dict[str, tuple[str, str]]:
    return {r["plover"]: (r["cameo"], r["relation"]) for r in read_table("types.tsv")}


@dataclass
class Side:
    """One side of a candidate: an actor, the mention that names it, where it stands."""

    actor: Actor
    sector: str | None
    mention: Mention
    token: Token | None  # head of the mention in this sentence; None for a speaker named elsewhere
    context: str = ""  # "" (named in the sentence), "speaker" (of its quotation) or "previous" (sentence)
    features: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)  # by prefix, see _side_features


@dataclass
class Candidate:
    sent: Span
    source: Side
    target: Side | None
    features: dict[str, float] = field(default_factory=dict)
    rules: list[Event] = field(default_factory=list)  # rule events coding this very pair


@dataclass
class Trig:
    token: Token
    trigger: lx.Trigger
    stance: tuple[str, Token | None] | None  # None: negated, conditional, hypothetical...


# --- the pieces of a sentence ------------------------------------------------------------------
def _head(doc: Doc, m: Mention, sent: Span) -> Token | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start < sent.start or span.end > sent.end:
        return None
    return span.root


def sides_of(sent: Span, found: ArticleActors) -> list[Side]:
    """Every actor the sentence names (each member of "the two" on its own), once per mention."""
    doc = sent.doc
    out: list[Side] = []
    for m in found.mentions:
        if m.start < sent.start_char or m.end > sent.end_char or m.end <= m.start:
            continue
        tok = _head(doc, m, sent)
        if m.members and tok is not None and tok.dep_ == "poss":
            continue  # "discussed their relations": whose "their" is, the parse does not say
        for a in m.members or (m.actor,):
            out.append(Side(a, m.sector, m, tok))
    return out[:MAX_MENTIONS]


def triggers_of(sent: Span, lex: lx.Lexicon) -> list[Trig]:
    out = []
    for t in sent:
        trig = ev.match(t, lex)
        if trig is not None:
            out.append(Trig(t, trig, ev._stance(t, trig, lex)))
    return out


_UP: dict[int, list[Token]] = {}  # token -> itself and its heads, for the document in _DOC
_ROLES: dict[tuple, str] = {}  # (role function, side token, anchor token) -> role, likewise
_DOC: list = [None]


def _fresh(doc: Doc) -> None:
    if _DOC[0] is not doc:
        _UP.clear()
        _ROLES.clear()
        _DOC[0] = doc


def _ancestors(t: Token, limit: int = 12) -> list[Token]:
    _fresh(t.doc)
    got = _UP.get(t.i)
    if got is None:
        got = _UP[t.i] = ef.ancestors(t, 12, with_self=True)
    return got[:limit + 1]


def _path(a: Token, b: Token) -> tuple[list[Token], Token | None, list[Token]]:
    """a's way up to the lowest common ancestor, the ancestor, b's way up to it."""
    up_a = _ancestors(a)
    up_b = _ancestors(b)
    seen = {x.i: k for k, x in enumerate(up_a)}
    for k, x in enumerate(up_b):
        if x.i in seen:
            return up_a[:seen[x.i]], x, up_b[:k]
    return up_a, None, up_b


def _verb_above(t: Token) -> Token | None:
    for x in _ancestors(t, 6)[1:]:
        if x.pos_ in ("VERB", "AUX"):
            return x
    return None


def _speaker_of(sent: Span, found: ArticleActors) -> Side | None:
    """Who says a sentence: the actor subject of a reporting verb in it ("..., Trump said")."""
    doc = sent.doc
    for t in sent:
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in ef.REPORT_LEMMAS:
            continue
        for c in t.children:
            if c.dep_ == "nsubj":
                m = found.at(c)
                if m is not None and not m.members:
                    return Side(m.actor, m.sector, m, _head(doc, m, sent) or c, "speaker")
    return None


def _main_subject(sent: Span, found: ArticleActors) -> Side | None:
    """The actor subject of the sentence's main verb, if it has one."""
    for c in sent.root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            m = found.at(c)
            if m is not None and not m.members:
                return Side(m.actor, m.sector, m, c)
    return None


def _subject_unnamed(sent: Span, found: ArticleActors) -> bool:
    """The main verb has a subject, and it is no actor the resolver knows ("Officials said")."""
    subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(found.at(c) is None for c in subjects)


def quote_speakers(doc: Doc, found: ArticleActors) -> dict[int, Side]:
    """For sentences inside a multi-sentence quotation with no speaker of their own: the speaker
    named where the quotation ends (or, failing that, of the sentence before)."""
    quoted = ef.quoted_tokens(doc)
    sents = list(doc.sents)
    own = [_speaker_of(s, found) for s in sents]
    out: dict[int, Side] = {}
    for k, s in enumerate(sents):
        if own[k] is not None:
            continue
        inside = sum(1 for t in s if t.i in quoted)
        if inside < max(3, len(s) // 2):
            continue
        speaker = None
        for j in range(k + 1, min(len(sents), k + 4)):
            if own[j] is not None:
                speaker = own[j]
                break
            if not any(t.i in quoted for t in sents[j]):
                break
        if speaker is None and k > 0 and own[k - 1] is not None:
            speaker = own[k - 1]
        if speaker is not None:
            out[s.start] = Side(speaker.actor, speaker.sector, speaker.mention, None, "speaker")
    return out


# --- anchors: the words that can carry an act, and how each side stands to one ---------------------
@dataclass
class Anchor:
    token: Token
    kind: str  # trig, eval, report
    key: str  # "trig:ACCUSE", "eval:negative", "report"
    stance: str = ""  # for triggers: asserted, intent, reject, blocked

    def __post_init__(self) -> None:
        self.i = self.token.i  # read for every candidate of the sentence: once here
        self.lemma = self.token.lemma_.lower()


def anchors_of(sent: Span, lex: lx.Lexicon) -> list[Anchor]:
    out = []
    for tr in triggers_of(sent, lex):
        out.append(Anchor(tr.token, "trig", f"trig:{tr.trigger.plover or 'STATEMENT'}", _stance_name(tr)))
    ev_lex = evaluative()
    for x in sent:
        hit = ev_lex.get((x.lemma_.lower(), x.pos_)) if ev_lex else None
        if hit is not None and hit.strength != "weak":
            neg = "neg" in ev._child_info(x)[0] or "neg" in ev._child_info(x.head)[0]
            out.append(Anchor(x, "eval", f"eval:{hit.polarity}{'-not' if neg else ''}"))
        elif x.pos_ in ("VERB", "AUX") and x.lemma_.lower() in ef.REPORT_LEMMAS:
            out.append(Anchor(x, "report", "report"))
    return out


def _clause_verb(a: Token) -> Token:
    """The verb whose arguments are those of `a`: itself for a verb; the copula or verb an
    adjective completes ("is illegal", "called it illegal"); the verb a noun hangs on."""
    node = a
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        if node.dep_ in ("acomp", "oprd", "attr", "xcomp", "ccomp", "dobj", "pobj", "prep", "conj", "appos",
                         "amod", "advmod", "npadvmod", "nsubj", "nsubjpass", "compound"):
            node = node.head
        else:
            return node
    return node


def _role(fn, x: Token, a: Token) -> str:
    """source_role / target_role, once per (side, anchor) of the document candidates() reads."""
    key = (fn.__name__, x.i, a.i)
    got = _ROLES.get(key)
    if got is None:
        got = _ROLES[key] = fn(x, a)
    return got


def source_role(x: Token, a: Token) -> str:
    v = _clause_verb(a)
    if x.i == a.i:
        return "self"
    if x.head.i in (a.i, v.i) and x.dep_ in ("nsubj", "csubj"):
        return "subj"
    if x.dep_ == "pobj" and x.head.dep_ == "agent" and x.head.head.i in (a.i, v.i):
        return "agent"
    if x.head.i == a.i and x.dep_ == "poss":
        return "poss"
    if x.head.i == a.i and x.dep_ in ("compound", "amod", "nmod"):
        return "mod"
    for u in _ancestors(v, 6)[1:]:
        if u.pos_ in ("VERB", "AUX") and u.lemma_.lower() in ef.REPORT_LEMMAS:
            if any(c.i == x.i and c.dep_ in ("nsubj", "agent") for c in u.children) or \
                    (x.dep_ == "pobj" and x.head.head.i == u.i and x.head.lower_ in ("by", "to")):
                return "speaker"
            break
    if v.dep_ in ("xcomp", "ccomp") and x.head.i == v.head.i and x.dep_ in ("dobj", "nsubj"):
        return "up_" + x.dep_  # "urged Iran to talk": Iran would talk; "vowed to retaliate"
    if v.left_edge.i <= x.i <= v.right_edge.i:
        return "in"
    return "out"


def target_role(x: Token, a: Token) -> str:
    v = _clause_verb(a)
    if x.i == a.i:
        return "self"
    for h in (a, v):
        if x.head.i == h.i:
            if x.dep_ in ("dobj", "dative", "attr", "oprd"):
                return "obj"
            if x.dep_ == "nsubjpass":
                return "pass"
            if x.dep_ in ("nsubj", "csubj"):
                return "subj"
            if x.dep_ == "poss":
                return "poss"
            if x.dep_ in ("compound", "amod", "nmod"):
                return "mod"
    if x.dep_ == "pobj" and x.head.dep_ in ("prep", "agent", "dative"):
        holder = x.head.head
        if holder.i in (a.i, v.i) or (holder.head.i in (a.i, v.i) and holder.dep_ in ("dobj", "attr", "nsubjpass")):
            return f"prep:{x.head.lower_}"
    if x.dep_ == "poss" and x.head.head.i in (a.i, v.i):
        return "obj_poss"  # "condemned Russia's annexation"
    if v.left_edge.i <= x.i <= v.right_edge.i:
        return "in"
    return "out"


# --- features ----------------------------------------------------------------------------------
def _stance_name(tr: Trig) -> str:
    if tr.stance is None:
        return "blocked"
    return tr.stance[0]


def _side_features(prefix: str, x: Side, quoted: frozenset[int]) -> dict[str, float]:
    """What kind of actor one side is and where it stands; the same for every pair it is in."""
    cache = x.features
    got = cache.get(prefix)
    if got is not None:
        return got
    f: dict[str, float] = {}
    a = x.actor
    f[f"{prefix}_how={x.mention.how}"] = 1.0
    f[f"{prefix}_type={a.type}"] = 1.0
    f[f"{prefix}_sector={x.sector or 'none'}"] = 1.0
    country = a.country or ""
    f[f"{prefix}_country=" + ("none" if not country else country if country in ("IGO", "NGO", "MNC", "IMG")
                              else "state")] = 1.0
    if a.type == "Person" and not a.title:
        f[f"{prefix}_untitled"] = 1.0
    if x.context:
        f[f"{prefix}_context={x.context}"] = 1.0
    if x.token is not None:
        f[f"{prefix}_dep={x.token.dep_}"] = 1.0
        f[f"{prefix}_headpos={x.token.head.pos_}"] = 1.0
        if x.token.i in quoted:
            f[f"{prefix}_quoted"] = 1.0
        if x.token.dep_ == "conj" or "conj" in ev._child_info(x.token)[0]:
            f[f"{prefix}_conj"] = 1.0
    cache[prefix] = f
    return f


def describe(c: Candidate, anchors: list[Anchor], sent_index: int, quoted: frozenset[int]) -> dict[str, float]:
    f: dict[str, float] = {"bias": 1.0}
    s, t, sent = c.source, c.target, c.sent
    sa = s.actor

    def side(prefix: str, x: Side) -> None:
        f.update(_side_features(prefix, x, quoted))

    side("s", s)
    if t is None:
        f["t=none"] = 1.0
    else:
        side("t", t)
        if t.actor.country and t.actor.country == sa.country:
            f["same_country"] = 1.0
    facts = ef.sentence_facts(sent)
    f[f"sent_index={ef.bucket(sent_index, (0, 1, 3, 8))}"] = 1.0
    f[f"sent_len={ef.bucket(facts['length'], (12, 25, 40, 60))}"] = 1.0
    if facts["question"]:
        f["question"] = 1.0
    if facts["if"]:
        f["sentence_if"] = 1.0
    if facts["mostly_quoted"]:
        f["mostly_quoted"] = 1.0

    # Each word that can carry an act (a trigger of the lexicon, an evaluative word, a reporting
    # verb), and how the two sides stand to it: "Iran (subj) accused (ACCUSE) Israel (obj)",
    # "Russia (speaker) said the report (subj) was baseless (denial)".
    hs = s.token
    ht = t.token if t is not None else None
    si = hs.i if hs is not None else None
    ti = ht.i if ht is not None else None
    window = ev.WINDOW
    for a in anchors:
        # A word far from both sides bears on neither (and a sentence of a thousand clauses
        # stays linear).
        if (si is None or abs(a.i - si) > window) and (ti is None or abs(a.i - ti) > window):
            continue
        sr = "ctx" if hs is None else _role(source_role, hs, a.token)
        tr = "none" if t is None else ("ctx" if ht is None else _role(target_role, ht, a.token))
        if sr == "out" and tr in ("out", "none"):
            continue
        k = a.key
        both = f"s={sr}|t={tr}"
        f[f"{k}|{both}"] = 1.0
        f[f"{k}|s={sr}"] = 1.0
        f[f"{k}|t={tr}"] = 1.0
        if a.stance:
            f[f"{k}|{a.stance}|{both}"] = 1.0
        if a.kind == "trig":
            f[f"L={a.lemma}|{both}"] = 1.0
    if hs is not None and ht is not None:
        up_s, lca, up_t = _path(hs, ht)
        if lca is not None:
            f[f"lca={lca.lemma_.lower()}"] = 1.0
            f[f"path_len={ef.bucket(len(up_s) + len(up_t), (2, 3, 4, 6, 9))}"] = 1.0
        else:
            f["no_path"] = 1.0
    if hs is not None:
        vs = _verb_above(hs)
        if vs is not None:
            f[f"vs={vs.lemma_.lower()}"] = 1.0
            for k in vs.children:
                if k.dep_ == "neg":
                    f["vs_neg"] = 1.0
                if k.dep_ in ("aux", "auxpass") and k.lower_ in MODALS:
                    f[f"vs_modal={k.lower_}"] = 1.0
                if k.dep_ == "mark":
                    f[f"vs_mark={k.lower_}"] = 1.0
            if vs.i in quoted:
                f["vs_quoted"] = 1.0
    for key in {a.key for a in anchors}:
        f[f"sent_has={key}"] = 1.0
    # What the rules made of this pair.
    for e in c.rules:
        f[f"rule={e.plover or 'STATEMENT'}"] = 1.0
        f[f"rule={e.plover or 'STATEMENT'}|{e.mode}"] = 1.0
    return f


# --- candidates --------------------------------------------------------------------------------
def candidates(doc: Doc, article: Article, found: ArticleActors, rule_events: list[Event],
               lex: lx.Lexicon | None = None) -> list[Candidate]:
    lex = lex or lx.load()
    _fresh(doc)
    quoted = ef.quoted_tokens(doc)
    speakers = quote_speakers(doc, found)
    by_sentence: dict[int, list[Event]] = {}
    for e in rule_events:
        by_sentence.setdefault(e.start, []).append(e)
    out: list[Candidate] = []
    previous: Side | None = None  # the actor the sentence before was about (its main subject)
    for k, sent in enumerate(doc.sents):
        sides = sides_of(sent, found)
        speaker = speakers.get(sent.start)
        carried = previous
        previous = _main_subject(sent, found) or (previous if not sides else None)
        if _subject_unnamed(sent, found) and carried is not None and speaker is None:
            # "The ministry said...", "Officials added...": who speaks or acts is most often
            # whom the sentence before was about.
            speaker = Side(carried.actor, carried.sector, carried.mention, None, "previous")
        if not sides and speaker is None:
            continue
        anchors = anchors_of(sent, lex)
        if not anchors:
            continue  # no word that can carry an act: nothing to weigh
        rules = by_sentence.get(sent.start_char, [])
        sources = list(sides)
        if speaker is not None and all(x.actor.key != speaker.actor.key for x in sides):
            sources.append(speaker)
        for s in sources:
            for t in [None, *sides]:
                if t is not None and (t.actor.key == s.actor.key and t.sector == s.sector):
                    continue
                if t is not None and t.mention is s.mention:
                    continue
                c = Candidate(sent, s, t)
                c.rules = [e for e in rules if e.source.key == s.actor.key
                           and (e.target.key if e.target else None) == (t.actor.key if t else None)]
                c.features = describe(c, anchors, k, quoted)
                out.append(c)
    return out


# --- from scored pairs to events ------------------------------------------------------------------
def _sentence_triggers(c: Candidate, lex: lx.Lexicon, cache: dict) -> list[Trig]:
    got = cache.get(c.sent.start)
    if got is None:
        got = cache[c.sent.start] = triggers_of(c.sent, lex)
    return got


def _make(c: Candidate, plover: str, confidence: float, article: Article, rule_events: list[Event],
          lex: lx.Lexicon, trig_cache: dict) -> list[Event]:
    """The events of a scored pair: code, relation, date, place and weapons from the rule event of
    this pair and type, else from a rule event of this source and type, else from the trigger word
    of this type nearest the source, else the type's general code at the source's verb."""
    sent, s, t = c.sent, c.source, c.target
    own = [e for e in c.rules if e.plover == plover]
    same_source = [e for e in rule_events if e.start == sent.start_char and e.plover == plover
                   and e.source.key == s.actor.key]
    borrowed = own or same_source[:1]
    out: list[Event] = []
    target = t.actor if t is not None else None
    tsector = t.sector if t is not None else None
    if borrowed:
        for e in borrowed:
            out.append(Event(
                article_id=article.id, relation=e.relation, cameo=e.cameo, plover=plover, source=s.actor,
                target=target, source_sector=s.sector, target_sector=tsector, sentence=e.sentence,
                start=e.start, end=e.end, trigger_start=e.trigger_start, trigger_end=e.trigger_end,
                date=e.date, date_precision=e.date_precision, date_from_article=e.date_from_article,
                location=e.location, object=e.object, confidence=confidence,
                symmetric=e.symmetric and target is not None, quad=e.quad, mode=e.mode))
        return out
    trigs = [tr for tr in _sentence_triggers(c, lex, trig_cache)
             if tr.trigger.plover == plover and tr.stance is not None]
    anchor = s.token if s.token is not None else sent.root
    if trigs:
        tr = min(trigs, key=lambda x: abs(x.token.i - anchor.i))
        token, cameo, relation = tr.token, tr.trigger.cameo, tr.trigger.relation
        mode = tr.stance[0] if tr.stance else "asserted"
        if mode != "asserted":
            stance = lex.stance(plover, mode)
            if stance is not None and lex.code(stance[0]).plover == plover:
                cameo, relation = stance
            else:
                mode = "asserted"
    else:
        cameo, relation = type_defaults().get(plover, ("", ""))
        token = _verb_above(anchor) or sent.root if s.token is not None else sent.root
        mode = "asserted"
    code = lex.code(cameo)
    rel = lex.relations.get(relation)
    date, precision, from_article = ev._when(token, sent, article)
    out.append(Event(
        article_id=article.id, relation=relation, cameo=cameo, plover=plover, source=s.actor, target=target,
        source_sector=s.sector, target_sector=tsector, sentence=sent.text, start=sent.start_char,
        end=sent.end_char, trigger_start=token.idx, trigger_end=token.idx + len(token.text), date=date,
        date_precision=precision, date_from_article=from_article, location=ev._where(token, sent),
        object=None, confidence=confidence, symmetric=bool(rel and rel.symmetric) and target is not None,
        quad=code.quad, mode=mode))
    return out


TOPIC_PREPS = {"about", "regarding", "concerning"}


def _topic(side: "Side | None") -> bool:
    """The side is what something is about: the object of "about", "regarding", "concerning"."""
    t = side.token if side is not None else None
    return t is not None and t.dep_ == "pobj" and t.head.lower_ in TOPIC_PREPS


def _private(side: "Side | None") -> bool:
    """Tourists, students, business people...: the side or the people its demonym qualifies
    ("Chinese" of "Chinese students") are private persons (events.PRIVATE_SECTORS)."""
    if side is None:
        return False
    if side.sector in ev.PRIVATE_SECTORS:
        return True
    t = side.token
    if t is None or t.dep_ not in ("amod", "compound", "nmod", "poss"):
        return False
    from . import gazetteer
    return gazetteer.load().agents.get(t.head.lemma_.lower(), ("", ""))[0] in ev.PRIVATE_SECTORS


def _listed_objects(a: "Side | None", b: "Side | None") -> bool:
    """Two sides that are items of one list that is not the list of those who act."""
    if a is None or b is None or a.token is None or b.token is None:
        return False
    def list_head(t: Token) -> Token:
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        # "Prime Minister Narendra Modi and ... Duterte": the list hangs on the name in apposition
        return t.head if t.dep_ in ("appos", "compound") and t.head.i != t.i else t

    x, y = a.token, b.token
    if x.i == y.i or "conj" not in (x.dep_, y.dep_) or list_head(x).i != list_head(y).i:
        return False
    return list_head(x).dep_ in ("dobj", "pobj", "dative", "attr", "appos")


def decode(cands: list[Candidate], raws: list, types: tuple[str, ...], calibrate, floor: float,
           article: Article, rule_events: list[Event], lex: lx.Lexicon | None = None,
           keep: float = 0.0) -> list[Event]:
    """Scored candidates -> events (those at `keep` or more). For each source and type the best
    target (or none) wins;
    targets listed with the winner ("Russia and China") come along when they score well too;
    one event per (sentence, type, source country, target country) stays, the likeliest."""
    lex = lex or lx.load()
    groups: dict[tuple, list[int]] = {}
    for i, c in enumerate(cands):
        key = (c.sent.start, c.source.actor.key, c.source.sector, c.source.context)
        groups.setdefault(key, []).append(i)
    picks: list[tuple[int, str, float]] = []
    raws = np.array(raws, dtype=np.float32).reshape(len(cands), len(types))
    consult = types.index("CONSULT") if "CONSULT" in types else None
    for i, c in enumerate(cands):
        if consult is not None and (_topic(c.source) or _topic(c.target)):
            # "Trump spoke at length about North Korea": a meeting is with its parties; what it
            # is about is its topic, never a side
            raws[i, consult] = 0.0
        if consult is not None and (_private(c.source) or _private(c.target)):
            raws[i, consult] = 0.0  # tourists and students visiting: travel, not diplomacy, either way
        if _listed_objects(c.source, c.target):
            # "will meet Modi and Duterte": two actors listed as what one act is done to are
            # not an act between them
            raws[i, :] = 0.0
    for members in groups.values():
        block = raws[members]
        tops = block.argmax(axis=0)
        for j, plover in enumerate(types):
            best = members[int(tops[j])]
            score = float(block[tops[j], j])
            if score < floor:
                continue
            picks.append((best, plover, score))
            bt = cands[best].target
            if bt is not None and bt.token is not None:
                listed = {x.i for x in bt.token.conjuncts}
                for i in members:
                    other = cands[i].target
                    if i != best and other is not None and other.token is not None and other.token.i in listed \
                            and float(raws[i][j]) >= floor:
                        picks.append((i, plover, float(raws[i][j])))
    best_of: dict[tuple, tuple[int, str, float]] = {}
    for i, plover, score in picks:
        c = cands[i]
        ends = (c.source.actor.country or c.source.actor.key,
                (c.target.actor.country or c.target.actor.key) if c.target else None)
        if plover in EITHER_WAY and ends[1] is not None:
            ends = tuple(sorted(ends))  # a meeting of A with B is one with A
        key = (c.sent.start, plover, *ends)
        if key not in best_of or score > best_of[key][2]:
            best_of[key] = (i, plover, score)
    trig_cache: dict = {}
    out: list[Event] = []
    for i, plover, score in sorted(best_of.values(), key=lambda x: (cands[x[0]].sent.start, x[0], x[1])):
        conf = round(calibrate(score), 3)
        if conf >= keep:  # an event below `keep` would be dropped anyway: do not date and place it
            out += _make(cands[i], plover, conf, article, rule_events, lex, trig_cache)
    return out


def additions(rule_events: list[Event], pair_events: list[Event]) -> list[Event]:
    """The scored pairs' events that code an act no rule event of the sentence codes: the same
    type from a source of the same country counts as the same act."""
    def key(e: Event) -> tuple:
        return (e.start, e.plover, e.source.country or e.source.key)
    taken = {key(e) for e in rule_events}
    return [e for e in pair_events if key(e) not in taken]
