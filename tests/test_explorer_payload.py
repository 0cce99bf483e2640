"""The Explore component's payload, built without Streamlit: what each step shows, as JSON."""

import json
import re
from pathlib import Path

import pytest

from blackjanuary.explorer import (
    LONG,
    OPEN_END,
    PRECISE,
    SINGLE,
    TEST_HOOKS_ENV,
    bundle_name,
    component_data,
    explorer_payload,
    payload_bytes,
    step_changes,
)
from blackjanuary.maps import fit_view
from blackjanuary.range_view import range_view
from blackjanuary.style import EXPLORE_MAP_HEIGHT
from blackjanuary.timeline import format_local


@pytest.fixture(scope="module")
def night(real):
    return range_view(real, "night")


@pytest.fixture(scope="module")
def payload(night):
    return explorer_payload(night, "en")


def test_it_is_plain_json(payload):
    assert json.loads(payload_bytes(payload)) == payload


def test_one_entry_per_step_with_words_for_the_slider(night, payload):
    assert [s["t"] for s in payload["steps"]] == [format_local(s) for s in night.steps]
    assert payload["steps"][8] == {
        "t": "1990-01-20T02:00", "label": "02:00", "words": "Sat 20 Jan 1990, 02:00–03:00 Baku time",
        "count": f"{len(night.index.active[8])} events in this step",
    }
    assert payload["step_x"][0] == 0 and payload["step_x"][1] == pytest.approx(1 / 19, abs=1e-6)


def test_statuses_are_a_letter_per_place_and_step(night, payload):
    ids = [p["id"] for p in payload["places"]]
    for position, statuses in enumerate(payload["statuses"]):
        assert len(statuses) == len(ids)
        expected = {"active": "a", "open": "o", "past": "p", "future": "f"}
        assert {i: statuses[n] for n, i in enumerate(ids)} == {i: expected[s] for i, s in night.statuses[position].items()}


def test_each_event_is_active_over_one_run_of_steps(night, payload):
    events = payload["events"]
    for n, event_id in enumerate(events["id"]):
        active_at = [p for p, active in enumerate(night.index.active) if event_id in active]
        if active_at:
            assert (events["first"][n], events["last"][n]) == (active_at[0], active_at[-1])
            assert active_at == list(range(active_at[0], active_at[-1] + 1))
        else:
            assert (events["first"][n], events["last"][n]) == (-1, -1)


def test_events_carry_their_span_lane_and_flags(real, night, payload):
    events = payload["events"]
    n = events["id"].index("tanks-crush-cars")
    tanks = real.event("tanks-crush-cars")
    assert events["title"][n] == tanks.title
    assert events["row"][n] == night.layout.rows["tanks-crush-cars"]
    assert 0 <= events["x0"][n] < events["x1"][n] <= 1.02
    assert payload["lanes"][events["lane"][n]]["label"] == "Violence"
    assert bool(events["flags"][n] & PRECISE) == tanks.is_precise
    assert bool(events["flags"][n] & SINGLE) == (len(tanks.source_ids) == 1)
    assert not events["flags"][n] & OPEN_END
    # An event whose end the texts leave open: never active after its first step, open after it, and fading.
    [open_id] = [i for i, e in ((e.id, e) for e in real.events) if e.open_end and e.start and night.steps[0] <= e.start <= night.steps[-1]][:1] or [None]
    if open_id:
        k = events["id"].index(open_id)
        assert events["flags"][k] & OPEN_END and events["fade"][k][2] == 1
        assert events["first"][k] == events["last"][k]
        assert events["open_first"][k] in (-1, events["last"][k] + 1)
    # The months of rallies are a period the night falls in, listed apart.
    moment, ongoing = night.split_active(8)
    for event in ongoing:
        assert events["flags"][events["id"].index(event.id)] & LONG
    for event in moment:
        assert not events["flags"][events["id"].index(event.id)] & LONG


def test_changes_say_what_the_page_says(night):
    changes = step_changes(night, "en")
    assert len(changes) == len(night.steps)
    for position, change in enumerate(changes):
        heading, lines = night.change_lines(position, "en")
        assert change == {"heading": heading, "lines": lines, "changed": not night.index.changes[position].nothing}
    # Play stays longer where something changed: the night has steps of both kinds.
    assert {c["changed"] for c in changes} == {True, False}


def test_the_map_is_data_the_browser_draws(real, payload, streets):
    circle = next(p for p in payload["places"] if p["id"] == "20-yanvar-circle")
    assert circle["position"] == [real.places["20-yanvar-circle"].lon, real.places["20-yanvar-circle"].lat]
    avenue = next(p for p in payload["places"] if p["id"] == "neftchiler-avenue")
    assert len(avenue["ribbon"]) > 4 and len(avenue["ribbon_selected"]) > 4
    moscow = next(p for p in payload["places"] if p["id"] == "permanent-representation-moscow")
    assert moscow["in_baku"] is False and "label_offset" not in moscow
    # The place that stands for the whole city is drawn as the city's tag: unlabelled, no pin of its own.
    city = next(p for p in payload["places"] if p["id"] == "baku")
    assert city["whole_city"] is True and "label_offset" not in city
    assert [p["id"] for p in payload["places"] if p.get("whole_city")] == ["baku"]
    # Fitted for the map Explore has on a laptop; a shorter or narrower one zooms out further in the browser.
    assert payload["view"] == fit_view([pt for p in real.places.values() if p.in_baku for pt in p.points], height=EXPLORE_MAP_HEIGHT)
    kinds = [(layer["id"], layer["kind"]) for layer in payload["basemap"]["layers"]]
    assert kinds == [
        ("sea", "fill"), ("land", "fill"), ("streets", "line"), ("roads", "line"), ("metro", "line"),
        ("streets-edge", "line"), ("street-labels", "labels"), ("landmarks", "labels"),
    ]
    layers = {layer["id"]: layer for layer in payload["basemap"]["layers"]}
    assert layers["land"]["url"] == "/app/static/streets/land.geojson"
    assert layers["streets"]["min_zoom"] > payload["view"]["zoom"]  # the residential streets wait for a zoom
    assert "min_zoom" not in layers["roads"]
    assert payload["basemap"]["attribution"] == "© OpenStreetMap contributors"
    assert "OpenStreetMap" in payload["basemap"]["note"] and payload["basemap"]["streets"] is True


def test_without_streets_the_map_has_the_coarse_shore_and_says_the_streets_are_missing(real, no_streets):
    for lang, words in (("en", "The streets are missing"), ("az", "Küçələr yoxdur"), ("ru", "Улиц нет")):
        basemap = explorer_payload(range_view(real, "night"), lang)["basemap"]
        assert [(layer["id"], layer["kind"]) for layer in basemap["layers"]] == [
            ("sea", "fill"), ("land", "fill"), ("landmarks", "labels"),
        ]
        assert basemap["layers"][1]["url"] == "/app/static/absheron-land.geojson"
        assert basemap["note"].startswith(words) and "make basemap" in basemap["note"]
        assert basemap["streets"] is False


def test_texts_follow_the_language(night):
    az = explorer_payload(night, "az")
    assert az["texts"]["time_in_baku"] == "Bakı vaxtı (UTC+04:00)"
    assert next(p for p in az["places"] if p["id"] == "20-yanvar-circle")["name"] == "20 Yanvar dairəsi"
    assert az["steps"][8]["words"] == "Ş. 20 yanvar 1990, 02:00–03:00 Bakı vaxtı"
    assert "{shown}" in az["texts"]["first_of"] and "{count}" in az["texts"]["first_of"]


def test_component_data_is_a_state_line_then_the_parts_it_names(payload):
    body = payload_bytes(payload)
    data = component_data(body, "night:en:1", {"step": "1990-01-20T02:00", "place": None, "event": "x", "tiles": False})
    head, rest = data.split(b"\n", 1)
    assert json.loads(head) == {
        "key": "night:en:1", "sent": ["payload"], "step": "1990-01-20T02:00", "place": None, "event": "x", "tiles": False,
    }
    assert rest == body
    # Without the payload (the component holds it), the state line alone.
    alone = component_data(None, "night:en:1", {"step": "1990-01-20T02:00"}, panel_key="panel:en:1")
    assert b"\n" not in alone
    assert json.loads(alone) == {"key": "night:en:1", "panel_key": "panel:en:1", "sent": [], "step": "1990-01-20T02:00"}
    # The panel, asked for, comes after the state line; with the payload too, after the payload.
    panel = payload_bytes({"texts": {}, "events": {}, "places": {}})
    head, rest = component_data(None, "night:en:1", {}, panel=panel, panel_key="panel:en:1").split(b"\n", 1)
    assert json.loads(head)["sent"] == ["panel"] and rest == panel
    lines = component_data(body, "night:en:1", {}, panel=panel, panel_key="panel:en:1").split(b"\n")
    assert json.loads(lines[0])["sent"] == ["payload", "panel"] and lines[1:] == [body, panel]


def test_the_apps_payload_leaves_the_panel_to_travel_on_its_own(payload):
    """The page's payload is the range's; the panel is per language and comes when the component asks."""
    from app_pages.shared import _data_key, _explorer_payload

    assert "panel" in payload  # the default, for other hosts
    assert "panel" not in json.loads(_explorer_payload(_data_key(), "night", "en"))


def _bundle(component: Path, name: str) -> str:
    """A bundle's code with every chunk it imports, statically or when it runs (the app's bundle is split)."""
    seen: dict[str, str] = {}
    todo = [f"{name}.js"]
    while todo:
        file = todo.pop()
        if file not in seen:
            seen[file] = (component / file).read_text(encoding="utf-8")
            todo += re.findall(r"""["']\./(chunk-[A-Za-z0-9]+\.js)["']""", seen[file])
    return "\n".join(seen.values())


def test_the_shipping_bundles_carry_no_test_hooks(monkeypatch):
    component = Path(__file__).resolve().parent.parent / "blackjanuary" / "component"
    for name in ("explorer", "offline"):
        shipping = _bundle(component, name)
        hooked = _bundle(component, f"{name}-hooks")
        # The hook puts the component's state on its root element (root.bjx = ...), and keeps its timings.
        assert ".bjx=" not in shipping and ".timings.push(" not in shipping
        assert ".bjx=" in hooked and ".timings.push(" in hooked
    monkeypatch.delenv(TEST_HOOKS_ENV)
    assert bundle_name("explorer") == "explorer.js"
    monkeypatch.setenv(TEST_HOOKS_ENV, "1")
    assert bundle_name("offline") == "offline-hooks.js"


def test_each_event_names_its_places_for_the_two_way_highlight(real, payload):
    """The events' `places` column: each event's places as indices into `places`, so that the browser marks an
    event's places on the map and a place's events on the timeline without asking the server."""
    order = [p["id"] for p in payload["places"]]
    events = payload["events"]
    assert len(events["places"]) == len(events["id"])
    for event_id, indices in zip(events["id"], events["places"]):
        assert [order[n] for n in indices] == list(real.require_event(event_id).places), event_id
    circle = order.index("20-yanvar-circle")
    assert {events["id"][i] for i, indices in enumerate(events["places"]) if circle in indices} >= {"troops-enter-baku"}
