"""The benchmark's arithmetic and report, on figures made up for the purpose (the measuring needs a browser)."""

from blackjanuary.bench import Figures, report


def figures(name: str, renders: list[float], scrub: list[float], cpu: float, extra_mb: float = 1.0) -> Figures:
    return Figures(
        name, start_ms=800.0, cold_render_ms=renders[0], render_ms=renders, scrub_ms=scrub,
        cpu_ms_per_step=cpu, rss_mb=150.0, rss_per_extra_session_mb=extra_mb,
    )


def test_first_render_is_the_median_of_new_sessions_and_p95_the_slow_tail():
    run = figures("curated", [9_000.0, 4_000.0, 5_000.0, 4_500.0, 6_000.0], [100.0] * 19 + [300.0], 20.0)
    assert run.first_render_ms == 5_000.0
    assert run.scrub_p50_ms == 100.0
    assert 100.0 < run.scrub_p95_ms < 300.0


def test_report_gives_ratios_to_the_baseline_and_a_verdict_per_target():
    text = report([
        figures("baseline", [4_000.0] * 5, [100.0] * 20, 20.0),
        figures("curated", [4_800.0] * 5, [120.0] * 20, 40.0, extra_mb=45.0),
        figures("synthetic", [9_000.0] * 5, [250.0] * 20, 60.0),
    ])
    assert "first_render_ms on curated: 1.20x (target <= 1.3x) met" in text
    assert "scrub_p95_ms on curated: 1.20x (target <= 1.25x) met" in text
    assert "scrub_p95_ms on synthetic: 2.50x (target <= 2.0x) MISSED" in text
    assert "cpu_ms_per_step on curated: 2.00x (target <= 1.5x) MISSED" in text
    assert "memory per extra session on curated: 45.0 MB (target <= 40 MB) MISSED" in text
    assert "4,800.0 (1.20x)" in text
