"""A claim's statement: the sentence without its quotes and attribution, standing on its own."""

import datetime

import pytest

from claims.detection import ArticleStatements, ClaimantMention, build_statement

WEDNESDAY = datetime.date(2024, 7, 10)
MAYOR = ClaimantMention(
    name="Maria Lindqvist", kind="person", aliases=("Maria Lindqvist", "Lindqvist", "the mayor")
)
UTILITY = ClaimantMention(
    name="Northshore Water",
    kind="organization",
    aliases=("Northshore Water", "the utility", "the company"),
)


def test_a_text_too_long_to_be_prose_is_kept_as_it_is_and_fast():
    dump = "Cell, 'x', " * 2000 + "he said."
    assert build_statement(dump) == " ".join(dump.split())


def test_an_article_gives_each_sentence_its_statement_with_what_came_before():
    article = (
        "Maria Lindqvist was elected mayor of Eastport in 2019.\n\n"
        "“The county lost 1,200 jobs last year,” Lindqvist said on Tuesday.\n\n"
        "She said the port had handled 3 million tonnes in 2023."
    )
    statements = ArticleStatements.of_article(article, published_at=WEDNESDAY)
    assert [statements.of_sentence(index) for index in range(3)] == [
        "Maria Lindqvist was elected mayor of Eastport in 2019.",
        "The county lost 1,200 jobs in 2023.",
        "The port handled 3 million tonnes in 2023.",
    ]


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("31 buses were withdrawn in 2023.", "Thirty-one buses were withdrawn in 2023."),
        ("98% of homes had power by noon.", "Ninety-eight percent of homes had power by noon."),
        ("7 of the 12 wards were full.", "Seven of the 12 wards were full."),
        # A year, a large number or a time stays in figures.
        ("2023 was the wettest year on record.", "2023 was the wettest year on record."),
        ("640 nurses left in 2023.", "640 nurses left in 2023."),
        ("6,310: homes completed in 2023.", "6,310: homes completed in 2023."),
        ("12.5 percent of homes flooded.", "12.5 percent of homes flooded."),
    ],
)
def test_a_number_opening_the_statement_is_spelled_out_in_news_style(sentence, statement):
    assert build_statement(sentence) == statement


@pytest.mark.parametrize("connective", ["By contrast,", "Nevertheless,", "As a result,"])
def test_a_connective_opening_the_sentence_goes(connective):
    assert build_statement(f"{connective} the port lost 300 jobs in 2023.") == (
        "The port lost 300 jobs in 2023."
    )


@pytest.mark.parametrize("aside", ["As you know,", "As we all know,", "Of course,", "Look,"])
def test_what_a_speaker_says_to_the_listeners_before_the_point_goes(aside):
    quote = f"\u201c{aside} the port lost 300 jobs in 2023,\u201d the mayor said."
    assert build_statement(quote) == "The port lost 300 jobs in 2023."


def test_a_word_that_only_looks_like_an_aside_stays():
    # "Well" without its comma is the well, not the speaker's pause.
    assert build_statement("Well water was tested in 2023.") == "Well water was tested in 2023."


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        (
            "Rents are still 12 percent higher than in 2021.",
            "Rents are 12 percent higher than in 2021.",
        ),
        ("Most homes can now get fibre broadband.", "Most homes can get fibre broadband."),
        ("The council also approved a 3 percent rise.", "The council approved a 3 percent rise."),
        # Set against a past the sentence names, or after "until", the adverb stays.
        (
            "The mill closed in 2019 and now operates as a museum.",
            "The mill closed in 2019 and now operates as a museum.",
        ),
        ("Prices had held until now.", "Prices had held until now."),
    ],
)
def test_adverbs_of_the_time_of_writing_go(sentence, statement):
    assert build_statement(sentence) == statement


HOLM = ClaimantMention(
    name="Lena Holm", kind="person", aliases=("Lena Holm", "Holm", "Finance Minister")
)
NURSE = ClaimantMention(name="Ola Dahl", kind="person", aliases=("Ola Dahl", "Dahl"))
LINDQVIST = frozenset({"Maria Lindqvist", "Lindqvist"})


@pytest.mark.parametrize(
    ("sentence", "context", "statement"),
    [
        # Quotation marks and the attribution around and inside them.
        # A quote broken by its attribution is made whole.
        (
            "“Water use fell by a fifth,” she said, “and leaks halved.”",
            {},
            "Water use fell by a fifth, and leaks halved.",
        ),
        # The last sentence of a quote keeps no mark.
        ("Leaks halved in two years.”", {}, "Leaks halved in two years."),
        # The first sentence of a quote keeps no mark.
        ("“Leaks halved in two years.", {}, "Leaks halved in two years."),
        # Apostrophes are not quotation marks.
        (
            "The players' union didn't sign the 2022 deal, it said.",
            {},
            "The players' union didn't sign the 2022 deal.",
        ),
        # An apostrophe inside single quotation marks stays.
        (
            "\u2018The council\u2019s budget rose 4 per cent,\u2019 he said.",
            {},
            "The council\u2019s budget rose 4 per cent.",
        ),
        # A speech verb used as a noun is not an attribution.
        (
            "By then, the hotline had received 19 reports of contaminated water.",
            {},
            "By then, the hotline had received 19 reports of contaminated water.",
        ),
        # An appositive with an age belongs to the attribution.
        (
            "Okafor, 52, also said unemployment stood at 9 percent.",
            {},
            "Unemployment stood at 9 percent.",
        ),
        # A quotation after the hearer stays in the claim.
        (
            "Okafor told the Courier the ward had seen 'the busiest May on record', with 900 visits.",
            {},
            "The ward saw the busiest May on record, with 900 visits.",
        ),
        # A rebuttal keeps the claim it makes.
        (
            "The ministry disputed the figure, saying school funding had risen 3 percent.",
            {},
            "School funding rose 3 percent.",
        ),
        # A recommendation with its reason is not a rebuttal.
        (
            "Planning officers recommended approval, saying the scheme met local rules.",
            {},
            "Planning officers recommended approval, saying the scheme met local rules.",
        ),
        # A transcripts speaker label is attribution.
        ("OKAFOR: We built 300 homes in 2022.", {}, "We built 300 homes in 2022."),
        # An opening participle without attribution stays.
        (
            "Trading volumes on the exchange fell 8 percent in 2023.",
            {},
            "Trading volumes on the exchange fell 8 percent in 2023.",
        ),
        # A finding reported with its source loses both frames.
        (
            "An inquiry into the collapse has found that inspectors missed three cracks, "
            "according to a report published by the Safety Board.",
            {},
            "Inspectors missed three cracks.",
        ),
        # The speaker's own words for themselves and what they speak for.
        # The claimant replaces the pronoun their attribution points to.
        (
            "It said it had cut 400 jobs since 2021.",
            {"claimant": UTILITY},
            "Northshore Water has cut 400 jobs since 2021.",
        ),
        # The claimant replaces the possessive their attribution points to.
        (
            "The utility said its profit rose to $40 million.",
            {"claimant": UTILITY},
            "Northshore Water's profit rose to $40 million.",
        ),
        # The speakers own its names the speaker.
        (
            "It said sales in its water division grew 5 percent.",
            {"claimant": UTILITY},
            "Sales in Northshore Water's water division grew 5 percent.",
        ),
        # The speakers i becomes their name when the verb still agrees.
        (
            "I have cut the waiting list by half since 2021.",
            {"claimant": MAYOR},
            "Maria Lindqvist has cut the waiting list by half since 2021.",
        ),
        # The speakers i stays when the verb would not agree.
        ("I think the port lost money.", {"claimant": MAYOR}, "I think the port lost money."),
        # A pronoun for someone else than the speaker with nobody named is left alone.
        (
            "She said he had spent $2 million on the bridge.",
            {"claimant": MAYOR},
            "He spent $2 million on the bridge.",
        ),
        # A speakers our is the organisation named in their role.
        (
            "“Our median response time is now two hours,” Berg said.",
            {
                "claimant": ClaimantMention(
                    name="Ama Berg",
                    kind="person",
                    aliases=("Ama Berg", "Berg", "Streamly's head of safety"),
                )
            },
            "Streamly's median response time is two hours.",
        ),
        # A speaker whose organisation the article does not give keeps we.
        (
            "“We had four nurses for 30 patients,” Dahl said.",
            {"claimant": NURSE},
            "We had four nurses for 30 patients.",
        ),
        # The speakers my in their quotation is their name.
        (
            "“Two beds closed on my ward in 2023,” Dahl said.",
            {"claimant": NURSE},
            "Two beds closed on Ola Dahl's ward in 2023.",
        ),
        # A spokespersons its is the organisation they speak for.
        (
            "A spokesman for the Port Authority said its budget excluded dredging.",
            {
                "claimant": ClaimantMention(
                    name="a spokesman for the Port Authority",
                    kind="person",
                    aliases=("a spokesman for the Port Authority",),
                )
            },
            "The Port Authority's budget excluded dredging.",
        ),
        # A ministers we is the government.
        (
            "“We have cut the deficit every year since 2021,” Holm said.",
            {"claimant": HOLM},
            "The government has cut the deficit every year since 2021.",
        ),
        # The organisation for we takes the verb in the third person.
        (
            "“We spend 60p in every pound on care,” Moss said.",
            {
                "claimant": ClaimantMention(
                    name="Rita Moss", kind="person", aliases=("Rita Moss", "Moss", "council leader")
                )
            },
            "The council spends 60p in every pound on care.",
        ),
        # An organisation standing for it keeps its article.
        (
            "The Rail Safety Board said on Monday that it had opened an inquiry.",
            {
                "claimant": ClaimantMention(
                    name="Rail Safety Board", kind="organization", aliases=("Rail Safety Board",)
                )
            },
            "The Rail Safety Board opened an inquiry.",
        ),
        # It beside an according to source is not the source.
        (
            "It is the fourth fire on the ferry since 2020, according to the Harbour Safety Board.",
            {
                "claimant": ClaimantMention(
                    name="Harbour Safety Board",
                    kind="organization",
                    aliases=("Harbour Safety Board",),
                )
            },
            "It is the fourth fire on the ferry since 2020.",
        ),
        # Names the article gave before.
        # A speaker named by surname gets the full name the article gave.
        (
            "Lindqvist won 54 percent of the vote in 2019.",
            {"known": [MAYOR]},
            "Maria Lindqvist won 54 percent of the vote in 2019.",
        ),
        # A surname inside another name is not expanded.
        (
            "Lindqvist Park reopened in 2021 after repairs.",
            {"known": [MAYOR]},
            "Lindqvist Park reopened in 2021 after repairs.",
        ),
        # An organisation named by description gets its name.
        (
            "The utility raised prices by 9 percent in 2023.",
            {"known": [UTILITY]},
            "Northshore Water raised prices by 9 percent in 2023.",
        ),
        # A leading pronoun: what the sentences before name, never what comes after.
        # A leading pronoun is the person last named before it.
        (
            "She cut the city's debt by a third.",
            {
                "previous": ["Maria Lindqvist was elected mayor of Eastport in 2019."],
                "people": LINDQVIST,
            },
            "Maria Lindqvist cut the city's debt by a third.",
        ),
        # A pronoun never points forward.
        (
            "She cut the city's debt by a third.",
            {"previous": [], "people": LINDQVIST},
            "She cut the city's debt by a third.",
        ),
        # A leading his or her is the person last named before it.
        (
            "Her government cut the city's debt by a third.",
            {
                "previous": ["Anna Berg was elected mayor of Eastport in 2019."],
                "people": frozenset({"Anna Berg", "Berg"}),
            },
            "Anna Berg's government cut the city's debt by a third.",
        ),
        # A name inside an organisations name is not the person last named.
        (
            "He took 200,000 from the charity.",
            {
                "previous": ["Donations to the Little Harbour Trust fell 20 percent in 2023."],
                "people": frozenset({"Little Harbour"}),
            },
            "He took 200,000 from the charity.",
        ),
        # The subject before an apposition is what it stands for.
        (
            "It is the largest in the fleet.",
            {"previous": ["The new ferry, named Sea Lark, carries 300 passengers."]},
            "The new ferry is the largest in the fleet.",
        ),
        # It after an according to opener is the subject before.
        (
            "According to the operator's release, it is the largest in the fleet.",
            {"previous": ["The new ferry was launched in 2023."]},
            "The new ferry is the largest in the fleet.",
        ),
        # A that after an only figure is left alone.
        (
            "That ranks the hospital last in the region.",
            {"previous": ["Only 54 percent of patients were seen within four hours in May."]},
            "That ranks the hospital last in the region.",
        ),
        # A leading its is the subject of the sentence before.
        (
            "Its equilibrium temperature is estimated at about 390 degrees Celsius.",
            {"previous": ["The planet, designated HLD-217 b, completes an orbit every 11.3 days."]},
            "The planet's equilibrium temperature is estimated at about 390 degrees Celsius.",
        ),
        # A leading its after a name is left alone.
        (
            "Its equilibrium temperature is estimated at about 390 degrees Celsius.",
            {"previous": ["Northwind Energy completes an orbit every 11.3 days."]},
            "Its equilibrium temperature is estimated at about 390 degrees Celsius.",
        ),
        # Dates.
        # A season the text does not pin down stays.
        (
            "Rents rose 4 percent this winter.",
            {"published_at": WEDNESDAY},
            "Rents rose 4 percent this winter.",
        ),
        # A date that modifies a noun gets its year but no preposition.
        (
            "Members must submit evidence to regulators before the March 31 deadline.",
            {"published_at": datetime.date(2026, 3, 2)},
            "Members must submit evidence to regulators before the March 31, 2026 deadline.",
        ),
        # An attribution inside a relative clause goes; the clause stays.
        (
            "The council approved a parking fee, which Ramsey said will raise $4 million a year.",
            {},
            "The council approved a parking fee, which will raise $4 million a year.",
        ),
    ],
)
def test_the_statement_of_a_sentence(sentence, context, statement):
    assert build_statement(sentence, **context) == statement


@pytest.mark.parametrize(
    ("article", "index", "statement"),
    [
        # A person named in full earlier is named in full later.
        (
            "Council member Tomas Berg won the Eastport mayoral race on Tuesday.\n\n"
            "Berg took 58 percent of the vote, according to results posted by the county.",
            1,
            "Tomas Berg took 58 percent of the vote.",
        ),
        # A place or a shared surname is not taken for a person.
        (
            "Dockworkers Union Lindby and Anna Lindby met in Lindby on Monday.\n\n"
            "Lindby lost 400 port jobs in 2023, the union said.",
            1,
            "Lindby lost 400 port jobs in 2023.",
        ),
        # A company named in full earlier is named in full later.
        (
            "Harbourline Ferries carried 2.1 million passengers in 2023, its annual report shows."
            "\n\nHarbourline shares fell 6 percent on Tuesday.",
            1,
            "Harbourline Ferries shares fell 6 percent on July 9, 2024.",
        ),
        # A town sharing a companys first word is left alone.
        (
            "Ostby Energy opened a wind farm near the town in 2022.\n\n"
            "Unemployment in Ostby fell to 4 percent in 2023.",
            1,
            "Unemployment in Ostby fell to 4 percent in 2023.",
        ),
        # The company is the articles one company.
        (
            "Harbourline Ferries carried 2.1 million passengers in 2023.\n\n"
            "The company employs 900 people, according to its annual report.",
            1,
            "Harbourline Ferries employs 900 people.",
        ),
        # With two companies named the company could be either.
        (
            "Harbourline Ferries carried 2.1 million passengers in 2023.\n\n"
            "The company employs 900 people, according to its annual report.\n\n"
            "Larkspur Systems bought 12 of its ferries in 2022.\n\n"
            "The company's revenue rose 4 percent in 2023, according to the filing.",
            3,
            "The company's revenue rose 4 percent in 2023.",
        ),
        # A name ending in s takes an apostrophe alone.
        (
            "Larkspur Systems launched its first rocket in 2022.\n\n"
            "It was the company's third launch, according to the filing.",
            1,
            "It was Larkspur Systems' third launch.",
        ),
        # A company roles we is the articles company.
        (
            "Harbourline Ferries reported a loss of 4 million in 2023.\n\n"
            "“We lost 90,000 passengers in three months,” chief executive Mara Holt said.",
            1,
            "Harbourline Ferries lost 90,000 passengers in three months.",
        ),
        # A speaker named in full before saying it is named in full when the sentence uses the
        # surname, and "which he said" inside the claim goes.
        (
            "Mayor Jacob Ramsey unveiled his budget on Tuesday.\n\n"
            "Ramsey has pledged to add $25 million to the police budget, which he said would "
            "pay for 200 more officers.",
            1,
            "Jacob Ramsey has pledged to add $25 million to the police budget, which would pay "
            "for 200 more officers.",
        ),
    ],
)
def test_the_statement_of_an_articles_sentence(article, index, statement):
    statements = ArticleStatements.of_article(article, published_at=WEDNESDAY)
    assert statements.of_sentence(index) == statement


def _statements(article: str) -> list[str]:
    statements = ArticleStatements.of_article(article, published_at=datetime.date(2026, 12, 6))
    return [statements.of_sentence(index) for index in range(len(statements.sentences))]


@pytest.mark.parametrize(
    ("article", "statement"),
    [
        (
            "Meridian Offshore, a U.S.-based developer, won three contracts in 2024. It intends "
            "to bid for the 2027 auction.",
            "Meridian Offshore intends to bid for the 2027 auction.",
        ),
        (
            "Meridian Offshore won three contracts in 2024. It intends to bid for the 2027 "
            "auction, it said.",
            "Meridian Offshore intends to bid for the 2027 auction.",
        ),
        (
            "Kestrel Foods cut 300 jobs in 2025. It reported a loss of $41 million for the "
            "quarter.",
            # A reported result is stated as the result.
            "Kestrel Foods had a loss of $41 million for the quarter.",
        ),
        (
            "The finance ministry welcomed the decision. It cut its deficit to 2 percent in 2025.",
            "The finance ministry cut its deficit to 2 percent in 2025.",
        ),
    ],
)
def test_it_opening_a_sentence_is_the_institution_the_sentence_before_opened_with(
    article, statement
):
    assert _statements(article)[-1] == statement


@pytest.mark.parametrize(
    "article",
    [
        "It reported a loss of $41 million. Kestrel Foods cut 300 jobs in 2025.",
        "Kestrel Foods cut 300 jobs in 2025. It was the third round of cuts in two years.",
        "Kestrel Foods cut 300 jobs in 2025. It took two years to sell the plant.",
    ],
)
def test_it_is_left_alone_when_it_points_forward_or_is_no_company(article):
    assert any(statement.startswith("It ") for statement in _statements(article))


@pytest.mark.parametrize(
    ("article", "statement"),
    [
        # The person last named is a "she": "he" is not her, and nobody else is named.
        (
            "Prosecutor Aisha Rahman said she had read the accounts. "
            "She said he spent 40,000 pounds on gambling in 2019.",
            "He spent 40,000 pounds on gambling in 2019.",
        ),
        # "he" is not Ms Aasen, and the article never says whether Brekke is a "he".
        (
            "Ms Karin Aasen met Nils Brekke on Monday. Aasen said he voted for the line in 2021.",
            "He voted for the line in 2021.",
        ),
        # Once the article has called him "Mr Brekke", "he" is Nils Brekke.
        (
            "Nils Brekke called the project a waste, Mr Brekke told reporters. "
            "He voted for it in 2021.",
            "Nils Brekke voted for it in 2021.",
        ),
        # "she" skips the man named last for the woman named before him.
        (
            "Ms Maria Lindqvist met Tomas Brill on Monday. "
            "Mr Brill left early. She signed the port contract in 2023.",
            "Maria Lindqvist signed the port contract in 2023.",
        ),
    ],
)
def test_he_or_she_becomes_only_a_person_the_article_gives_that_gender(article, statement):
    statements = ArticleStatements.of_article(article)
    assert statements.of_sentence(len(statements.sentences) - 1) == statement


@pytest.mark.parametrize(
    ("article", "statement"),
    [
        # A second bank under a name that does not end in "Bank": "the bank" could be either.
        (
            "Nordvik Bank raised its mortgage rate in 2023. The Riksbank raised its policy rate "
            "in 2023. The bank's profit rose 12 percent in 2023.",
            "The bank's profit rose 12 percent in 2023.",
        ),
        # The one bank the article names is the bank.
        (
            "The Riksbank raised its policy rate in 2023. The bank's profit rose 12 percent in "
            "2023.",
            "The Riksbank's profit rose 12 percent in 2023.",
        ),
        (
            "The Harbour Workers Union called a strike in 2023. The country joined the "
            "European Union in 1995. The union has 4,000 members.",
            "The union has 4,000 members.",
        ),
    ],
)
def test_a_short_form_two_institutions_could_take_stays_as_written(article, statement):
    statements = ArticleStatements.of_article(article)
    assert statements.of_sentence(len(statements.sentences) - 1) == statement
