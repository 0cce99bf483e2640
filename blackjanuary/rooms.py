"""One lesson on two screens: the teacher's presenter view and the class's projector view show the same slide.

A room is a short code that both views carry in their link. Whichever view
moves to a slide moves the room, and the other follows the next time it
looks (the projector view looks every second). Rooms live in this server
process's memory only: a lesson, not a record; a room nobody has moved for
`ttl` is forgotten, and past `limit` rooms the one moved longest ago goes.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

CODE = re.compile(r"^[a-z0-9]{8}$")
_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no l, o, 0 or 1: a code read aloud or copied by hand


@dataclass(frozen=True)
class Position:
    """Where a room is: the narrative and the step, and how many moves it has seen (a new move, a new number)."""

    narrative: str
    step: int
    moves: int


class Rooms:
    """The open rooms of this process, safe to share between the server's sessions (each runs in its own thread)."""

    def __init__(self, limit: int = 500, ttl: float = 12 * 3600, clock: Callable[[], float] = time.monotonic):
        self._limit, self._ttl, self._clock = limit, ttl, clock
        self._rooms: OrderedDict[str, tuple[Position, float]] = OrderedDict()
        self._lock = threading.Lock()

    def open(self, narrative: str, step: int) -> str:
        """A new room at this slide; its code."""
        with self._lock:
            self._forget_old()
            code = "".join(secrets.choice(_ALPHABET) for _ in range(8))
            while code in self._rooms:
                code = "".join(secrets.choice(_ALPHABET) for _ in range(8))
            self._rooms[code] = (Position(narrative, step, 0), self._clock())
            while len(self._rooms) > self._limit:
                self._rooms.popitem(last=False)
            return code

    def where(self, code: str) -> Position | None:
        """Where the room is now; None for a code that is not (or no longer) open."""
        with self._lock:
            self._forget_old()
            found = self._rooms.get(code)
            return found[0] if found else None

    def move(self, code: str, narrative: str, step: int) -> Position | None:
        """Move the room to this slide; None for a code that is not open. Staying put is not a move."""
        with self._lock:
            self._forget_old()
            found = self._rooms.get(code)
            if found is None:
                return None
            position = found[0]
            if (position.narrative, position.step) != (narrative, step):
                position = Position(narrative, step, position.moves + 1)
            self._rooms[code] = (position, self._clock())
            self._rooms.move_to_end(code)
            return position

    def _forget_old(self) -> None:
        now = self._clock()
        while self._rooms:
            code, (_, moved) = next(iter(self._rooms.items()))
            if now - moved <= self._ttl:
                break
            del self._rooms[code]


ROOMS = Rooms()  # the server's rooms: every session of this process shares them
