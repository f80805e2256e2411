"""Which attempt counts, as Moodle's quiz statistics choose it (STATS.md, "Which attempt counts").

Only finished attempts take part. "first" and "last" take the lowest and the highest attempt number; "best"
takes the highest score, an attempt awaiting grading counting as 0, ties (within TOLERANCE) going to the
lowest number. The choice is made before looking at grading: a trainee whose chosen attempt is not graded
yet is left out and listed as awaiting grading, never given another attempt instead, because a practised
second attempt must not stand in for a first one (and would flatter a pre/post comparison).
"""

import math

from ._common import TOLERANCE

METHODS = ("first", "last", "best")


def select_counted(attempts, method: str) -> dict:
    """`attempts`: dicts {"trainee", "number", "finished": bool, "score": float | None (awaiting grading)}.

    Returns {"selected": [[trainee, number], ...], "awaiting_grading": [trainee, ...]}, both sorted by trainee;
    a trainee with no finished attempt is in neither list.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    finished = _finished_by_trainee(attempts)
    selected, awaiting = [], []
    for trainee in _sorted(finished):
        chosen = _choose(finished[trainee], method)
        if chosen["score"] is None:
            awaiting.append(trainee)
        else:
            selected.append([trainee, chosen["number"]])
    return {"selected": selected, "awaiting_grading": awaiting}


def _finished_by_trainee(attempts) -> dict:
    by_trainee: dict = {}
    for attempt in attempts:
        score = attempt["score"]
        if score is not None and not math.isfinite(score):
            raise ValueError("an attempt's score must be a finite number or None (awaiting grading)")
        numbers = by_trainee.setdefault(attempt["trainee"], {})
        if attempt["number"] in numbers:
            raise ValueError(f"trainee {attempt['trainee']!r} has two attempts numbered {attempt['number']!r}")
        numbers[attempt["number"]] = attempt
    finished_by_trainee = {}
    for trainee, numbers in by_trainee.items():
        finished = [numbers[number] for number in sorted(numbers) if numbers[number]["finished"]]
        if finished:
            finished_by_trainee[trainee] = finished
    return finished_by_trainee


def _choose(attempts: list[dict], method: str) -> dict:
    """The counted one of a trainee's finished attempts, which are sorted by number."""
    if len(attempts) == 1:  # most trainees: every rule chooses the only one
        return attempts[0]
    if method == "first":
        return attempts[0]
    if method == "last":
        return attempts[-1]
    best = max(_score_or_zero(attempt) for attempt in attempts)
    return next(attempt for attempt in attempts if _score_or_zero(attempt) >= best - TOLERANCE)


def _score_or_zero(attempt: dict) -> float:
    return 0.0 if attempt["score"] is None else float(attempt["score"])


def _sorted(trainees) -> list:
    try:
        return sorted(trainees)
    except TypeError:  # mixed kinds of identifiers (e.g. 7 and "7"): sort by their text
        return sorted(trainees, key=str)
