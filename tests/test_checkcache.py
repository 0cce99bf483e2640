"""The validated catalogue kept between server starts: taken again only for the very bytes it was checked from."""

from __future__ import annotations

import pickle

from blackjanuary import checkcache, streets
from blackjanuary.checkcache import cached_check, data_digest
from blackjanuary.loading import check


def test_valid_data_is_checked_once_and_then_taken_from_the_cache(make_data, tmp_path, monkeypatch):
    folder, cache = make_data(), tmp_path / "cache"
    first, problems = cached_check(folder, cache)
    assert first is not None and len(list(cache.glob("*.pickle"))) == 1
    monkeypatch.setattr(checkcache, "check", lambda d: (_ for _ in ()).throw(AssertionError("checked again")))
    again, problems_again = cached_check(folder, cache)
    assert again is not None and again is not first
    assert [e.id for e in again.events] == [e.id for e in first.events]
    assert [str(p) for p in problems_again] == [str(p) for p in problems]
    assert again.events_at(first.events[0].places[0]) == first.events_at(first.events[0].places[0])


def test_a_changed_quote_is_checked_afresh_and_its_problem_found(make_data, tmp_path):
    folder, cache = make_data(), tmp_path / "cache"
    assert cached_check(folder, cache)[0] is not None
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    quote = "the crowd"
    assert quote in text
    events.write_text(text.replace(quote, "the army", 1), encoding="utf-8")
    catalog, problems = cached_check(folder, cache)
    assert catalog is None and problems == check(folder)[1]
    # Invalid data is not kept: its problems are found anew each time.
    assert len(list(cache.glob("*.pickle"))) == 1


def test_a_cut_short_entry_is_checked_afresh_and_replaced(make_data, tmp_path):
    folder, cache = make_data(), tmp_path / "cache"
    cached_check(folder, cache)
    [entry] = cache.glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])
    catalog, _ = cached_check(folder, cache)
    assert catalog is not None
    with entry.open("rb") as file:
        assert pickle.load(file)[0] is not None


def test_the_key_follows_the_code_the_folder_and_the_streets(make_data, tmp_path, monkeypatch):
    folder = make_data()
    key = data_digest(folder)
    assert data_digest(folder) == key
    assert data_digest(make_data()) != key, "another folder with the same files names its problems otherwise"
    manifest = tmp_path / "streets" / streets.MANIFEST
    manifest.parent.mkdir()
    manifest.write_text('{"road_paths": {}}', encoding="utf-8")
    assert data_digest(folder, manifest.parent) != key
    monkeypatch.setattr(checkcache, "_code_digest", lambda: "other code")
    assert data_digest(folder) != key


def test_turned_off_it_writes_nothing(make_data, tmp_path, monkeypatch):
    monkeypatch.setenv(checkcache.CACHE_ENV, "off")
    assert checkcache.cache_dir() is None
    assert cached_check(make_data())[0] is not None
    monkeypatch.setenv(checkcache.CACHE_ENV, str(tmp_path / "here"))
    assert checkcache.cache_dir() == tmp_path / "here"


def test_it_keeps_only_the_newest_entries(make_data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setattr(checkcache, "KEPT", 2)
    for _ in range(4):
        cached_check(make_data(), cache)
    assert len(list(cache.glob("*.pickle"))) == 2
    assert not list(cache.glob("*.part"))
