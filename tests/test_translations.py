"""The catalogue's own text in Azerbaijani and Russian (data/translations/): checked against the English,
shown in the chosen language, English marked wherever a translation is missing or stale, quotes never translated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from component import component_payload, panel_heading
from helpers import DATA, run_app, unescape

from blackjanuary import check, load
from blackjanuary.i18n import tr
from blackjanuary.translations import english_texts, pair_problem, quoted_phrases

MARK = {"az": "[ingiliscə]", "ru": "[по-английски]"}


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


# --- the shipped translations --------------------------------------------------


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_every_text_of_the_catalogue_is_translated_and_current(catalog, lang):
    _, problems = check(DATA)
    assert [str(p) for p in problems if "translations" in p.file] == []
    total = len(list(english_texts(catalog)))
    assert total > 150
    assert len(catalog.translations[lang].texts) == total
    assert catalog.untranslated(lang) == frozenset()


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_translations_say_they_are_translations_and_not_yet_reviewed(catalog, lang):
    found = catalog.translations[lang]
    assert found.translated_by and "draft" in found.translated_by
    assert found.reviewed_by is None  # the README says who should review before a school relies on it


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_the_language_copy_changes_our_words_and_never_the_quotes(catalog, lang):
    local = catalog.in_language(lang)
    for event in catalog.events:
        other = local.event(event.id)
        assert other.citations == event.citations  # quotes, speakers, authorities and the sources' own when
        assert (other.start, other.end, other.precision, other.places) == (event.start, event.end, event.precision, event.places)
        assert other.title != event.title
    assert [c.quote for c in local.claims] == [c.quote for c in catalog.claims]
    assert [c.wording for c in local.claims] == [c.wording for c in catalog.claims]
    assert local.texts == catalog.texts
    assert local.places["baku"].name == catalog.places["baku"].name  # names come from places.yaml's names


def test_each_quoted_phrase_stays_verbatim_in_translations(catalog):
    """The English puts the sources' own words in quotation marks; a translation keeps them, in English."""
    checked = 0
    for lang in ("az", "ru"):
        texts = catalog.translations[lang].texts
        for key, english in english_texts(catalog):
            for phrase in quoted_phrases(english):
                assert phrase in " ".join(texts[key].split()), (lang, key, phrase)
                checked += 1
    assert checked > 100


def test_a_translated_title_reads_on_one_line(catalog):
    assert all("\n" not in catalog.in_language(lang).event(e.id).title for lang in ("az", "ru") for e in catalog.events)


def test_the_english_catalogue_is_the_same_object_in_english(catalog):
    assert catalog.in_language("en") is catalog
    assert catalog.in_language("az") is catalog.in_language("az")  # made once per process


# --- one pair ------------------------------------------------------------------


ENGLISH = 'Trend\'s analyst calls it "biased and passive"; 147 people, about 19:30.'


@pytest.mark.parametrize(
    "pair, problem",
    [
        ({"en": ENGLISH, "ru": "Аналитик Trend называет это «biased and passive»; 147 человек, около 19:30."}, None),
        ({"en": ENGLISH, "ru": ""}, "missing: no translation yet"),
        ({"en": ENGLISH}, "missing: no translation yet"),
        ({"en": ENGLISH.replace("147", "148"), "ru": "… «biased and passive» 147 19:30"}, "stale:"),
        ({"en": ENGLISH, "ru": "Аналитик Trend называет это «предвзятым»; 147 человек, около 19:30."},
         "the English quotes “biased and passive”"),
        ({"en": ENGLISH, "ru": "«biased and passive»; 147 человек, около 19:45"}, "the numbers differ"),
        ({"en": ENGLISH, "ru": "«biased and passive»; 147 человек, 1990 год, около 19:30"}, "the numbers differ"),
        ({"en": ENGLISH, "ru": "x", "az": "y"}, "expected a pair"),
        ("a string, not a pair", "expected a pair"),
    ],
)
def test_a_pair_is_used_only_while_it_matches(pair, problem):
    found = pair_problem(ENGLISH, pair, "ru")
    assert (found is None) if problem is None else (found or "").startswith(problem), found


def test_line_wrapping_is_not_a_change_of_english():
    assert pair_problem("one two\nthree", {"en": "one  two three", "az": "bir iki üç"}, "az") is None


# --- what curators see, and what readers see ---------------------------------------


def test_changed_english_makes_its_translation_stale_with_file_and_line(tmp_path):
    data = copy_data(tmp_path)
    edit(data / "events.yaml", "title: Tanks crush cars", "title: Tanks crush cars in the streets")
    catalog, problems = check(data)
    assert catalog is not None  # a stale translation warns; it never stops the app
    path = data / "translations" / "az.yaml"
    [az] = [p for p in problems if p.file.endswith("az.yaml")]
    assert az.severity == "warning"
    assert az.message.startswith("event 'tanks-crush-cars', title: stale: the English has changed")
    assert az.line == line_of(path, "  tanks-crush-cars:") + 1  # the pair `title:` under the event
    local = catalog.in_language("az")
    assert local.event("tanks-crush-cars").title == f"{MARK['az']} Tanks crush cars in the streets"
    assert not local.event("tanks-crush-cars").summary.startswith("[")  # the rest stays translated
    assert catalog.untranslated("ru") == frozenset({("events", "tanks-crush-cars", "title")})


def test_a_translation_for_a_text_the_catalogue_lacks_is_reported(tmp_path):
    data = copy_data(tmp_path)
    path = data / "translations" / "ru.yaml"
    text = path.read_text(encoding="utf-8").replace("\nevents:\n", "\nevents:\n  no-such-event:\n    title:\n      en: Gone\n      ru: Нет\n", 1)
    path.write_text(text, encoding="utf-8")
    _, problems = check(data)
    [problem] = [p for p in problems if p.file.endswith("ru.yaml")]
    assert problem.message == "events → no-such-event → title: the catalogue has no such text; remove it"
    assert problem.line == line_of(path, "  no-such-event:") + 1


def test_a_broken_translation_file_warns_and_the_language_falls_back(tmp_path):
    data = copy_data(tmp_path)
    (data / "translations" / "az.yaml").write_text("language: az\nevents: [unclosed\n", encoding="utf-8")
    catalog, problems = check(data)
    assert catalog is not None
    [problem] = [p for p in problems if p.file.endswith("az.yaml")]
    assert problem.severity == "warning" and "YAML syntax" in problem.message and problem.line == 3
    assert all(e.title.startswith(MARK["az"]) for e in catalog.in_language("az").events)


def test_the_file_must_say_its_language(tmp_path):
    data = copy_data(tmp_path)
    edit(data / "translations" / "ru.yaml", "language: ru", "language: az")
    _, problems = check(data)
    assert [p.message for p in problems if p.file.endswith("ru.yaml")] == ["language: should be 'ru', as the file's name says"]


def test_the_page_says_which_texts_are_in_english(tmp_path, monkeypatch):
    data = copy_data(tmp_path)
    edit(data / "events.yaml", "title: Tanks crush cars", "title: Tanks crush cars in the streets")
    at = run_app({"lang": "ru", "event": "tanks-crush-cars"}, data_dir=data, monkeypatch=monkeypatch)
    assert not at.exception
    [notice] = [i.value for i in at.info if "по-английски" in i.value]
    assert notice.startswith("1 текст каталога ещё не переведён на русский язык") and MARK["ru"] in notice
    assert panel_heading(at) == f"{MARK['ru']} Tanks crush cars in the streets"


def test_with_no_translations_folder_the_page_says_everything_is_in_english(tmp_path, monkeypatch):
    data = copy_data(tmp_path)
    shutil.rmtree(data / "translations")
    catalog, problems = check(data)
    assert not [p for p in problems if "translations" in p.file]
    assert catalog.in_language("az") is catalog
    at = run_app({"lang": "az"}, data_dir=data, monkeypatch=monkeypatch)
    assert not at.exception
    assert any(i.value.startswith("Kataloqun mətnləri azərbaycan dilinə tərcümə olunmayıb") for i in at.info)


@pytest.mark.parametrize("lang, title", [("az", "Tanklar avtomobilləri əzir"), ("ru", "Танки давят автомобили")])
def test_explore_shows_the_translated_event_with_its_quotes_in_english(catalog, monkeypatch, lang, title):
    at = run_app({"lang": lang, "event": "tanks-crush-cars"}, data_dir=DATA, monkeypatch=monkeypatch)
    assert not at.exception
    assert panel_heading(at) == title
    panel = component_payload(at)["panel"]["events"]["tanks-crush-cars"]
    summary = catalog.in_language(lang).event("tanks-crush-cars").summary
    assert panel["summary"] == " ".join(summary.split())
    quote = " ".join(catalog.event("tanks-crush-cars").citations[0].quote.split())
    assert panel["passages"][0]["quote"] == quote
    assert not at.info  # nothing is left in English
    caption = next(c.value for c in at.caption if "Titles" in c.value or "Başlıqlar" in c.value or "Заголовки" in c.value)
    said = {"az": "sitatlar mənbənin dilində qalır.", "ru": "цитаты остаются на языке источника."}[lang]
    # Nobody has reviewed the shipped translations yet, so the note says so after the quotes' language,
    # before the line on who the sources are.
    assert f"{said} {tr(lang, 'translation_unreviewed')} {tr(lang, 'sources_who', groups='')[:8]}" in unescape(caption)


def test_translated_text_from_the_data_stays_inert(tmp_path, monkeypatch):
    from hostile import HOSTILE, write_hostile_copy

    data = write_hostile_copy(DATA, tmp_path / "hostile")
    catalog = load(data)
    assert HOSTILE in catalog.in_language("ru").event("tanks-crush-cars").title
    at = run_app({"lang": "ru", "event": "tanks-crush-cars"}, data_dir=data, monkeypatch=monkeypatch)
    assert not at.exception
    # Plain text for the component, which sets it as text; the page itself writes none of it as Markdown.
    heading = panel_heading(at)
    assert heading.startswith("Танки") and heading.endswith(HOSTILE)
    assert not [m.value for m in at.markdown if "Танки" in m.value]
