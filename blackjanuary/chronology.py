"""The chronology as a plain HTML table: every event with its window, places and sources, for screen readers and keyboards."""

from __future__ import annotations

from .attribution import timing_lines
from .i18n import tr
from .loading import Catalog
from .text import html_escape
from .timeline import describe_event_window

STYLE = """<style>
.bj-scroll { overflow-x: auto; }
.bj-scroll:focus-visible { outline: 3px solid #c62828; outline-offset: 2px; }
.bj-chronology { border-collapse: collapse; width: 100%; min-width: 44rem; font-size: 1rem; line-height: 1.45; }
.bj-chronology caption { text-align: left; font-weight: 600; padding: 0.4rem 0; }
.bj-chronology th, .bj-chronology td { border-bottom: 1px solid #d8d8d8; padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
.bj-chronology thead th { background: #f3f1ec; position: sticky; top: 0; }
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
    head = "".join(
        f'<th scope="col">{html_escape(tr(lang, key))}</th>'
        for key in ("col_now", "col_when", "col_event", "col_places", "col_sources", "col_precision")
    )
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
    return (
        # On a narrow screen the table scrolls sideways inside its own region, which a
        # keyboard can reach (tabindex) and a screen reader names (the caption).
        f'{STYLE}<div class="bj-scroll" role="region" tabindex="0" aria-label="{html_escape(caption)}">'
        f'<table class="bj-chronology"><caption>{html_escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
