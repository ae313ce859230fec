"""A statement without the reporting around its claim: quotation marks, attribution, frames, the tense of reported speech."""

import pytest

from claims.detection import ClaimantMention, build_statement


@pytest.mark.parametrize(
    "sentence",
    [
        # Attribution after the claim: a pronoun, a name, a role, inverted, with a hearer.
        '"The county lost 1,200 jobs in 2023," he said.',
        "“The county lost 1,200 jobs in 2023,” Lindqvist said.",
        "“The county lost 1,200 jobs in 2023,” said Lindqvist.",
        "The county lost 1,200 jobs in 2023, the mayor's spokesman acknowledged.",
        "The county lost 1,200 jobs in 2023, Lindqvist told reporters on Monday.",
        "The county lost 1,200 jobs in 2023, Maria Lindqvist, the mayor, said.",
        "The county lost 1,200 jobs in 2023, said Maria Lindqvist, a former banker.",
        "The county lost 1,200 jobs in 2023, the mayor's spokesman, Tom Reyes, said.",
        "The county lost 1,200 jobs in 2023, said economist Ana Ruiz, who advises the council.",
        "The county lost 1,200 jobs in 2023, she tweeted.",
        # The press and data as the source.
        "The county lost 1,200 jobs in 2023, reports the Harbour Gazette.",
        "The county lost 1,200 jobs in 2023, Channel 9 reports.",
        "The county lost 1,200 jobs in 2023, figures from the statistics office show.",
        "The county lost 1,200 jobs in 2023, according to the statistics office.",
        # Attribution before the claim.
        "According to the statistics office, the county lost 1,200 jobs in 2023.",
        "Lindqvist said that the county lost 1,200 jobs in 2023.",
        "Lindqvist said the county lost 1,200 jobs in 2023.",
        "Maria Lindqvist, the mayor, told the Harbour Gazette that the county lost 1,200 jobs in 2023.",
        "Maria Lindqvist, mayor of Eastport, said: “The county lost 1,200 jobs in 2023.”",
        "In a statement, the mayor's office said the county lost 1,200 jobs in 2023.",
        "Lindqvist said after the hearing that the county lost 1,200 jobs in 2023.",
        "Lindqvist insisted, however, that the county lost 1,200 jobs in 2023.",
        "Lindqvist testified before the committee on Monday that the county lost 1,200 jobs in 2023.",
        # UK style: single quotes, "told the BBC:".
        "Ms Lindqvist told the BBC: 'The county lost 1,200 jobs in 2023.'",
        "'The county lost 1,200 jobs in 2023,' she said.",
        "\u2018The county lost 1,200 jobs in 2023,\u2019 Ms Lindqvist said.",
    ],
)
def test_the_attribution_and_the_quotation_marks_go(sentence):
    assert build_statement(sentence) == "The county lost 1,200 jobs in 2023."


@pytest.mark.parametrize(
    "sentence",
    [
        "The company reported a fire at its plant in the quarter.",
        "The council announced 40 new bus routes in 2022.",
        "Senator Okafor posted a video of the flooded road in May 2021.",
        "Police said nothing about the 14 arrests made in 2020.",
        "The report found 31 schools in the district had no nurse in 2022.",
    ],
)
def test_a_reporters_own_sentence_stays_as_it_is(sentence):
    assert build_statement(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # A live blog's time stamp, a round-up's section label.
        (
            "9:05 a.m. — Turnout in Eastport reached 64 percent.",
            "Turnout in Eastport reached 64 percent.",
        ),
        (
            "10:40 p.m., on Nov. 5 — Polls in Eastport closed at 8 p.m.",
            "Polls in Eastport closed at 8 p.m.",
        ),
        (
            "Ostravia: According to the Daily Courant, the delegation left the summit early.",
            "The delegation left the summit early.",
        ),
        # What the speaker was doing before saying it.
        (
            "Opening the debate, Maria Lindqvist said the port lost 300 jobs in 2023.",
            "The port lost 300 jobs in 2023.",
        ),
        (
            "Cross-examining, Anna Berg asserted that the pump failed twice.",
            "The pump failed twice.",
        ),
        # The speaker's next point after the claim, a parenthetical attribution.
        (
            "Power was cut to 40,000 homes, the utility said, adding that it expected repairs soon.",
            "Power was cut to 40,000 homes.",
        ),
        (
            "Sales fell 3 percent in 2023, reports the Harbour Gazette, citing a trade survey.",
            "Sales fell 3 percent in 2023.",
        ),
        (
            "In the 1990s, she said, the shelter housed 200 families a year.",
            "In the 1990s the shelter housed 200 families a year.",
        ),
        (
            "Berg rejected that, saying the figure included 2 million in grants.",
            "The figure included 2 million in grants.",
        ),
    ],
)
def test_the_reporting_frame_around_a_claim_goes(sentence, statement):
    assert build_statement(sentence) == statement


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # Reported speech shifts the tense back; the claim is in the speaker's tense.
        (
            "She said the clinic had cut 40 jobs since 2021.",
            "The clinic has cut 40 jobs since 2021.",
        ),
        (
            "He said prices had risen 8 percent since May 2022.",
            "Prices have risen 8 percent since May 2022.",
        ),
        ("He said the pump had failed in March 2022.", "The pump failed in March 2022."),
        ("Officials said the ferry had sunk in 2019.", "The ferry sank in 2019."),
        ("She said 31 buses had now arrived.", "Thirty-one buses have arrived."),
        # Each verb of the clause, whatever its form and however the subject is built.
        (
            "He said the firm had repaid £41,000 and had sold its yard.",
            "The firm repaid £41,000 and sold its yard.",
        ),
        ("She said 214 homes had been flooded.", "214 homes were flooded."),
        (
            "She said the agency had pre-positioned 1.2 million litres of water.",
            "The agency pre-positioned 1.2 million litres of water.",
        ),
        (
            "He said trade between the two countries had doubled since 2015.",
            "Trade between the two countries has doubled since 2015.",
        ),
        (
            "She said 94 percent of officers had been trained since 2021.",
            "Ninety-four percent of officers have been trained since 2021.",
        ),
        (
            "She said the wall, completed in 2022, had been designed for a one-in-75-year flood.",
            "The wall, completed in 2022, was designed for a one-in-75-year flood.",
        ),
        ("The paper noted that the town had not been invited.", "The town was not invited."),
        # A quotation that opens after "had" is the speaker's word, not their tense.
        (
            'She wrote that ridership had "collapsed by 40%" since 2019.',
            "Ridership has collapsed by 40% since 2019.",
        ),
        (
            'She tweeted that the government had "quietly" cut $1.2 billion from rail.',
            "The government quietly cut $1.2 billion from rail.",
        ),
        # "said X and that Y": the second reported clause joins the first.
        (
            "She said the site had been empty since 2016 and that no developer had come forward.",
            "The site has been empty since 2016, and no developer has come forward.",
        ),
        (
            "He said rents rose 9 percent and that the city built 400 homes in 2023.",
            "Rents rose 9 percent, and the city built 400 homes in 2023.",
        ),
    ],
)
def test_reported_speech_is_put_back_in_the_speakers_tense(sentence, statement):
    assert build_statement(sentence) == statement


@pytest.mark.parametrize(
    "sentence",
    [
        # A quotation keeps its own tense; "had" as the verb itself stays.
        "“The clinic had cut 40 jobs since 2021,” she said.",
        "She said the clinic had debts of 2 million in 2021.",
        "She said the clinic had to close in 2021.",
        "\u2018The clinic had cut 40 jobs since 2021,\u2019 she said.",
    ],
)
def test_a_had_that_is_not_a_backshift_stays(sentence):
    assert " had " in build_statement(sentence)


def test_a_speaker_in_the_middle_of_the_claim_is_attribution_too():
    carvalho = ClaimantMention(name="Ines Carvalho", kind="person", aliases=("Carvalho",))
    sentence = "Her team's survey found no salt, she noted, because it used only 30 nights of data."
    assert build_statement(sentence, claimant=carvalho) == (
        "Ines Carvalho's team's survey found no salt because it used only 30 nights of data."
    )
    sentence = "The team used archival spectra, she explained, combining 212 nights of data."
    assert build_statement(sentence, claimant=carvalho) == (
        "The team used archival spectra, combining 212 nights of data."
    )


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # Who the source is goes with it.
        (
            "According to the Marine Statistics Office, which publishes figures every quarter, "
            "mackerel made up 37 percent of landings in 2024.",
            "Mackerel made up 37 percent of landings in 2024.",
        ),
        (
            "According to Jornal da Manh\u00e3, the leading daily, which has been critical of the "
            "government, the minister left the summit a day early.",
            "The minister left the summit a day early.",
        ),
        # A court report's source; a transcript's label with the speaker's name; whom the
        # speaker addresses; the speaker's comment on their own claim.
        (
            "The widow paid \u00a319,500 for a roof that was never started, the court heard.",
            "The widow paid \u00a319,500 for a roof that was never started.",
        ),
        (
            "PRESENTER (Mikkel Hovde): Minister, the northern line was supposed to open in 2024.",
            "The northern line was supposed to open in 2024.",
        ),
        (
            "\u201cLows never dropped below 80 on 19 nights, and that's what really hurts people,\u201d "
            "she said.",
            "Lows never dropped below 80 on 19 nights.",
        ),
        # A named source between the claim and its consequence; a role before an inverted
        # speaker's name; a long account of where the source said it.
        (
            "Wages rose 6.8 percent, the statistics office said last month, meaning real pay grew.",
            "Wages rose 6.8 percent, meaning real pay grew.",
        ),
        (
            "Ridership averaged six passengers per trip, said transit manager Howard Quist.",
            "Ridership averaged six passengers per trip.",
        ),
        (
            "Chatterly removed 48.3 million posts, the company said in its twice-yearly "
            "transparency report on Tuesday.",
            "Chatterly removed 48.3 million posts.",
        ),
        # Outside the speaker's own words, a name before an apposition and a comparison with a
        # figure are the claim's.
        (
            "Jones said Mayor Smith, who took office in 2019, cut taxes by 3 percent.",
            "Mayor Smith, who took office in 2019, cut taxes by 3 percent.",
        ),
        (
            "\u201cPrices rose 5 percent, and that is the most since 2008,\u201d she said.",
            "Prices rose 5 percent, and that is the most since 2008.",
        ),
        # A fact-check's verdict before the fact it checks.
        (
            "That is accurate: the increases took effect in January 2021 and July 2022.",
            "The increases took effect in January 2021 and July 2022.",
        ),
    ],
)
def test_what_frames_the_claim_goes(sentence, statement):
    assert build_statement(sentence) == statement
