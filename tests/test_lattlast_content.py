"""The shipped quiz in lättläst (easy-to-read Swedish, issue #13): every text the quiz shows has a
lättläst version, every quote has the editors' plain summary, each is easy to read (LIX under 30)
and none uses an abbreviation.

LIX is checked, as in tests/test_strings.py, for texts of ten words or more: below that one long
word decides the figure (a label like "Tandvård" scores 101), so it says nothing. Today every
lättläst statement text and every summary is under 30 whatever its length; `python -m quiz report`
prints the figures."""

from __future__ import annotations

import re

import pytest

from quiz.model import Quiz
from quiz.readability import LATTLAST_TARGET, lix

# Abbreviations a lättläst reader may not know: the party letters, care units, Latin-style short
# forms and signs. Any word written in capitals only (two letters or more) also counts.
ABBREVIATIONS = ("S", "SJVP", "BUP", "BB", "BVC", "ÄLSa", "E4", "t.ex.", "bl.a.", "m.m.", "osv", "dvs",
                 "d.v.s.", "ca", "kr", "s.k.", "etc", "%")
_CAPITALS = re.compile(r"(?<![\w])[A-ZÅÄÖ]{2,}(?![\w])")


def abbreviations(text: str) -> list[str]:
    """The abbreviations in `text`: from ABBREVIATIONS, or a word in capitals only."""
    found = [a for a in ABBREVIATIONS
             if re.search(rf"(?<![\w.]){re.escape(a)}(?![\w])" if a[-1].isalnum() else re.escape(a), text)]
    return sorted({*found, *_CAPITALS.findall(text)})


def lattlast_texts(quiz: Quiz) -> dict[str, str]:
    """Every lättläst text the quiz has, by where it is shown (the tests below require each one)."""
    texts = {"title": quiz.title.lattlast, "description": quiz.description.lattlast,
             "election": quiz.election.lattlast}
    texts |= {f"party {p.id}": p.name.lattlast for p in quiz.parties.values()}
    texts |= {f"topic {t.id}": t.name.lattlast for t in quiz.topics.values()}
    texts |= {f"source {s.id}": s.kind.lattlast for s in quiz.sources.values()}
    texts |= {f"statement {s.id}": s.text.lattlast for s in quiz.statements}
    texts |= summaries(quiz)
    return {where: text for where, text in texts.items() if text is not None}


def summaries(quiz: Quiz) -> dict[str, str | None]:
    return {f"summary {s.id} {p.party}": p.summary.get("lattlast")
            for s in quiz.statements for p in s.positions.values() if p.stance is not None}


def test_the_quiz_declares_lattlast(shipped):
    assert shipped.languages == ("sv", "en", "lattlast")


def test_every_statement_topic_and_party_has_a_lattlast_text(shipped):
    assert [s.id for s in shipped.statements if not s.text.lattlast] == []
    assert [t for t, topic in shipped.topics.items() if not topic.name.lattlast] == []
    assert [p for p, party in shipped.parties.items() if not party.name.lattlast] == []
    assert [s for s, source in shipped.sources.items() if not source.kind.lattlast] == []
    assert shipped.title.lattlast and shipped.description.lattlast and shipped.election.lattlast


def test_every_stated_position_has_the_editors_summary_and_only_those(shipped):
    assert len(summaries(shipped)) == 90
    assert [where for where, text in summaries(shipped).items() if not text] == []
    assert [f"{s.id} {p.party}" for s in shipped.statements for p in s.positions.values()
            if p.stance is None and p.summary] == []


def test_lattlast_statements_and_summaries_are_easy_to_read(shipped):
    texts = {where: text for where, text in lattlast_texts(shipped).items()
             if where.startswith(("statement", "summary", "description"))}
    assert len(texts) == 56 + 90 + 1
    hard = {where: round(lix(text), 1) for where, text in texts.items()
            if len(text.split()) >= 10 and lix(text) >= LATTLAST_TARGET}
    assert hard == {}


def test_no_lattlast_text_uses_an_abbreviation(shipped):
    found = {where: abbreviations(text) for where, text in lattlast_texts(shipped).items()}
    assert {where: names for where, names in found.items() if names} == {}


def test_a_lattlast_statement_keeps_the_numbers_of_the_swedish_one(shipped):
    # Same question, same figures: "inom 24 timmar" may not become "snabbt".
    def numbers(text: str) -> list[str]:
        return sorted(re.findall(r"\d+", text))
    assert [s.id for s in shipped.statements if numbers(s.text.sv) != numbers(s.text.lattlast or "")] == []


def test_a_summary_adds_no_number_its_quote_lacks(shipped):
    extra = {f"{s.id} {p.party}": sorted(set(re.findall(r"\d+", p.summary["lattlast"]))
                                         - set(re.findall(r"\d+", p.quote)))
             for s in shipped.statements for p in s.positions.values() if "lattlast" in p.summary}
    assert {where: numbers for where, numbers in extra.items() if numbers} == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("Väntetiderna till BUP ska kortas.", ["BUP"]),
    ("S och SJVP vill det, t.ex. i Sundsvall.", ["S", "SJVP", "t.ex."]),
    ("Minst 25% färre chefer, bl.a. på kontor osv.", ["%", "bl.a.", "osv"]),
    ("Förbifart E4 och ÄLSa-teamen.", ["E4", "ÄLSa"]),
    ("Sjukhuset i Sundsvall ska ha 25 procent fler sängar.", []),
    ("Socialdemokraterna vill ha en ny väg.", []),
])
def test_the_abbreviation_check_finds_them(text, expected):
    assert abbreviations(text) == expected
