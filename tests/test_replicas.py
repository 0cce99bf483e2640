"""The README's recipe for a school, run here: two app servers on loopback behind Debian's nginx.

Several pupils open Explore through the proxy at once and scrub. nginx must
keep each pupil on one server (Streamlit keeps a session in the server that
opened it), proxy the session's websocket, spread the pupils over both
servers, and drop none. Every client here is 127.0.0.1, so the proxy sticks
by an X-Client header that each browser context sends, standing in for a
pupil's own address (`ip_hash` in production). Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import time

import pytest
from browsing import DESKTOP, settle
from playwright.sync_api import expect

from blackjanuary.replicas import nginx, nginx_config, running_replicas

pytestmark = [
    pytest.mark.replicas,
    pytest.mark.skipif(nginx() is None, reason="nginx is not installed: `make nginx` installs Debian's"),
]
PUPILS = [f"pupil-{n}" for n in range(1, 7)]
LOGGED_WITHIN_S = 15

expect.set_options(timeout=60_000)


def test_the_configuration_sticks_by_address_in_production(tmp_path):
    config = nginx_config(["127.0.0.1:8501", "127.0.0.1:8502"], 8080, tmp_path)
    assert "ip_hash;" in config and "hash $http_x_client" not in config
    for line in ("proxy_http_version 1.1;", "proxy_set_header Upgrade $http_upgrade;",
                 "proxy_set_header Connection $connection_upgrade;", "listen 127.0.0.1:8080;"):
        assert line in config
    assert "hash $http_x_client;" in nginx_config(["127.0.0.1:8501"], 8080, tmp_path, by="header")


def test_pupils_spread_over_both_servers_stick_to_one_and_none_is_dropped(browser):
    with running_replicas(2, by="header") as replicas:
        opened = []
        try:
            for pupil in PUPILS:  # all open at once, each its own browser and "machine"
                context = browser.new_context(viewport=DESKTOP, extra_http_headers={"X-Client": pupil})
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
                page.goto(replicas.url)
                settle(page)
                page.locator(".bjx[data-drawn]").wait_for(timeout=60_000)
                opened.append((context, page, errors))
            for _, page, _ in opened:  # each scrubs; the resting step reaches its server over the websocket
                page.locator(".bjx-slider").press("ArrowRight")
            for _, page, errors in opened:
                page.wait_for_function("() => new URLSearchParams(location.search).get('t') === '1990-01-20T01:00'")
                settle(page)
                assert page.get_by_test_id("stException").count() == 0
                assert errors == []
        finally:
            for context, _, _ in opened:
                context.close()
        # A websocket is logged when it closes: wait for every pupil's.
        deadline = time.monotonic() + LOGGED_WITHIN_S
        while len(replicas.streams_by_client()) < len(PUPILS) and time.monotonic() < deadline:
            time.sleep(0.2)
        streams = replicas.streams_by_client()
        servers = replicas.servers_by_client()

    assert sorted(streams) == sorted(PUPILS)
    for pupil in PUPILS:
        assert len(servers[pupil]) == 1, f"{pupil}'s requests went to {servers[pupil]}"
        # One websocket for the whole visit, upgraded (101), on the pupil's one server: none dropped or moved.
        assert [(s.status, s.server) for s in streams[pupil]] == [(101, *servers[pupil])]
    assert set().union(*servers.values()) == set(replicas.servers), "the pupils all went to one server"
    assert all(r.status < 400 for r in replicas.requests())
