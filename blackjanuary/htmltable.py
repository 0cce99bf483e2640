"""A table as plain HTML for a screen reader and a keyboard: on a narrow screen it scrolls sideways inside a
region of its own, which the keyboard can reach (tabindex) and a screen reader names (by the caption).

Cells are HTML already escaped by the caller; nothing from the data goes in unescaped.
"""

from __future__ import annotations

from .text import html_escape

STYLE = """<style>
.bj-scroll { overflow-x: auto; }
.bj-scroll:focus-visible { outline: 3px solid #1f5fbf; outline-offset: 2px; }
.bj-table { border-collapse: collapse; width: 100%; font-size: 1rem; line-height: 1.45; }
.bj-table caption { text-align: left; font-weight: 600; padding: 0.4rem 0; }
.bj-table th, .bj-table td { border-bottom: 1px solid #d8d8d8; padding: 0.45rem 0.6rem; text-align: left; vertical-align: top; }
.bj-table thead th { background: #f3f1ec; position: sticky; top: 0; }
</style>"""


def scrolling_table(caption: str, head: list[str], rows: list[str], table_class: str = "", min_width: str = "44rem") -> str:
    """The table in its keyboard-reachable region: `head` the column names as text, `rows` each a `<tr>…</tr>`."""
    columns = "".join(f'<th scope="col">{html_escape(name)}</th>' for name in head)
    return (
        f'{STYLE}<div class="bj-scroll" role="region" tabindex="0" aria-label="{html_escape(caption)}">'
        f'<table class="bj-table {table_class}" style="min-width: {min_width}"><caption>{html_escape(caption)}</caption>'
        f"<thead><tr>{columns}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
