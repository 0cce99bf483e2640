"""narratives.yaml and claims.yaml: what `check` accepts, every mistake with its line, and the real data.

Both files are optional. The cases below start from the tiny valid folder of
conftest.py, add the two small files defined here, and change one thing; the
line numbers of the two files are counted in the comments under them.
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from pathlib import Path

import pytest
from conftest import PAPER_TXT
from problems import assert_reported, errors

from blackjanuary import check
from blackjanuary.__main__ import main
from blackjanuary.loading import locate, normalise
from blackjanuary.models import Qualifier
from blackjanuary.timeline import BAKU

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"

E, N, C, TXT = "events.yaml", "narratives.yaml", "claims.yaml", "sources/paper.txt"

# The tiny source text, with three figures added after the lines conftest.py quotes.
PAPER_WITH_FIGURES = PAPER_TXT + """\
Some 147 people were killed and
between 700 and 800 were hurt.
Thousands of people came to the funeral.
"""

NARRATIVES_YAML = """\
- id: the-night
  title: The night
  description: A short walk.
  steps:
    - event: crowd-gathers
      note: The crowd gathers.
      view:
        latitude: 40.3725
        longitude: 49.8533
        zoom: 14
      quote: 0

- id: the-morning
  title: The morning
  description: Another walk.
  steps:
    - event: crowd-gathers
"""
#  1 - id: the-night   2 title   3 description   4 steps:
#  5 - event   6 note   7 view:   8 latitude   9 longitude   10 zoom   11 quote
# 13 - id: the-morning   14 title   15 description   16 steps:   17 - event

CLAIMS_YAML = """\
- id: killed-paper
  measure: killed
  source: paper
  wording: 147 people
  qualifier: exact
  low: 147
  high: 147
  event: crowd-gathers
  quote: |-
    Some 147 people were killed

- id: funeral-crowd-paper
  measure: funeral-crowd
  source: paper
  wording: Thousands of people
  qualifier: vague
  low: 2000
  high: null
  reading: Thousands is read as at least 2,000.
  quote: Thousands of people came to the funeral.

- id: wounded-paper
  measure: wounded
  source: paper
  wording: between 700 and 800
  qualifier: range
  low: 700
  high: 800
  quote: |-
    killed and
    between 700 and 800 were hurt.
"""
#  1 - id: killed-paper   2 measure   3 source   4 wording   5 qualifier
#  6 low   7 high   8 event   9 quote: |-   10 (the quote)
# 12 - id: funeral-crowd-paper   13 measure   14 source   15 wording
# 16 qualifier   17 low   18 high   19 reading   20 quote
# 22 - id: wounded-paper   23 measure   24 source   25 wording   26 qualifier
# 27 low   28 high   29 quote: |-   30, 31 (the quote)

BOTH = {N: NARRATIVES_YAML, C: CLAIMS_YAML, TXT: PAPER_WITH_FIGURES}




def with_both(edits=(), files=None, drop=()) -> dict:
    """make_data's arguments for the tiny folder with both new files, changed as asked."""
    return dict(edits=edits, files={**BOTH, **(files or {})}, drop=drop)


# --- the tiny folder with both files, and what must still pass --------------


def test_tiny_folder_with_narratives_and_claims_passes(make_data):
    catalog, problems = check(make_data(**with_both()))
    assert [str(p) for p in problems] == []
    assert catalog is not None
    assert list(catalog.narratives) == ["the-night", "the-morning"]
    night = catalog.narratives["the-night"]
    assert [s.event for s in night.steps] == ["crowd-gathers"]
    step = night.steps[0]
    assert (step.note, step.quote) == ("The crowd gathers.", 0)
    assert (step.view.latitude, step.view.longitude, step.view.zoom) == (40.3725, 49.8533, 14)
    morning = catalog.narratives["the-morning"].steps[0]
    assert (morning.note, morning.view, morning.quote) == (None, None, 0)  # the defaults
    assert [c.id for c in catalog.claims] == ["killed-paper", "funeral-crowd-paper", "wounded-paper"]
    killed, crowd, wounded = catalog.claims
    assert (killed.qualifier, killed.low, killed.high, killed.event) == (Qualifier.EXACT, 147, 147, "crowd-gathers")
    assert (crowd.qualifier, crowd.low, crowd.high, crowd.event) == (Qualifier.VAGUE, 2000, None, None)
    assert (wounded.qualifier, wounded.low, wounded.high) == (Qualifier.RANGE, 700, 800)
    assert catalog.quote_count == 1 + 3  # the event's citation and the claims' quotes


def test_a_folder_without_narratives_and_claims_is_valid(make_data):
    folder = make_data()
    assert not (folder / N).exists() and not (folder / C).exists()
    catalog, problems = check(folder)
    assert problems == []
    assert catalog is not None
    assert catalog.narratives == {}
    assert catalog.claims == ()
    assert catalog.quote_count == 1


@pytest.mark.parametrize("present", [N, C])
def test_either_file_alone_is_valid(make_data, present):
    absent = C if present == N else N
    catalog, problems = check(make_data(**with_both(drop=[absent])))
    assert problems == []
    assert catalog is not None
    assert len(catalog.narratives) == (2 if present == N else 0)
    assert len(catalog.claims) == (3 if present == C else 0)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param([(N, "zoom: 14", "zoom: 1")], id="zoom 1"),
        pytest.param([(N, "zoom: 14", "zoom: 18")], id="zoom 18"),
        pytest.param([(N, "zoom: 14", "zoom: 12.5")], id="zoom a fraction"),
        pytest.param([(N, "latitude: 40.3725", "latitude: -90")], id="latitude -90"),
        pytest.param([(N, "      quote: 0\n", "")], id="step without quote"),
        pytest.param(
            [(N, "      view:\n        latitude: 40.3725\n        longitude: 49.8533\n        zoom: 14\n", "")],
            id="step without view",
        ),
        pytest.param([(C, "  event: crowd-gathers\n", "")], id="claim without event"),
        pytest.param([(C, "  high: null\n", "")], id="high left out"),
        pytest.param([(C, "qualifier: vague", "qualifier: at-least")], id="at-least"),
        pytest.param([(C, "qualifier: vague", "qualifier: more-than")], id="more-than"),
        pytest.param(
            [(C, "  qualifier: vague\n  low: 2000\n  high: null", "  qualifier: up-to\n  low: null\n  high: 9000")],
            id="up-to",
        ),
        pytest.param([(C, "qualifier: exact", "qualifier: about")], id="about"),
        pytest.param(
            [(C, "  qualifier: vague\n", "  qualifier: vague\n  scope: mourners in Baku\n")], id="with a scope"
        ),
        pytest.param(
            [(C, "quote: |-\n    Some 147 people were killed", "quote: |-\n    Some  147\n    people were   killed")],
            id="quote re-wrapped",
        ),
    ],
)
def test_valid_variants_pass(make_data, change):
    folder = make_data(**with_both(edits=change))
    assert errors(folder) == []


# --- one mistake each: (change, where, what it says) -------------------------

NARRATIVE_CASES = [
    # references to events.yaml
    ("unknown event in a step", [(N, "    - event: crowd-gathers\n      note:", "    - event: crowd-gather\n      note:")],
     "narratives.yaml:5", "narrative 'the-night', step 1: unknown event 'crowd-gather'"),
    ("unknown event in the second narrative", [(N, "Another walk.\n  steps:\n    - event: crowd-gathers", "Another walk.\n  steps:\n    - event: riot")],
     "narratives.yaml:17", "narrative 'the-morning', step 1: unknown event 'riot'"),
    ("unknown event in step 2", [(N, "      quote: 0\n", "      quote: 0\n    - event: nothing-here\n")],
     "narratives.yaml:12", "narrative 'the-night', step 2: unknown event 'nothing-here'"),
    ("quote index out of range", [(N, "quote: 0", "quote: 1")],
     "narratives.yaml:11", "narrative 'the-night', step 1: quote 1 is out of range; event 'crowd-gathers' has 1 citation(s), numbered from 0"),
    ("quote index negative", [(N, "quote: 0", "quote: -1")],
     "narratives.yaml:11", "narrative 'the-night': steps[0].quote: Input should be greater than or equal to 0"),
    ("quote index a word", [(N, "quote: 0", "quote: first")],
     "narratives.yaml:11", "narrative 'the-night': steps[0].quote: Input should be a valid integer"),
    # the map view
    ("zoom 0", [(N, "zoom: 14", "zoom: 0")],
     "narratives.yaml:10", "narrative 'the-night': steps[0].view.zoom: Input should be greater than or equal to 1"),
    ("zoom 19", [(N, "zoom: 14", "zoom: 19")],
     "narratives.yaml:10", "narrative 'the-night': steps[0].view.zoom: Input should be less than or equal to 18"),
    ("latitude 95", [(N, "latitude: 40.3725", "latitude: 95")],
     "narratives.yaml:8", "narrative 'the-night': steps[0].view.latitude: latitude 95.0 is out of range (-90 to 90)"),
    ("longitude 200", [(N, "longitude: 49.8533", "longitude: 200")],
     "narratives.yaml:9", "narrative 'the-night': steps[0].view.longitude: longitude 200.0 is out of range (-180 to 180)"),
    ("view without zoom", [(N, "        zoom: 14\n", "")],
     "narratives.yaml:7", "narrative 'the-night': missing field 'steps[0].view.zoom'"),
    ("view as lat/lon", [(N, "latitude: 40.3725", "lat: 40.3725")],
     "narratives.yaml:8", "narrative 'the-night': unknown field 'steps[0].view.lat' (a typo?)"),
    # typos and shape
    ("unknown field in a step", [(N, "      note: The crowd gathers.", "      notes: The crowd gathers.")],
     "narratives.yaml:6", "narrative 'the-night': unknown field 'steps[0].notes' (a typo?)"),
    ("unknown field in a narrative", [(N, "  title: The night\n", "  title: The night\n  subtitle: Hour by hour\n")],
     "narratives.yaml:3", "narrative 'the-night': unknown field 'subtitle' (a typo?)"),
    ("step without event", [(N, "    - event: crowd-gathers\n      note:", "    - note:")],
     "narratives.yaml:5", "narrative 'the-night': missing field 'steps[0].event'"),
    ("empty steps list", [(N, "Another walk.\n  steps:\n    - event: crowd-gathers\n", "Another walk.\n  steps: []\n")],
     "narratives.yaml:16", "narrative 'the-morning': steps: List should have at least 1 item"),
    ("missing description", [(N, "  description: A short walk.\n", "")],
     "narratives.yaml:1", "narrative 'the-night': missing field 'description'"),
    ("id with capitals", [(N, "- id: the-night", "- id: The Night")],
     "narratives.yaml:1", "narrative 'The Night': id: ids are lower-case words joined by hyphens"),
    ("duplicate narrative id", [(N, "- id: the-morning", "- id: the-night")],
     "narratives.yaml:13", "duplicate id 'the-night' (first at line 1)"),
    ("duplicate key in a step", [(N, "      quote: 0\n", "      quote: 0\n      quote: 0\n")],
     "narratives.yaml:12", "duplicate key 'quote'"),
]

CLAIM_CASES = [
    # references to sources.yaml and events.yaml
    ("unknown source", [(C, "  source: paper\n  wording: 147 people", "  source: papr\n  wording: 147 people")],
     "claims.yaml:3", "claim 'killed-paper': unknown source 'papr'"),
    ("quote not in source", [(C, "    Some 147 people were killed", "    Some 147 people died")],
     "claims.yaml:9", "claim 'killed-paper': quote not found verbatim in source 'paper' (sources/paper.txt): \"Some 147 people died\""),
    ("quote not in source, one-line quote", [(C, "came to the funeral.", "came to the burial.")],
     "claims.yaml:20", "claim 'funeral-crowd-paper': quote not found verbatim in source 'paper'"),
    ("source text changed", [(TXT, "Some 147 people were killed", "Some 147 were killed")],
     "claims.yaml:9", "claim 'killed-paper': quote not found verbatim in source 'paper'"),
    ("wording not in quote", [(C, "wording: 147 people", "wording: 147 persons")],
     "claims.yaml:4", "claim 'killed-paper': wording \"147 persons\" is not in its quote"),
    ("wording cut inside a number", [(C, "wording: 147 people\n  qualifier: exact\n  low: 147\n  high: 147", "wording: 47 people\n  qualifier: exact\n  low: 47\n  high: 47")],
     "claims.yaml:4", "claim 'killed-paper': wording \"47 people\" is not in its quote"),
    ("wording's case changed", [(C, "wording: Thousands of people", "wording: thousands of people")],
     "claims.yaml:15", "claim 'funeral-crowd-paper': wording \"thousands of people\" is not in its quote"),
    ("unknown event", [(C, "event: crowd-gathers", "event: crowd-gather")],
     "claims.yaml:8", "claim 'killed-paper': unknown event 'crowd-gather'"),
    # the figure against the qualifier
    ("high below low", [(C, "  low: 700\n  high: 800", "  low: 700\n  high: 600")],
     "claims.yaml:22", "claim 'wounded-paper': high 600 is below low 700"),
    ("exact with low != high", [(C, "  low: 147\n  high: 147", "  low: 147\n  high: 148")],
     "claims.yaml:1", "claim 'killed-paper': an 'exact' figure needs high equal to low"),
    ("exact without a high", [(C, "  low: 147\n  high: 147\n", "  low: 147\n")],
     "claims.yaml:1", "claim 'killed-paper': an 'exact' figure needs high equal to low"),
    ("about with a range", [(C, "  qualifier: exact\n  low: 147\n  high: 147", "  qualifier: about\n  low: 100\n  high: 147")],
     "claims.yaml:1", "claim 'killed-paper': an 'about' figure needs high equal to low"),
    ("range with one bound", [(C, "  low: 700\n  high: 800", "  low: 700\n  high: null")],
     "claims.yaml:22", "claim 'wounded-paper': a range needs a low and a higher high"),
    ("range with low == high", [(C, "  low: 700\n  high: 800", "  low: 700\n  high: 700")],
     "claims.yaml:22", "claim 'wounded-paper': a range needs a low and a higher high"),
    ("more-than with a high", [(C, "  qualifier: vague\n  low: 2000\n  high: null", "  qualifier: more-than\n  low: 2000\n  high: 9000")],
     "claims.yaml:12", "claim 'funeral-crowd-paper': a 'more-than' figure needs a low and no high (high: null)"),
    ("vague without a low", [(C, "  low: 2000\n  high: null", "  low: null\n  high: 9000")],
     "claims.yaml:12", "claim 'funeral-crowd-paper': a 'vague' figure needs a low and no high"),
    ("up-to with a low", [(C, "  qualifier: vague\n  low: 2000\n  high: null", "  qualifier: up-to\n  low: 2000\n  high: 9000")],
     "claims.yaml:12", "claim 'funeral-crowd-paper': an 'up-to' figure needs a high and no low (low: null)"),
    ("neither low nor high", [(C, "  low: 2000\n  high: null\n", ""), (C, "qualifier: vague", "qualifier: at-least")],
     "claims.yaml:12", "claim 'funeral-crowd-paper': a claim needs low, high or both"),
    ("qualifier not in the list", [(C, "qualifier: vague", "qualifier: roughly")],
     "claims.yaml:16", "claim 'funeral-crowd-paper': qualifier: must be one of 'exact', 'about', 'at-least'"),
    # the figure against the wording
    ("number in low not in wording", [(C, "  low: 147\n  high: 147", "  low: 148\n  high: 148")],
     "claims.yaml:1", "claim 'killed-paper': 148"),
    ("number in low not in wording: the message", [(C, "  low: 147\n  high: 147", "  low: 148\n  high: 148")],
     "claims.yaml:1", "is not in the wording \"147 people\""),
    ("number in high not in wording", [(C, "  low: 700\n  high: 800", "  low: 700\n  high: 900")],
     "claims.yaml:22", "claim 'wounded-paper': 900 is not in the wording \"between 700 and 800\""),
    ("words without digits and no reading", [(C, "  reading: Thousands is read as at least 2,000.\n", "")],
     "claims.yaml:12", "claim 'funeral-crowd-paper': wording without digits needs a reading"),
    ("wording a bare number, unquoted", [(C, "wording: 147 people", "wording: 147")],
     "claims.yaml:4", "claim 'killed-paper': wording: Input should be a valid string"),
    # fields
    ("negative low", [(C, "  low: 147\n", "  low: -1\n")],
     "claims.yaml:6", "claim 'killed-paper': low: Input should be greater than or equal to 0"),
    ("negative high", [(C, "  high: 800\n", "  high: -800\n")],
     "claims.yaml:28", "claim 'wounded-paper': high: Input should be greater than or equal to 0"),
    ("low a word", [(C, "  low: 147\n", "  low: many\n")],
     "claims.yaml:6", "claim 'killed-paper': low: Input should be a valid integer"),
    ("missing quote", [(C, "  quote: Thousands of people came to the funeral.\n", "")],
     "claims.yaml:12", "claim 'funeral-crowd-paper': missing field 'quote'"),
    ("unknown field", [(C, "  measure: killed\n", "  measure: killed\n  measures: killed\n")],
     "claims.yaml:3", "claim 'killed-paper': unknown field 'measures' (a typo?)"),
    ("measure not an id", [(C, "measure: killed", "measure: People killed")],
     "claims.yaml:2", "claim 'killed-paper': measure: ids are lower-case words joined by hyphens"),
    ("duplicate claim id", [(C, "- id: wounded-paper", "- id: killed-paper")],
     "claims.yaml:22", "duplicate id 'killed-paper' (first at line 1)"),
]


@pytest.mark.parametrize(
    "edits, where, fragment",
    [pytest.param(e, w, f, id=i) for i, e, w, f in NARRATIVE_CASES + CLAIM_CASES],
)
def test_each_mistake_is_reported_at_its_line(make_data, edits, where, fragment):
    found = errors(make_data(**with_both(edits=edits)))
    assert_reported(found, where, fragment)
    # Only the file changed is at fault (a changed source text shows in claims.yaml).
    assert all(e.startswith(where.split(":")[0] + ":") for e in found), found


def test_every_problem_in_the_new_files_prints_as_file_line_message(make_data):
    folder = make_data(**with_both(edits=[(N, "zoom: 14", "zoom: 19"), (C, "event: crowd-gathers", "event: x")]))
    catalog, problems = check(folder)
    assert catalog is None
    printed = [str(p) for p in problems]
    assert [re.sub(r"^.*/", "", p) for p in printed] == [
        "narratives.yaml:10: narrative 'the-night': steps[0].view.zoom: Input should be less than or equal to 18",
        "claims.yaml:8: claim 'killed-paper': unknown event 'x'",
    ]
    assert printed[0].startswith(str(folder))


@pytest.mark.parametrize(
    "text, where, fragment",
    [
        pytest.param("", "1", "file is empty; expected a list of records", id="empty"),
        pytest.param("id: x\ntitle: y\n", "1", "expected a list of records (each starting with '- id:')", id="a mapping"),
        pytest.param("- id: x\n  title: [a\n", "3", "YAML syntax", id="syntax"),
        pytest.param("- id: x\n  a: &a 1\n  b: *a\n", "3", "YAML aliases (*name) are not supported", id="alias"),
    ],
)
@pytest.mark.parametrize("name", [N, C])
def test_an_optional_file_that_is_there_is_checked_like_the_others(make_data, name, text, where, fragment):
    assert_reported(errors(make_data(**with_both(files={name: text}))), f"{name}:{where}", fragment)


def test_no_unknown_event_reports_when_events_yaml_is_missing(make_data):
    # A missing events.yaml is one problem, not one more per narrative step and claim.
    assert errors(make_data(**with_both(drop=[E]))) == ["events.yaml:0: file is missing"]


def test_no_unknown_source_reports_when_sources_yaml_is_missing(make_data):
    found = errors(make_data(**with_both(drop=["sources.yaml"])))
    assert "sources.yaml:0: file is missing" in found
    assert not any(e.startswith("claims.yaml") for e in found), found


def test_claim_quote_of_an_unreadable_source_is_not_reported_twice(make_data):
    found = errors(make_data(**with_both(files={TXT: b"\xff\xfe"})))
    assert found == ["sources.yaml:2: source 'paper': file 'sources/paper.txt' is not UTF-8 text (byte 0)"]


# --- the real data -----------------------------------------------------------

NIGHT = "night-hour-by-hour"
NIGHT_FROM = datetime(1990, 1, 19, tzinfo=BAKU)
NIGHT_TO = datetime(1990, 1, 21, tzinfo=BAKU)
DIGITS = re.compile(r"\d[\d,]*")


def test_real_data_has_the_narratives_and_claims(real):
    assert len(real.narratives) >= 2
    assert {NIGHT, "rallies-to-independence"} <= set(real.narratives)
    assert len(real.claims) >= 10
    assert len({c.id for c in real.claims}) == len(real.claims)
    for narrative in real.narratives.values():
        assert narrative.title and narrative.description and narrative.steps, narrative.id


def test_real_data_every_step_event_exists_and_its_quote_is_there(real):
    steps = 0
    for narrative in real.narratives.values():
        for n, step in enumerate(narrative.steps, 1):
            event = real.event(step.event)
            assert event is not None, (narrative.id, n, step.event)
            assert 0 <= step.quote < len(event.citations), (narrative.id, n, step.quote)
            steps += 1
    assert steps >= 20


def test_real_data_every_claim_quote_is_in_its_source(real):
    for claim in real.claims:
        text = real.texts[claim.source]
        span = locate(text, claim.quote)
        assert span is not None, (claim.id, claim.quote)
        start, end = span
        assert text[start:end].split() == claim.quote.split(), claim.id
        assert real.passage_span(claim.source, claim.quote) == span
        assert normalise(claim.wording) in normalise(claim.quote), claim.id


def test_real_data_every_claim_event_exists(real):
    with_event = [c for c in real.claims if c.event is not None]
    assert len(with_event) >= 10
    for claim in with_event:
        assert real.event(claim.event) is not None, (claim.id, claim.event)


def test_real_data_figures_in_digits_are_in_the_wording(real):
    in_digits = 0
    for claim in real.claims:
        stated = {int(n.replace(",", "")) for n in DIGITS.findall(claim.wording)}
        bounds = [n for n in (claim.low, claim.high) if n is not None]
        assert bounds or (claim.qualifier is Qualifier.VAGUE and not stated), claim.id
        if stated:
            in_digits += 1
            assert set(bounds) <= stated, (claim.id, claim.wording, bounds)
        else:
            assert claim.reading, claim.id  # words, not digits: the reading says how they were read
    assert in_digits >= 5


def test_real_data_figures_fit_their_qualifier(real):
    for claim in real.claims:
        low, high, q = claim.low, claim.high, claim.qualifier
        if q in (Qualifier.EXACT, Qualifier.ABOUT):
            assert low is not None and low == high, claim.id
        elif q is Qualifier.RANGE:
            assert low is not None and high is not None and low < high, claim.id
        elif q is Qualifier.UP_TO:
            assert (low, high is not None) == (None, True), claim.id
        elif q is Qualifier.VAGUE and low is None:
            assert high is None and claim.reading, claim.id  # in words only: no number read, none invented
        else:
            assert low is not None and high is None, claim.id


def test_real_data_the_sources_disagree_on_the_dead(real):
    killed = {c.source: (c.low, c.high) for c in real.claims if c.measure == "killed" and c.low is not None}
    assert killed["news-az"] == (147, 147)
    assert killed["teen-voice"] == (131, 170)
    assert len(killed) >= 3


def test_night_narrative_covers_every_event_of_19_and_20_january(real):
    # The sources' readings of the aftermath start on 20 January too, but are not events of the night.
    in_window = {e.id for e in real.events if e.start and NIGHT_FROM <= e.start < NIGHT_TO and e.category.value != "memory"}
    assert len(in_window) >= 8
    steps = [s.event for s in real.narratives[NIGHT].steps]
    assert in_window - set(steps) == set(), "events of the night missing from the narrative"
    assert len(steps) == len(set(steps)), "an event twice in the night"


def test_night_narrative_window_edges_are_as_meant(real):
    # 21 January 00:00 is outside the half-open window, 19 January 00:00 inside.
    starts = {e.id: e.start for e in real.events}
    assert starts["aliyev-statement-moscow"] == NIGHT_TO
    assert "aliyev-statement-moscow" not in {s.event for s in real.narratives[NIGHT].steps}
    assert starts["emergency-decree"] == NIGHT_FROM
    assert real.narratives[NIGHT].steps[0].event == "emergency-decree"


def test_night_narrative_steps_are_in_order_of_start(real):
    starts = [real.event(s.event).start for s in real.narratives[NIGHT].steps]
    assert all(a <= b for a, b in itertools.pairwise(starts)), [t.isoformat() for t in starts]


# --- the command line -------------------------------------------------------

OK = re.compile(r"ok: (\d+) events, (\d+) places, (\d+) sources, (\d+) narratives, (\d+) claims, (\d+) quotes verified")


def test_cli_summary_counts_narratives_and_claims(capsys):
    assert main(["validate", "--data", str(DATA)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    summary = OK.fullmatch(out.splitlines()[-1])
    assert summary, out
    events, _, _, narratives, claims, quotes = map(int, summary.groups())
    assert narratives >= 2 and claims >= 10
    assert quotes >= events + claims


def test_cli_summary_of_the_tiny_folder(make_data, capsys):
    assert main(["validate", "--data", str(make_data(**with_both()))]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("ok: 1 events, 2 places, 1 sources, 2 narratives, 3 claims, 4 quotes verified\n", "")


def test_cli_reports_a_claim_problem_at_its_line(make_data, capsys):
    folder = make_data(**with_both(edits=[(C, "wording: 147 people", "wording: 147 persons")]))
    assert main(["validate", "--data", str(folder)]) == 1
    _out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{folder / C}:4: claim 'killed-paper': wording \"147 persons\" is not in its quote",
        "1 problem found",
    ]
