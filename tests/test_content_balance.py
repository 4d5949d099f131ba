"""The Västernorrland quiz compares the two parties on the same statements, coded twice."""

from __future__ import annotations

from fractions import Fraction

import yaml

from quiz.report import agreement, comparisons
from tests.conftest import ROOT

# Agreement before discussion, as reported in /work/reports/content.md and the README: the share
# of identical blind readings and the weighted kappa, per party. The test recomputes them from the
# readings in statements.yaml; a recoding may raise them, never lower them unnoticed.
REPORTED_IDENTICAL = {"S": Fraction(52, 56), "SJVP": Fraction(53, 56)}  # 92.9 % and 94.6 %
REPORTED_KAPPA = {"S": Fraction(387, 443), "SJVP": Fraction(2129, 2381)}  # 0.874 and 0.894


def raw_positions() -> dict[str, dict[str, dict[str, object]]]:
    data = yaml.safe_load((ROOT / "statements.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s["positions"] for s in data["statements"]}


def test_at_least_30_statements_have_a_position_from_both_parties_and_15_separate_them(shipped):
    (pair,) = comparisons(shipped)
    assert (pair.first, pair.second) == ("S", "SJVP")
    assert pair.both >= 30 and pair.differ >= 15


def test_every_statement_and_party_was_coded_twice(shipped):
    for statement in shipped.statements:
        assert set(statement.readings) == set(shipped.parties), statement.id


def test_agreement_before_discussion_is_at_least_what_we_report(shipped):
    for result in agreement(shipped):
        pairs = [(s.readings[result.party].first, s.readings[result.party].second) for s in shipped.statements]
        identical = Fraction(sum(a == b for a, b in pairs), len(pairs))
        assert identical == Fraction(result.identical, result.coded)
        assert identical >= REPORTED_IDENTICAL[result.party], result.party
        assert result.kappa is not None and result.kappa >= REPORTED_KAPPA[result.party], result.party


def test_every_disagreement_and_every_changed_reading_is_explained_in_a_note(shipped):
    raw = raw_positions()
    for statement in shipped.statements:
        for party, reading in statement.readings.items():
            if reading.first != reading.second or reading.first != reading.stance or reading.disputed:
                assert raw[statement.id][party].get("note"), (statement.id, party)


def test_a_silence_is_never_a_stance(shipped):
    # A party both coders read as silent has no position; one only the second coder read a
    # position for keeps `stance: null` unless the first coder adopted it with a quote.
    for statement in shipped.statements:
        for party, reading in statement.readings.items():
            assert (reading.stance is None) == (party not in statement.positions), (statement.id, party)
