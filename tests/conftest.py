"""Fixtures shared by the tests: the shipped catalogue, a tiny valid data folder that each
test bends one way, the real data made hostile, and headless Chromium; and the `browser`
mark, put on every test that drives Chromium (helpers.py and browsing.py hold the functions).

Line numbers matter: the tests assert `file:line` for every problem, so the
texts below are kept short and their lines are counted in the comments.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hostile import HOSTILE, write_hostile_copy

from blackjanuary import check, load
from blackjanuary.checkcache import CACHE_ENV
from blackjanuary.explorer import TEST_HOOKS_ENV

# The browser tests read the Explore component's state: the app and the export load its bundles with test hooks.
os.environ[TEST_HOOKS_ENV] = "1"
# Validated catalogues are kept for the tests' session only, and the app servers they start share the folder.
os.environ.setdefault(CACHE_ENV, tempfile.mkdtemp(prefix="blackjanuary-catalogue-"))

DATA = Path(__file__).resolve().parent.parent / "data"
# Debian's Chromium: Playwright cannot download its own browser here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

PAPER_TXT = """\
On the evening of 19 January the crowd
gathered on the square and waited.
Later the Avenue was quiet.
"""

SOURCES_YAML = """\
- id: paper
  file: sources/paper.txt
  publisher: The Paper
  title: A night in Baku
  byline: Unsigned
  genre: report
"""
#  1 - id: paper
#  2   file: sources/paper.txt

PLACES_YAML = """\
- id: square
  name: The Square
  names: {az: Meydan, ru: Площадь}
  kind: point
  lat: 40.3725
  lon: 49.8533
  description: A square.
  coordinates_ref: Made up for the tests.

- id: avenue
  name: The Avenue
  names: {az: Prospekt, ru: Проспект}
  kind: line
  path:
    - [40.3595, 49.8330]
    - [40.3695, 49.8480]
  description: An avenue.
  coordinates_ref: Made up for the tests.
"""
#  1 - id: square        4 kind: point   5 lat   6 lon
# 10 - id: avenue       13 kind: line   14 path: 15, 16 points

EVENTS_YAML = """\
- id: crowd-gathers
  title: A crowd gathers
  summary: People gather on the square.
  start: 1990-01-19T23:30:00+04:00
  end: 1990-01-20T00:30:00+04:00
  precision: approximate
  when: from about 23:30 to 00:30 on 19–20 January
  places:
    - square
    - avenue
  category: background
  citations:
    - source: paper
      quote: |-
        the crowd gathered
        on the square
"""
#  1 - id   2 title   3 summary   4 start   5 end   6 precision   7 when
#  8 places: 9 square, 10 avenue   11 category   12 citations:
# 13 - source   14 quote


FILES = {
    "sources.yaml": SOURCES_YAML,
    "places.yaml": PLACES_YAML,
    "events.yaml": EVENTS_YAML,
    "sources/paper.txt": PAPER_TXT,
}


# --- the `browser` mark ------------------------------------------------------
#
# `pytest -m "not browser"` is the fast loop; CI runs everything. A test is a browser
# test if it asks for one of these fixtures (directly or through another fixture);
# a module that launches Chromium on its own sets `pytestmark = pytest.mark.browser`.
BROWSER_FIXTURES = {"browser", "app_url"}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by mark
def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def _unmarked_launch(*args, **kwargs):
    raise RuntimeError("this test launches Chromium but is not marked `browser`: "
                       "ask for the `browser` fixture, or mark it (see tests/conftest.py)")


@contextmanager
def _no_chromium_unless_marked(item):
    """A test without the mark may not launch Chromium, in its fixtures (module-scoped ones too) or its body."""
    if item.get_closest_marker("browser") is not None:
        yield
        return
    try:
        from playwright.sync_api import BrowserType
    except ImportError:  # no Playwright, no Chromium to launch
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BrowserType, "launch", _unmarked_launch)
        patch.setattr(BrowserType, "launch_persistent_context", _unmarked_launch)
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    with _no_chromium_unless_marked(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    with _no_chromium_unless_marked(item):
        return (yield)


# --- fixtures -----------------------------------------------------------------


@pytest.fixture(scope="session")
def catalog():
    """The shipped data, loaded (raising InvalidData if it does not validate). Tests only read it."""
    return load(DATA)


@pytest.fixture(scope="session")
def real():
    """The shipped data, validated: its errors are the assertion message if it has any."""
    catalog, problems = check(DATA)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert catalog is not None
    return catalog


@pytest.fixture(scope="session")
def streets():
    """The streets basemap as `make basemap` built it from OpenStreetMap data; `make test` builds it first."""
    from blackjanuary.streets import STREETS_DIR, built

    streets = built()
    if streets is None:
        pytest.fail(f"no streets basemap in {STREETS_DIR.name}/: run `make basemap` (OSM_DIR=folder of OpenStreetMap data)")
    return streets


@pytest.fixture
def no_streets(monkeypatch, tmp_path):
    """The app as it is without OpenStreetMap data: the streets basemap's folder is empty."""
    from blackjanuary import streets

    monkeypatch.setattr(streets, "STREETS_DIR", tmp_path / "streets")


@pytest.fixture(scope="module")
def app_url():
    """The app on the shipped data, on a free loopback port: one server per test module, stopped after it."""
    from blackjanuary.devserver import running_app

    with running_app() as url:
        yield url


@pytest.fixture
def make_data(tmp_path):
    """Write the tiny valid data folder and return its path, changed as asked.

    edits: (file, old, new) text replacements; `old` must be there exactly
    once, so an edit that misses, or hits the wrong place, cannot make a test
    pass. files: whole files to write (str or bytes) instead of, or besides,
    the valid ones. drop: files to leave out. Each call writes a new folder.
    """
    made = []

    def make(edits=(), files=None, drop=()) -> Path:
        made.append(None)
        folder = tmp_path / f"data{len(made)}"
        texts: dict[str, str | bytes] = {**FILES, **(files or {})}
        for name, old, new in edits:
            assert texts[name].count(old) == 1, f"{old!r} is not exactly once in {name}"
            texts[name] = texts[name].replace(old, new)
        for name, text in texts.items():
            if name in drop:
                continue
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for one test module."""
    from playwright.sync_api import sync_playwright  # only the browser tests need Playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def hostile_present_data(tmp_path_factory) -> Path:
    """The hostile copy of the real data (tests/hostile.py), whose narratives' titles,
    descriptions and teacher's notes carry HOSTILE too; it still validates."""
    folder = write_hostile_copy(DATA, tmp_path_factory.mktemp("hostile-present") / "data")
    path = folder / "narratives.yaml"
    narratives = yaml.safe_load(path.read_text(encoding="utf-8"))
    for narrative in narratives:
        narrative["title"] = f"{narrative['title']} {HOSTILE}"
        narrative["description"] = f"{narrative['description']} {HOSTILE}"
        for step in narrative["steps"]:
            step["note"] = f"{step['note']} {HOSTILE}"
    path.write_text(yaml.safe_dump(narratives, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    catalog, problems = check(folder)
    assert catalog is not None, "\n".join(map(str, problems))
    return folder
