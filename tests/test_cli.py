"""`python -m blackjanuary validate [--data DIR]`: a summary and exit 0, or one line per problem and exit 1;
and `export --lang`: every format in the language asked for, an unknown language refused."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_formats import TITLES, translated_data

from blackjanuary.__main__ import main
from blackjanuary.i18n import tr

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
INVALID = Path(__file__).resolve().parent / "invalid"

OK = re.compile(r"ok: (\d+) events, (\d+) places, (\d+) sources, (\d+) narratives, (\d+) claims, (\d+) quotes verified")
PROBLEM = re.compile(r"\S.*\.yaml:\d+: \S.*")
SUMMARY = re.compile(r"\d+ problems? found")


def validate(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_tiny_valid_folder(make_data, capsys):
    code, out, err = validate(capsys, "--data", str(make_data()))
    assert (code, out, err) == (0, ["ok: 1 events, 2 places, 1 sources, 0 narratives, 0 claims, 1 quotes verified"], [])


def test_real_data(capsys):
    code, out, err = validate(capsys, "--data", str(DATA))
    assert code == 0, err
    assert err == []
    summary = OK.fullmatch(out[-1])
    assert summary, out
    events, places, sources, narratives, claims, quotes = map(int, summary.groups())
    assert events >= 20 and places >= 8 and sources == 5 and quotes >= events + claims
    assert narratives >= 2 and claims >= 10


def test_data_folder_from_the_environment(make_data, capsys, monkeypatch):
    monkeypatch.setenv("BLACKJANUARY_DATA", str(make_data(drop=["events.yaml"])))
    code, _out, err = validate(capsys)
    assert code == 1
    assert err[0].endswith("events.yaml:0: file is missing")


def test_warnings_go_to_stdout_and_still_pass(make_data, capsys):
    folder = make_data(edits=[("events.yaml", "    - avenue\n", "")])
    code, out, err = validate(capsys, "--data", str(folder))
    assert code == 0
    assert err == []
    assert out[0].endswith("places.yaml:10: warning: place 'avenue' is not used by any event")
    assert OK.fullmatch(out[-1])


@pytest.mark.parametrize(
    "change, expected",
    [
        (dict(edits=[("events.yaml", "    - avenue", "    - avenu")]),
         ["events.yaml:10: event 'crowd-gathers': unknown place 'avenu'"]),
        (dict(edits=[("events.yaml", "precision: approximate", "precision: hour")]),
         ["events.yaml:4: event 'crowd-gathers': start: 1990-01-19T23:30:00+04:00 is not on the hour, but precision is 'hour'",
          "events.yaml:5: event 'crowd-gathers': end: 1990-01-20T00:30:00+04:00 is not on the hour, but precision is 'hour'"]),
        (dict(files={"events.yaml": "[" * 10_000}), ["events.yaml:1: nested deeper than 40 levels"]),
        (dict(files={"sources/paper.txt": b"\xff\xfe"}),
         ["sources.yaml:2: source 'paper': file 'sources/paper.txt' is not UTF-8 text (byte 0)"]),
        (dict(drop=["sources.yaml", "places.yaml", "events.yaml"]),
         ["sources.yaml:0: file is missing", "places.yaml:0: file is missing", "events.yaml:0: file is missing"]),
    ],
    ids=["unknown place", "two problems", "deep nesting", "source not UTF-8", "empty folder"],
)
def test_one_line_per_problem_on_stderr(make_data, capsys, change, expected):
    folder = make_data(**change)
    code, out, err = validate(capsys, "--data", str(folder))
    assert code == 1
    assert all(": warning: " in line for line in out)  # warnings, if any, go to stdout
    *problems, summary = err
    assert [p.removeprefix(f"{folder}{os.sep}") for p in problems] == expected
    n = len(expected)
    assert summary == f"{n} problem{'s' if n != 1 else ''} found"


@pytest.mark.parametrize("case", sorted(INVALID.iterdir()), ids=lambda p: p.name)
def test_every_invalid_example_exits_1(make_data, capsys, case):
    if case.is_dir():
        folder = case
    else:
        folder = make_data(files={case.name.split("--")[0] + ".yaml": case.read_bytes()})
    code, _out, err = validate(capsys, "--data", str(folder))
    assert code == 1
    assert err and all(PROBLEM.fullmatch(line) for line in err[:-1]), err
    assert SUMMARY.fullmatch(err[-1])


def test_a_folder_that_is_not_there(tmp_path, capsys):
    code, _out, err = validate(capsys, "--data", str(tmp_path / "nowhere"))
    assert code == 1
    assert len(err) == 4 and all(line.endswith(": file is missing") for line in err[:3])


def test_a_yaml_file_that_is_a_folder(make_data, capsys):
    folder = make_data(drop=["places.yaml"])
    (folder / "places.yaml").mkdir()
    code, _out, err = validate(capsys, "--data", str(folder))
    assert code == 1
    assert err[0] == f"{folder / 'places.yaml'}:0: file could not be read: Is a directory"


# --- as a curator runs it: a real process, no traceback ----------------------


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "BLACKJANUARY_DATA"}
    return subprocess.run(
        [sys.executable, "-m", "blackjanuary", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=60,
    )


def test_process_ok_on_the_real_data():
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert OK.fullmatch(result.stdout.splitlines()[-1])
    assert result.stderr == ""


def test_process_reports_problems_without_a_traceback():
    result = run("validate", "--data", "tests/invalid/quote-case-changed")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "tests/invalid/quote-case-changed/events.yaml:17: event 'troops-enter', citation 2: quote not found verbatim "
        "in source 'note' (sources/note.txt): \"the troops entered baku by the land and sea\"",
        "1 problem found",
    ]
    assert result.stdout == ""


# --- export --lang -------------------------------------------------------------

EXPORT_SUMMARY = re.compile(r"wrote (?P<out>.+): 1 events, 2 places, 1 passages, \d+ kB")


@pytest.mark.parametrize("fmt", ["geojson", "timelinejs", "csv", "html"])
@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_export_takes_a_language(make_data, tmp_path, capsys, fmt, lang):
    out = tmp_path / f"out.{fmt}"
    code = main(["export", "--format", fmt, "--out", str(out), "--lang", lang, "--data", str(translated_data(make_data))])
    stdout, stderr = capsys.readouterr()
    assert (code, stderr) == (0, "")
    text = out.read_bytes().decode("utf-8-sig")
    assert TITLES[lang] in text
    assert all(TITLES[other] not in text for other in TITLES if other != lang)
    # The quote in English in every language: as written (CSV), escaped in JSON, on one line in HTML.
    assert any(quote in text for quote in ("the crowd gathered\non the square", "the crowd gathered\\non the square",
                                           "the crowd gathered on the square"))
    if fmt == "html":
        assert stdout == f"wrote {out}: '{tr(lang, 'chronology_narrative')}', 1 step, {len(out.read_bytes()) / 1e6:.1f} MB\n"
    else:
        assert EXPORT_SUMMARY.fullmatch(stdout.strip())


def test_export_language_is_english_by_default(make_data, tmp_path, capsys):
    folder = translated_data(make_data)
    english, default = tmp_path / "en.csv", tmp_path / "default.csv"
    assert main(["export", "--format", "csv", "--out", str(english), "--lang", "en", "--data", str(folder)]) == 0
    assert main(["export", "--format", "csv", "--out", str(default), "--data", str(folder)]) == 0
    assert english.read_bytes() == default.read_bytes()
    assert b",en,A crowd gathers," in default.read_bytes()


@pytest.mark.parametrize("value", ["de", "AZ", "", "en,az"])
def test_export_refuses_a_language_it_does_not_have(make_data, tmp_path, capsys, value):
    out = tmp_path / "x.csv"
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--format", "csv", "--out", str(out), "--lang", value, "--data", str(make_data())])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --lang: invalid choice: '{value}' (choose from " in err
    assert not out.exists()


def test_process_exports_in_russian(tmp_path):
    out = tmp_path / "places.geojson"
    result = run("export", "--format", "geojson", "--out", str(out), "--lang", "ru")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout.startswith(f"wrote {out}: ")
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["lang"] for f in features} == {"ru"}
    assert {f["properties"]["name_local"] for f in features} >= {"круг «20 Января»"}
