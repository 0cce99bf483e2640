"""What the AppTest tests share: the app opened at a link, the pages app.py registers, and what a reader sees.

Plain functions, no Playwright: the fast loop (`pytest -m "not browser"`) imports
this module; the browser tests' own helpers are in browsing.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DATA = ROOT / "data"
TIMEOUT = 60  # seconds for one run: the first run of a process imports and loads everything


def run_app(query: dict | None = None, *, data_dir: Path | None = None,
            monkeypatch: pytest.MonkeyPatch | None = None) -> AppTest:
    """The app's default page (Explore) opened at a link with `query` as its parameters, run once.

    data_dir: a data folder instead of data/, set through BLACKJANUARY_DATA by
    `monkeypatch`, so that it lasts for the test's later runs too and is undone after it.
    """
    if data_dir is not None:
        if monkeypatch is None:
            raise TypeError("run_app(data_dir=...) needs the test's monkeypatch to set BLACKJANUARY_DATA")
        monkeypatch.setenv("BLACKJANUARY_DATA", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def open_page(page: str, query: dict | None = None) -> AppTest:
    """Another page (`app_pages/<name>.py`) opened at a link with `query`, and only `query`, as its parameters.

    AppTest switches pages only after a first run; the parameters the default page
    set on that run are cleared, as a link to the page would not carry them.
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.query_params.clear()
    at.query_params.update(query or {})
    return at.switch_page(page).run()


def unescape(markdown: str) -> str:
    """What the reader sees of escaped Markdown: the characters without their backslashes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at: AppTest) -> str:
    """The page's text as a reader sees it: Markdown, subheaders, captions, warnings, buttons, expanders."""
    parts = [m.value for m in at.markdown] + [s.value for s in at.subheader] + [c.value for c in at.caption]
    parts += [w.value for w in at.warning] + [b.label for b in at.button] + [e.label for e in at.expander]
    return unescape("\n".join(parts))


def _is_st(func: ast.expr, name: str) -> bool:
    """`st.<name>` or `streamlit.<name>`."""
    return (isinstance(func, ast.Attribute) and func.attr == name
            and isinstance(func.value, ast.Name) and func.value.id in ("st", "streamlit"))


def navigation_pages(app: str | Path = APP) -> list[str]:
    """The page files app.py hands to st.navigation, in order: each `st.Page("app_pages/...")` inside the call.

    Read from the source, so that pytest can parametrize over them; pages given as
    functions (the data-problems page) have no file and are not listed.
    """
    tree = ast.parse(Path(app).read_text(encoding="utf-8"))
    pages = []
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and _is_st(call.func, "navigation"):
            for page in ast.walk(call):
                if (isinstance(page, ast.Call) and _is_st(page.func, "Page") and page.args
                        and isinstance(page.args[0], ast.Constant) and isinstance(page.args[0].value, str)):
                    pages.append(page.args[0].value)
    return pages
