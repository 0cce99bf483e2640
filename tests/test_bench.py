"""The benchmark's arithmetic and report, on figures made up for the purpose (the measuring needs a browser)."""

from benchmarks.bench import Figures, report


def figures(name: str, renders: list[float], scrub: list[float], cpu: float, extra_mb: float = 1.0, **more) -> Figures:
    return Figures(
        name, start_ms=800.0, cold_render_ms=renders[0], render_ms=renders, scrub_ms=scrub,
        cpu_ms_per_step=cpu, rss_mb=150.0, rss_per_extra_session_mb=extra_mb, **more,
    )


def test_first_render_is_the_median_of_new_sessions_and_p95_the_slow_tail():
    run = figures("curated", [9_000.0, 4_000.0, 5_000.0, 4_500.0, 6_000.0], [100.0] * 19 + [300.0], 20.0)
    assert run.first_render_ms == 5_000.0
    assert run.scrub_p50_ms == 100.0
    assert 100.0 < run.scrub_p95_ms < 300.0


def test_report_gives_ratios_to_the_baseline_and_a_verdict_per_target():
    text = report([
        figures("baseline", [4_000.0] * 5, [100.0] * 20, 20.0),
        figures("curated", [3_800.0] * 5, [45.0] * 20, 2.0, extra_mb=45.0, in_page_ms=[12.0, 14.0, 30.0],
                click_ms=[400.0, 500.0, 450.0], rest_bytes=310.0, redraws_per_press=1.0, click_in_page_ms=[3.0, 4.0, 5.0]),
        figures("synthetic", [9_000.0] * 5, [70.0] * 20, 6.0, lost_presses=1, rest_bytes=60_000.0,
                redraws_per_press=2.0, click_in_page_ms=[15.0, 20.0, 40.0]),
    ])
    assert "first_render_ms on curated: 0.95x (target <= 1.0x) met" in text
    assert "scrub_p95_ms on curated: 0.45x (target <= 0.5x) met" in text
    assert "scrub_p95_ms on synthetic: 0.70x (target <= 0.6x) MISSED" in text
    assert "cpu_ms_per_step on curated: 2.0 ms (target < 5 ms) met" in text
    assert "cpu_ms_per_step on synthetic: 6.0 ms (target < 5 ms) MISSED" in text
    assert "lost key presses on synthetic: 1 (target 0) MISSED" in text
    assert "memory per extra session on curated: 45.0 MB (target <= 40 MB) MISSED" in text
    assert "click on a place to its panel, p50 (ms): 450.0 now, 950.6 recorded on the previous page (0.47x)" in text
    assert "3,800.0 (0.95x)" in text
    assert "bytes sent per rest on curated: 310 (target <= 50,000) met" in text
    assert "bytes sent per rest on synthetic: 60,000 (target <= 50,000) MISSED" in text
    assert "map redraws per press on curated: 1.0 (target 1) met" in text
    assert "map redraws per press on synthetic: 2.0 (target 1) MISSED" in text
    assert "click to its panel in the page on curated: p95 4.9 ms (target <= one frame, 16.7 ms) met" in text
    assert "click to its panel in the page on synthetic: p95 38.0 ms (target <= one frame, 16.7 ms) MISSED" in text
    [clicks] = [line for line in text.splitlines() if line.startswith("click to its panel, in the page, p50")]
    assert clicks.split()[-2:] == ["4.0", "20.0"]
    [in_page] = [line for line in text.splitlines() if line.startswith("in page, input to deck.gl drawn, p50")]
    assert in_page.split()[-2:] == ["14.0", "0.0"]  # the curated run's median, and none for synthetic


# --- what the benchmark runs -----------------------------------------------------


def test_synthetic_data_validates_without_errors(tmp_path):
    """The 10,000-event data is built from real sentences, attributed as the loader asks: it must load."""
    from benchmarks.synthetic import generate
    from blackjanuary import check

    catalog, problems = check(generate(tmp_path / "data", events=400, places=40))
    assert catalog is not None, [str(p) for p in problems if p.severity == "error"][:5]
    assert len(catalog.events) == 400
    assert not [p for p in problems if "rests on" in p.message]  # every edge written in its `when`


def test_the_concurrency_report_has_a_row_per_session_count():
    from benchmarks.bench import Concurrency, concurrency_report

    text = concurrency_report([
        Concurrency(5, steps=50, cpu_ms_per_step=9.44, cpu_share=0.04, wall_ms_per_round=1_261.0, rss_mb=123.2),
        Concurrency(20, steps=200, cpu_ms_per_step=12.9, cpu_share=0.02, wall_ms_per_round=11_811.0, lost_presses=5),
    ])
    header, five, twenty = text.splitlines()
    assert header.split("  ")[0] == "sessions"
    assert five.split() == ["5", "50", "9.4", "0.04", "1,261", "0", "0", "123.2"]
    assert twenty.split()[:2] == ["20", "200"] and twenty.split()[-2] == "5"


def test_session_counts_are_read_from_a_comma_list():
    import argparse

    import pytest

    from benchmarks.bench import _counts

    assert _counts("5,10,20") == [5, 10, 20]
    for bad in ("5,x", "0,5", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            _counts(bad)


def test_the_report_judges_the_first_render_and_the_browsers_cpu_on_the_large_catalogue():
    text = report([
        figures("baseline", [4_000.0] * 5, [100.0] * 20, 20.0),
        figures("curated", [3_000.0] * 5, [45.0] * 20, 2.0, browser_cpu_ms_per_step=10.0, restart_render_ms=2_000.0),
        figures("synthetic", [6_000.0] * 5, [50.0] * 20, 3.0, browser_cpu_ms_per_step=14.0, restart_render_ms=3_000.0),
    ])
    assert "first render on a fresh server on synthetic: 6,000 ms (target <= 3,500 ms) MISSED" in text
    assert "first render on a server started again on synthetic: 3,000 ms (target <= 3,500 ms) met" in text
    assert "browser CPU per step on synthetic: 14.0 ms, 1.40x the curated data's (target <= 1.5x) met" in text
    [restart] = [line for line in text.splitlines() if line.startswith("first render, server started again")]
    assert restart.split()[-3:] == ["-", "2,000.0", "3,000.0"]
