"""Time logic: the scrubber's ranges and steps, what is active at a step, and Baku time."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest

from blackjanuary.models import Event
from blackjanuary.range_view import range_view
from blackjanuary.timeline import (
    BAKU,
    DEFAULT_RANGE,
    DEFAULT_TIME,
    RANGES,
    baku,
    build_step_index,
    describe_event_window,
    describe_step,
    describe_window,
    format_local,
    offset_problem,
    parse_local,
    precision_problem,
    range_for,
    step_status,
)

NIGHT, JANUARY, YEARS = RANGES["night"], RANGES["january"], RANGES["years"]
UTC = UTC


def fixed(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


def event(event_id: str, start: datetime, end: datetime, precision: str = "minute") -> Event:
    return Event(
        id=event_id,
        title=event_id,
        summary="A made-up event.",
        start=start,
        end=end,
        precision=precision,
        when="made up",
        places=["baku"],
        category="violence",
        citations=[{"source": "paper", "quote": "made up"}],
    )


# --- the three ranges -------------------------------------------------------


def test_night_is_19_hourly_steps_from_18_00_to_noon():
    steps = NIGHT.steps()
    assert len(steps) == 19
    assert steps[0] == baku(1990, 1, 19, 18)
    assert steps[-1] == baku(1990, 1, 20, 12)
    assert {b - a for a, b in itertools.pairwise(steps)} == {timedelta(hours=1)}
    assert {s.utcoffset() for s in steps} == {timedelta(hours=4)}
    assert [s.strftime(NIGHT.tick_format) for s in steps[5:8]] == ["23:00", "00:00", "01:00"]


def test_january_is_6_hour_steps_from_13_to_22_january():
    steps = JANUARY.steps()
    assert len(steps) == 40
    assert (steps[0], steps[-1]) == (baku(1990, 1, 13), baku(1990, 1, 22, 18))
    assert {b - a for a, b in itertools.pairwise(steps)} == {timedelta(hours=6)}
    assert {s.hour for s in steps} == {0, 6, 12, 18}


def test_years_is_monthly_from_1987_to_1993_at_local_midnight():
    steps = YEARS.steps()
    assert len(steps) == 7 * 12
    assert (steps[0], steps[-1]) == (baku(1987, 1, 1), baku(1993, 12, 1))
    assert all((s.day, s.hour, s.minute) == (1, 0, 0) for s in steps)
    assert [(s.year, s.month) for s in steps[:3]] == [(1987, 1), (1987, 2), (1987, 3)]
    by_month = {(s.year, s.month): s.utcoffset() for s in steps}
    assert by_month[(1988, 7)] == timedelta(hours=5)  # summer time
    assert by_month[(1990, 1)] == timedelta(hours=4)
    assert by_month[(1991, 11)] == timedelta(hours=3)


def test_default_time_is_a_step_of_the_default_range():
    assert DEFAULT_TIME in RANGES[DEFAULT_RANGE].steps()


@pytest.mark.parametrize(
    "time_range, when, expected",
    [
        (NIGHT, baku(1990, 1, 19, 23), baku(1990, 1, 20, 0)),  # across midnight
        (NIGHT, baku(1990, 1, 31, 23), baku(1990, 2, 1, 0)),  # across a month end
        (NIGHT, baku(1990, 3, 25, 1), datetime(1990, 3, 25, 3, tzinfo=fixed(5))),  # one real hour over the clock change
        (JANUARY, baku(1990, 1, 31, 18), baku(1990, 2, 1, 0)),
        (JANUARY, baku(1989, 12, 31, 18), baku(1990, 1, 1, 0)),  # across a year end
        (YEARS, baku(1990, 1, 1), baku(1990, 2, 1)),
        (YEARS, baku(1990, 1, 31), baku(1990, 2, 1)),  # from the 31st: no "31 February"
        (YEARS, baku(1989, 12, 1), baku(1990, 1, 1)),
        (YEARS, baku(1988, 3, 1), datetime(1988, 4, 1, tzinfo=fixed(5))),  # into summer time
        (YEARS, baku(1991, 9, 1), datetime(1991, 10, 1, tzinfo=fixed(3))),
    ],
)
def test_next_step(time_range, when, expected):
    after = time_range.next_step(when)
    assert after == expected
    assert after.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "time_range, when, expected",
    [
        (NIGHT, baku(1990, 1, 20, 2, 30), baku(1990, 1, 20, 2)),
        (NIGHT, baku(1990, 1, 20, 2), baku(1990, 1, 20, 2)),
        (NIGHT, baku(1990, 1, 20, 2, 59), baku(1990, 1, 20, 2)),
        (NIGHT, datetime(1990, 1, 19, 22, 30, tzinfo=UTC), baku(1990, 1, 20, 2)),  # same instant in UTC
        (NIGHT, baku(1990, 1, 19, 12), baku(1990, 1, 19, 18)),  # before the range
        (NIGHT, baku(1990, 1, 25), baku(1990, 1, 20, 12)),  # after it
        (JANUARY, baku(1990, 1, 20, 5, 59), baku(1990, 1, 20, 0)),
        (JANUARY, baku(1990, 1, 20, 6), baku(1990, 1, 20, 6)),
        (YEARS, baku(1990, 1, 20, 2), baku(1990, 1, 1)),
        (YEARS, baku(1990, 1, 31, 23, 59), baku(1990, 1, 1)),
        (YEARS, baku(1980, 1, 1), baku(1987, 1, 1)),
        (YEARS, baku(2026, 1, 20), baku(1993, 12, 1)),
    ],
)
def test_snap(time_range, when, expected):
    assert time_range.snap(when) == expected


@pytest.mark.parametrize(
    "when, expected",
    [
        (baku(1990, 1, 20, 2), "night"),
        (baku(1990, 1, 19, 18), "night"),
        (baku(1990, 1, 20, 12), "night"),
        (baku(1990, 1, 20, 13), "january"),
        (baku(1990, 1, 15), "january"),
        (baku(1988, 7, 1), "years"),
        (baku(2026, 1, 20), "years"),
    ],
)
def test_range_for(when, expected):
    assert range_for(when) == expected


# --- what is active, past and to come at each step ------------------------

SYNTHETIC = [
    event("crowd", baku(1990, 1, 19, 23, 30), baku(1990, 1, 20, 0, 30)),
    event("blast", baku(1990, 1, 19, 19, 30), baku(1990, 1, 19, 19, 30)),  # zero length
    event("moment-at-two", baku(1990, 1, 20, 2), baku(1990, 1, 20, 2)),  # zero length on a step
    event("until-two", baku(1990, 1, 20, 0), baku(1990, 1, 20, 2)),
    event("from-two", baku(1990, 1, 20, 2), baku(1990, 1, 20, 3)),
    event("days", baku(1990, 1, 18), baku(1990, 1, 22), "day"),
    event("before", baku(1989, 1, 1), baku(1990, 1, 1), "year"),
    event("after", baku(1991, 1, 1), datetime(1992, 1, 1, tzinfo=fixed(3)), "year"),
]


@pytest.fixture(scope="module")
def night_index():
    return build_step_index(NIGHT, SYNTHETIC)


def at(index, hour: int, day: int = 20):
    i = index.steps.index(baku(1990, 1, day, hour))
    return index.active[i], index.past[i]


@pytest.mark.parametrize(
    "day, hour, active, past",
    [
        (19, 18, {"days"}, {"before"}),
        (19, 19, {"days", "blast"}, {"before"}),
        (19, 20, {"days"}, {"before", "blast"}),
        (19, 22, {"days"}, {"before", "blast"}),
        (19, 23, {"days", "crowd"}, {"before", "blast"}),
        (20, 0, {"days", "crowd", "until-two"}, {"before", "blast"}),
        (20, 1, {"days", "until-two"}, {"before", "blast", "crowd"}),
        (20, 2, {"days", "from-two", "moment-at-two"}, {"before", "blast", "crowd", "until-two"}),
        (20, 3, {"days"}, {"before", "blast", "crowd", "until-two", "from-two", "moment-at-two"}),
        (20, 12, {"days"}, {"before", "blast", "crowd", "until-two", "from-two", "moment-at-two"}),
    ],
)
def test_active_and_past_at_each_step(night_index, day, hour, active, past):
    assert at(night_index, hour, day) == (active, past)


def test_step_index_covers_every_step(night_index):
    assert night_index.steps == tuple(NIGHT.steps())
    assert len(night_index.active) == len(night_index.past) == 19
    for active, past in zip(night_index.active, night_index.past):
        assert not active & past
        assert "after" not in active | past  # 1991 is still to come all night


def test_step_index_position(night_index):
    assert night_index.position(baku(1990, 1, 19, 18)) == 0
    assert night_index.position(baku(1990, 1, 20, 2, 30)) == 8
    assert night_index.position(baku(1990, 1, 25)) == 18


def test_step_index_by_month():
    index = build_step_index(YEARS, SYNTHETIC)
    jan = index.steps.index(baku(1990, 1, 1))
    assert index.active[jan] == {"crowd", "blast", "moment-at-two", "until-two", "from-two", "days"}
    assert index.past[jan] == {"before"}
    assert index.active[jan - 1] == {"before"}  # December 1989
    assert index.past[jan + 1] == index.active[jan] | {"before"}
    assert index.active[index.steps.index(baku(1991, 6, 1))] == {"after"}


@pytest.mark.parametrize(
    "start, end, step, expected",
    [
        ((20, 2), (20, 2), (20, 2), "active"),  # a moment at the step's start
        ((20, 2, 59), (20, 2, 59), (20, 2), "active"),  # a moment in the step's last minute
        ((20, 3), (20, 3), (20, 2), "future"),  # a moment at the next step's start
        ((20, 1), (20, 2), (20, 2), "past"),  # half-open: ends as the step begins
        ((20, 1, 59), (20, 2, 1), (20, 2), "active"),
        ((20, 3), (20, 4), (20, 2), "future"),
        ((19, 18), (20, 12), (20, 2), "active"),
    ],
)
def test_step_status(start, end, step, expected):
    e = event("e", baku(1990, 1, *start), baku(1990, 1, *end))
    at_ = baku(1990, 1, *step)
    assert step_status(e, at_, at_ + timedelta(hours=1)) == expected


# --- the URL form of a time -----------------------------------------------


@pytest.mark.parametrize("time_range", list(RANGES.values()), ids=list(RANGES))
def test_parse_local_and_format_local_round_trip_every_step(time_range):
    for step in time_range.steps():
        text = format_local(step)
        assert parse_local(text) == step, text
        assert parse_local(text).utcoffset() == step.utcoffset()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1990-01-20T02:00", baku(1990, 1, 20, 2)),
        ("  1990-01-20T02:00\n", baku(1990, 1, 20, 2)),
        ("1990-01-20T02:00:00", baku(1990, 1, 20, 2)),
        ("1990-01-20", baku(1990, 1, 20)),
        ("1990-01-19T22:00Z", baku(1990, 1, 20, 2)),  # an offset is converted to Baku time
        ("1990-01-20T01:00+03:00", baku(1990, 1, 20, 2)),
        ("1988-07-01T12:00", datetime(1988, 7, 1, 12, tzinfo=fixed(5))),
    ],
)
def test_parse_local(text, expected):
    value = parse_local(text)
    assert value == expected
    assert value.tzinfo is BAKU


@pytest.mark.parametrize(
    "text",
    ["", "   ", "soon", "20 Jan 1990", "1990-13-01T00:00", "1990-02-30T00:00", "1990-01-20T25:00",
     "1990-01-20T02:00+99:00", "0001-01-01T00:00+05:00", "9999-12-31T23:59-05:00", None, 1990, ["1990-01-20"]],
)
def test_parse_local_malformed_is_none(text):
    assert parse_local(text) is None


@pytest.mark.parametrize(
    "when, expected",
    [
        (baku(1990, 1, 20, 2), "1990-01-20T02:00"),
        (datetime(1990, 1, 19, 22, 0, tzinfo=UTC), "1990-01-20T02:00"),
        (datetime(1990, 1, 20, 2, 0, 59, tzinfo=BAKU), "1990-01-20T02:00"),
        (datetime(1988, 6, 30, 19, 0, tzinfo=UTC), "1988-07-01T00:00"),
    ],
)
def test_format_local(when, expected):
    assert format_local(when) == expected


# --- in words ----------------------------------------------------------------


@pytest.mark.parametrize(
    "start, end, precision, expected",
    [
        (baku(1987, 1, 1), baku(1988, 1, 1), "year", "1987"),
        (baku(1988, 1, 1), baku(1990, 1, 1), "year", "1988–1989"),
        (baku(1990, 1, 1), datetime(1992, 1, 1, tzinfo=fixed(3)), "year", "1990–1991"),
        (baku(1990, 1, 1), baku(1990, 2, 1), "month", "January 1990"),
        (baku(1990, 1, 1), baku(1990, 3, 1), "month", "January 1990 – February 1990"),
        (baku(1990, 1, 20), baku(1990, 1, 21), "day", "20 Jan 1990"),
        (baku(1990, 1, 13), baku(1990, 1, 16), "day", "13 Jan 1990 – 15 Jan 1990"),
        (baku(1990, 1, 20), baku(1990, 1, 20), "day", "20 Jan 1990"),
        (baku(1990, 1, 20, 0), baku(1990, 1, 20, 2), "hour", "20 Jan 1990, 00:00–02:00 Baku time"),
        (baku(1990, 1, 19, 19, 30), baku(1990, 1, 19, 19, 45), "minute", "19 Jan 1990, 19:30–19:45 Baku time"),
        (baku(1990, 1, 19, 19, 30), baku(1990, 1, 19, 19, 30), "minute", "19 Jan 1990, 19:30 Baku time"),
        (baku(1990, 1, 20, 0), baku(1990, 1, 20, 6), "approximate", "20 Jan 1990, about 00:00–06:00 Baku time"),
        (baku(1990, 1, 19, 23, 30), baku(1990, 1, 20, 0, 30), "approximate",
         "about 19 Jan 1990 23:30 – 20 Jan 1990 00:30 Baku time"),
        (baku(1990, 1, 19, 19), baku(1990, 1, 19, 19), "approximate", "19 Jan 1990, about 19:00 Baku time"),
        (datetime(1990, 1, 19, 20, 0, tzinfo=UTC), datetime(1990, 1, 19, 22, 0, tzinfo=UTC), "hour",
         "20 Jan 1990, 00:00–02:00 Baku time"),  # given in UTC, told in Baku time
    ],
)
def test_describe_window(start, end, precision, expected):
    assert describe_window(start, end, precision) == expected


@pytest.mark.parametrize(
    "time_range, when, expected",
    [
        (NIGHT, baku(1990, 1, 20, 2), "Sat 20 Jan 1990, 02:00–03:00 Baku time"),
        (NIGHT, baku(1990, 1, 19, 23), "Fri 19 Jan 1990, 23:00–00:00 Baku time"),
        (JANUARY, baku(1990, 1, 13, 6), "Sat 13 Jan 1990, 06:00–12:00 Baku time"),
        (YEARS, baku(1990, 1, 1), "January 1990"),
    ],
)
def test_describe_step(time_range, when, expected):
    assert describe_step(when, time_range) == expected


# --- Baku time and honest precision ------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        (baku(1990, 1, 20, 2), None),
        (datetime(1990, 1, 20, 2, tzinfo=fixed(4)), None),
        (datetime(1988, 7, 1, tzinfo=fixed(5)), None),  # summer time
        (datetime(1991, 10, 19, tzinfo=fixed(3)), None),
        (datetime(1990, 9, 30, 2, 30, tzinfo=fixed(5)), None),  # the hour the clocks repeated,
        (datetime(1990, 9, 30, 2, 30, tzinfo=fixed(4)), None),  # ... both times
        (datetime(1990, 1, 20, 2), "needs a UTC offset, e.g. 1990-01-20T02:00:00+04:00 (Baku time)"),
        (datetime(1990, 1, 20, 2, tzinfo=fixed(3)),
         "offset +03:00 is not Baku time on 1990-01-20; Asia/Baku was UTC+04:00"),
        (datetime(1990, 1, 19, 22, tzinfo=UTC),
         "offset +00:00 is not Baku time on 1990-01-19; Asia/Baku was UTC+04:00"),
        (datetime(1988, 7, 1, tzinfo=fixed(4)),
         "offset +04:00 is not Baku time on 1988-07-01; Asia/Baku was UTC+05:00"),
        (datetime(1991, 10, 19, tzinfo=fixed(4)),
         "offset +04:00 is not Baku time on 1991-10-19; Asia/Baku was UTC+03:00"),
        (datetime(1990, 9, 30, 1, 30, tzinfo=fixed(4)),
         "offset +04:00 is not Baku time on 1990-09-30; Asia/Baku was UTC+05:00"),
        (datetime(1990, 1, 20, 2, tzinfo=timezone(timedelta(hours=4, minutes=30))),
         "offset +04:30 is not Baku time on 1990-01-20; Asia/Baku was UTC+04:00"),
        (datetime(1990, 3, 25, 2, 30, tzinfo=fixed(4)),
         "02:30 did not exist in Baku on 1990-03-25: the clocks were put forward"),
        (datetime(1, 1, 1, tzinfo=fixed(5)), "0001-01-01T00:00:00+05:00 is out of range"),
    ],
)
def test_offset_problem(value, expected):
    assert offset_problem(value) == expected


@pytest.mark.parametrize(
    "value, precision, expected",
    [
        (baku(1990, 1, 20, 0, 20), "minute", None),
        (baku(1990, 1, 20, 0, 20), "approximate", None),
        (baku(1990, 1, 20, 1), "hour", None),
        (baku(1990, 1, 20), "day", None),
        (baku(1990, 1, 1), "month", None),
        (baku(1990, 1, 1), "year", None),
        (baku(1990, 1, 20, 0, 20), "hour", "1990-01-20T00:20:00+04:00 is not on the hour, but precision is 'hour'"),
        (baku(1990, 1, 20, 12), "day", "1990-01-20T12:00:00+04:00 is not at midnight, but precision is 'day'"),
        (baku(1990, 1, 20, 0, 1), "day", "1990-01-20T00:01:00+04:00 is not at midnight, but precision is 'day'"),
        (baku(1990, 1, 1, 6), "month", "1990-01-01T06:00:00+04:00 is not at midnight, but precision is 'month'"),
        (baku(1990, 1, 20), "month", "1990-01-20T00:00:00+04:00 is not the first of a month, but precision is 'month'"),
        (baku(1990, 2, 1), "year", "1990-02-01T00:00:00+04:00 is not 1 January, but precision is 'year'"),
        (baku(1990, 1, 20), "year", "1990-01-20T00:00:00+04:00 is not the first of a month, but precision is 'year'"),
        (datetime(1990, 1, 20, 2, 0, 30, tzinfo=BAKU), "minute",
         "1990-01-20T02:00:30+04:00 has seconds; no source gives times to the second"),
        (datetime(1990, 1, 20, 2, 0, 0, 5, tzinfo=BAKU), "approximate",
         "1990-01-20T02:00:00.000005+04:00 has seconds; no source gives times to the second"),
    ],
)
def test_precision_problem(value, precision, expected):
    assert precision_problem(value, precision) == expected


# --- edges said at the precision their evidence gives ---------------------------------------------


def test_an_untimed_edge_at_midnight_on_new_year_is_a_year(catalog):
    rallies = catalog.require_event("rallies-1989-1990")
    assert rallies.precision.value == "approximate" and rallies.start == baku(1989, 1, 1)
    assert describe_event_window(rallies) == "from 1989; the texts give no end"
    assert describe_event_window(rallies, "ru") == "с 1989; конец в текстах не указан"


def test_a_timed_edge_at_midnight_keeps_its_hour(catalog):
    """'from midnight' writes the hour: the edge is said with it."""
    event = catalog.require_event("emergency-unannounced")
    assert "midnight" in event.when
    assert describe_event_window(event).startswith("from 20 Jan 1990, about 00:00 Baku time")


@pytest.mark.parametrize("when, start, said", [
    ("in 1989", "1989-01-01T00:00:00+04:00", "from 1989"),
    ("in March 1990", "1990-03-01T00:00:00+04:00", "from March 1990"),
    ("on 20 January 1990", "1990-01-20T00:00:00+04:00", "from 20 Jan 1990"),
    ("from 1 January 1990", "1990-01-01T00:00:00+04:00", "from 1 Jan 1990"),
    ("at midnight on 20 January", "1990-01-20T00:00:00+04:00", "from 20 Jan 1990, about 00:00 Baku time"),
    ("at 23:30 on 19 January", "1990-01-19T23:30:00+04:00", "from 19 Jan 1990, about 23:30 Baku time"),
])
def test_an_approximate_open_edge_is_said_as_its_evidence_writes_it(when, start, said):
    event = Event(id="e", title="t", summary="s", precision="approximate", start=start, end=None, when=when,
                  places=["p"], category="background", citations=[{"source": "s", "quote": "q"}])
    assert describe_event_window(event) == f"{said}; the texts give no end"


def test_an_open_end_with_an_uncertain_start_says_both(catalog):
    detentions = catalog.require_event("detentions")
    assert detentions.start_uncertain and detentions.end is None
    assert describe_event_window(detentions) == (
        "not before 19 Jan 1990, about 23:30 Baku time; the texts give no exact start and no end")


def test_an_event_dated_to_a_day_is_not_over_at_midnight_only_past_its_day(catalog):
    """At the night's midnight step the decree's day is over: the step says that, not that the decree ended then."""
    view = range_view(catalog, "night")
    midnight = view.steps.index(baku(1990, 1, 20))
    changes = view.index.changes[midnight]
    assert "emergency-decree" in changes.day_ended and "emergency-decree" not in changes.over
    _, lines = view.change_lines(midnight)
    assert any(line.startswith("Past the day, month or year the texts date it to") and
               "State of emergency for Baku decreed in Moscow" in line for line in lines)
    assert not any(line.startswith("Over:") and "decreed" in line for line in lines)
