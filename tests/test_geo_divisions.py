"""First-level divisions from the package's own table (``geo/data/places.tsv``)."""

from __future__ import annotations

from dyadline.geo import find_places, locate
from dyadline.text import segment


def test_chinese_provinces_are_divisions_not_towns():
    # "Hunan" is also the name of a small town in Fujian: the province is meant
    hunan = locate("Hunan")
    assert hunan is not None and hunan.feature == "admin1" and hunan.country == "CHN"
    assert abs(hunan.lat - 27.6) < 1.5 and abs(hunan.lon - 111.7) < 1.5
    text = "Bird flu spread from Anhui to Liaoning and Guangxi, officials said."
    places = find_places(segment(text))
    assert [(p.text, p.feature, p.country) for p in places] == [
        ("Anhui", "admin1", "CHN"), ("Liaoning", "admin1", "CHN"), ("Guangxi", "admin1", "CHN")]
