"""`python -m blackjanuary geocode`: geopy's real Nominatim code path against a fake Nominatim on 127.0.0.1.

Each test copies the real data folder, takes the coordinates off a place or
two, points the command at a small HTTP server that answers /search the way
Nominatim does and records every request, and checks what the curator would
see: the messages, the exit code, and places.yaml byte by byte.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from blackjanuary import check, geocode
from blackjanuary.__main__ import main

DATA = Path(__file__).resolve().parent.parent / "data"
ALLEY, KREMLIN, TV = "alley-of-martyrs", "moscow-kremlin", "tv-centre"
ANSWER = {"lat": "40.3577812", "lon": "49.8269437", "display_name": "Şəhidlər xiyabanı, Səbail, Baku, Azerbaijan"}
FETCHED = date(2026, 1, 20)  # the day the tests' lookups are made on, whenever they run
TODAY = FETCHED.isoformat()


class _FetchDay(date):
    @classmethod
    def today(cls) -> date:
        return FETCHED


@pytest.fixture(autouse=True)
def fetched_on_one_day(monkeypatch):
    """Every lookup is dated the same day: a run that crosses midnight must not turn the expected date stale."""
    monkeypatch.setattr("blackjanuary.geocode.date", _FetchDay)


# --- a fake Nominatim -----------------------------------------------------


class FakeNominatim(ThreadingHTTPServer):
    """Answers /search like Nominatim: `answers` by query (a list, or an HTTP status), else `default`."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict] = []
        self.answers: dict[str, list | int] = {}
        self.default: list | int = [ANSWER]
        self.delay = 0.0

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    @property
    def queries(self) -> list[str]:
        return [r["params"]["q"] for r in self.requests]


class _Handler(BaseHTTPRequestHandler):
    server: FakeNominatim

    def do_GET(self):
        url = urlsplit(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        self.server.requests.append(
            {"time": time.monotonic(), "path": url.path, "params": params, "headers": dict(self.headers)}
        )
        time.sleep(self.server.delay)
        answer = self.server.answers.get(params.get("q"), self.server.default) if url.path == "/search" else 404
        try:
            if isinstance(answer, int):
                self.send_error(answer)
                return
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
            pass

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture
def nominatim(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server = FakeNominatim()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setenv(geocode.DOMAIN_VARIABLE, server.domain)
    monkeypatch.setenv(geocode.SCHEME_VARIABLE, "http")
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def no_wait(monkeypatch):
    """For tests about something else than the rate limit, which has its own test."""
    monkeypatch.setattr(geocode, "MIN_DELAY_SECONDS", 0.0)


# --- data folders ---------------------------------------------------------


def chunks(text: str) -> list[str]:
    """The file's header and its records: places.yaml keeps one blank line between them."""
    return text.split("\n\n")


def chunk_of(text: str, place: str) -> str:
    (found,) = [c for c in chunks(text) if f"- id: {place}\n" in c]
    return found


def without_coordinates(text: str, *places: str) -> str:
    for place in places:
        chunk = chunk_of(text, place)
        kept = "\n".join(line for line in chunk.split("\n") if not line.startswith(("  lat:", "  lon:")))
        assert kept != chunk
        text = text.replace(chunk, kept)
    return text


@pytest.fixture
def make_folder(tmp_path):
    """A copy of the real data folder, with the coordinates of `places` taken off (or `text` as places.yaml)."""
    made = []

    def make(*places: str, text: str | None = None) -> Path:
        made.append(None)
        folder = tmp_path / f"data{len(made)}"
        shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns(geocode.CACHE_FILE))
        original = (DATA / "places.yaml").read_text(encoding="utf-8")
        places_yaml = text if text is not None else without_coordinates(original, *places)
        (folder / "places.yaml").write_text(places_yaml, encoding="utf-8")
        return folder

    return make


def run(capsys, folder: Path, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["geocode", "--data", str(folder), *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def places_text(folder: Path) -> str:
    return (folder / "places.yaml").read_text(encoding="utf-8")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def point_ids() -> list[str]:
    return [p["id"] for p in yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8")) if p["kind"] == "point"]


# --- filling in -----------------------------------------------------------


def test_fills_in_a_missing_point(make_folder, nominatim, capsys):
    folder = make_folder(ALLEY)
    code, out, err = run(capsys, folder)
    assert (code, err) == (0, [])
    assert out[0].startswith("filled 1 place in ") and out[0].endswith("places.yaml from Nominatim (OpenStreetMap):")
    assert out[1] == (
        f"  {ALLEY}: 40.35778, 49.82694 for 'Alley of Martyrs': {ANSWER['display_name']} "
        f"(looked up, fetched {TODAY})"
    )
    catalog, problems = check(folder)
    assert catalog is not None, problems
    place = catalog.places[ALLEY]
    assert (place.lat, place.lon) == (40.35778, 49.82694)
    assert " ".join(place.coordinates_ref.split()) == (
        f"Nominatim (OpenStreetMap), query 'Alley of Martyrs', {ANSWER['display_name']}, "
        f"fetched {TODAY}; © OpenStreetMap contributors, ODbL"
    )
    assert main(["validate", "--data", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_keeps_comments_order_and_formatting(make_folder, nominatim, capsys):
    text = without_coordinates((DATA / "places.yaml").read_text(encoding="utf-8"), ALLEY)
    alley = chunk_of(text, ALLEY)
    commented = (
        alley.replace("  kind: point\n", "  kind: point   # on the hill\n")
        .replace("  description: |-\n", "  # the memorial itself, not the park\n  description: |-\n")
        .replace("  coordinates_ref: |-\n", "  coordinates_ref: |-  # to be looked up\n")
    )
    text = text.replace(alley, "# a comment between places\n" + commented)
    folder = make_folder(text=text)

    assert run(capsys, folder)[0] == 0
    after = places_text(folder)
    before_chunks, after_chunks = chunks(text), chunks(after)
    assert len(after_chunks) == len(before_chunks)
    changed = [i for i, (b, a) in enumerate(zip(before_chunks, after_chunks)) if a != b]
    assert [before_chunks[i] for i in changed] == [chunk_of(text, ALLEY)], "only the looked-up place changes"

    old, new = before_chunks[changed[0]].split("\n"), after_chunks[changed[0]].split("\n")
    kind = old.index("  kind: point   # on the hill")
    assert new[: kind + 1] == old[: kind + 1]
    assert new[kind + 1 : kind + 3] == ["  lat: 40.35778", "  lon: 49.82694"]
    reference = old.index("  coordinates_ref: |-  # to be looked up")
    assert new[kind + 3 : reference + 2] == old[kind + 1 : reference]
    assert new[reference + 2] == "  coordinates_ref: |-  # to be looked up"
    assert all(line.startswith("    ") and len(line) <= 80 for line in new[reference + 3 :])
    record = next(p for p in yaml.safe_load(after) if p["id"] == ALLEY)
    assert list(record) == ["id", "name", "names", "kind", "lat", "lon", "description", "coordinates_ref"]


def test_keeps_windows_line_endings(make_folder, nominatim, capsys):
    text = without_coordinates((DATA / "places.yaml").read_text(encoding="utf-8"), ALLEY)
    folder = make_folder(text=text)
    (folder / "places.yaml").write_bytes(text.replace("\n", "\r\n").encode())
    assert run(capsys, folder)[0] == 0
    written = (folder / "places.yaml").read_bytes()
    assert b"\r\n  lat: 40.35778\r\n  lon: 49.82694\r\n" in written
    assert b"\n" not in written.replace(b"\r\n", b"")


def test_a_place_without_a_coordinates_ref_gets_one(make_folder, nominatim, capsys):
    text = without_coordinates((DATA / "places.yaml").read_text(encoding="utf-8"), ALLEY)
    alley = chunk_of(text, ALLEY)
    text = text.replace(alley, alley[: alley.index("  coordinates_ref:")].rstrip("\n"))
    folder = make_folder(text=text)
    assert run(capsys, folder)[0] == 0
    catalog, problems = check(folder)
    assert catalog is not None, problems
    assert catalog.places[ALLEY].coordinates_ref.startswith("Nominatim (OpenStreetMap), query 'Alley of Martyrs'")


def test_falls_back_to_the_azerbaijani_name(make_folder, nominatim, no_wait, capsys):
    nominatim.answers["Alley of Martyrs"] = []
    folder = make_folder(ALLEY)
    code, _out, err = run(capsys, folder)
    assert (code, err) == (0, [])
    assert nominatim.queries == ["Alley of Martyrs", "Şəhidlər xiyabanı"]
    assert "query 'Şəhidlər xiyabanı'" in " ".join(check(folder)[0].places[ALLEY].coordinates_ref.split())


KARABAKH = "nagorno-karabakh"


@pytest.mark.parametrize(
    "place, old, new",
    [
        (ALLEY, "  lat: 40.35778\n", ""),
        (ALLEY, "  lon: 49.82694\n", ""),
        (ALLEY, "  lat: 40.35778\n  lon: 49.82694\n", "  lat:\n  lon: ~   # to look up\n"),
        (KARABAKH, "  lat: 39.81528\n  lon: 46.75194\n", ""),  # the last place, in a file without a final newline
    ],
    ids=["no lat", "no lon", "empty lat and lon", "last in the file"],
)
def test_odd_shapes_of_a_missing_point(make_folder, nominatim, capsys, place, old, new):
    original = (DATA / "places.yaml").read_text(encoding="utf-8")
    chunk = chunk_of(original, place)
    text = original.replace(chunk, chunk.replace(old, new)).rstrip("\n")
    code, _out, err = run(capsys, folder := make_folder(text=text))
    assert (code, err) == (0, [])
    catalog, problems = check(folder)
    assert catalog is not None, problems
    assert (catalog.places[place].lat, catalog.places[place].lon) == (40.35778, 49.82694)
    if "#" in new:
        assert "\n  lon: 49.82694   # to look up\n" in places_text(folder)


def test_a_place_written_as_a_flow_mapping_is_left_alone(make_folder, nominatim, capsys):
    flow = "- {id: lonely, name: Lonely place, names: {az: Tənha, ru: Одинокое}, kind: point, description: A place., coordinates_ref: to do}\n"
    folder = make_folder(text=(DATA / "places.yaml").read_text(encoding="utf-8") + "\n" + flow)
    before = places_text(folder)
    code, _out, err = run(capsys, folder)
    assert code == 1
    assert "place 'lonely': written as a flow mapping ({...}); write it as a block to geocode it" in err[0]
    assert nominatim.requests == []
    assert_unchanged(folder, before)


# --- hand-set coordinates and --force -------------------------------------


def test_nothing_to_do(make_folder, nominatim, capsys):
    folder = make_folder()
    before = places_text(folder)
    code, out, err = run(capsys, folder)
    assert (code, err) == (0, [])
    assert out == [f"all {len(point_ids())} point places already have coordinates; use --force to redo them"]
    assert nominatim.requests == []
    assert places_text(folder) == before


def test_hand_set_coordinates_stay_without_force(make_folder, nominatim, capsys):
    folder = make_folder(ALLEY)
    before = places_text(folder)
    code, out, _err = run(capsys, folder)
    assert code == 0
    assert nominatim.queries == ["Alley of Martyrs"]
    after = places_text(folder)
    for place in point_ids():
        if place != ALLEY:
            assert chunk_of(after, place) == chunk_of(before, place)
    assert out[-2] == f"kept {len(point_ids()) - 1} point places that already had coordinates (--force redoes them)"


def test_force_redoes_every_point_place(make_folder, nominatim, no_wait, capsys):
    folder = make_folder()
    before = places_text(folder)
    code, out, err = run(capsys, folder, "--force")
    assert (code, err) == (0, [])
    points = point_ids()
    assert len(nominatim.requests) == len(points)
    catalog, problems = check(folder)
    assert catalog is not None, problems
    for place in points:
        assert (catalog.places[place].lat, catalog.places[place].lon) == (40.35778, 49.82694)
        assert catalog.places[place].coordinates_ref.startswith("Nominatim (OpenStreetMap)")
    assert chunk_of(places_text(folder), "neftchiler-avenue") == chunk_of(before, "neftchiler-avenue")
    assert any(line.startswith(f"  {TV}: ") and "; was 40.36100, 49.82400, " in line for line in out)


# --- what is sent ---------------------------------------------------------


def test_user_agent_and_the_bias_to_baku(make_folder, nominatim, no_wait, capsys):
    assert run(capsys, make_folder(ALLEY, KREMLIN))[0] == 0
    alley, kremlin = nominatim.requests
    for request in (alley, kremlin):
        assert request["path"] == "/search"
        assert request["headers"]["User-Agent"] == "blackjanuary-explorer/1.0 (curator geocoding)"
        assert request["params"]["format"] == "json"
        assert "bounded" not in request["params"]
    assert alley["params"]["q"] == "Alley of Martyrs"
    assert alley["params"]["viewbox"] == "49.6,40.25,50.3,40.6"
    assert kremlin["params"]["q"] == "Moscow, the Kremlin"
    assert "viewbox" not in kremlin["params"]  # in_baku: false


def test_at_most_one_request_a_second(make_folder, nominatim, capsys):
    assert geocode.MIN_DELAY_SECONDS >= 1.0
    assert run(capsys, make_folder(ALLEY, KREMLIN))[0] == 0
    first, second = (r["time"] for r in nominatim.requests)
    assert second - first >= 1.0


def test_answers_are_cached_on_disk(make_folder, nominatim, capsys):
    folder = make_folder(ALLEY)
    before = places_text(folder)
    assert run(capsys, folder)[0] == 0
    filled = places_text(folder)
    cache = json.loads((folder / geocode.CACHE_FILE).read_text(encoding="utf-8"))
    assert cache["answers"]["Alley of Martyrs (near Baku)"]["display_name"] == ANSWER["display_name"]

    (folder / "places.yaml").write_text(before, encoding="utf-8")
    nominatim.default = 500  # would fail, if it were asked
    code, out, err = run(capsys, folder)
    assert (code, err) == (0, [])
    assert len(nominatim.requests) == 1
    assert "(from the cache, fetched " in out[1]
    assert places_text(folder) == filled


# --- failures change nothing ----------------------------------------------


def assert_unchanged(folder: Path, before: str) -> None:
    assert places_text(folder) == before
    assert leftovers(folder) == []


def test_an_empty_answer(make_folder, nominatim, no_wait, capsys):
    nominatim.default = []
    folder = make_folder(ALLEY)
    before = places_text(folder)
    code, out, err = run(capsys, folder)
    assert code == 1
    assert out == []
    line = before.split("\n").index(f"- id: {ALLEY}") + 1
    assert err[0].endswith(
        f"places.yaml:{line}: place '{ALLEY}': Nominatim found nothing for 'Alley of Martyrs' nor "
        "'Şəhidlər xiyabanı'; check the name, or set lat/lon by hand"
    )
    assert err[1].endswith("places.yaml was not changed: 1 of 1 place could not be geocoded")
    assert_unchanged(folder, before)


@pytest.mark.parametrize(
    "status, words",
    [
        (429, "refused the request (HTTP 429 Too Many Requests)"),
        (403, "refused the request (HTTP 403 Forbidden)"),
        (500, "failed to answer (HTTP 500 Internal Server Error)"),
        (503, "failed to answer (HTTP 503 Service Unavailable)"),
    ],
)
def test_a_refused_request(make_folder, nominatim, capsys, status, words):
    nominatim.default = status
    folder = make_folder(ALLEY, KREMLIN)
    before = places_text(folder)
    code, _out, err = run(capsys, folder)
    assert code == 1
    assert len(nominatim.requests) == 1, "no retries, and nothing more asked after a refusal"
    assert f"place '{ALLEY}': {nominatim.domain} {words}" in err[0]
    assert f"place '{KREMLIN}': not looked up, since an earlier request failed" in err[1]
    assert err[2].endswith("was not changed: 2 of 2 places could not be geocoded")
    assert_unchanged(folder, before)


@pytest.mark.parametrize("answer", [[{"display_name": "Somewhere"}], [{"lat": "north", "lon": "49.8"}], {"oops": 1}])
def test_an_unreadable_answer(make_folder, nominatim, capsys, answer):
    nominatim.default = answer
    folder = make_folder(ALLEY)
    before = places_text(folder)
    code, _out, err = run(capsys, folder)
    assert code == 1
    assert err[0].endswith(f"place '{ALLEY}': the answer from {nominatim.domain} could not be read")
    assert_unchanged(folder, before)


def test_one_failure_writes_nothing_but_keeps_what_was_found(make_folder, nominatim, capsys):
    nominatim.answers["Moscow, the Kremlin"] = 500
    folder = make_folder(ALLEY, KREMLIN)
    before = places_text(folder)
    code, _out, err = run(capsys, folder)
    assert code == 1
    assert [line.split(": ", 1)[1].split(":")[0] for line in err[:1]] == [f"place '{KREMLIN}'"]
    assert err[-1].endswith("; the answers found are cached, so a rerun asks only for the rest")
    assert_unchanged(folder, before)

    del nominatim.answers["Moscow, the Kremlin"]
    code, _out, err = run(capsys, folder)
    assert (code, err) == (0, [])
    assert nominatim.queries == ["Alley of Martyrs", "Moscow, the Kremlin", "Moscow, the Kremlin"]


def test_no_network(make_folder, nominatim, monkeypatch, capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"127.0.0.1:{probe.getsockname()[1]}"
    monkeypatch.setenv(geocode.DOMAIN_VARIABLE, closed)
    folder = make_folder(ALLEY)
    before = places_text(folder)
    code, _out, err = run(capsys, folder)
    assert code == 1
    assert f"place '{ALLEY}': could not reach {closed} (" in err[0]
    assert err[0].endswith("); is there a network connection?")
    assert len(err) == 2
    assert_unchanged(folder, before)


def test_a_timeout(make_folder, nominatim, monkeypatch, capsys):
    monkeypatch.setattr(geocode, "TIMEOUT_SECONDS", 0.3)
    nominatim.delay = 1.0
    folder = make_folder(ALLEY)
    before = places_text(folder)
    code, _out, err = run(capsys, folder)
    assert code == 1
    assert err[0].endswith(f"place '{ALLEY}': no answer from {nominatim.domain} within 0.3 s")
    assert_unchanged(folder, before)


# --- an interrupted write -------------------------------------------------


def test_a_failed_rename_leaves_the_file_whole(make_folder, nominatim, monkeypatch, capsys):
    folder = make_folder(ALLEY)
    before = places_text(folder)
    real_replace = geocode.os.replace

    def replace(source, target):
        if Path(target).name == "places.yaml":
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(geocode.os, "replace", replace)
    code, _out, err = run(capsys, folder)
    assert code == 1
    assert len(err) == 1
    assert err[0].endswith("places.yaml was not changed: it could not be written ([Errno 28] No space left on device)")
    assert_unchanged(folder, before)
    assert (folder / geocode.CACHE_FILE).exists(), "the answer is kept for the next run"


def test_an_interruption_mid_write_leaves_the_file_whole(make_folder, nominatim, monkeypatch, capsys):
    folder = make_folder(ALLEY)
    before = places_text(folder)
    assert run(capsys, folder)[0] == 0  # fills the cache, so the next run writes only places.yaml
    (folder / "places.yaml").write_text(before, encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(geocode.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main(["geocode", "--data", str(folder)])
    assert_unchanged(folder, before)


# --- validate points here -------------------------------------------------


def test_validate_suggests_geocoding(make_folder, capsys):
    assert main(["validate", "--data", str(make_folder(ALLEY))]) == 1
    err = capsys.readouterr().err
    assert f"place '{ALLEY}': a point place needs both lat and lon; run `python -m blackjanuary geocode` to look it up" in err
