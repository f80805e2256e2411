"""The assignment rule itself (assessments.randomisation.allocate): reproducible from the seed, balanced
within every stratum, half of each arm on form B first, and independent of the global random generator."""

import random
from collections import Counter

import pytest

from assessments.randomisation import Unit, allocate

STRATA = {
    "35 Jawa Timur|female": 7,
    "35 Jawa Timur|male": 5,
    "63 Kalimantan Selatan|-": 1,
    "63 Kalimantan Selatan|female": 12,
}


def _pool(strata=STRATA) -> list[Unit]:
    units, key = [], 0
    for stratum, size in strata.items():
        for _ in range(size):
            key += 1
            units.append(Unit((0, key * 7 % 101), stratum))
    return units


def _spread(counter: Counter, keys) -> int:
    counts = [counter[key] for key in keys]
    return max(counts) - min(counts)


def test_the_same_pool_and_seed_give_the_same_assignment_whatever_the_order():
    units = _pool()
    first = allocate(units, arms=2, seed=20260301, parallel_forms=True)
    shuffled = list(reversed(units))
    assert allocate(shuffled, arms=2, seed=20260301, parallel_forms=True) == first
    assert allocate(units, arms=2, seed=20260302, parallel_forms=True) != first


def test_the_global_random_generator_is_neither_used_nor_disturbed():
    units = _pool()
    random.seed(1)
    state = random.getstate()
    first = allocate(units, arms=3, seed=5, parallel_forms=True)
    assert random.getstate() == state
    random.seed(2)
    assert allocate(units, arms=3, seed=5, parallel_forms=True) == first


@pytest.mark.parametrize("arms", [2, 3, 4])
@pytest.mark.parametrize("seed", [0, 1, 7, 123456789])
def test_arm_sizes_differ_by_at_most_one_within_each_stratum_and_overall(arms, seed):
    allocations = allocate(_pool(), arms=arms, seed=seed, parallel_forms=False)
    for stratum in STRATA:
        cell = Counter(a.arm for a in allocations if a.stratum == stratum)
        assert _spread(cell, range(arms)) <= 1, stratum
    assert _spread(Counter(a.arm for a in allocations), range(arms)) <= 1
    assert sorted(a.key for a in allocations) == sorted(u.key for u in _pool())


@pytest.mark.parametrize("seed", [0, 3, 99, 2**31 - 1])
def test_half_of_each_arm_takes_form_b_first_within_each_stratum(seed):
    allocations = allocate(_pool(), arms=2, seed=seed, parallel_forms=True)
    for arm in range(2):
        mine = [a for a in allocations if a.arm == arm]
        assert _spread(Counter(a.forms_reversed for a in mine), (True, False)) <= 1
        for stratum in STRATA:
            cell = [a for a in mine if a.stratum == stratum]
            assert _spread(Counter(a.forms_reversed for a in cell), (True, False)) <= 1, (arm, stratum)


def test_without_parallel_forms_everyone_takes_form_a_first():
    assert not any(a.forms_reversed for a in allocate(_pool(), arms=2, seed=4, parallel_forms=False))


def test_the_assignment_is_random_within_a_stratum():
    """Over many seeds each unit lands in each arm about half the time (no unit is fixed to an arm)."""
    units = _pool({"35 Jawa Timur": 10})
    in_first = Counter()
    for seed in range(400):
        for allocation in allocate(units, arms=2, seed=seed, parallel_forms=False):
            in_first[allocation.key] += allocation.arm == 0
    assert all(120 < in_first[unit.key] < 280 for unit in units)


def test_a_pool_needs_two_arms_and_distinct_keys():
    with pytest.raises(ValueError):
        allocate(_pool(), arms=1, seed=1, parallel_forms=False)
    with pytest.raises(ValueError):
        allocate([Unit((0, 1), "a"), Unit((0, 1), "b")], arms=2, seed=1, parallel_forms=False)
