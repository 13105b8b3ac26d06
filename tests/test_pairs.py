"""Candidate pairs: who stands where to the words that carry an act, on sentences written here."""
import pytest

from kg import actors, events, furniture, nlp, pairs
from kg.records import Article

pytestmark = pytest.mark.model


def _pairs(text, date="2020-03-04"):
    doc = nlp.load()(furniture.mask(text))
    art = Article("t", text, date)
    found = actors.resolve(doc)
    rules = events.extract(doc, art, found)
    return doc, found, pairs.candidates(doc, art, found, rules)


def _one(cands, source, target):
    got = [c for c in cands if c.source.actor.label == source
           and (c.target.actor.label if c.target else None) == target]
    assert got, [(c.source.actor.label, c.target.actor.label if c.target else None) for c in cands]
    return got[0]


@pytest.mark.parametrize("text,source,target,feature", [
    ("Iran accused Israel of sabotage.", "Iran", "Israel", "trig:ACCUSE|s=subj|t=obj"),
    ("Russia said the report was baseless.", "Russia", None, "eval:denial|s=speaker"),
    ("France called the annexation of Crimea illegal.", "France", None, "eval:negative|s=subj"),
    ("China was criticised by Japan over the drills.", "Japan", "China", "trig:ACCUSE|s=agent|t=pass"),
    ("Germany urged Turkey to release the journalists.", "Germany", "Turkey", "trig:REQUEST|s=subj|t=obj"),
])
def test_pairs_describe_how_each_side_stands_to_the_act(text, source, target, feature):
    _, _, cands = _pairs(text)
    c = _one(cands, source, target)
    assert any(k.startswith(feature) for k in c.features), sorted(c.features)


def test_pairs_a_quote_without_its_own_speaker_gets_the_speaker_named_where_it_ends():
    text = ('"The occupation must end. We will not accept these demands," Egypt\'s foreign minister, '
            'Sameh Shoukry, said on Tuesday.')
    doc, found, cands = _pairs(text)
    first = next(doc.sents)
    speakers = pairs.quote_speakers(doc, found)
    if first.end < len(doc) and first.start in speakers:
        assert speakers[first.start].actor.country == "EGY"
    assert any(c.source.actor.country == "EGY" for c in cands)


def test_pairs_mark_questions():
    _, _, cands = _pairs("Will Russia attack Ukraine?")
    assert cands and all("question" in c.features for c in cands)


def test_pairs_a_possessive_their_is_not_a_source():
    text = ("Chung met Italian Foreign Minister Luigi Di Maio in Rome. He also met Croatian Foreign Minister "
            "Gordan Grlic Radman and discussed their relations.")
    _, _, cands = _pairs(text)
    second = [c for c in cands if "Croatian" in c.sent.text]
    assert second and all(c.source.mention.text.lower() != "their" for c in second)


def test_pairs_one_event_per_act_even_when_a_meeting_is_read_from_both_sides():
    text = "Japanese Prime Minister Shinzo Abe met South Korean President Moon Jae-in in Tokyo on Monday."
    doc, found, cands = _pairs(text)
    art = Article("t", text, "2020-03-04")
    rules = events.extract(doc, art, found)
    types = ("CONSULT",)
    raws = [[0.9 if c.target is not None else 0.0] for c in cands]
    evs = pairs.decode(cands, raws, types, lambda x: x, 0.05, art, rules)
    consult = [e for e in evs if e.plover == "CONSULT"]
    assert len(consult) == 1 and consult[0].relation == "met"


@pytest.mark.parametrize("text", [
    "In 2018, Trump spoke at length about North Korea.",
    "Japanese officials talked for hours regarding China on Monday.",
])
def test_pairs_what_a_meeting_is_about_is_never_a_side_of_it(text):
    doc, found, cands = _pairs(text)
    art = Article("t", text, "2020-03-04")
    rules = events.extract(doc, art, found)
    raws = [[0.9] for c in cands]  # the scorer at its most willing: only the rule can say no
    evs = pairs.decode(cands, raws, ("CONSULT",), lambda x: x, 0.05, art, rules)
    topics = {"North Korea", "China"}
    assert not [e for e in evs if (e.target and e.target.label in topics) or e.source.label in topics], \
        [(e.source.label, e.target.label if e.target else None) for e in evs]


@pytest.mark.parametrize("text,apart", [
    ("The trip will include meeting French President Emmanuel Macron and German Chancellor Olaf Scholz.",
     {"Emmanuel Macron", "Olaf Scholz"}),
    ("Turkey condemned Russia and Iran for the strikes.", {"Russia", "Iran"}),
])
def test_pairs_actors_listed_as_what_one_act_is_done_to_are_no_act_between_them(text, apart):
    doc, found, cands = _pairs(text)
    art = Article("t", text, "2020-03-04")
    rules = events.extract(doc, art, found)

    def between(c):
        return c.target is not None and {c.source.actor.label, c.target.actor.label} == apart
    assert any(between(c) for c in cands)
    raws = [[0.9, 0.9] if between(c) else [0.0, 0.0] for c in cands]  # the scorer wants exactly that pair
    evs = pairs.decode(cands, raws, ("ACCUSE", "CONSULT"), lambda x: x, 0.05, art, rules)
    assert not [e for e in evs if e.target is not None and {e.source.label, e.target.label} == apart]
