"""Driving the app in Chromium: open a page that records what it asked for and any error, wait for reruns;
the link's parameters, screenshots, and the layout check the browser tests share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, Page

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
DESKTOP = {"width": 1280, "height": 800}
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# Streamlit's frontend probes <page path>/_stcore/health and <page path>/_stcore/host-config
# when the page is opened at a deep path such as /sources; the server answers 404 and
# the frontend falls back to the root endpoints. Those two 404s, and only those, are expected.
STREAMLIT_PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")


@dataclass
class Traffic:
    """What a page asked for and complained about while a test drove it."""

    urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def hosts(self) -> set[str]:
        return {urlsplit(u).netloc for u in self.urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")}


def _expected_probe(url: str) -> bool:
    return bool(STREAMLIT_PROBE.match(urlsplit(url).path))


def open_page(browser: Browser, viewport: dict = DESKTOP) -> tuple[Page, Traffic]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(30_000)
    traffic = Traffic()
    page.on("request", lambda request: traffic.urls.append(request.url))
    page.on("pageerror", lambda error: traffic.errors.append(f"page error: {error}"))
    page.on(
        "response",
        lambda response: response.status >= 400 and not _expected_probe(response.url)
        and traffic.errors.append(f"HTTP {response.status}: {response.url}"),
    )
    # Only errors: WebGL's 'GPU stall due to ReadPixels' notes arrive as warnings.
    page.on(
        "console",
        lambda message: message.type == "error" and not _expected_probe(message.location.get("url", ""))
        and traffic.errors.append(f"console: {message.text} ({message.location.get('url')})"),
    )
    return page, traffic


# On Explore the passage panel follows the map: the component asks for it once its map is drawn, and the page
# sends it in a short rerun of the component's fragment, while which Streamlit may fade the component as stale.
PANEL_HELD = """() => {
  const root = document.querySelector('.bjx');
  return !root || !root.bjx || !root.bjx.payload || !!(root.bjx.panel || root.bjx.payload.panel);
}"""


def settle(page: Page) -> None:
    """The page idle, and on Explore with the passage panel arrived (and its rerun over)."""
    page.wait_for_selector(IDLE)
    page.wait_for_function(PANEL_HELD)
    page.wait_for_selector(IDLE)


def visit(page: Page, url: str) -> None:
    page.goto(url)
    settle(page)


def params(page: Page) -> dict[str, str]:
    """The page's link parameters, one value each."""
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def screenshot(page: Page, name: str, full_page: bool = False) -> None:
    """A screenshot in test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=full_page)


# The layout check: what is wider than the window, so that the page scrolls sideways. [] when nothing is.
OVERFLOW = """() => {
    const wide = [];
    const root = document.scrollingElement;
    if (root.scrollWidth > innerWidth) wide.push(`document: ${root.scrollWidth} > ${innerWidth}`);
    for (const id of ['stMain', 'stMainBlockContainer']) {
        const el = document.querySelector(`[data-testid="${id}"]`);
        if (el.scrollWidth > el.clientWidth) wide.push(`${id}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return wide;
}"""


@dataclass
class DiskTraffic:
    """What a page opened from disk asked for, what the guard refused, and what it complained about."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_from_disk(
    browser: Browser, path: Path, fragment: str = "", *, only_itself: bool = False, viewport: dict | None = None,
) -> tuple[Page, DiskTraffic]:
    """Open an exported file from disk in an offline context that aborts every request off `file:`.

    With `only_itself`, the file's own address is the one request let through.
    Page errors and console errors are collected (only errors: plotly.js warns
    through console.trace about hatched bars' colours).
    """
    context = browser.new_context(viewport=viewport or DESKTOP, offline=True)
    traffic = DiskTraffic()

    def guard(route):
        url = route.request.url
        allowed = url.split("#")[0] == path.as_uri() if only_itself else urlsplit(url).scheme == "file"
        if allowed:
            route.continue_()
        else:
            traffic.blocked.append(url)
            route.abort("internetdisconnected")

    context.route("**/*", guard)
    page = context.new_page()
    page.on("request", lambda request: traffic.requests.append(request.url))
    page.on("pageerror", lambda error: traffic.errors.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and traffic.errors.append(f"console: {message.text}"))
    page.goto(path.as_uri() + fragment)
    return page, traffic
