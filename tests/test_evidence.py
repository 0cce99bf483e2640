"""Honest hours: window edges rest on evidence, open edges stay open, passages say who says them and on whose authority.

The checks run on the tiny data folder of conftest.py changed one thing at a
time, and on the shipped data; the time logic and the words for windows are
tested at the steps of the night where the evidence changes, and where it
does not.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from helpers import ROOT, open_page, run_app
from problems import assert_reported, errors
from streamlit.testing.v1 import AppTest

from blackjanuary import check
from blackjanuary.attribution import citation_attribution, timing_lines
from blackjanuary.evidence import clock_written, counted_sources, dates_written, edge_supported
from blackjanuary.loading import attribution_unit, speaker_named, speaker_voice
from blackjanuary.models import Event
from blackjanuary.range_view import range_view
from blackjanuary.timeline import BAKU, RANGES, baku, describe_event_window, step_status
from blackjanuary.timeline_figure import FADE_LEVELS, layout_timeline, segments, timeline_figure

E, S, P = "events.yaml", "sources.yaml", "places.yaml"


def warnings(folder) -> list[str]:
    _, problems = check(folder)
    return [f"{p.file.rsplit('/', 1)[-1]}:{p.line}: {p.message}" for p in problems if p.severity == "warning"]


# --- what the evidence writes ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, written",
    [
        ("the night of January 19–20", {(1, 19), (1, 20)}),
        ("the night of January 19 to 20", {(1, 19), (1, 20)}),
        ("from the late hours of January 19 into January 20", {(1, 19), (1, 20)}),
        ("\"on January thirteenth\" (Teen Voice)", {(1, 13)}),
        ("Sat 13 Jan 1990, evening", {(1, 13)}),
        ("dated 12–19 January 1990 in Wikipedia", {(1, 12), (1, 19)}),
        ("30 August to 18 October 1991", {(8, 30), (10, 18)}),
        ("In the morning", set()),
        ("In January 1990", set()),
    ],
)
def test_dates_written(text, written):
    assert dates_written(text) == written


@pytest.mark.parametrize(
    "text, hour, minute, written",
    [
        ("about 19:25–19:30 Baku time", 19, 30, True),
        ("rond 19.30 uur", 19, 30, True),
        ("at about 7:00", 7, 0, True),
        ("shortly after midnight", 0, 0, True),
        ("from about 23:30", 3, 30, False),  # 23:30 is not 03:30
        ("about 19:25–19:30", 19, 0, False),
        ("the evening of 19 January", 6, 0, False),
    ],
)
def test_clock_written(text, hour, minute, written):
    assert clock_written(text, datetime(1990, 1, 20, hour, minute, tzinfo=BAKU)) is written


@pytest.mark.parametrize(
    "value, precision, evidence, closing, supported",
    [
        (baku(1990, 1, 20, 6), "approximate", "the night of 19–20 January", True, False),  # the old invented 06:00
        (baku(1990, 1, 20, 7), "approximate", "announced at about 07:00 on 20 January", True, True),
        (baku(1990, 1, 16), "day", "on January thirteenth; the following days", True, False),  # the old pogrom end
        (baku(1990, 1, 20), "day", "dated 12–19 January 1990", True, True),  # a closing midnight claims the 19th
        (baku(1990, 1, 20), "day", "from 20 January", False, True),
        (baku(1989, 1, 1), "approximate", "in 1989 and early 1990", False, True),  # midnight of a new year: the year
        (baku(1990, 1, 1), "month", "In January 1990", False, True),
        (baku(1992, 1, 1), "year", "in the aftermath of January 1990", True, False),  # the old aftermath end
        (baku(1993, 1, 1), "year", "In 1993 and after", False, True),
    ],
)
def test_edge_supported(value, precision, evidence, closing, supported):
    assert edge_supported(value, precision, evidence, closing) is supported


@pytest.mark.parametrize(
    "sentence, count",
    [
        ("Two sources describe the expulsion.", 2),
        ("Three sources treat the speech as an assessment.", 3),
        ("Both texts say so.", 2),
        ("All five sources mention it.", 5),
        ("Of the five texts only Teen Voice mentions them.", None),  # "the five texts" is the corpus
        ("The sources give different figures.", None),
    ],
)
def test_counted_sources(sentence, count):
    assert counted_sources(sentence) == count


# --- the loader's checks on the tiny folder ----------------------------------------------

SPEAKER = """  speakers:
    - id: the-witness
      name: Ann Witness
      role: resident
      named_as: [Witness, she said]
"""


@pytest.mark.parametrize(
    "name, edits, files, where, fragment",
    [
        ("a source counted that is not cited", [(E, "summary: People gather on the square.",
                                                  "summary: Two sources say people gather on the square.")], {},
         "events.yaml:3", "counts 2 sources, but the event cites 1"),
        ("an uncertain end with no end", [(E, "  end: 1990-01-20T00:30:00+04:00\n", "  end: null\n  end_uncertain: true\n")], {},
         "events.yaml:1", "end_uncertain needs an end"),
        ("no edge at all", [(E, "  start: 1990-01-19T23:30:00+04:00\n  end: 1990-01-20T00:30:00+04:00\n",
                             "  start: null\n  end: null\n")], {},
         "events.yaml:1", "an event needs a start, an end or both"),
        ("an authority not in the quote", [(E, "      quote: |-\n", "      authority: According to official data\n      quote: |-\n")], {},
         "events.yaml:14", "authority \"According to official data\" is not in the quote"),
        ("a source's own when that is not in its text", [(E, "      quote: |-\n", "      when: that morning\n      quote: |-\n")], {},
         "events.yaml:14", "when \"that morning\" is not found verbatim in source 'paper'"),
        ("a speaker the source does not list", [(E, "      quote: |-\n", "      speaker: nobody\n      quote: |-\n")], {},
         "events.yaml:14", "speaker 'nobody' is not one of source 'paper''s speakers (none listed)"),
        ("a named speaker left out", [(S, "  genre: report\n", "  genre: report\n" + SPEAKER)],
         {"sources/paper.txt": "On the evening of 19 January, Witness recalls,\nthe crowd gathered on the square and waited.\n"},
         "events.yaml:14", "the text names Ann Witness around this passage; say who says it with 'speaker: the-witness'"),
    ],
)
def test_evidence_mistakes_are_reported_at_their_line(make_data, name, edits, files, where, fragment):
    assert_reported(errors(make_data(edits=edits, files=files)), where, fragment)


def test_a_named_speaker_given_passes(make_data):
    folder = make_data(
        edits=[(S, "  genre: report\n", "  genre: report\n" + SPEAKER), (E, "      quote: |-\n", "      speaker: the-witness\n      quote: |-\n")],
        files={"sources/paper.txt": "On the evening of 19 January, Witness recalls,\nthe crowd gathered on the square and waited.\n"},
    )
    assert errors(folder) == []


def test_an_edge_without_evidence_is_a_warning_at_its_line(make_data):
    folder = make_data(edits=[(E, "  when: from about 23:30 to 00:30 on 19–20 January", "  when: late in the evening")])
    found = warnings(folder)
    assert any(w.startswith("events.yaml:4: ") and "start (23:30 on 19 Jan 1990" in w and "rests on no evidence" in w for w in found), found
    assert any(w.startswith("events.yaml:5: ") and "end (00:30 on 20 Jan 1990" in w for w in found), found
    assert errors(folder) == []  # a warning: the curator sees it, the app still opens


def test_an_open_end_needs_no_evidence_and_stays_open(make_data):
    folder = make_data(edits=[(E, "  end: 1990-01-20T00:30:00+04:00\n", "  end: null\n")])
    catalog, problems = check(folder)
    assert problems == []
    event = catalog.event("crowd-gathers")
    assert event.end is None and event.open_end and event.last == event.start


def test_an_authority_phrase_without_authority_is_a_warning(make_data):
    folder = make_data(
        edits=[(E, "the crowd gathered\n        on the square", "according to the police the crowd gathered")],
        files={"sources/paper.txt": "On the evening of 19 January, according to the police the crowd gathered.\n"},
    )
    assert any("the quote says \"according to\"; name that authority with 'authority:'" in w for w in warnings(folder))


def test_an_estimated_position_must_say_so(make_data):
    folder = make_data(edits=[(P, "  coordinates_ref: Made up for the tests.\n\n", "  coordinates_ref: Position estimated from an address.\n\n")])
    assert any(w.startswith("places.yaml:1: ") and "coordinates_estimated: true" in w for w in warnings(folder))


# --- attribution units and voices ------------------------------------------------------

TEXT = (
    "BAKU, January 19. Something happened, the analyst Ann Witness told the paper.\n\n"
    '"The first paragraph of her words.\n\n'
    'The second paragraph of her words," she said.\n\n'
    "The paper's own paragraph.\n"
)


def test_a_quotation_over_paragraphs_is_one_unit_of_attribution():
    start = TEXT.index('"The first')
    unit = TEXT[slice(*attribution_unit(TEXT, start))]
    assert unit.startswith('"The first paragraph') and unit.rstrip().endswith("she said.")
    own = TEXT.index("The paper's own")
    assert TEXT[slice(*attribution_unit(TEXT, own))].strip() == "The paper's own paragraph."


def test_who_is_named_and_how_they_are_given():
    from blackjanuary.models import Speaker

    witness = Speaker(id="ann", name="Ann Witness", role="analyst", named_as=["Witness", "she said"])
    assert speaker_named(TEXT, "The first paragraph of her words.", witness)  # named at the end of the quotation
    assert speaker_named(TEXT, "Something happened", witness)
    assert not speaker_named(TEXT, "The paper's own paragraph.", witness)
    assert speaker_voice(TEXT, "The first paragraph of her words.") == "quoted"
    assert speaker_voice(TEXT, "Something happened") == "reported"


# --- the shipped data --------------------------------------------------------------------


def test_the_shipped_data_has_no_edge_without_evidence(real):
    _, problems = check(ROOT / "data")
    assert [str(p) for p in problems if "rests on no evidence" in p.message] == []


def test_every_trend_passage_is_the_analysts_and_says_so(real):
    trend = [c for e in real.events for c in e.citations if c.source == "trend"]
    assert trend and all(c.speaker == "azer-garayev" for c in trend)
    line = citation_attribution(real, real.event("casualty-figures").citations[3])
    assert line.startswith("Azer Garayev, political analyst, quoted by Trend News Agency")
    assert line.endswith("on the authority of “Official reports state”")
    told = next(c for c in real.event("troops-enter-baku").citations if c.source == "trend")
    assert citation_attribution(real, told).startswith("Azer Garayev, political analyst, as reported by Trend News Agency")


def test_official_data_belongs_only_to_the_sentence_that_says_so(real):
    for event in real.events:
        for citation in event.citations:
            says_so = "According to official Azerbaijani data" in citation.quote
            assert (citation.authority == "According to official Azerbaijani data") == says_so, (event.id, citation.quote)
    magazine = next(c for c in real.claims if c.id == "killed-magazine")
    assert magazine.authority is None  # the magazine states 147 on no authority


def test_aksoy_is_named_where_news_az_reports_him(real):
    aksoy = [c for e in real.events for c in e.citations if c.speaker == "mehmet-emir-aksoy"]
    assert {c.source for c in aksoy} == {"news-az"} and len(aksoy) >= 3
    line = citation_attribution(real, aksoy[0])
    assert line.startswith("Mehmet Emir Aksoy, Turkish political scientist, as reported by News.az")
    own = real.event("casualty-figures").citations[0]
    assert citation_attribution(real, own).startswith("News.az, ")  # the article's own sentence


@pytest.mark.parametrize(
    "event_id, start, end, open_end, end_uncertain",
    [
        # None of these edges may come from nowhere: each was checked against the texts and REFERENCES.md.
        ("shooting-at-civilians", "1990-01-19T23:30", "1990-01-20T12:00", False, True),
        ("tanks-crush-cars", "1990-01-19T23:30", "1990-01-20T12:00", False, True),
        ("morning-20-january", "1990-01-20T07:00", None, True, False),
        ("barricades", "1990-01-18T00:00", None, True, False),
        ("information-blockade", "1990-01-19T19:30", None, True, False),
        ("casualty-figures", "1990-01-19T23:30", None, True, False),
        ("pogroms-13-january", "1990-01-13T00:00", "1990-01-20T00:00", False, True),
        ("trust-in-moscow-collapses", "1990-01-21T00:00", None, True, False),
        ("troops-enter-baku", "1990-01-19T23:30", "1990-01-20T00:20", False, False),
    ],
)
def test_the_windows_rest_on_evidence(real, event_id, start, end, open_end, end_uncertain):
    event = real.event(event_id)
    local = lambda t: t.astimezone(BAKU).strftime("%Y-%m-%dT%H:%M") if t else None  # noqa: E731
    assert (local(event.start), local(event.end)) == (start, end)
    assert (event.open_end, event.end_uncertain) == (open_end, end_uncertain)


def test_the_sources_disagreements_on_when_are_recorded(real):
    tv = timing_lines(real, real.event("tv-power-unit-blown-up"))
    assert "Trend News Agency: “During the violence”" in tv
    assert tv[-1].startswith("Public references: About 19:25–19:30")
    funeral = timing_lines(real, real.event("mass-funeral"))
    assert "Teen Voice (teenvoice.kz): “In the morning”" in funeral
    entry = timing_lines(real, real.event("troops-enter-baku"))
    assert "Azernews: “Night fell over Baku on 20 January 1990”" in entry
    assert real.event("mass-funeral").when_note and real.event("tv-power-unit-blown-up").when_note


def test_the_funerals_sentence_is_quoted_whole(real):
    [teen] = [c for c in real.event("mass-funeral").citations if c.source == "teen-voice"]
    assert "Military equipment stood in the streets, but thousands of residents came out for the funerals." in " ".join(teen.quote.split())


def test_what_each_source_says_the_operation_was_for(real):
    aims = real.event("stated-aims")
    assert set(aims.source_ids) == {"teen-voice", "trend", "news-az", "azernews", "magazine"}
    quotes = " ".join(" ".join(c.quote.split()) for c in aims.citations)
    for words in ("the formal justification was the fear of new pogroms", "the true aim was to suppress the national liberation movement",
                  "The Soviet leadership called it the restoration of order", "carried out by the order of USSR President"):
        assert words.lower() in quotes.lower()
    decree = " ".join(c.quote for c in real.event("emergency-decree").citations)
    assert "Gorbachev" not in decree  # the order of the attack is not the decree


# --- statuses, changes and words for windows --------------------------------------------


def event(**fields) -> Event:
    base = dict(id="e", title="E", summary="S", precision="approximate", when="w", places=["p"], category="violence",
                citations=[{"source": "s", "quote": "q"}])
    return Event.model_validate(base | fields)


@pytest.mark.parametrize(
    "fields, at, status",
    [
        (dict(start="1990-01-19T23:30:00+04:00", end=None), (23, 0), "active"),
        (dict(start="1990-01-19T23:30:00+04:00", end=None), (22, 0), "future"),
        (dict(start="1990-01-19T23:30:00+04:00", end=None), (3, 0), "open"),
        (dict(start=None, end="1990-01-20T03:00:00+04:00"), (2, 0), "active"),
        (dict(start=None, end="1990-01-20T03:00:00+04:00"), (1, 0), "open"),
        (dict(start=None, end="1990-01-20T03:00:00+04:00"), (4, 0), "past"),
        (dict(start="1990-01-19T23:30:00+04:00", end="1990-01-20T07:00:00+04:00", end_uncertain=True), (6, 0), "active"),
        (dict(start="1990-01-19T23:30:00+04:00", end="1990-01-20T07:00:00+04:00", end_uncertain=True), (7, 0), "past"),
    ],
)
def test_step_status_with_open_and_uncertain_edges(fields, at, status):
    hour, minute = at
    day = 19 if hour >= 18 else 20
    step = baku(1990, 1, day, hour, minute)
    assert step_status(event(**fields), step, RANGES["night"].next_step(step)) == status


def changes_at(real, when: str):
    view = range_view(real, "night")
    position = [s.strftime("%H:%M") for s in view.steps].index(when)
    return view.changes(position), view.change_lines(position)


def test_what_changed_at_the_hours_the_evidence_tells_apart(real):
    changes, (heading, lines) = changes_at(real, "19:00")
    assert "tv-power-unit-blown-up" in changes.begun and "information-blockade" in changes.begun
    assert heading == "What changed since 18:00"
    assert lines[0].startswith("Begins: ") and "Television centre's power unit blown up" in lines[0]

    changes, (_, lines) = changes_at(real, "20:00")
    assert changes.over_by == ("tv-power-unit-blown-up",) and not changes.over and not changes.begun
    assert lines == ["Over by now at the latest (the texts give no exact end): Television centre's power unit blown up"]

    changes, _ = changes_at(real, "23:00")
    assert {"troops-enter-baku", "shooting-at-civilians", "casualty-figures"} <= set(changes.begun)

    changes, (_, lines) = changes_at(real, "01:00")  # the columns reached the pickets around 00:20
    assert changes.over == ("troops-enter-baku",) and lines == ["Over: Soviet troops enter Baku"]

    changes, (_, lines) = changes_at(real, "07:00")
    assert {"emergency-announced", "morning-20-january"} <= set(changes.begun)
    assert changes.over_by == ("emergency-unannounced",)

    changes, (_, lines) = changes_at(real, "12:00")  # the night's violence is bounded only by the end of the morning
    assert {"shooting-at-civilians", "tanks-crush-cars", "families-search-hospitals"} <= set(changes.over_by)
    assert any(line.startswith("Over by now at the latest (the texts give no exact end): ") for line in lines)


@pytest.mark.parametrize("when", ["21:00", "22:00", "02:00", "03:00", "04:00", "05:00", "09:00", "11:00"])
def test_an_hour_the_evidence_does_not_tell_apart_says_so(real, when):
    changes, (_, lines) = changes_at(real, when)
    assert changes.nothing
    assert lines == ["Nothing in the evidence sets this step apart from the one before: the texts give no finer time."]


def test_the_first_step_lists_what_is_under_way(real):
    _, (heading, lines) = changes_at(real, "18:00")
    assert heading == "At the start of this range"
    assert "Pogroms against Armenian residents of Baku" in lines[0]


@pytest.mark.parametrize(
    "lang, event_id, words",
    [
        ("en", "information-blockade", "from 19 Jan 1990, about 19:30 Baku time; the texts give no end"),
        ("en", "shooting-at-civilians",
         "between 19 Jan 1990, about 23:30 Baku time and 20 Jan 1990, about 12:00 Baku time; the texts give neither edge exactly"),
        ("en", "yearly-commemoration", "not before 1991, until 2026; the texts give no exact start"),
        ("en", "barricades", "from 18 Jan 1990; the texts give no end"),
        ("ru", "information-blockade", "с 19 января 1990, около 19:30 по бакинскому времени; конец в текстах не указан"),
        ("az", "barricades", "başlanğıc: 18 yanvar 1990; mətnlər sonunu göstərmir"),
    ],
)
def test_windows_in_words_say_where_the_evidence_is_open(real, lang, event_id, words):
    assert describe_event_window(real.event(event_id), lang) == words


def test_an_open_or_uncertain_edge_fades_on_the_timeline(real):
    layout = layout_timeline(RANGES["night"], real.events)
    blockade = segments(layout, real.event("information-blockade"))
    assert [level for *_, level in blockade] == [1.0, *FADE_LEVELS]  # solid where it starts, fading to the range's end
    assert blockade[-1][1] == layout.spans["information-blockade"][1]
    shooting = segments(layout, real.event("shooting-at-civilians"))
    assert shooting[0][2] == 1.0 and shooting[-1][2] == FADE_LEVELS[-1]
    assert segments(layout, real.event("troops-enter-baku")) == [(*layout.spans["troops-enter-baku"], 1.0)]
    figure = timeline_figure(layout)
    names = {t.name for t in figure.data if t.type == "bar" and t.showlegend}
    assert "Fading: the texts give no end (or start), or only bound it" in names
    hover = {row[0]: row[2] for t in figure.data if t.type == "bar" for row in t.customdata}
    assert hover["information-blockade"].endswith("the texts give no end")


def test_places_of_open_events_are_neither_red_nor_grey(real):
    view = range_view(real, "night")
    position = [s.strftime("%H:%M") for s in view.steps].index("03:00")
    assert view.statuses[position]["tv-centre"] == "open"  # the blockade began at 19:30 and has no end in the texts
    assert view.statuses[position]["20-yanvar-circle"] == "active"
    assert "information-blockade" in {e.id for e in view.open_events(position)}


# --- the page ------------------------------------------------------------------------------


def shown(at: AppTest) -> str:
    """What the Explore component's passage panel shows for the page's selection."""
    from component import panel_text

    return panel_text(at)


def test_explore_says_when_an_hour_is_not_told_apart(real):
    from component import component_payload

    at = run_app({"t": "1990-01-20T03:00"})
    assert not at.exception
    payload = component_payload(at)
    # The component shows these lines in the browser at each step; the page hands them over once per range.
    at_step = dict(zip((s["label"] for s in payload["steps"]), payload["changes"]))
    three = at_step["03:00"]
    assert three["heading"] == "What changed since 02:00"
    assert three["lines"] == ["Nothing in the evidence sets this step apart from the one before: the texts give no finer time."]
    eleven = at_step["23:00"]
    assert eleven["heading"] == "What changed since 22:00"
    assert any(line.startswith("Begins: ") and "Soviet troops enter Baku" in line for line in eleven["lines"])


def test_explore_event_panel_shows_each_sources_time_and_speaker(real):
    at = run_app({"event": "tv-power-unit-blown-up", "t": "1990-01-19T19:00"})
    assert not at.exception
    text = shown(at)
    assert "When, as each source puts it" in text
    assert "Trend News Agency: “During the violence”" in text
    assert "Public references put the blast at about 19:25–19:30 on 19 January" in text
    assert "Azer Garayev, political analyst, quoted by Trend News Agency" in text


def test_explore_place_panel_says_a_position_is_estimated(real):
    at = run_app({"place": "tv-centre"})
    assert not at.exception
    assert "Position estimated, not read off a map: " in shown(at)
    at = run_app({"place": "alley-of-martyrs"})
    assert "Position estimated" not in shown(at)


def test_chronology_shows_the_disagreement_on_when(real):
    at = open_page("app_pages/chronology.py")
    assert not at.exception
    [html] = [h.proto.body for h in at.get("html") if "bj-chronology" in h.proto.body]
    row = html[html.index('id="chrono-mass-funeral"'):]
    row = row[: row.index("</tr>")]
    assert "Teen Voice (teenvoice.kz): “In the morning”" in row
    assert "Public references date the" in row


def test_the_offline_slides_show_each_sources_time(real):
    from blackjanuary.export import html_export

    page = html_export(real, real.narratives["night-hour-by-hour"])
    tv = page[page.index('id="step-3"'):]
    tv = tv[: tv.index("</section>")]
    assert "When, as each source puts it" in tv
    assert "Trend News Agency: “During the violence”" in tv
    assert "Azer Garayev, political analyst, quoted by Trend News Agency" in tv


def test_speakers_and_notes_on_when_stay_inert(tmp_path, monkeypatch):
    from hostile import HOSTILE, write_hostile_copy

    from blackjanuary import load

    folder = write_hostile_copy(ROOT / "data", tmp_path / "data")
    catalog = load(folder)
    at = run_app({"event": "tv-power-unit-blown-up"}, data_dir=folder, monkeypatch=monkeypatch)
    assert not at.exception
    # The panel's text goes to the component as plain text, which it sets as text; the page writes none of it.
    raw = "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])
    assert "<img" not in raw.replace("\\<img", "") and "](javascript" not in raw.replace("\\]\\(javascript", "")
    text = shown(at)
    assert " ".join(catalog.event("tv-power-unit-blown-up").when_note.split()) in text  # the note, as text
    garayev = catalog.sources["trend"].speakers[0]
    assert garayev.name.endswith(HOSTILE) and garayev.name in text  # the speaker's name, as text
    from blackjanuary.chronology import chronology_html

    table = chronology_html(catalog, frozenset(), "now")
    assert "<img" not in table and "<script>" not in table and "&lt;img" in table
