"""The room's language in the real app: the teacher picks it (lättläst included), pupils who join
get it, and the projector and its join link speak it."""

from __future__ import annotations

import re

from quiz.classroom.codes import board_token
from quiz.load import load_quiz
from tests.conftest import ROOT
from tests.test_app import card
from tests.test_app_classroom import database, run  # noqa: F401 - `database` is an autouse fixture

QUIZ = load_quiz(ROOT / "statements.yaml")


def unescape(label: str) -> str:
    """A widget label without the Markdown escapes of `state.escape`."""
    return re.sub(r"\\(.)", r"\1", label).replace("\u2060", "")


def create(lang: str | None) -> tuple[str, str]:
    teacher = run()
    assert teacher.selectbox(key="room_lang").value == "sv"  # the teacher's own language by default
    assert list(teacher.selectbox(key="room_lang").options) == ["Svenska", "English", "Lättläst"]
    teacher.multiselect(key="room_statements").set_value([s.id for s in QUIZ.statements[:10]])
    teacher.number_input(key="room_threshold").set_value(3)
    if lang is not None:
        teacher.selectbox(key="room_lang").set_value(lang)
    teacher.button(key="FormSubmitter:create_room-Skapa klassrum").click().run()
    assert not teacher.exception
    assert teacher.title[0].value.startswith("Lärarvy")  # the teacher's own page stays in Swedish
    token = teacher.session_state["teacher_token"]
    board_link = teacher.code[0].value
    board = run(board=board_token(token), lang=board_link.split("lang=")[1])
    code = board.code[0].value.split("class=")[1].split("&")[0]
    return board_link, board.code[0].value, code


def test_pupils_joining_a_lattlast_room_get_lattlast():
    board_link, join_link, code = create("lattlast")
    assert board_link.endswith("&lang=lattlast") and join_link.endswith("&lang=lattlast")
    pupil = run(**{"class": code})  # a typed or bare class link, no language in it
    assert pupil.session_state["lang"] == "lattlast"
    first = QUIZ.statements[0]
    assert [unescape(b.label) for b in pupil.button if b.key and b.key.startswith(f"answer_{first.id}_")] == [
        "Ja, helt", "Mest ja", "Både ja och nej", "Mest nej", "Nej, inte alls"]
    assert card(pupil)["statement"] == first.text.lattlast


def test_the_room_language_wins_over_the_pupils_link_and_the_pupil_may_switch_after():
    _, _, code = create("en")
    pupil = run(**{"class": code, "lang": "lattlast"})
    assert pupil.session_state["lang"] == "en"
    pupil.segmented_control(key="lang").set_value("sv").run()
    assert not pupil.exception and pupil.session_state["lang"] == "sv"
    assert pupil.session_state["class_room"].code == code  # still in the room


def test_a_room_in_the_teachers_language_by_default():
    board_link, _, code = create(None)
    assert board_link.endswith("&lang=sv")
    assert run(**{"class": code, "lang": "en"}).session_state["lang"] == "sv"
