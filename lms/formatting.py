"""Figures as people read them, in the active language: a decimal comma in Indonesian ("0,25"), and
p-values the way reports print them ("p < 0,001" rather than "0,000").

Exports keep full precision; these are for pages and printouts only.
"""

from django.utils.formats import number_format

P_FLOOR = 0.001  # below this a p-value is shown as "< 0,001"


def decimal(value: float, digits: int = 3) -> str:
    """`value` rounded to `digits` places with the language's decimal separator; never "-0,000"."""
    rounded = round(float(value), digits)
    if rounded == 0:
        rounded = 0.0  # a tiny negative number rounds to 0, not to -0
    return number_format(rounded, decimal_pos=digits)


def p_value(p: float, digits: int = 3) -> str:
    """A p-value: "< 0,001" below P_FLOOR, otherwise rounded to `digits` places (ties never round to 0)."""
    if p < P_FLOOR:
        return "< " + number_format(P_FLOOR, decimal_pos=3)
    return decimal(p, digits)


def short(value) -> str:
    """A chart's axis or value label: at most one decimal place, none when it is a whole number ("12,5", "40")."""
    if value is None:
        return ""
    rounded = round(float(value), 1)
    return decimal(rounded, 0 if rounded.is_integer() else 1)
