"""A statement's names: institutions, places and people by the names the article gave them."""

import datetime

import pytest

from claims.detection import ArticleStatements, ClaimantMention, build_statement

WEDNESDAY = datetime.date(2024, 7, 10)
UTILITY = ClaimantMention(
    name="Northshore Water",
    kind="organization",
    aliases=("Northshore Water", "the utility", "the company"),
)


@pytest.mark.parametrize(
    ("named", "later", "statement"),
    [
        (
            "Plains State University asked for $4 million.",
            "Tuition at the university has risen 31 percent since 2013.",
            "Tuition at Plains State University has risen 31 percent since 2013.",
        ),
        (
            "Harwick City Council met on Monday.",
            "The council approved a $412,000 contract.",
            "Harwick City Council approved a $412,000 contract.",
        ),
        (
            "Harwick City Council met on Monday to set Harwick's budget.",
            "The city's reserves fell to 8 percent.",
            "Harwick's reserves fell to 8 percent.",
        ),
        # A city never named without "City" ("Kansas City") is not "the city" of its council.
        (
            "Kansas City Council met on Monday.",
            "The city's reserves fell to 8 percent.",
            "The city's reserves fell to 8 percent.",
        ),
        (
            "Voters in the city of Port Halvorsen elect a mayor on Tuesday.",
            "Violent crime in the city has fallen 15 percent since 2022.",
            "Violent crime in Port Halvorsen has fallen 15 percent since 2022.",
        ),
        # A name the article gives with its "the" keeps it, as does a description modifying a noun.
        (
            "The Eastbrook Police Department published its report.",
            "The department has 14 vacant officer positions.",
            "The Eastbrook Police Department has 14 vacant officer positions.",
        ),
        (
            "The National Bank of Serevia held rates.",
            "The bank sold $1.2 billion of reserves in August 2024.",
            "The National Bank of Serevia sold $1.2 billion of reserves in August 2024.",
        ),
        (
            "Turnout in Brannock County was 71 percent.",
            "In the county commission race, Lou Ferraro leads by 212 votes.",
            "In the Brannock County commission race, Lou Ferraro leads by 212 votes.",
        ),
        (
            "Margit Solberg was Veldmark's prime minister from 1991 to 1997.",
            "Eleven of the country's 19 rural districts lost population.",
            "Eleven of Veldmark's 19 rural districts lost population.",
        ),
        # A word opening the sentence is not part of the name.
        (
            "Yesterday Plains State University asked for $4 million.",
            "Tuition at the university has risen 31 percent since 2013.",
            "Tuition at Plains State University has risen 31 percent since 2013.",
        ),
        # Not a city's own name: "the city-owned utility" stays.
        (
            "Holmstad City Council met on Monday.",
            "The city-owned utility adds chlorine.",
            "The city-owned utility adds chlorine.",
        ),
    ],
)
def test_an_institution_named_earlier_is_named_for_its_short_form(named, later, statement):
    statements = ArticleStatements.of_article(f"{named}\n\n{later}", published_at=WEDNESDAY)
    assert statements.of_sentence(1) == statement


def test_a_country_two_names_could_be_is_left_alone():
    article = (
        "Veldmark's prime minister met Corland's president on Monday.\n\n"
        "The country's exports rose 4 percent in 2023."
    )
    statements = ArticleStatements.of_article(article, published_at=WEDNESDAY)
    assert statements.of_sentence(1) == "The country's exports rose 4 percent in 2023."


def test_a_short_form_two_named_institutions_share_is_left_alone():
    article = (
        "Harwick City Council met on Monday.\n\n"
        "Lindby City Council met on Tuesday.\n\n"
        "The council approved a $412,000 contract."
    )
    statements = ArticleStatements.of_article(article, published_at=WEDNESDAY)
    assert statements.of_sentence(2) == "The council approved a $412,000 contract."


@pytest.mark.parametrize(
    "sentence",
    [
        # "its" belongs to what the claim names before it, not to the source.
        "Kessaly imports about 70 percent of its gas, according to the water utility.",
        "Brenland has given its fleet a larger share, reports the water utility.",
    ],
)
def test_an_its_with_an_owner_in_the_claim_is_not_the_sources(sentence):
    assert "its" in build_statement(sentence, claimant=UTILITY).split()


@pytest.mark.parametrize(
    ("previous", "sentence", "statement"),
    [
        # Not the speaker: "he" in "she said he ..." or inside the speaker's own quotation.
        (
            "Graham Tulloch, 58, admitted fraud.",
            "She said he had lied to trustees at 23 meetings.",
            "Graham Tulloch lied to trustees at 23 meetings.",
        ),
        (
            "Graham Tulloch, 58, admitted fraud.",
            "Ms Rahman said: \u2018He took their savings.\u2019",
            "Graham Tulloch took their savings.",
        ),
    ],
)
def test_a_he_or_she_that_is_not_the_speaker_is_the_person_named_before(
    previous, sentence, statement
):
    speaker = ClaimantMention(
        name="Aisha Rahman", kind="person", aliases=("Aisha Rahman", "Rahman", "Ms Rahman")
    )
    people = frozenset({"Graham Tulloch", "Aisha Rahman"})
    assert (
        build_statement(sentence, claimant=speaker, previous=[previous], people=people) == statement
    )


@pytest.mark.parametrize(
    ("quote", "statement"),
    [
        (
            "Kestrel Foods sold its bakery in 2023. “We gained market share in every region in "
            "our 62-year history,” said chief executive Laura Brandt.",
            "Kestrel Foods gained market share in every region in its 62-year history.",
        ),
        # Without an organisation to speak for, "we" and "our" stay.
        (
            "“We gained market share in our 62-year history,” said Laura Brandt.",
            "We gained market share in our 62-year history.",
        ),
    ],
)
def test_a_speakers_our_after_their_organisation_is_its(quote, statement):
    statements = ArticleStatements.of_article(quote)
    assert statements.of_sentence(len(statements.sentences) - 1) == statement
