"""Who the five sources are, in one line a student reads before any passage, and per source for the Sources page.

The line is made from sources.yaml (each text's publisher and its country),
so it counts what the catalogue holds; its two closing sentences are said
only while they stay true of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel import Locale

from .i18n import language_or_default, tr
from .text import one_line

if TYPE_CHECKING:
    from .loading import Catalog
    from .models import Event, Source

# Publishers' countries whose texts would give the side the line says is missing.
MISSING_SIDES = frozenset({"RU", "AM", "SU"})
WRITTEN_IN = 2026  # the year every dated text of the corpus was published


def country_name(code: str | None, lang: str) -> str:
    """The country's name in the interface language (CLDR), or that the publisher is not identified."""
    if code is None:
        return tr(lang, "country_unknown")
    return Locale.parse(language_or_default(lang)).territories.get(code, code)


def who_the_sources_are(catalog: Catalog, lang: str, short: bool = False) -> str:
    """One line: the texts grouped by their publisher's country, when they were written, and whose voice is missing.

    `short` counts the texts by country without naming the publishers, for the line under Explore's title;
    the Sources page, the slides and the exports name them.
    """
    groups: dict[str | None, list[Source]] = {}
    for source in catalog.sources.values():
        groups.setdefault(source.country, []).append(source)
    # Most texts first; a publisher not identified last.
    order = sorted(groups, key=lambda code: (code is None, -len(groups[code])))
    parts = [
        tr(lang, "sources_group_short" if short else "sources_group", country=country_name(code, lang),
           count=len(groups[code]), publishers=", ".join(s.publisher for s in groups[code]))
        for code in order
    ]
    line = [tr(lang, "sources_who", groups="; ".join(parts))]
    if all(s.published is None or s.published.year == WRITTEN_IN for s in catalog.sources.values()):
        line.append(tr(lang, "sources_when", count=len(catalog.sources)))
    if not MISSING_SIDES & set(groups):
        line.append(tr(lang, "sources_missing_voices"))
    return " ".join(line)


def context_line(event: Event, lang: str) -> str:
    """The context a reader needs from outside the five texts, with its public reference; empty where there is none."""
    if not (event.context and event.context_ref):
        return ""
    return tr(lang, "outside_context", context=one_line(event.context), ref=one_line(event.context_ref))


def outside_the_texts(event: Event, lang: str) -> list[str]:
    """What an event takes from outside the five texts, each line with its public reference: a date or time, a context."""
    time_ref = tr(lang, "outside_texts", ref=one_line(event.time_ref)) if event.time_ref else ""
    return [line for line in (time_ref, context_line(event, lang)) if line]
