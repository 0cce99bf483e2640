"""The app driven through Streamlit's AppTest: pages, scrubbing, deep links, chart selections, invalid data."""

import shutil
from pathlib import Path

import pytest
import streamlit
from component import component_payload, component_state, panel_heading, panel_text, send, sent_payload
from helpers import ROOT, navigation_pages, open_page, run_app, texts, unescape
from streamlit.testing.v1 import AppTest

from blackjanuary.i18n import tr
from blackjanuary.text import md_escape

ACTIVE_RED = [198, 40, 40, 235]
PAGES = navigation_pages()  # the files app.py hands to st.navigation, read from its source


def status_at(at: AppTest, place_id: str, step: str) -> str:
    """A place's status letter ('a' active, 'p' past, 'f' future) at a step, from the component's payload."""
    payload = component_payload(at)
    position = [s["t"] for s in payload["steps"]].index(step)
    return payload["statuses"][position][[p["id"] for p in payload["places"]].index(place_id)]


NIGHT_HOURS = 19  # 19 Jan 18:00 to 20 Jan 13:00, the end of the last step


def test_the_pages_are_read_from_app_pys_navigation(monkeypatch):
    """The list the next test runs over: every page the app registers, as the app registers them when it runs."""
    assert PAGES and "app_pages/explore.py" in PAGES
    assert len(set(PAGES)) == len(PAGES) and all((ROOT / page).is_file() for page in PAGES)
    registered: list[list[str]] = []
    original = streamlit.navigation

    def recording(pages, *args, **kwargs):
        registered.append([Path(page._page).resolve().relative_to(ROOT).as_posix() for page in pages
                           if isinstance(page._page, Path)])
        return original(pages, *args, **kwargs)

    monkeypatch.setattr(streamlit, "navigation", recording)
    assert not run_app().exception
    assert registered == [PAGES]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page):
    at = run_app()
    at.switch_page(page).run()
    assert not at.exception
    assert at.main.children, f"{page} drew nothing"


def test_explore_opens_at_midnight_with_the_night_handed_to_the_component():
    at = run_app()
    assert component_state(at)["step"] == "1990-01-20T00:00"
    payload = component_payload(at)
    assert len(payload["steps"]) == NIGHT_HOURS
    assert payload["steps"][6]["words"] == "Sat 20 Jan 1990, 00:00–01:00 Baku time"
    assert payload["step_x"][6] == pytest.approx(6 / NIGHT_HOURS, abs=1e-4)
    assert component_state(at)["tiles"] is False
    assert not at.get("deck_gl_json_chart") and not at.get("plotly_chart")  # both drawn in the browser now


def test_a_resting_slider_sets_the_step_and_the_link():
    at = run_app()
    send(at, state={"step": "1990-01-20T02:00"})
    assert at.query_params["t"] == "1990-01-20T02:00"
    assert component_state(at)["step"] == "1990-01-20T02:00"
    assert status_at(at, "20-yanvar-circle", "1990-01-20T02:00") == "a"
    assert status_at(at, "20-yanvar-circle", "1990-01-19T18:00") == "f"
    assert status_at(at, "tv-centre", "1990-01-19T19:00") == "a"
    # A step the range does not have is not taken.
    send(at, state={"step": "1990-01-20T02:30"})
    assert at.query_params["t"] == "1990-01-20T02:00"


def test_the_payload_travels_once_and_a_rest_carries_only_the_state():
    at = run_app()
    assert sent_payload(at)
    night = component_state(at)["key"]
    send(at, state={"step": "1990-01-20T02:00"})
    assert not sent_payload(at) and component_state(at)["key"] == night
    rest = len(at.get("bidi_component")[0].proto.bytes)
    assert rest < 300, f"a rest sent {rest} bytes"
    send(at, trigger=("select", {"place": "20-yanvar-circle"}))
    assert not sent_payload(at)
    # A new range is a new payload, sent once; back to the night, the component still holds it.
    at.segmented_control(key="range").set_value("january").run()
    assert sent_payload(at) and component_state(at)["key"] != night
    at.segmented_control(key="range").set_value("night").run()
    assert not sent_payload(at) and component_state(at)["key"] == night
    # A component that lacks it (the browser loaded the page again) asks, and gets it once.
    send(at, trigger=("missing", night))
    assert sent_payload(at)
    at.run()
    assert not sent_payload(at)


def test_the_panel_comes_when_asked_once_per_language_and_not_with_the_first_map():
    at = run_app()
    state = component_state(at)
    assert state["sent"] == ["payload"], "the first run sends the map's payload and leaves the passages for later"
    panel_key = state["panel_key"]
    send(at, trigger=("missing", panel_key))
    assert component_state(at)["sent"] == ["panel"]
    # Every range shares it: a new range sends its payload alone.
    at.segmented_control(key="range").set_value("january").run()
    assert component_state(at)["sent"] == ["payload"] and component_state(at)["panel_key"] == panel_key
    send(at, state={"step": "1990-01-20T00:00"})
    assert component_state(at)["sent"] == []
    # Another language is another panel, under its own key.
    at.session_state["lang"] = "az"
    at.run()
    assert component_state(at)["panel_key"] != panel_key and component_state(at)["panel_key"].startswith("panel:az:")


def test_widening_the_span_keeps_the_time_at_the_nearest_step():
    at = run_app({"t": "1990-01-20T02:00"})
    at.segmented_control(key="range").set_value("january").run()
    assert component_state(at)["step"] == "1990-01-20T00:00"
    assert at.query_params["r"] == "january"
    at.segmented_control(key="range").set_value("years").run()
    assert component_state(at)["step"] == "1990-01-01T00:00"
    assert "Independence declared" in component_payload(at)["events"]["title"]


def test_deep_link_reopens_hour_place_and_event():
    at = run_app({"t": "1990-01-20T03:00", "place": "alley-of-martyrs"})
    assert component_state(at)["step"] == "1990-01-20T03:00"
    assert component_state(at)["place"] == "alley-of-martyrs"
    assert panel_heading(at) == "Alley of Martyrs"
    assert "Victims buried on the hill, the Alley of Martyrs" in panel_text(at)

    at = run_app({"event": "aliyev-statement-moscow"})
    assert panel_heading(at) == "Heydar Aliyev speaks at the Permanent Representation in Moscow"
    assert "Speaking at the Permanent Representation of Azerbaijan in Moscow" in panel_text(at)


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
    [value] = query.values()
    [shown] = [w.value for w in at.warning if notice in unescape(w.value)]
    assert md_escape(value) in shown
    assert shown == md_escape(unescape(shown)), "the whole notice is escaped, not only the value"
    assert component_state(at)["step"] == "1990-01-20T00:00"


def test_clicking_a_place_shows_its_passages_and_rings_it():
    at = run_app()
    send(at, trigger=("select", {"place": "20-yanvar-circle"}))
    assert panel_heading(at) == "20 Yanvar Circle"
    assert "Blood stained the pavements of Neftchiler Avenue" in panel_text(at)
    assert at.query_params["place"] == "20-yanvar-circle"
    assert component_state(at)["place"] == "20-yanvar-circle"
    # The click lasts one run: the next run keeps the selection without it.
    at.run()
    assert component_state(at)["place"] == "20-yanvar-circle"


def test_clicking_an_event_selects_it():
    at = run_app()
    send(at, trigger=("select", {"event": "tanks-crush-cars"}))
    assert panel_heading(at) == "Tanks crush cars"
    assert at.query_params["event"] == "tanks-crush-cars"
    assert component_state(at) | {"key": None, "panel_key": None, "sent": None} == {
        "key": None, "panel_key": None, "sent": None, "step": "1990-01-20T00:00", "place": None,
        "event": "tanks-crush-cars", "tiles": False, "failed": "The explorer's data did not arrive. Reload the page.",
    }
    assert "Tanks crushed cars, and smoke grenades" in panel_text(at)


def test_a_click_on_something_unknown_changes_nothing():
    at = run_app({"place": "baku"})
    send(at, trigger=("select", {"place": "atlantis"}))
    assert at.query_params["place"] == "baku"
    send(at, trigger=("select", "<b>not a choice</b>"))
    assert at.query_params["place"] == "baku" and not at.exception


def test_clearing_the_selection_in_the_panel_tells_the_component():
    at = run_app({"place": "baku"})
    send(at, trigger=("select", {}))
    assert component_state(at)["place"] is None and "place" not in at.query_params
    assert panel_heading(at) is None and panel_text(at) == tr("en", "click_hint")


def test_a_place_outside_baku_is_in_the_payload_with_its_status():
    at = run_app({"t": "1990-01-21T00:00", "r": "january"})
    moscow = next(p for p in component_payload(at)["places"] if p["id"] == "permanent-representation-moscow")
    assert moscow["in_baku"] is False
    send(at, trigger=("select", {"place": "permanent-representation-moscow"}))
    assert panel_heading(at) == "Azerbaijan's Permanent Representation in Moscow"


def test_in_the_source_opens_the_sources_page_at_the_passage():
    at = run_app({"event": "tanks-crush-cars"})
    passage = component_payload(at)["panel"]["events"]["tanks-crush-cars"]["passages"][0]
    send(at, trigger=("source", {"source": passage["source"], "event": "tanks-crush-cars", "q": passage["n"]}))
    assert not at.exception
    assert dict(at.query_params) == {"source": passage["source"], "event": "tanks-crush-cars", "q": "0"}
    assert "Passage cited for:" in texts(at)


def test_invalid_data_lists_problems_on_the_page(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    events = data / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("Tanks crushed cars", "Tanks crushed buses"), encoding="utf-8")
    at = run_app(data_dir=data, monkeypatch=monkeypatch)
    assert not at.exception
    assert "cannot open" in at.error[0].value
    listing = at.code[0].value
    assert "events.yaml:" in listing and "quote not found verbatim" in listing
    assert not at.get("bidi_component")


def test_sources_page_highlights_the_cited_passage():
    at = open_page("app_pages/sources.py", {"source": "teen-voice", "event": "tanks-crush-cars", "q": "0"})
    assert not at.exception
    html = at.get("html")[0].proto.body
    assert 'id="passage-target"' in html
    assert html.count('class="bj-mark') >= 10
    assert "Passage cited for" in texts(at)


@pytest.mark.parametrize("page", ["app_pages/explore.py", "app_pages/present.py"])
def test_explore_and_present_offer_the_offline_explorer(page):
    at = run_app()
    at.switch_page(page).run()
    labels = {b.proto.label: b.proto for b in at.get("download_button")}
    assert "The whole explorer, offline (HTML)" in labels
    assert labels["The whole explorer, offline (HTML)"].HasField("deferred_file_id")  # made on the click, not before
