"""Figures and corroboration: every source's numbers side by side, who backs each event, and source profiles.

The pure functions run on the real data and on small catalogues written here;
the pages run in AppTest. Nothing may be averaged, merged or preferred.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter

import pytest
import yaml
from component import component_payload
from conftest import EVENTS_YAML, PAPER_TXT, SOURCES_YAML
from helpers import open_page, run_app, unescape
from hostile import HOSTILE, PAYLOADS
from streamlit.testing.v1 import AppTest

from blackjanuary import check
from blackjanuary.claims import claims_figure, claims_for, coverage, measures, profile, spread_note, support_text
from blackjanuary.i18n import measure_name
from blackjanuary.models import Qualifier
from blackjanuary.text import html_escape
from blackjanuary.timeline import RANGES
from blackjanuary.timeline_figure import SINGLE_SOURCE_MARK, layout_timeline, timeline_figure

MEASURES = ["killed", "wounded", "detained", "troops", "expelled", "rally-crowd", "funeral-crowd", "commemoration-crowd"]
OPEN_ENDED = {Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.VAGUE}
SINGLE = "pogroms-13-january"  # cited twice, both times by Teen Voice alone
SEVERAL = "tanks-crush-cars"  # cited by two sources


# --- small catalogues: the tiny folder of conftest.py plus a second source and claims ----

GAZETTE = """
- id: gazette
  file: sources/gazette.txt
  publisher: The Gazette
  title: Counting the dead
  byline: Unsigned
  genre: report
"""


def said(source: str, measure: str, wording: str, qualifier: str, low=None, high=None, quote: str | None = None) -> dict:
    """One claim as a curator would write it; its quote goes into the source's text."""
    record = {
        "measure": measure, "source": source, "wording": wording, "qualifier": qualifier, "low": low, "high": high,
        "quote": quote or f"They wrote {wording} that day.",
    }
    if not re.search(r"\d", wording):
        record["reading"] = "Read as the test says."
    return record


def catalogue(make_data, *claims: dict, sources: str = SOURCES_YAML + GAZETTE):
    texts = {source: "".join(f"{c['quote']}\n" for c in claims if c["source"] == source) for source in ("paper", "gazette")}
    records = [{"id": f"claim-{i}", **c} for i, c in enumerate(claims)]
    folder = make_data(files={
        "sources.yaml": sources,
        "sources/paper.txt": PAPER_TXT + texts["paper"],
        "sources/gazette.txt": texts["gazette"] or "Nothing to count.\n",
        "claims.yaml": yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=1000),
    })
    catalog, problems = check(folder)
    assert catalog is not None, [str(p) for p in problems]
    assert len(catalog.claims) == len(claims)
    return catalog


# --- measures and spread notes on the real data ------------------------------------------


def test_measures_come_in_their_usual_order(real):
    assert measures(real) == MEASURES


def test_a_measure_a_curator_added_comes_after_the_known_ones(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "horses", "12 horses", "exact", 12, 12),
        said("paper", "killed", "147 people", "exact", 147, 147),
        said("gazette", "camels", "3 camels", "exact", 3, 3),
    )
    assert measures(catalog) == ["killed", "camels", "horses"]
    assert measure_name("camels", "en") == "Camels"


def test_killed_spread_names_both_ends_and_leaves_words_out(real):
    note = spread_note(real, claims_for(real, "killed"))
    # Teen Voice's own range holds the other numbers: the spread is inside one source, not between sources.
    assert note.startswith("Every number stated lies within one source's own range, 131 to 170 (Teen Voice")
    assert "147 (News.az, “147 people”); 147 (A magazine not named in the text, “147 innocent civilians”)" in note
    assert "run from" not in note and "% above" not in note
    numbers, words = note.split("In words only:")
    assert "“dozens”" in words and "Trend News Agency" in words
    assert "dozens" not in numbers  # read as 24 by us, so not a bound of the spread
    assert "24" not in note


@pytest.mark.parametrize("measure", MEASURES)
def test_spread_notes_never_judge(real, measure):
    note = spread_note(real, claims_for(real, measure))
    judging = re.findall(r"\b(average|averaged|mean|median|true|truly|actual|actually|real|likely|probably|correct|accurate)\b", note, re.I)
    assert judging == [], note
    # Every publisher named in the note is one that makes a claim for the measure.
    named = {real.sources[c.source].publisher for c in claims_for(real, measure)}
    others = {s.publisher for s in real.sources.values()} - named
    assert not [p for p in others if p in note]


def test_spread_notes_on_the_real_data(real):
    assert spread_note(real, claims_for(real, "troops")) == (
        "Only one source gives a number: News.az, “more than 26,000 troops”. "
        "In words only: Trend News Agency, “a large contingent of Soviet troops”."
    )
    assert spread_note(real, claims_for(real, "commemoration-crowd")) == (
        "No source gives a number. In words only: Trend News Agency, “thousands”."
    )
    wounded = spread_note(real, claims_for(real, "wounded"))
    assert wounded.startswith("Numbers stated run from 700 (News.az, “more than 700”) to 744 (")
    assert "Some are lower bounds" in wounded
    assert "Some are lower bounds" not in spread_note(real, claims_for(real, "killed"))
    assert spread_note(real, []) == "No source gives a figure."


def test_nothing_is_merged_every_claim_once(real):
    listed = [c.id for m in measures(real) for c in claims_for(real, m)]
    assert Counter(listed) == Counter(c.id for c in real.claims)
    assert len(listed) == len(real.claims) == 22
    # The two sources that both say 147 keep a claim each.
    assert [c.id for c in claims_for(real, "killed")] == [
        "killed-news-az", "killed-news-az-higher", "killed-trend", "killed-trend-numerous", "killed-teen-voice", "killed-magazine",
    ]


# --- spread notes on small catalogues ------------------------------------------------------


def test_equal_numbers_from_two_sources(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "killed", "147 people", "exact", 147, 147),
        said("gazette", "killed", "147 dead", "exact", 147, 147),
        said("gazette", "killed", "scores", "vague", 40),
    )
    note = spread_note(catalog, claims_for(catalog, "killed"))
    assert note == "The numbers stated all come to 147: The Paper, “147 people”; The Gazette, “147 dead”. In words only: The Gazette, “scores”."


def test_a_lower_bound_equal_to_a_figure_keeps_its_qualifier(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "killed", "more than 147", "more-than", 147, None),
        said("gazette", "killed", "147 dead", "exact", 147, 147),
    )
    note = spread_note(catalog, claims_for(catalog, "killed"))
    assert "“more than 147”" in note and "“147 dead”" in note
    assert "lower bounds" in note


def test_the_spread_line_speaks_the_interface_language(real):
    note = spread_note(real, claims_for(real, "killed"), "ru")
    assert note.startswith("Все названные числа лежат внутри диапазона одного источника, от 131 до 170") and "%" not in note
    assert "“dozens”" in note  # the source's own words stay as written


def test_only_words_give_no_spread(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "killed", "dozens", "vague", 24),
        said("gazette", "killed", "hundreds", "vague", 200),
    )
    note = spread_note(catalog, claims_for(catalog, "killed"))
    assert note == "No source gives a number. In words only: The Paper, “dozens”; The Gazette, “hundreds”."
    assert "%" not in note and "24" not in note and "200" not in note


def test_one_source_with_a_number(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "killed", "147 people", "exact", 147, 147),
        said("gazette", "killed", "dozens", "vague", 24),
    )
    note = spread_note(catalog, claims_for(catalog, "killed"))
    assert note == "Only one source gives a number: The Paper, “147 people”. In words only: The Gazette, “dozens”."


def test_one_source_with_a_range_is_one_source_not_a_spread(make_data):
    catalog = catalogue(make_data, said("paper", "wounded", "between 700 and 800", "range", 700, 800))
    note = spread_note(catalog, claims_for(catalog, "wounded"))
    assert note == "Only one source gives a number: The Paper, “between 700 and 800”."


def test_a_range_that_holds_the_other_numbers_is_said_as_such(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "wounded", "between 700 and 800", "range", 700, 800),
        said("gazette", "wounded", "750 people", "exact", 750, 750),
    )
    note = spread_note(catalog, claims_for(catalog, "wounded"))
    assert note == ("Every number stated lies within one source's own range, 700 to 800 (The Paper, "
                    "“between 700 and 800”): 750 (The Gazette, “750 people”).")


def test_a_spread_between_sources_still_runs_from_one_to_the_other(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "wounded", "between 700 and 800", "range", 700, 800),
        said("gazette", "wounded", "900 people", "exact", 900, 900),
    )
    note = spread_note(catalog, claims_for(catalog, "wounded"))
    assert note == ("Numbers stated run from 700 (The Paper, “between 700 and 800”) to 900 (The Gazette, "
                    "“900 people”); the highest is 29% above the lowest.")


def test_a_spread_from_zero_has_no_percentage(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "missing", "0 people", "exact", 0, 0),
        said("gazette", "missing", "5 people", "exact", 5, 5),
    )
    note = spread_note(catalog, claims_for(catalog, "missing"))
    assert note.startswith("Numbers stated run from 0 (The Paper, “0 people”) to 5 (The Gazette, “5 people”)")
    assert "%" not in note


# --- the claims figure --------------------------------------------------------------------


def points(figure) -> list[dict]:
    """Every marker of the figure: its row, value, visible text and hover data."""
    found = []
    for trace in figure.data:
        if "markers" in (trace.mode or ""):
            for x, y, text, custom in zip(trace.x, trace.y, trace.text, trace.customdata):
                found.append({"x": x, "y": y, "text": text, "custom": list(custom)})
    return found


def lines_on(figure, row: str) -> list:
    return [t for t in figure.data if t.mode == "lines" and list(t.y) == [row, row]]


def unwrap(hover: str) -> str:
    return hover.replace("<br>", " ")


def row_of(figure, claim) -> str:
    [row] = {p["y"] for p in points(figure) if unwrap(p["custom"][3]) == html_escape(" ".join(claim.quote.split()))
             and p["custom"][1] == html_escape(claim.wording)}
    return row


def plotted(claims: list) -> list:
    return [c for c in claims if c.low is not None or c.high is not None]


@pytest.mark.parametrize("measure", MEASURES)
def test_words_only_claims_are_named_in_the_spread_and_never_plotted(real, measure):
    words_only = [c for c in claims_for(real, measure) if c.low is None and c.high is None]
    figure = claims_figure(real, measure)
    drawn = {unwrap(p["custom"][3]) for p in points(figure)}
    note = spread_note(real, claims_for(real, measure))
    for claim in words_only:
        assert html_escape(" ".join(claim.quote.split())) not in drawn or any(
            c.quote == claim.quote for c in plotted(claims_for(real, measure))
        )
        assert f"“{claim.wording}”" in note
    if measure == "killed":
        assert {c.wording for c in words_only} == {"numerous deaths", "may have been higher"}


@pytest.mark.parametrize("measure", MEASURES)
def test_every_claim_shows_its_wording_and_hovers_its_quote(real, measure):
    figure = claims_figure(real, measure)
    claims = plotted(claims_for(real, measure))
    shown = [p["text"] for p in points(figure) if p["text"]]
    hovers = [p["custom"] for p in points(figure)]
    for claim in claims:
        assert shown.count(f"“{html_escape(claim.wording)}”") == sum(c.wording == claim.wording for c in claims)
        assert [real.sources[claim.source].publisher, claim.wording, html_escape(" ".join(claim.quote.split()))] in [
            [h[0], h[1], unwrap(h[3])] for h in hovers
        ]
    # One row per claim, none merged, labelled with its publisher.
    assert len(figure.layout.yaxis.tickvals) == len(claims)
    assert list(figure.layout.yaxis.ticktext) == [html_escape(real.sources[c.source].publisher) for c in claims]


def test_funeral_crowds_are_on_a_log_axis_and_the_killed_on_a_linear_one(real):
    funeral = claims_figure(real, "funeral-crowd").layout.xaxis
    assert funeral.type == "log" and "log scale" in funeral.title.text
    killed = claims_figure(real, "killed").layout.xaxis
    assert killed.type == "linear" and "log" not in killed.title.text
    assert killed.range[0] == 0 and killed.range[1] > 170


@pytest.mark.parametrize("measure", MEASURES)
def test_lower_bounds_are_dotted_ranges_are_bars_and_exact_figures_are_dots(real, measure):
    figure = claims_figure(real, measure)
    for claim in plotted(claims_for(real, measure)):
        drawn = lines_on(figure, row_of(figure, claim))
        if claim.qualifier in OPEN_ENDED:
            [line] = drawn
            assert line.line.dash == "dot"
            assert line.x[0] == claim.low and line.x[1] > claim.low
        elif claim.qualifier is Qualifier.RANGE:
            [line] = drawn
            assert list(line.x) == [claim.low, claim.high]
            assert line.line.dash is None and line.line.width > 3
        else:
            assert drawn == [], claim.id


def test_each_kind_of_claim_is_drawn_its_own_way(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "killed", "147 people", "exact", 147, 147),
        said("paper", "killed", "about 150", "about", 150, 150),
        said("paper", "killed", "at least 100", "at-least", 100),
        said("gazette", "killed", "up to 300", "up-to", None, 300),
        said("gazette", "killed", "from 120 to 200", "range", 120, 200),
        said("gazette", "killed", "scores", "vague", 40),
    )
    figure = claims_figure(catalog, "killed")
    assert figure.layout.xaxis.type == "linear"
    drawn = {c.wording: lines_on(figure, row_of(figure, c)) for c in catalog.claims}
    assert drawn["147 people"] == [] and drawn["about 150"] == []
    for wording, low in (("at least 100", 100), ("scores", 40)):
        [line] = drawn[wording]
        assert line.line.dash == "dot" and line.x[0] == low and line.x[1] > 300
    [up_to] = drawn["up to 300"]
    assert up_to.line.dash == "dot" and list(up_to.x) == [0, 300]
    [bar] = drawn["from 120 to 200"]
    assert list(bar.x) == [120, 200] and bar.line.dash is None
    # An up-to figure has no low, so its only marker, at its high, carries the wording.
    assert [p["x"] for p in points(figure) if p["text"] == "“up to 300”"] == [300]


def test_a_wide_spread_of_numbers_switches_to_a_log_axis(make_data):
    wide = catalogue(make_data, said("paper", "killed", "10 people", "exact", 10, 10), said("gazette", "killed", "500 people", "exact", 500, 500))
    narrow = catalogue(make_data, said("paper", "killed", "20 people", "exact", 20, 20), said("gazette", "killed", "500 people", "exact", 500, 500))
    assert claims_figure(wide, "killed").layout.xaxis.type == "log"  # 50 times
    assert claims_figure(narrow, "killed").layout.xaxis.type == "linear"  # 25 times


def test_hostile_wording_quote_and_publisher_stay_inert_in_the_figure(make_data):
    hostile_sources = SOURCES_YAML.replace("publisher: The Paper", f"publisher: '{HOSTILE}'") + GAZETTE
    wording = f"147 {HOSTILE}"
    catalog = catalogue(
        make_data,
        said("paper", "killed", wording, "exact", 147, 147, quote=f"Some {wording} were killed, {HOSTILE} they said."),
        said("gazette", "killed", "dozens", "vague", 24),
        sources=hostile_sources,
    )
    [claim] = [c for c in catalog.claims if c.source == "paper"]
    assert claim.wording == wording and catalog.sources["paper"].publisher == HOSTILE
    figure = claims_figure(catalog, "killed")
    shown = [p["text"] for p in points(figure)]
    hovers = [field for p in points(figure) for field in p["custom"]]
    assert f"“{html_escape(wording)}”" in shown
    assert html_escape(HOSTILE) in hovers  # the publisher
    assert any(html_escape(f"Some {wording} were killed") in unwrap(h) for h in hovers)
    assert html_escape(HOSTILE) in figure.layout.yaxis.ticktext
    rendered = shown + hovers + list(figure.layout.yaxis.ticktext)
    for payload in PAYLOADS[:2]:  # the two that plotly's pseudo-HTML would act on
        assert not [r for r in rendered if payload in r]
    assert not [r for r in rendered if "<img" in r or "<script" in r]
    # The note is plain text; the page escapes it for Markdown.
    assert HOSTILE in spread_note(catalog, claims_for(catalog, "killed"))


# --- corroboration ------------------------------------------------------------------------


def test_coverage_has_one_row_per_event_and_counts_its_ticks(real):
    rows = coverage(real)
    assert [r["id"] for r in rows] == [e.id for e in real.events]
    assert [r["event"] for r in rows] == [e.title for e in real.events]
    for row in rows:
        ticks = [s for s in real.sources if row[s]]
        assert row["sources"] == len(ticks) == len(real.event(row["id"]).source_ids)
        assert set(row) == {"event", "id", "sources", *real.sources}
    [pogroms] = [r for r in rows if r["id"] == SINGLE]
    assert pogroms["sources"] == 1  # two citations, one source
    assert [s for s in real.sources if pogroms[s]] == ["teen-voice"]
    assert [r["sources"] for r in rows if r["id"] == "troops-enter-baku"] == [4]


def test_support_text_names_the_sources(real):
    assert support_text(real, real.event(SINGLE)) == "Rests on a single source: Teen Voice (teenvoice.kz)"
    several = support_text(real, real.event(SEVERAL))
    assert several.startswith("Backed by 2 of 5 sources: ")


# --- source profiles -----------------------------------------------------------------------


def test_profiles_say_when_each_text_was_written(real):
    assert profile(real, "news-az").years_after == 36
    assert profile(real, "teen-voice").years_after is None
    assert profile(real, "magazine").years_after is None


def test_a_profile_lists_the_events_only_its_source_backs(real):
    teen = profile(real, "teen-voice")
    assert SINGLE in [e.id for e in teen.only_here]
    assert SEVERAL not in [e.id for e in teen.only_here] and SEVERAL in [e.id for e in teen.events]
    assert all(e.source_ids == ["teen-voice"] for e in teen.only_here)
    assert [e.id for e in profile(real, "news-az").only_here] == ["emergency-decree"]  # the others do not mention the decree
    assert teen.span == "1988–1990"
    assert [c.source for c in teen.claims] == ["teen-voice"] * 4


def test_a_figure_another_source_states_too_is_not_its_own(real):
    news = [c.id for c in profile(real, "news-az").figures_only_here]
    magazine = [c.id for c in profile(real, "magazine").figures_only_here]
    assert "killed-news-az" not in news and "killed-magazine" not in magazine  # both say 147 killed
    assert "wounded-news-az" in news and "detained-magazine" in magazine
    assert "killed-teen-voice" in [c.id for c in profile(real, "teen-voice").figures_only_here]


def test_figures_only_here_compares_measure_low_and_high(make_data):
    catalog = catalogue(
        make_data,
        said("paper", "killed", "147 people", "exact", 147, 147),
        said("gazette", "killed", "147 dead", "exact", 147, 147),  # same figure
        said("paper", "wounded", "more than 700", "more-than", 700),
        said("gazette", "wounded", "700 wounded", "exact", 700, 700),  # same low, different high
        said("paper", "detained", "841 arrested", "exact", 841, 841),
        said("gazette", "missing", "841 missing", "exact", 841, 841),  # same number, another measure
    )
    paper = [c.wording for c in profile(catalog, "paper").figures_only_here]
    gazette = [c.wording for c in profile(catalog, "gazette").figures_only_here]
    assert paper == ["more than 700", "841 arrested"]
    assert gazette == ["700 wounded", "841 missing"]


# --- the timeline marks single-source events -----------------------------------------------


def labels(figure) -> list[str]:
    [trace] = [t for t in figure.data if t.type == "scatter" and t.mode == "text"]
    return [html.unescape(t) for t in trace.text]


def hover_backing(figure) -> dict[str, str]:
    return {row[0]: row[4] for t in figure.data if t.type == "bar" for row in t.customdata}


@pytest.mark.parametrize("range_key", list(RANGES))
def test_the_timeline_marks_exactly_the_single_source_events(real, range_key):
    layout = layout_timeline(RANGES[range_key], real.events)
    figure = timeline_figure(layout)
    shown = labels(figure)
    assert shown
    [text_trace] = [t for t in figure.data if t.type == "scatter" and t.mode == "text"]
    for label, row in zip(shown, text_trace.y):
        marked = label.startswith(f"{SINGLE_SOURCE_MARK} ")
        title = label.removeprefix(f"{SINGLE_SOURCE_MARK} ").removesuffix("…")
        matching = [e for e in real.events if e.title.startswith(title) and layout.rows.get(e.id) == row]
        assert matching, label
        assert {len(e.source_ids) == 1 for e in matching} == {marked}, label
    backing = hover_backing(figure)
    for event_id, words in backing.items():
        expected = "a single source" if len(real.event(event_id).source_ids) == 1 else f"{len(real.event(event_id).source_ids)} sources"
        assert words == expected
    bars = [t.hovertemplate for t in figure.data if t.type == "bar"]
    assert bars and all(re.search(r"backed by:? %\{customdata\[4\]\}", template) for template in bars)


def test_the_january_timeline_marks_the_pogroms_and_not_the_tanks(real):
    figure = timeline_figure(layout_timeline(RANGES["january"], real.events))
    assert f"{SINGLE_SOURCE_MARK} Pogroms against Armenian residents of Baku" in labels(figure)
    assert "Tanks crush cars" in labels(figure)
    assert hover_backing(figure)[SINGLE] == "a single source"
    assert hover_backing(figure)[SEVERAL] == "2 sources"


def test_a_second_source_takes_the_mark_away(make_data):
    second = "    - source: gazette\n      quote: the crowd waited\n"
    one = make_data()
    two = make_data(
        edits=[("events.yaml", "        on the square\n", "        on the square\n" + second)],
        files={"sources.yaml": SOURCES_YAML + GAZETTE, "sources/gazette.txt": "All night the crowd waited.\n"},
    )
    found = []
    for folder in (one, two):
        catalog, problems = check(folder)
        assert catalog is not None, [str(p) for p in problems]
        figure = timeline_figure(layout_timeline(RANGES["night"], catalog.events))
        found.append((labels(figure), hover_backing(figure)))
    assert found[0] == ([f"{SINGLE_SOURCE_MARK} A crowd gathers"], {"crowd-gathers": "a single source"})
    assert found[1] == (["A crowd gathers"], {"crowd-gathers": "2 sources"})
    assert EVENTS_YAML.count("- source:") == 1  # the tiny folder's event does rest on one source


# --- the pages in AppTest ------------------------------------------------------------------


def shown_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [s.value for s in at.subheader] + [c.value for c in at.caption]
    parts += [w.value for w in at.warning] + [e.label for e in at.expander]
    return unescape("\n".join(parts))


def claims_chart(at: AppTest) -> dict:
    [chart] = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


def claims_shown(at) -> dict[str, list[str]]:
    """The claims table the page draws (HTML in a scrolling region), read back as columns of what a reader sees."""
    [page] = [h.proto.body for h in at.get("html") if 'class="bj-table' in h.proto.body]
    assert 'role="region" tabindex="0"' in page  # a keyboard can reach it and scroll it on a phone
    cells = [[html.unescape(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
             for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)]
    head, rows = cells[0], cells[1:]
    return {name: [row[i] for row in rows] for i, name in enumerate(head)}


@pytest.mark.parametrize("measure", MEASURES)
def test_figures_page_shows_every_measure(real, measure):
    at = open_page("app_pages/figures.py", {"measure": measure})
    assert not at.exception
    assert at.segmented_control(key="measure").value == measure
    assert at.query_params["measure"] == measure
    assert [unescape(s.value) for s in at.subheader] == [measure_name(measure, "en")]
    claims = claims_for(real, measure)
    assert spread_note(real, claims) in [unescape(m.value) for m in at.markdown]
    table = claims_shown(at)  # long wordings and passages wrap instead of being cut at a cell's edge
    assert len(table["Wording"]) == len(claims)
    assert list(table["Wording"]) == [c.wording for c in claims]
    # Each figure on its own authority, as its sentence gives it, and nobody else's.
    assert list(table["On whose authority"]) == [c.authority or "no authority given" for c in claims]
    if measure == "killed":
        authority = dict(zip(table["Wording"], table["On whose authority"]))
        assert authority["147 people"] == "According to official Azerbaijani data"
        assert authority["147 innocent civilians"] == "no authority given"
        assert authority["dozens"] == "Official reports state"
        assert dict(zip(table["Wording"], table["Who says it"]))["dozens"] == "Azer Garayev"
    spec = claims_chart(at)
    assert len(spec["layout"]["yaxis"]["tickvals"]) == len(plotted(claims))
    assert spec["layout"]["xaxis"]["type"] == claims_figure(real, measure).layout.xaxis.type


def test_figures_page_switches_measure_and_keeps_the_link(real):
    at = open_page("app_pages/figures.py", {"measure": "killed"})
    at.segmented_control(key="measure").set_value("funeral-crowd").run()
    assert not at.exception
    assert at.query_params["measure"] == "funeral-crowd"
    assert [unescape(s.value) for s in at.subheader] == ["People at the funerals"]
    assert len(claims_shown(at)["Wording"]) == len(claims_for(real, "funeral-crowd")) == 3
    assert claims_chart(at)["layout"]["xaxis"]["type"] == "log"


def test_an_unknown_measure_in_the_link_is_ignored_with_a_notice():
    at = open_page("app_pages/figures.py", {"measure": "nope"})
    assert not at.exception
    assert any("Ignored the measure 'nope'" in unescape(w.value) for w in at.warning)
    assert at.segmented_control(key="measure").value == "killed"
    assert [unescape(s.value) for s in at.subheader] == ["People killed"]
    assert at.query_params["measure"] == "killed"


def test_a_hostile_measure_in_the_link_is_shown_as_typed():
    asked = "![x](http://example.invalid/x.png)"
    at = open_page("app_pages/figures.py", {"measure": asked})
    [warning] = at.warning
    assert asked not in warning.value  # escaped, so never an image
    assert asked in unescape(warning.value)


def test_the_coverage_toggle_keeps_only_single_source_events(real):
    at = open_page("app_pages/figures.py")
    every = at.dataframe[0].value
    assert len(every) == len(real.events) == 31
    assert "31 events; 9 rest on a single source." in shown_text(at)
    at.toggle(key="single_only").set_value(True).run()
    assert not at.exception
    single = at.dataframe[0].value
    expected = [e.title for e in real.events if len(e.source_ids) == 1]
    assert list(single["event"]) == expected and len(expected) == 9
    assert set(single["sources"]) == {1}
    assert "Pogroms against Armenian residents of Baku" in list(single["event"])
    at.toggle(key="single_only").set_value(False).run()
    assert len(at.dataframe[0].value) == 31


def test_sources_page_profiles_a_source_without_a_date(real):
    at = open_page("app_pages/sources.py", {"source": "teen-voice"})
    assert not at.exception
    text = shown_text(at)
    assert "Its date is not stated" in text
    teen = profile(real, "teen-voice")
    assert f"Backs {len(teen.events)} of 31 events (1988–1990): Background and protest, " in text
    [alone] = [line for line in text.splitlines() if "Alone among the five" in line]
    assert "Pogroms against Armenian residents of Baku" in alone
    assert "Tanks crush cars" not in alone
    assert "Figures no other source states:" in text and "“from one hundred thirty one to one hundred seventy”" in text


def test_sources_page_profiles_a_dated_source():
    at = open_page("app_pages/sources.py", {"source": "news-az"})
    assert not at.exception
    text = shown_text(at)
    assert "Written 36 years after January 1990." in text
    assert "date is not stated" not in text
    assert "**Alone among the five, it backs:** State of emergency for Baku decreed in Moscow" in text
    figures = [line for line in text.splitlines() if "Figures no other source states" in line]
    assert figures and "“147 people”" not in figures[0] and "“more than 700”" in figures[0]


def test_explore_marks_a_single_source_event():
    at = run_app({"event": SINGLE})
    assert not at.exception
    card = component_payload(at)["panel"]["events"][SINGLE]
    assert card["support"] == "Rests on a single source: Teen Voice (teenvoice.kz)"
    assert card["single"] is True  # the component adds the "single source" badge


def test_explore_does_not_mark_an_event_with_several_sources():
    at = run_app({"event": SEVERAL})
    assert not at.exception
    card = component_payload(at)["panel"]["events"][SEVERAL]
    assert card["support"].startswith("Backed by 2 of 5 sources: ")
    assert card["single"] is False
