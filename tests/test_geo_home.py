"""The article's home place: where names the gazetteer lacks (streets, buildings) are put."""

from __future__ import annotations

from dyadline.geo import locate
from dyadline.geo.gazetteer import Entry
from dyadline.geo.home import home_place


def town(name: str, admin1: str, geonameid: int, feature: str = "city") -> Entry:
    return Entry(geonameid, name, "USA", 30.0, -90.0, 1000, feature, admin1)


def test_home_is_the_town_named_most_with_its_state():
    orleans, franklin = town("New Orleans", "US.LA", 1), town("Franklin", "US.IN", 2)
    lafourche, louisiana = town("Lafourche", "US.LA", 3), town("Louisiana", "US.LA", 4, "admin1")
    # Franklin is named twice, New Orleans once, but New Orleans' state is named around it
    entries = [orleans, franklin, franklin, louisiana, lafourche, louisiana]
    assert home_place([(e, False) for e in entries]) is orleans
    assert home_place([(franklin, False), (orleans, False)]) is franklin  # a tie: the first named
    assert home_place([(louisiana, False)]) is louisiana  # no town: the division
    assert home_place([]) is None


def test_home_prefers_cued_mentions_and_the_actors_countries():
    adrian = town("Adrian", "US.MI", 5)
    derry = Entry(6, "Derry", "GBR", 55.0, -7.3, 90000, "city", "GB.NIR")
    # "Adrian said ... in Derry": the cued mention outweighs the bare one named first
    assert home_place([(adrian, False), (derry, True)]) is derry
    assert home_place([(adrian, False), (derry, False)]) is adrian
    # named as often, the town in a country the article's actors belong to is the home
    assert home_place([(adrian, False), (derry, False)], ["GBR"]) is derry


def test_a_street_the_gazetteer_lacks_lies_in_the_article_town():
    text = ("Bakersfield police closed Qwertyuiop Street on Monday. The Bakersfield city council "
            "will meet in Bakersfield on Friday.")
    street = locate("Qwertyuiop Street", [], context=text)
    assert street is not None and street.name == "Bakersfield"
    assert locate("Qwertyuiop Street") is None  # without an article: nothing to go by


def test_a_site_named_after_a_person_lies_in_the_article_town():
    text = ("The Carnegie Library on Magazine Street reopened in New Orleans. New Orleans "
            "officials said the New Orleans library had been closed since the storm.")
    library = locate("Carnegie Library", [], context=text)
    assert library is not None and library.name == "New Orleans"
    # a state's name in a site's name is its place, wherever the article is
    university = locate("Arizona State University", [], context=text)
    assert university is not None and university.name == "Arizona"


def test_a_great_city_in_a_site_name_is_its_place():
    text = ("Lawyers in Lucknow protested on Monday. Lucknow police said the Lucknow bar would "
            "appeal to the Delhi High Court.")
    court = locate("Delhi High Court", ["IND"], context=text)
    assert court is not None and court.name != "Lucknow" and court.country == "IND"
    assert abs(court.lat - 28.6) < 0.5
