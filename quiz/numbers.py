"""Numbers as the page's language writes them: "83,3 %" in Swedish, "83.3%" in English.

One place for tables, charts, verdict sentences and the CSV download, so they never disagree.
"""

from __future__ import annotations

from fractions import Fraction

from quiz.rules import percent_of

MINUS = "\u2212"


def decimal(value: float | Fraction, lang: str, digits: int = 1) -> str:
    """`value` rounded to `digits` decimals (half away from zero), with a decimal comma in Swedish.

    Swedish writes a minus sign (−), not a hyphen."""
    text = f"{_round(value, digits):.{digits}f}"
    if lang == "en":
        return text
    return text.replace(".", ",").replace("-", MINUS)


def percent(value: float | Fraction | None, lang: str, digits: int = 0) -> str:
    """A percentage with its sign: "55,7 %" (Swedish, with a non-breaking space), "55.7%" (English);
    "–" when there is no value."""
    if value is None:
        return "–"
    number = decimal(value, lang, digits)
    return number + "%" if lang == "en" else number + "\u00a0%"


def _round(value: float | Fraction, digits: int) -> float:
    """Round half away from zero on the exact value (Python's round() rounds half to even).

    In whole numbers, as Fractions cost microseconds each and the page rounds a hundred of them:
    n/d · 10^k rounded half up is ⌊(2·n·10^k + d) / 2d⌋ for n ≥ 0, and int / int is correctly
    rounded, as float(Fraction) is."""
    numerator, denominator = value.as_integer_ratio()
    scale: int = 10**digits
    whole = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    return (whole if numerator >= 0 else -whole) / scale


def share(fraction: Fraction | None, lang: str, digits: int = 0) -> str:
    """A match (a fraction of 1) as a percentage: 245/440 → "55,7 %" with one digit in Swedish."""
    return percent(None if fraction is None else percent_of(fraction), lang, digits)
