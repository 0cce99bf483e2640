"""The offline export: `python -m blackjanuary export`, the HTML it writes, and that file in headless Chromium.

The browser opens the file from disk with the network switched off and every
request that is not for a file:// URL aborted and recorded, so a slide that
tried to fetch anything fails the test even if the page's CSP stopped it first.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browsing import ARTIFACTS, DiskTraffic, open_from_disk, screenshot
from hostile import HOSTILE, QUOTE, QUOTED_EVENT
from playwright.sync_api import Browser, Page, expect
from test_formats import DATES, TITLES, translated_data

from blackjanuary import load
from blackjanuary.__main__ import main
from blackjanuary.export import _range_for, html_export
from blackjanuary.i18n import format_day, tr
from blackjanuary.present import chronology, slides
from blackjanuary.text import html_escape, script_json

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NIGHT, RALLIES = "night-hour-by-hour", "rallies-to-independence"
NIGHT_TITLE = "The night of 19–20 January, as the sources can time it"
ACTIVE_FILL = "rgb(198,40,40)"
SUMMARY = re.compile(r"wrote (?P<out>.+): '(?P<title>.+)', (?P<steps>\d+) steps?, \d+\.\d MB")
PAGE_OBJECT = re.compile(rb"/Type\s*/Page[^s]")

expect.set_options(timeout=15_000)


def export(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


class Markup(HTMLParser):
    """The document's elements, as the browser would build them: script and style bodies are text, not tags."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def blockquotes(text: str) -> list[str]:
    """The raw (still escaped) text of each blockquote; the export puts no markup inside them."""
    return re.findall(r"<blockquote>(.*?)</blockquote>", text, re.S)


# --- the command line --------------------------------------------------------


def test_cli_writes_one_file_and_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "night.html"
    code, stdout, stderr = export(capsys, "--format", "html", "--out", str(out), "--data", str(DATA))
    assert (code, stderr) == (0, [])
    [line] = stdout
    summary = SUMMARY.fullmatch(line)
    assert summary, line
    assert summary["out"] == str(out) and summary["title"] == NIGHT_TITLE and summary["steps"] == "16"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and text.rstrip().endswith("</html>")
    ids = [attrs["id"] for attrs in Markup(text).named("section")]
    assert ids == ["title", *(f"step-{n}" for n in range(1, 17)), "timeline"]


def test_cli_exports_the_narrative_asked_for(tmp_path, capsys):
    out = tmp_path / "rallies.html"
    code, stdout, _ = export(capsys, "--out", str(out), "--narrative", RALLIES, "--data", str(DATA))
    assert code == 0
    assert SUMMARY.fullmatch(stdout[0])["steps"] == "15"
    assert "<h1>From the rallies to independence, 1988–1993</h1>" in out.read_text(encoding="utf-8")


def test_cli_refuses_an_unknown_narrative(tmp_path, capsys):
    out = tmp_path / "x.html"
    code, stdout, stderr = export(capsys, "--out", str(out), "--narrative", "the-day-after", "--data", str(DATA))
    assert code == 2
    assert stdout == []
    assert stderr == [f"no narrative 'the-day-after'; choose one of: {NIGHT}, {RALLIES}, chronology"]
    assert not out.exists()


def test_cli_stops_on_invalid_data_with_file_and_line(make_data, tmp_path, capsys):
    folder = make_data(edits=[("events.yaml", "        the crowd gathered\n", "        the crowd scattered\n")])
    out = tmp_path / "x.html"
    code, stdout, stderr = export(capsys, "--out", str(out), "--data", str(folder))
    assert code == 1
    assert stdout == []
    assert len(stderr) == 2
    assert re.fullmatch(r"\S*events\.yaml:14: event 'crowd-gathers', citation 1: quote not found verbatim in source 'paper'.*", stderr[0])
    assert stderr[1] == "export stopped: fix the data first"
    assert not out.exists()


def test_cli_reports_a_file_it_cannot_write(tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "x.html"
    code, stdout, stderr = export(capsys, "--out", str(out), "--data", str(DATA))
    assert code == 1 and stdout == []
    assert stderr[0].startswith(f"could not write {out}: ")


def test_cli_without_narratives_exports_the_chronology(make_data, tmp_path, capsys):
    out = tmp_path / "tiny.html"
    code, stdout, _ = export(capsys, "--out", str(out), "--data", str(make_data()))
    assert code == 0
    summary = SUMMARY.fullmatch(stdout[0])
    assert (summary["title"], summary["steps"]) == ("Black January: the whole chronology", "1")
    assert "<h2>A crowd gathers</h2>" in out.read_text(encoding="utf-8")


def test_cli_chronology_has_one_step_per_event(catalog, tmp_path, capsys):
    out = tmp_path / "all.html"
    code, stdout, _ = export(capsys, "--out", str(out), "--narrative", "chronology", "--data", str(DATA))
    assert code == 0
    events = yaml.safe_load((DATA / "events.yaml").read_text(encoding="utf-8"))
    assert SUMMARY.fullmatch(stdout[0])["steps"] == str(len(events)) == "31"
    text = out.read_text(encoding="utf-8")
    ids = [attrs["id"] for attrs in Markup(text).named("section")]
    assert ids == ["title", *(f"step-{n}" for n in range(1, len(events) + 1)), "timeline"]
    headings = [html.unescape(h) for h in re.findall(r'<section class="slide" id="step-\d+"[^>]*>\s*<h2>(.*?)</h2>', text)]
    assert sorted(headings) == sorted(e["title"] for e in events)
    assert headings == [catalog.event(step.event).title for step in chronology(catalog).steps]


# --- the HTML ----------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(catalog, tmp_path_factory) -> dict[str, Path]:
    """Each narrative of the real data exported, by id."""
    folder = tmp_path_factory.mktemp("export")
    files = {}
    for narrative_id, narrative in catalog.narratives.items():
        files[narrative_id] = folder / f"{narrative_id}.html"
        files[narrative_id].write_text(html_export(catalog, narrative), encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def hostile_exported(hostile_present_data, tmp_path_factory) -> dict[str, Path]:
    catalog = load(hostile_present_data)
    folder = tmp_path_factory.mktemp("hostile-export")
    files = {}
    for narrative_id, narrative in catalog.narratives.items():
        files[narrative_id] = folder / f"{narrative_id}.html"
        files[narrative_id].write_text(html_export(catalog, narrative), encoding="utf-8")
    return files


def chosen_quotes(narrative_id: str) -> tuple[list[str], list[int]]:
    """The passage each step of a narrative chose, read from the YAML as written (not through slides()):
    the `quote`-th citation of the step's event, the first when omitted; and those indices."""
    [narrative] = [n for n in yaml.safe_load((DATA / "narratives.yaml").read_text(encoding="utf-8")) if n["id"] == narrative_id]
    events = {e["id"]: e for e in yaml.safe_load((DATA / "events.yaml").read_text(encoding="utf-8"))}
    indices = [step.get("quote", 0) for step in narrative["steps"]]
    quotes = []
    for step, i in zip(narrative["steps"], indices):
        citations = events[step["event"]]["citations"]
        if step.get("compare"):  # one passage of each source, the first it has, in the order they are cited
            firsts = {}
            for citation in citations:
                firsts.setdefault(citation["source"], citation["quote"])
            quotes += firsts.values()
        else:
            quotes.append(citations[i]["quote"])
    return [" ".join(q.split()) for q in quotes], indices


@pytest.mark.parametrize("narrative_id", [NIGHT, RALLIES])
def test_every_steps_quote_appears_escaped(catalog, exported, narrative_id):
    text = exported[narrative_id].read_text(encoding="utf-8")
    quotes, indices = chosen_quotes(narrative_id)
    # Each narrative has a step that shows another passage than its event's first, so the choice is tested.
    assert any(indices), f"every step of {narrative_id} shows its event's first passage"
    assert blockquotes(text) == [html_escape(q) for q in quotes]
    assert [html.unescape(q) for q in blockquotes(text)] == quotes


@pytest.mark.parametrize("narrative_id", [NIGHT, RALLIES])
def test_nothing_in_the_file_points_at_the_network(catalog, exported, narrative_id):
    text = exported[narrative_id].read_text(encoding="utf-8")
    markup = Markup(text)
    # Inlined plotly.js holds many URLs in its code; only attributes of real elements can fetch.
    fetching = [
        (tag, name, value) for tag, attrs in markup.tags for name, value in attrs.items()
        if name in ("src", "href", "srcset", "action", "poster", "data", "xlink:href")
        and re.match(r"\s*(https?:)?//", value or "", re.I)
    ]
    assert fetching == []
    assert [attrs for attrs in markup.named("script") if "src" in attrs] == []
    assert {tag for tag, _ in markup.tags} & {"link", "img", "iframe", "object", "embed", "base"} == set()
    assert len(markup.named("script")) >= 2  # plotly.js and the slides' own script, inline
    styles = "\n".join(markup.styles)
    assert "@import" not in styles and not re.search(r"url\(\s*['\"]?(https?:)?//", styles)
    [csp] = [m["content"] for m in markup.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    # Where the sources are online is printed for the reader, as text rather than links.
    cited = {s.citation.source for s in slides(catalog, catalog.narratives[narrative_id])}
    online = [catalog.sources[s].url for s in cited if catalog.sources[s].url]
    assert online
    for address in online:
        assert f'<span class="ref">{html_escape(address)}</span>' in text


def test_hostile_data_is_escaped_in_the_file(hostile_present_data, hostile_exported, exported):
    catalog = load(hostile_present_data)
    for narrative_id, narrative in catalog.narratives.items():
        text = hostile_exported[narrative_id].read_text(encoding="utf-8")
        markup = Markup(text)
        clean = Markup(exported[narrative_id].read_text(encoding="utf-8"))
        assert markup.named("img") == [] and markup.named("a") == []
        assert len(markup.named("script")) == len(clean.named("script"))
        assert [attrs for _, attrs in markup.tags if any(name.startswith("on") for name in attrs)] == []
        assert f"<h1>{html_escape(narrative.title)}</h1>" in text and HOSTILE in narrative.title
        assert f"<title>{html_escape(narrative.title)} · Black January 1990</title>" in text
        assert f"<p>{html_escape(narrative.description)}</p>" in text
        for slide in slides(catalog, narrative):
            assert f"<h2>{html_escape(slide.event.title)}</h2>" in text
            summary = html_escape(tr("en", "teachers_note"))  # "Teacher&#x27;s note": every message is escaped too
            assert f"<details><summary>{summary}</summary><p>{html_escape(slide.note)}</p></details>" in text
            assert HOSTILE in slide.note
        if narrative_id == NIGHT:
            assert html_escape(f"{QUOTE} {HOSTILE}") in blockquotes(text)


# --- in Azerbaijani and Russian ------------------------------------------------

LANGS = ("en", "az", "ru")
EXPORTED = date(2026, 1, 20)
STAMPS = {"en": "exported 20 January 2026", "az": "20 yanvar 2026 tarixində ixrac edilib", "ru": "экспорт от 20 января 2026"}


def words(text: str) -> dict:
    """The words the slides' script writes into the counter, from their JSON element."""
    (found,) = re.findall(r'<script type="application/json" id="export-words">(.*?)</script>', text, re.S)
    return json.loads(found)


@pytest.fixture
def tiny(make_data):
    return load(translated_data(make_data))


@pytest.mark.parametrize("lang", LANGS)
def test_the_tiny_chronology_in_each_language(tiny, lang):
    text = html_export(tiny, chronology(tiny), made=EXPORTED, lang=lang)
    assert f'<html lang="{lang}">' in text
    assert f"<h1>{html_escape(tr(lang, 'chronology_narrative'))}</h1>" in text
    assert html_escape(tr(lang, "export_chronology_description", count=1)) in text
    assert f"<h2>{html_escape(TITLES[lang])}</h2>" in text
    (when,) = re.findall(r'<p class="when">(.*?)</p>', text)
    assert DATES[lang] in html.unescape(when) and html.unescape(when).endswith(tr(lang, "step_n_of", n=1, count=1))
    # The nav, and the words the script writes into the counter.
    assert f'← {html_escape(tr(lang, "previous"))}</button>' in text
    assert f'{html_escape(tr(lang, "next"))} →</button>' in text
    assert f'<option value="0">{html_escape(tr(lang, "title_slide"))}</option>' in text
    assert f'<option value="2">{html_escape(tr(lang, "timeline_slide"))}</option>' in text
    assert words(text) == {"title": tr(lang, "title_slide"), "timeline": tr(lang, "timeline_slide")}
    assert html_escape(STAMPS[lang]) in text
    assert f"<title>{html_escape(tr(lang, 'export_site_title'))}</title>" not in text  # the narrative's title leads
    assert html_escape(tr(lang, "export_map_title", n=1)) in text
    assert html_escape(tr(lang, "export_steps", count=1)) in text and html_escape(tr(lang, "sources_quoted")) in text
    span = f"{format_day(date(1990, 1, 19), lang, 'day_month')} – {format_day(date(1990, 1, 20), lang)}"
    assert f"<h2>{html_escape(tr(lang, 'export_timeline_heading', span=span))}</h2>" in text
    # Places on the map named in the language, the quote as its source wrote it.
    labels = re.findall(r'<text [^>]*class="label active"[^>]*>(.*?)</text>', text)
    assert sorted(labels) == sorted({"en": ["The Square", "The Avenue"], "az": ["Meydan", "Prospekt"],
                                     "ru": ["Площадь", "Проспект"]}[lang])
    assert blockquotes(text) == ["the crowd gathered on the square"]


def test_the_words_are_azerbaijani_and_russian(tiny):
    """Spot checks with the words written out, so a catalogue falling back to English would show."""
    az = html_export(tiny, chronology(tiny, "az"), made=EXPORTED, lang="az")
    ru = html_export(tiny, chronology(tiny, "ru"), made=EXPORTED, lang="ru")
    assert "← Əvvəlki</button>" in az and "Növbəti →</button>" in az and "Məzmun barədə qeyd." in az
    assert "← Назад</button>" in ru and "Далее →</button>" in ru and "Предупреждение о содержании." in ru
    assert words(ru) == {"title": "Титул", "timeline": "Шкала времени"}
    assert "<h2>Шкала времени: 19 янв. – 20 января 1990</h2>" in ru
    assert "около 19 января 1990 23:30" in ru and "19 yanvar 1990" in az
    assert "цитата, язык: английский" in ru and "ingilis dilində sitat" in az


def test_without_a_language_the_catalogues_own_is_kept(tiny):
    """The app hands over the catalogue (and its narrative) already in the interface language: the file follows it."""
    for lang in ("az", "ru"):
        localised = tiny.in_language(lang)
        assert html_export(localised, chronology(localised, lang), made=EXPORTED) == html_export(
            tiny, chronology(tiny), made=EXPORTED, lang=lang)
    assert html_export(tiny, chronology(tiny)) == html_export(tiny, chronology(tiny), lang="en")


def test_an_untranslated_text_is_shown_with_its_mark(tiny):
    az = html_export(tiny, chronology(tiny), lang="az")
    mark = tr("az", "untranslated_mark")
    assert f"<p>{html_escape(mark)} People gather on the square.</p>" in az  # the summary has no translation
    notice = tr("az", "untranslated_notice", count=1, language="azərbaycan", mark=mark)
    assert html_escape(notice) in az
    ru = html_export(tiny, chronology(tiny), lang="ru")
    assert "<p>Люди собираются на площади.</p>" in ru and "People gather" not in ru


@pytest.fixture(scope="module")
def night_in(catalog) -> dict[str, str]:
    return {lang: html_export(catalog, catalog.narratives[NIGHT], made=EXPORTED, lang=lang) for lang in ("az", "ru")}


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_the_night_in_each_language(catalog, night_in, lang):
    text = night_in[lang]
    localised = catalog.in_language(lang)
    texts, mark = catalog.translations[lang].texts, tr(lang, "untranslated_mark")
    narrative = catalog.narratives[NIGHT]
    title = texts.get(("narratives", NIGHT, "title")) or f"{mark} {narrative.title}"
    assert f"<h1>{html_escape(title)}</h1>" in text
    assert localised.narratives[NIGHT].title == title
    headings = [html.unescape(h) for h in re.findall(r'<section class="slide" id="step-\d+"[^>]*>\s*<h2>(.*?)</h2>', text, re.S)]
    assert headings == [texts.get(("events", s.event, "title")) or f"{mark} {catalog.event(s.event).title}"
                        for s in narrative.steps]
    # The quotes stay verbatim, in English, whatever the language.
    assert blockquotes(text) == [html_escape(" ".join(c.quote.split()))
                                 for s in slides(catalog, narrative) for c in (s.compared or (s.citation,))]
    assert html_escape(tr(lang, "teachers_note")) in text
    assert html_escape(tr(lang, "slide_away", places=catalog.places["moscow-kremlin"].name_in(lang))) in text
    assert {"az": "20 yanvar 1990", "ru": "20 января 1990"}[lang] in text
    assert "This step" not in text and "Teacher&#x27;s note" not in text and "Sources quoted" not in text


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_hostile_data_is_escaped_in_every_language(hostile_present_data, exported, lang):
    catalog = load(hostile_present_data)
    localised = catalog.in_language(lang)
    narrative = catalog.narratives[NIGHT]
    text = html_export(catalog, narrative, lang=lang)
    markup, clean = Markup(text), Markup(exported[NIGHT].read_text(encoding="utf-8"))
    assert markup.named("img") == [] and markup.named("a") == []
    assert len(markup.named("script")) == len(clean.named("script"))
    assert [attrs for _, attrs in markup.tags if any(name.startswith("on") for name in attrs)] == []
    title = localised.narratives[NIGHT].title
    assert HOSTILE in title and f"<h1>{html_escape(title)}</h1>" in text  # English, marked: the translation is stale
    assert html_escape(f"{QUOTE} {HOSTILE}") in blockquotes(text)
    assert words(text) == {"title": tr(lang, "title_slide"), "timeline": tr(lang, "timeline_slide")}


def test_the_scripts_words_cannot_end_their_element():
    text = script_json({"title": "</script><script>window.__pwned=1</script>", "timeline": "a & b > c"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><script>window.__pwned=1</script>", "timeline": "a & b > c"}


class _Event:
    def __init__(self, first, last):
        self.first, self.last = first, last


@pytest.mark.parametrize(
    "lang, short, long",
    [("en", "19 Jan – 21 Jan 1990", "February 1988 – December 1993"),
     ("az", "19 yan – 21 yanvar 1990", "fevral 1988 – dekabr 1993"),
     ("ru", "19 янв. – 21 января 1990", "февраль 1988 – декабрь 1993")],
)
def test_the_timelines_span_in_words(lang, short, long):
    from blackjanuary.timeline import baku

    night = [_Event(baku(1990, 1, 19, 18), baku(1990, 1, 20, 1)), _Event(baku(1990, 1, 20, 7), baku(1990, 1, 21, 12))]
    assert _range_for(night, lang).label == short
    years = [_Event(baku(1988, 2, 1), baku(1989, 1, 1)), _Event(baku(1990, 1, 20), baku(1993, 12, 31))]
    assert _range_for(years, lang).label == long


def test_cli_exports_in_the_language_asked_for(catalog, tmp_path, capsys):
    out = tmp_path / "night-ru.html"
    code, stdout, stderr = export(capsys, "--out", str(out), "--lang", "ru", "--data", str(DATA))
    assert (code, stderr) == (0, [])
    summary = SUMMARY.fullmatch(stdout[0])
    assert summary and summary["steps"] == "16"
    assert summary["title"] == catalog.in_language("ru").narratives[NIGHT].title
    text = out.read_text(encoding="utf-8")
    assert '<html lang="ru">' in text and f"<h1>{html_escape(summary['title'])}</h1>" in text


# --- in the browser ----------------------------------------------------------


def assert_quiet(traffic: DiskTraffic) -> None:
    assert traffic.blocked == []
    assert [u for u in traffic.requests if urlsplit(u).scheme != "file"] == []
    assert traffic.errors == []


def open_offline(browser: Browser, path: Path, fragment: str = "") -> tuple[Page, DiskTraffic]:
    page, traffic = open_from_disk(browser, path, fragment)
    expect(page.locator("#timeline-figure .main-svg").first).to_be_attached()
    return page, traffic


@pytest.fixture
def night(browser, exported):
    page, traffic = open_offline(browser, exported[NIGHT])
    yield page, traffic
    page.context.close()


def current_heading(page: Page):
    return page.locator(".slide.current").locator("h1, h2").first


def test_opens_offline_with_no_request_and_no_error(night, exported):
    page, traffic = night
    expect(current_heading(page)).to_have_text(NIGHT_TITLE)
    page.keyboard.press("End")  # draw the timeline on screen too
    expect(page.locator("#timeline-figure .barlayer .point").first).to_be_visible()
    page.wait_for_timeout(300)
    assert_quiet(traffic)
    assert traffic.requests == [exported[NIGHT].as_uri()]
    assert page.evaluate(
        "() => performance.getEntriesByType('resource').filter(r => !r.name.startsWith('file:')).map(r => r.name)"
    ) == []


def test_buttons_and_keys_step_through_the_slides(night, catalog):
    page, traffic = night
    shown = slides(catalog, catalog.narratives[NIGHT])
    counter = page.locator("#counter")

    def at(step: int, opened: bool = False) -> None:
        """Only this slide is shown, with its heading, the counter and the address's hash (none when just opened)."""
        if step == 0:
            heading, count, slide_id = NIGHT_TITLE, "Title", "title"
        elif step <= len(shown):
            heading, count, slide_id = shown[step - 1].event.title, f"{step} / {len(shown)}", f"step-{step}"
        else:
            heading, count, slide_id = re.compile(r"^Timeline: "), "Timeline", "timeline"
        expect(current_heading(page)).to_have_text(heading)
        expect(current_heading(page)).to_be_visible()
        expect(counter).to_have_text(count)
        expect(page.locator(".slide:visible")).to_have_count(1)
        expect(page.locator(f"#{slide_id}")).to_be_visible()
        expect(page.locator("#jump")).to_have_value(str(step))
        expect(page).to_have_url(re.compile(r"\.html$" if opened else rf"\.html#{slide_id}$"))

    at(0, opened=True)
    expect(page.locator("#prev")).to_be_disabled()
    screenshot(page, "export-title")
    page.locator("#next").click()
    at(1)
    page.locator("#next").click()
    at(2)
    page.locator("#prev").click()
    at(1)
    for key, step in [("ArrowRight", 2), ("PageDown", 3), ("ArrowRight", 4), ("ArrowLeft", 3), ("PageUp", 2)]:
        page.keyboard.press(key)
        at(step)
    page.keyboard.press("End")
    at(len(shown) + 1)  # the timeline, after the last step
    expect(page.locator("#next")).to_be_disabled()
    page.keyboard.press("ArrowRight")  # already at the end: stays
    at(len(shown) + 1)
    page.keyboard.press("Home")
    at(0)
    page.locator("#jump").select_option("8")
    at(8)
    assert_quiet(traffic)


@pytest.mark.parametrize(
    "fragment, step, heading",
    [
        ("#step-4", 4, "Information blockade"),
        ("#step-14", 14, "State of emergency and curfew announced"),
        ("#timeline", 17, re.compile(r"^Timeline: 19 Jan – 2\d Jan 1990$")),
        ("#step-99", 0, NIGHT_TITLE),
    ],
)
def test_a_hash_opens_its_slide(browser, exported, fragment, step, heading):
    page, traffic = open_offline(browser, exported[NIGHT], fragment)
    try:
        expect(current_heading(page)).to_have_text(heading)
        expect(page.locator(".slide:visible")).to_have_count(1)
        expect(page.locator("#jump")).to_have_value(str(step))
        # Changing the hash of the open page moves too.
        page.evaluate("() => { location.hash = '#step-12'; }")
        expect(current_heading(page)).to_have_text("How many were killed, wounded and detained")
        expect(page.locator("#counter")).to_have_text("12 / 16")
        assert_quiet(traffic)
    finally:
        page.context.close()


def test_teachers_note_is_closed_until_clicked(night, catalog):
    page, traffic = night
    note = " ".join(catalog.narratives[NIGHT].steps[0].note.split())
    page.locator("#next").click()
    details = page.locator("#step-1 details")
    expect(details).to_have_count(1)
    assert details.evaluate("d => d.open") is False
    expect(details.locator("p")).to_be_hidden()
    expect(details.locator("summary")).to_have_text("Teacher's note")
    details.locator("summary").click()
    expect(details.locator("p")).to_be_visible()
    expect(details.locator("p")).to_have_text(note)
    assert details.evaluate("d => d.open") is True
    # The other steps' notes stay closed.
    assert page.evaluate("() => [...document.querySelectorAll('details')].filter(d => d.open).length") == 1
    assert_quiet(traffic)


def test_each_step_has_a_visible_map(night, catalog):
    page, traffic = night
    page.locator("#next").click()
    first = page.locator("#step-1 svg.map")
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box["width"] > 300 and box["height"] > 150
    assert box["width"] / box["height"] == pytest.approx(640 / 400, rel=0.02)
    # The decree was made in Moscow: listed under the map, not drawn on it.
    moscow = catalog.places["moscow-kremlin"].name
    expect(page.locator("#step-1 .away")).to_have_text(f"● This step: {moscow}, outside the map of Baku")
    expect(first.locator("text.label")).to_have_count(0)
    screenshot(page, "export-step-1")

    page.locator("#jump").select_option("5")
    fourth = page.locator("#step-5 svg.map")
    expect(fourth).to_be_visible()
    names = {place_id: catalog.places[place_id].name for place_id in ("baku", "20-yanvar-circle", "tv-centre")}
    # Baku, where the texts say only "in Baku", is the city's tag at the top of the map, not a red pin.
    assert sorted(fourth.locator("text.label.active").all_text_contents()) == sorted(
        [f"● {names['baku']} · {tr('en', 'whole_city')}", names["20-yanvar-circle"]]
    )
    assert fourth.locator("text.label.past").all_text_contents() == [names["tv-centre"]]
    red = fourth.locator(f'circle[fill="{ACTIVE_FILL}"], path[stroke="{ACTIVE_FILL}"]')
    assert red.count() == 1
    screenshot(page, "export-step-4")
    assert_quiet(traffic)


def test_the_timeline_slide_draws_a_bar_per_event(night, catalog):
    page, traffic = night
    page.keyboard.press("End")
    figure = page.locator("#timeline-figure")
    expect(figure.locator(".main-svg").first).to_be_visible()
    bars = figure.locator(".barlayer .point")
    expect(bars.first).to_be_visible()
    ids = page.evaluate(
        """() => document.getElementById('timeline-figure').data
            .filter(trace => trace.type === 'bar').flatMap(trace => trace.customdata.map(row => row[0]))"""
    )
    # One bar per piece: a span whose edge the texts leave open is drawn solid, then fading.
    expect(bars).to_have_count(len(ids))
    assert sorted(set(ids)) == sorted(step.event for step in catalog.narratives[NIGHT].steps)
    assert ids.count("information-blockade") > 1 and ids.count("emergency-decree") == 1
    assert figure.bounding_box()["width"] > 1000
    screenshot(page, "export-timeline")
    assert_quiet(traffic)


@pytest.mark.parametrize("narrative_id, steps", [(NIGHT, 16), (RALLIES, 15)])
def test_prints_one_slide_per_a4_page(browser, exported, narrative_id, steps):
    page, traffic = open_offline(browser, exported[narrative_id])
    try:
        page.emulate_media(media="print")
        expect(page.locator(".slide:visible")).to_have_count(steps + 2)
        expect(page.locator("nav")).to_be_hidden()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        assert len(PAGE_OBJECT.findall(pdf)) == steps + 2
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"export-{narrative_id}.pdf").write_bytes(pdf)
        assert_quiet(traffic)
    finally:
        page.context.close()


LEAKS = """() => ({
    pwned: typeof window.__pwned,
    images: document.querySelectorAll('img').length,
    handlers: [...document.querySelectorAll('*')].filter(el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
    links: document.querySelectorAll('a').length,
    scripts: document.querySelectorAll('script').length,
})"""


def test_hostile_text_stays_inert_in_the_browser(browser, hostile_present_data, hostile_exported, exported):
    catalog = load(hostile_present_data)
    narrative = catalog.narratives[NIGHT]
    clean, _ = open_offline(browser, exported[NIGHT])
    scripts = clean.evaluate(LEAKS)["scripts"]
    clean.context.close()

    page, traffic = open_offline(browser, hostile_exported[NIGHT])
    try:
        expect(page.locator("#title h1")).to_have_text(narrative.title)
        assert page.title() == f"{narrative.title} · Black January 1990"
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        page.locator("#jump").select_option("7")
        expect(current_heading(page)).to_have_text(catalog.event(QUOTED_EVENT).title)
        expect(page.locator("#step-7 blockquote")).to_have_text(f"{QUOTE} {HOSTILE}")
        expect(page.locator("#step-7 details p")).to_have_text(" ".join(narrative.steps[6].note.split()))
        screenshot(page, "export-hostile-step")

        page.keyboard.press("End")
        bar = page.locator("#timeline-figure .barlayer .point path").first
        bar.hover(force=True)
        hover = page.locator("#timeline-figure .hoverlayer")
        expect(hover).to_contain_text("<img src=x")
        expect(hover.locator("img, a, script")).to_have_count(0)

        assert page.evaluate(LEAKS) == {"pwned": "undefined", "images": 0, "handlers": 0, "links": 0, "scripts": scripts}
        assert_quiet(traffic)
        assert not any("example.invalid" in u or u.endswith("/x") for u in traffic.requests)
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_the_counter_and_the_labels_speak_the_language_in_the_browser(browser, catalog, night_in, tmp_path, lang):
    path = tmp_path / f"night-{lang}.html"
    path.write_text(night_in[lang], encoding="utf-8")
    page, traffic = open_offline(browser, path)
    try:
        counter = page.locator("#counter")
        expect(counter).to_have_text(tr(lang, "title_slide"))
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("#prev")).to_have_text(f"← {tr(lang, 'previous')}")
        page.locator("#next").click()
        expect(counter).to_have_text("1 / 16")
        moscow = catalog.places["moscow-kremlin"].name_in(lang)
        expect(page.locator("#step-1 .away")).to_have_text(f"● {tr(lang, 'slide_away', places=moscow)}")
        expect(page.locator("#step-1 summary")).to_have_text(tr(lang, "teachers_note"))
        page.keyboard.press("End")
        expect(counter).to_have_text(tr(lang, "timeline_slide"))
        expect(current_heading(page)).to_have_text(re.compile("^" + re.escape(tr(lang, "export_timeline_heading", span=""))))
        # The timeline's lanes are named in the language too.
        expect(page.locator("#timeline-figure .ytick").first).to_be_attached()
        lanes = page.locator("#timeline-figure .ytick text").all_text_contents()
        assert tr(lang, "category_military") in lanes
        screenshot(page, f"export-timeline-{lang}")
        assert_quiet(traffic)
    finally:
        page.context.close()
