"""A target's light from its milestones and accepted progress; pure, so the board, the timers and tests agree."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from hub.models.targets import Light, Milestone

# Yellow when the next unmet milestone is due within this many working days.
WARN_WORKING_DAYS = 3


def cumulative(milestones: Sequence[Milestone]) -> list[tuple[Milestone, int]]:
    """Each milestone with the progress (percent) the target must have reached by its date."""
    total = sum(m.weight for m in milestones) or 1
    out: list[tuple[Milestone, int]] = []
    running = 0
    for m in sorted(milestones, key=lambda m: m.due):
        running += m.weight
        out.append((m, round(running * 100 / total)))
    return out


def expected_progress(milestones: Sequence[Milestone], today: date) -> int:
    """What the schedule asks for by today: the cumulative share of the milestones already due."""
    due = [pct for m, pct in cumulative(milestones) if m.due < today]
    return due[-1] if due else 0


def light_of(milestones: Sequence[Milestone], progress: int, today: date,
             working_days_until: Callable[[date], int]) -> Light:
    """Red: a milestone whose day has passed is not reached. Yellow: the next unmet one is due within
    WARN_WORKING_DAYS working days. Green otherwise (on track or ahead)."""
    for m, pct in cumulative(milestones):
        if progress >= pct:
            continue
        if m.due < today:
            return "red"
        return "yellow" if working_days_until(m.due) <= WARN_WORKING_DAYS else "green"
    return "green"


def next_unmet(milestones: Sequence[Milestone], progress: int) -> Milestone | None:
    return next((m for m, pct in cumulative(milestones) if progress < pct), None)
