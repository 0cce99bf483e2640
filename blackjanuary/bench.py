"""Benchmark the explorer in headless Chromium against a bare Streamlit app with the same widgets.

    python -m blackjanuary.bench [--steps 30] [--renders 5] [--json FILE]

Measures, for the app on the curated data, the app on 10,000 generated events
and the baseline (tools/baseline_app.py), all in one run: server start to
healthy, first render (the first session of a fresh server, and the median
over several new sessions, each with an empty browser cache), scrub latency
(key press on the slider until the rerun has finished and the page is idle;
p50/p95), server CPU time per scrub step, server memory, and memory per extra
session with five sessions scrubbing at once. Prints the figures and their ratios to the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .devserver import running_app
from .synthetic import generate

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
    "scrub_p95_ms": {"curated": 1.25, "synthetic": 2.0},
    "cpu_ms_per_step": {"curated": 1.5},
    "first_render_ms": {"curated": 1.3},
}

# Counts reruns as the page sees them: each time the script state leaves "notRunning".
WATCH_RERUNS = """() => {
  window.__reruns = 0;
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') === 'running') window.__reruns += 1;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
SETTLED = """(before) => {
  const app = document.querySelector('[data-testid="stApp"]');
  return window.__reruns > before && app.getAttribute('data-test-script-state') === 'notRunning';
}"""
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


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

    @property
    def first_render_ms(self) -> float:
        """The median first render of a new session: one drawing in software WebGL varies by a second."""
        return statistics.median(self.render_ms) if self.render_ms else 0.0

    @property
    def scrub_p50_ms(self) -> float:
        return statistics.median(self.scrub_ms) if self.scrub_ms else 0.0

    @property
    def scrub_p95_ms(self) -> float:
        if len(self.scrub_ms) < 2:
            return self.scrub_p50_ms
        return statistics.quantiles(self.scrub_ms, n=20, method="inclusive")[18]


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


def _open(page: Page, url: str) -> float:
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=120_000)
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=60_000)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    page.evaluate(TWO_FRAMES)
    elapsed = (time.perf_counter() - started) * 1000
    page.evaluate(WATCH_RERUNS)
    return elapsed


def _scrub(page: Page, steps: int) -> tuple[list[float], int]:
    """Press arrow keys on the slider, back and forth, timing each press until the page is idle again.

    Returns the times and the number of presses that started no rerun within
    LOST_AFTER_MS (Streamlit drops the odd key press that lands while the
    slider re-renders); those are left out of the times and counted.
    """
    slider = page.get_by_role("slider").first
    slider.focus()
    times, lost = [], 0
    for i in range(steps):
        key = "ArrowRight" if (i // 6) % 2 == 0 else "ArrowLeft"
        page.wait_for_timeout(SETTLE_MS)  # untimed: let the previous step's last frames go by
        before = page.evaluate("() => window.__reruns")
        started = time.perf_counter()
        page.keyboard.press(key)
        try:
            page.wait_for_function(SETTLED, arg=before, timeout=LOST_AFTER_MS, polling="raf")
        except PlaywrightTimeout:
            lost += 1
            continue
        page.evaluate(TWO_FRAMES)
        times.append((time.perf_counter() - started) * 1000)
    return times, lost


def _first_renders(browser, url: str, count: int) -> list[float]:
    """First renders of `count` new sessions in turn, each in a new browser context (an empty cache)."""
    renders = []
    for _ in range(count):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        renders.append(_open(context.new_page(), url))
        context.close()
    return renders


def measure(
    name: str, browser, script: str, data_dir: Path | None, steps: int, sessions: int, renders: int = 5
) -> Figures:
    figures = Figures(name)
    started = time.perf_counter()
    with running_app(data_dir=data_dir, script=script) as url:
        figures.start_ms = (time.perf_counter() - started) * 1000
        pid = _server_pid(url)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        figures.cold_render_ms = _open(page, url)  # the first session of the server: nothing cached yet
        # Later sessions open while this one stays: Streamlit keeps compiled pages while a session is connected.
        figures.render_ms = [figures.cold_render_ms] + _first_renders(browser, url, renders - 1)
        _scrub(page, 4)  # warm caches for the steps the measurement visits
        cpu_before = _cpu_ms(pid)
        figures.scrub_ms, figures.lost_presses = _scrub(page, steps)
        figures.cpu_ms_per_step = (_cpu_ms(pid) - cpu_before) / max(len(figures.scrub_ms), 1)
        figures.rss_mb = _rss_mb(pid)

        others = []
        errors: list[str] = []
        for _ in range(sessions - 1):
            extra = browser.new_context(viewport={"width": 1280, "height": 800})
            extra_page = extra.new_page()
            extra_page.on("pageerror", lambda err: errors.append(str(err)))
            _open(extra_page, url)
            others.append((extra, extra_page))
        pages = [page] + [p for _, p in others]
        sliders = [p.get_by_role("slider").first for p in pages]
        # Five sessions press keys in turn without waiting for one another; each then settles.
        cpu_before = _cpu_ms(pid)
        rounds = max(steps // 3, 5)
        for i in range(rounds):
            page.wait_for_timeout(SETTLE_MS)
            befores = [p.evaluate("() => window.__reruns") for p in pages]
            for slider in sliders:  # press() focuses first: only one page of a browser has the keyboard
                slider.press("ArrowRight" if (i // 6) % 2 == 0 else "ArrowLeft")
            for p, before in zip(pages, befores):
                try:
                    p.wait_for_function(SETTLED, arg=before, timeout=LOST_AFTER_MS, polling=100)
                except PlaywrightTimeout:
                    figures.lost_presses += 1
        figures.concurrent_cpu_ms_per_step = (_cpu_ms(pid) - cpu_before) / (rounds * len(pages))
        exceptions = sum(p.locator('[data-testid="stException"]').count() for p in pages)
        figures.concurrent_errors = len(errors) + exceptions
        figures.rss_per_extra_session_mb = (_rss_mb(pid) - figures.rss_mb) / max(sessions - 1, 1)
        for extra, _ in others:
            extra.close()
        context.close()
    return figures


def _ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}x" if base else "n/a"


def report(runs: list[Figures]) -> str:
    base = next(r for r in runs if r.name == "baseline")
    rows = [
        ("server start to healthy (ms)", "start_ms"),
        ("first render, fresh server (ms)", "cold_render_ms"),
        ("first render, median of new sessions (ms)", "first_render_ms"),
        ("scrub p50 (ms)", "scrub_p50_ms"),
        ("scrub p95 (ms)", "scrub_p95_ms"),
        ("server CPU per scrub step (ms)", "cpu_ms_per_step"),
        ("server CPU per step, 5 sessions (ms)", "concurrent_cpu_ms_per_step"),
        ("server memory (MB)", "rss_mb"),
        ("memory per extra session (MB)", "rss_per_extra_session_mb"),
        ("errors with 5 sessions", "concurrent_errors"),
        ("key presses that started no rerun", "lost_presses"),
    ]
    names = [r.name for r in runs]
    lines = [f"{'':44}" + "".join(f"{n:>22}" for n in names)]
    for label, attribute in rows:
        cells = []
        for run in runs:
            value = getattr(run, attribute)
            cell = f"{value:,.1f}" if isinstance(value, float) else str(value)
            if run is not base and isinstance(value, float) and attribute not in ("rss_per_extra_session_mb",):
                cell += f" ({_ratio(value, getattr(base, attribute))})"
            cells.append(cell)
        lines.append(f"{label:44}" + "".join(f"{c:>22}" for c in cells))
    lines.append("")
    lines.append("targets (ratio to baseline in this run):")
    for attribute, limits in TARGETS.items():
        for dataset, limit in limits.items():
            run = next((r for r in runs if r.name == dataset), None)
            if run is None:
                continue
            ratio = getattr(run, attribute) / getattr(base, attribute) if getattr(base, attribute) else float("inf")
            verdict = "met" if ratio <= limit else "MISSED"
            lines.append(f"  {attribute} on {dataset}: {ratio:.2f}x (target <= {limit}x) {verdict}")
    for run in runs:
        if run is base:
            continue
        verdict = "met" if run.rss_per_extra_session_mb <= 40 else "MISSED"
        lines.append(f"  memory per extra session on {run.name}: {run.rss_per_extra_session_mb:.1f} MB (target <= 40 MB) {verdict}")
        verdict = "met" if run.concurrent_errors == 0 else "MISSED"
        lines.append(f"  errors with 5 sessions on {run.name}: {run.concurrent_errors} (target 0) {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m blackjanuary.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=30, help="scrub steps per measurement (default 30)")
    parser.add_argument("--sessions", type=int, default=5, help="concurrent sessions (default 5)")
    parser.add_argument("--renders", type=int, default=5, help="new sessions whose first render is timed (default 5)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--skip-synthetic", action="store_true", help="leave out the 10,000-event run")
    args = parser.parse_args(argv)
    runs = []
    with sync_playwright() as playwright, ExitStack() as stack:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        plan = [("baseline", "tools/baseline_app.py", None), ("curated", "app.py", None)]
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
            asdict(r) | {"first_render_ms": r.first_render_ms, "scrub_p50_ms": r.scrub_p50_ms, "scrub_p95_ms": r.scrub_p95_ms}
            for r in runs
        ], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
