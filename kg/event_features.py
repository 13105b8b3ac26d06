"""What the parse says about a candidate event, as named features for the event scorer.

events.py proposes candidates (a trigger word, its stance, a source and a target); this
module describes each one by the words and structures around it: the trigger and its
type, its tense and auxiliaries, whether it stands inside a quotation, a question, a
condition or a hedge, under a reporting verb and whose, how its source and target were
found and what kind of actor each is. kg/scorer.py weighs these features with weights
learnt from coded articles (scripts/train_events.py). Names are strings so that the
model file stays readable; every value is 1.0 unless it is a count.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .records import Mention

REPORT_LEMMAS = {"say", "tell", "state", "add", "insist", "announce", "declare", "stress", "note", "write",
                 "report", "claim", "assert", "argue", "explain", "reiterate", "emphasize", "emphasise",
                 "tweet", "post", "confirm", "acknowledge", "believe", "think", "suggest", "according"}
HEDGES = {"likely", "unlikely", "expect", "could", "may", "might", "would", "possible", "possibly", "seem",
          "appear", "perhaps", "probably", "potential", "potentially", "if", "whether", "unless", "should"}
QUOTES_OPEN = {"“"}
QUOTES_CLOSE = {"”"}


def quoted_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside quotation marks. Straight quotes toggle; a paragraph
    break closes any quotation left open (scraped text often loses the closing mark)."""
    cached = doc.user_data.get("irkg_quoted")
    if cached is not None:
        return cached
    inside = False
    out = set()
    for t in doc:
        if "\n" in t.text:
            inside = False
            continue
        if t.text in QUOTES_OPEN or (t.text == '"' and not inside) or t.text == "``":
            inside = True
            continue
        if t.text in QUOTES_CLOSE or (t.text == '"' and inside) or t.text == "''":
            inside = False
            continue
        if inside:
            out.add(t.i)
    result = frozenset(out)
    doc.user_data["irkg_quoted"] = result
    return result


def sentence_facts(sent: Span) -> dict[str, bool | int]:
    """What holds for a whole sentence, read once per sentence however many candidates it has."""
    cache = sent.doc.user_data.setdefault("irkg_sentence_facts", {})
    facts = cache.get(sent.start)
    if facts is None:
        quoted = quoted_tokens(sent.doc)
        text = sent.text.rstrip().rstrip("\"'”’)")
        facts = cache[sent.start] = {
            "question": text.endswith("?"),
            "if": any(x.lower_ in ("if", "unless") for x in sent),
            "mostly_quoted": sum(1 for x in sent if x.i in quoted) > len(sent) // 2,
            "length": len(sent),
        }
    return facts


def ancestors(t: Token, limit: int = 8, with_self: bool = False) -> list[Token]:
    """The heads above `t`, nearest first (and `t` itself first, with_self)."""
    out = [t] if with_self else []
    node = t
    for _ in range(limit):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def role(x: Token | None, t: Token) -> str:
    """How an argument hangs on the trigger: "dobj", "prep:against", "up:nsubj" (found higher up)."""
    if x is None:
        return "none"
    if x.head.i == t.i:
        return x.dep_
    if x.head.dep_ in ("prep", "agent") and x.head.head.i == t.i:
        return f"prep:{x.head.lower_}"
    return f"up:{x.dep_}"


def describe(t: Token, plover: str, cameo: str, relation: str, trig_pos: str, specificity: int, mode: str,
             governor: Token | None, sent: Span, src: Mention, src_token: Token | None,
             tgt: Mention | None, tgt_token: Token | None, sent_index: int) -> dict[str, float]:
    """The features of one candidate (source, type, target) read off trigger `t`."""
    f: dict[str, float] = {"bias": 1.0}

    def on(name: str, value: float = 1.0) -> None:
        f[name] = value

    lemma = t.lemma_.lower()
    ptype = plover or "STATEMENT"
    on(f"type={ptype}")
    on(f"cameo2={cameo[:2]}")
    on(f"lemma={lemma}")
    on(f"lemma_type={lemma}|{ptype}")
    on(f"relation={relation}")
    on(f"pos={trig_pos}")
    on(f"tag={t.tag_}")
    on(f"dep={t.dep_}")
    on(f"specific={specificity}")
    on(f"mode={mode}")
    if governor is not None:
        on(f"governor={governor.lemma_.lower()}")
    clause = t
    if trig_pos == "NOUN":
        # The verb a noun event hangs on: "held talks" (a light verb), "amid sanctions" (none).
        node, verb = t, None
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                verb = node
                break
        on(f"noun_head={t.head.lemma_.lower()}" if t.head.i != t.i else "noun_head=ROOT")
        on(f"noun_verb={verb.lemma_.lower()}" if verb is not None else "noun_verb=none")
        dets = [c.lower_ for c in t.children if c.dep_ in ("det", "poss")]
        on(f"noun_det={dets[0] if dets else 'none'}")
        on(f"noun_plural={t.tag_ in ('NNS', 'NNPS')}")
        clause = verb if verb is not None else t
    aux = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    for a in aux:
        on(f"aux={a}")
    if not aux and clause.pos_ in ("VERB", "AUX"):
        on(f"tense={clause.tag_}")
    if any(c.dep_ == "neg" for c in clause.children):
        on("negated_clause")
    quoted = quoted_tokens(t.doc)
    if t.i in quoted:
        on("in_quote")
    facts = sentence_facts(sent)
    if facts["question"]:
        on("question")
    ups = ancestors(t)
    reporter = None
    for u in ups:
        low = u.lemma_.lower()
        if low in HEDGES:
            on(f"hedge={low}")
        if u.pos_ in ("VERB", "AUX") and low in REPORT_LEMMAS and reporter is None:
            reporter = u
            on(f"report={low}")
    for c in (*clause.children, *t.children):
        if c.dep_ == "mark" and c.lower_ in HEDGES:
            on(f"mark={c.lower_}")
        if c.dep_ in ("aux", "advmod") and c.lower_ in HEDGES:
            on(f"hedge={c.lower_}")
    if facts["if"]:
        on("sentence_if")
    on(f"sent_index={bucket(sent_index, (0, 1, 3, 8))}")
    on(f"sent_len={bucket(facts['length'], (12, 25, 40, 60))}")

    # Who acts.
    a = src.actor
    on(f"src_how={src.how}")
    on(f"src_type={a.type}")
    on(f"src_role={role(src_token, t)}")
    on(f"src_sector={src.sector or 'none'}")
    country = a.country or ""
    on("src_country=none" if not country else "src_country=IGO" if country == "IGO" else
       "src_country=NGO" if country in ("NGO", "MNC") else "src_country=state")
    if a.type == "Person" and not a.title:
        on("src_untitled_person")
    if src_token is not None:
        on(f"src_dep={src_token.dep_}")
        if src_token.i in quoted and t.i not in quoted:
            on("src_in_quote_only")
        on(f"src_dist={bucket(abs(src_token.i - t.i), (1, 3, 6, 12))}")
    on(f"type_srctype={ptype}|{a.type}")

    # Whom it is aimed at.
    if tgt is None:
        on("tgt=none")
        on(f"type_tgt={ptype}|none")
    else:
        b = tgt.actor
        on(f"tgt_how={tgt.how}")
        on(f"tgt_type={b.type}")
        on(f"tgt_role={role(tgt_token, t)}")
        on(f"type_tgt={ptype}|{b.type}")
        if (b.country or "") and b.country == country:
            on("same_country")
        if not b.country:
            on("tgt_country=none")
        if tgt_token is not None:
            on(f"tgt_dep={tgt_token.dep_}")
    return f
