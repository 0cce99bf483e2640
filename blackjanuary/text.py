"""Make text from the data safe to show: escaped for Markdown and for HTML, never interpreted."""

from __future__ import annotations

import html
import json
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:&])")


def md_escape(text: str) -> str:
    """Text that Markdown shows literally: every character with a meaning is backslash-escaped.

    Streamlit's Markdown also turns ':name:' into icons and '$...$' into maths,
    so ':' and '$' are escaped too. Line breaks are kept as spaces.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def html_escape(text: str) -> str:
    return html.escape(text, quote=True)


def script_json(data: object) -> str:
    """JSON for a <script type="application/json"> element: no '<' (nor '>' or '&') can end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def one_line(text: str) -> str:
    """Prose on one line: the YAML's line breaks mean nothing once it is shown."""
    return " ".join(text.split())
