"""Quotes are compared after collapsing whitespace and rejoining words broken at line ends."""

from quiz.provenance import closest_passage, quote_in_source

SOURCE = ("Vi inför socioekonomiska faktorer och vård-\ntyngdsmätningar i ersättnings-\n\tmodellen. "
          "Hälso-\noch sjukvård.")


def test_whitespace_runs_are_collapsed():
    assert quote_in_source("Vi   inför\nsocioekonomiska faktorer", SOURCE)


def test_a_word_broken_at_a_line_end_is_rejoined():
    assert quote_in_source("vårdtyngdsmätningar i ersättningsmodellen.", SOURCE)


def test_a_hyphen_at_a_line_end_may_also_be_kept():
    assert quote_in_source("Hälso- och sjukvård.", SOURCE)


def test_a_changed_word_is_not_found():
    assert not quote_in_source("Vi inför ekonomiska faktorer", SOURCE)


def test_an_empty_quote_is_never_found():
    assert not quote_in_source("   ", SOURCE)


def test_closest_passage_points_at_the_likely_place():
    assert closest_passage("Vi inför sociala faktorer och", SOURCE) == "Vi inför socioekonomiska faktorer och"
