"""Checks that an event says no more than its evidence: every edge of its window, every count of sources.

An edge of a window rests on evidence when the date or clock time it claims
is written in the event's `when` (the texts' wording), its `time_ref` (a public
reference) or a citation's own `when`. A summary sentence that counts sources
("two sources say") must count the sources the event cites.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .timeline import BAKU

if TYPE_CHECKING:
    from .models import Event

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH = r"(?P<month>" + "|".join(m[:3] + f"(?:{m[3:]})?" if len(m) > 3 else m for m in MONTHS) + r")\.?"
_DAY = r"(?P<a>\d{1,2})(?:st|nd|rd|th)?"
_ANOTHER = r"(?:\s*(?:–|-|to|into|and)\s*(?:(?:the\s+)?(?:" + "|".join(MONTHS) + r")\s+)?(?P<b>\d{1,2}))?"
_DAY_MONTH = re.compile(_DAY + _ANOTHER + r"\s+(?:of\s+)?" + _MONTH, re.IGNORECASE)
_MONTH_DAY = re.compile(_MONTH + r"\s+" + _DAY + _ANOTHER + r"(?!\d)", re.IGNORECASE)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
}
_MONTH_ORDINAL = re.compile(_MONTH + r"\s+(?P<word>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\b", re.IGNORECASE)

COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
_COUNTING = re.compile(
    r"(?<!the )(?<!all )\b(?P<n>one|two|three|four|five|both|\d)\s+(?:of\s+(?:the|them)\s+)?(?:five\s+)?(?:sources|texts)\b"
    r"|\ball\s+(?P<all>five|\d)\s+(?:sources|texts)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(word[:3]))


def dates_written(text: str) -> set[tuple[int, int]]:
    """Every (month, day) the text writes: '20 January', 'January 19–20', 'the night of 19 to 20 Jan', 'January thirteenth'."""
    found: set[tuple[int, int]] = set()
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(text):
            month = _month_number(match.group("month"))
            for group in ("a", "b"):
                if match.group(group):
                    found.add((month, int(match.group(group))))
    for match in _MONTH_ORDINAL.finditer(text):
        found.add((_month_number(match.group("month")), ORDINALS[match.group("word").lower()]))
    return found


def clock_written(text: str, when: datetime) -> bool:
    """Whether the text gives this clock time: '23:30', '19.30', '7:00', or 'midnight' for 00:00."""
    hour, minute = when.hour, when.minute
    forms = {f"{hour:02d}:{minute:02d}", f"{hour}:{minute:02d}", f"{hour:02d}.{minute:02d}", f"{hour}.{minute:02d}"}
    if any(re.search(rf"(?<![\d:.]){re.escape(form)}(?![\d])", text) for form in forms):
        return True
    return (hour, minute) == (0, 0) and re.search(r"\bmidnight\b", text, re.IGNORECASE) is not None


def edge_supported(value: datetime, precision: str, evidence: str, closing: bool) -> bool:
    """Whether the evidence writes what this edge claims, to the event's precision.

    A closing edge at midnight (an end known to the day, month or year) claims
    the last day it includes, not the day it stops at.
    """
    value = value.astimezone(BAKU)
    if precision == "approximate" and (value.hour, value.minute) == (0, 0):
        # An approximate edge at midnight claims no clock time, only its date;
        # at the turn of a year, only the year ("in 1989").
        if closing and clock_written(evidence, value):
            return True
        precision = "year" if (value.month, value.day) == (1, 1) else "day"
    if closing and precision in ("day", "month", "year"):
        value -= timedelta(minutes=1)
    if precision == "year":
        return re.search(rf"(?<!\d){value.year}(?!\d)", evidence) is not None
    if precision == "month":
        month = MONTHS[value.month - 1]
        return re.search(rf"\b{month[:3]}", evidence, re.IGNORECASE) is not None and str(value.year) in evidence
    if (value.month, value.day) not in dates_written(evidence) and precision == "day":
        return False
    if precision == "day":
        return True
    return clock_written(evidence, value)


def evidence_text(event: Event) -> str:
    return " ".join(filter(None, [event.when, event.time_ref, *(c.when for c in event.citations)]))


def edge_problems(event: Event) -> list[tuple[str, str]]:
    """(field, message) for each edge of the window that no wording or reference gives."""
    evidence = evidence_text(event)
    precision = event.precision.value
    out = []
    for field_name, value in (("start", event.start), ("end", event.end)):
        if value is None or edge_supported(value, precision, evidence, closing=field_name == "end"):
            continue
        shown = value.astimezone(BAKU)
        claim = f"{shown:%H:%M} on {shown:%d %b %Y}" if precision in ("minute", "hour", "approximate") else f"{shown:%d %b %Y}"
        out.append((
            field_name,
            f"{field_name} ({claim}, precision '{precision}') rests on no evidence: neither 'when' nor "
            f"'time_ref' writes it; quote the wording or the reference it rests on, or leave the edge open "
            f"({field_name}: null)",
        ))
    return out


def counted_sources(sentence: str) -> int | None:
    """How many sources a sentence says something about ("two sources say", "both texts"), or None."""
    match = _COUNTING.search(sentence)
    if not match:
        return None
    word = (match.group("n") or match.group("all")).lower()
    return COUNT_WORDS.get(word) or int(word)


def count_problems(event: Event) -> list[tuple[str, str]]:
    """(field, message) for each sentence of the summary that counts other than the sources the event cites."""
    cited = len(event.source_ids)
    out = []
    for field_name in ("summary", "when_note"):
        text = getattr(event, field_name) or ""
        for sentence in _SENTENCE.split(" ".join(text.split())):
            stated = counted_sources(sentence)
            if stated is not None and stated != cited:
                out.append((
                    field_name,
                    f"\"{sentence}\" counts {stated} source{'s' if stated != 1 else ''}, but the event cites "
                    f"{cited}; name the sources, or cite exactly those it counts",
                ))
    return out


def edge_precision(event: Event, value: datetime, closing: bool = False) -> str:
    """The precision an edge can be said at: the event's, except an approximate edge at midnight that nothing times.

    Such an edge claims only its date (evidence.edge_supported reads it so),
    and on the first of a year or a month, where the evidence names no day,
    only the year or the month: "from 1989", not "from 1 Jan 1989, about 00:00".
    """
    precision = event.precision.value
    local = value.astimezone(BAKU)
    if precision != "approximate" or (local.hour, local.minute) != (0, 0):
        return precision
    evidence = evidence_text(event)
    if clock_written(evidence, local):
        return precision
    day = local - timedelta(minutes=1) if closing else local
    if (day.month, day.day) in dates_written(evidence):
        return "day"
    if (local.month, local.day) == (1, 1):
        return "year"
    return "month" if local.day == 1 else "day"
