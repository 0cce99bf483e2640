"""Benchmark the explorer in headless Chromium against a bare Streamlit app with the same widgets.

    python -m benchmarks [--steps 30] [--renders 5] [--json FILE]
    python -m benchmarks --concurrency 5,10,20 [--steps 30] [--json FILE]

Measures, for the app on the curated data, the app on 10,000 generated events
and the baseline (tools/baseline_app.py), all in one run: server start to
healthy, first render (the first session of a fresh server on data it never
validated, the median over several new sessions, each with an empty browser
cache, and for the app the first session of a server started again on the
same data), scrub latency (p50/p95), server CPU time and the page's
main-thread time per scrub step, server memory, and memory per extra session
with five sessions scrubbing at once. Prints the figures and their ratios to the baseline.

The baseline scrubs by rerunning: a step is timed from the key press until the
rerun has finished and two frames are drawn. The app scrubs in the browser: a
step is timed from the key press until the map, the timeline's cursor and the
list show the new step, deck.gl has drawn it, and two more frames are drawn;
the page's own time from the input event to deck.gl having drawn is printed
too. The server's CPU per step includes the one rerun that tells the server
the step once the slider rests. A click on a place on the map is timed until
its panel shows, against the figure recorded for the previous Explore page
(a server-drawn page that reran a fragment at every step, since retired).

With --concurrency, only one server on the curated data is measured, with
that many sessions scrubbing at once: server CPU per step, the share of a
core it kept busy, errors and lost presses, for the README's figures on
serving a classroom.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from blackjanuary.checkcache import CACHE_ENV
from blackjanuary.devserver import running_app
from blackjanuary.explorer import TEST_HOOKS_ENV
from blackjanuary.loading import DEFAULT_DATA_DIR, load
from blackjanuary.maps import fit_view

from .synthetic import generate

# The figures read the component's own timings, which only its bundles with test hooks expose.
os.environ[TEST_HOOKS_ENV] = "1"
CHROMIUM = os.environ.get("BLACKJANUARY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TICKS = os.sysconf("SC_CLK_TCK")
SETTLE_MS = 150
LOST_AFTER_MS = 8_000
TARGETS = {
    "scrub_p95_ms": {"curated": 0.5, "synthetic": 0.6},
    "first_render_ms": {"curated": 1.0},
}
CPU_LIMIT_MS = 5.0  # server CPU per scrub step, for the app
REST_BYTES_LIMIT = 50_000  # bytes sent per rest, on the 10,000 events as everywhere
FRAME_MS = 16.7  # one frame at 60 Hz
COLD_RENDER_LIMIT_MS = 3_500  # the first page on a fresh server draws its map, on the 10,000 events
BROWSER_CPU_RATIO = 1.5  # the page's CPU per step on the 10,000 events, against the curated data's
# A click on a place until its panel showed, p50, on the previous Explore page (the server drew the map and the
# panel, and reran a fragment at every step), as this benchmark measured it before that page was retired.
PREVIOUS_CLICK_P50_MS = 950.6
EXPLORER = ".bjx"

# Counts reruns as the page sees them: each time the script state leaves "notRunning". The old value
# is read from the record, since a quick rerun may be over before the observer is called.
WATCH_RERUNS = """() => {
  window.__reruns = 0;
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver((records) => {
    for (const r of records) if (r.oldValue === 'notRunning') window.__reruns += 1;
  }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
}"""
SETTLED = """(before) => {
  const app = document.querySelector('[data-testid="stApp"]');
  return window.__reruns > before && app.getAttribute('data-test-script-state') === 'notRunning';
}"""
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
# The component shows a new step: its slider, the cursor and the list moved, and deck.gl drew it.
SHOWN = """(before) => {
  const root = document.querySelector('.bjx');
  const step = root.dataset.step;
  return step !== before && root.dataset.drawn === step
    && root.querySelector('.bjx-cursor').dataset.step === step;
}"""
STEP = "() => document.querySelector('.bjx').dataset.step"
LEARNED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return new URLSearchParams(location.search).get('t') === document.querySelector('.bjx').dataset.step
    && app.getAttribute('data-test-script-state') === 'notRunning';
}"""
# Where the app draws a place: the view fit to the places in Baku.
CLICKED_PLACES = ("20-yanvar-circle", "tv-centre")


@dataclass
class Figures:
    name: str
    start_ms: float = 0.0
    cold_render_ms: float = 0.0
    render_ms: list[float] = field(default_factory=list)
    scrub_ms: list[float] = field(default_factory=list)
    cpu_ms_per_step: float = 0.0
    rss_mb: float = 0.0
    rss_per_extra_session_mb: float = 0.0
    concurrent_errors: int = 0
    concurrent_cpu_ms_per_step: float = 0.0
    lost_presses: int = 0
    in_page_ms: list[float] = field(default_factory=list)  # input event to deck.gl having drawn (the app only)
    rest_cpu_ms: float = 0.0  # the one rerun after the slider rests (the app only)
    click_ms: list[float] = field(default_factory=list)  # a click on a place until its panel shows
    rest_bytes: float = 0.0  # bytes the server sent the page per rest (its websocket frames; the app only)
    redraws_per_press: float = 0.0  # the map's draws per press, the rest's rerun included (the app only)
    click_in_page_ms: list[float] = field(default_factory=list)  # a click's handler, panel drawn (the app only)
    browser_cpu_ms_per_step: float = 0.0  # the page's main-thread task time per scrub step (Chrome's TaskDuration)
    restart_render_ms: float = 0.0  # the first session of a server started again on the data it validated (the app)

    @property
    def in_page_p50_ms(self) -> float:
        return statistics.median(self.in_page_ms) if self.in_page_ms else 0.0

    @property
    def in_page_p95_ms(self) -> float:
        return _p95(self.in_page_ms)

    @property
    def click_in_page_p50_ms(self) -> float:
        return statistics.median(self.click_in_page_ms) if self.click_in_page_ms else 0.0

    @property
    def click_in_page_p95_ms(self) -> float:
        return _p95(self.click_in_page_ms) if self.click_in_page_ms else 0.0

    @property
    def click_p50_ms(self) -> float:
        return statistics.median(self.click_ms) if self.click_ms else 0.0

    @property
    def first_render_ms(self) -> float:
        """The median first render of a new session: one drawing in software WebGL varies by a second."""
        return statistics.median(self.render_ms) if self.render_ms else 0.0

    @property
    def scrub_p50_ms(self) -> float:
        return statistics.median(self.scrub_ms) if self.scrub_ms else 0.0

    @property
    def scrub_p95_ms(self) -> float:
        return _p95(self.scrub_ms)


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _server_pid(url: str) -> int:
    port = url.rsplit(":", 1)[1]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(command) and port.encode() in command:
            return int(pid)
    raise RuntimeError(f"no streamlit process serves {url}")


def _cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICKS  # utime + stime


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _open(page: Page, url: str, in_browser: bool) -> float:
    """Open a new session and time it until the page is idle with its map and timeline drawn."""
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=120_000)
    if in_browser:
        page.wait_for_selector(f"{EXPLORER}[data-drawn] .bjx-timeline-canvas", timeout=60_000)
    else:
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=60_000)
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    page.evaluate(TWO_FRAMES)
    elapsed = (time.perf_counter() - started) * 1000
    page.evaluate(WATCH_RERUNS)
    return elapsed


def _key(i: int) -> str:
    return "ArrowRight" if (i // 6) % 2 == 0 else "ArrowLeft"


# Armed before a key press: from the keydown event's own time stamp until, at a frame, `condition(before)`
# holds, then two more frames; the time in ms, or null if it never holds within the limit. Timed in the
# page, so the harness's own round trips to the browser count for neither app.
ARM = """([before, limit]) => {{
  const holds = {condition};
  window.__timed = new Promise((resolve) => {{
    let down = null;
    addEventListener('keydown', (e) => {{ down = e.timeStamp; }}, {{capture: true, once: true}});
    const armed = performance.now();
    const poll = () => {{
      if (down !== null && holds(before)) {{
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - down)));
      }} else if (performance.now() - armed > limit) {{
        resolve(null);
      }} else {{
        requestAnimationFrame(poll);
      }}
    }};
    requestAnimationFrame(poll);
  }});
}}"""


def _scrub_with(page: Page, steps: int, slider, condition: str, before: str) -> tuple[list[float], int]:
    """Press arrow keys on a slider, back and forth, timing each in the page until `condition` shows it done.

    A press whose condition never holds within LOST_AFTER_MS is counted as
    lost and left out of the times.
    """
    slider.focus()
    arm = ARM.format(condition=condition)
    times, lost = [], 0
    for i in range(steps):
        page.wait_for_timeout(SETTLE_MS)  # untimed: let the previous step's last frames go by
        page.evaluate(arm, [page.evaluate(before), LOST_AFTER_MS])
        page.keyboard.press(_key(i))
        elapsed = page.evaluate("() => window.__timed")
        if elapsed is None:
            lost += 1
        else:
            times.append(elapsed)
    return times, lost


def _scrub(page: Page, steps: int) -> tuple[list[float], int]:
    """The bare app: each press is done when its rerun has finished."""
    return _scrub_with(page, steps, page.get_by_role("slider").first, SETTLED, "() => window.__reruns")


def _scrub_in_browser(page: Page, steps: int) -> tuple[list[float], int]:
    """The component: each press is done when the new step is shown (slider, cursor, list) and deck.gl drew it."""
    return _scrub_with(page, steps, page.locator(f"{EXPLORER} .bjx-slider"), SHOWN, STEP)


def _rested(page: Page) -> None:
    """Wait for the rerun that tells the server where the slider came to rest: the link then has the step."""
    page.wait_for_function(LEARNED, timeout=LOST_AFTER_MS * 2, polling=50)


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _click_places(page: Page, catalog, canvas_selector: str, in_browser: bool, rounds: int = 6) -> list[float]:
    """Click places on the map in turn, each timed until its panel's heading shows and the page is idle.

    Two places in turn, so each click changes the selection.
    """
    view = fit_view([p for place in catalog.places.values() if place.in_baku for p in place.points])
    canvas = page.locator(canvas_selector).first
    canvas.scroll_into_view_if_needed()
    times = []
    for i in range(rounds):
        place = catalog.places[CLICKED_PLACES[i % len(CLICKED_PLACES)]]
        box = canvas.bounding_box()
        assert box is not None, "the map's canvas is on the page"
        lat, lon = place.anchor
        if in_browser:  # the payload's view, moved and zoomed out for a short or narrow map (mapview.js)
            view = page.evaluate(
                "s => { const v = document.querySelector(s).bjx.deck.getViewports()[0];"
                " return {zoom: v.zoom, longitude: v.longitude, latitude: v.latitude}; }", EXPLORER,
            )
        scale = 512 * 2 ** view["zoom"]
        x = box["x"] + box["width"] / 2 + (lon - view["longitude"]) / 360 * scale
        y = box["y"] + box["height"] / 2 - (_mercator_y(lat) - _mercator_y(view["latitude"])) / (2 * math.pi) * scale
        page.mouse.move(0, 0)
        page.mouse.move(x, y)
        page.locator(".deck-tooltip").filter(has_text=place.name).wait_for(timeout=LOST_AFTER_MS)
        page.wait_for_timeout(SETTLE_MS)
        started = time.perf_counter()
        page.mouse.click(x, y)
        page.get_by_role("heading", name=place.name, exact=True).wait_for(timeout=LOST_AFTER_MS)
        page.wait_for_selector(IDLE, timeout=LOST_AFTER_MS)
        page.evaluate(TWO_FRAMES)
        times.append((time.perf_counter() - started) * 1000)
    return times


# A click on each of two places in turn, in the list of every place, timed in the page from just before the
# click to the end of its handler; the panel's heading must then already name the place (drawn in the same frame).
CLICK_IN_PAGE = """(rounds) => {
  const root = document.querySelector('.bjx');
  const buttons = [...root.querySelectorAll('.bjx-every-place button')].slice(0, 2);
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const button = buttons[i % buttons.length];
    const started = performance.now();
    button.click();
    const took = performance.now() - started;
    const heading = root.querySelector('.bjx-panel h2');
    if (!heading || heading.textContent !== button.textContent) return null;
    times.push(took);
  }
  return times;
}"""


def _first_renders(browser, url: str, count: int, in_browser: bool) -> list[float]:
    """First renders of `count` new sessions in turn, each in a new browser context (an empty cache)."""
    renders = []
    for _ in range(count):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        renders.append(_open(context.new_page(), url, in_browser))
        context.close()
    return renders


def _open_sessions(browser, url: str, count: int, in_browser: bool, errors: list[str]) -> list:
    """Open `count` more sessions, one after another, each in its own browser context; page errors go to `errors`."""
    opened = []
    for _ in range(count):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.on("pageerror", lambda err: errors.append(str(err)))
        _open(page, url, in_browser)
        opened.append((context, page))
    return opened


def _scrub_together(pages: list[Page], in_browser: bool, rounds: int) -> int:
    """Every session presses a key in turn, without waiting for the others, then each settles; `rounds` times.

    In the app each session's slider then rests, so each press costs the
    server one rerun, counted in by waiting for the last ones. Returns the
    presses whose step never showed within LOST_AFTER_MS.
    """
    sliders = [p.locator(f"{EXPLORER} .bjx-slider") if in_browser else p.get_by_role("slider").first for p in pages]
    lost = 0
    for i in range(rounds):
        pages[0].wait_for_timeout(SETTLE_MS)
        befores = [p.evaluate(STEP if in_browser else "() => window.__reruns") for p in pages]
        for slider in sliders:  # press() focuses first: only one page of a browser has the keyboard
            slider.press(_key(i))
        for p, before in zip(pages, befores):
            try:
                p.wait_for_function(SHOWN if in_browser else SETTLED, arg=before, timeout=LOST_AFTER_MS, polling=100)
            except PlaywrightTimeout:
                lost += 1
    if in_browser:
        pages[0].wait_for_timeout(1_500)  # every session's resting rerun, counted in
    return lost


def _exceptions(pages: list[Page]) -> int:
    """Exceptions the app showed on any of the pages."""
    return sum(p.locator('[data-testid="stException"]').count() for p in pages)


def measure(
    name: str, browser, script: str, data_dir: Path | None, steps: int, sessions: int, renders: int = 5
) -> Figures:
    figures = Figures(name)
    in_browser = script == "app.py"
    scrub = _scrub_in_browser if in_browser else _scrub
    started = time.perf_counter()
    with running_app(data_dir=data_dir, script=script) as url:
        figures.start_ms = (time.perf_counter() - started) * 1000
        pid = _server_pid(url)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        received = [0]  # bytes of the server's websocket frames to this page

        def count_frames(socket) -> None:
            socket.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload)))

        page.on("websocket", count_frames)
        figures.cold_render_ms = _open(page, url, in_browser)  # the first session of the server: nothing cached yet
        # Later sessions open while this one stays: Streamlit keeps compiled pages while a session is connected.
        figures.render_ms = [figures.cold_render_ms] + _first_renders(browser, url, renders - 1, in_browser)
        scrub(page, 4)  # warm caches for the steps the measurement visits
        if in_browser:
            _rested(page)  # the warm-up's resting rerun, outside the measurement
            page.evaluate("() => { document.querySelector('.bjx').bjx.timings.length = 0; }")
        cpu_before = _cpu_ms(pid)
        devtools = context.new_cdp_session(page)
        devtools.send("Performance.enable")
        tasks_before = _task_seconds(devtools)
        figures.scrub_ms, figures.lost_presses = scrub(page, steps)
        figures.browser_cpu_ms_per_step = (_task_seconds(devtools) - tasks_before) * 1000 / max(len(figures.scrub_ms), 1)
        if in_browser:
            _rested(page)  # the rerun after the last press is part of the scrub's cost
            figures.in_page_ms = page.evaluate("() => document.querySelector('.bjx').bjx.timings.slice()")
        figures.cpu_ms_per_step = (_cpu_ms(pid) - cpu_before) / max(len(figures.scrub_ms), 1)
        if in_browser:
            rests = 3
            page.mouse.move(0, 0)  # nothing hovered: the map draws only for the steps
            page.wait_for_timeout(500)
            cpu_before, bytes_before = _cpu_ms(pid), received[0]
            redraws_before = page.evaluate("() => document.querySelector('.bjx').bjx.redraws")
            for _ in range(rests):  # a press, then a rest: one rerun each
                page.keyboard.press("ArrowLeft")  # the scrub above ends right of the middle
                _rested(page)
                page.wait_for_timeout(300)  # the rerun's echo, had it drawn anything, would have drawn by now
            figures.rest_cpu_ms = (_cpu_ms(pid) - cpu_before) / rests
            figures.rest_bytes = (received[0] - bytes_before) / rests
            redraws = page.evaluate("() => document.querySelector('.bjx').bjx.redraws") - redraws_before
            figures.redraws_per_press = redraws / rests
        figures.rss_mb = _rss_mb(pid)

        errors: list[str] = []
        others = _open_sessions(browser, url, sessions - 1, in_browser, errors)
        pages = [page] + [p for _, p in others]
        cpu_before = _cpu_ms(pid)
        rounds = max(steps // 3, 5)
        figures.lost_presses += _scrub_together(pages, in_browser, rounds)
        figures.concurrent_cpu_ms_per_step = (_cpu_ms(pid) - cpu_before) / (rounds * len(pages))
        figures.concurrent_errors = len(errors) + _exceptions(pages)
        figures.rss_per_extra_session_mb = (_rss_mb(pid) - figures.rss_mb) / max(sessions - 1, 1)
        for extra, _ in others:
            extra.close()
        if name == "curated":
            canvas = f"{EXPLORER} .bjx-map canvas" if in_browser else '[data-testid="stDeckGlJsonChart"] canvas'
            figures.click_ms = _click_places(page, load(DEFAULT_DATA_DIR), canvas, in_browser)
        if in_browser:
            clicks = page.evaluate(CLICK_IN_PAGE, 12)
            if clicks is None:
                raise RuntimeError("a click in the list of every place did not draw its panel in the same frame")
            figures.click_in_page_ms = clicks
        context.close()
    if in_browser:
        # The same data on a server started again: its catalogue was validated by the server before.
        with running_app(data_dir=data_dir, script=script) as url:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            figures.restart_render_ms = _open(context.new_page(), url, in_browser)
            context.close()
    return figures


def _task_seconds(devtools) -> float:
    """The page's main-thread task time so far, in seconds, as Chrome's Performance domain counts it."""
    metrics = devtools.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


@dataclass
class Concurrency:
    """One server with `sessions` sessions scrubbing at once: what each step cost the server, and what failed."""

    sessions: int
    steps: int = 0  # presses, one per session per round
    cpu_ms_per_step: float = 0.0
    cpu_share: float = 0.0  # the server's CPU time over the wall time of the rounds: 1.0 is one core kept busy
    wall_ms_per_round: float = 0.0  # every session pressing once and showing its step
    errors: int = 0  # page errors and exceptions shown by the app
    lost_presses: int = 0
    rss_mb: float = 0.0


def measure_concurrency(browser, counts: list[int], steps: int) -> list[Concurrency]:
    """The app on the curated data with 5, 10, 20 ... sessions scrubbing at once, one server for all of them.

    Sessions are added to those already open, so each count measures that
    many connected at once; each round, every session presses a key and its
    slider rests, which costs the server one rerun per session.
    """
    results = []
    rounds = max(steps // 3, 5)
    with running_app() as url:
        pid = _server_pid(url)
        errors: list[str] = []
        opened: list = []
        for count in sorted(counts):
            opened += _open_sessions(browser, url, count - len(opened), True, errors)
            pages = [p for _, p in opened]
            _scrub_together(pages, True, 1)  # the new sessions' first rerun, outside the measurement
            errors_before = len(errors)
            cpu_before, started = _cpu_ms(pid), time.perf_counter()
            lost = _scrub_together(pages, True, rounds)
            wall_ms = (time.perf_counter() - started) * 1000
            cpu = _cpu_ms(pid) - cpu_before
            results.append(Concurrency(
                count, steps=rounds * count, cpu_ms_per_step=cpu / (rounds * count), cpu_share=cpu / wall_ms,
                wall_ms_per_round=wall_ms / rounds, errors=len(errors) - errors_before + _exceptions(pages),
                lost_presses=lost, rss_mb=_rss_mb(pid),
            ))
            print(f"  {count} sessions: {results[-1].cpu_ms_per_step:.1f} ms of server CPU per step", flush=True)
        for context, _ in opened:
            context.close()
    return results


def concurrency_report(results: list[Concurrency]) -> str:
    columns = [
        ("sessions", "sessions", "{}"), ("steps", "steps", "{}"),
        ("server CPU per step (ms)", "cpu_ms_per_step", "{:,.1f}"), ("CPU / wall time", "cpu_share", "{:.2f}"),
        ("round (ms)", "wall_ms_per_round", "{:,.0f}"), ("errors", "errors", "{}"),
        ("lost presses", "lost_presses", "{}"), ("memory (MB)", "rss_mb", "{:,.1f}"),
    ]
    widths = [len(label) + 2 for label, _, _ in columns]
    lines = ["".join(f"{label:>{width}}" for (label, _, _), width in zip(columns, widths)).strip()]
    for result in results:
        cells = (form.format(getattr(result, attribute)) for _, attribute, form in columns)
        lines.append("".join(f"{cell:>{width}}" for cell, width in zip(cells, widths))[2:])
    return "\n".join(lines)


def _ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}x" if base else "n/a"


def report(runs: list[Figures]) -> str:
    base = next(r for r in runs if r.name == "baseline")
    rows = [
        ("server start to healthy (ms)", "start_ms"),
        ("first render, fresh server (ms)", "cold_render_ms"),
        ("first render, server started again (ms)", "restart_render_ms"),
        ("first render, median of new sessions (ms)", "first_render_ms"),
        ("scrub p50 (ms)", "scrub_p50_ms"),
        ("scrub p95 (ms)", "scrub_p95_ms"),
        ("in page, input to deck.gl drawn, p50 (ms)", "in_page_p50_ms"),
        ("in page, input to deck.gl drawn, p95 (ms)", "in_page_p95_ms"),
        ("server CPU per scrub step (ms)", "cpu_ms_per_step"),
        ("browser CPU per scrub step (ms)", "browser_cpu_ms_per_step"),
        ("server CPU per resting step, one rerun (ms)", "rest_cpu_ms"),
        ("bytes sent per rest, one rerun", "rest_bytes"),
        ("map redraws per press, its rerun included", "redraws_per_press"),
        ("click to its panel, in the page, p50 (ms)", "click_in_page_p50_ms"),
        ("click to its panel, in the page, p95 (ms)", "click_in_page_p95_ms"),
        ("server CPU per step, 5 sessions (ms)", "concurrent_cpu_ms_per_step"),
        ("server memory (MB)", "rss_mb"),
        ("memory per extra session (MB)", "rss_per_extra_session_mb"),
        ("errors with 5 sessions", "concurrent_errors"),
        ("lost key presses", "lost_presses"),
    ]
    no_ratio = (
        "rss_per_extra_session_mb", "in_page_p50_ms", "in_page_p95_ms", "rest_cpu_ms", "rest_bytes", "redraws_per_press",
        "click_in_page_p50_ms", "click_in_page_p95_ms", "restart_render_ms",
    )
    names = [r.name for r in runs]
    lines = [f"{'':46}" + "".join(f"{n:>22}" for n in names)]
    for label, attribute in rows:
        cells = []
        for run in runs:
            value = getattr(run, attribute)
            cell = f"{value:,.1f}" if isinstance(value, float) else str(value)
            if run is base and attribute in no_ratio:
                cell = "-"
            elif run is not base and isinstance(value, float) and attribute not in no_ratio:
                cell += f" ({_ratio(value, getattr(base, attribute))})"
            cells.append(cell)
        lines.append(f"{label:46}" + "".join(f"{c:>22}" for c in cells))
    lines.append(f"{'one frame at 60 Hz (ms)':46}{'':22}" + "".join(f"{FRAME_MS:>22}" for _ in runs[1:]))
    curated = next((r for r in runs if r.name == "curated"), None)
    if curated is not None and curated.click_ms:
        lines.append("")
        lines.append(
            f"click on a place to its panel, p50 (ms): {curated.click_p50_ms:,.1f} now, "
            f"{PREVIOUS_CLICK_P50_MS:,.1f} recorded on the previous page ({_ratio(curated.click_p50_ms, PREVIOUS_CLICK_P50_MS)})"
        )
    lines.append("")
    lines.append("targets (ratio to baseline in this run):")
    for attribute, limits in TARGETS.items():
        for dataset, limit in limits.items():
            found = next((r for r in runs if r.name == dataset), None)
            if found is None:
                continue
            run = found
            ratio = getattr(run, attribute) / getattr(base, attribute) if getattr(base, attribute) else float("inf")
            verdict = "met" if ratio <= limit else "MISSED"
            lines.append(f"  {attribute} on {dataset}: {ratio:.2f}x (target <= {limit}x) {verdict}")
    for run in runs:
        if run is base:
            continue
        verdict = "met" if run.rest_bytes <= REST_BYTES_LIMIT else "MISSED"
        lines.append(f"  bytes sent per rest on {run.name}: {run.rest_bytes:,.0f} (target <= {REST_BYTES_LIMIT:,}) {verdict}")
        verdict = "met" if run.redraws_per_press <= 1 else "MISSED"
        lines.append(f"  map redraws per press on {run.name}: {run.redraws_per_press:.1f} (target 1) {verdict}")
        verdict = "met" if run.click_in_page_ms and run.click_in_page_p95_ms <= FRAME_MS else "MISSED"
        lines.append(f"  click to its panel in the page on {run.name}: p95 {run.click_in_page_p95_ms:.1f} ms "
                     f"(target <= one frame, {FRAME_MS} ms) {verdict}")
        if run.name == "synthetic":
            for label, value in (("a fresh server", run.cold_render_ms), ("a server started again", run.restart_render_ms)):
                verdict = "met" if value <= COLD_RENDER_LIMIT_MS else "MISSED"
                lines.append(f"  first render on {label} on {run.name}: {value:,.0f} ms (target <= {COLD_RENDER_LIMIT_MS:,} ms) {verdict}")
            if curated is not None and curated.browser_cpu_ms_per_step:
                ratio = run.browser_cpu_ms_per_step / curated.browser_cpu_ms_per_step
                verdict = "met" if ratio <= BROWSER_CPU_RATIO else "MISSED"
                lines.append(f"  browser CPU per step on {run.name}: {run.browser_cpu_ms_per_step:.1f} ms, {ratio:.2f}x the curated "
                             f"data's (target <= {BROWSER_CPU_RATIO}x) {verdict}")
        verdict = "met" if run.cpu_ms_per_step < CPU_LIMIT_MS else "MISSED"
        lines.append(f"  cpu_ms_per_step on {run.name}: {run.cpu_ms_per_step:.1f} ms (target < {CPU_LIMIT_MS:g} ms) {verdict}")
        verdict = "met" if run.lost_presses == 0 else "MISSED"
        lines.append(f"  lost key presses on {run.name}: {run.lost_presses} (target 0) {verdict}")
        verdict = "met" if run.rss_per_extra_session_mb <= 40 else "MISSED"
        lines.append(f"  memory per extra session on {run.name}: {run.rss_per_extra_session_mb:.1f} MB (target <= 40 MB) {verdict}")
        verdict = "met" if run.concurrent_errors == 0 else "MISSED"
        lines.append(f"  errors with 5 sessions on {run.name}: {run.concurrent_errors} (target 0) {verdict}")
    return "\n".join(lines)


def _counts(text: str) -> list[int]:
    """'5,10,20' as [5, 10, 20]: session counts, each at least 1."""
    try:
        counts = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected session counts such as 5,10,20, not {text!r}") from None
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("every session count must be at least 1")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=30, help="scrub steps per measurement (default 30)")
    parser.add_argument("--sessions", type=int, default=5, help="concurrent sessions (default 5)")
    parser.add_argument("--renders", type=int, default=5, help="new sessions whose first render is timed (default 5)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--skip-synthetic", action="store_true", help="leave out the 10,000-event run")
    parser.add_argument(
        "--concurrency", type=_counts, metavar="N,N,...",
        help="only the concurrent sessions, e.g. 5,10,20: one server on the curated data, that many sessions at once",
    )
    args = parser.parse_args(argv)
    runs = []
    with sync_playwright() as playwright, ExitStack() as stack:
        # A cache of validated catalogues of this run's own: a fresh server's first render is on data it never saw.
        os.environ[CACHE_ENV] = stack.enter_context(tempfile.TemporaryDirectory())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        if args.concurrency:
            print(f"measuring {', '.join(map(str, args.concurrency))} concurrent sessions ...", flush=True)
            results = measure_concurrency(browser, args.concurrency, args.steps)
            print()
            print(concurrency_report(results))
            if args.json:
                args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))
            return 0
        plan: list[tuple[str, str, Path | None]] = [("baseline", "tools/baseline_app.py", None), ("curated", "app.py", None)]
        if not args.skip_synthetic:
            synthetic = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "data"
            print("generating 10,000 events and 500 places ...", flush=True)
            generate(synthetic)
            plan.append(("synthetic", "app.py", synthetic))
        for name, script, data_dir in plan:
            print(f"measuring {name} ...", flush=True)
            runs.append(measure(name, browser, script, data_dir, args.steps, args.sessions, args.renders))
    print()
    print(report(runs))
    if args.json:
        args.json.write_text(json.dumps([
            asdict(r) | {"first_render_ms": r.first_render_ms, "scrub_p50_ms": r.scrub_p50_ms, "scrub_p95_ms": r.scrub_p95_ms,
                         "in_page_p50_ms": r.in_page_p50_ms, "click_p50_ms": r.click_p50_ms,
                         "click_in_page_p50_ms": r.click_in_page_p50_ms, "click_in_page_p95_ms": r.click_in_page_p95_ms}
            for r in runs
        ], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
