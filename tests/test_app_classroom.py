"""The whole classroom story through the real app.py: a teacher creates a room, pupils finish on
their own devices, and the dashboard shows anonymous aggregates only once the threshold is met."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from quiz.load import load_quiz
from tests.conftest import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    monkeypatch.setenv("VALKOMPASS_DB_PATH", str(tmp_path / "class.sqlite3"))
    monkeypatch.delenv("VALKOMPASS_DATABASE_URL", raising=False)
    from valkompass_app.services import get_store

    get_store.clear()
    yield
    get_store.clear()


def run(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def create_room(threshold: int = 3) -> tuple[AppTest, str, str]:
    teacher = run()
    quiz = load_quiz(ROOT / "statements.yaml")
    teacher.multiselect(key="room_statements").set_value([s.id for s in quiz.statements[:10]])
    teacher.number_input(key="room_threshold").set_value(threshold)
    teacher.button(key="FormSubmitter:create_room-Skapa klassrum").click().run()
    assert not teacher.exception
    token = teacher.session_state["teacher_token"]
    code = next(m.value for m in teacher.markdown if m.value.startswith("# ")).removeprefix("# ").replace("-", "")
    return teacher, token, code


def pupil_finishes(code: str, value: int) -> AppTest:
    at = run(**{"class": code})
    assert not at.exception and at.session_state["page"] == "question"
    for _ in range(10):
        buttons = [b for b in at.button if b.key and b.key.startswith("answer_") and b.key.endswith(f"_{value}")]
        at = buttons[0].click().run()
    at = at.button(key="to_results").click().run()
    assert any(s.value.startswith("Dina svar är inskickade anonymt till klassen.") for s in at.success)
    return at


def dashboard(token: str) -> AppTest:
    return run(teacher=token)


def test_teacher_creates_pupils_finish_dashboard_shows_aggregates_after_threshold():
    _, token, code = create_room(threshold=3)
    pupil_finishes(code, 2)
    pupil_finishes(code, 2)
    board = dashboard(token)
    assert not board.exception
    assert any("(2 av 3 hittills)" in i.value for i in board.info)
    assert board.get("vega_lite_chart") == []  # no distribution below the threshold
    pupil_finishes(code, -2)
    board = dashboard(token)
    assert board.metric[0].value == "3"
    assert len(board.get("vega_lite_chart")) >= 1
    assert "**Mest delade påståenden**" in [m.value for m in board.markdown]


def test_a_pupil_link_never_opens_the_dashboard():
    _, _, code = create_room()
    board = dashboard(code)
    assert board.error[0].value.startswith("Länken till lärarvyn gäller inte.")


def test_a_wrong_code_gets_a_clear_message():
    at = run(**{"class": "ZZZZ-ZZZZ"})
    assert not at.exception and at.session_state["page"] == "start"
    assert "Koden finns inte eller har gått ut. Kontrollera koden med din lärare." in [i.value for i in at.info]


def test_closing_and_deleting_the_room():
    teacher, token, code = create_room()
    board = dashboard(token)
    board = board.button(key="close_room").click().run()
    at = run(**{"class": code})
    assert "Klassrummet är stängt och tar inte emot fler svar." in [i.value for i in at.info]
    board.checkbox(key="delete_confirm").check().run()
    board = board.button(key="delete_room").click().run()
    assert "Klassrummet och alla svar är raderade." in [i.value for i in board.info]
    assert dashboard(token).error[0].value.startswith("Länken till lärarvyn gäller inte.")
