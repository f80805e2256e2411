"""How an answer earns its mark, per question kind. Pure functions over a question and a response.

Rules (the trainer-facing help repeats them):
- Single choice, true/false: the chosen choice's share of the mark (never below 0).
- Multiple response (partial credit): each right choice carries a positive share, the shares of
  the right choices adding up to 100%; a wrong choice carries a penalty (a negative share). The
  mark is the sum of the shares of every choice ticked, kept between 0 and the full mark, so
  ticking everything earns nothing when penalties balance the right choices.
- Short answer: the best accepted answer that equals the response once both are lower-cased and
  stripped of punctuation and extra spaces.
- Likert: levels 1 to 5 give 0, ¼, ½, ¾ or all of the mark (reversed for a reverse-keyed item); an
  unscored item is worth nothing.
- Essay: graded by hand (None here), except that an empty essay earns 0 at once.
"""

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from .constants import QuestionKind

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def normalise_text_answer(text: str) -> str:
    without_punctuation = "".join(
        " " if unicodedata.category(char).startswith("P") else char for char in unicodedata.normalize("NFKC", text)
    )
    return re.sub(r"\s+", " ", without_punctuation).strip().casefold()


def mark_answer(question, response, max_mark: Decimal) -> Decimal | None:
    """The mark for `response` to `question` (its choices prefetched), or None if a person must grade it."""
    if question.kind == QuestionKind.ESSAY:
        return Decimal(0) if not (isinstance(response, str) and response.strip()) else None
    if response in (None, "", []) or max_mark == 0:
        return Decimal(0)
    share = _share(question, response)
    share = min(max(share, Decimal(0)), HUNDRED)
    return (max_mark * share / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def _share(question, response) -> Decimal:
    choices = {choice.pk: choice for choice in question.choices.all()}
    if question.kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE):
        chosen = choices.get(response[0]) if isinstance(response, list) and response else None
        return chosen.percent if chosen else Decimal(0)
    if question.kind == QuestionKind.MULTIPLE:
        return sum((choices[pk].percent for pk in set(response) if pk in choices), Decimal(0))
    if question.kind == QuestionKind.SHORT_ANSWER:
        given = normalise_text_answer(str(response))
        matches = [c.percent for c in choices.values() if normalise_text_answer(c.text) == given]
        return max(matches, default=Decimal(0))
    if question.kind == QuestionKind.LIKERT:
        points = 6 - int(response) if question.likert_reverse else int(response)
        return HUNDRED * (points - 1) / 4
    raise ValueError(question.kind)


def total(marks: list[Decimal | None]) -> Decimal | None:
    """The attempt's score, or None while an answer still waits for a grader."""
    if any(mark is None for mark in marks):
        return None
    return sum(marks, Decimal(0))


def percent_of(score: Decimal, max_score: Decimal) -> Decimal | None:
    if max_score == 0:
        return None
    return (score * HUNDRED / max_score).quantize(CENT, rounding=ROUND_HALF_UP)
