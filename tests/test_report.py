"""The editor's report: coverage, comparable statements, coder agreement, inseparable statements."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from quiz.cli import main
from quiz.load import load_quiz
from quiz.report import Comparison, agreement, comparisons, inseparable, report, weighted_kappa
from tests.conftest import FIXTURES, make_quiz

REPORT_QUIZ = FIXTURES / "report" / "statements.yaml"
RELATIVE = "tests/fixtures/report/statements.yaml"  # as an editor types it in the project folder
CATEGORY = st.sampled_from([None, -2, -1, 0, 1, 2])


def test_the_whole_report_word_for_word(capsys):
    assert main(["report", RELATIVE]) == 0
    assert capsys.readouterr().out == f"""{RELATIVE}: Report test (5 statements)

Stated positions per topic:
  topic   statements       A       B
  trafik           4       2       4
  kultur           1       1       1
  total            5       3       5

Coverage per party:
  A: 3 of 5 statements (60.0 %)
  B: 5 of 5 statements (100.0 %)

Every party that speaks holds the same stance (cannot tell parties apart):
  - cykelbanor
Every party has stated positions on at least 50% of statements.

Statements with a stated position from both parties:
  A and B: 3 of 5; 2 of those separate them (1 in direction)

Coder agreement before discussion (first against second blind reading):
  A: 2 of 4 identical (50.0 %), weighted kappa 0.429; coded twice: 4 of 5
  B: 4 of 5 identical (80.0 %), weighted kappa 0.878; coded twice: 5 of 5
Blind readings that differed (first / second → the quiz's stance):
  - bibliotek (A): +1 / +2 → +1
  - nattbuss (A): no position / +1 → no position
  - farjan (B): -1 / -2 → -2
Still disputed after discussion:
  - farjan (B)

Statements no answer can separate the parties on:
  under every method (1):
    - cykelbanor
  only under direction (1):
    - farjan

Readability (LIX: under 30 very easy, 30–40 easy, 40–50 medium, over 50 hard; lättläst target: under 30)
statement             sv        en  lattlast
cykelbanor            36         4         –
bibliotek             25        25         –
pensionarsbuss        29        29         –
nattbuss              52        36         –
farjan                 6         7         –
lättläst at or over 30: none
LIX per language (median, highest):
  sv: median 29.0, highest 52.0 (5 statements)
  en: median 25.0, highest 36.3 (5 statements)
  lattlast: no texts
"""


def test_the_report_sums_up_lix_per_language_and_for_the_editors_summaries(capsys):
    # tests/fixtures/lattlast: lättläst "Sjukhuset i Sollefteå ska kunna operera akut igen." has 8 words,
    # 3 long (Sjukhuset, Sollefteå, operera), 1 sentence: 8 + 100·3/8 = 45.5; "De som jobbar i vården
    # ska få skor till jobbet gratis." has 11 words, none long: 11. Median (45.5 + 11) / 2 = 28.25.
    # The one summary, "Partiet vill att sjukhuset i Sollefteå ska operera akut igen.", has 10 words,
    # 4 long: 10 + 40 = 50, over the target.
    assert main(["report", "tests/fixtures/lattlast/statements.yaml"]) == 0
    assert capsys.readouterr().out.endswith("""
  lattlast: median 28.2, highest 45.5 (2 statements)
  lättläst summaries of quotes: median 50.0, highest 50.0 (1 summary); at or over 30: solleftea-akut (SJVP)
""")


def test_kappa_worked_by_hand_with_a_silence():
    # Pairs (first, second): (2,2) (1,2) (—,—) (—,1); weights |a−b|/4, 1 against "no position".
    # Observed disagreement D_o = (0 + 1/4 + 0 + 1) / 4 = 5/16.
    # Marginals: first {2: 1/4, 1: 1/4, —: 1/2}; second {2: 1/2, 1: 1/4, —: 1/4}.
    # Expected D_e = 1/4·(1/4·1 + 1/4·1/4) + 1/4·(1/2·1/4 + 1/4·1) + 1/2·(1/2·1 + 1/4·1)
    #              = 5/64 + 6/64 + 24/64 = 35/64.
    # κ = 1 − (5/16)/(35/64) = 1 − 20/35 = 3/7.
    assert weighted_kappa([(2, 2), (1, 2), (None, None), (None, 1)], 4) == Fraction(3, 7)


def test_kappa_worked_by_hand_on_the_scale():
    # Pairs: (2,2) (−1,−1) (2,2) (1,1) (−1,−2). D_o = (1/4) / 5 = 1/20.
    # Counts: first {2: 2, −1: 2, 1: 1}; second {2: 2, −1: 1, 1: 1, −2: 1}; D_e = Σ c1·c2·w / 25:
    #   a=2:  2·1·3/4 + 2·1·1/4 + 2·1·1       = 4
    #   a=−1: 2·2·3/4 + 2·1·2/4 + 2·1·1/4     = 4.5
    #   a=1:  1·2·1/4 + 1·1·2/4 + 1·1·3/4     = 1.75
    # D_e = 10.25 / 25 = 41/100; κ = 1 − (1/20)/(41/100) = 1 − 5/41 = 36/41.
    assert weighted_kappa([(2, 2), (-1, -1), (2, 2), (1, 1), (-1, -2)], 4) == Fraction(36, 41)


def test_kappa_is_undefined_without_variation_or_without_pairs():
    assert weighted_kappa([(2, 2), (2, 2)], 4) is None
    assert weighted_kappa([], 4) is None


def test_kappa_is_zero_when_agreement_is_what_chance_gives():
    # Each coder uses 2 and −2 half the time, independently: D_o = D_e = 1/2.
    assert weighted_kappa([(2, 2), (2, -2), (-2, 2), (-2, -2)], 4) == 0


@given(st.lists(st.tuples(CATEGORY, CATEGORY), min_size=1, max_size=30))
def test_kappa_is_at_most_one_and_the_same_whichever_coder_comes_first(pairs):
    kappa = weighted_kappa(pairs, 4)
    assert kappa == weighted_kappa([(b, a) for a, b in pairs], 4)
    assert kappa is None or kappa <= 1


@given(st.lists(CATEGORY, min_size=1, max_size=30))
def test_identical_readings_give_kappa_one_unless_undefined(readings):
    kappa = weighted_kappa([(r, r) for r in readings], 4)
    assert kappa == (None if len(set(readings)) == 1 else 1)


def test_agreement_counts_only_statements_coded_twice():
    quiz = load_quiz(REPORT_QUIZ)
    (a, b) = agreement(quiz)
    assert (a.party, a.coded, a.total, a.identical, a.disputed) == ("A", 4, 5, 2, ())
    assert (b.party, b.coded, b.identical, b.disputed) == ("B", 5, 4, ("farjan",))


def test_comparisons_cover_every_pair_of_parties(five_point):
    quiz = make_quiz(five_point, {
        "s1": {"A": 2, "B": 2, "C": -1},
        "s2": {"A": 1, "B": None, "C": 2},
        "s3": {"A": -2, "B": 1, "C": None},
    })
    # A–B share s1 (same) and s3 (−2 against 1: opposite); A–C share s1 (opposite) and s2;
    # B–C share only s1 (2 against −1: opposite).
    assert comparisons(quiz) == [Comparison("A", "B", 2, 1, 1), Comparison("A", "C", 2, 2, 1),
                                 Comparison("B", "C", 1, 1, 1)]


def test_a_statement_only_one_party_speaks_on_can_separate_under_drop(five_point):
    # Under `drop` the silent party gets nothing while the other gets points: they can diverge.
    quiz = make_quiz(five_point, {"only-a": {"A": 2, "B": None}, "nobody": {"A": None, "B": None}})
    assert inseparable(quiz) == [("nobody", ("cityblock", "hybrid", "agreement"))]


def test_a_one_party_quiz_has_nothing_to_compare(five_point):
    quiz = make_quiz(five_point, {"s1": {"A": 2}})
    assert inseparable(quiz) == [] and comparisons(quiz) == []
    assert "One party only: there is no other party to compare it with." in report(quiz)
    assert "no answer can separate" not in report(quiz)


def test_a_quiz_without_second_readings_says_so(five_point):
    quiz = make_quiz(five_point, {"s1": {"A": 2, "B": 1}})
    assert "Coder agreement: no statement has a second reading yet." in report(quiz)
