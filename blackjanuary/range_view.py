"""Everything the Explore page shows for one scrubber range, computed once and looked up per step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .i18n import tr
from .loading import Catalog
from .maps import place_statuses
from .models import Event
from .timeline import RANGES, Status, StepChanges, StepIndex, build_step_index, step_label
from .timeline_figure import TimelineLayout, layout_timeline


@dataclass
class RangeView:
    catalog: Catalog
    index: StepIndex
    layout: TimelineLayout
    statuses: tuple[dict[str, Status], ...]

    @property
    def steps(self) -> tuple[datetime, ...]:
        return self.index.steps

    def active_events(self, position: int) -> list[Event]:
        active = self.index.active[position]
        return [e for e in self.catalog.events if e.id in active]

    def split_active(self, position: int) -> tuple[list[Event], list[Event]]:
        """Events at a step, split into those of the moment and the long periods they sit in.

        A period counts as background when it lasts more than four times the
        whole range: the months of rallies, seen from one hour of the night.
        """
        time_range = self.index.range
        range_end = time_range.next_step(time_range.end)
        limit = (range_end - time_range.start) * 4
        active = self.active_events(position)

        def length(e: Event) -> timedelta:  # an open edge counts to the range's edge, all that is seen of it
            return (e.end or range_end) - (e.start or time_range.start)

        return [e for e in active if length(e) <= limit], [e for e in active if length(e) > limit]

    def open_events(self, position: int) -> list[Event]:
        """Events that began at an earlier step and whose end the texts do not give."""
        still_open = self.index.open[position]
        return [e for e in self.catalog.events if e.id in still_open]

    def changes(self, position: int) -> StepChanges:
        """What this step shows that the step before did not."""
        return self.index.changes[position]

    def change_lines(self, position: int, lang: str = "en") -> tuple[str, list[str]]:
        """A heading and one line per kind of change since the step before, or the line saying there is none.

        Only a few hours of the night differ in the evidence; where a step
        differs in nothing, it says so instead of listing the same events as
        if they were news.
        """
        changes = self.index.changes[position]
        if position == 0:
            heading = tr(lang, "changed_first")
        else:
            heading = tr(lang, "changed_heading", previous=step_label(self.steps[position - 1], self.index.range, lang))

        def titles(ids: tuple[str, ...]) -> str:
            return "; ".join(self.catalog.require_event(i).title for i in ids)  # ids of the catalogue's own events

        lines = [
            tr(lang, key, titles=titles(ids))
            for key, ids in (
                ("changed_begun", changes.begun), ("changed_over", changes.over), ("changed_over_by", changes.over_by),
                ("changed_day_ended", changes.day_ended),
            )
            if ids
        ]
        return heading, lines or [tr(lang, "changed_nothing")]


def range_view(catalog: Catalog, range_key: str) -> RangeView:
    time_range = RANGES[range_key]
    index = build_step_index(time_range, catalog.events)
    statuses = tuple(
        place_statuses(catalog, active, past, still_open)
        for active, past, still_open in zip(index.active, index.past, index.open)
    )
    return RangeView(catalog, index, layout_timeline(time_range, catalog.events), statuses)
