"""The Present page: narratives as slides, from the pure functions behind them to the page in AppTest."""

import json
import re

import pytest
import yaml
from helpers import APP, DATA, TIMEOUT, open_page, unescape
from hostile import HOSTILE, QUOTE, QUOTED_EVENT
from streamlit.testing.v1 import AppTest

from blackjanuary import load
from blackjanuary.present import (
    CHRONOLOGY_ID,
    CITY_VIEW,
    CONTENT_NOTE,
    CONTENT_NOTE_SHORT,
    chronology,
    narrative_or_chronology,
    slides,
)
from blackjanuary.style import STATUS_COLOURS, STATUS_TEXT_COLOURS
from blackjanuary.text import md_escape
from blackjanuary.urls import slide_from_params

NIGHT, RALLIES = "night-hour-by-hour", "rallies-to-independence"
NIGHT_TITLE = "The night of 19–20 January, as the sources can time it"
RALLIES_TITLE = "From the rallies to independence, 1988–1993"
ACTIVE_RED = [198, 40, 40, 235]
PAST_GREY = [85, 85, 85, 210]


def raw_yaml(name: str) -> list[dict]:
    """A data file as written, not through the models, to check the models against."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


# --- slides() ----------------------------------------------------------------


@pytest.mark.parametrize("narrative_id", [NIGHT, RALLIES])
def test_slides_are_numbered_from_one_in_the_order_of_the_steps(catalog, narrative_id):
    [written] = [n for n in raw_yaml("narratives.yaml") if n["id"] == narrative_id]
    shown = slides(catalog, catalog.narratives[narrative_id])
    assert [s.number for s in shown] == list(range(1, len(written["steps"]) + 1))
    assert [s.event.id for s in shown] == [step["event"] for step in written["steps"]]
    assert [s.note for s in shown] == [step["note"] for step in written["steps"]]


def test_statuses_at_the_start_of_the_night(catalog):
    first, second, third, fourth, fifth = slides(catalog, catalog.narratives[NIGHT])[:5]
    # Step 1 is the decree in Moscow: off the map of Baku, listed instead.
    assert first.statuses == {"moscow-kremlin": "active"}
    assert [p.id for p in first.away] == ["moscow-kremlin"]
    # Step 2, what the sources say the operation was for: the city as a whole.
    assert second.statuses == {"moscow-kremlin": "past", "baku": "active"}
    assert third.statuses == {"moscow-kremlin": "past", "baku": "past", "tv-centre": "active"}
    # The television centre is a place of step 4 too, so it is active again, not past.
    assert fourth.statuses == {"moscow-kremlin": "past", "tv-centre": "active", "baku": "active"}
    assert fifth.statuses == {
        "moscow-kremlin": "past", "tv-centre": "past",
        "baku": "active", "20-yanvar-circle": "active",
    }


@pytest.mark.parametrize("narrative_id", [NIGHT, RALLIES, CHRONOLOGY_ID])
def test_statuses_accumulate_step_by_step(catalog, narrative_id):
    """A place of step k is 'past' at step k+1 unless that step has it too; no place is ever 'future'."""
    shown = slides(catalog, narrative_or_chronology(catalog, narrative_id))
    for before, slide in zip([None, *shown], shown):
        here = set(slide.event.places)
        earlier = set(before.statuses) if before else set()
        assert set(slide.statuses) == earlier | here, f"step {slide.number}"
        assert {p for p, s in slide.statuses.items() if s == "active"} == here, f"step {slide.number}"
        assert {p for p, s in slide.statuses.items() if s == "past"} == earlier - here, f"step {slide.number}"


def test_each_step_shows_the_passage_it_chooses(catalog):
    night = slides(catalog, catalog.narratives[NIGHT])
    rallies = slides(catalog, catalog.narratives[RALLIES])
    blockade, shooting = night[3], night[5]
    assert blockade.event.id == "information-blockade"
    assert blockade.citation == blockade.event.citations[1] != blockade.event.citations[0]
    assert blockade.citation.quote.startswith("The aim was to make the people unaware")
    assert shooting.citation.quote.startswith("People squatted down to show that they were unarmed")
    # The same event with no quote index: its first passage.
    assert rallies[8].event.id == "shooting-at-civilians"
    assert rallies[8].citation == shooting.event.citations[0] != shooting.citation
    for narrative in raw_yaml("narratives.yaml"):
        shown = slides(catalog, catalog.narratives[narrative["id"]])
        for step, slide in zip(narrative["steps"], shown):
            assert slide.citation is slide.event.citations[step.get("quote", 0)]


def test_views_given_in_the_yaml_are_used(catalog):
    given = 0
    for narrative in raw_yaml("narratives.yaml"):
        shown = slides(catalog, catalog.narratives[narrative["id"]])
        for step, slide in zip(narrative["steps"], shown):
            if "view" in step:
                given += 1
                assert {k: slide.view[k] for k in ("latitude", "longitude", "zoom")} == step["view"]
    assert given >= 15


def test_views_without_yaml_frame_the_places(catalog):
    night = slides(catalog, catalog.narratives[NIGHT])
    rallies = slides(catalog, catalog.narratives[RALLIES])
    # Nothing in Baku yet: the whole city.
    assert night[0].view == CITY_VIEW
    # Step 5 of the night, the troops' entry: a view that fits its two places in Baku.
    assert night[4].event.id == "troops-enter-baku"
    entry = night[4].view
    lats = [lat for p in night[4].places for lat, _ in p.points]
    lons = [lon for p in night[4].places for _, lon in p.points]
    assert min(lats) <= entry["latitude"] <= max(lats) and min(lons) <= entry["longitude"] <= max(lons)
    assert 11 <= entry["zoom"] <= 15
    # Aliyev speaks in Moscow: nothing of this step is in Baku, so the map frames what earlier steps showed there.
    moscow = rallies[10]
    assert moscow.event.id == "aliyev-statement-moscow" and not any(p.in_baku for p in moscow.places)
    earlier = [catalog.places[p] for p in moscow.statuses if catalog.places[p].in_baku]
    assert {p.id for p in earlier} == {"baku", "tv-centre", "20-yanvar-circle", "neftchiler-avenue"}
    lats = [lat for p in earlier for lat, _ in p.points]
    lons = [lon for p in earlier for _, lon in p.points]
    assert min(lats) <= moscow.view["latitude"] <= max(lats) and min(lons) <= moscow.view["longitude"] <= max(lons)
    assert moscow.view != CITY_VIEW


# --- slide_from_params() -----------------------------------------------------


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, (NIGHT, 0, [])),
        ({"step": "0"}, (NIGHT, 0, [])),
        ({"step": "16"}, (NIGHT, 16, [])),
        ({"narrative": RALLIES, "step": "3"}, (RALLIES, 3, [])),
        ({"narrative": RALLIES, "step": "15"}, (RALLIES, 15, [])),
        ({"narrative": CHRONOLOGY_ID, "step": "29"}, (CHRONOLOGY_ID, 29, [])),
        ({"narrative": "", "step": ""}, (NIGHT, 0, [])),
        (
            {"narrative": "the-day-after"},
            (NIGHT, 0, ["Ignored the narrative 'the-day-after' in the link: there is no such narrative."]),
        ),
        (
            {"step": "17"},
            (NIGHT, 0, ["Ignored the step '17' in the link: this narrative has steps 0 (title) to 16."]),
        ),
        (
            {"narrative": RALLIES, "step": "16"},
            (RALLIES, 0, ["Ignored the step '16' in the link: this narrative has steps 0 (title) to 15."]),
        ),
        ({"step": "-1"}, (NIGHT, 0, ["Ignored the step '-1' in the link: this narrative has steps 0 (title) to 16."])),
        ({"step": "two"}, (NIGHT, 0, ["Ignored the step 'two' in the link: this narrative has steps 0 (title) to 16."])),
        ({"step": "3.0"}, (NIGHT, 0, ["Ignored the step '3.0' in the link: this narrative has steps 0 (title) to 16."])),
        # Digits that are not ASCII: '²'.isdigit() is true but int('²') raises.
        ({"step": "²"}, (NIGHT, 0, ["Ignored the step '²' in the link: this narrative has steps 0 (title) to 16."])),
        ({"step": "٣"}, (NIGHT, 0, ["Ignored the step '٣' in the link: this narrative has steps 0 (title) to 16."])),
        # A bad narrative falls back first, and the step is then checked against the fallback.
        (
            {"narrative": "nope", "step": "17"},
            (NIGHT, 0, [
                "Ignored the narrative 'nope' in the link: there is no such narrative.",
                "Ignored the step '17' in the link: this narrative has steps 0 (title) to 16.",
            ]),
        ),
    ],
)
def test_slide_from_params(catalog, params, expected):
    assert slide_from_params(params, catalog) == expected


# --- chronology() ------------------------------------------------------------


def test_chronology_covers_every_event_in_time_order(catalog):
    narrative = chronology(catalog)
    written = [e["id"] for e in raw_yaml("events.yaml")]
    order = [step.event for step in narrative.steps]
    assert sorted(order) == sorted(written) and len(order) == len(set(order)) == 31
    starts = [catalog.event(e).start for e in order]
    assert starts == sorted(starts)
    assert order[0] == "karabakh-claims-1987"
    assert narrative.id == CHRONOLOGY_ID and "31 events" in narrative.description
    assert all(step.quote == 0 and step.note is None and step.view is None for step in narrative.steps)
    assert narrative_or_chronology(catalog, CHRONOLOGY_ID) == narrative
    assert narrative_or_chronology(catalog, RALLIES) is catalog.narratives[RALLIES]
    assert narrative_or_chronology(catalog, "no-such-narrative") is None


# --- the page in AppTest -----------------------------------------------------


def present(query: dict | None = None) -> AppTest:
    """The Present page, opened with `query` as the link's parameters."""
    return open_page("app_pages/present.py", query)


def heading(at: AppTest) -> str:
    [title] = at.title
    return unescape(title.value)


def shown_text(at: AppTest) -> str:
    parts = [t.value for t in at.title] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    return unescape("\n".join(parts))


def content_notes(at: AppTest) -> list[str]:
    return [unescape(w.value) for w in at.warning if "Content note" in w.value]


def place_colours(at: AppTest) -> dict[str, list[int]]:
    """Each place's colour on the slide's map; the whole city's tag, written in its status's text colour, as the
    status's colour on the map."""
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    as_marker = {tuple(STATUS_TEXT_COLOURS[s]): STATUS_COLOURS[s] for s in STATUS_COLOURS}
    colours = {}
    for layer in deck["layers"]:
        if layer["id"] in ("places", "lines"):
            colours.update({row["id"]: row["colour"] for row in layer["data"]})
        if layer["id"] == "city":
            colours.update({row["id"]: as_marker[tuple(row["colour"])] for row in layer["data"]})
    return colours


def url(at: AppTest) -> dict[str, str]:
    return dict(at.query_params)


def test_title_slide_shows_the_narrative_and_the_content_note(catalog):
    at = present()
    assert not at.exception
    assert heading(at) == NIGHT_TITLE
    description = " ".join(catalog.narratives[NIGHT].description.split())
    assert description.startswith("What the five texts say happened on 19 and 20 January 1990")
    assert description in shown_text(at)
    assert content_notes(at) == [f"**Content note.** {CONTENT_NOTE}"]
    assert "16 steps." in shown_text(at)
    assert at.button(key="prev").disabled and not at.button(key="next").disabled
    assert at.selectbox(key="p_narrative").value == NIGHT
    assert at.selectbox(key="p_step").value == 0
    assert not at.get("deck_gl_json_chart")
    assert url(at) == {"narrative": NIGHT, "step": "0"}


def test_next_and_previous_step_through_and_keep_the_url(catalog):
    shown = slides(catalog, catalog.narratives[NIGHT])
    at = present()
    at.button(key="next").click().run()
    assert heading(at) == shown[0].event.title == "State of emergency for Baku decreed in Moscow"
    assert "step 1 of 16" in shown_text(at)
    assert url(at) == {"narrative": NIGHT, "step": "1"}
    assert at.selectbox(key="p_step").value == 1
    assert not at.button(key="prev").disabled
    # The title slide's full note was seen: a step does not repeat it.
    assert content_notes(at) == []

    # What a presentation clicker sends, PageDown and PageUp.
    at.button(key="key-PageDown").click().run()
    assert heading(at) == shown[1].event.title
    assert url(at) == {"narrative": NIGHT, "step": "2"}
    at.button(key="key-PageUp").click().run()
    assert heading(at) == shown[0].event.title
    at.button(key="prev").click().run()
    assert heading(at) == NIGHT_TITLE
    assert url(at) == {"narrative": NIGHT, "step": "0"}

    at.selectbox(key="p_step").set_value(7).run()
    assert heading(at) == "Deaths at 20 Yanvar Circle, on Neftchiler Avenue and elsewhere"
    assert url(at) == {"narrative": NIGHT, "step": "7"}


def test_the_last_step_has_no_next(catalog):
    at = present({"narrative": NIGHT, "step": "16"})
    assert heading(at) == "Mass funeral procession"
    assert at.button(key="next").disabled and at.button(key="key-PageDown").disabled and at.button(key="key-Right").disabled
    assert not at.button(key="prev").disabled


def test_deep_link_opens_the_step_with_a_short_content_note(catalog):
    at = present({"narrative": RALLIES, "step": "3"})
    assert not at.exception
    assert heading(at) == 'Mass protests begin, the "square movement"'
    assert at.selectbox(key="p_narrative").value == RALLIES
    assert at.selectbox(key="p_step").value == 3
    assert "step 3 of 15" in shown_text(at)
    assert "> Then, the Soviet government had an intention to realize the Armenian policy" in shown_text(at)
    assert content_notes(at) == [f"**Content note.** {CONTENT_NOTE_SHORT}"]
    assert url(at) == {"narrative": RALLIES, "step": "3"}
    at.button(key="next").click().run()
    assert heading(at) == "Months of rallies in Baku"
    assert content_notes(at) == []  # warned once


@pytest.mark.parametrize(
    "query, notices, title, fallback",
    [
        (
            {"narrative": "the-day-after", "step": "2"},
            ["Ignored the narrative 'the-day-after' in the link: there is no such narrative."],
            "What the operation was for, as each source says", {"narrative": NIGHT, "step": "2"},
        ),
        (
            {"narrative": RALLIES, "step": "16"},
            ["Ignored the step '16' in the link: this narrative has steps 0 (title) to 15."],
            RALLIES_TITLE, {"narrative": RALLIES, "step": "0"},
        ),
        (
            {"step": "²"},
            ["Ignored the step '²' in the link: this narrative has steps 0 (title) to 16."],
            NIGHT_TITLE, {"narrative": NIGHT, "step": "0"},
        ),
        (
            {"narrative": "![x](https://example.org/x.png)", "step": "<b>1</b>"},
            [
                "Ignored the narrative '![x](https://example.org/x.png)' in the link: there is no such narrative.",
                "Ignored the step '<b>1</b>' in the link: this narrative has steps 0 (title) to 16.",
            ],
            NIGHT_TITLE, {"narrative": NIGHT, "step": "0"},
        ),
    ],
)
def test_bad_links_fall_back_with_a_notice(query, notices, title, fallback):
    at = present(query)
    assert not at.exception
    warnings = [w.value for w in at.warning if "Content note" not in w.value]
    # Escaped for Markdown: the link's text is shown as typed, never as an image or a link.
    assert warnings == [md_escape(n) for n in notices]
    assert heading(at) == title
    assert url(at) == fallback


def test_the_teachers_note_is_on_the_presenter_view_not_the_projector(catalog):
    note = " ".join(catalog.narratives[NIGHT].steps[4].note.split())
    at = present({"narrative": NIGHT, "step": "5"})
    assert heading(at) == "Soviet troops enter Baku"
    assert f"**Teacher's note** (not shown on the projector): {note}" in shown_text(at)
    assert note.startswith("The second block: around midnight.")
    projector = present({"narrative": NIGHT, "step": "5", "view": "projector"})
    assert heading(projector) == "Soviet troops enter Baku"
    assert "The second block" not in shown_text(projector) and "Teacher's note" not in shown_text(projector)


def test_the_projector_view_has_no_controls_and_the_presenter_a_link_to_it():
    projector = present({"narrative": NIGHT, "step": "5", "view": "projector"})
    assert not projector.exception
    assert not projector.selectbox and not projector.get("link_button") and not projector.get("download_button")
    assert {b.key for b in projector.button} == {"key-Left", "key-Right", "key-PageUp", "key-PageDown"}
    presenter = present({"narrative": NIGHT, "step": "5"})
    [link] = presenter.get("link_button")
    assert link.proto.label == "Open the projector view"
    assert re.fullmatch(r"\?narrative=night-hour-by-hour&step=5&room=[a-z2-9]{8}&view=projector", link.proto.url)
    assert "room" not in url(presenter)  # the presenter's own link is a plain one, to share without the lesson


@pytest.mark.parametrize(
    "step, expected",
    [
        # The decree in Moscow: nothing in Baku to draw; Moscow is listed under the map.
        (1, {}),
        (3, {"tv-centre": ACTIVE_RED, "baku": PAST_GREY}),
        (5, {"baku": ACTIVE_RED, "20-yanvar-circle": ACTIVE_RED, "tv-centre": PAST_GREY}),
        (7, {
            "20-yanvar-circle": ACTIVE_RED, "neftchiler-avenue": ACTIVE_RED,
            "tv-centre": PAST_GREY, "baku": PAST_GREY,
        }),
    ],
)
def test_the_map_shows_this_steps_places_red_and_earlier_ones_grey(step, expected):
    at = present({"narrative": NIGHT, "step": str(step)})
    assert place_colours(at) == expected


def test_the_map_uses_the_steps_view_and_lists_places_outside_baku(catalog):
    at = present({"narrative": NIGHT, "step": "3"})
    view = json.loads(at.get("deck_gl_json_chart")[0].proto.json)["initialViewState"]
    assert (view["latitude"], view["longitude"], view["zoom"]) == (40.3635, 49.8305, 14)
    at = present({"narrative": NIGHT, "step": "1"})
    moscow = catalog.places["moscow-kremlin"].name
    assert moscow == "Moscow, the Kremlin"
    assert f"This step: {moscow}, far from Baku; the line joins it to Baku" in shown_text(at)
    # The map shows Moscow itself, joined to Baku, with the distance between them: not an empty map of Baku.
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    labels = next(layer for layer in deck["layers"] if layer["id"] == "away-labels")["data"]
    assert {row["name"] for row in labels} == {moscow, "Baku", "1,930 km"}  # geodesic, WGS84
    [line] = next(layer for layer in deck["layers"] if layer["id"] == "away-line")["data"]
    assert line["from"] == [49.88222, 40.39528] and line["to"] == [37.61749, 55.75202]


def test_changing_the_narrative_goes_back_to_its_title():
    at = present({"narrative": NIGHT, "step": "12"})
    assert heading(at) == "How many were killed, wounded and detained"
    at.selectbox(key="p_narrative").set_value(RALLIES).run()
    assert heading(at) == RALLIES_TITLE
    assert at.selectbox(key="p_step").value == 0
    assert url(at) == {"narrative": RALLIES, "step": "0"}
    at.selectbox(key="p_narrative").set_value(CHRONOLOGY_ID).run()
    assert heading(at) == "Black January: the whole chronology"
    assert "31 steps." in shown_text(at)
    # Select options are plain text, not Markdown: no escaping backslashes.
    assert at.selectbox(key="p_narrative").options == [NIGHT_TITLE, RALLIES_TITLE, "Black January: the whole chronology"]


@pytest.mark.parametrize("narrative_id", [NIGHT, RALLIES, CHRONOLOGY_ID])
def test_every_step_renders(catalog, narrative_id):
    shown = slides(catalog, narrative_or_chronology(catalog, narrative_id))
    at = present({"narrative": narrative_id})
    for slide in shown:
        at.selectbox(key="p_step").set_value(slide.number).run()
        assert not at.exception, f"step {slide.number}"
        assert heading(at) == slide.event.title
        text = shown_text(at)
        assert f"step {slide.number} of {len(shown)}" in text
        for citation in slide.compared or (slide.citation,):
            assert f"> {' '.join(citation.quote.split())}" in text
        if slide.compared:  # the sources side by side take the whole slide
            assert not at.get("deck_gl_json_chart")
            continue
        drawn = place_colours(at)
        assert {p.id for p in slide.places if p.in_baku} == {p for p, c in drawn.items() if c == ACTIVE_RED}
        for place in slide.away:
            assert place.name in text
    assert url(at) == {"narrative": narrative_id, "step": str(len(shown))}


# --- hostile text --------------------------------------------------------------

# Markup that would be live in Markdown: a tag, an image or a link not preceded by an escaping backslash.
LIVE_MARKDOWN = re.compile(r"(?<!\\)<[a-z/]|!\[|\]\(")


def markdown_shown(at: AppTest) -> list[str]:
    """Every string the page hands to Streamlit's Markdown renderer."""
    elements = [*at.title, *at.markdown, *at.caption, *at.warning, *at.info]
    return [e.value for e in elements] + [w.label for w in [*at.button, *at.toggle, *at.selectbox]]


def test_hostile_text_is_shown_as_text(hostile_present_data, monkeypatch):
    monkeypatch.setenv("BLACKJANUARY_DATA", str(hostile_present_data))
    catalog = load(hostile_present_data)
    for narrative_id, narrative in catalog.narratives.items():
        at = present({"narrative": narrative_id})
        assert not at.exception
        assert heading(at) == f"{narrative.title}" and narrative.title.endswith(HOSTILE)
        assert HOSTILE in unescape("\n".join(m.value for m in at.markdown))  # the description
        # Select options are plain text; the title shows exactly as written.
        assert f"{narrative.title}" in at.selectbox(key="p_narrative").options
        seen = markdown_shown(at)
        at.selectbox(key="p_step").set_value(1).run()
        for slide in slides(catalog, narrative):
            at.selectbox(key="p_step").set_value(slide.number).run()
            assert not at.exception
            assert heading(at) == slide.event.title and HOSTILE in slide.event.title
            assert any(" ".join(slide.note.split()) in unescape(m.value) for m in at.markdown)
            assert any(HOSTILE in unescape(c.value) for c in at.caption)  # the source's publisher and title
            if slide.event.id == QUOTED_EVENT and slide.citation.quote == f"{QUOTE} {HOSTILE}":
                assert f"> {md_escape(slide.citation.quote)}" in [m.value for m in at.markdown]
            assert f"{slide.number} of {len(narrative.steps)}: {slide.event.title}" in at.selectbox(key="p_step").options
            seen += markdown_shown(at)
        live = [text for text in seen if LIVE_MARKDOWN.search(text)]
        assert live == []
        assert sum(HOSTILE in unescape(text) for text in seen) > 3 * len(narrative.steps)
        # Nothing from the data goes into raw HTML: the one st.html is the page's own style.
        assert all("__pwned" not in h.proto.body for h in at.get("html"))


def test_read_it_in_the_source_leads_back_to_the_slide():
    at = present({"narrative": NIGHT, "step": "5"})
    [link] = [p for p in at.get("page_link") if p.proto.label == "Read it in the source"]
    query = dict(part.split("=") for part in link.proto.query_string.split("&")) if link.proto.query_string else {}
    assert {k: query[k] for k in ("narrative", "step")} == {"narrative": NIGHT, "step": "5"}
    source = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    source.query_params.clear()
    source.query_params.update(query)
    source = source.switch_page("app_pages/sources.py").run()
    [back] = [p for p in source.get("page_link") if p.proto.label == "Back to the slide"]
    assert back.proto.page == "present"
    assert not [p for p in source.get("page_link") if p.proto.label == "Back to the event"]
