"""The interface's message catalogues (gettext, read and compiled with Babel) and dates from Babel's CLDR data.

The check must fail on every way a translation can fall behind the English:
missing, empty, stale (made from other English), fuzzy, placeholders or
plural forms that differ; and Babel's update must turn changed English into
fuzzy drafts rather than silently keep the old translation.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from blackjanuary import i18n
from blackjanuary.i18n import (
    LANGUAGES,
    catalogue_path,
    catalogue_problems,
    format_day,
    plural_category,
    template,
    tr,
    update_catalogue,
)
from blackjanuary.timeline import RANGES, TimeRange, baku, describe_instant, describe_step, describe_window, step_label

NIGHT = RANGES["night"]


def copy_catalogue(tmp_path: Path, lang: str) -> Path:
    path = tmp_path / f"{lang}.po"
    shutil.copy(catalogue_path(lang), path)
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(lang: str, path: Path) -> list[str]:
    return [f"{p.key}: {p.problem}" for p in catalogue_problems(lang, path)]


# --- the check -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_the_shipped_catalogues_are_complete_and_current(lang):
    assert catalogue_problems(lang) == []
    assert len(template()) > 200


def test_a_missing_message_fails(tmp_path):
    path = copy_catalogue(tmp_path, "az")
    edit(path, 'msgctxt "page_figures"\nmsgid "Figures"\nmsgstr "Rəqəmlər"\n', "")
    assert problems_of("az", path) == ["page_figures: missing: no translation of this message"]


def test_an_empty_translation_fails(tmp_path):
    path = copy_catalogue(tmp_path, "ru")
    edit(path, 'msgid "Figures"\nmsgstr "Цифры"', 'msgid "Figures"\nmsgstr ""')
    assert problems_of("ru", path) == ["page_figures: missing: the translation is empty"]


def test_a_translation_of_older_english_is_stale(tmp_path):
    """The English changed after the translation was made: the msgid the translator saw no longer matches."""
    path = copy_catalogue(tmp_path, "ru")
    edit(path, 'msgctxt "page_figures"\nmsgid "Figures"', 'msgctxt "page_figures"\nmsgid "Numbers"')
    [problem] = catalogue_problems("ru", path)
    assert problem.key == "page_figures" and problem.problem.startswith("stale: translated from 'Numbers'")
    assert problem.line > 1


def test_a_fuzzy_translation_is_stale(tmp_path):
    path = copy_catalogue(tmp_path, "az")
    edit(path, 'msgctxt "page_figures"', '#, fuzzy\nmsgctxt "page_figures"')
    assert problems_of("az", path) == ["page_figures: stale: marked fuzzy; check the translation and remove the fuzzy flag"]


def test_different_placeholders_fail(tmp_path):
    path = copy_catalogue(tmp_path, "ru")
    edit(path, 'msgstr "цитата, язык: {language}"', 'msgstr "цитата, язык: {lang}"')
    assert problems_of("ru", path) == ["quoted_in: placeholders ['lang'] differ from the English ['language']"]


def test_a_missing_plural_form_fails(tmp_path):
    # Babel reads the absent third form as empty: Russian needs all three.
    path = copy_catalogue(tmp_path, "ru")
    edit(path, 'msgstr[2] "{count} событий в этом шаге"\n', "")
    assert problems_of("ru", path) == ["events_in_step: missing: the translation is empty"]


def test_a_message_the_template_dropped_fails(tmp_path):
    path = copy_catalogue(tmp_path, "az")
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgctxt "gone"\nmsgid "Gone"\nmsgstr "Getdi"\n', encoding="utf-8")
    assert problems_of("az", path) == ["gone: not in the template: remove it, or add the English to messages.pot"]


def test_babels_update_turns_changed_english_into_a_fuzzy_draft(tmp_path):
    pot = tmp_path / "messages.pot"
    shutil.copy(i18n.TEMPLATE, pot)
    edit(pot, 'msgctxt "page_figures"\nmsgid "Figures"', 'msgctxt "page_figures"\nmsgid "Figures in the texts"')
    path = copy_catalogue(tmp_path, "ru")
    left = update_catalogue("ru", path, pot)
    assert [(p.key, p.problem.split(":")[0]) for p in left] == [("page_figures", "stale")]
    with path.open("rb") as handle:
        [message] = [m for m in read_po(handle) if m.context == "page_figures"]
    # The draft is Babel's nearest earlier translation; being fuzzy, it is left out when compiled.
    assert message.fuzzy and message.id == "Figures in the texts" and message.string


def test_a_stale_translation_is_not_shown(tmp_path, monkeypatch):
    """The app reads English where the translation was made from other English: never the old meaning."""
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    edit(locale / "messages.pot", 'msgctxt "page_figures"\nmsgid "Figures"', 'msgctxt "page_figures"\nmsgid "Figures claimed"')
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    monkeypatch.setattr(i18n, "TEMPLATE", locale / "messages.pot")
    for cached in (i18n.template, i18n._translations):
        cached.cache_clear()
    try:
        assert tr("ru", "page_figures") == "Figures claimed"
        assert tr("ru", "page_sources") == "Источники"
    finally:
        for cached in (i18n.template, i18n._translations):
            cached.cache_clear()


def test_the_check_names_file_and_line(tmp_path):
    path = copy_catalogue(tmp_path, "az")
    edit(path, 'msgstr "Rəqəmlər"', 'msgstr ""')
    [problem] = catalogue_problems("az", path)
    line = path.read_text(encoding="utf-8").splitlines().index('msgctxt "page_figures"') + 1
    assert problem.line == line + 1  # the line of its msgid, as Babel counts


# --- plurals from Babel --------------------------------------------------------


@pytest.mark.parametrize(
    "count, en, az, ru",
    [
        (1, "1 event in this step", "bu addımda 1 hadisə", "1 событие в этом шаге"),
        (2, "2 events in this step", "bu addımda 2 hadisə", "2 события в этом шаге"),
        (5, "5 events in this step", "bu addımda 5 hadisə", "5 событий в этом шаге"),
        (21, "21 events in this step", "bu addımda 21 hadisə", "21 событие в этом шаге"),
    ],
)
def test_plural_messages_at_1_2_5_21(count, en, az, ru):
    assert [tr(lang, "events_in_step", count=count) for lang in ("en", "az", "ru")] == [en, az, ru]


@pytest.mark.parametrize("count, category", [(1, "one"), (2, "few"), (5, "many"), (11, "many"), (21, "one"), (22, "few")])
def test_russian_categories(count, category):
    assert plural_category("ru", count) == category


# --- dates from Babel at the edges ------------------------------------------


@pytest.mark.parametrize(
    "lang, expected",
    [("en", "Sat 20 Jan 1990, 00:00–01:00 Baku time"),
     ("az", "Ş. 20 yanvar 1990, 00:00–01:00 Bakı vaxtı"),
     ("ru", "сб 20 января 1990, 00:00–01:00 по бакинскому времени")],
)
def test_the_midnight_step_names_the_new_day(lang, expected):
    assert describe_step(baku(1990, 1, 20, 0), NIGHT, lang) == expected


@pytest.mark.parametrize(
    "lang, expected",
    [("en", "31 Jan 1990 23:00 – 1 Feb 1990 01:00 Baku time"),
     ("az", "31 yanvar 1990 23:00 – 1 fevral 1990 01:00 Bakı vaxtı"),
     ("ru", "31 января 1990 23:00 – 1 февраля 1990 01:00 по бакинскому времени")],
)
def test_a_window_over_a_month_end(lang, expected):
    assert describe_window(baku(1990, 1, 31, 23), baku(1990, 2, 1, 1), "hour", lang) == expected


@pytest.mark.parametrize(
    "lang, expected",
    [("en", "31 Jan 1990"), ("az", "31 yanvar 1990"), ("ru", "31 января 1990")],
)
def test_a_closing_edge_at_midnight_names_the_last_day_of_the_month(lang, expected):
    assert describe_instant(baku(1990, 2, 1), "day", lang, closing=True) == expected


@pytest.mark.parametrize(
    "lang, january, december",
    [("en", "January 1990", "December 1990"), ("az", "yanvar 1990", "dekabr 1990"), ("ru", "январь 1990", "декабрь 1990")],
)
def test_a_month_on_its_own_takes_the_nominative(lang, january, december):
    assert describe_window(baku(1990, 1, 1), baku(1990, 2, 1), "month", lang) == january
    assert describe_window(baku(1990, 12, 1), baku(1991, 1, 1), "month", lang) == december


@pytest.mark.parametrize(
    "lang, expected",
    [("en", ["29 Feb", "1 Mar"]), ("az", ["29 fev", "1 mar"]), ("ru", ["29 февр.", "1 мар."])],
)
def test_short_labels_over_a_leap_day(lang, expected):
    six_hours = TimeRange("test", "test", baku(1992, 2, 29), baku(1992, 3, 2), timedelta(hours=6), "%d %b %H:%M")
    labels = [step_label(baku(1992, 2, 29, 18), six_hours, lang), step_label(baku(1992, 3, 1, 0), six_hours, lang)]
    assert [label.rsplit(" ", 1)[0] for label in labels] == expected


def test_every_pattern_formats_in_every_language():
    for pattern in i18n.DATE_PATTERNS:
        for lang in LANGUAGES:
            assert "1990" in format_day(date(1990, 1, 20), lang, pattern) or pattern == "day_month"
