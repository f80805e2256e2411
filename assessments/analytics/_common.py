"""Helpers shared by the analyses: input checks, sample moments that never divide by zero, plain numbers.

Constant means constant within TOLERANCE (STATS.md): marks are decimals stored as floats, so a gain of 0.2 for
everyone comes out as 0.19999999999999996 for some, and an exact test would find a tiny variance that is only
rounding (a paired t of about 1e15). Floats are never compared for exact equality here.
"""

import math

import numpy as np

TOLERANCE = 1e-9


def vector(values, name: str) -> np.ndarray:
    """A 1-D float array of finite numbers (an empty sequence gives an empty array)."""
    array = np.asarray(values, dtype=float)
    if array.ndim != 1:
        raise ValueError(f"{name} must be a flat sequence of numbers")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold finite numbers only")
    return array


def paired(pre, post, names: tuple[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """Two equally long vectors: paired totals in the same trainee order (pairing is the caller's job)."""
    pre_array, post_array = vector(pre, names[0]), vector(post, names[1])
    if len(pre_array) != len(post_array):
        raise ValueError(f"{names[0]} and {names[1]} must be paired: {len(pre_array)} != {len(post_array)} values")
    return pre_array, post_array


def number(value) -> float | None:
    """A plain Python float, or None for None, NaN and infinity."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def constant(x: np.ndarray) -> bool:
    """Whether the values are constant: max - min <= TOLERANCE (STATS.md), so rounding never fakes a variance."""
    return len(x) == 0 or float(np.ptp(x)) <= TOLERANCE


def zero(value: float) -> bool:
    """Whether a number is 0 within TOLERANCE (a difference of 0.3 - (0.1 + 0.2) is no difference)."""
    return abs(value) <= TOLERANCE


def at_least(x: np.ndarray, bound: float) -> np.ndarray:
    """x >= bound within TOLERANCE, elementwise (a total of 4.999999999999999 reaches a pass mark of 5)."""
    return x >= bound - TOLERANCE


def snapped(x: np.ndarray) -> np.ndarray:
    """x with values that are equal within TOLERANCE made exactly equal, so ties are ties.

    Sorted, each value joins the group of the smallest value at most TOLERANCE below it and takes that value;
    every group is therefore constant in the sense of `constant`.
    """
    result = np.array(x, dtype=float)
    order = np.argsort(result, kind="stable")
    start = None
    for index in order:
        if start is None or result[index] - start > TOLERANCE:
            start = result[index]
        result[index] = start
    return result


def mean(x: np.ndarray) -> float | None:
    return float(np.mean(x)) if len(x) else None


def var(x: np.ndarray) -> float | None:
    """Sample variance (divisor n - 1); exactly 0 for constant data; None for n < 2."""
    if len(x) < 2:
        return None
    return 0.0 if constant(x) else float(np.var(x, ddof=1))


def sd(x: np.ndarray) -> float | None:
    variance = var(x)
    return None if variance is None else math.sqrt(variance)


def cov(x: np.ndarray, y: np.ndarray) -> float | None:
    """Sample covariance (divisor n - 1); exactly 0 when either side is constant; None for n < 2."""
    if len(x) < 2:
        return None
    if constant(x) or constant(y):
        return 0.0
    return float(np.cov(x, y, ddof=1)[0, 1])


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return number(numerator / denominator)
