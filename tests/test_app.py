"""The app driven through Streamlit's AppTest: pages, scrubbing, deep links, chart selections, invalid data."""

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from blackjanuary.text import md_escape

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
ACTIVE_RED = [198, 40, 40, 235]


def run_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [unescape(s.value) for s in at.subheader]
    parts += [c.value for c in at.caption] + [w.value for w in at.warning] + [b.label for b in at.button]
    parts += [e.label for e in at.expander]
    return unescape("\n".join(parts))


def unescape(markdown: str) -> str:
    """What the reader sees of escaped Markdown: the characters without their backslashes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def deck(at: AppTest) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def place_colours(at: AppTest) -> dict[str, list[int]]:
    colours = {}
    for layer in deck(at)["layers"]:
        if layer["id"] in ("places", "lines"):
            colours.update({row["id"]: row["colour"] for row in layer["data"]})
    return colours


def timeline(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def cursor_at(at: AppTest) -> float:
    """Where the timeline's cursor starts, as a share of the plot's width."""
    [html] = [h.proto.body for h in at.get("html") if "bj-cursor" in h.proto.body]
    return float(re.search(r"left:calc\(\d+px \+ \(100% - \d+px\) \* ([\d.]+)\)", html).group(1))


NIGHT_HOURS = 19  # 19 Jan 18:00 to 20 Jan 13:00, the end of the last step


@pytest.mark.parametrize("page", ["app_pages/explore.py", "app_pages/present.py", "app_pages/sources.py"])
def test_every_page_runs_without_exception(page):
    at = run_app()
    at.switch_page(page).run()
    assert not at.exception


def test_explore_opens_at_midnight_with_map_and_timeline():
    at = run_app()
    assert "Sat 20 Jan 1990, 00:00–01:00 Baku time" in texts(at)
    layer_ids = {layer["id"] for layer in deck(at)["layers"]}
    assert {"places", "lines", "labels"} <= layer_ids
    assert "mapStyle" not in deck(at) or deck(at)["mapStyle"] == "__MAP_STYLE__"
    assert cursor_at(at) == pytest.approx(6 / NIGHT_HOURS, abs=1e-4)
    assert timeline(at)["layout"]["xaxis"]["range"][0].startswith("1990-01-19T18:00")


def test_scrubbing_moves_the_cursor_and_changes_what_is_highlighted():
    at = run_app()
    at.select_slider(key="t").set_value("1990-01-19T18:00").run()
    assert "Fri 19 Jan 1990, 18:00–19:00 Baku time" in texts(at)
    assert place_colours(at)["20-yanvar-circle"] != ACTIVE_RED
    assert place_colours(at)["tv-centre"] != ACTIVE_RED

    at.select_slider(key="t").set_value("1990-01-19T19:00").run()
    assert place_colours(at)["tv-centre"] == ACTIVE_RED
    assert "Television centre's power unit blown up" in texts(at)

    at.select_slider(key="t").set_value("1990-01-20T02:00").run()
    assert place_colours(at)["20-yanvar-circle"] == ACTIVE_RED
    assert place_colours(at)["neftchiler-avenue"] == ACTIVE_RED
    assert at.query_params["t"] == "1990-01-20T02:00"
    assert cursor_at(at) == pytest.approx(8 / NIGHT_HOURS, abs=1e-4)

    at.select_slider(key="t").set_value("1990-01-20T11:00").run()
    assert place_colours(at)["20-yanvar-circle"] != ACTIVE_RED
    assert "Morning of 20 January" in texts(at)


def test_widening_the_span_keeps_the_time_at_the_nearest_step():
    at = run_app({"t": "1990-01-20T02:00"})
    at.segmented_control(key="range").set_value("january").run()
    assert at.select_slider(key="t").value == "1990-01-20T00:00"
    assert at.query_params["r"] == "january"
    at.segmented_control(key="range").set_value("years").run()
    assert at.select_slider(key="t").value == "1990-01-01T00:00"
    assert "Independence declared" in json.dumps(timeline(at))


def test_deep_link_reopens_hour_place_and_event():
    at = run_app({"t": "1990-01-20T03:00", "place": "alley-of-martyrs"})
    assert at.select_slider(key="t").value == "1990-01-20T03:00"
    assert "Alley of Martyrs" in [unescape(s.value) for s in at.subheader]
    assert "Victims buried on the hill, the Alley of Martyrs" in texts(at)

    at = run_app({"event": "aliyev-statement-moscow"})
    assert "Heydar Aliyev speaks at the Permanent Representation in Moscow" in [unescape(s.value) for s in at.subheader]
    quotes = unescape("\n".join(m.value for m in at.markdown))
    assert "Speaking at the Permanent Representation of Azerbaijan in Moscow" in quotes


@pytest.mark.parametrize(
    "query, notice",
    [
        ({"t": "tomorrow"}, "Ignored the time 'tomorrow'"),
        ({"place": "kremlin-wall"}, "Ignored the place 'kremlin-wall'"),
        ({"event": "no-such-event"}, "Ignored the event 'no-such-event'"),
        ({"r": "decade"}, "Ignored the range 'decade'"),
        ({"place": "![x](https://example.org/x.png)"}, "Ignored the place '![x](https://example.org/x.png)'"),
    ],
)
def test_bad_links_are_ignored_with_a_notice(query, notice):
    at = run_app(query)
    assert not at.exception
    # The link's text is escaped for Markdown: shown as typed, never as an image or a link.
    assert any(notice in w.value.replace("\\", "") for w in at.warning)
    assert all(md_escape(query.get("place", "")) in w.value for w in at.warning if "place" in w.value)
    assert "Sat 20 Jan 1990, 00:00–01:00 Baku time" in texts(at)


def test_clicking_a_place_on_the_map_shows_its_passages():
    at = run_app()
    at.session_state["map"] = {"selection": {"indices": {"places": [0]}, "objects": {"places": [{"id": "20-yanvar-circle"}]}}}
    at.run()
    assert "20 Yanvar Circle" in [unescape(s.value) for s in at.subheader]
    assert "Blood stained the pavements of Neftchiler Avenue" in unescape("\n".join(m.value for m in at.markdown))
    assert at.query_params["place"] == "20-yanvar-circle"
    ring = [layer for layer in deck(at)["layers"] if layer["id"] == "selected"][0]
    assert [row["id"] for row in ring["data"]] == ["20-yanvar-circle"]


def test_clicking_an_event_on_the_timeline_selects_it():
    at = run_app()
    at.session_state["timeline"] = {"selection": {"points": [{"customdata": ["tanks-crush-cars", "Tanks crush cars"]}]}}
    at.run()
    assert "Tanks crush cars" in [unescape(s.value) for s in at.subheader]
    assert at.query_params["event"] == "tanks-crush-cars"
    assert "Tanks crushed cars, and smoke grenades" in unescape("\n".join(m.value for m in at.markdown))


def test_a_place_outside_baku_is_reachable_from_the_list():
    at = run_app({"t": "1990-01-21T00:00", "r": "january"})
    moscow = [b for b in at.button if b.key == "away-permanent-representation-moscow"][0]
    moscow.click().run()
    assert "Azerbaijan's Permanent Representation in Moscow" in [unescape(s.value) for s in at.subheader]


def test_invalid_data_lists_problems_on_the_page(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    events = data / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("Tanks crushed cars", "Tanks crushed buses"), encoding="utf-8")
    monkeypatch.setenv("BLACKJANUARY_DATA", str(data))
    at = run_app()
    assert not at.exception
    assert "cannot open" in at.error[0].value
    listing = at.code[0].value
    assert "events.yaml:" in listing and "quote not found verbatim" in listing
    assert not at.get("deck_gl_json_chart")


def test_sources_page_highlights_the_cited_passage():
    at = run_app()
    at.query_params.update({"source": "teen-voice", "event": "tanks-crush-cars", "q": "0"})
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception
    html = at.get("html")[0].proto.body
    assert 'id="passage-target"' in html
    assert html.count('class="bj-mark') >= 10
    assert "Passage cited for" in texts(at)
