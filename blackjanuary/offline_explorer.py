"""The whole Explore page as one self-contained HTML file: scrub, click and read with no server and no network.

The file holds the same component as the app (frontend/src/explorer.js,
mounted by frontend/src/offline.js and bundled by `make component` into one
script), its styles, the basemap, and the whole catalogue as JSON: the
component's payload for every range in every language, the side panel's
texts (each event with its passages and their attribution, each place), and
the five source texts with where each cited passage stands in them. The
component draws the panel (blackjanuary/panel.py's data, as on the Explore
page) and the page the source text, with DOM calls that set text, never
markup, so text from the data stays text.

A Content-Security-Policy forbids every request: the file asks nothing of
the network, and a slip that would fetch something fails loudly instead. The
view lives in the address's hash (`#r=night&t=1990-01-20T02:00&place=...`),
so a link to the file reopens the same hour, selection and language.
"""

from __future__ import annotations

from pathlib import Path

from .basemap import inline_geojson
from .explorer import bundle_name, explorer_payload
from .export import CSP
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, language_name, language_or_default, tr
from .loading import Catalog
from .models import Source
from .panel import panel_data
from .provenance import country_name, who_the_sources_are
from .range_view import range_view
from .sourcetext import marks_for
from .style import css_variables
from .text import html_escape, one_line, script_json
from .timeline import DEFAULT_RANGE, DEFAULT_TIME, RANGES, format_local
from .translations import translation_note

COMPONENT_DIR = Path(__file__).resolve().parent / "component"
STYLES = (COMPONENT_DIR / "explorer.css", COMPONENT_DIR / "offline.css")
FILENAME = "baku-1990.html"
# Interface words the page itself draws, besides the component's own (explorer.py's and panel.py's TEXT_KEYS).
PAGE_KEYS = (
    "explore_title", "explore_intro", "span", "span_help", "range_night", "range_january", "range_years",
    "sources_title", "source", "passage_cited_for", "highlighted_below",
    "back_to_event", "back_to_explorer", "address_unknown", "distances", "coordinates", "offline_note",
    "explorer_data_failed",
)
# Notices for a link's values the file does not know, with `{value}` left for the browser to fill in.
NOTICE_KEYS = ("bad_time", "time_outside_range", "bad_place", "bad_event", "bad_source", "bad_passage")
FACTS = ("fact_publisher", "fact_published", "fact_date_note", "fact_byline", "fact_genre", "fact_country", "fact_occasion",
         "fact_language", "fact_trimmed")


class BundleMissing(RuntimeError):
    """The offline bundle has not been built: `make component` builds it from frontend/."""


def _utf16(text: str, at: int) -> int:
    """A position in `text` as the browser counts it (UTF-16 code units), not as Python does (code points)."""
    return len(text[:at].encode("utf-16-le")) // 2


def _inline_basemap(payload: dict) -> dict:
    """The payload with its basemap layers naming data in the file (`inline`) instead of a URL of the app's static folder.

    The file holds each basemap file once (`bjo-basemap`, see `_basemap_files`),
    not once per range and language.
    """
    layers = [
        {**{k: v for k, v in layer.items() if k != "url"}, "inline": layer["url"]} if "url" in layer else layer
        for layer in payload["basemap"]["layers"]
    ]
    return {**payload, "basemap": {**payload["basemap"], "layers": layers}}


def _basemap_files(payloads: list[dict]) -> dict[str, dict]:
    """Every basemap file the payloads' layers name, by the URL the app would fetch it from."""
    urls = {layer["inline"] for p in payloads for layer in p["basemap"]["layers"] if "inline" in layer}
    return {url: inline_geojson(url) for url in sorted(urls)}


def _source_panel(catalog: Catalog, source: Source, lang: str) -> dict:
    """What the source view says about a text besides the text itself: its facts, address and citing events."""
    values = {
        "fact_publisher": source.publisher,
        "fact_published": source.published.isoformat() if source.published else tr(lang, "not_stated"),
        "fact_date_note": source.published_note,
        "fact_byline": source.byline,
        "fact_genre": source.genre,
        "fact_country": country_name(source.country, lang),
        "fact_occasion": source.occasion,
        "fact_language": language_name(source.language, lang),
        "fact_trimmed": source.trimmed,
    }
    cited = sorted({m.event_id for m in marks_for(catalog, source.id)}, key=lambda i: catalog.require_event(i).first)
    return {
        "publisher": source.publisher,
        "title": source.title,
        "language": source.language,
        "facts": [[tr(lang, key), one_line(value)] for key in FACTS if (value := values[key])],
        # An address to copy, not a link: the file never navigates to the network.
        "url": f"{tr(lang, 'original_page')}: {source.url}" if source.url else "",
        "cited_heading": tr(lang, "cited_by", count=len(cited)),
        "cited": cited,
    }


def _panel(catalog: Catalog, lang: str) -> dict:
    """The passage panel (panel.py, drawn by the component) and what the page draws around it, in one language."""
    localised = catalog.in_language(lang)
    note = translation_note(catalog, lang)
    panel = panel_data(localised, lang)
    return {
        **panel,
        "texts": panel["texts"]
        | {key: tr(lang, key) for key in PAGE_KEYS}
        | {"intro": " ".join(filter(None, [tr(lang, "explore_intro"), who_the_sources_are(catalog, lang), note]))}
        | {key: tr(lang, key, value="{value}") for key in NOTICE_KEYS}
        | {"bad_range": tr(lang, "bad_range", value="{value}", known=", ".join(RANGES))}
        | {"cited_for": tr(lang, "cited_for", titles="{titles}")},
        "sources": {s.id: _source_panel(localised, s, lang) for s in localised.sources.values()},
    }


def _texts(catalog: Catalog) -> dict:
    """The source texts, with each cited passage's place in them (UTF-16 offsets, as the browser slices)."""
    out = {}
    for source_id, text in catalog.texts.items():
        marks = [[_utf16(text, m.start), _utf16(text, m.end), m.event_id, m.citation] for m in marks_for(catalog, source_id)]
        out[source_id] = {"text": text, "marks": marks}
    return out


def _bundle() -> tuple[str, str]:
    """The offline script and its styles, as built by `make component`, checked safe to inline."""
    try:
        script = (COMPONENT_DIR / bundle_name("offline")).read_text(encoding="utf-8")
        styles = "\n".join([css_variables(), *(path.read_text(encoding="utf-8") for path in STYLES)])
    except FileNotFoundError as err:
        raise BundleMissing(f"{err.filename} is missing: build it with `make component`") from err
    for text, closing in ((script, "</script"), (styles, "</style")):
        if closing in text.lower() or "<!--" in text:
            raise BundleMissing(f"the built bundle contains '{closing}' or '<!--' and cannot be inlined")
    return script, styles


def _json_element(element_id: str, data: object) -> str:
    return f'<script type="application/json" id="{element_id}">{script_json(data)}</script>'


def explorer_html(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> str:
    """The offline explorer as one HTML document, opening in `lang`; it switches to the others in the browser.

    `catalog` is the catalogue as loaded, in English: each language's text is
    made from it with `Catalog.in_language`.
    """
    lang = language_or_default(lang)
    script, styles = _bundle()
    setup = {
        "lang": lang, "languages": LANGUAGES, "ranges": list(RANGES),
        "default_range": DEFAULT_RANGE, "default_t": format_local(DEFAULT_TIME),
    }
    elements = [_json_element("bjo-setup", setup), _json_element("bjo-texts", _texts(catalog))]
    payloads = []
    for code in LANGUAGES:
        localised = catalog.in_language(code)
        elements.append(_json_element(f"bjo-panel-{code}", _panel(catalog, code)))
        for key in RANGES:
            payload = _inline_basemap(explorer_payload(range_view(localised, key), code, with_panel=False))
            payloads.append(payload)
            elements.append(_json_element(f"bjo-payload-{code}-{key}", payload))
    elements.append(_json_element("bjo-basemap", _basemap_files(payloads)))
    title = tr(lang, "explore_title")
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{html_escape(title)}</title>
<style>{styles}</style>
</head>
<body>
<header class="bjo-top">
  <h1 id="bjo-title">{html_escape(title)}</h1>
  <p id="bjo-intro" class="bjo-note"></p>
  <div class="bjo-controls">
    <div id="bjo-ranges" class="bjo-switch" role="group"></div>
    <div id="bjo-languages" class="bjo-switch" role="group" aria-label="Interface language · Dil · Язык"></div>
    <button id="bjo-sources" type="button" class="bjo-button"></button>
  </div>
  <div id="bjo-notices" role="status"></div>
</header>
<main id="bjo-explore" class="bjo-main">
  <div id="bjo-explorer"></div>
</main>
<section id="bjo-source" class="bjo-source" hidden></section>
<noscript><p>{html_escape(tr(lang, "offline_noscript"))}</p></noscript>
{"".join(elements)}
<script>{script}</script>
</body>
</html>
"""


def explorer_file(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The offline explorer as UTF-8 bytes, for a download button or the command line."""
    return explorer_html(catalog, lang).encode("utf-8")
