"""The code's vocabulary comes from ontology/ir.ttl: a misspelt term is an error, not a new IRI."""
import subprocess
import sys
from pathlib import Path

import pytest

from kg.lexicon import load
from kg.vocab import IR

ROOT = Path(__file__).resolve().parent.parent


def test_vocab_misspelt_term_is_an_error():
    with pytest.raises(AttributeError):
        IR.mett  # noqa: B018


def test_vocab_every_relation_and_weapon_class_is_defined_in_the_ontology():
    lex = load()
    for rel in lex.relations.values():
        assert getattr(IR, rel.property)
    for weapon in lex.weapons.values():
        assert getattr(IR, weapon.cls)


def test_vocab_ontology_is_in_step_with_the_data_files():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "sync_ontology.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
