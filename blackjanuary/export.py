"""A narrative as one self-contained HTML file: slides, maps and timeline that open from disk with no network.

Everything is inlined: the styles, a few lines of script for the slides,
plotly.js for the timeline, and each slide's map as SVG drawn from the
bundled coastline. A Content-Security-Policy forbids every request, so a
slip that would fetch something fails loudly instead of reaching the
internet. Printed, it gives one slide per A4 page.

The file is in one interface language (`en`, `az` or `ru`): every word of
the interface from the message catalogues, the catalogue's own text from
`Catalog.in_language` (English marked as untranslated where a translation is
missing), dates by Babel. Quotes stay verbatim in their source's language.
"""

from __future__ import annotations

from datetime import date, timedelta

import plotly.io as pio

from .attribution import attribution_in, attribution_text, citation_attribution, timing_lines
from .basemap import map_note
from .i18n import DEFAULT_LANGUAGE, format_day, language_or_default, tr
from .loading import Catalog
from .models import Narrative
from .present import CHRONOLOGY_ID, Slide, chronology, slides
from .provenance import context_line, who_the_sources_are
from .svgmap import SVG_CSS, svg_map
from .text import html_escape, script_json
from .timeline import TimeRange
from .timeline_figure import layout_timeline, timeline_figure, timeline_height
from .translations import translation_note
from .translations import untranslated_notice as translation_notice

MAP_SIZE = (640, 400)
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; connect-src 'none'"
)

STYLE = """
:root { --ink: #111; --muted: #444; --accent: #c62828; --paper: #fff; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 20px/1.5 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); background: var(--paper); }
nav { position: sticky; top: 0; z-index: 2; display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap;
      padding: 0.6rem 1.2rem; background: #f6f4f0; border-bottom: 1px solid var(--line); }
nav .title { font-weight: bold; margin-right: auto; }
nav select { max-width: min(36rem, 100%); }
nav button, nav select { font: inherit; font-size: 18px; padding: 0.3rem 0.8rem; border: 1px solid #999; border-radius: 6px; background: #fff; color: var(--ink); }
nav button:focus-visible, nav select:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
nav button:disabled { opacity: 0.4; }
#counter { min-width: 7ch; text-align: center; }
main { max-width: 1280px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
.slide { display: none; }
.slide.current { display: block; }
h1 { font-size: 44px; line-height: 1.15; margin: 0.6rem 0 0.4rem; }
h2 { font-size: 38px; line-height: 1.15; margin: 0.4rem 0 0.2rem; }
.when { font-size: 24px; font-weight: bold; margin: 0 0 0.8rem; }
.body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; align-items: start; }
.body.wide { grid-template-columns: minmax(0, 1fr); }
.map { width: 100%; height: auto; border-radius: 8px; border: 1px solid var(--line); display: block; }
.key, .away, .source, .ref { font-size: 18px; color: var(--muted); }
.away { color: var(--ink); }
.dot { color: var(--accent); }
.compared { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.4rem 1rem; }
.compared blockquote { font-size: 1rem; }
blockquote { margin: 0 0 0.6rem; padding-left: 0.9rem; border-left: 6px solid var(--accent);
             font: 26px/1.45 Georgia, "DejaVu Serif", serif; }
details { margin-top: 1rem; font-size: 20px; }
details p { background: #eef3f8; padding: 0.6rem 0.8rem; border-radius: 6px; }
summary { cursor: pointer; font-weight: bold; }
.note { background: #fff7e0; border-left: 6px solid #e0a800; padding: 0.6rem 1rem; }
.sources li { margin-bottom: 0.3rem; }
#timeline-figure { width: 100%; }
@media (max-width: 820px) { .body { grid-template-columns: 1fr; } h1 { font-size: 34px; } h2 { font-size: 30px; } }
@page { size: A4; margin: 14mm; }
@media print {
  body { font-size: 12pt; }
  nav, .screen-only { display: none !important; }
  main { max-width: none; padding: 0; }
  .slide { display: block !important; break-after: page; page-break-after: always; }
  .slide:last-child { break-after: auto; }
  h1 { font-size: 24pt; } h2 { font-size: 20pt; } .when { font-size: 13pt; }
  .body { grid-template-columns: 1fr; gap: 0.4cm; }
  .map { max-height: 11cm; width: auto; max-width: 100%; margin: 0 auto; }
  blockquote { font-size: 14pt; }
  .key, .away, .source, .ref, details { font-size: 10.5pt; }
  details:not([open]) { display: none; }
  /* Each source's own time: small, so a slide that has them still fits its page. */
  .timing { font-size: 8.5pt; line-height: 1.25; }
  .timing p, .timing ul { margin: 0.08cm 0; }
  .timing ul { padding-left: 0.45cm; }
  .slide:has(.timing) .map { max-height: 8.5cm; }
  /* The same for a fact from outside the texts, with its reference. */
  .context { font-size: 8.5pt; line-height: 1.25; }
  .slide:has(.context) .map { max-height: 7cm; }
  .compared { grid-template-columns: 1fr 1fr; }
  .compared blockquote { font-size: 10.5pt; }
}
"""

SCRIPT = """
(function () {
  // The interface's words in the file's language, from the JSON element before this script.
  var words = JSON.parse(document.getElementById('export-words').textContent);
  var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
  var jump = document.getElementById('jump');
  var prev = document.getElementById('prev'), next = document.getElementById('next');
  var current = 0;
  function show(n, fromHash) {
    current = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach(function (s, i) { s.classList.toggle('current', i === current); });
    var steps = slides.length - 2;  // the title and the timeline are not steps
    document.getElementById('counter').textContent =
      current === 0 ? words.title : current > steps ? words.timeline : current + ' / ' + steps;
    jump.value = String(current);
    prev.disabled = current === 0; next.disabled = current === slides.length - 1;
    if (!fromHash) { history.replaceState(null, '', '#' + slides[current].id); }
    var figure = slides[current].querySelector('.js-plotly-plot');
    if (figure && window.Plotly) { window.Plotly.Plots.resize(figure); }
    window.scrollTo(0, 0);
  }
  function fromHash() {
    var i = slides.findIndex(function (s) { return '#' + s.id === location.hash; });
    show(i < 0 ? 0 : i, true);
  }
  prev.addEventListener('click', function () { show(current - 1); });
  next.addEventListener('click', function () { show(current + 1); });
  jump.addEventListener('change', function () { show(parseInt(jump.value, 10)); });
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target === jump) { return; }
    if (['ArrowRight', 'PageDown', ' '].indexOf(e.key) >= 0) { show(current + 1); e.preventDefault(); }
    else if (['ArrowLeft', 'PageUp'].indexOf(e.key) >= 0) { show(current - 1); e.preventDefault(); }
    else if (e.key === 'Home') { show(0); e.preventDefault(); }
    else if (e.key === 'End') { show(slides.length - 1); e.preventDefault(); }
  });
  window.addEventListener('hashchange', fromHash);
  // Printed, the timeline is drawn at the page's width, not the screen's.
  var figure = document.getElementById('timeline-figure');
  function fitForPrint(printing) {
    if (!figure || !window.Plotly) { return; }
    window.Plotly.relayout(figure, printing ? {width: 680} : {width: null, autosize: true});
  }
  window.matchMedia('print').addEventListener('change', function (m) { fitForPrint(m.matches); });
  window.addEventListener('beforeprint', function () { fitForPrint(true); });
  window.addEventListener('afterprint', function () { fitForPrint(false); });
  fromHash();
})();
"""


def _range_for(events: list, lang: str = DEFAULT_LANGUAGE) -> TimeRange:
    """A range from the day the first event starts to the end of the last, in steps that suit its length.

    Its label is in words in `lang`: '19 Jan – 21 Jan 1990', '19 yan – 21 yanvar 1990', or by month.
    """
    first = min(e.first for e in events).replace(hour=0, minute=0)
    last = max(e.last for e in events)
    if last - first <= timedelta(days=15):
        step, tick = timedelta(hours=6), "%d %b %H:%M"
        opening = format_day(first.date(), lang, "day_month" if first.year == last.year else "day")
        label = f"{opening} – {format_day(last.date(), lang, 'day')}"
    else:
        first, step, tick = first.replace(day=1), None, "%b %Y"
        label = f"{format_day(first.date(), lang, 'month_year')} – {format_day(last.date(), lang, 'month_year')}"
    return TimeRange("export", label, first, last, step, tick)


def _narrative_in(catalog: Catalog, localised: Catalog, narrative: Narrative, lang: str) -> Narrative:
    """The narrative with its text in the language: the catalogue's own translated, the chronology made anew."""
    if narrative.id == CHRONOLOGY_ID and narrative.id not in catalog.narratives:
        made = chronology(localised, lang)
        return made.model_copy(update={
            "description": tr(lang, "export_chronology_description", count=len(localised.events)),
            "steps": narrative.steps,
        })
    found = localised.narratives.get(narrative.id)
    if found is not None and catalog.narratives.get(narrative.id) == narrative:
        return found
    return narrative  # one made by the caller: shown as given



def _title_slide(catalog: Catalog, narrative: Narrative, shown: list[Slide], lang: str = DEFAULT_LANGUAGE) -> str:
    count = len(shown)
    cited = sorted({s.citation.source for s in shown}, key=list(catalog.sources).index)
    sources = "".join(
        f"<li>{html_escape(attribution_text(catalog.sources[s], lang))}"
        + (f' <span class="ref">{html_escape(url)}</span>' if (url := catalog.sources[s].url) else "")
        + "</li>"
        for s in cited
    )
    notes = [who_the_sources_are(catalog, lang)]
    notes += [note] if (note := translation_note(catalog, lang)) else []
    notice = translation_notice(catalog, lang)
    notes += [notice] if notice else []
    # Once here rather than under every map: a longer key would push slides onto a second printed page.
    notes.append(f"{tr(lang, 'coastline_credit')}. {map_note(lang)}")
    translated = "".join(f'<p class="ref">{html_escape(note)}</p>' for note in notes)
    return f"""
<section class="slide" id="title" aria-label="{html_escape(tr(lang, "title_slide"))}">
  <h1>{html_escape(narrative.title)}</h1>
  <p>{html_escape(narrative.description)}</p>
  <p class="note"><strong>{html_escape(tr(lang, "content_note_label"))}</strong> {html_escape(tr(lang, "content_note"))}</p>
  <p>{html_escape(tr(lang, "export_steps", count=count))} <span class="screen-only">{html_escape(tr(lang, "export_keys_hint"))}</span></p>
  {translated}
  <h2>{html_escape(tr(lang, "sources_quoted"))}</h2>
  <ul class="sources">{sources}</ul>
</section>"""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _slide_passages(catalog: Catalog, slide: Slide, lang: str) -> str:
    """The slide's passage and its attribution; where the step compares the sources, one passage of each."""
    if not slide.compared:
        return (f'<blockquote>{html_escape(" ".join(slide.citation.quote.split()))}</blockquote>\n'
                f'      <p class="source">— {html_escape(attribution_in(catalog, slide.citation, lang))}</p>')
    items = "".join(
        f'<li><blockquote>{html_escape(" ".join(c.quote.split()))}</blockquote>'
        f'<p class="source">— {html_escape(citation_attribution(catalog, c, lang, short=True))}</p></li>'
        for c in slide.compared
    )
    return f'<p><strong>{html_escape(tr(lang, "each_source_says"))}</strong></p><ul class="compared">{items}</ul>'


def _step_slide(catalog: Catalog, slide: Slide, count: int, lang: str = DEFAULT_LANGUAGE) -> str:
    event = slide.event
    map_svg = svg_map(
        catalog, slide.statuses, slide.view, *MAP_SIZE,
        title=tr(lang, "export_map_title", n=slide.number), lang=lang,
    )
    away = (
        f'<p class="away"><span class="dot">●</span> '
        f'{html_escape(tr(lang, "slide_away", places=", ".join(p.name_in(lang) for p in slide.away)))}</p>'
        if slide.away else ""
    )
    note = (
        f"<details><summary>{html_escape(tr(lang, 'teachers_note'))}</summary><p>{html_escape(slide.note)}</p></details>"
        if slide.note else ""
    )
    time_ref = (
        f'<p class="ref">{html_escape(tr(lang, "outside_texts", ref=event.time_ref))}</p>' if event.time_ref else ""
    )
    timing = timing_lines(catalog, event, lang)
    if timing:
        # Where the sources put the event at different times, each says so in its own words.
        items = "".join(f"<li>{html_escape(line)}</li>" for line in timing)
        said = f"<p>{html_escape(' '.join(event.when_note.split()))}</p>" if event.when_note else ""
        time_ref = (
            f'<div class="ref timing"><p><strong>{html_escape(tr(lang, "when_by_source"))}</strong></p>'
            f"{said}<ul>{items}</ul></div>"
        )
    context = f'<p class="ref context">{html_escape(line)}</p>' if (line := context_line(event, lang)) else ""
    step_of = tr(lang, "step_n_of", n=slide.number, count=count)
    passages = _slide_passages(catalog, slide, lang)
    # A step that compares the sources gives them the slide, as on the Present page: its place is Baku as a whole.
    map_block = "" if slide.compared else f"""<div>
      {map_svg}
      <p class="key"><span class="dot">●</span> {html_escape(tr(lang, "slide_this_step"))} · <span style="color:#555">●</span> {html_escape(tr(lang, "export_earlier_steps"))} ·
      {html_escape(tr(lang, "coastline_credit"))}</p>
      {away}
    </div>"""
    return f"""
<section class="slide" id="step-{slide.number}" aria-label="{html_escape(_capitalised(step_of))}">
  <h2>{html_escape(event.title)}</h2>
  <p class="when">{html_escape(slide.window)} · {html_escape(step_of)}</p>
  <div class="{"body wide" if slide.compared else "body"}">
    {map_block}
    <div>
      {passages}
      <p>{html_escape(" ".join(event.summary.split()))}</p>
      {time_ref}
      {context}
      {note}
    </div>
  </div>
</section>"""


def _timeline_slide(catalog: Catalog, narrative: Narrative, lang: str = DEFAULT_LANGUAGE) -> str:
    events = [catalog.require_event(step.event) for step in narrative.steps]
    time_range = _range_for(events, lang)
    layout = layout_timeline(time_range, {e.id: e for e in events}.values())
    figure = timeline_figure(layout, lang=lang)
    figure.update_layout(height=timeline_height(layout), width=None, autosize=True, template="plotly_white")
    figure_html = pio.to_html(
        figure, full_html=False, include_plotlyjs=True, div_id="timeline-figure",
        config={"displayModeBar": False, "responsive": True},
    )
    return f"""
<section class="slide" id="timeline" aria-label="{html_escape(tr(lang, "timeline_slide"))}">
  <h2>{html_escape(tr(lang, "export_timeline_heading", span=time_range.label))}</h2>
  <p class="key">{html_escape(tr(lang, "export_timeline_key"))}</p>
  {figure_html}
</section>"""


def html_export(catalog: Catalog, narrative: Narrative, made: date | None = None, lang: str | None = None) -> str:
    """The whole presentation as one HTML document, in the interface language `lang`.

    With no `lang`, in the catalogue's own language: English as loaded, or the
    language `Catalog.in_language` gave it.
    """
    lang = language_or_default(lang or catalog.language)
    localised = catalog.in_language(lang)
    narrative = _narrative_in(catalog, localised, narrative, lang)
    catalog = localised
    shown = slides(catalog, narrative, lang)
    count = len(shown)
    title_word, timeline_word = tr(lang, "title_slide"), tr(lang, "timeline_slide")
    options = [f'<option value="0">{html_escape(title_word)}</option>'] + [
        f'<option value="{s.number}">{s.number}. {html_escape(s.event.title)}</option>' for s in shown
    ] + [f'<option value="{count + 1}">{html_escape(timeline_word)}</option>']
    site = tr(lang, "export_site_title")
    stamp = f" · {tr(lang, 'exported_on', date=format_day(made, lang, 'long_day'))}" if made else ""
    words = script_json({"title": title_word, "timeline": timeline_word})
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{html_escape(narrative.title)} · {html_escape(site)}</title>
<style>{STYLE}{SVG_CSS}</style>
</head>
<body>
<nav aria-label="{html_escape(tr(lang, "export_nav"))}">
  <span class="title">{html_escape(site + stamp)}</span>
  <button id="prev" type="button" aria-label="{html_escape(tr(lang, "previous_slide"))}">← {html_escape(tr(lang, "previous"))}</button>
  <span id="counter" aria-live="polite">{html_escape(title_word)}</span>
  <button id="next" type="button" aria-label="{html_escape(tr(lang, "next_slide"))}">{html_escape(tr(lang, "next"))} →</button>
  <label>{html_escape(tr(lang, "go_to_slide"))} <select id="jump">{"".join(options)}</select></label>
</nav>
<main>
{_title_slide(catalog, narrative, shown, lang)}
{"".join(_step_slide(catalog, s, count, lang) for s in shown)}
{_timeline_slide(catalog, narrative, lang)}
</main>
<script type="application/json" id="export-words">{words}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
