"""Actor rules, one family at a time, on sentences written for these tests."""
import pytest
from spacy.tokens import Doc

from kg import actors
from kg.records import Actor

pytestmark = pytest.mark.model


def resolve(nlp, text):
    doc = nlp(text)
    return doc, actors.resolve(doc)


def mention_at(doc, found, word, nth=0):
    hits = [t for t in doc if t.text == word]
    m = found.at(hits[nth])
    assert m is not None, f"no actor at {word!r}: {[(x.text, x.actor.label) for x in found.mentions]}"
    return m


@pytest.mark.parametrize("text,name,label,country,title", [
    ("German Chancellor Olaf Scholz arrived in Warsaw on Monday.", "Scholz", "Olaf Scholz", "DEU", "Chancellor"),
    ("Kenyan President William Ruto opened the summit.", "Ruto", "William Ruto", "KEN", "President"),
    ("Chile's Foreign Minister Alberto van Klaveren flew to Lima.", "Klaveren", "Alberto van Klaveren", "CHL",
     "Foreign Minister"),
    ("US Secretary of State Marco Rubio spoke to reporters.", "Rubio", "Marco Rubio", "USA", "Secretary of State"),
])
def test_actors_title_and_demonym_make_a_person_with_office_and_country(nlp, text, name, label, country, title):
    doc, found = resolve(nlp, text)
    m = mention_at(doc, found, name)
    assert (m.actor.type, m.actor.label, m.actor.country, m.actor.title) == ("Person", label, country, title)


def test_actors_counterpart_takes_the_title_of_the_person_it_is_counterpart_to(nlp):
    doc, found = resolve(nlp, "Indian Foreign Minister Subrahmanyam Jaishankar met his Japanese counterpart, "
                              "Yoko Kamikawa, in Tokyo.")
    m = mention_at(doc, found, "Kamikawa")
    assert (m.actor.country, m.actor.title) == ("JPN", "Foreign Minister")


@pytest.mark.parametrize("text,word,country,sector", [
    ("Brazilian troops entered the border town.", "troops", "BRA", "MIL"),
    ("A senior Iranian official denied the report.", "official", "IRN", "GOV"),
    ("China's foreign ministry summoned the envoy.", "ministry", "CHN", "GOV"),
    ("Police in Lagos arrested two men.", "Police", "NGA", "COP"),
    ("Darfur rebels attacked a convoy.", "rebels", "SDN", "REB"),
    # domestic sectors (kg/data/sectors.tsv): the one country the sentence names
    ("Opposition leaders called off the march in Tbilisi.", "Opposition", "GEO", "OPP"),
    ("Striking farmers blocked the highway near Nairobi.", "farmers", "KEN", "AGR"),
])
def test_actors_agent_nouns_take_their_country_from_modifiers(nlp, text, word, country, sector):
    doc, found = resolve(nlp, text)
    m = mention_at(doc, found, word)
    assert (m.actor.country, m.sector) == (country, sector)


@pytest.mark.parametrize("text,word,country", [
    ("Moscow rejected the proposal on Friday.", "Moscow", "RUS"),
    ("The Kremlin said the talks had failed.", "Kremlin", "RUS"),
    ("Downing Street welcomed the decision.", "Downing", "GBR"),
    ("Tehran accused Washington of sabotage.", "Tehran", "IRN"),
    ("The Biden administration imposed new tariffs.", "administration", "USA"),
])
def test_actors_capitals_seats_and_eras_stand_for_their_state(nlp, text, word, country):
    doc, found = resolve(nlp, text)
    m = mention_at(doc, found, word)
    assert m.actor.type == "State" and m.actor.country == country


@pytest.mark.parametrize("text,word,country", [
    ("Islamic State claimed the bombing in Kabul on Sunday.", "State", "IMG"),
    ("Fighters of al-Shabaab stormed a hotel in Mogadishu.", "Shabaab", "IMG"),
    ("The Baloch Liberation Army said it had blown up the tracks.", "Army", "PAK"),
    ("The Islamic Salvation Front called for a boycott of the vote.", "Front", "DZA"),
    ("The Popular Front for the Liberation of Palestine rejected the truce.", "Front", "PSE"),
    ("The Real Irish Republican Army planted a bomb in Belfast.", "Army", "GBR"),
])
def test_actors_armed_groups_count_for_the_state_they_fight_in_or_img_when_transnational(nlp, text, word, country):
    doc, found = resolve(nlp, text)
    m = mention_at(doc, found, word)
    assert m.actor.country == country, m.actor


def test_actors_capital_as_a_location_is_not_an_actor(nlp):
    doc, found = resolve(nlp, "The ministers met in Paris on Tuesday.")
    assert all(m.actor.country != "FRA" for m in found.mentions)


def test_actors_short_names_resolve_to_the_full_name(nlp):
    doc, found = resolve(nlp, "Nigerian President Bola Tinubu met the envoy. Tinubu later left for Abuja. "
                              "Bola Tinubu spoke again on Friday.")
    keys = {m.actor.key for m in found.mentions if m.actor.type == "Person"}
    assert keys == {"person/bola-tinubu"}


def test_actors_hyphenated_korean_name_is_not_cut(nlp):
    doc, found = resolve(nlp, "President Moon Jae-in's proposal was discussed. Moon left Seoul on Friday.")
    labels = {m.actor.label for m in found.mentions if m.actor.type == "Person"}
    assert labels == {"Moon Jae-in"}


def test_actors_subject_pronoun_resolves_to_the_last_person_subject(nlp):
    doc, found = resolve(nlp, "Ghanaian Foreign Minister Samuel Ablakwa landed in Rome. He met the Italian "
                              "prime minister.")
    assert mention_at(doc, found, "He").actor.label == "Samuel Ablakwa"


@pytest.mark.parametrize("phrase", ["The two", "Both sides", "They"])
def test_actors_plural_references_resolve_to_the_last_pair(nlp, phrase):
    doc, found = resolve(nlp, f"Polish President Andrzej Duda met Czech President Petr Pavel in Prague. "
                              f"{phrase} agreed to expand military cooperation.")
    word = phrase.split()[-1]
    m = mention_at(doc, found, word if word != "They" else "They")
    assert {a.label for a in m.members} == {"Andrzej Duda", "Petr Pavel"}


def test_actors_the_north_resolves_once_korea_is_in_the_article(nlp):
    doc, found = resolve(nlp, "North Korea fired a missile on Sunday. The North said it was a test.")
    assert mention_at(doc, found, "North", 1).actor.country == "PRK"


def test_actors_the_reclusive_regime_is_the_last_foreign_state(nlp):
    doc, found = resolve(nlp, "South Korean Foreign Minister Park Jin criticised Pyongyang. Seoul wants to "
                              "engage the reclusive regime.")
    assert mention_at(doc, found, "regime").actor.country == "PRK"


def test_actors_the_minister_resolves_to_the_last_minister(nlp):
    doc, found = resolve(nlp, "Egyptian Foreign Minister Badr Abdelatty arrived in Amman. The minister "
                              "later met King Abdullah.")
    assert mention_at(doc, found, "minister").actor.label == "Badr Abdelatty"


def test_actors_gazetteer_overrides_the_model_for_known_names(nlp):
    doc, found = resolve(nlp, "The DPRK and COVAX were both mentioned, as was the OECD.")
    got = {m.text: (m.actor.type, m.actor.country) for m in found.mentions}
    assert got["DPRK"] == ("State", "PRK")
    assert got["COVAX"][1] == "IGO" and got["OECD"][1] == "IGO"


def test_actors_model_still_finds_organisations_no_list_names(nlp):
    doc, found = resolve(nlp, "The Zambezi River Authority warned farmers on Monday.")
    assert any(m.actor.type == "Organization" and "Zambezi" in m.actor.label for m in found.mentions)


def test_actors_hyphen_fix_works_on_a_hand_built_doc_without_the_model(nlp):
    words = ["President", "Moon", "Jae", "-", "in", "spoke", "."]
    spaces = [True, True, False, False, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, ents=["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"])
    [ent] = actors.fix_entities(doc)
    assert ent.text == "Moon Jae-in"


def test_actors_one_actor_per_key_across_mentions(nlp):
    doc, found = resolve(nlp, "Vietnam and Viet Nam are one state; so are the US and the United States.")
    states = {m.actor.key for m in found.mentions if isinstance(m.actor, Actor) and m.actor.type == "State"}
    assert states == {"state/VNM", "state/USA"}


def test_actors_bracketed_acronym_names_the_known_organisation(nlp):
    doc, found = resolve(nlp, "The World Health Agency (WHO) warned about the outbreak.")
    m = mention_at(doc, found, "Agency")
    assert m.actor.key == "org/who"


def test_actors_people_qualified_by_another_country_belong_to_it(nlp):
    doc, found = resolve(nlp, "Bosnian Serbs rejected the plan.")
    assert mention_at(doc, found, "Serbs").actor.country == "BIH"


def test_actors_unknown_movement_takes_the_one_country_of_its_sentence(nlp):
    doc, found = resolve(nlp, "The Movement for Zambezi Renewal clashed with Zambian police in Lusaka.")
    orgs = [m for m in found.mentions if m.actor.type == "Organization"]
    assert orgs and orgs[0].actor.country == "ZMB"


def test_actors_known_leader_keeps_country_whatever_the_sentence(nlp):
    doc, found = resolve(nlp, "President Putin warned Ukraine on Monday.")
    assert mention_at(doc, found, "Putin").actor.country == "RUS"


@pytest.mark.parametrize("text,word,country,sector", [
    ("Workers affiliated with the Chilean port union blocked the terminal.", "Workers", "CHL", "LAB"),
    ("Gunmen loyal to Libya's eastern commander attacked the checkpoint.", "Gunmen", "LBY", None),
])
def test_actors_members_belong_to_whom_they_are_affiliated_with(nlp, text, word, country, sector):
    doc, found = resolve(nlp, text)
    m = mention_at(doc, found, word)
    assert m.actor.country == country
    if sector:
        assert m.sector == sector


def test_actors_domestic_groups_are_not_guessed_when_the_sentence_names_two_countries(nlp):
    doc, found = resolve(nlp, "Opposition leaders in exile met Ukrainian and Polish officials.")
    m = found.at(next(t for t in doc if t.text == "leaders"))
    assert m is None or m.actor.country not in ("UKR", "POL")


def test_actors_an_acronym_in_brackets_names_the_organisation_before_it_and_later(nlp):
    doc, found = resolve(nlp, "Kenyan police arrested 30 members of the outlawed Mungiki Revolutionary Council (MRC) "
                              "in Mombasa. The MRC accused the police of torture.")
    first = mention_at(doc, found, "Council")
    later = mention_at(doc, found, "MRC", nth=1)
    assert first.actor.key == later.actor.key and first.actor.country == "KEN"
    assert "MRC" in first.actor.aliases


def test_actors_an_organisation_cut_at_its_country_is_mended(nlp):
    doc, found = resolve(nlp, "The Front for the Liberation of Mozambique won the vote.")
    m = mention_at(doc, found, "Front")
    assert m.actor.label.endswith("Mozambique") and m.actor.country == "MOZ"


def test_actors_an_office_holder_nobody_placed_serves_the_state_the_article_names_most(nlp):
    doc, found = resolve(nlp, "President Hakainde Hichilema opened parliament. Zambia's economy grew, and "
                              "Zambian copper exports rose while Zambia repaid its debts to China.")
    assert mention_at(doc, found, "Hichilema").actor.country == "ZMB"


@pytest.mark.parametrize("text,name,country", [
    ("Sen. Bob Corker warned Iran against new missile tests on Monday.", "Bob Corker", "USA"),
    ("Wendy Sherman told reporters in Vienna that Iran must comply.", "Wendy Sherman", "USA"),
    ("Chuck Schumer criticised the Turkish president's visit.", "Chuck Schumer", "USA"),
    ("Sergey Lavrov met his Syrian counterpart in Moscow.", "Sergei Lavrov", "RUS"),
])
def test_office_holders_keep_the_state_of_their_office_whatever_the_sentence_is_about(nlp, text, name, country):
    _, found = resolve(nlp, text)
    people = {m.actor.label: m.actor.country for m in found.mentions if m.actor.type == "Person"}
    assert people.get(name) == country, people


# --- what is not an actor ----------------------------------------------------------------------
@pytest.mark.parametrize("text,words", [
    ("Two jets landed at the Incirlik Air Base on Monday.", "Incirlik Air Base"),  # a place
    ("Protesters gathered on Pennsylvania Avenue and Vermont Streets.", "Vermont Streets"),
    ("The Clean Water Act was amended by the committee.", "Clean Water Act"),  # a law
    ("He won gold at the Winter Paralympics in Sochi.", "Winter Paralympics"),  # an event
    ("The Senate passed the Medicare bill on Friday.", "Medicare"),  # a programme
    ("Users of Twitter reacted angrily to the ban.", "Twitter"),  # a platform, not a person
])
def test_actors_places_things_laws_and_events_get_no_actor(nlp, text, words):
    doc, found = resolve(nlp, text)
    assert not [m for m in found.mentions if words in m.text or m.actor.label == words], \
        [(m.text, m.actor.label, m.actor.type) for m in found.mentions]


def test_actors_a_name_cut_at_a_preposition_is_no_organisation(nlp):
    doc = nlp("Fellows at the Council on Foreign Relations said so.")
    span = next(e for e in doc.ents if e.label_ == "ORG")
    cut = doc[span.start:span.start + 3]  # "the Council on"
    from kg import gazetteer
    assert actors.not_an_actor(cut, "Council on", gazetteer.load()) == "fragment"
    assert actors.not_an_actor(span, "Council on Foreign Relations", gazetteer.load()) is None


def test_actors_names_run_together_by_a_scraper_are_no_person(nlp):
    doc, found = resolve(nlp, "Prince Harry married Meghan MarkleHillary Clinton in May.")
    assert not [m for m in found.mentions if "MarkleHillary" in m.actor.label]


def test_actors_a_title_glued_to_a_name_is_the_person_not_an_organisation(nlp):
    doc, found = resolve(nlp, "Defense Secretary Leon Panetta said the Pentagon would cut costs. "
                              "Later, Defense Leon Panetta met the press.")
    labels = {m.actor.label for m in found.mentions}
    assert "Defense Leon Panetta" not in labels and "Leon Panetta" in labels


# --- a person's country is that of the office, not of the sentence ---------------------------
@pytest.mark.parametrize("text,name", [
    ("Virginia Governor Terry McAuliffe led a trade mission to Cuba.", "McAuliffe"),
    ("Analyst Scott Kennedy said China would not back down.", "Kennedy"),
    ("Spokesman Tom Hadley said Iran had broken the deal.", "Hadley"),
])
def test_actors_a_person_no_list_places_keeps_no_country(nlp, text, name):
    doc, found = resolve(nlp, text)
    assert mention_at(doc, found, name).actor.country is None


def test_actors_a_state_office_is_of_the_one_country_named_before_it(nlp):
    doc, found = resolve(nlp, "In Angola, President Kalu Dembe said the vote would go ahead.")
    assert mention_at(doc, found, "Dembe").actor.country == "AGO"


def test_actors_the_state_before_a_body_gives_its_officials_country(nlp):
    doc, found = resolve(nlp, "Cameroon Livestock Ministry official Denise Abanda spoke to reporters.")
    assert mention_at(doc, found, "Abanda").actor.country == "CMR"


@pytest.mark.parametrize("text,name", [
    ("Flexport, a logistics firm, said tariffs on China had hurt its clients.", "Flexport"),
    ("A report by Bloomberg said Beijing was ready to retaliate against Washington.", "Bloomberg"),
])
def test_actors_an_unknown_organisation_does_not_take_the_country_of_its_sentence(nlp, text, name):
    doc, found = resolve(nlp, text)
    orgs = [m for m in found.mentions if m.text.endswith(name)]
    assert all(m.actor.country is None for m in orgs), [(m.text, m.actor.country) for m in orgs]
