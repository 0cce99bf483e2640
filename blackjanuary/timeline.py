"""Time logic: Baku local time, the scrubber's ranges and steps, and what is active at a step.

All instants are timezone-aware in Asia/Baku (UTC+04:00 in January 1990).
An event's window is half-open, [start, end); a scrubber step covers
[t, t + step), and an event is *active* at a step when the two overlap.
Where the evidence gives no end (or no start), the window is open on that
side: after the step it starts in, such an event is *open* (it began, and the
texts do not say when it ended), never silently active or past.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .i18n import format_day, tr

if TYPE_CHECKING:
    from .models import Event

BAKU = ZoneInfo("Asia/Baku")


def baku(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BAKU)


def offset_problem(value: datetime) -> str | None:
    """Why `value` is not a Baku local time with its offset written out, or None."""
    offset = value.utcoffset()
    if value.tzinfo is None or offset is None:
        return "needs a UTC offset, e.g. 1990-01-20T02:00:00+04:00 (Baku time)"
    local = value.replace(tzinfo=None)
    try:
        in_baku = value.astimezone(BAKU).replace(tzinfo=None)
    except OverflowError:  # e.g. 0001-01-01T00:00:00+05:00
        return f"{value.isoformat()} is out of range"
    if in_baku == local:
        return None  # either offset of an hour the clocks repeated is right
    expected = local.replace(tzinfo=BAKU).utcoffset()
    assert expected is not None, "a time in the Asia/Baku zone always has an offset"
    if offset in {expected, local.replace(tzinfo=BAKU, fold=1).utcoffset()}:
        return (
            f"{local:%H:%M} did not exist in Baku on {value.date().isoformat()}: "
            "the clocks were put forward"
        )
    return (
        f"offset {_offset_text(offset)} is not Baku time on "
        f"{value.date().isoformat()}; Asia/Baku was UTC{_offset_text(expected)}"
    )


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def precision_problem(value: datetime, precision: str) -> str | None:
    """Why `value` claims more precision than `precision` allows, or None.

    A window that is only known to the day must start and end at midnight,
    one known to the hour on the hour, and so on: this is what keeps a
    curator from inventing a minute.
    """
    if value.second or value.microsecond:
        return f"{value.isoformat()} has seconds; no source gives times to the second"
    if precision == "hour" and value.minute:
        return f"{value.isoformat()} is not on the hour, but precision is 'hour'"
    if precision in ("day", "month", "year") and (value.hour or value.minute):
        return f"{value.isoformat()} is not at midnight, but precision is '{precision}'"
    if precision in ("month", "year") and value.day != 1:
        return f"{value.isoformat()} is not the first of a month, but precision is '{precision}'"
    if precision == "year" and value.month != 1:
        return f"{value.isoformat()} is not 1 January, but precision is 'year'"
    return None


@dataclass(frozen=True)
class TimeRange:
    """One setting of the scrubber: a span of time cut into equal steps."""

    key: str
    label: str
    start: datetime
    end: datetime
    step: timedelta | None  # None: calendar months
    tick_format: str

    def steps(self) -> list[datetime]:
        """Every step's start, first to last inclusive."""
        out: list[datetime] = []
        current = self.start
        while current <= self.end:
            out.append(current)
            current = self.next_step(current)
        return out

    def next_step(self, when: datetime) -> datetime:
        if self.step is not None:
            # Arithmetic in UTC so a step is always the same length of real time.
            return (when.astimezone(ZoneInfo("UTC")) + self.step).astimezone(BAKU)
        year, month = (when.year + 1, 1) if when.month == 12 else (when.year, when.month + 1)
        return when.replace(year=year, month=month, day=1).replace(tzinfo=BAKU)

    def snap(self, when: datetime) -> datetime:
        """The step that contains `when`, clamped to the range."""
        steps = self.steps()
        if when <= steps[0]:
            return steps[0]
        chosen = steps[0]
        for step in steps:
            if step > when:
                break
            chosen = step
        return chosen


RANGES: dict[str, TimeRange] = {
    r.key: r
    for r in (
        TimeRange(
            "night",
            "The night: 19 Jan 18:00 – 20 Jan 12:00",
            baku(1990, 1, 19, 18),
            baku(1990, 1, 20, 12),
            timedelta(hours=1),
            "%H:%M",
        ),
        TimeRange(
            "january",
            "January: 13–22 Jan 1990, 6-hour steps",
            baku(1990, 1, 13),
            baku(1990, 1, 22, 18),
            timedelta(hours=6),
            "%d %b %H:%M",
        ),
        TimeRange(
            "years",
            "Years: 1987–1993, monthly steps",
            baku(1987, 1, 1),
            baku(1993, 12, 1),
            None,
            "%b %Y",
        ),
    )
}
DEFAULT_RANGE = "night"
DEFAULT_TIME = baku(1990, 1, 20, 0)


def range_for(when: datetime) -> str:
    """The narrowest range that contains `when`."""
    for key in ("night", "january", "years"):
        r = RANGES[key]
        if r.start <= when <= r.end:
            return key
    return "years"


class Status(StrEnum):
    """How an event, or a place by its events, stands at a step. Equal to its value, so it reads as text in JSON."""

    ACTIVE = "active"  # its window meets the step
    OPEN = "open"  # it began at an earlier step and the texts give no end (or ended later, with no start given)
    PAST = "past"
    FUTURE = "future"


STATUSES = tuple(Status)  # a place takes the first that any of its events has


def step_status(event: Event, at: datetime, step_end: datetime) -> Status:
    """'active', 'open', 'past' or 'future' for an event seen from the step [at, step_end).

    'open' is a step after an open-ended event began (or before an event with
    no start ended): the evidence does not say whether it was still going on.
    """
    start, end = event.start, event.end
    if start is not None and end is not None:
        end = end if end > start else start + timedelta(minutes=1)  # a moment still shows at its step
        if start < step_end and end > at:
            return Status.ACTIVE
        return Status.PAST if end <= at else Status.FUTURE
    if end is None:  # open end
        assert start is not None, f"event {event.id} has neither start nor end (Event._has_an_edge refuses that)"
        if start >= step_end:
            return Status.FUTURE
        return Status.ACTIVE if start >= at else Status.OPEN
    # open start
    if end <= at:
        return Status.PAST
    return Status.ACTIVE if end <= step_end else Status.OPEN


@dataclass(frozen=True)
class StepChanges:
    """What a step shows that the step before did not: events begun, and events over."""

    begun: tuple[str, ...]
    over: tuple[str, ...]  # ended at a known edge
    over_by: tuple[str, ...]  # past the latest end the evidence allows; when exactly it ended is not known
    # Known only to a day, a month or a year, whose end this step is: not over at this hour, only its date gone by.
    day_ended: tuple[str, ...] = ()

    @property
    def nothing(self) -> bool:
        return not (self.begun or self.over or self.over_by or self.day_ended)


@dataclass(frozen=True)
class StepIndex:
    """What each step of a range shows, computed once per range."""

    range: TimeRange
    steps: tuple[datetime, ...]
    active: tuple[frozenset[str], ...]
    past: tuple[frozenset[str], ...]
    open: tuple[frozenset[str], ...] = ()
    changes: tuple[StepChanges, ...] = ()

    def position(self, when: datetime) -> int:
        return self.steps.index(self.range.snap(when))


def build_step_index(time_range: TimeRange, events: Iterable[Event]) -> StepIndex:
    steps = tuple(time_range.steps())
    events = sorted(events, key=lambda e: (e.first, e.last, e.id))
    uncertain_end = {e.id for e in events if e.end_uncertain}
    dated_only = {e.id for e in events if not e.end_uncertain and e.precision.value in ("day", "month", "year")}
    active: list[frozenset[str]] = []
    past: list[frozenset[str]] = []
    still_open: list[frozenset[str]] = []
    changes: list[StepChanges] = []
    for step in steps:
        step_end = time_range.next_step(step)
        status = {e.id: step_status(e, step, step_end) for e in events}
        now = frozenset(k for k, v in status.items() if v == Status.ACTIVE)
        before = active[-1] if active else frozenset()
        ended = [e.id for e in events if e.id in before and status[e.id] != Status.ACTIVE]
        changes.append(
            StepChanges(
                begun=tuple(e.id for e in events if e.id in now and e.id not in before),
                over=tuple(i for i in ended if i not in uncertain_end | dated_only and status[i] == Status.PAST),
                over_by=tuple(i for i in ended if i in uncertain_end),
                day_ended=tuple(i for i in ended if i in dated_only and status[i] == Status.PAST),
            )
        )
        active.append(now)
        past.append(frozenset(k for k, v in status.items() if v == Status.PAST))
        still_open.append(frozenset(k for k, v in status.items() if v == Status.OPEN))
    return StepIndex(time_range, steps, tuple(active), tuple(past), tuple(still_open), tuple(changes))


def parse_local(text: str) -> datetime | None:
    """A URL time such as '1990-01-20T02:00' read as Baku local time, or None if malformed."""
    try:
        value = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None
    if value.tzinfo is not None:
        try:
            value = value.astimezone(BAKU).replace(tzinfo=None)
        except OverflowError:  # e.g. 0001-01-01T00:00+05:00
            return None
    return value.replace(tzinfo=BAKU)


def format_local(when: datetime) -> str:
    """The URL form of a step: local Baku time to the minute, no offset."""
    return when.astimezone(BAKU).strftime("%Y-%m-%dT%H:%M")


def step_label(when: datetime, time_range: TimeRange, lang: str = "en") -> str:
    """A step's short label on the scrubber: '02:00', '20 Jan 06:00' or 'Jan 1990', in the interface language."""
    if time_range.step is None:
        return format_day(when.date(), lang, "short_month_year")
    if time_range.step < timedelta(hours=6):
        return f"{when:%H:%M}"
    return f"{format_day(when.date(), lang, 'day_month')} {when:%H:%M}"


def numeric_tick_format(tick_format: str) -> str:
    """A plotly tick format with months as numbers, for languages plotly's English month names don't fit."""
    return tick_format.replace("%d %b", "%d.%m").replace("%b %Y", "%m.%Y")


def describe_step(when: datetime, time_range: TimeRange, lang: str = "en") -> str:
    """A step in words, e.g. 'Sat 20 Jan 1990, 02:00–03:00 Baku time'."""
    end = time_range.next_step(when)
    if time_range.step is None:
        return _month_year(when, lang)
    day = format_day(when.date(), lang, "weekday_day")
    return f"{day}, {when:%H:%M}–{end:%H:%M} {tr(lang, 'baku_time')}"


def describe_window(start: datetime, end: datetime, precision: str, lang: str = "en") -> str:
    """A closed window in words at the precision it is known to."""
    start, end = start.astimezone(BAKU), end.astimezone(BAKU)
    last = end - timedelta(minutes=1) if end > start else end
    if precision == "year":
        years = {start.year, last.year}
        return str(start.year) if len(years) == 1 else f"{start.year}–{last.year}"
    if precision == "month":
        if (start.year, start.month) == (last.year, last.month):
            return _month_year(start, lang)
        return f"{_month_year(start, lang)} – {_month_year(last, lang)}"
    if precision == "day":
        if start.date() == last.date():
            return _day(start.date(), lang)
        return f"{_day(start.date(), lang)} – {_day(last.date(), lang)}"
    approx = f"{tr(lang, 'about')} " if precision == "approximate" else ""
    baku_time = tr(lang, "baku_time")
    if end == start:  # a moment, not a span: not "19:30–19:30"
        return f"{_day(start.date(), lang)}, {approx}{start:%H:%M} {baku_time}"
    if start.date() == end.date():
        return f"{_day(start.date(), lang)}, {approx}{start:%H:%M}–{end:%H:%M} {baku_time}"
    return f"{approx}{_day(start.date(), lang)} {start:%H:%M} – {_day(end.date(), lang)} {end:%H:%M} {baku_time}"


def describe_instant(when: datetime, precision: str, lang: str = "en", *, closing: bool = False) -> str:
    """One edge of a window in words. A closing edge at midnight names the last day it includes."""
    when = when.astimezone(BAKU)
    if closing and precision in ("day", "month", "year"):
        when -= timedelta(minutes=1)
    if precision == "year":
        return str(when.year)
    if precision == "month":
        return _month_year(when, lang)
    if precision == "day":
        return _day(when.date(), lang)
    approx = f"{tr(lang, 'about')} " if precision == "approximate" else ""
    return f"{_day(when.date(), lang)}, {approx}{when:%H:%M} {tr(lang, 'baku_time')}"


def describe_event_window(event: Event, lang: str = "en") -> str:
    """An event's window in words, saying where the evidence leaves an edge open or only bounds it.

    Each edge is said at the precision its evidence gives (evidence.edge_precision).
    """
    from .evidence import edge_precision  # evidence reads this module's BAKU

    def said(value: datetime, closing: bool = False) -> str:
        return describe_instant(value, edge_precision(event, value, closing), lang, closing=closing)

    precision = event.precision.value
    if event.start is None:
        assert event.end is not None, f"event {event.id} has neither start nor end (Event._has_an_edge refuses that)"
        return tr(lang, "window_open_start", end=said(event.end, closing=True))
    if event.end is None:
        key = "window_open_end_uncertain_start" if event.start_uncertain else "window_open_end"
        return tr(lang, key, start=said(event.start))
    if event.end_uncertain or event.start_uncertain:
        start = said(event.start)
        end = said(event.end, closing=True)
        if event.start_uncertain and event.end_uncertain:
            return tr(lang, "window_uncertain_both", start=start, end=end)
        if event.end_uncertain:
            return tr(lang, "window_uncertain_end", start=start, end=end)
        return tr(lang, "window_uncertain_start", start=start, end=end)
    return describe_window(event.start, event.end, precision, lang)


def _day(day: date, lang: str = "en") -> str:
    """'20 Jan 1990'; in Azerbaijani and Russian the month in full, as dates are written there."""
    return format_day(day, lang)


def _month_year(when: datetime, lang: str) -> str:
    return format_day(when.date(), lang, "month_year")
