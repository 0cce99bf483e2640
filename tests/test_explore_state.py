"""The Explore page's state machine and the app's links, without Streamlit: state is a plain dict here."""

from __future__ import annotations

from blackjanuary import explore_state
from blackjanuary.i18n import tr
from blackjanuary.timeline import DEFAULT_TIME, RANGES, format_local
from blackjanuary.urls import (
    chronology_params,
    explore_params,
    figures_params,
    measure_from_params,
    page_params,
    present_params,
    slide_from_params,
    source_from_params,
    source_params,
    view_from_params,
    with_language,
)

NIGHT_STEPS = [format_local(s) for s in RANGES["night"].steps()]


# --- the state ---------------------------------------------------------------------


def test_a_first_visit_without_a_link_opens_the_night_at_midnight(catalog):
    state: dict = {}
    assert explore_state.read_link(state, {}, catalog, "en")
    assert (state["range"], state["t"], state["place"], state["event"]) == ("night", format_local(DEFAULT_TIME), None, None)
    assert state["notices"] == []


def test_a_link_sets_the_view_and_its_bad_values_become_notices(catalog):
    state: dict = {}
    explore_state.read_link(state, {"t": "1990-01-20T03:00", "place": "nowhere", "event": "tanks-crush-cars"}, catalog, "en")
    assert (state["t"], state["place"], state["event"]) == ("1990-01-20T03:00", None, "tanks-crush-cars")
    assert state["notices"] == ["Ignored the place 'nowhere' in the link: there is no such place."]


def test_the_pages_own_link_is_not_read_again(catalog):
    state: dict = {}
    explore_state.read_link(state, {"t": "1990-01-20T03:00"}, catalog, "en")
    explore_state.select(state, place="20-yanvar-circle")
    params = explore_state.link(state)
    assert params == {"t": "1990-01-20T03:00", "place": "20-yanvar-circle"}
    assert not explore_state.read_link(state, params, catalog, "en")  # our own address: the selection stays
    assert state["place"] == "20-yanvar-circle"
    assert explore_state.read_link(state, {"t": "1990-01-20T05:00"}, catalog, "en")  # a new link wins
    assert (state["t"], state["place"]) == ("1990-01-20T05:00", None)


def test_coming_back_from_another_page_keeps_the_view(catalog):
    state = {"range": "night", "t": "1990-01-20T04:00", "place": "tv-centre", "event": None}
    assert not explore_state.read_link(state, {}, catalog, "en")
    assert state["place"] == "tv-centre"


def test_switching_range_keeps_the_step_the_time_falls_in():
    state = {"range": "january", "t": "1990-01-20T04:00"}
    explore_state.snap_to_range(state)
    assert state["t"] == "1990-01-20T00:00"  # the 6-hour step 00:00-06:00
    state["range"] = "years"
    explore_state.snap_to_range(state)
    assert state["t"] == "1990-01-01T00:00"


def test_a_resting_slider_is_taken_only_on_one_of_the_ranges_steps():
    state = {"range": "night", "t": NIGHT_STEPS[0]}
    assert explore_state.take_step(state, NIGHT_STEPS[3], NIGHT_STEPS)
    assert state["t"] == NIGHT_STEPS[3]
    for bad in ("1990-01-20T03:30", "nonsense", None, 3, {"t": NIGHT_STEPS[1]}):
        assert not explore_state.take_step(state, bad, NIGHT_STEPS)
    assert state["t"] == NIGHT_STEPS[3]


def test_a_click_selects_only_what_the_catalogue_knows(catalog):
    state = {"place": None, "event": None}
    assert explore_state.take_selection(state, {"place": "tv-centre"}, catalog)
    assert (state["place"], state["event"]) == ("tv-centre", None)
    assert explore_state.take_selection(state, {"event": "tanks-crush-cars"}, catalog)
    assert (state["place"], state["event"]) == (None, "tanks-crush-cars")  # one selection at a time
    for bad in ({"place": "nowhere"}, {"event": "<script>"}, None, "tv-centre", {"place": ["tv-centre"]}):
        assert not explore_state.take_selection(state, bad, catalog)
    assert state["event"] == "tanks-crush-cars"
    assert explore_state.take_selection(state, {}, catalog)  # the panel's "clear selection"
    assert (state["place"], state["event"]) == (None, None)


def test_in_the_source_opens_only_a_passage_the_catalogue_has(catalog):
    event = catalog.event("tanks-crush-cars")
    source = event.citations[0].source
    assert explore_state.source_link({"source": source, "event": event.id, "q": 0}, catalog) == {
        "source": source, "event": event.id, "q": "0"}
    other = next(s for s in catalog.sources if s != source)
    for bad in ({"source": other, "event": event.id, "q": 0}, {"source": source, "event": event.id, "q": 99},
                {"source": source, "event": event.id, "q": True}, {"source": source, "event": "nope", "q": 0},
                {"source": source, "event": event.id, "q": "0"}, None, "x"):
        assert explore_state.source_link(bad, catalog) is None, bad


def test_a_payload_is_sent_once_per_key_unless_the_component_reports_it_missing():
    state: dict = {}
    assert explore_state.needs_payload(state, "night:en:1")
    assert not explore_state.needs_payload(state, "night:en:1")
    assert explore_state.needs_payload(state, "night:az:1")  # another language is another payload
    assert not explore_state.needs_payload(state, "night:en:1", missing="night:az:1")
    assert explore_state.needs_payload(state, "night:en:1", missing="night:en:1")
    assert not explore_state.needs_payload(state, "night:en:1")
    assert state["_payloads_sent"] == ["night:en:1", "night:az:1"]


def test_a_step_outside_the_range_is_moved_into_it():
    state = {"range": "night", "t": "1991-08-30T00:00"}
    position = explore_state.fit_step(state, NIGHT_STEPS)
    assert NIGHT_STEPS[position] == state["t"] and state["t"] == NIGHT_STEPS[-1]


# --- links ---------------------------------------------------------------------------


def test_links_leave_out_defaults_and_carry_the_language():
    assert explore_params("1990-01-20T02:00") == {"t": "1990-01-20T02:00"}
    assert explore_params("1990-01-20T06:00", "january", event="tanks-crush-cars") == {
        "t": "1990-01-20T06:00", "r": "january", "event": "tanks-crush-cars"}
    assert chronology_params("1990-01-01T00:00", "years") == {"t": "1990-01-01T00:00", "r": "years"}
    assert with_language({"t": "x"}, "en") == {"t": "x"}
    assert with_language({"t": "x"}, "ru") == {"t": "x", "lang": "ru"}
    assert page_params({"t": "x", "lang": "az"}) == {"t": "x"}
    assert present_params("night-hour-by-hour", 3) == {"narrative": "night-hour-by-hour", "step": "3"}
    assert source_params("trend") == {"source": "trend"}
    assert source_params("trend", "tanks-crush-cars", 0) == {"source": "trend", "event": "tanks-crush-cars", "q": "0"}
    assert figures_params("killed") == {"measure": "killed"}


def test_every_link_a_builder_makes_reads_back_as_the_same_view(catalog):
    for t in NIGHT_STEPS[::5]:
        for place, event in ((None, None), ("tv-centre", None), (None, "tanks-crush-cars")):
            view = view_from_params(explore_params(t, "night", place, event), catalog)
            assert (format_local(view.time), view.range_key, view.place, view.event, view.notices) == (t, "night", place, event, [])
    assert slide_from_params(present_params("night-hour-by-hour", 9), catalog) == ("night-hour-by-hour", 9, [])


def test_a_source_link_marks_a_passage_only_in_its_own_source(catalog):
    event = catalog.event("tanks-crush-cars")
    source = event.citations[0].source
    link = source_from_params(source_params(source, event.id, 0), catalog, None, "en")
    assert (link.source, link.passage, link.notices) == (source, (event.id, 0), [])
    other = next(s for s in catalog.sources if s != source)
    assert source_from_params({"event": event.id, "q": "0"}, catalog, other).passage is None
    bad = source_from_params({"source": "nope", "event": "nope", "q": "x"}, catalog, other, "en")
    assert bad.source is None and bad.passage is None and len(bad.notices) == 2
    assert source_from_params({"source": source, "event": event.id, "q": "x"}, catalog, None).notices  # not a number
    assert source_from_params({"source": source, "event": event.id, "q": "99"}, catalog, None).passage is None
    # A passage number that is not one of the event's in this source gets a notice, as in the offline file.
    for q in ("99", "-1", "+0", " 0", "١"):
        found = source_from_params({"source": source, "event": event.id, "q": q}, catalog, None, "en")
        assert found.passage is None and found.notices == [tr("en", "bad_passage", value=q)], q
    assert source_from_params({"event": event.id, "q": "0"}, catalog, other, "en").notices == [
        tr("en", "bad_passage", value="0")]
    assert source_from_params({"source": source, "event": event.id}, catalog, None).passage == (event.id, 0)


def test_a_measure_link_is_checked_against_the_measures_shown():
    assert measure_from_params({"measure": "killed"}, ["killed", "troops"]) == ("killed", [])
    assert measure_from_params({}, ["killed"]) == (None, [])
    asked, notices = measure_from_params({"measure": "camels"}, ["killed"], "ru")
    assert asked is None and len(notices) == 1 and "camels" in notices[0]


def test_kept_values_come_back_after_streamlit_dropped_them():
    state = {"range": "january", "t": "1990-01-20T06:00", "tiles": True, "unrelated": 1}
    explore_state.remember(state)
    del state["range"], state["tiles"]  # a run that did not draw those widgets
    explore_state.write_back(state)
    assert (state["range"], state["t"], state["tiles"]) == ("january", "1990-01-20T06:00", True)
    assert "_kept_unrelated" not in state
