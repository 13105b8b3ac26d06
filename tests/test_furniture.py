"""Page furniture is masked before the model reads a page; the article's own text is not."""
import pytest

from kg import furniture


@pytest.mark.parametrize("paragraph", [
    "Enlarge this image toggle caption Jane Doe/AFP/Getty Images Jane Doe/AFP/Getty Images",
    "Image copyright Getty Images Image caption The minister arrives for talks in Brussels",
    "Media playback is unsupported on your device Media caption The president speaks to reporters",
    "Story highlights The president says the talks will go on",
    "READ MORE: Ten things to know about the summit",
    "Sign up for our daily newsletter",
    "Advertisement",
    "Story Continued Below",
    "Copyright 2019 The Daily Example. All rights reserved.",
    "The Associated Press contributed to this report.",
    "FILE PHOTO: The foreign minister speaks in Geneva, March 3, 2019. REUTERS/Jane Doe",
    "The two leaders shake hands in Hanoi on Wednesday. (AP Photo/John Roe)",
    "By Jane Doe and John Roe, Staff writers",
    "WHAT THE TREATY SAYS",
    "Write to Jane Doe at jane.doe@example.com",
])
def test_furniture_paragraph_is_masked_whole(paragraph):
    text = f"The ministers met in Paris on Monday.\n\n{paragraph}\n\nThey agreed to meet again."
    masked = furniture.mask(text)
    assert len(masked) == len(text)
    assert masked.split("\n\n")[1].strip() == ""
    assert "The ministers met in Paris on Monday." in masked and "They agreed to meet again." in masked


@pytest.mark.parametrize("text,kept", [
    ("WASHINGTON (AP) — The Senate voted on Tuesday to extend the sanctions.",
     "The Senate voted on Tuesday to extend the sanctions."),
    ("KABUL, Afghanistan (AP) — Taliban fighters attacked a checkpoint.", "Taliban fighters attacked a checkpoint."),
    ("(CNN) The State Department announced new sanctions.", "The State Department announced new sanctions."),
    ("BEIJING — China said Monday it will retaliate.", "China said Monday it will retaliate."),
])
def test_furniture_dateline_goes_and_the_sentence_stays(text, kept):
    masked = furniture.mask(text)
    assert masked.strip() == kept
    assert masked.endswith(kept)  # same offsets: the sentence did not move


@pytest.mark.parametrize("paragraph", [
    "Video shows the men leaving the airport, according to two officials.",
    "Related talks between the two sides are expected next week.",
    "NATO — the alliance of 30 states — said it would send more troops.",
    "The official told Reuters the talks had failed.",
    "Photos released by the ministry showed the damaged ship.",
    "U.S. Central Command — which oversees operations in the region — said the strike killed two militants.",
])
def test_furniture_reporting_that_looks_like_furniture_is_kept(paragraph):
    text = f"First paragraph of the story.\n{paragraph}\nLast paragraph."
    assert furniture.mask(text) == text


def test_furniture_an_article_that_is_one_long_paragraph_is_never_masked_whole():
    body = "Watch: " + "the foreign minister said the talks would resume next week and both sides agreed. " * 20
    assert furniture.mask(body).startswith("Watch: the foreign minister")


def test_furniture_inline_photo_credit_is_masked_in_place():
    text = "The ministers met in Paris. (Photo: Jane Doe, AP) They agreed to meet again."
    masked = furniture.mask(text)
    assert "Photo" not in masked and "They agreed to meet again." in masked
    assert len(masked) == len(text)


@pytest.mark.parametrize("text,gone,kept", [
    # a linked name's hover card (The Hill): full name, other headlines, "MORE"; the link text stays
    ("The president Trump Donald John TrumpGOP senators balk at trial Warren goes local MORE said on Friday "
     "that he would sign.", "Donald John", "The president Trump"),
    ("Rep. Jane Roe Jane Alice RoeSenate panel votes on bill MORE (D-Ohio) voted against it.", "Alice", "Rep. Jane Roe"),
    ("Leader Charles Roe Charles (Chuck) Ellis RoeDivided court leans on DACA MORE (N.Y.) spoke.", "MORE",
     "Leader Charles Roe"),
    # photographer and agency credits
    ("The senator testifies in Washington. (Jane Doe/Reuters) The press gathered.", "Jane Doe", "The press gathered."),
    ("They stayed there. | John J Roe/Getty Images The probe began.", "John J", "The probe began."),
])
def test_furniture_hover_cards_and_credits_are_masked_inside_a_paragraph(text, gone, kept):
    masked = furniture.mask(text)
    assert len(masked) == len(text)
    assert gone not in masked and kept in masked
