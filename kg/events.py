"""Dependency patterns + the lexicon -> Event records.

For every trigger word (a verb or noun of kg/data/verbs.tsv) the parse gives the
source (subject, passive agent, possessor, the subject of a light verb), the target
(object, prepositional partner), the objects acted on (weapons), and the stance
(asserted, intended, appealed for, refused; negated and conditional acts give
nothing). Rule families are tested one by one in tests/test_events.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import event_features
from . import lexicon as lx
from . import timex
from .actors import ArticleActors
from .records import Actor, Article, Event, Mention, Thing

NEGATIONS = {"not", "n't", "never", "no", "neither", "nor"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
INTENT_MODALS = {"would", "might", "may", "will", "shall", "'ll", "wo"}
# Ability or possibility is neither an act nor an intent: "the IAEA can inspect any site".
ABILITY_MODALS = {"can", "ca", "could"}
# Quantities that stand before the real object: "demolished hundreds of homes".
PARTITIVES = {"hundred", "thousand", "dozen", "million", "billion", "ton", "tonne", "kg", "kilogram", "worth",
              "lot", "number", "part", "some", "most", "many", "all", "rest", "array", "series", "batch"}
PARTICLE_WORDS = {"down", "out", "off", "up", "aside", "back", "away", "over", "in"}
DEMAND_MODALS = {"must", "should", "ought"}
FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
# Verbs whose object noun carries the event: "held talks", "conducted a test", "launched strikes".
# Links from an embedded act up to the word that governs it.
GOVERNED_DEPS = {"xcomp", "acl", "advcl", "pcomp", "pobj", "prep", "dobj", "ccomp"}
CLIMB_DEPS = {"pobj", "prep", "dobj", "attr", "appos", "conj", "compound", "npadvmod", "oprd"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
REPORT_VERBS = {"say", "tell", "state", "add", "insist", "announce", "declare", "stress", "note", "warn",
                "write", "report", "claim", "assert", "argue", "explain", "reiterate", "emphasize",
                "emphasise", "urge", "quote"}
LOCATIVE = {"in", "at"}
# Tourists, students, business people, patients, refugees and criminals visit and meet without it
# being diplomacy (the coding rules leave out what no political actor does).
PRIVATE_SECTORS = {"CVL", "EDU", "BUS", "HLH", "REF", "CRM"}
PRIVATE_VISITS = {"CONSULT"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class _Arg:
    mention: Mention
    token: Token


# What a token's children are, computed once per token: a root with thousands of children
# (a sentence of a thousand clauses) must not be walked again for every trigger below it.
_CHILDREN: dict[int, tuple[frozenset, frozenset, frozenset]] = {}


_MATCHES: dict[int, lx.Trigger | None] = {}  # what each token of the document triggers, if anything
_CACHED_DOC: list = [None]  # the document the per-token caches above and below describe


def _fresh(doc: Doc) -> None:
    """Empty the per-token caches when another document is read."""
    if _CACHED_DOC[0] is not doc:
        _CHILDREN.clear()
        _MATCHES.clear()
        _CACHED_DOC[0] = doc


def _child_info(t: Token) -> tuple[frozenset, frozenset, frozenset]:
    """(child dependency labels, lower-case marks, lower-case auxiliaries) of a token."""
    _fresh(t.doc)
    info = _CHILDREN.get(t.i)
    if info is None:
        kids = list(t.children)
        info = (frozenset(c.dep_ for c in kids), frozenset(c.lower_ for c in kids if c.dep_ == "mark"),
                frozenset(c.lower_ for c in kids if c.dep_ == "aux"))
        _CHILDREN[t.i] = info
    return info


def extract(doc: Doc, article: Article, found: ArticleActors, lexicon: lx.Lexicon | None = None) -> list[Event]:
    """All events of one article, in text order, without duplicates."""
    lex = lexicon or lx.load()
    _CACHED_DOC[0] = None  # a document read again starts afresh too
    _fresh(doc)
    events: list[Event] = []
    seen: set[tuple] = set()
    for sent in doc.sents:
        for ev in _sentence(sent, article, found, lex):
            key = (ev.source.key, ev.relation, ev.target.key if ev.target else None, ev.target_sector,
                   ev.object.label if ev.object else None, ev.date, ev.mode)
            if ev.symmetric and ev.target is not None:
                key = (*sorted((ev.source.key, ev.target.key)), ev.relation, None, None,
                       ev.object.label if ev.object else None, ev.date, ev.mode)
            # An actor acting on itself is kept only across sectors ("Egyptian protesters" against
            # Egypt's government), as CAMEO codes domestic events.
            if key in seen or (ev.target is not None and ev.target.key == ev.source.key
                               and ev.source_sector == ev.target_sector):
                continue
            if ev.plover in PRIVATE_VISITS and (ev.source_sector in PRIVATE_SECTORS or ev.target_sector in PRIVATE_SECTORS):
                continue  # "Chinese tourists visited Vietnam": travel, not diplomacy
            seen.add(key)
            events.append(ev)
    return events


def _sentence(sent: Span, article: Article, found: ArticleActors, lex: lx.Lexicon) -> list[Event]:
    out: list[Event] = []
    suppressed: set[int] = set()
    candidates = []
    sent_text = sent.text  # once: Span.text walks every token
    for t in sent:
        trig = match(t, lex)
        if trig is not None:
            candidates.append((t, trig))
    for t, trig in candidates:
        # A noun trigger that is the object of a phrase-verb trigger is that event, not another.
        phrase_verbs = {c[0].i for c in candidates if c[1].objects}
        if trig.pos == "NOUN" and (t.head.i in phrase_verbs or (t.dep_ == "pobj" and t.head.head.i in phrase_verbs)):
            continue
        stance = _stance(t, trig, lex)
        if stance is None:
            continue
        mode, governor = stance
        out_t = _events_for(t, trig, mode, governor, sent, sent_text, article, found, lex)
        if out_t and governor is not None:
            suppressed.add(governor.i)
        out.extend(out_t)
    # A word that only governs another act ("agreed to meet") gives no event of its own.
    out = [e for e in out if e.trigger_start not in {sent.doc[i].idx for i in suppressed}]
    out.extend(_demands(sent, sent_text, article, found, lex, {e.trigger_start for e in out}))
    # "X pledged aid to Y": the nominal "aid" adds nothing once the verb found the target.
    targeted = {(e.source.key, e.plover) for e in out if e.target is not None}
    out = [e for e in out if e.target is not None or e.object is not None
           or (e.source.key, e.plover) not in targeted]
    # "staged a hunger strike in protest against X": one act, however many words name it.
    seen: set[tuple] = set()
    kept = []
    for e in out:
        key = (e.source.key, e.source_sector, e.plover, e.target.key if e.target else None, e.target_sector,
               e.object.start if e.object else None)
        if e.plover and key in seen:
            continue
        seen.add(key)
        kept.append(e)
    return kept


def match(t: Token, lex: lx.Lexicon) -> lx.Trigger | None:
    """_match, once per token of a document."""
    _fresh(t.doc)
    if t.i in _MATCHES:
        return _MATCHES[t.i]
    got = _match(t, lex)
    if got is not None and _asks_for_comment(t):
        got = None
    _MATCHES[t.i] = got
    return got


# What a reporter asks for: "did not respond to a request for comment", "an email requesting comment".
REPORTERS_ASKS = {"comment", "comments"}


def _asks_for_comment(t: Token) -> bool:
    """The trigger asks for comment, or turns down such a request ("declined a request for comment",
    "declined to comment"): the reporter's exchange, never an act of the sentence's actors."""
    def for_comment(x: Token) -> bool:
        return any(p.lemma_.lower() in REPORTERS_ASKS for c in x.children if c.dep_ == "prep" and c.lower_ == "for"
                   for p in c.children if p.dep_ == "pobj")
    objs = [c for c in t.children if c.dep_ in ("dobj", "xcomp")]
    return for_comment(t) or any(o.lemma_.lower() in REPORTERS_ASKS or for_comment(o) for o in objs)


def _match(t: Token, lex: lx.Lexicon) -> lx.Trigger | None:
    pos = "VERB" if t.pos_ in ("VERB", "AUX") else "NOUN" if t.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    entries = lex.triggers.get((t.lemma_.lower(), pos)) or lex.triggers.get((t.lower_, pos))
    if not entries:
        return None
    prts = {c.lower_ for c in t.children if c.dep_ == "prt"}
    # "stepped down", "pulled out of": the parser sometimes calls a particle an adverb or a preposition.
    adjacent = [c for c in t.children if c.dep_ in ("advmod", "prep") and c.i == t.i + 1
                and c.lower_ in PARTICLE_WORDS | {"on"}
                and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)]  # "fired on Saturday"
    prts |= {c.lower_ for c in adjacent}
    # "forced the UN agency out of the country", "called the strike off": a particle right
    # after the object belongs to the verb.
    for o in t.children:
        if o.dep_ == "dobj":
            after = o.right_edge.i + 1
            prts |= {c.lower_ for c in t.children if c.i == after and c.dep_ in ("advmod", "prep", "prt")
                     and c.lower_ in PARTICLE_WORDS}
    if pos == "NOUN":
        # On a noun row, `object` names a required modifier: "hunger strike", "air strike".
        objs = {c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod", "nmod")}
        objs |= {w for c in t.children if c.dep_ == "compound" for w in c.lower_.split("-")}
    else:
        objects = _acted_on(t)
        # "went on strike": the object of a preposition used as a particle counts as the object.
        objects += [p for c in adjacent for p in c.children if p.dep_ == "pobj"]
        objs = {c.lemma_.lower() for c in objects}
        objs |= {c.lemma_.lower() for o in objects if o.dep_ != "nsubjpass" for c in o.conjuncts}
    for e in _pick(entries, prts, objs):
        return e
    if pos == "VERB":
        # "ended mediation efforts", "halted aid deliveries": the noun before a general head
        # names what was acted on, when the head itself matches no row.
        mods = {c.lemma_.lower() for o in objects if o.dep_ != "nsubjpass" for c in o.children
                if c.dep_ == "compound" and c.i < o.i}
        for e in _pick(entries, prts, mods):
            if e.objects:
                return e
    return None


def _acted_on(t: Token) -> list[Token]:
    """What a verb acts on: its object, else the subject of its small clause ("allowed
    candidate X to run": X)."""
    objects = [_partitive(c) for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        objects = [s for c in t.children if c.dep_ in ("ccomp", "xcomp") for s in c.children
                   if s.dep_ == "nsubj" and t.i < s.i < c.i]
    return objects


def _pick(entries: list[lx.Trigger], prts: set[str], objs: set[str]):
    for e in entries:
        if e.particle and e.particle not in prts:
            continue
        if e.objects and not (objs & set(e.objects)):
            continue
        if not e.particle and prts and any(x.particle in prts for x in entries):
            continue
        yield e


def _stance(t: Token, trig: lx.Trigger, lex: lx.Lexicon) -> tuple[str, Token | None] | None:
    """asserted / intent / reject, with the governing word; None when the act did not happen."""
    kids = list(t.children)
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in kids):
        return None
    if _conditional(t):
        return None
    # Prohibited or prevented: "banned X from testing".
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "from":
        return None
    mode = "asserted"
    governor = None
    if t.pos_ in ("NOUN", "PROPN"):
        verb = _light_verb(t, lex_light())
        if verb is not None:
            kids = kids + [c for c in verb.children if c.dep_ in ("neg", "aux", "auxpass")]
            if any(c.dep_ == "neg" for c in verb.children):
                return None
    if any(d.dep_ == "det" and d.lower_ == "no" for c in kids if c.dep_ == "dobj" for d in c.children):
        return None  # "offered no apologies"
    if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("ccomp", "advcl") and any(
            m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children) for c in kids) \
            and lex.modality.get(t.lemma_.lower()) and lex.modality[t.lemma_.lower()].effect == "appeal":
        return None  # "asked him whether he was serious" is a question, not an appeal
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if aux & ABILITY_MODALS:
        return None
    if aux & DEMAND_MODALS:
        return None  # an obligation is a demand by whoever states it: see _demands
    if aux & INTENT_MODALS:
        mode = "intent"
    # Governing words up the complement chain: "refused to meet", "plans to visit",
    # "called for the need to ease sanctions", "proposals for talks with".
    node = t
    for _ in range(5):
        if node.dep_ not in GOVERNED_DEPS or node.head.i == node.i:
            break
        via = node.dep_
        node = node.head
        if _child_info(node)[2] & DEMAND_MODALS:
            return None  # "the US must be ready to mediate": an obligation, a demand by the speaker
        row = lex.modality.get(node.lemma_.lower())
        effect = row.effect if row else None
        if effect in ("intent", "appeal") and node.pos_ == "NOUN" and node.dep_ == "dobj":
            # "Venezuela rejected Guyana's proposal for talks": the proposal is rejected.
            above = lex.modality.get(node.head.lemma_.lower())
            if above is not None and above.effect == "reject":
                return "reject", node.head
        if effect == "fail":
            # "failed to reach agreement" is a rejection (CAMEO codes `fail` 12x); an attack that
            # failed to happen is no event at all.
            return ("reject", node) if code_quad(lex, trig.cameo) not in CONFLICT_QUADS else None
        if effect in ("negate", "deny", "hypothetical", "appeal"):
            return None
        if effect == "reject":
            return "reject", node
        if effect == "intent":
            return "intent", node
        if via == "xcomp" and "neg" in _child_info(node)[0]:
            return None
        if via == "xcomp" and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in node.children):
            return None  # "officials have yet to comment", "is yet to respond": not done (yet)
        if via == "xcomp" and _child_info(node)[2] & DEMAND_MODALS:
            return None
        if via == "xcomp" and _child_info(node)[2] & INTENT_MODALS:
            mode = "intent"
    return mode, governor


CONFLICT_QUADS = {"verbal_conflict", "material_conflict"}


def code_quad(lex: lx.Lexicon, cameo: str) -> str:
    return lex.code(cameo).quad


def _conditional_child(t: Token) -> bool:
    node = t if t.pos_ in ("VERB", "AUX") else _clause(t)
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
               for c in node.children)


def _conditional(t: Token) -> bool:
    node = t
    for _ in range(12):
        if _child_info(node)[1] & CONDITIONAL_MARKS:
            return True
        if node.dep_ in ("ROOT",) or node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp",) and node.head.lemma_ in REPORT_VERBS:
            return False
        node = node.head
    return False


# --- arguments -------------------------------------------------------------------------------
def _expand(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def _args(tokens: list[Token], found: ArticleActors) -> list[_Arg]:
    out = []
    for tok in tokens:
        for x in _expand(tok):
            m = found.at(x)
            # One argument per actor and sector: "the Sudanese government and the rebels" are two.
            if m is not None and all((a.mention.actor.key, a.mention.sector) != (m.actor.key, m.sector)
                                     or a.mention.members != m.members for a in out):
                out.append(_Arg(m, x))
    return out


def _source(t: Token, found: ArticleActors, depth: int = 0) -> list[_Arg]:
    if depth > 4:
        return []
    kids = list(t.children)
    if t.pos_ == "ADJ" and t.dep_ in ("acomp", "amod", "xcomp", "ccomp", "conj") and t.head.i != t.i:
        # "he is prepared to lift the ban": the adjective's clause has the subject.
        return _source(t.head, found, depth + 1)
    if t.pos_ in ("VERB", "AUX"):
        agent = [p for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agent:
            return _args(agent, found)
        subj = [c for c in kids if c.dep_ in ("nsubj", "csubj")]
        if subj:
            got = _args(subj, found)
            if got:
                return got
            # "a spokesman for the ministry said": the subject's partner stands in.
            for s in subj:
                for c in s.children:
                    if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                        got = _args([p for p in c.children if p.dep_ == "pobj"], found)
                        if got:
                            return got
            return []
        if any(c.dep_ == "nsubjpass" for c in kids):
            # "was killed in a U.S. airstrike", "died in an Israeli raid": the actor of the
            # attack the passive act happened in is its agent
            return _attack_actor(t, found)
        if t.tag_ == "VBN" and t.dep_ in ("advcl", "acl", "xcomp") and not any(
                c.dep_ == "dobj" for v in (t, *t.conjuncts) for c in v.children):
            return []  # "When asked about X, the minister said": a participle without an object is passive
        if t.dep_ == "conj" and "nsubjpass" in _child_info(t.head)[0]:
            # "was indicted by the court and will resign": the one indicted resigns.
            return _args([c for c in t.head.children if c.dep_ == "nsubjpass"], found)
        if t.dep_ in ("xcomp", "conj", "advcl", "ccomp") and t.head.i != t.i:
            # "urged X to meet": the one urged is who would act.
            if t.dep_ == "xcomp":
                obj = [c for c in t.head.children if c.dep_ == "dobj"]
                if obj and _args(obj, found):
                    return _args(obj, found)
            return _source(t.head, found, depth + 1)
        if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if t.dep_ == "relcl":
                return _args([t.head], found)
            return _noun_source(t.head, found, depth + 1)
        if t.dep_ == "ROOT":
            return _args(_stray_subject(t), found)
        return []
    return _noun_source(t, found, depth)


# Nouns of attacks a passive act can happen in: "killed in a U.S. airstrike", "wounded in an Israeli raid".
ATTACK_NOUNS = {"airstrike", "strike", "raid", "attack", "bombing", "shelling", "operation", "offensive",
                "ambush", "assault", "shootout", "crackdown", "drone", "bombardment", "fire", "gunfire", "clash"}


def _attack_actor(t: Token, found: ArticleActors) -> list[_Arg]:
    """The actor an attack noun under `t` names as its own ("in a U.S. airstrike": the US)."""
    for c in t.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during", "by"):
            continue
        for p in c.children:
            if p.dep_ == "pobj" and p.lemma_.lower() in ATTACK_NOUNS:
                mods = [m for m in p.children if m.dep_ in ("compound", "amod", "nmod", "poss") and m.i < p.i]
                got = _args(mods, found)
                if got:
                    return got
    return []


def _stray_subject(t: Token) -> list[Token]:
    """The subject of a main verb the parser left without one: after a long opening phrase it
    sometimes hangs the subject on a noun of that phrase ("With the signing of the accord, the
    government and the rebels have agreed"). The noun phrase right before the verb and its
    auxiliaries stands in, from the first of its conjuncts after the last comma."""
    doc = t.doc
    i = t.i - 1
    while i >= t.sent.start and doc[i].head.i == t.i and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    if i < t.sent.start or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].head.i > t.i:
        return []
    comma = max((x.i for x in doc[t.sent.start:i] if x.text == ","), default=t.sent.start - 1)
    x = doc[i]
    while x.dep_ in ("compound", "flat", "amod") and comma < x.head.i < t.i:
        x = x.head
    while x.dep_ == "conj" and comma < x.head.i < x.i:
        x = x.head
    return [x]


def _noun_source(t: Token, found: ArticleActors, depth: int) -> list[_Arg]:
    kids = list(t.children)
    poss = [c for c in kids if c.dep_ == "poss"]
    if poss:
        return _args(poss, found)
    mods = [c for c in kids if c.dep_ in ("compound", "amod", "nmod") and c.i < t.i]
    # "the Boston bombing", "the Paris talks": a place before the noun says where, not who.
    got = [a for a in _args(mods, found) if a.mention.how not in ("place", "metonym")]
    if got:
        return got
    by = [p for c in kids if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    if by:
        return _args(by, found)
    verb = _light_verb(t, lex_light())
    if verb is not None:
        return _source(verb, found, depth + 1)
    node = t
    for _ in range(6):
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in node.children):
            return _args([c for c in node.children if c.dep_ == "poss"], found)
    return []


def lex_light() -> set[str]:
    return {k for k, m in lx.load().modality.items() if m.effect == "light"}


def _light_verb(t: Token, light: set[str]) -> Token | None:
    """The light verb a noun event hangs on: "held talks", "continued with a flurry of tests",
    and any verb of a light noun on the way: "claimed responsibility for the attack"."""
    node = t
    through_light_noun = False
    for _ in range(6):
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node if through_light_noun or node.lemma_.lower() in light else None
        through_light_noun = through_light_noun or node.pos_ == "NOUN" and node.lemma_.lower() in light
    return None


# Prepositions that name whom an act's object is aimed at or comes from: "threatened action
# against Russia", "rejected calls by the UN", "demanded an admission by Moscow".
OBJECT_PREPS = ("against", "by", "from")


def _partitive(t: Token) -> Token:
    """The noun a quantity stands for: "hundreds of homes" -> homes."""
    if t.lemma_.lower() in PARTITIVES or t.pos_ == "NUM":
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    return t


def _who(a: _Arg) -> tuple[str, str | None]:
    """An argument's identity for "is the target the source?": actor and sector, so that
    the Sudanese government can accuse Sudanese rebels."""
    return a.mention.actor.key, a.mention.sector


def _targets(t: Token, trig: lx.Trigger, found: ArticleActors, source_keys: set) -> list[_Arg]:
    kids = list(t.children)
    cands: list[Token] = []
    extra: list[Token] = []
    if t.pos_ in ("VERB", "AUX"):
        if not trig.objects:
            cands += [c for c in kids if c.dep_ in ("dobj", "dative")]
            if any(c.dep_ == "agent" for c in kids) or _attack_actor(t, found):
                cands += [c for c in kids if c.dep_ == "nsubjpass"]  # "X was killed (by Y | in a Y raid)"
        objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
        # "donated and delivered goods to X": coordinated verbs share their partner.
        shared = [c for c in t.conjuncts if c.pos_ == "VERB" and abs(c.i - t.i) <= WINDOW]
        holders = [t, *objects, *shared, *[o for c in shared for o in c.children if o.dep_ == "dobj"]]
        for o in objects:
            extra += [p for c in o.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
                      for p in c.children if p.dep_ == "pobj"]
    else:
        # "a mediation mission between Syria and the PLO": the compound's head carries the partner.
        holders = [t, t.head] if t.dep_ == "compound" else [t]
    for h in holders:
        for c in h.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in trig.target_preps:
                pobjs = [p for p in c.children if p.dep_ == "pobj"]
                cands += pobjs
                # "conceded to demands from UNITA": whose demands.
                extra += [x for p in pobjs for q in p.children if q.dep_ == "prep" and q.lower_ in OBJECT_PREPS
                          for x in q.children if x.dep_ == "pobj"]
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                cands += [p for p in c.children if p.dep_ == "pobj"]
    got = [a for a in _args(cands, found) if _who(a) not in source_keys or a.mention.members]
    if not got and trig.objects and t.pos_ in ("VERB", "AUX"):
        # "demolished Palestinian homes", "banned Ugandan opposition candidates": the object
        # the verb's meaning needs belongs to the target.
        owned = [c for c in _acted_on(t) if c.lemma_.lower() in trig.objects
                 or any(x.dep_ == "compound" and x.lemma_.lower() in trig.objects for x in c.children)]
        got = [a for a in _args(owned, found) if _who(a) not in source_keys]
    if not got and trig.objects and t.pos_ in ("VERB", "AUX"):
        # "mounted an invasion of Lebanon": an event noun as the object brings its own partner.
        partners = []
        for n in (c for c in kids if c.dep_ == "dobj" and c.lemma_.lower() in trig.objects):
            rows = lx.load().triggers.get((n.lemma_.lower(), "NOUN"), [])
            preps = set(rows[0].target_preps) if rows else set()
            partners += [p for c in n.children if c.dep_ == "prep" and c.lower_ in preps
                         for p in c.children if p.dep_ == "pobj"]
        got = [a for a in _args(partners, found) if _who(a) not in source_keys]
    if not got and extra:
        got = [a for a in _args(extra, found) if _who(a) not in source_keys]
    if not got and t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        # "sent inspectors to Iraq to investigate": a purpose is pursued where the mission went.
        dest = [p for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
                for p in c.children if p.dep_ == "pobj"]
        got = [a for a in _args(dest, found) if _who(a) not in source_keys]
    if not got and trig.plover == "REQUEST":
        # "demanded that the government end curbs": whoever must act is the target.
        clauses = [c for c in kids if c.dep_ in ("ccomp", "acl", "xcomp")]
        subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        got = [a for a in _args(subjects, found) if _who(a) not in source_keys]
    if not got and trig.plover == "REQUEST" and t.dep_ == "acl" and t.tag_ == "VBN":
        # "a meeting of the U.N. Security Council requested by the United States": what was asked
        # for is the body's, and the body is who was asked
        owners = [p for c in t.head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
        got = [a for a in _args(owners, found) if _who(a) not in source_keys]
    return got


def _list_items(token: Token) -> list[Token]:
    """A noun and the nouns listed with it (conjuncts, appositions), without their clauses."""
    out = [token]
    for c in token.children:
        if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN"):
            out += _list_items(c)
    return out


def _weapons(t: Token, lex: lx.Lexicon) -> list[Thing]:
    """Weapons named as what `t` acts on: its object, its compounds, an `including` list."""
    region: list[Token] = [c for c in t.children if c.dep_ in ("compound", "amod")]
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and t.pos_ == "NOUN"):
            region += _list_items(c)
        if c.dep_ == "prep" and c.lower_ in ("of", "including", "such"):
            region += [x for p in c.children if p.dep_ == "pobj" for x in _list_items(p)]
    if t.dep_ == "nsubjpass" or (t.pos_ == "VERB" and t.dep_ == "acl"):
        region += _list_items(t.head)
    # "a flurry of missile tests last month, including a new cruise missile, ...": the list
    # may hang on the noun the trigger is part of, or on the clause's verb.
    holders = [t]
    node = t
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
            holders.append(node)
        else:
            break
    holders.append(_clause(t))
    for h in holders[1:]:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("including", "such"):
                region += [x for p in c.children if p.dep_ == "pobj" for x in _list_items(p)]
    things: list[Thing] = []
    for tok in sorted({x.i: x for x in region}.values(), key=lambda x: x.i):
        if tok.lemma_.lower() not in lex.weapon_heads and tok.lower_ not in lex.weapon_heads:
            continue
        # The longest weapon phrase ending at the noun, modifiers' own words included
        # ("submarine-launched ballistic missile").
        mods = [m for m in tok.children if m.dep_ in ("amod", "compound", "npadvmod", "nmod") and m.i < tok.i]
        left = min([x.i for m in mods for x in m.subtree] + [tok.i])
        best = None
        for k in range(left, tok.i + 1):
            words = tok.doc[k:tok.i].text.lower()
            for head in (tok.lemma_.lower(), tok.lower_):
                phrase = f"{words} {head}".strip()
                if phrase in lex.weapons:
                    best = lex.weapons[phrase]
                    break
            if best is not None:
                break
        if best is not None:
            things.append(Thing(best.cls, best.label, tok.idx, tok.idx + len(tok.text)))
    # A generic "missile" in "missile tests" gives way to the specific ones listed.
    specific = [x for x in things if len(x.label.split()) > 1]
    return specific or things


def _when(t: Token, sent: Span, article: Article) -> tuple[str | None, str, bool]:
    """The event's date: a time expression attached to its clause, else the article's date."""
    clause = _clause(t)
    future = any(c.lower_ in FUTURE_AUX for c in clause.children if c.dep_ == "aux")
    best = None
    seen: set[int] = set()
    for x in _near(t, (t, clause)):
        ent = _entity_at(x) if x.ent_type_ in ("DATE", "TIME") else None
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        if ent.root.head.i == t.i or (_clause(ent.root).i == clause.i and _hops(ent.root, clause) <= 2):
            got = timex.resolve(ent.text, article.date, future)
            if got is not None:
                dist = abs(ent.root.i - t.i)
                if best is None or dist < best[0]:
                    best = (dist, got)
    if best is not None:
        return best[1][0], best[1][1], False
    return article.date, "day", True


def _hops(t: Token, ancestor: Token) -> int:
    n = 0
    while t.i != ancestor.i and t.head.i != t.i and n < 10:
        t = t.head
        n += 1
    return n


def _clause(t: Token) -> Token:
    node = t
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


# Places and dates are read near their trigger: a bounded window keeps a sentence of a
# thousand clauses linear rather than quadratic.
WINDOW = 40


def _near(t: Token, holders: tuple[Token, ...]) -> list[Token]:
    """Tokens within WINDOW of the trigger that hang below one of `holders`, nearest first."""
    sent = t.sent
    lo, hi = max(sent.start, t.i - WINDOW), min(sent.end, t.i + WINDOW)
    heads = {h.i for h in holders}
    out = []
    for x in t.doc[lo:hi]:
        node, steps = x, 0
        while node.i not in heads and node.head.i != node.i and steps < 8:
            node, steps = node.head, steps + 1
        if node.i in heads:
            out.append(x)
    return sorted(out, key=lambda x: abs(x.i - t.i))


def _entity_at(x: Token) -> Span | None:
    if not x.ent_type_:
        return None
    start = x.i
    while start > 0 and x.doc[start].ent_iob_ == "I":
        start -= 1
    end = x.i + 1
    while end < len(x.doc) and x.doc[end].ent_iob_ == "I":
        end += 1
    return x.doc[start:end]


def _where(t: Token, sent: Span) -> str | None:
    clause = _clause(t)
    subj = {x.i for c in clause.children if c.dep_ in SUBJECTS for x in c.subtree if abs(x.i - t.i) <= WINDOW}
    for x in _near(t, (t, clause)):
        if x.i in subj or x.dep_ != "pobj" or x.head.lower_ not in LOCATIVE:
            continue
        if x.ent_type_ in PLACE_LABELS:
            ent = _entity_at(x)
            if ent is not None:
                return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return None


def _events_for(t: Token, trig: lx.Trigger, mode: str, governor: Token | None, sent: Span, sent_text: str,
                article: Article, found: ArticleActors, lex: lx.Lexicon) -> list[Event]:
    rel = lex.relations.get(trig.relation)
    symmetric = bool(rel and rel.symmetric)
    rejected = next((c for c in governor.children if c.dep_ == "dobj"), None) if governor is not None else None
    if mode == "reject" and t.pos_ == "NOUN" and rejected is not None and rejected.pos_ == "NOUN":
        # "Serbia rejected an Australian ultimatum", "rejected Guyana's proposal for talks": the
        # rejecter acts, and whoever owns what was rejected is the target.
        sources = _source(governor, found)
        targets = [a for a in _noun_source(rejected, found, 0) if _who(a) not in
                   {_who(s) for s in sources}]
    else:
        sources = _source(t, found)
        targets = _targets(t, trig, found, {_who(a) for a in sources})
        if not targets and t.pos_ == "VERB":
            # "refused to allow UN planes to land", "threatened to ban opposition candidates":
            # a verb that governs another act aims at that act's object.
            for c in t.children:
                if c.dep_ == "xcomp" and _match(c, lex) is None:
                    # its object, or the subject of its own complement ("allow UN planes to land")
                    objs = [o for o in c.children if o.dep_ in ("dobj", "dative")]
                    objs += [o for x in c.children if x.dep_ in ("ccomp", "xcomp") for o in x.children
                             if o.dep_ == "nsubj"]
                    targets = [a for a in _args(objs, found)
                               if _who(a) not in {_who(s) for s in sources}]
                    break
        if not sources and t.pos_ == "NOUN" and symmetric and len(targets) >= 2:
            # "Talks between Seoul and Tokyo resumed": the parties are both sides.
            sources, targets = targets[:1], targets[1:]
    # A city or region is where things happen, not who does them (capitals are metonyms, not places).
    sources = [a for a in sources if a.mention.how != "place"]
    if not sources:
        return []
    if mode == "intent" and _conditional_child(t) and (code_quad(lex, trig.cameo) in CONFLICT_QUADS
                                                     or trig.plover in ("RETREAT", "SANCTION")):
        # "will withdraw its troops unless...": a conditional intention to harm is a threat.
        mode, governor = "intent", None
        threat = lex.modality.get("threaten")
        trig = lx.Trigger(trig.lemma, trig.pos, trig.particle, trig.objects, trig.target_preps,
                          threat.cameo if threat else "130", "THREATEN", threat.relation if threat else "threatened")
        rel = lex.relations.get(trig.relation)
        symmetric = False
        mode = "asserted"
    things: list[Thing | None] = [None]
    if trig.plover == "MOBILIZE" or trig.relation in ("tested", "launched", "deployed", "fired"):
        things = list(_weapons(t, lex)) or [None]
    if trig.pos == "NOUN" and trig.plover == "MOBILIZE" and len(
            {a.key for x in sources for a in (x.mention.members or (x.mention.actor,))}) > 1:
        # Exercises held by several states together are military cooperation.
        joint = next((r for r in lex.triggers.get((trig.lemma, "NOUN"), []) if r.plover == "COOPERATE"), None) \
            or next((r for r in lex.triggers.get(("exercise", "NOUN"), []) if r.plover == "COOPERATE"), None)
        if joint is not None:
            trig = joint
            rel = lex.relations.get(trig.relation)
            symmetric = bool(rel and rel.symmetric)
    if not targets and (trig.plover in lex.place_as_target or lex.no_target.get(trig.plover) == "own-country"):
        state = _place_target(t, found)
        if state is not None:
            # Protesting in one's own country is protesting against its government ("in Yerevan").
            own = any(a.key == state.key for x in sources for a in (x.mention.members or (x.mention.actor,)))
            protest = lex.no_target.get(trig.plover) == "own-country"
            targets = [_Arg(Mention(0, 0, state.label, state, "place", "GOV" if own and protest else None), t)]
    cameo, relation = trig.cameo, trig.relation
    if mode != "asserted":
        row = lex.modality.get(governor.lemma_.lower()) if governor is not None else None
        stance = (row.cameo, row.relation) if row is not None and row.overrides and row.cameo \
            else lex.stance(trig.plover, mode)
        if stance is None:
            return []
        cameo, relation = stance
        rel = lex.relations.get(relation)
        symmetric = bool(rel and rel.symmetric)
    code = lex.code(cameo)
    date, precision, from_article = _when(t, sent, article)
    where = _where(t, sent)

    # (source, its sector, its argument, target, its sector, its argument, prior confidence)
    pairs: list[tuple[Actor, str | None, _Arg, Actor | None, str | None, _Arg | None, float]] = []
    src_actors = [(a, s.mention.sector, s) for s in sources for a in (s.mention.members or (s.mention.actor,))]
    conf = 0.9
    if any(s.mention.how in ("pronoun", "plural", "description") for s in sources):
        conf *= 0.85
    if t.pos_ != "VERB":
        conf *= 0.9
    if mode != "asserted":
        conf *= 0.9
    if targets:
        tgt_actors = [(a, x.mention.sector, x) for x in targets for a in (x.mention.members or (x.mention.actor,))]
        for s, ss, sa in src_actors:
            for g, gs, ga in tgt_actors:
                if g.key != s.key or gs != ss:
                    pairs.append((s, ss, sa, g, gs, ga, conf))
    elif len(src_actors) >= 2 and (symmetric or any(x.mention.members for x in sources)):
        first, fs, fa = src_actors[0]
        for g, gs, ga in src_actors[1:]:
            pairs.append((first, fs, fa, g, gs, ga, conf))
    elif things != [None]:
        for s, ss, sa in src_actors:
            pairs.append((s, ss, sa, None, None, None, conf))
    else:
        # No target named: the coding conventions of kg/data/conventions.tsv decide.
        rule = lex.no_target.get(code.plover or trig.plover if mode != "asserted" else trig.plover, "keep")
        for s, ss, sa in src_actors:
            home = _home_state(s)
            if rule == "own-country" and home is not None and (home.key != s.key or ss != "GOV"):
                pairs.append((s, ss, sa, home, "GOV", None, conf * 0.8))
            elif rule != "drop":
                pairs.append((s, ss, sa, None, None, None, conf * 0.85))
    events = []
    plover = code.plover or trig.plover
    for s, ss, sa, g, gs, ga, c in pairs:
        feats = event_features.describe(
            t, plover, cameo, relation, trig.pos, trig.specificity, mode, governor, sent, sa.mention, sa.token,
            ga.mention if ga is not None else None, ga.token if ga is not None else None, _sent_index(sent))
        for thing in things:
            f = dict(feats)
            if thing is not None:
                f["object=weapon"] = 1.0
            events.append(Event(
                article_id=article.id, relation=relation, cameo=cameo, plover=plover,
                source=s, target=g, source_sector=ss, target_sector=gs,
                sentence=sent_text, start=sent.start_char, end=sent.end_char,
                trigger_start=t.idx, trigger_end=t.idx + len(t.text),
                date=date, date_precision=precision, date_from_article=from_article,
                location=where, object=thing, confidence=round(c, 3), symmetric=symmetric,
                quad=code.quad, mode=mode, extras={"features": f}))
    return events


def _sent_index(sent: Span) -> int:
    """The sentence's position in its article (0 for the first)."""
    cache = sent.doc.user_data.setdefault("irkg_sent_index", {})
    if not cache:
        for k, x in enumerate(sent.doc.sents):
            cache[x.start] = k
    return cache.get(sent.start, 0)


def _place_target(t: Token, found: ArticleActors) -> Actor | None:
    """The country where an act of force happens: the nearest place in a locative phrase of
    the trigger or its clause ("fired at targets in Jericho", "deployed troops in Donetsk")."""
    clause = _clause(t)
    subject = {x.i for h in (t, clause) for c in h.children if c.dep_ in SUBJECTS for x in c.subtree
               if abs(x.i - t.i) <= WINDOW}
    for x in _near(t, (t, clause)):
        if x.i in subject or x.dep_ != "pobj" or x.head.lower_ not in ("in", "into", "near", "across", "inside", "on"):
            continue
        if x.ent_type_ in PLACE_LABELS:
            state = found.place_state(x)
            if state is not None:
                return state
    return None


def _home_state(actor: Actor) -> Actor | None:
    from . import gazetteer
    return gazetteer.load().states.get(actor.country or "")


def _demands(sent: Span, sent_text: str, article: Article, found: ArticleActors, lex: lx.Lexicon,
             taken: set[int]) -> list[Event]:
    """`X must halt provocations`, reported by S: S demanded that X act (CAMEO 10)."""
    root = sent.root
    if root.lemma_.lower() not in REPORT_VERBS:
        return []
    speakers = _source(root, found)
    if not speakers:
        return []
    out = []
    subj_tokens = {x.i for c in root.children if c.dep_ in SUBJECTS for x in c.subtree}
    for t in sent:
        if t.i in subj_tokens or t.pos_ not in ("VERB", "AUX") or t.idx in taken:
            continue
        if not {c.lower_ for c in t.children if c.dep_ == "aux"} & DEMAND_MODALS:
            continue
        if any(c.dep_ == "neg" for c in t.children):
            continue
        targets = _args([c for c in t.children if c.dep_ == "nsubj"], found)
        if not targets:
            continue
        trig = _match(t, lex)
        # A demand to make a statement (CAMEO 01, no PLOVER type) is a plain demand.
        cameo, relation = (lex.stance(trig.plover, "demand") if trig else None) or ("100", "demanded")
        code = lex.code(cameo)
        date, precision, from_article = _when(root, sent, article)
        for s in speakers:
            for g in targets:
                if g.mention.actor.key == s.mention.actor.key:
                    continue
                feats = event_features.describe(t, code.plover or "REQUEST", cameo, relation, "VERB", 0, "demand",
                                                root, sent, s.mention, s.token, g.mention, g.token, _sent_index(sent))
                out.append(Event(
                    article_id=article.id, relation=relation, cameo=cameo, plover=code.plover or "REQUEST",
                    source=s.mention.actor, target=g.mention.actor, source_sector=s.mention.sector,
                    target_sector=g.mention.sector, sentence=sent_text, start=sent.start_char,
                    end=sent.end_char, trigger_start=t.idx, trigger_end=t.idx + len(t.text), date=date,
                    date_precision=precision, date_from_article=from_article, location=None, object=None,
                    confidence=0.7, symmetric=False, quad=code.quad, mode="asserted",
                    extras={"features": feats}))
    return out
