"""The interface in English, Azerbaijani and Russian: the messages, dates in words, place names,
every page in AppTest, and the Chronology table that shares its time with Explore."""

from __future__ import annotations

import json
import re
import string
from html.parser import HTMLParser

import pytest
import streamlit
from component import component_payload, component_state, send
from helpers import APP, DATA, ROOT, run_app, texts, unescape
from hostile import HOSTILE, write_hostile_copy
from streamlit.testing.v1 import AppTest

from blackjanuary import load
from blackjanuary.chronology import chronology_html
from blackjanuary.explorer import explorer_payload
from blackjanuary.geo import distances_text
from blackjanuary.i18n import LANGUAGES, catalogue_problems, language_name, plural_category, template, tr
from blackjanuary.maps import baku_deck
from blackjanuary.models import Category, Precision, Qualifier
from blackjanuary.range_view import range_view
from blackjanuary.timeline import (
    RANGES,
    baku,
    describe_step,
    describe_window,
    numeric_tick_format,
    parse_local,
    step_label,
)

NIGHT, JANUARY, YEARS = RANGES["night"], RANGES["january"], RANGES["years"]
QUOTE = "Tanks crushed cars, and smoke grenades and shots turned the avenues into scenes of chaos."


# --- the messages -------------------------------------------------------------


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def english_forms(key: str) -> list[str]:
    message = template()[key]
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_each_translation_catalogue_matches_the_english_template(lang):
    # Missing, empty, stale, fuzzy, wrong placeholders or plural forms: see test_catalogues.py for each.
    assert [str(p) for p in catalogue_problems(lang)] == []


def test_plural_messages_take_a_count_in_every_language():
    plural = [key for key, message in template().items() if isinstance(message.id, tuple)]
    assert len(plural) >= 8
    for key in plural:
        for lang in LANGUAGES:
            one, many = tr(lang, key, **_values(key, 1)), tr(lang, key, **_values(key, 5))
            assert "1" in one and "5" in many, (key, lang)


def _values(key: str, count: int) -> dict[str, object]:
    names = placeholders(" ".join(english_forms(key)))
    return {name: "X" for name in names} | ({"count": count} if "count" in names else {})


COUNTS = (0, 1, 2, 5, 11, 21, 22, 111)


def _marked(key: str, count: int) -> dict[str, object]:
    """A value for each placeholder that can be found in the text again: ⟦name⟧, and the count itself."""
    names = placeholders(" ".join(english_forms(key)))
    return {name: f"⟦{name}⟧" for name in names} | ({"count": count} if "count" in names else {})


def test_every_message_formats_in_every_language_for_any_count():
    """Every placeholder is filled in, in every language and every plural form: none dropped, none left as {name}."""
    for key in template():
        for lang in LANGUAGES:
            for count in COUNTS:
                values = _marked(key, count)
                text = tr(lang, key, **values)
                assert text.strip() and "{" not in text and "}" not in text, (key, lang, count, text)
                for name, value in values.items():
                    assert str(value) in text, (key, lang, count, name, text)


def test_counted_messages_take_the_form_of_the_languages_plural_rule():
    """A wording per plural category, picked by the language's rule: 1 and 21 read alike in Russian, 1 and 5 do not."""
    plural = [key for key, message in template().items() if isinstance(message.id, tuple)]

    def shape(lang: str, key: str, count: int) -> str:
        return re.sub(rf"(?<!\d){count}(?!\d)", "N", tr(lang, key, **_marked(key, count)))

    for key in plural:
        for lang in LANGUAGES:
            by_category: dict[str, set[str]] = {}
            for count in COUNTS:
                by_category.setdefault(plural_category(lang, count), set()).add(shape(lang, key, count))
            # One wording per category, whatever the count in it.
            assert all(len(shapes) == 1 for shapes in by_category.values()), (key, lang, by_category)
        # And the forms differ: (few and many may read alike in Russian, as "в 2 событиях", "в 5 событиях").
        assert shape("en", key, 1) != shape("en", key, 2) and shape("ru", key, 1) != shape("ru", key, 5), key


def test_translated_messages_are_not_the_english():
    """Most messages read differently in Azerbaijani and Russian: a catalogue that fell back to English would show."""
    for lang in ("az", "ru"):
        same = [key for key in template() if tr(lang, key, **_values(key, 2)) == tr("en", key, **_values(key, 2))]
        # Names that read the same in every language ("OpenStreetMap", "CSV", ...) may stay.
        assert len(same) < 15, (lang, same)


@pytest.mark.parametrize(
    "count, form",
    [(0, "many"), (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"), (12, "many"), (14, "many"),
     (21, "one"), (22, "few"), (25, "many"), (101, "one"), (104, "few"), (111, "many"), (112, "many")],
)
def test_russian_plural_category_from_babel(count, form):
    assert plural_category("ru", count) == form


@pytest.mark.parametrize("lang, count, form", [("en", 0, "other"), ("en", 1, "one"), ("en", 2, "other"),
                                               ("en", 21, "other"), ("az", 1, "one"), ("az", 21, "other")])
def test_english_and_azerbaijani_plural_category_from_babel(lang, count, form):
    assert plural_category(lang, count) == form


@pytest.mark.parametrize(
    "lang, count, expected",
    [
        ("en", 1, "1 event in this step"),
        ("en", 2, "2 events in this step"),
        ("ru", 1, "1 событие в этом шаге"),
        ("ru", 3, "3 события в этом шаге"),
        ("ru", 5, "5 событий в этом шаге"),
        ("ru", 11, "11 событий в этом шаге"),
        ("ru", 21, "21 событие в этом шаге"),
        ("az", 1, "bu addımda 1 hadisə"),
        ("az", 7, "bu addımda 7 hadisə"),
    ],
)
def test_counted_messages_agree_with_the_count(lang, count, expected):
    assert tr(lang, "events_in_step", count=count) == expected


def test_an_unknown_language_reads_english():
    assert tr("xx", "page_chronology") == "Chronology"
    assert tr("xx", "events_in_step", count=3) == "3 events in this step"


def _keys_used_in_code() -> set[str]:
    """Message keys written out in the app and the package: _("key") and tr(lang, "key")."""
    used = set()
    for path in [*(ROOT / "app_pages").glob("*.py"), *(ROOT / "blackjanuary").glob("*.py"), ROOT / "app.py"]:
        code = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\b_\(\s*["']([a-z_]+)["']\s*[,)]""", code))
        used |= set(re.findall(r"""\btr\(\s*[\w.]+\s*,\s*["']([a-z_]+)["']\s*[,)]""", code))
    return used


def test_every_key_the_code_asks_for_exists():
    used = _keys_used_in_code()
    assert {"page_explore", "time_in_baku", "now_marker", "baku_time"} <= used  # the patterns still find them
    assert sorted(used - set(template())) == []


def test_every_key_built_from_a_value_exists():
    """Keys the code builds, such as f"precision_{event.precision.value}", for every value there is."""
    built = [f"range_{key}" for key in RANGES]
    built += [f"precision_{p.value}" for p in Precision] + [f"category_{c.value}" for c in Category]
    built += [f"qualifier_{q.value}" for q in Qualifier] + [f"status_{s}" for s in ("active", "past", "future")]
    assert sorted(set(built) - set(template())) == []


# --- dates and times in words --------------------------------------------------


WINDOWS = [
    (baku(1990, 1, 20, 0), baku(1990, 1, 20, 2), "hour"),
    (baku(1990, 1, 19, 19, 30), baku(1990, 1, 19, 19, 30), "minute"),
    (baku(1990, 1, 20, 0), baku(1990, 1, 20, 6), "approximate"),
    (baku(1990, 1, 19, 23, 30), baku(1990, 1, 20, 0, 30), "approximate"),
    (baku(1990, 1, 20), baku(1990, 1, 21), "day"),
    (baku(1990, 1, 20), baku(1990, 1, 23), "day"),
    (baku(1990, 1, 1), baku(1990, 2, 1), "month"),
    (baku(1989, 12, 1), baku(1990, 2, 1), "month"),
    (baku(1990, 1, 1), baku(1991, 1, 1), "year"),
    (baku(1988, 1, 1), baku(1991, 1, 1), "year"),
]
WINDOW_TEXT = {
    "en": [
        "20 Jan 1990, 00:00–02:00 Baku time",
        "19 Jan 1990, 19:30 Baku time",
        "20 Jan 1990, about 00:00–06:00 Baku time",
        "about 19 Jan 1990 23:30 – 20 Jan 1990 00:30 Baku time",
        "20 Jan 1990",
        "20 Jan 1990 – 22 Jan 1990",
        "January 1990",
        "December 1989 – January 1990",
        "1990",
        "1988–1990",
    ],
    "az": [
        "20 yanvar 1990, 00:00–02:00 Bakı vaxtı",
        "19 yanvar 1990, 19:30 Bakı vaxtı",
        "20 yanvar 1990, təxminən 00:00–06:00 Bakı vaxtı",
        "təxminən 19 yanvar 1990 23:30 – 20 yanvar 1990 00:30 Bakı vaxtı",
        "20 yanvar 1990",
        "20 yanvar 1990 – 22 yanvar 1990",
        "yanvar 1990",
        "dekabr 1989 – yanvar 1990",
        "1990",
        "1988–1990",
    ],
    "ru": [
        "20 января 1990, 00:00–02:00 по бакинскому времени",
        "19 января 1990, 19:30 по бакинскому времени",
        "20 января 1990, около 00:00–06:00 по бакинскому времени",
        "около 19 января 1990 23:30 – 20 января 1990 00:30 по бакинскому времени",
        "20 января 1990",
        "20 января 1990 – 22 января 1990",
        "январь 1990",  # a month on its own: nominative
        "декабрь 1989 – январь 1990",
        "1990",
        "1988–1990",
    ],
}


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize("n", range(len(WINDOWS)), ids=[f"{w[2]}-{i}" for i, w in enumerate(WINDOWS)])
def test_describe_window(lang, n):
    start, end, precision = WINDOWS[n]
    assert describe_window(start, end, precision, lang) == WINDOW_TEXT[lang][n]


@pytest.mark.parametrize(
    "time_range, when, expected",
    [
        (NIGHT, baku(1990, 1, 20, 2), {
            "en": "Sat 20 Jan 1990, 02:00–03:00 Baku time",
            "az": "Ş. 20 yanvar 1990, 02:00–03:00 Bakı vaxtı",
            "ru": "сб 20 января 1990, 02:00–03:00 по бакинскому времени",
        }),
        (NIGHT, baku(1990, 1, 19, 23), {
            "en": "Fri 19 Jan 1990, 23:00–00:00 Baku time",
            "az": "C. 19 yanvar 1990, 23:00–00:00 Bakı vaxtı",
            "ru": "пт 19 января 1990, 23:00–00:00 по бакинскому времени",
        }),
        (JANUARY, baku(1990, 1, 15, 6), {
            "en": "Mon 15 Jan 1990, 06:00–12:00 Baku time",
            "az": "B.e. 15 yanvar 1990, 06:00–12:00 Bakı vaxtı",
            "ru": "пн 15 января 1990, 06:00–12:00 по бакинскому времени",
        }),
        (YEARS, baku(1990, 1, 1), {"en": "January 1990", "az": "yanvar 1990", "ru": "январь 1990"}),
    ],
    ids=["night-sat", "night-fri", "january-mon", "years"],
)
def test_describe_step(time_range, when, expected):
    assert {lang: describe_step(when, time_range, lang) for lang in LANGUAGES} == expected


def test_english_is_the_default_and_unchanged():
    """The strings tests/test_timeline.py expected before there were languages."""
    assert describe_window(baku(1990, 1, 20, 0), baku(1990, 1, 20, 2), "hour") == "20 Jan 1990, 00:00–02:00 Baku time"
    assert describe_window(baku(1990, 1, 19, 19), baku(1990, 1, 19, 19), "approximate") == \
        "19 Jan 1990, about 19:00 Baku time"
    assert describe_step(baku(1990, 1, 13, 6), JANUARY) == "Sat 13 Jan 1990, 06:00–12:00 Baku time"
    assert [step_label(s, NIGHT) for s in NIGHT.steps()[5:8]] == ["23:00", "00:00", "01:00"]
    assert step_label(baku(1990, 1, 20, 6), JANUARY) == "20 Jan 06:00"
    assert step_label(baku(1990, 1, 1), YEARS) == "Jan 1990"


@pytest.mark.parametrize(
    "time_range, when, expected",
    [
        (NIGHT, baku(1990, 1, 20, 2), {"en": "02:00", "az": "02:00", "ru": "02:00"}),
        # CLDR's Russian abbreviations keep their period ("янв."), as Russian writes them.
        (JANUARY, baku(1990, 1, 20, 6), {"en": "20 Jan 06:00", "az": "20 yan 06:00", "ru": "20 янв. 06:00"}),
        (YEARS, baku(1991, 10, 1), {"en": "Oct 1991", "az": "okt 1991", "ru": "окт. 1991"}),
    ],
)
def test_step_labels(time_range, when, expected):
    assert {lang: step_label(when, time_range, lang) for lang in LANGUAGES} == expected


@pytest.mark.parametrize(
    "tick_format, expected",
    [("%H:%M", "%H:%M"), ("%d %b %H:%M", "%d.%m %H:%M"), ("%b %Y", "%m.%Y")],
)
def test_numeric_tick_format(tick_format, expected):
    assert numeric_tick_format(tick_format) == expected


# --- place names -----------------------------------------------------------------


@pytest.mark.parametrize(
    "place_id, expected",
    [
        ("20-yanvar-circle", {"en": "20 Yanvar Circle", "az": "20 Yanvar dairəsi", "ru": "круг «20 Января»"}),
        ("alley-of-martyrs", {"en": "Alley of Martyrs", "az": "Şəhidlər xiyabanı", "ru": "Аллея шехидов"}),
        ("baku", {"en": "Baku", "az": "Bakı", "ru": "Баку"}),
    ],
)
def test_place_name_in_each_language(catalog, place_id, expected):
    place = catalog.places[place_id]
    assert {lang: place.name_in(lang) for lang in LANGUAGES} == expected
    assert place.name_in("xx") == expected["en"]


def test_distances_name_places_in_the_interface_language(catalog):
    circle = catalog.places["20-yanvar-circle"]
    places = list(catalog.places.values())
    # The avenue's path follows the streets basemap where it is built: the distance itself may differ.
    assert re.match(r"\d\.\d km from Neftchiler Avenue", distances_text(circle, places, "en"))
    assert re.match(r"Neftçilər prospekti: \d,\d km", distances_text(circle, places, "az"))
    assert re.match(r"\d,\d км от места «проспект Нефтяников»", distances_text(circle, places, "ru"))


# --- the app in AppTest ------------------------------------------------------------


@pytest.fixture
def nav_titles(monkeypatch):
    """The page titles app.py gives st.navigation, on each run, as the navigation bar lists them."""
    seen: list[list[str]] = []
    original = streamlit.navigation

    def recording(pages, *args, **kwargs):
        seen.append([page.title for page in pages])
        return original(pages, *args, **kwargs)

    monkeypatch.setattr(streamlit, "navigation", recording)
    return seen


NAV = {
    "en": ["Explore", "Present", "Figures", "Chronology", "Sources"],
    "az": ["Araşdır", "Təqdimat", "Rəqəmlər", "Xronologiya", "Mənbələr"],
    "ru": ["Обзор", "Презентация", "Цифры", "Хронология", "Источники"],
}
# What each page shows in the interface language: its title, or for Present (whose title is
# the narrative's, in English like the catalogue) its controls' labels.
PAGE_TEXTS = {
    "explore": {
        "az": ("Qara Yanvar: Bakı, 19–20 yanvar 1990", "Bakı vaxtı (UTC+04:00)"),
        "ru": ("Чёрный январь: Баку, 19–20 января 1990 года", "Время в Баку (UTC+04:00)"),
    },
    "present": {"az": (None, "Hekayə"), "ru": (None, "Рассказ")},
    "figures": {
        "az": ("Rəqəmlər: hər mənbə nə iddia edir", "Nə sayılır"),
        "ru": ("Цифры: что утверждает каждый источник", "Что подсчитано"),
    },
    "chronology": {"az": ("Xronologiya", "Bakı vaxtı (UTC+04:00)"), "ru": ("Хронология", "Время в Баку (UTC+04:00)")},
    "sources": {"az": ("Mənbələr", "Mənbə"), "ru": ("Источники", "Источник")},
}


def widget_labels(at: AppTest) -> set[str]:
    """Labels of the page's widgets; on Explore, the component's slider label too (it is drawn in the browser)."""
    found = set()
    for kind in ("select_slider", "selectbox", "segmented_control", "toggle", "button"):
        found |= {w.label for w in at.get(kind)}
    if at.get("bidi_component"):
        found.add(slider_label(at))
    return found


def slider_label(at: AppTest) -> str:
    return component_payload(at)["texts"]["time_in_baku"]


def step_words(at: AppTest) -> str:
    """The step the Explore component is given, in the words it shows above the map."""
    payload = component_payload(at)
    [step] = [s for s in payload["steps"] if s["t"] == component_state(at)["step"]]
    return step["words"]


@pytest.mark.parametrize("lang", ["az", "ru"])
@pytest.mark.parametrize("page", list(PAGE_TEXTS))
def test_every_page_in_each_language(nav_titles, page, lang):
    at = run_app({"lang": lang})
    if page != "explore":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception
    assert at.segmented_control(key="lang").value == lang
    assert nav_titles[-1] == NAV[lang]
    title, label = PAGE_TEXTS[page][lang]
    if title:
        assert [t.value for t in at.title] == [title]
    assert label in widget_labels(at)
    assert at.query_params["lang"] == lang


def test_present_in_azerbaijani_translates_its_controls_and_content_note():
    at = run_app({"lang": "az"})
    at.switch_page("app_pages/present.py").run()
    assert not at.exception
    assert [at.button(key=k).label for k in ("prev", "next")] == ["Əvvəlki", "Növbəti"]
    assert at.selectbox(key="p_step").label == "Addım"
    assert any(w.value.startswith("**Məzmun barədə qeyd.**") for w in at.warning)
    assert "16 addım." in texts(at)
    assert dict(at.query_params) == {"narrative": "night-hour-by-hour", "step": "0", "lang": "az"}


def test_an_unknown_language_falls_back_to_english(nav_titles):
    at = run_app({"lang": "xx"})
    assert not at.exception
    assert at.segmented_control(key="lang").value == "en"
    assert nav_titles[-1] == NAV["en"]
    assert [t.value for t in at.title] == ["Black January: Baku, 19–20 January 1990"]
    assert slider_label(at) == "Time in Baku (UTC+04:00)"
    assert step_words(at) == "Sat 20 Jan 1990, 00:00–01:00 Baku time"
    assert "lang" not in at.query_params  # English is the default, not written into the URL
    assert not at.warning


def test_english_links_carry_no_lang(nav_titles):
    at = run_app()
    assert at.segmented_control(key="lang").value == "en"
    assert nav_titles[-1] == NAV["en"]
    assert dict(at.query_params) == {"t": "1990-01-20T00:00"}


def test_switching_the_language_redraws_the_page_and_the_url(nav_titles):
    at = run_app({"t": "1990-01-20T02:00"})
    assert step_words(at) == "Sat 20 Jan 1990, 02:00–03:00 Baku time"

    at.segmented_control(key="lang").set_value("az").run()
    assert not at.exception
    assert nav_titles[-1] == NAV["az"]
    assert [t.value for t in at.title] == ["Qara Yanvar: Bakı, 19–20 yanvar 1990"]
    assert slider_label(at) == "Bakı vaxtı (UTC+04:00)"
    assert step_words(at) == "Ş. 20 yanvar 1990, 02:00–03:00 Bakı vaxtı"
    assert dict(at.query_params) == {"t": "1990-01-20T02:00", "lang": "az"}


@pytest.mark.parametrize("arrived_with", [None, "az"], ids=["no-lang-in-link", "lang-in-link"])
def test_switching_the_language_again(nav_titles, arrived_with):
    at = run_app({"t": "1990-01-20T02:00", **({"lang": arrived_with} if arrived_with else {})})
    if not arrived_with:
        at.segmented_control(key="lang").set_value("az").run()
    assert nav_titles[-1] == NAV["az"]

    at.segmented_control(key="lang").set_value("ru").run()
    assert at.segmented_control(key="lang").value == "ru"
    assert nav_titles[-1] == NAV["ru"]
    assert step_words(at) == "сб 20 января 1990, 02:00–03:00 по бакинскому времени"
    assert at.query_params["lang"] == "ru"

    at.segmented_control(key="lang").set_value("en").run()
    assert nav_titles[-1] == NAV["en"]
    assert step_words(at) == "Sat 20 Jan 1990, 02:00–03:00 Baku time"
    assert dict(at.query_params) == {"t": "1990-01-20T02:00"}


def test_the_language_stays_when_switching_pages(nav_titles):
    at = run_app({"lang": "ru"})
    at.switch_page("app_pages/chronology.py").run()
    assert [t.value for t in at.title] == ["Хронология"]
    at.switch_page("app_pages/sources.py").run()
    assert [t.value for t in at.title] == ["Источники"]
    assert at.query_params["lang"] == "ru"
    at.switch_page("app_pages/explore.py").run()
    assert not at.exception
    assert nav_titles[-1] == NAV["ru"]
    assert slider_label(at) == "Время в Баку (UTC+04:00)"


@pytest.mark.parametrize(
    "lang, quoted",
    [("en", "quoted in English"), ("az", "ingilis dilində sitat"), ("ru", "цитата, язык: английский")],
)
def test_quotes_stay_in_english_and_say_so(lang, quoted):
    at = run_app({"lang": lang, "event": "tanks-crush-cars"})
    assert not at.exception
    passages = component_payload(at)["panel"]["events"]["tanks-crush-cars"]["passages"]
    assert QUOTE in [p["quote"] for p in passages]
    attributions = [p["attribution"] for p in passages]
    assert attributions and all(a.startswith("— ") and a.endswith(f" · {quoted}") for a in attributions)
    assert at.query_params.get("lang") == (None if lang == "en" else lang)


def test_present_quotes_stay_in_english_and_say_so():
    at = run_app({"lang": "ru"})
    at.query_params.update({"narrative": "night-hour-by-hour", "step": "9"})
    at.switch_page("app_pages/present.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Танки давят автомобили"]  # the title translated, the quote not
    assert f"> {QUOTE}" in [unescape(m.value) for m in at.markdown]
    assert any(unescape(c.value).endswith(" · цитата, язык: английский") for c in at.caption)
    assert "шаг 9 из 16" in texts(at)
    assert language_name("en", "ru") == "английский"


def test_the_map_labels_places_in_the_interface_language():
    at = run_app({"lang": "az"})
    # The component's text layers use characterSet 'auto' (frontend/src/map.js), so ə, ı, ş and Cyrillic draw.
    names = {row["id"]: row["name"] for row in component_payload(at)["places"]}
    assert names["20-yanvar-circle"] == "20 Yanvar dairəsi"
    assert names["neftchiler-avenue"] == "Neftçilər prospekti"


@pytest.mark.parametrize("page", ["present", "explore"])
def test_widgets_can_be_driven_in_russian(page):
    at = run_app({"lang": "ru"})
    if page == "present":
        at.switch_page("app_pages/present.py").run()
        at.button(key="next").click().run()
        assert [t.value for t in at.title] == ["В Москве издан указ о чрезвычайном положении в Баку"]
    else:
        at.segmented_control(key="range").set_value("january").run()
        assert at.segmented_control(key="range").value == "january"


# --- the Chronology table ---------------------------------------------------------------


class ChronologyTable(HTMLParser):
    """The rows of chronology_html's table, the tags it holds and the text of each cell."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.caption = ""
        self.header: list[str] = []
        self.rows: list[dict] = []
        self._cell: list[str] | None = None
        self._where: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        if tag in ("thead", "tbody", "caption"):
            self._where = tag
        if tag == "caption":
            self._cell = []
        elif tag == "tr" and self._where == "tbody":
            self.rows.append({"id": attrs.get("id"), "class": attrs.get("class") or "", "cells": [], "scopes": []})
        elif tag in ("td", "th"):
            self._cell = []
            if self._where == "tbody":
                self.rows[-1]["scopes"].append((tag, attrs.get("scope")))
            elif tag == "th":
                assert attrs.get("scope") == "col"

    def handle_endtag(self, tag):
        if tag == "caption":
            self.caption = "".join(self._cell)
            self._cell = None
        elif tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell)
            (self.rows[-1]["cells"] if self._where == "tbody" else self.header).append(text)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    @property
    def now(self) -> list[str]:
        return [row["id"].removeprefix("chrono-") for row in self.rows if "now" in row["class"].split()]


def chronology_table(at: AppTest) -> ChronologyTable:
    [html] = [h.proto.body for h in at.get("html") if "bj-chronology" in h.proto.body]
    return ChronologyTable(html)


def expected_now(catalog, range_key: str, t: str) -> list[str]:
    view = range_view(catalog, range_key)
    active = view.index.active[view.index.position(parse_local(t))]
    return [e.id for e in catalog.events if e.id in active]


def test_the_table_has_a_row_per_event_in_time_order(catalog):
    table = ChronologyTable(chronology_html(catalog, frozenset(), "x"))
    assert [row["id"] for row in table.rows] == [f"chrono-{e.id}" for e in catalog.events]
    assert [row["cells"][2] for row in table.rows] == [e.title for e in catalog.events]
    assert all(row["scopes"][2] == ("th", "row") for row in table.rows)
    assert table.header == ["Now", "When (Baku time)", "Event", "Places", "Sources", "Precision"]
    assert table.now == []
    starts = [e.start for e in catalog.events]
    assert starts == sorted(starts)


@pytest.mark.parametrize("t", ["1990-01-19T18:00", "1990-01-20T02:00", "1990-01-20T11:00"])
def test_chronology_marks_the_events_of_the_chosen_time(catalog, t):
    at = run_app({"t": t})
    at.switch_page("app_pages/chronology.py").run()
    assert not at.exception
    assert at.select_slider(key="t").value == t
    table = chronology_table(at)
    assert len(table.rows) == len(catalog.events)
    now = expected_now(catalog, "night", t)
    assert now and table.now == now
    assert all((row["cells"][0] == "now") == ("now" in row["class"]) for row in table.rows)
    assert table.caption.startswith(f"{len(catalog.events)} events; {len(now)} at ")


def test_chronology_follows_its_own_scrubber_and_range(catalog):
    at = run_app()
    at.switch_page("app_pages/chronology.py").run()
    at.select_slider(key="t").set_value("1990-01-19T19:00").run()
    assert chronology_table(at).now == expected_now(catalog, "night", "1990-01-19T19:00")
    assert "tv-power-unit-blown-up" in chronology_table(at).now
    assert at.query_params["t"] == "1990-01-19T19:00"

    at.segmented_control(key="range").set_value("years").run()
    assert not at.exception
    assert at.select_slider(key="t").value == "1990-01-01T00:00"
    assert chronology_table(at).now == expected_now(catalog, "years", "1990-01-01T00:00")
    assert dict(at.query_params) == {"t": "1990-01-01T00:00", "r": "years"}


@pytest.mark.parametrize(
    "lang, header, marker, when, places",
    [
        ("az", "Nə vaxt (Bakı vaxtı)", "indi", "19 yanvar 1990, təxminən 23:30 Bakı vaxtı – 20 yanvar 1990, təxminən 12:00", "20 Yanvar dairəsi, Neftçilər prospekti"),
        ("ru", "Когда (время Баку)", "сейчас", "между 19 января 1990, около 23:30 по бакинскому времени и 20 января 1990, около 12:00", "круг «20 Января», проспект Нефтяников"),
    ],
)
def test_chronology_in_each_language(catalog, lang, header, marker, when, places):
    at = run_app({"lang": lang, "t": "1990-01-20T02:00"})
    at.switch_page("app_pages/chronology.py").run()
    assert not at.exception
    table = chronology_table(at)
    assert table.header[1] == header
    assert table.now == expected_now(catalog, "night", "1990-01-20T02:00")
    assert {row["cells"][0] for row in table.rows if "now" in row["class"]} == {marker}
    assert {row["cells"][0] for row in table.rows if "now" not in row["class"]} == {""}
    [deaths] = [row for row in table.rows if row["id"] == "chrono-deaths-in-the-streets"]
    assert deaths["cells"][1].startswith(when)
    # The catalogue's title in the language, from data/translations/.
    assert deaths["cells"][2] == catalog.in_language(lang).event("deaths-in-the-streets").title
    assert deaths["cells"][2] != catalog.event("deaths-in-the-streets").title
    assert deaths["cells"][3] == places


def test_switching_the_language_on_chronology_redraws_the_table():
    at = run_app({"t": "1990-01-20T02:00"})
    at.switch_page("app_pages/chronology.py").run()
    assert chronology_table(at).header[0] == "Now"
    at.segmented_control(key="lang").set_value("ru").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Хронология"]
    table = chronology_table(at)
    assert table.header[0] == "Сейчас"
    assert table.caption.startswith("Событий: ")
    assert at.select_slider(key="t").value == "1990-01-20T02:00"
    assert dict(at.query_params) == {"t": "1990-01-20T02:00", "lang": "ru"}


def explore_step_line(at: AppTest) -> str:
    return step_words(at)


def test_time_chosen_on_chronology_is_kept_on_explore(catalog):
    at = run_app()
    at.switch_page("app_pages/chronology.py").run()
    at.select_slider(key="t").set_value("1990-01-20T03:00").run()
    at.switch_page("app_pages/explore.py").run()
    assert not at.exception
    assert component_state(at)["step"] == "1990-01-20T03:00"
    assert explore_step_line(at) == "Sat 20 Jan 1990, 03:00–04:00 Baku time"
    assert at.query_params["t"] == "1990-01-20T03:00"


def test_time_chosen_on_explore_is_kept_on_chronology(catalog):
    at = run_app()
    send(at, state={"step": "1990-01-19T21:00"})  # the component's slider came to rest there
    at.switch_page("app_pages/chronology.py").run()
    assert not at.exception
    assert at.select_slider(key="t").value == "1990-01-19T21:00"
    assert chronology_table(at).now == expected_now(catalog, "night", "1990-01-19T21:00")

    # And the range with it: a step of January on Explore is the same step on Chronology.
    at.switch_page("app_pages/explore.py").run()
    at.segmented_control(key="range").set_value("january").run()
    send(at, state={"step": "1990-01-15T12:00"})
    at.switch_page("app_pages/chronology.py").run()
    assert at.segmented_control(key="range").value == "january"
    assert at.select_slider(key="t").value == "1990-01-15T12:00"
    assert chronology_table(at).now == expected_now(catalog, "january", "1990-01-15T12:00")
    assert dict(at.query_params) == {"t": "1990-01-15T12:00", "r": "january"}

    # And back: Explore opens at the step Chronology showed.
    at.select_slider(key="t").set_value("1990-01-16T18:00").run()
    at.switch_page("app_pages/explore.py").run()
    assert at.segmented_control(key="range").value == "january"
    assert component_state(at)["step"] == "1990-01-16T18:00"
    assert explore_step_line(at) == "Tue 16 Jan 1990, 18:00–00:00 Baku time"


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    return write_hostile_copy(DATA, tmp_path_factory.mktemp("hostile-languages") / "data")


# div: the scrolling region; em, br, ul, li: where the sources disagree on when, under the window.
SAFE_TAGS = {"style", "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "em", "br", "ul", "li"}


def test_chronology_table_escapes_hostile_text(hostile_data):
    catalog = load(hostile_data)
    for lang in LANGUAGES:
        table = ChronologyTable(chronology_html(catalog, frozenset({catalog.events[0].id}), HOSTILE, lang))
        assert table.tags == SAFE_TAGS
        assert all(row["cells"][2].endswith(f" {HOSTILE}") for row in table.rows)
        assert HOSTILE in table.caption


def test_chronology_page_escapes_hostile_text(hostile_data, monkeypatch):
    catalog = load(hostile_data)
    at = run_app({"t": "1990-01-20T02:00"}, data_dir=hostile_data, monkeypatch=monkeypatch)
    at.switch_page("app_pages/chronology.py").run()
    assert not at.exception
    [html] = [h.proto.body for h in at.get("html") if "bj-chronology" in h.proto.body]
    assert "<img" not in html and "<script" not in html
    table = ChronologyTable(html)
    assert table.tags == SAFE_TAGS
    [tanks] = [row for row in table.rows if row["id"] == "chrono-tanks-crush-cars"]
    assert tanks["cells"][2] == f"Tanks crush cars {HOSTILE}"
    [deaths] = [row for row in table.rows if row["id"] == "chrono-deaths-in-the-streets"]
    assert deaths["cells"][3] == f"20 Yanvar Circle {HOSTILE}, Neftchiler Avenue {HOSTILE}"
    assert any(HOSTILE in row["cells"][4] for row in table.rows)  # and so do the publishers
    assert table.now == expected_now(catalog, "night", "1990-01-20T02:00")


@pytest.mark.parametrize(
    "lang, expected", [("en", "Old City"), ("az", "İçərişəhər"), ("ru", "Старый город")]
)
def test_map_landmarks_speak_the_interface_language(lang, expected):
    night = range_view(load(DATA), "night")
    deck = json.loads(baku_deck(night.catalog, night.statuses[6], lang=lang).to_json())
    landmarks = next(layer for layer in deck["layers"] if layer["id"] == "landmarks")
    assert expected in [row["text"] for row in landmarks["data"]]
    assert landmarks["characterSet"] == "auto"  # not ASCII only: İ, ə and Cyrillic need their glyphs
    # The Explore component draws the same landmarks, from the basemap it is given.
    basemap = explorer_payload(range_view(load(DATA), "night"), lang)["basemap"]
    [labels] = [layer for layer in basemap["layers"] if layer["id"] == "landmarks"]
    assert expected in [row["text"] for row in labels["rows"]]


def test_a_malformed_time_in_a_chronology_link_gives_a_notice():
    # Switched to before the first run, as a link straight to the page opens it: after a run on Explore
    # (as open_page does) the time Explore kept would win over the link's.
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["t"] = "yesterday"
    at.switch_page("app_pages/chronology.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Chronology"]
    assert any("yesterday" in w.value for w in at.warning)


def test_the_chronology_table_scrolls_in_a_named_region_a_keyboard_can_reach(catalog):
    html = chronology_html(catalog, frozenset(), "now", "en")
    region = re.search(r'<div class="bj-scroll" role="region" tabindex="0" aria-label="([^"]+)">', html)
    assert region and region.group(1).startswith(f"{len(catalog.events)} events")
    assert html.index("<table") >= region.end() and html.rstrip().endswith("</table></div>")


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_a_cited_passage_in_a_source_text_says_what_it_is_cited_for_in_the_interface_language(lang):
    from blackjanuary.sourcetext import highlighted_html, marks_for
    from blackjanuary.text import html_escape

    catalog = load(DATA)
    marks = marks_for(catalog, "trend")
    titles = {m.event_id: catalog.event(m.event_id).title for m in marks}
    html = highlighted_html(catalog.texts["trend"], marks, titles, None, lang)
    first = sorted({titles[m.event_id] for m in marks if (m.start, m.end) == (marks[0].start, marks[0].end)})
    assert f'title="{html_escape(tr(lang, "cited_for", titles="; ".join(first)))}"' in html
