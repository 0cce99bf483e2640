"""One lesson on two screens: the rooms the presenter and projector views share, their links, and the
two views following each other through AppTest (the browser side is in test_projector_browser.py)."""

from __future__ import annotations

import threading

import pytest
from helpers import APP, TIMEOUT
from streamlit.testing.v1 import AppTest

from blackjanuary.rooms import CODE, ROOMS, Position, Rooms
from blackjanuary.urls import present_params, room_from_params


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_room_opens_where_the_presenter_is_and_counts_its_moves():
    rooms = Rooms()
    code = rooms.open("night", 3)
    assert CODE.match(code)
    assert rooms.where(code) == Position("night", 3, 0)
    assert rooms.move(code, "night", 4) == Position("night", 4, 1)
    assert rooms.move(code, "night", 4) == Position("night", 4, 1)  # staying put is not a move
    assert rooms.move(code, "years", 0) == Position("years", 0, 2)
    assert rooms.where("nosuchrm") is None and rooms.move("nosuchrm", "night", 1) is None


def test_rooms_nobody_moves_are_forgotten_and_the_oldest_go_first():
    clock = Clock()
    rooms = Rooms(limit=2, ttl=60, clock=clock)
    first = rooms.open("night", 0)
    clock.now = 30
    second = rooms.open("night", 0)
    clock.now = 50
    rooms.move(first, "night", 1)  # moving a room keeps it
    clock.now = 95
    assert rooms.where(second) is None and rooms.where(first) == Position("night", 1, 1)
    third, fourth = rooms.open("night", 0), rooms.open("night", 0)
    assert rooms.where(first) is None  # past the limit, the one moved longest ago
    assert rooms.where(third) and rooms.where(fourth)


def test_codes_are_distinct_and_safe_to_share_between_threads():
    rooms = Rooms(limit=10_000)
    codes: list[str] = []

    def open_many() -> None:
        for _ in range(500):
            codes.append(rooms.open("night", 0))

    threads = [threading.Thread(target=open_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(codes)) == 2000 and all(CODE.match(c) for c in codes)
    assert not set("lo01") & set("".join(codes))  # no letter a teacher could misread


@pytest.mark.parametrize("asked, found, notice", [
    ({}, None, None),
    ({"room": "BAD!"}, None, "The lesson \"BAD!\" is no longer open"),
    ({"room": "abcdefgh"}, None, "The lesson \"abcdefgh\" is no longer open"),
])
def test_a_link_s_room_must_be_open(asked, found, notice):
    code, said = room_from_params(asked, Rooms().where)
    assert code == found
    assert (said is None) if notice is None else said.startswith(notice)


def test_an_open_room_is_taken_from_the_link():
    rooms = Rooms()
    code = rooms.open("night", 2)
    assert room_from_params({"room": code}, rooms.where) == (code, None)
    assert present_params("night", 2, room=code, view="projector") == {
        "narrative": "night", "step": "2", "room": code, "view": "projector"}
    assert present_params("night", 2) == {"narrative": "night", "step": "2"}


def _present(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.query_params.clear()
    at.query_params.update(query)
    return at.switch_page("app_pages/present.py").run()


def test_the_projector_follows_the_presenter_through_the_room():
    presenter = _present({"narrative": "night-hour-by-hour", "step": "3"})
    [link] = presenter.get("link_button")
    code = link.proto.url.split("room=")[1].split("&")[0]
    assert ROOMS.where(code) == Position("night-hour-by-hour", 3, 0)

    projector = _present({"narrative": "night-hour-by-hour", "step": "9", "view": "projector", "room": code})
    assert projector.title[0].value == presenter.title[0].value  # arriving, it shows the lesson's slide, not the link's
    assert dict(projector.query_params)["step"] == "3"

    presenter.button(key="next").click().run()
    assert ROOMS.where(code).step == 4
    projector.run()  # what its once-a-second look does when the room has moved
    assert dict(projector.query_params)["step"] == "4" and projector.title[0].value == presenter.title[0].value

    projector.button(key="key-Right").click().run()  # a clicker on the projector's machine
    assert ROOMS.where(code).step == 5
    presenter.run()
    assert presenter.selectbox(key="p_step").value == 5


def test_a_projector_whose_room_is_closed_says_so_and_stands_alone():
    projector = _present({"narrative": "night-hour-by-hour", "step": "2", "view": "projector", "room": "zzzzzzzz"})
    assert not projector.exception
    assert any("no longer open" in w.value for w in projector.warning)
    assert "room" not in dict(projector.query_params)
    projector.button(key="key-Right").click().run()
    assert dict(projector.query_params)["step"] == "3"
