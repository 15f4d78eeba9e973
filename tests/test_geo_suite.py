"""The geo suite on a small sample of LGL, GeoWebNews and GeoVirus (skipped without the data)."""

from __future__ import annotations

import pytest

from dyadline.evaluation import SUITES, default_data_dir
from dyadline.evaluation.geo import SUBDIR, auc, haversine, run

DATA = default_data_dir()


def test_haversine_and_auc():
    assert haversine(55.7522, 37.6156, 55.7522, 37.6156) == 0.0
    assert abs(haversine(48.8534, 2.3488, 51.5085, -0.1257) - 343) < 10  # Paris-London, ~343 km
    assert auc([0.0, 0.0]) == 0.0
    assert abs(auc([20039.0]) - 1.0) < 1e-4


def test_suite_registered():
    assert SUITES["geo"] == "dyadline.evaluation.geo:run"


@pytest.mark.shared
@pytest.mark.skipif(not (DATA / SUBDIR / "lgl.xml").exists(),
                    reason=f"geo gold not found in {DATA / SUBDIR} (../shared/data)")
def test_geo_suite_sample():
    result = run(DATA, sample=40)
    m = result.metrics
    assert result.counts["lgl_docs"] == 40
    # floors a little below the figures measured on the first 40 articles of each corpus
    assert m["lgl_acc161"] >= 0.85  # measured 0.879
    assert m["gwn_acc161"] >= 0.75  # 0.787
    assert m["lgl_span_f1"] >= 0.77  # 0.809
    assert m["gwn_span_f1"] >= 0.73  # 0.766
    assert m["lgl_median_km"] < 50
    assert 0.0 <= m["lgl_auc"] < 0.3
    if "geovirus_acc161" in m:
        assert m["geovirus_span_f1"] >= 0.78  # 0.825
        assert m["geovirus_acc161"] >= 0.74  # 0.778
