"""The chronology as a plain HTML table: every event with its window, places and sources, for screen readers and keyboards."""

from __future__ import annotations

from .attribution import timing_lines
from .htmltable import scrolling_table
from .i18n import tr
from .loading import Catalog
from .text import html_escape
from .timeline import describe_event_window

STYLE = """<style>
.bj-chronology tr.now { background: #fdeaea; }
.bj-chronology tr.now td:first-child { color: #9b1c1c; font-weight: 700; }
.bj-chronology .timing { margin: 0.3rem 0 0; padding-left: 1.1rem; font-size: 0.9rem; color: #444; }
</style>"""


def _timing(catalog: Catalog, event, lang: str) -> str:
    """Where the sources say different things about when: the note, then each source's words."""
    lines = timing_lines(catalog, event, lang)
    if not lines:
        return ""
    note = f"<br><em>{html_escape(' '.join(event.when_note.split()))}</em>" if event.when_note else ""
    items = "".join(f"<li>{html_escape(line)}</li>" for line in lines)
    return f'{note}<ul class="timing" aria-label="{html_escape(tr(lang, "when_by_source"))}">{items}</ul>'


def chronology_html(catalog: Catalog, active: frozenset[str] | set[str], moment: str, lang: str = "en") -> str:
    """Every event in time order; rows of the events in `active` are marked "now" in words, not by colour alone."""
    now_word = tr(lang, "now_marker")
    head = [tr(lang, key) for key in ("col_now", "col_when", "col_event", "col_places", "col_sources", "col_precision")]
    rows = []
    for event in catalog.events:
        is_now = event.id in active
        places = ", ".join(catalog.places[p].name_in(lang) for p in event.places)
        sources = ", ".join(catalog.sources[s].publisher for s in event.source_ids)
        rows.append(
            f'''<tr id="chrono-{html_escape(event.id)}"{' class="now"' if is_now else ''}>'''
            f"<td>{html_escape(now_word) if is_now else ''}</td>"
            f"<td>{html_escape(describe_event_window(event, lang))}{_timing(catalog, event, lang)}</td>"
            f'<th scope="row">{html_escape(event.title)}</th>'
            f"<td>{html_escape(places)}</td>"
            f"<td>{html_escape(sources)}</td>"
            f"<td>{html_escape(tr(lang, 'precision_' + event.precision.value))}</td>"
            "</tr>"
        )
    caption = tr(lang, "table_caption", count=len(catalog.events), now=len(active), time=moment)
    return STYLE + scrolling_table(caption, head, rows, "bj-chronology")
