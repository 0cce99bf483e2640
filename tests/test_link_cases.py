"""The link grammar's cases (tests/link_cases.json), read by the Explore page's parser; node --test reads them
with the offline file's (frontend/test/link.test.mjs), so the two cannot drift apart."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from blackjanuary.i18n import tr
from blackjanuary.timeline import DEFAULT_RANGE, DEFAULT_TIME, RANGES, format_local
from blackjanuary.urls import view_from_params

TABLE = json.loads((Path(__file__).resolve().parent / "link_cases.json").read_text(encoding="utf-8"))


def test_the_tables_ranges_and_ids_are_the_apps(real):
    assert TABLE["default_range"] == DEFAULT_RANGE and TABLE["default_t"] == format_local(DEFAULT_TIME)
    assert TABLE["steps"] == {key: [format_local(s) for s in r.steps()] for key, r in RANGES.items()}
    assert set(TABLE["known"]["place"]) <= set(real.places)
    assert all(real.event(e) for e in TABLE["known"]["event"])


@pytest.mark.parametrize("case", TABLE["cases"], ids=lambda case: case["link"] or "(no link)")
def test_the_explore_page_reads_each_link_as_the_table_says(real, case):
    view = view_from_params(dict(parse_qsl(case["link"], keep_blank_values=True)), real, "en")
    assert {"range": view.range_key, "t": format_local(view.time), "place": view.place, "event": view.event} == case["view"]
    expected = [tr("en", key, value=value, known=", ".join(RANGES)) for key, value in case["notices"]]
    assert view.notices == expected
