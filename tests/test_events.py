"""Event rules, one family at a time: sentences written for these tests and the
(source, relation or PLOVER type, target) triples they must give — or nothing."""
import pytest
from spacy.tokens import Doc

from kg import actors, events, lexicon
from kg.records import Article

pytestmark = pytest.mark.model
DATE = "2024-05-15"  # a Wednesday


def extract(nlp, text, date=DATE):
    doc = nlp(text)
    return events.extract(doc, Article(id="t", text=text, date=date), actors.resolve(doc))


def triples(evs):
    return {(e.source.country or e.source.label, e.plover, (e.target.country or e.target.label) if e.target else None)
            for e in evs}


def matches(expected, got):
    """An expected triple with None in the source slot matches any source."""
    return any(all(x is None or x == y for x, y in zip(expected, g)) if expected[0] is None else expected == g
               for g in got)


CASES = {
    "active voice": [
        ("Iran accused Israel of sabotage at the plant.", ("IRN", "ACCUSE", "ISR")),
        ("Egypt condemned the Israeli strikes.", ("EGY", "ACCUSE", "ISR")),
        ("Turkish troops attacked Kurdish fighters near the border.", ("TUR", "ASSAULT", None)),
    ],
    "firing on": [
        ("Pakistani soldiers fired on Indian positions in Kashmir.", ("PAK", "ASSAULT", "IND")),
    ],
    "passive voice": [
        # no by-agent: the actor of the attack it happened in
        ("The Islamic State commander was killed in a U.S. airstrike in Syria.", ("USA", "ASSAULT", "IMG")),
        ("Three Hamas fighters were killed in an Israeli raid in Gaza.", ("ISR", "ASSAULT", "PSE")),
        ("Israel was accused by Iran of sabotage.", ("IRN", "ACCUSE", "ISR")),
        ("The convoy was attacked by Syrian troops.", ("SYR", "ASSAULT", None)),
    ],
    "coordinated actors": [
        ("Kenya and Uganda signed a trade agreement on Monday.", ("KEN", "SUPPORT", "UGA")),
        ("Egypt hosted Jordan and Iraq for talks.", ("EGY", "CONSULT", "JOR")),
        ("Egypt hosted Jordan and Iraq for talks.", ("EGY", "CONSULT", "IRQ")),
    ],
    "prepositional partners": [
        ("Turkey held talks with Sweden in Ankara.", ("TUR", "CONSULT", "SWE")),
        ("The European Union imposed sanctions on Russia.", ("IGO", "SANCTION", "RUS")),
        ("Japan pledged aid to the Philippines after the typhoon.", ("JPN", "AGREE", "PHL")),
    ],
    "nominal and light-verb events": [
        ("Japan and Australia held talks on Monday.", ("JPN", "CONSULT", "AUS")),
        ("Pakistan conducted a missile test on Friday.", ("PAK", "MOBILIZE", None)),
        # what was asked for belongs to whom it was asked of
        ("A meeting of the U.N. Security Council requested by France and Japan was held on Friday.",
         ("FRA", "REQUEST", "IGO")),
        # a light noun: whoever claims responsibility for an attack is its attacker
        ("The Baloch Liberation Army claimed responsibility for the attack on Tuesday.", ("PAK", "ASSAULT", None)),
        ("Al-Shabaab took responsibility for the bombing of the hotel.", ("IMG", "ASSAULT", None)),
        ("Ukraine's president visited Poland.", ("UKR", "CONSULT", "POL")),
    ],
    "clausal complements": [
        ("The United Nations urged Myanmar to release political prisoners.", ("IGO", "REQUEST", "MMR")),
        ("France called on Iran to halt uranium enrichment.", ("FRA", "REQUEST", "IRN")),
    ],
    "intent and refusal": [
        ("Kenyan President William Ruto plans to visit Ethiopia next month.", ("KEN", "AGREE", "ETH")),
        ("Serbia refused to meet the Kosovo delegation.", ("SRB", "REJECT", "XKX")),
        ("India will boycott the summit unless Pakistan withdraws its troops.", ("IND", "THREATEN", None)),
    ],
    "objects owned by the target": [
        ("Burmese soldiers demolished Rohingya homes and Bangladeshi shops.", ("MMR", "ASSAULT", "BGD")),
    ],
    "domestic actors across sectors": [
        ("The Nigerian government accused Nigerian militants of the bombing.", ("NGA", "ACCUSE", "NGA")),
        ("Thousands of Kenyan teachers protested in Nairobi on Monday.", ("KEN", "PROTEST", "KEN")),
    ],
    "failed cooperation is rejection": [
        ("Ghana and Togo failed to reach an agreement on the border dispute.", ("GHA", "REJECT", None)),
        ("Ghana and Togo failed to reach an agreement on the border dispute.", ("TGO", "REJECT", None)),
        ("Peru failed to meet the Chilean delegation in Lima.", ("PER", "REJECT", "CHL")),
    ],
    "subject the parser hung elsewhere": [
        ("Following the signing of a Declaration of Principles on Border Trade, the Malian government "
         "and the Tuareg rebels have agreed to reopen the road.", ("MLI", "AGREE", None)),
    ],
    "what the verb acts on": [
        ("Eritrea forced the Norwegian aid agency out of the country.", ("ERI", "SANCTION", "NOR")),
        ("Qatar ended its mediation efforts between Ethiopia and Eritrea.", ("QAT", "SANCTION", "ETH")),
        ("Uganda allowed opposition candidates to stand in the election.", ("UGA", "CONCEDE", "UGA")),
        ("Turkey launched an invasion of northern Syria on Wednesday.", ("TUR", "ASSAULT", "SYR")),
    ],
    "orders and purposes": [
        ("Zambia's government ordered the Chinese mining firm to halt work.", ("ZMB", "REQUEST", "CHN")),
        ("The Peruvian government ordered patrols along the Bolivian border.", ("PER", "MOBILIZE", "BOL")),
        ("Myanmar's military government imposed a media blackout on the region.", ("MMR", "COERCE", None)),
        ("The African Union sent a team to Sudan on Friday to investigate the killings.", ("IGO", "ACCUSE", "SDN")),
    ],
    "governed complements": [
        ("Sudanese rebels refused to allow Chadian aid workers to enter the camp.", ("SDN", "REJECT", "TCD")),
    ],
    "reported speech keeps its speaker": [
        ('"Iran must stop enriching uranium," a French spokesperson said.', ("FRA", "REQUEST", "IRN")),
        # a demand to make a statement: CAMEO 01 has no PLOVER type, the demand is a plain one
        ('"Iran must issue a statement on the attack," a French spokesperson said.', ("FRA", "REQUEST", "IRN")),
    ],
}
NOTHING = {
    "negation": ["Pakistan did not attack India.", "Indonesia has not responded to Malaysia's request.",
                 "Chile never sanctioned Peru.", "Iran has yet to sign the agreement with the IAEA.",
                 "Norway is yet to recognise Palestine."],
    "failed attacks": ["Houthi fighters failed to capture the port from Yemeni troops."],
    "dismissing someone is no shooting": ["Brazil's president fired his defence minister on Monday.",
                                          "Brazil's president fired on Saturday his chief of staff."],
    "travel, not diplomacy": ["More than two million Chinese tourists visited Vietnam last year.",
                              "Hundreds of Indian students visited Kenya in July."],
    "a reporter's request for comment": ["Iran's Foreign Ministry did not reply to an email requesting comment.",
                                         "Russia's embassy in Washington did not respond to requests for comment.",
                                         "China's mission declined a request for comment on Friday.",
                                         "The Russian Defense Ministry declined to comment."],
    "conditional": ["If Iran attacks Israel, the region will suffer.",
                    "Should Russia invade Finland, NATO would respond."],
    "prohibited acts": ["The treaty bans Iran from testing nuclear weapons."],
    "questions of who, not what": ["The ministers discussed the weather in Geneva."],
}


@pytest.mark.parametrize("family,text,expected",
                         [(f, t, e) for f, rows in CASES.items() for t, e in rows])
def test_events_rule_family_gives_the_expected_triple(nlp, family, text, expected):
    got = triples(extract(nlp, text))
    assert matches(expected, got), f"{family}: {text!r} gave {got}"


@pytest.mark.parametrize("family,text", [(f, t) for f, rows in NOTHING.items() for t in rows])
def test_events_rule_family_gives_no_event(nlp, family, text):
    got = [(e.source.label, e.relation, e.target.label if e.target else None) for e in extract(nlp, text)
           if e.mode == "asserted" and e.plover not in ("REQUEST",)]
    assert got == [], f"{family}: {text!r} gave {got}"


def test_events_x_met_y_and_z_is_two_meetings_and_symmetric(nlp):
    evs = [e for e in extract(nlp, "The Indian prime minister met Japan's Fumio Kishida and Australia's "
                                    "Anthony Albanese.") if e.plover == "CONSULT"]
    assert len(evs) == 2 and all(e.symmetric for e in evs)


def test_events_a_phone_call_is_symmetric_like_a_meeting(nlp):
    evs = [e for e in extract(nlp, "Chile's president telephoned Argentina's president on Monday.")
           if e.plover == "CONSULT"]
    assert evs and all(e.symmetric for e in evs)


def test_events_x_and_y_met_is_one_meeting(nlp):
    evs = [e for e in extract(nlp, "Brazil and Argentina met in Buenos Aires.") if e.plover == "CONSULT"]
    assert len(evs) == 1
    assert {evs[0].source.country, evs[0].target.country} == {"BRA", "ARG"}


def test_events_one_event_per_weapon_named(nlp):
    evs = extract(nlp, "North Korea tested two cruise missiles, a hypersonic missile and a submarine-launched "
                       "ballistic missile last week.")
    assert sorted(e.object.cls for e in evs if e.relation == "tested") == sorted(
        ["CruiseMissile", "HypersonicMissile", "SubmarineLaunchedBallisticMissile"])


@pytest.mark.parametrize("text,date,precision,from_article", [
    ("Chile met Peru on Tuesday.", "2024-05-14", "day", False),
    ("Chile met Peru last month.", "2024-04", "month", False),
    ("Chile met Peru in March.", "2024-03", "month", False),
    ("Chile met Peru.", DATE, "day", True),
])
def test_events_date_comes_from_the_sentence_relative_to_the_article(nlp, text, date, precision, from_article):
    [e] = [e for e in extract(nlp, text) if e.plover == "CONSULT"]
    assert (e.date, e.date_precision, e.date_from_article) == (date, precision, from_article)


def test_events_place_comes_from_the_sentence(nlp):
    [e] = [e for e in extract(nlp, "Ghana met Togo in Geneva on Monday.") if e.plover == "CONSULT"]
    assert e.location == "Geneva"


def test_events_every_event_has_sentence_offsets_and_confidence(nlp):
    text = "Greece protested. Turkey held talks with Greece. Bulgaria sanctioned Serbia."
    for e in extract(nlp, text):
        assert text[e.start:e.end] == e.sentence
        assert text[e.trigger_start:e.trigger_end].lower().startswith(("talk", "sanction", "protest"))
        assert 0 < e.confidence <= 1


def test_events_trigger_matching_uses_the_lexicon_on_a_hand_built_doc(nlp):
    # A parse given by hand: the rule must not depend on what the model would predict.
    words = ["Chile", "sanctioned", "Peru", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "VERB", "PROPN", "PUNCT"], lemmas=["Chile", "sanction", "Peru", "."],
              ents=["B-GPE", "O", "B-GPE", "O"])
    lex = lexicon.load()
    trig = events._match(doc[1], lex)
    assert trig is not None and trig.plover == "SANCTION"
    found = actors.resolve(doc)
    evs = events.extract(doc, Article(id="h", text=doc.text, date=DATE), found)
    assert triples(evs) == {("CHL", "SANCTION", "PER")}
