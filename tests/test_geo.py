"""Distances between places, and the plausibility warnings the loader gives for coordinates."""

import shutil
from pathlib import Path

import pytest

from blackjanuary import check
from blackjanuary.geo import describe_km, distances_text, km_between, place_warnings
from blackjanuary.models import Place

ROOT = Path(__file__).resolve().parent.parent


def place(**fields) -> Place:
    base = {"id": "p", "name": "P", "names": {"az": "P", "ru": "P"}, "kind": "point",
            "description": "d", "coordinates_ref": "r"}
    return Place.model_validate({**base, **fields})


def test_distance_between_neighbouring_places_on_the_hill(catalog):
    km = km_between(catalog.places["alley-of-martyrs"], catalog.places["tv-centre"])
    assert 0.3 < km < 0.6


def test_a_line_is_as_near_as_its_nearest_vertex(catalog):
    square = catalog.places["azadliq-square"]
    avenue = catalog.places["neftchiler-avenue"]
    assert km_between(square, avenue) < 0.3
    assert km_between(square, avenue) == km_between(avenue, square)


def test_panel_text_names_the_nearest_places_first(catalog):
    text = distances_text(catalog.places["alley-of-martyrs"], list(catalog.places.values()))
    assert text.startswith("440 m from State television centre")
    assert "Moscow" not in text


def test_a_place_beyond_baku_is_measured_from_baku(catalog):
    text = distances_text(catalog.places["permanent-representation-moscow"], list(catalog.places.values()))
    assert text == "1,931 km from Baku"


@pytest.mark.parametrize("km, words", [(0.44, "440 m"), (1.94, "1.9 km"), (1931.4, "1,931 km")])
def test_distances_in_words(km, words):
    assert describe_km(km) == words


@pytest.mark.parametrize(
    "fields, warning",
    [
        ({"lat": 49.88222, "lon": 40.39528}, "km from Baku's centre but in_baku is true"),
        ({"kind": "line", "path": [[40.36, 49.83], [40.37, 49.84], [40.45, 49.84]]}, "path jumps 8.9 km between points 2 and 3"),
    ],
)
def test_implausible_coordinates_are_warned_about(fields, warning):
    assert any(warning in w for w in place_warnings(place(**fields)))


def test_plausible_coordinates_give_no_warning():
    assert place_warnings(place(lat=40.40420, lon=49.80770)) == []
    assert place_warnings(place(lat=55.7594, lon=37.6033, in_baku=False)) == []


def test_the_loader_reports_a_swapped_place_as_a_warning_not_an_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    places = data / "places.yaml"
    text = places.read_text(encoding="utf-8").replace("lat: 40.40420\n  lon: 49.80770", "lat: 49.80770\n  lon: 40.40420")
    places.write_text(text, encoding="utf-8")
    catalog, problems = check(data)
    assert catalog is not None
    [warning] = [p for p in problems if "in_baku is true" in p.message]
    assert warning.severity == "warning" and warning.file.endswith("places.yaml") and warning.line > 0


def test_nearby_ranks_as_measuring_every_pair_would():
    """The sphere only rules places out: the nearest few and their distances are those of every geodesic."""
    import random

    from blackjanuary.geo import nearby

    rng = random.Random(7)
    places = [
        place(id=f"p{i}", lat=round(rng.uniform(40.33, 40.44), 5), lon=round(rng.uniform(49.76, 49.95), 5))
        for i in range(120)
    ]
    for one in places[:30]:
        every = sorted(((o, km_between(one, o)) for o in places if o.id != one.id), key=lambda r: (r[1], r[0].id))
        assert [(o.id, km) for o, km in nearby(one, places)] == [(o.id, km) for o, km in every[:4]]
    assert nearby(places[0], places[:1]) == []


def test_events_at_a_place_in_every_language(catalog):
    for lang in ("en", "az", "ru"):
        copy = catalog.in_language(lang)
        for place_id in copy.places:
            assert copy.events_at(place_id) == [e for e in copy.events if place_id in e.places]
