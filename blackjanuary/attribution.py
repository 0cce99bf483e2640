"""Who says a passage, in whose publication and on whose authority; and when each source says it happened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .i18n import format_day, language_name, tr
from .models import Citation, Claim, Event, Source

if TYPE_CHECKING:
    from .loading import Catalog


def attribution_text(source: Source, lang: str = "en") -> str:
    """Publisher, title and date of a source, as a passage's attribution."""
    if source.published:
        published = format_day(source.published, lang, "long_day")
    else:
        published = source.published_note or "undated"
    return f"{source.publisher}, “{source.title}” ({published})"


def citation_attribution(catalog: Catalog, passage: Citation | Claim, lang: str = "en", short: bool = False) -> str:
    """The passage's speaker, if the text quotes or reports one, then the publication, then any authority.

    "Azer Garayev, political analyst, quoted by Trend News Agency, “…” (19 January 2026)";
    "…, on the authority of “According to official Azerbaijani data”" only where the quote says so.
    `short` names the publisher without the title and date, for passages shown side by side.
    """
    source = catalog.sources[passage.source]
    published = source.publisher if short else attribution_text(source, lang)
    speaker = catalog.speaker(passage)
    if speaker is None:
        text = published
    else:
        key = "speaker_quoted" if catalog.voice(passage) == "quoted" else "speaker_reported"
        text = tr(lang, key, speaker=speaker.name, role=speaker.role, source=published)
    if passage.authority:
        text += " · " + tr(lang, "on_authority", authority=passage.authority)
    return text


def attribution_in(catalog: Catalog, passage: Citation | Claim, lang: str) -> str:
    """The passage's attribution for a file in `lang`: where its source is in another language, also that language."""
    text = citation_attribution(catalog, passage, lang)
    quoted = catalog.sources[passage.source].language
    if quoted != lang:
        text += " · " + tr(lang, "quoted_in", language=language_name(quoted, lang))
    return text


@dataclass(frozen=True)
class SourceTiming:
    """What one source says about when an event happened, in its own words (none: it says nothing)."""

    source_id: str
    publisher: str
    said: tuple[str, ...]


def timing_by_source(catalog: Catalog, event: Event) -> list[SourceTiming]:
    """Each source the event cites, in order, with the wordings about when that its citations record."""
    out = []
    for source_id in event.source_ids:
        said = dict.fromkeys(" ".join(c.when.split()) for c in event.citations if c.source == source_id and c.when)
        out.append(SourceTiming(source_id, catalog.sources[source_id].publisher, tuple(said)))
    return out


def timing_lines(catalog: Catalog, event: Event, lang: str = "en") -> list[str]:
    """The disagreement on when, as plain lines: each source's words, then the public references.

    Empty when no citation records what its source says about when: then
    the event's own `when` is all there is to show.
    """
    timings = timing_by_source(catalog, event)
    if not any(t.said for t in timings):
        return []
    lines = [
        f"{t.publisher}: " + ("; ".join(f"“{w}”" for w in t.said) if t.said else tr(lang, "when_not_said"))
        for t in timings
    ]
    if event.time_ref:
        lines.append(f"{tr(lang, 'when_reference')}: {' '.join(event.time_ref.split())}")
    return lines
