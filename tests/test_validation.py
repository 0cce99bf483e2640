"""`blackjanuary.check`: every kind of mistake a curator can make, with its message and line.

Most cases start from the tiny valid data folder of conftest.py and change one
thing; tests/invalid/ holds a few more as whole files or folders. The line
numbers of the tiny folder are counted in the comments of conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from problems import assert_reported, errors

from blackjanuary import InvalidData, Problem, check, load, loading
from blackjanuary.loading import MAX_YAML_BYTES, locate
from blackjanuary.timeline import BAKU, offset_problem

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
INVALID = HERE / "invalid"

E, P, S, TXT = "events.yaml", "places.yaml", "sources.yaml", "sources/paper.txt"




# --- the tiny valid folder, and what must still pass ----------------------


def test_tiny_valid_folder_passes_without_warnings(make_data):
    catalog, problems = check(make_data())
    assert problems == []
    assert catalog is not None
    assert [e.id for e in catalog.events] == ["crowd-gathers"]
    assert sorted(catalog.places) == ["avenue", "square"]
    assert list(catalog.sources) == ["paper"]
    assert catalog.quote_count == 1


def event_times(start: str, end: str, precision: str = "approximate") -> list[tuple[str, str, str]]:
    return [
        (E, "start: 1990-01-19T23:30:00+04:00", f"start: {start}"),
        (E, "end: 1990-01-20T00:30:00+04:00", f"end: {end}"),
        (E, "precision: approximate", f"precision: {precision}"),
    ]


@pytest.mark.parametrize(
    "edits",
    [
        pytest.param(
            [(E, "the crowd gathered\n        on the square", "the   crowd\n        gathered on\tthe square")],
            id="quote re-wrapped with other whitespace",
        ),
        pytest.param([(E, "the crowd gathered\n        on the square", "square")], id="quote of one word"),
        pytest.param(event_times("1988-07-01T00:00:00+05:00", "1988-07-02T00:00:00+05:00", "day"), id="summer 1988 is +05:00"),
        pytest.param(event_times("1991-10-19T00:00:00+03:00", "1991-10-20T00:00:00+03:00", "day"), id="19 Oct 1991 is +03:00"),
        pytest.param(
            event_times("1990-09-30T02:30:00+05:00", "1990-09-30T02:30:00+04:00", "minute"),
            id="both offsets of an hour the clocks repeated",
        ),
        pytest.param(event_times("1990-01-19T23:30:00+04:00", "1990-01-19T23:30:00+04:00"), id="zero-length event"),
        pytest.param(event_times("1990-01-20T00:00:00+04:00", "1990-01-20T02:00:00+04:00", "hour"), id="precision hour on the hour"),
        pytest.param(event_times("1990-01-20T00:00:00+04:00", "1990-01-22T00:00:00+04:00", "day"), id="precision day at midnight"),
        pytest.param(event_times("1990-01-01T00:00:00+04:00", "1990-02-01T00:00:00+04:00", "month"), id="precision month"),
        pytest.param(event_times("1990-01-01T00:00:00+04:00", "1992-01-01T00:00:00+03:00", "year"), id="precision year across offsets"),
        pytest.param([(S, "  genre: report", "  genre: report\n  url: https://example.org/a\n  published: 1990-01-21")], id="optional source fields"),
        pytest.param([(P, "  kind: point\n", "  kind: point\n  in_baku: false\n")], id="in_baku false"),
        pytest.param([(P, "  lon: 49.8533\n", "  lon: 49.8533\n  whole_city: true\n")], id="a point that is the whole city"),
    ],
)
def test_valid_variants_pass(make_data, edits):
    assert errors(make_data(edits=edits)) == []


# --- one mistake each: (change to the tiny folder, where, what it says) ----

CASES = [
    # YAML syntax
    ("yaml: colon in a plain value", dict(edits=[(E, "when: from about 23:30 to 00:30 on 19–20 January", "when: late: evening")]),
     "events.yaml:7", "YAML syntax: mapping values are not allowed"),
    ("yaml: tab indentation", dict(edits=[(E, "  title: A crowd gathers", "\ttitle: A crowd gathers")]),
     "events.yaml:2", "YAML syntax: while scanning a plain scalar found a tab character"),
    ("yaml: two documents", dict(files={E: "- a\n---\n- b\n"}),
     "events.yaml:2", "YAML syntax: expected a single document in the stream"),
    ("yaml: python tag", dict(files={E: "- !!python/object/apply:os.system [ls]\n"}),
     "events.yaml:1", "YAML syntax: could not determine a constructor for the tag"),
    ("yaml: 30 February", dict(edits=[(E, "end: 1990-01-20T00:30:00+04:00", "end: 1990-02-30T00:30:00+04:00")]),
     "events.yaml:5", "invalid value '1990-02-30T00:30:00+04:00': day is out of range for month"),
    ("yaml: hour 24", dict(edits=[(E, "end: 1990-01-20T00:30:00+04:00", "end: 1990-01-19T24:00:00+04:00")]),
     "events.yaml:5", "invalid value '1990-01-19T24:00:00+04:00': hour must be in 0..23"),
    # wrong type
    ("type: places not a list", dict(edits=[(E, "  places:\n    - square\n    - avenue", "  places: square")]),
     "events.yaml:8", "event 'crowd-gathers': places: Input should be a valid list"),
    ("type: title a list", dict(edits=[(E, "title: A crowd gathers", "title: [a, b]")]),
     "events.yaml:2", "event 'crowd-gathers': title: Input should be a valid string"),
    ("type: lat a word", dict(edits=[(P, "lat: 40.3725", "lat: north")]),
     "places.yaml:5", "place 'square': lat: Input should be a valid number"),
    ("type: in_baku not a boolean", dict(edits=[(P, "  kind: point\n", "  kind: point\n  in_baku: maybe\n")]),
     "places.yaml:5", "place 'square': in_baku: Input should be a valid boolean"),
    ("type: start a word", dict(edits=[(E, "start: 1990-01-19T23:30:00+04:00", "start: soon")]),
     "events.yaml:4", "event 'crowd-gathers': start: Input should be a valid datetime"),
    ("type: id a number", dict(edits=[(E, "- id: crowd-gathers", "- id: 12")]),
     "events.yaml:1", "event '12': id: Input should be a valid string"),
    ("type: empty title", dict(edits=[(E, "title: A crowd gathers", "title: '  '")]),
     "events.yaml:2", "event 'crowd-gathers': title: String should have at least 1 character"),
    ("type: no citations", dict(edits=[(E, "  citations:\n    - source: paper\n      quote: |-\n        the crowd gathered\n        on the square\n", "  citations: []\n")]),
     "events.yaml:12", "event 'crowd-gathers': citations: List should have at least 1 item"),
    ("type: record not a mapping", dict(files={E: "- just a sentence\n"}),
     "events.yaml:1", "each record must be a mapping of fields"),
    # missing field
    ("missing: summary", dict(edits=[(E, "  summary: People gather on the square.\n", "")]),
     "events.yaml:1", "event 'crowd-gathers': missing field 'summary'"),
    ("missing: byline", dict(edits=[(S, "  byline: Unsigned\n", "")]),
     "sources.yaml:1", "source 'paper': missing field 'byline'"),
    ("missing: names.ru", dict(edits=[(P, "names: {az: Meydan, ru: Площадь}", "names: {az: Meydan}")]),
     "places.yaml:3", "place 'square': missing field 'names.ru'"),
    ("missing: citation quote", dict(edits=[(E, "      quote: |-\n        the crowd gathered\n        on the square\n", "")]),
     "events.yaml:13", "event 'crowd-gathers': missing field 'citations[0].quote'"),
    # unknown field
    ("unknown field: titel", dict(edits=[(E, "  summary:", "  titel: A crowd\n  summary:")]),
     "events.yaml:3", "event 'crowd-gathers': unknown field 'titel' (a typo?)"),
    ("unknown field: names.en", dict(edits=[(P, "names: {az: Meydan, ru: Площадь}", "names: {az: Meydan, ru: Площадь, en: Square}")]),
     "places.yaml:3", "place 'square': unknown field 'names.en' (a typo?)"),
    ("unknown field: in citation", dict(edits=[(E, "    - source: paper\n", "    - source: paper\n      page: 3\n")]),
     "events.yaml:14", "event 'crowd-gathers': unknown field 'citations[0].page' (a typo?)"),
    # references between files
    ("unknown place", dict(edits=[(E, "    - avenue", "    - avenu")]),
     "events.yaml:10", "event 'crowd-gathers': unknown place 'avenu'"),
    ("unknown source", dict(edits=[(E, "- source: paper", "- source: papr")]),
     "events.yaml:13", "event 'crowd-gathers', citation 1: unknown source 'papr'"),
    # quotes
    ("quote: case changed", dict(edits=[(E, "the crowd gathered", "The crowd gathered")]),
     "events.yaml:14", "event 'crowd-gathers', citation 1: quote not found verbatim in source 'paper' (sources/paper.txt): \"The crowd gathered on the square\""),
    ("quote: word changed", dict(edits=[(E, "        on the square", "        in the square")]),
     "events.yaml:14", "quote not found verbatim in source 'paper'"),
    ("quote: source text changed", dict(files={TXT: "On the evening the crowd met on the square.\n"}),
     "events.yaml:14", "quote not found verbatim in source 'paper'"),
    # the time window
    ("end before start", dict(edits=[(E, "end: 1990-01-20T00:30:00+04:00", "end: 1990-01-19T23:00:00+04:00")]),
     "events.yaml:5", "event 'crowd-gathers': end: 1990-01-19T23:00:00+04:00 is before start 1990-01-19T23:30:00+04:00"),
    ("no offset", dict(edits=[(E, "start: 1990-01-19T23:30:00+04:00", "start: 1990-01-19T23:30:00")]),
     "events.yaml:4", "event 'crowd-gathers': start: needs a UTC offset, e.g. 1990-01-20T02:00:00+04:00 (Baku time)"),
    ("no offset, quoted", dict(edits=[(E, "end: 1990-01-20T00:30:00+04:00", "end: '1990-01-20T00:30:00'")]),
     "events.yaml:5", "event 'crowd-gathers': end: needs a UTC offset"),
    ("a date, no time", dict(edits=[(E, "start: 1990-01-19T23:30:00+04:00", "start: 1990-01-19")]),
     "events.yaml:4", "start: needs a UTC offset"),
    ("offset +03:00 in January 1990", dict(edits=[(E, "start: 1990-01-19T23:30:00+04:00", "start: 1990-01-19T23:30:00+03:00")]),
     "events.yaml:4", "event 'crowd-gathers': start: offset +03:00 is not Baku time on 1990-01-19; Asia/Baku was UTC+04:00"),
    ("UTC, the same instant", dict(edits=[(E, "start: 1990-01-19T23:30:00+04:00", "start: 1990-01-19T19:30:00Z")]),
     "events.yaml:4", "start: offset +00:00 is not Baku time on 1990-01-19; Asia/Baku was UTC+04:00"),
    ("offset +04:00 in summer 1988", dict(edits=event_times("1988-07-01T00:00:00+04:00", "1988-07-02T00:00:00+05:00", "day")),
     "events.yaml:4", "start: offset +04:00 is not Baku time on 1988-07-01; Asia/Baku was UTC+05:00"),
    ("offset +04:00 on 19 Oct 1991", dict(edits=event_times("1991-10-18T00:00:00+03:00", "1991-10-19T00:00:00+04:00", "day")),
     "events.yaml:5", "end: offset +04:00 is not Baku time on 1991-10-19; Asia/Baku was UTC+03:00"),
    ("a time the clocks skipped", dict(edits=event_times("1990-03-25T02:30:00+04:00", "1990-03-25T04:00:00+05:00")),
     "events.yaml:4", "start: 02:30 did not exist in Baku on 1990-03-25: the clocks were put forward"),
    ("year 1", dict(edits=event_times("0001-01-01T00:00:00+05:00", "1990-01-20T00:30:00+04:00")),
     "events.yaml:4", "start: 0001-01-01T00:00:00+05:00 is out of range"),
    ("precision hour at 00:20", dict(edits=event_times("1990-01-20T00:20:00+04:00", "1990-01-20T01:00:00+04:00", "hour")),
     "events.yaml:4", "event 'crowd-gathers': start: 1990-01-20T00:20:00+04:00 is not on the hour, but precision is 'hour'"),
    ("precision day not at midnight", dict(edits=event_times("1990-01-20T00:00:00+04:00", "1990-01-20T12:00:00+04:00", "day")),
     "events.yaml:5", "event 'crowd-gathers': end: 1990-01-20T12:00:00+04:00 is not at midnight, but precision is 'day'"),
    ("precision month not the 1st", dict(edits=event_times("1990-01-02T00:00:00+04:00", "1990-02-01T00:00:00+04:00", "month")),
     "events.yaml:4", "start: 1990-01-02T00:00:00+04:00 is not the first of a month, but precision is 'month'"),
    ("precision year not 1 January", dict(edits=event_times("1990-01-01T00:00:00+04:00", "1990-02-01T00:00:00+04:00", "year")),
     "events.yaml:5", "end: 1990-02-01T00:00:00+04:00 is not 1 January, but precision is 'year'"),
    ("seconds", dict(edits=[(E, "start: 1990-01-19T23:30:00+04:00", "start: 1990-01-19T23:30:15+04:00")]),
     "events.yaml:4", "start: 1990-01-19T23:30:15+04:00 has seconds; no source gives times to the second"),
    # enums and ids
    ("precision not in the list", dict(edits=[(E, "precision: approximate", "precision: roughly")]),
     "events.yaml:6", "event 'crowd-gathers': precision: must be one of 'minute', 'hour', 'approximate', 'day', 'month' or 'year'"),
    ("category not in the list", dict(edits=[(E, "category: background", "category: battle")]),
     "events.yaml:11", "event 'crowd-gathers': category: must be one of 'background', 'information', 'military'"),
    ("kind not in the list", dict(edits=[(P, "kind: point", "kind: polygon")]),
     "places.yaml:4", "place 'square': kind: Input should be 'point' or 'line'"),
    ("id with a space and capitals", dict(edits=[(P, "- id: square", "- id: TV Centre")]),
     "places.yaml:1", "place 'TV Centre': id: ids are lower-case words joined by hyphens, e.g. 'tv-centre'"),
    ("place reference not an id", dict(edits=[(E, "    - square", "    - TV Centre")]),
     "events.yaml:9", "event 'crowd-gathers': places[0]: ids are lower-case words joined by hyphens"),
    ("id with a double hyphen", dict(edits=[(S, "- id: paper", "- id: the--paper")]),
     "sources.yaml:1", "source 'the--paper': id: ids are lower-case words"),
    ("url without a scheme", dict(edits=[(S, "  genre: report", "  genre: report\n  url: www.example.org")]),
     "sources.yaml:7", "source 'paper': url: url must start with https:// or http://"),
    # duplicates
    ("duplicate place id", dict(edits=[(P, "- id: avenue", "- id: square")]),
     "places.yaml:10", "duplicate id 'square' (first at line 1)"),
    ("duplicate key", dict(edits=[(E, "  category: background", "  category: background\n  category: military")]),
     "events.yaml:12", "duplicate key 'category'"),
    ("duplicate key, nested", dict(edits=[(P, "names: {az: Meydan, ru: Площадь}", "names: {az: Meydan, ru: Площадь, az: Meydan}")]),
     "places.yaml:3", "duplicate key 'az'"),
    # geometry
    ("latitude 95", dict(edits=[(P, "lat: 40.3725", "lat: 95")]),
     "places.yaml:5", "place 'square': lat: latitude 95.0 is out of range (-90 to 90)"),
    ("latitude -90.5", dict(edits=[(P, "lat: 40.3725", "lat: -90.5")]),
     "places.yaml:5", "lat: latitude -90.5 is out of range (-90 to 90)"),
    ("longitude 200", dict(edits=[(P, "lon: 49.8533", "lon: 200")]),
     "places.yaml:6", "place 'square': lon: longitude 200.0 is out of range (-180 to 180)"),
    ("latitude 95 in a path", dict(edits=[(P, "- [40.3695, 49.8480]", "- [95, 49.8620]")]),
     "places.yaml:16", "place 'avenue': path[1][0]: latitude 95.0 is out of range (-90 to 90)"),
    ("path point of three numbers", dict(edits=[(P, "- [40.3695, 49.8480]", "- [40.3695, 49.8480, 7]")]),
     "places.yaml:16", "place 'avenue': path[1]: Tuple should have at most 2 items"),
    ("line without a path", dict(edits=[(P, "  path:\n    - [40.3595, 49.8330]\n    - [40.3695, 49.8480]\n", "")]),
     "places.yaml:10", "place 'avenue': a line place needs a path of at least two [lat, lon] points"),
    ("line with a one-point path", dict(edits=[(P, "    - [40.3695, 49.8480]\n", "")]),
     "places.yaml:10", "place 'avenue': a line place needs a path of at least two [lat, lon] points"),
    ("line with lat/lon", dict(edits=[(P, "  path:\n    - [40.3595, 49.8330]\n    - [40.3695, 49.8480]\n", "  lat: 40.36\n  lon: 49.84\n")]),
     "places.yaml:14", "place 'avenue': lat: a line place has a path, not lat/lon"),
    ("point with a path", dict(edits=[(P, "  lon: 49.8533\n", "  lon: 49.8533\n  path: [[40.1, 49.1], [40.2, 49.2]]\n")]),
     "places.yaml:7", "place 'square': path: a point place has lat/lon, not a path"),
    ("point without lat", dict(edits=[(P, "  lat: 40.3725\n", "")]),
     "places.yaml:1", "place 'square': a point place needs both lat and lon"),
    ("whole city a line", dict(edits=[(P, "    - [40.3695, 49.8480]\n", "    - [40.3695, 49.8480]\n  whole_city: true\n")]),
     "places.yaml:17", "place 'avenue': whole_city: only a point place can stand for the whole city (whole_city)"),
    ("whole city outside Baku", dict(edits=[(P, "  lon: 49.8533\n", "  lon: 49.8533\n  in_baku: false\n  whole_city: true\n")]),
     "places.yaml:8", "place 'square': whole_city: a place outside Baku cannot stand for the whole city (whole_city)"),
    # the source texts
    ("source file missing", dict(edits=[(S, "file: sources/paper.txt", "file: sources/other.txt")]),
     "sources.yaml:2", "source 'paper': file 'sources/other.txt' is missing"),
    ("source file a folder", dict(edits=[(S, "file: sources/paper.txt", "file: sources")]),
     "sources.yaml:2", "source 'paper': file 'sources' is missing"),
    ("source file not UTF-8", dict(files={TXT: b"\xff\xfe the crowd gathered on the square"}),
     "sources.yaml:2", "source 'paper': file 'sources/paper.txt' is not UTF-8 text (byte 0)"),
    ("source file outside the folder", dict(edits=[(S, "file: sources/paper.txt", "file: ../x.txt")], files={"../x.txt": "the crowd gathered on the square"}),
     "sources.yaml:2", "source 'paper': file '../x.txt' is outside the data folder"),
    ("source file an absolute path", dict(edits=[(S, "file: sources/paper.txt", "file: /etc/hostname")]),
     "sources.yaml:2", "source 'paper': file '/etc/hostname' is outside the data folder"),
    ("source file name with NUL", dict(edits=[(S, "file: sources/paper.txt", 'file: "sources/pa\\0per.txt"')]),
     "sources.yaml:2", "could not be read: embedded null byte"),
    ("source file name too long", dict(edits=[(S, "file: sources/paper.txt", "file: sources/" + "x" * 5000)]),
     "sources.yaml:2", "could not be read: File name too long"),
    ("source file too large", dict(files={TXT: "x" * 2_000_001}),
     "sources.yaml:2", "source 'paper': file 'sources/paper.txt' is larger than 2,000,000 bytes"),
    # whole files
    ("top level a mapping", dict(files={E: "id: crowd-gathers\ntitle: A crowd gathers\n"}),
     "events.yaml:1", "expected a list of records (each starting with '- id:')"),
    ("top level a string", dict(files={P: "just some text\n"}),
     "places.yaml:1", "expected a list of records"),
    ("empty file", dict(files={E: ""}),
     "events.yaml:1", "file is empty; expected a list of records"),
    ("only comments", dict(files={S: "# nothing yet\n"}),
     "sources.yaml:1", "file is empty; expected a list of records"),
    ("missing file", dict(drop=[P]),
     "places.yaml:0", "file is missing"),
    ("YAML file not UTF-8", dict(files={E: b"- id: crowd-gathers\n  title: \xff\xfe\n"}),
     "events.yaml:0", "not UTF-8 text (byte 29)"),
]

@pytest.mark.parametrize(
    "change, where, fragment", [pytest.param(c, w, f, id=i) for i, c, w, f in CASES]
)
def test_each_mistake_is_reported_at_its_line(make_data, change, where, fragment):
    assert_reported(errors(make_data(**change)), where, fragment)


def test_a_yaml_file_that_is_a_folder(make_data):
    folder = make_data(drop=[E])
    (folder / E).mkdir()
    assert_reported(errors(folder), "events.yaml:0", "file could not be read: Is a directory")


def test_every_problem_prints_as_file_line_message(make_data):
    folder = make_data(edits=[(E, "    - avenue", "    - avenu"), (P, "lat: 40.3725", "lat: 95")])
    _, problems = check(folder)
    assert len(problems) >= 3  # two errors, and the warning that avenue is now unused
    for problem in problems:
        assert re.fullmatch(r".+\.yaml:\d+: .+", str(problem)), str(problem)
    assert str(Problem("events.yaml", 4, "start: wrong")) == "events.yaml:4: start: wrong"
    assert str(Problem("places.yaml", 10, "unused", "warning")) == "places.yaml:10: warning: unused"


def test_warnings_alone_still_give_a_catalogue(make_data):
    extra = "\n- id: unused-place\n  name: U\n  names: {az: U, ru: У}\n  kind: point\n  lat: 40.4\n  lon: 49.9\n  description: D.\n  coordinates_ref: R.\n"
    folder = make_data(edits=[(P, "  coordinates_ref: Made up for the tests.\n\n- id: avenue", "  coordinates_ref: Made up for the tests.\n" + extra + "\n- id: avenue")])
    catalog, problems = check(folder)
    assert catalog is not None
    assert [str(p).split(": ", 1)[1] for p in problems] == ["warning: place 'unused-place' is not used by any event"]
    assert problems[0].line == 10
    assert catalog.warnings == tuple(problems)


def test_load_raises_invalid_data_listing_only_errors(make_data):
    folder = make_data(edits=[(E, "    - avenue", "    - avenu")])
    with pytest.raises(InvalidData) as raised:
        load(folder)
    assert [p.severity for p in raised.value.problems] == ["error"]
    assert "unknown place 'avenu'" in str(raised.value)
    assert load(make_data()).event("crowd-gathers") is not None


# --- pathological YAML fails fast, with a message --------------------------

BILLION_LAUGHS = """\
- id: lol
  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
  h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
  i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


@pytest.mark.parametrize(
    "text, where, fragment",
    [
        # One alias first: if aliases stopped being refused, it fails before the bomb could hang.
        pytest.param("- id: x\n  title: &t A title\n  when: *t\n", "events.yaml:3", "YAML aliases (*name) are not supported", id="one alias"),
        pytest.param(BILLION_LAUGHS, "events.yaml:3", "YAML aliases (*name) are not supported; write the value out in full", id="billion laughs"),
        pytest.param("- &e {id: x}\n- <<: *e\n", "events.yaml:2", "YAML aliases (*name) are not supported", id="merge key"),
        pytest.param("[" * 10_000, "events.yaml:1", "nested deeper than 40 levels", id="10000 [ deep"),
        pytest.param("{a: " * 10_000, "events.yaml:1", "nested deeper than 40 levels", id="10000 { deep"),
        pytest.param("- " * 10_000 + "x\n", "events.yaml:1", "nested deeper than 40 levels", id="10000 - deep"),
        pytest.param("# " + "x" * MAX_YAML_BYTES + "\n", "events.yaml:0", f"file is {MAX_YAML_BYTES + 3:,} bytes; the limit is {MAX_YAML_BYTES:,}", id="over the size limit"),
        pytest.param("- " + "1" * 5000 + "\n", "events.yaml:1", "Exceeds the limit (4300 digits)", id="integer of 5000 digits"),
    ],
)
def test_pathological_yaml_is_refused_with_a_message(make_data, text, where, fragment):
    assert_reported(errors(make_data(files={E: text})), where, fragment)


def test_nesting_just_under_the_limit_is_not_refused_for_depth(make_data):
    # 39 lists inside the top-level one: the depth guard must not fire, only the schema.
    found = errors(make_data(files={E: "[" * 40 + "]" * 40}))
    assert not any("nested deeper" in e for e in found)
    assert_reported(found, "events.yaml:1", "each record must be a mapping of fields")


def test_too_many_values_are_refused(make_data, monkeypatch):
    monkeypatch.setattr(loading, "MAX_NODES", 50)
    text = "".join(f"- [{i}, {i}]\n" for i in range(30))  # 1 + 30 * 3 nodes
    assert_reported(errors(make_data(files={E: text})), "events.yaml:17", "more than 50 values in one file")


# --- tests/invalid/: each a whole data folder, or one file put into the tiny one ---
#
# A file named `<file>--<case>.yaml` replaces <file>.yaml of the tiny valid
# folder; a folder is a whole data folder. Each names what must be reported in
# `# expect: file:line: fragment` lines (a folder, in its expect.txt).

EXPECT = re.compile(r"^# expect: (\S+:\d+): (.+)$", re.M)


def invalid_cases() -> list:
    return sorted(p for p in INVALID.iterdir() if not p.name.startswith("."))


@pytest.mark.parametrize("case", invalid_cases(), ids=lambda p: p.name)
def test_invalid_examples_fail(make_data, case):
    if case.is_dir():
        folder, expect = case, (case / "expect.txt").read_text(encoding="utf-8")
    else:
        target = case.name.split("--")[0] + ".yaml"
        expect = case.read_text(encoding="utf-8")
        folder = make_data(files={target: expect})
    expected = EXPECT.findall(expect)
    assert expected, f"{case.name} says nothing it expects"
    found = errors(folder)
    for where, fragment in expected:
        assert_reported(found, where, fragment)


def test_there_are_invalid_examples():
    assert len(invalid_cases()) >= 8


# --- the real data ----------------------------------------------------------


def test_real_data_counts(real):
    assert len(real.events) >= 20
    assert len(real.places) >= 8
    assert len(real.sources) == 5
    assert real.quote_count >= len(real.events)


@pytest.mark.parametrize(
    "place_id",
    ["neftchiler-avenue", "20-yanvar-circle", "alley-of-martyrs", "tv-centre", "azadliq-square",
     "permanent-representation-moscow", "baku"],
)
def test_real_data_has_place(real, place_id):
    assert place_id in real.places
    expected_kind = "line" if place_id == "neftchiler-avenue" else "point"
    assert real.places[place_id].kind == expected_kind


def test_real_data_places_outside_baku_say_so(real):
    assert real.places["permanent-representation-moscow"].in_baku is False
    assert real.places["tv-centre"].in_baku is True


def test_real_data_one_place_stands_for_the_whole_city(real):
    """Baku, where the texts say only "in Baku": the maps draw it as the city's tag, not a pin."""
    assert [p.id for p in real.places.values() if p.whole_city] == ["baku"]


def test_real_data_every_quote_is_locatable(real):
    for event in real.events:
        for citation in event.citations:
            text = real.texts[citation.source]
            span = locate(text, citation.quote)
            assert span is not None, (event.id, citation.quote)
            start, end = span
            assert text[start:end].split() == citation.quote.split()


def test_real_data_times_are_written_in_baku_time():
    # Read the file as written: the models convert to Asia/Baku, which would hide a wrong offset.
    raw = yaml.safe_load((DATA / "events.yaml").read_text(encoding="utf-8"))
    assert len(raw) >= 20
    for record in raw:
        for name in ("start", "end"):
            value = record[name]
            if value is None:  # an open edge: the evidence gives none
                continue
            assert offset_problem(value) is None, (record["id"], name, value)
            assert value.utcoffset() == value.astimezone(BAKU).utcoffset(), (record["id"], name)
            if (value.year, value.month) == (1990, 1):
                assert value.isoformat().endswith("+04:00"), (record["id"], name)


def test_real_data_the_night_is_there(real):
    night = [e for e in real.events if e.start.date().isoformat() in ("1990-01-19", "1990-01-20")]
    assert len(night) >= 8
