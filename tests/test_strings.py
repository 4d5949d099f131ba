"""UI strings: every one in Swedish and English, with the same placeholders."""

from valkompass_app.strings import STRINGS, placeholders, t


def test_every_string_has_both_languages_and_the_same_placeholders():
    for key, (sv, en) in STRINGS.items():
        assert sv.strip() and en.strip(), key
        assert placeholders(sv) == placeholders(en), key


def test_placeholders_are_filled():
    assert t("based_on", "sv", n=18, of=30) == "baserat på 18 av 30 påståenden"
    assert t("based_on", "en", n=18, of=30) == "based on 18 of 30 statements"


def test_every_share_link_problem_has_a_notice():
    from quiz.share import ShareError

    assert all(f"reason_{reason}" in STRINGS for reason in ShareError.REASONS)
