"""Assigning a pool of trainees to a study's arms: stratified, balanced and reproducible from a seed.

Pure functions, no database: `assessments.study_pool` turns trainees and candidates into `Unit`s
and `assessments.services.study_randomise` writes the result.

The rule (DESIGN.md, "Evaluation studies"):
- Units are put in a fixed order first (their `key`, e.g. the trainee's id), so that the result
  depends on the pool and the seed only, never on the order a query happened to return.
- One `random.Random(seed)`, never the global generator: the same pool and seed give the same
  assignment on any machine, which is what lets a reader of the report check it.
- Within each stratum (taken in sorted order) the units are shuffled and dealt to the arms in
  turn. The deal carries on from one stratum to the next, starting at a random arm, so the arms'
  sizes differ by at most one within every stratum and overall.
- With parallel forms, the members of each arm alternate between the two orders of the forms
  (A then B, or B then A) as they are dealt, starting at random per arm and carrying on across
  strata: half of each arm within each stratum takes form B first (at most one apart), and half
  of each arm overall.
"""

import random
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """One member of the pool: `key` orders the pool (unique, sortable), `stratum` groups it."""

    key: tuple
    stratum: str


@dataclass(frozen=True)
class Allocation:
    key: tuple
    stratum: str
    arm: int  # index into the study's arms, in their fixed order
    forms_reversed: bool


def allocate(units: list[Unit], *, arms: int, seed: int, parallel_forms: bool) -> list[Allocation]:
    """Each unit's arm (and order of the forms), sorted by key. See the module's docstring for the rule."""
    if arms < 2:
        raise ValueError("a study needs at least two arms to randomise into")
    keys = [unit.key for unit in units]
    if len(set(keys)) != len(keys):
        raise ValueError("every unit of the pool needs its own key")
    rng = random.Random(seed)  # noqa: S311 -- reproducible from the stored seed, not a secret
    by_stratum: dict[str, list[Unit]] = defaultdict(list)
    for unit in sorted(units, key=lambda unit: unit.key):
        by_stratum[unit.stratum].append(unit)
    next_arm = rng.randrange(arms)
    b_first_next = [rng.random() < 0.5 for _arm in range(arms)]
    allocations = []
    for stratum in sorted(by_stratum):
        members = by_stratum[stratum]
        rng.shuffle(members)
        for unit in members:
            arm, next_arm = next_arm, (next_arm + 1) % arms
            reverse = parallel_forms and b_first_next[arm]
            if parallel_forms:
                b_first_next[arm] = not b_first_next[arm]
            allocations.append(Allocation(unit.key, stratum, arm, reverse))
    return sorted(allocations, key=lambda allocation: allocation.key)
