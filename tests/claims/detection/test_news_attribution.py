"""Claimants the way news writes attribution: roles, records, inversions, transcripts, quotes."""

import pytest

from claims.detection import split_sentences
from claims.detection.claimants import attribute_claimants


def names(article: str) -> list[str | None]:
    """The claimant name of every sentence of the article, in order."""
    found = attribute_claimants(article, split_sentences(article))
    return [claimant.name if claimant else None for claimant in found]


def claimant_name(article: str) -> str | None:
    return names(article)[-1]


@pytest.mark.parametrize(
    "verb",
    ["tweeted", "posited", "asserted", "wrote", "testified", "conceded", "insisted", "warned"],
)
def test_speech_verbs_beyond_said_attribute_a_reported_clause(verb):
    sentence = f"Senator Clara Voss {verb} that the harbour tunnel had cost $3 billion."
    assert claimant_name(sentence) == "Clara Voss"


@pytest.mark.parametrize(
    "sentence",
    [
        "Clara Voss branded the tunnel a $3 billion failure.",
        "Clara Voss boasted that the tunnel had come in $200 million under budget.",
    ],
)
def test_branding_and_boasting_are_the_speakers_claims(sentence):
    assert claimant_name(sentence) == "Clara Voss"


@pytest.mark.parametrize(
    "sentence",
    [
        "Clara Voss wrote two books about the harbour.",
        "Clara Voss posted a photo of the tunnel on Sunday.",
        "The 2021 census asked 40 questions.",
    ],
)
def test_a_verb_with_a_plain_object_reports_nothing(sentence):
    assert claimant_name(sentence) is None


def test_an_attribution_after_the_claim_with_a_role_names_the_role():
    article = (
        "Troop numbers in the region doubled in 2022, the Pentagon's policy chief acknowledged."
    )
    assert claimant_name(article) == "Pentagon's policy chief"


def test_a_role_after_the_claim_refers_back_to_the_person_who_holds_it():
    article = (
        "John Fairley, the finance minister, said tax receipts rose 4 percent. "
        "Spending fell by a tenth, the minister added."
    )
    assert names(article) == ["John Fairley", "John Fairley"]


def test_the_name_in_an_appositive_after_the_role_is_the_speaker():
    article = "Its chairman, Pavel Orlov, said the fund lost 2 percent in March."
    assert claimant_name(article) == "Pavel Orlov"


def test_a_name_followed_by_a_job_title_and_a_colon_is_the_speaker():
    article = "Tom Ibsen, chief economist at Fjord Bank, said: “Exports fell for a sixth month.”"
    assert claimant_name(article) == "Tom Ibsen"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The deal was worth $2 billion, reports the Wall Street Journal.", "Wall Street Journal"),
        ("The deal was worth $2 billion, CNBC reports.", "CNBC"),
        ("Ridership fell 8 percent last year, said transit manager Ola Brandt.", "Ola Brandt"),
        ("Rents rose 9 percent, said Ola Brandt, an analyst at Fjord Bank.", "Ola Brandt"),
    ],
)
def test_an_inverted_attribution_after_the_claim_names_the_speaker(sentence, speaker):
    assert claimant_name(sentence) == speaker


def test_words_after_an_inverted_verb_that_go_on_as_a_clause_are_no_speaker():
    article = "Its leader, Pavel Orlov, said the budget cut funding for hospitals by 3 percent."
    assert claimant_name(article) == "Pavel Orlov"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Arctic sea ice shrank to a record low, NOAA data show.", "NOAA"),
        (
            "Prices rose 4 percent, figures from the Office for National Statistics showed.",
            "Office for National Statistics",
        ),
        ("Burglaries fell 23 percent, according to figures released by the Harbor Police.", None),
        ("Seven posts were vacant in August, district records show.", "district records"),
        ("The survey estimated that 23 percent of adults smoke.", "survey"),
    ],
)
def test_a_record_speaks_for_its_author_or_for_itself(sentence, speaker):
    found = claimant_name(sentence)
    if speaker is None:
        assert found is not None
        assert "Harbor Police" in found
    else:
        assert found is not None
        assert speaker.lower() in found.lower()


def test_a_record_does_not_outrank_a_person_who_speaks_in_the_same_sentence():
    article = "Mira Holt said the crater is 40 km wide. Her team's survey found no ice, she noted."
    assert names(article) == ["Mira Holt", "Mira Holt"]


def test_the_agency_and_the_company_resolve_to_the_organisation_named_before():
    article = (
        "The Environmental Protection Agency fined Acme Chemicals Group $4 million on Monday. "
        "The plant released 30 tonnes of solvent in 2023, the agency said. "
        "Profits rose 12 percent last year, the company said."
    )
    assert names(article)[1:] == ["Environmental Protection Agency", "Acme Chemicals Group"]


def test_a_shorter_description_of_an_institution_is_the_same_claimant():
    article = (
        "Inflation slowed to 3.1 percent, the National Statistics Office said. "
        "Food prices rose 4 percent, the statistics office said."
    )
    assert names(article) == ["National Statistics Office", "National Statistics Office"]


def test_police_said_and_experts_said_are_both_claimants():
    assert claimant_name("A body was found near the pier, police said.") == "police"
    assert claimant_name("A body was found near the pier, experts said.") == "experts"


def test_an_institution_keeps_the_full_name_the_article_gives_it():
    article = (
        "July was the hottest month, the National Oceanic and Atmospheric Administration said."
    )
    assert claimant_name(article) == "National Oceanic and Atmospheric Administration"


@pytest.mark.parametrize("place", ["Gaza City", "Calder City", "Harlan County"])
def test_a_place_is_never_a_claimant(place):
    assert claimant_name(f"{place} said the water supply had run out.") is None


def test_a_pronoun_never_refers_forward_to_a_person_named_later():
    article = "He said the bridge was safe. Engineer Tom Ruiz inspected it in May."
    assert names(article) == [None, None]


def test_she_skips_a_man_to_reach_the_woman_who_spoke_before():
    article = (
        "Anna Berg said the mine employs 400 people. "
        "Mr. Tom Hale said it lost money in 2023. "
        "She said output doubled."
    )
    assert names(article) == ["Anna Berg", "Tom Hale", "Anna Berg"]


def test_a_sentence_that_names_its_own_speaker_does_not_inherit_the_last_one():
    article = "“Output doubled,” Anna Berg said. Tom Hale said it fell by a third."
    assert names(article) == ["Anna Berg", "Tom Hale"]


def test_a_quote_after_an_attributed_sentence_keeps_its_speaker():
    article = (
        "Union president Rosa Lind said pay was the lowest in the county. "
        "“We lost 90 teachers last year. Most of them went to the next district.”"
    )
    assert names(article) == ["Rosa Lind", "Rosa Lind", "Rosa Lind"]


def test_the_reporters_own_sentences_have_no_claimant():
    article = "Anna Berg said the mine employs 400 people.\n\nThe mine opened in 1962."
    assert names(article) == ["Anna Berg", None]


def test_the_speaker_of_a_transcript_line_says_every_sentence_of_it():
    article = (
        "HOST (Ida Moen): Minister, the line was due to open in 2024. It is still shut.\n\n"
        "LUND: We finished the tunnel in January. The line opens in June.\n\n"
        "HOST: The audit office said the cost had doubled."
    )
    assert names(article) == ["Ida Moen", "Ida Moen", "Lund", "Lund", "audit office"]


def test_a_dateline_is_not_a_transcript_speaker():
    assert claimant_name("LONDON: Prices rose 4 percent in May.") is None


def test_she_refers_back_to_a_woman_named_in_an_earlier_sentence_who_had_not_spoken():
    article = (
        "Senator Rhea Lund posted 11 messages on Sunday night. "
        "In the first, she wrote that ridership had collapsed by 40 percent."
    )
    assert names(article) == [None, "Rhea Lund"]


def test_he_skips_a_woman_whose_sentence_called_her_she():
    article = (
        "Trade Minister Oskar Fenn said exports rose 5 percent. "
        "Sabine Roux said her ministry had cut tariffs twice. "
        "He said steel exports were worth 640 million euros."
    )
    assert names(article) == ["Oskar Fenn", "Sabine Roux", "Oskar Fenn"]


def test_a_quote_with_posted_after_it_belongs_to_the_poster():
    article = "Rhea Lund met voters. “Ridership fell by 40 percent,” she posted on Sunday."
    assert names(article) == [None, "Rhea Lund"]


def test_a_speech_used_to_claim_something_is_the_speakers_claim():
    article = (
        "Mayor Ada Quist used her annual address on Monday to claim that crime fell 9 percent."
    )
    assert claimant_name(article) == "Ada Quist"


def test_a_record_seen_by_a_newspaper_is_not_the_newspapers_claim():
    article = "A council memo seen by the Herald shows the pool cost $2 million."
    assert claimant_name(article) == "a council memo"


def test_its_website_is_the_website_of_the_company_the_sentence_opens_with():
    article = (
        "Ledgerline, a data firm, tracks the fleet of Skyjet Airways. "
        "Skyjet cancelled 14 flights on Wednesday, its website showed."
    )
    assert names(article)[-1] == "Skyjet Airways"


def test_a_bracketed_party_and_ward_between_name_and_verb_are_skipped():
    article = (
        "Cllr Jo Marsh (Labour, Abbey ward), who voted against, said the site cost $4 million."
    )
    assert claimant_name(article) == "Jo Marsh"


def test_a_street_is_not_a_person_a_pronoun_can_refer_to():
    article = (
        "Detective Owen Hart said a car was seen on Mill Lane. "
        "The first call was logged at 11:52 p.m., he said."
    )
    assert names(article) == ["Owen Hart", "Owen Hart"]


def test_a_record_opening_the_sentence_speaks_for_the_body_that_published_it():
    article = "Figures from the ONS saw inflation fall to 3.2 per cent in March."
    assert claimant_name(article) == "ONS"


def test_an_adverb_before_the_role_is_not_part_of_the_speakers_title():
    article = (
        "Ruth Kell, the finance minister, said taxes rose 4 percent. "
        "Later the minister said spending fell by a tenth."
    )
    assert names(article) == ["Ruth Kell", "Ruth Kell"]
