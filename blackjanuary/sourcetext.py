"""A source's full text as HTML, every cited passage marked: all text escaped, nothing from the data interpreted."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .i18n import tr
from .loading import Catalog
from .text import html_escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    event_id: str
    citation: int


def marks_for(catalog: Catalog, source_id: str) -> list[Mark]:
    """Where each citation of `source_id` stands in its text, in text order."""
    found = []
    for event in catalog.events:
        for n, citation in enumerate(event.citations):
            if citation.source != source_id:
                continue
            span = catalog.passage_span(source_id, citation.quote)
            if span:
                found.append(Mark(span[0], span[1], event.id, n))
    return sorted(found, key=lambda m: (m.start, m.end))


def highlighted_html(
    text: str, marks: list[Mark], titles: dict[str, str], target: tuple[str, int] | None, lang: str = "en",
) -> str:
    """The text as paragraphs, cited passages in <mark> titled with what they are cited for (in `lang`); the target
    passage gets id="passage-target"."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[str] = []
    target_opened = False
    for a, b in pairwise(cuts):
        segment = html_escape(text[a:b]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        covering = [m for m in marks if m.start <= a and b <= m.end]
        if not covering:
            pieces.append(segment)
            continue
        is_target = target is not None and any((m.event_id, m.citation) == target for m in covering)
        events = sorted({titles.get(m.event_id, m.event_id) for m in covering})
        attributes = f'title="{html_escape(tr(lang, "cited_for", titles="; ".join(events)))}"'
        if is_target and not target_opened:
            attributes += ' id="passage-target"'
            target_opened = True
        css = "bj-mark bj-target" if is_target else "bj-mark"
        pieces.append(f'<mark class="{css}" {attributes}>{segment}</mark>')
    return f"<p>{''.join(pieces)}</p>"
