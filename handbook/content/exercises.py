"""Exercises: the timing check and the facilitator's at-a-glance box."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.content.model import Exercise

SUGGESTED_LABEL = "handbook suggestion"


@dataclass(frozen=True)
class Slot:
    clock: str  # "0:05–0:15"
    minutes: int
    step: str


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def slots(meta: Exercise) -> list[Slot]:
    """The timing as clock times from the start, for a facilitator's watch."""
    out, start = [], 0
    for step in meta.timing:
        out.append(Slot(f"{_clock(start)}–{_clock(start + step.minutes)}", step.minutes, step.step))
        start += step.minutes
    return out


def group_size(meta: Exercise) -> str:
    size = meta.group_size
    if size.min == size.max:
        return f"{size.min} {'person' if size.min == 1 else 'people'}"
    return f"{size.min} to {size.max} people"
