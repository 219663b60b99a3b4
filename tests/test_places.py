from assistant.places import demonym_place, places_in, speaks_of
from assistant.questions import asked_places


def test_places_are_countries_states_and_counties_named_for_themselves() -> None:
    assert places_in("How many bomb threats did polling places in Michigan receive?") == ["Michigan"]
    assert places_in("How much did LockBit demand from Fulton County, Georgia?") == ["Fulton County", "Georgia"]
    assert places_in("How did Iran respond, and what did West Virginia say?") == ["Iran", "West Virginia"]
    # Part of a longer name: a newspaper, a team, a publisher.
    assert places_in("What did The New York Times and The Washington Post report?") == []
    assert places_in("How did the Minnesota Vikings play?") == []
    assert places_in("What did Business Today | Latest News India report?") == []
    assert places_in("In Fulton County, how many polling places got threats?") == ["Fulton County"]  # not "In …"
    assert places_in("How many ballots did Arizona's Maricopa County count?") == ["Arizona", "Maricopa County"]
    assert places_in("Across Michigan, how many votes were cast in Georgia Tuesday?") == ["Michigan", "Georgia"]
    # The sources write "U.S.".
    assert places_in("How many ballots were counted in the United States?") == []


def test_a_place_is_spoken_of_in_its_own_words() -> None:
    assert speaks_of("Reporting listed Georgia, Michigan, Arizona and Wisconsin.", "Michigan")
    assert not speaks_of("Fulton County: 32 of the county's 177 polling places received threats.", "Michigan")
    assert speaks_of("Officials in New Hampshire said so.", "New Hampshire")
    assert speaks_of("North Korean hackers stole 1,200 emails.", "North Korea")  # its people's word
    assert speaks_of("Israeli officials said so.", "Israel")
    assert not speaks_of("The news desk in York said so.", "New York")
    assert speaks_of("Central Commission for Elections (Kyrgyz Republic)", "Kyrgyzstan")  # +stan
    assert speaks_of("A Maltese court ruled.", "Malta")
    assert not speaks_of("The Kyrgyz Republic", "Kazakhstan")
    # A name whose stem is short ("lao") is spoken of by all of it.
    assert speaks_of("Threadloom removes 1,850 fake accounts aimed at voters in Laos", "Laos")
    assert not speaks_of("The laboratory said so.", "Laos")


def test_a_peoples_word_names_its_country() -> None:
    assert demonym_place("Ghanaian") == "Ghana" and demonym_place("Kenyan") == "Kenya"
    assert demonym_place("Nigerian") == "Nigeria"  # not Niger
    assert demonym_place("Mexican") == "Mexico" and demonym_place("Taiwanese") == "Taiwan"
    assert demonym_place("Israeli") == "Israel" and demonym_place("Brazilian") == "Brazil"
    assert demonym_place("Kazakh") == "Kazakhstan" and demonym_place("Uzbek") == "Uzbekistan"  # +(i)stan
    assert demonym_place("Maltese") == "Malta" and demonym_place("Chinese") == "China"  # -a +ese
    assert demonym_place("Morgan") is None and demonym_place("Dean") is None and demonym_place("Ghana") is None
    # Words no ending makes, from each country's data: "What does …, according to the Lebanese report?"
    assert demonym_place("Lebanese") == "Lebanon" and demonym_place("Togolese") == "Togo"
    assert demonym_place("Mauritian") == "Mauritius" and demonym_place("Greek") == "Greece"
    assert demonym_place("Motswana") == "Botswana"
    assert demonym_place("Congolese") is None  # two countries' people: no one place
    assert demonym_place("Timorese") == demonym_place("East Timorese") == "Timor Leste"
    assert demonym_place("Lucian") is None and demonym_place("Island") is None  # "Saint Lucian", "Christmas Island"


def test_only_a_question_for_a_fact_asks_it_of_its_places() -> None:
    assert asked_places("How many ballots were counted in Pennsylvania?") == ["Pennsylvania"]
    # A claim to check, a choice, a comparison: the place may be worded otherwise, or each part has its own.
    assert asked_places("Does the article suggest that Dubai's desert offers tours in Qatar?") == []
    assert asked_places("Which came first: the leak in Ireland or the fake audio in Slovakia?") == []
    assert asked_places("How many records were taken in Montana, and how many in Idaho?") == []
    # Asked for a place inside it: "Maricopa County" answers without naming Arizona.
    assert asked_places("Which county in Arizona had ballot printer failures?") == []


def test_a_country_is_known_by_the_other_names_the_news_gives_it() -> None:
    """GeoNames calls it "Ivory Coast"; questions and sources write "Côte d'Ivoire", "Ivorian"."""
    assert places_in("Who made the fake audio before Côte d'Ivoire's municipal elections?") == ["Côte d'Ivoire"]
    assert speaks_of("Ivorian police opened an inquiry.", "Côte d'Ivoire")
    assert speaks_of("The clip spread ahead of the Ivory Coast vote.", "Cote d'Ivoire")
    assert speaks_of("Burma's election commission said so.", "Myanmar")
    assert not speaks_of("Cameroon's results portal went down.", "Côte d'Ivoire")


def test_another_place_whose_name_holds_the_place_is_not_it() -> None:
    """West Virginia's count does not answer a question about Virginia, nor Guinea-Bissau's about Guinea."""
    assert not speaks_of("West Virginia officials reported 14 threats.", "Virginia")
    assert speaks_of("Virginia and West Virginia both reported threats.", "Virginia")
    assert speaks_of("West Virginia officials reported 14 threats.", "West Virginia")
    assert not speaks_of("New Mexico's secretary of state said so.", "Mexico")
    assert not speaks_of("The Guinea-Bissau election commission said so.", "Guinea")
    assert not speaks_of("Papua New Guinea's electoral office said so.", "Guinea")
    assert not speaks_of("Observers in Nigeria said so.", "Niger")
    assert not speaks_of("New Jersey's clerks said so.", "Jersey")
    assert not speaks_of("South Sudan's election body said so.", "Sudan")
    # The capital is not the state, in a question or in a source.
    assert not speaks_of("Officials in Washington, D.C., said the portal was down.", "Washington")
    assert speaks_of("Washington state officials said the portal was down.", "Washington")
    assert places_in("What did officials in Washington, D.C. say about the outage?") == []
    assert places_in("How many ballots did Washington DC reject?") == []
    assert places_in("How many ballots did Washington reject?") == ["Washington"]
