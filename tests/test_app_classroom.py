"""The whole classroom story through the real app.py: a teacher creates a room, pupils finish on
their own devices, the projector shows published results only, and pranks fail cleanly."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from quiz.classroom.codes import board_token
from quiz.load import load_quiz
from tests.conftest import ROOT

APP = str(ROOT / "app.py")
CONTROLS = ("close_room", "delete_room", "reveal_toggle", "export_class", "delete_confirm")


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    monkeypatch.setenv("VALKOMPASS_DB_PATH", str(tmp_path / "class.sqlite3"))
    monkeypatch.delenv("VALKOMPASS_DATABASE_URL", raising=False)
    from valkompass_app import classroom
    from valkompass_app.services import get_store

    for window in (classroom.CREATIONS_PER_ADDRESS, classroom.CREATIONS_PER_SESSION, classroom.SUBMISSIONS_PER_SESSION):
        window._events.clear()
    get_store.clear()
    yield
    get_store.clear()


def run(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def create_room(threshold: int = 3, teacher: AppTest | None = None) -> tuple[AppTest, str, str]:
    teacher = teacher or run()
    quiz = load_quiz(ROOT / "statements.yaml")
    teacher.multiselect(key="room_statements").set_value([s.id for s in quiz.statements[:10]])
    teacher.number_input(key="room_threshold").set_value(threshold)
    teacher.button(key="FormSubmitter:create_room-Skapa klassrum").click().run()
    assert not teacher.exception
    token = teacher.session_state["teacher_token"]
    code = teacher.code[0].value.split("board=")[0]  # the projector link comes first
    board = run(board=board_token(token))
    code = board.code[0].value.split("class=")[1].split("&")[0]
    return teacher, token, code


def pupil_finishes(code: str, value: int, key: str | None = None) -> AppTest:
    at = run(**{"class": code, **({"k": key} if key else {})})
    assert not at.exception and at.session_state["page"] == "question"
    for _ in range(10):
        buttons = [b for b in at.button if b.key and b.key.startswith("answer_") and b.key.endswith(f"_{value}")]
        at = buttons[0].click().run()
    at = at.button(key="to_results").click().run()
    assert any(s.value.startswith("Dina svar är inskickade anonymt till klassen.") for s in at.success)
    return at


def keys(at: AppTest) -> set[str]:
    return {w.key for kind in ("button", "toggle", "checkbox") for w in at.get(kind) if w.key}


def test_the_control_link_stays_in_the_teachers_address_and_opens_the_controls():
    teacher, token, _ = create_room()
    assert teacher.query_params["teacher"] == token
    assert set(CONTROLS) - {"export_class"} <= keys(teacher)
    assert any(c.value.endswith(f"?board={board_token(token)}&lang=sv") for c in teacher.code)
    assert "Det här är din kontrollpanel. Visa den inte på projektorn." in [w.value for w in teacher.warning]


def test_the_projector_shows_results_only_after_the_threshold_and_has_no_controls():
    _, token, code = create_room(threshold=3)
    pupil_finishes(code, 2)
    pupil_finishes(code, 2)
    board = run(board=board_token(token))
    assert not board.exception and not set(CONTROLS) & keys(board)
    assert any("(2 av 3 hittills)" in i.value for i in board.info)
    assert board.get("vega_lite_chart") == []
    pupil_finishes(code, -2)
    board = run(board=board_token(token))
    assert len(board.get("vega_lite_chart")) == 2  # answers per statement, average per party
    assert "**Där klassen är mest oenig**" in [m.value for m in board.markdown]
    assert "Resultaten bygger på svaren från 3 elever." in [m.value for m in board.markdown]
    assert not set(CONTROLS) & keys(board) and token not in str(board.query_params)


def test_one_more_pupil_changes_nothing_on_the_projector_until_k_more_have_answered():
    _, token, code = create_room(threshold=3)
    for value in (2, 1, -1):
        pupil_finishes(code, value)
    first = run(board=board_token(token))
    pupil_finishes(code, -2)
    second = run(board=board_token(token))
    charts = [c.proto.spec for c in first.get("vega_lite_chart")]
    assert charts == [c.proto.spec for c in second.get("vega_lite_chart")]
    assert "Resultaten bygger på svaren från 3 elever." in [m.value for m in second.markdown]


def test_a_reload_with_the_pupils_key_counts_once():
    _, token, code = create_room()
    first = pupil_finishes(code, 2)
    key = first.query_params["k"]
    assert first.query_params["class"] == code
    pupil_finishes(code, -2, key=key)  # F5: a new session with the same address
    teacher = run(teacher=token)
    assert teacher.metric[0].value == "1"


def test_a_pupil_link_never_opens_the_dashboard_or_the_projector():
    _, _, code = create_room()
    assert run(teacher=code).error[0].value.startswith("Länken till lärarvyn gäller inte.")
    assert run(board=code).error[0].value.startswith("Länken till projektorvyn gäller inte.")


def test_a_wrong_code_gets_a_clear_message():
    at = run(**{"class": "ZZZZ-ZZZZ"})
    assert not at.exception and at.session_state["page"] == "start"
    assert "Koden finns inte eller har gått ut. Kontrollera koden med din lärare." in [i.value for i in at.info]


def test_closing_and_deleting_the_room():
    _, token, code = create_room()
    teacher = run(teacher=token)
    teacher = teacher.button(key="close_room").click().run()
    at = run(**{"class": code})
    assert "Klassrummet är stängt och tar inte emot fler svar." in [i.value for i in at.info]
    teacher.checkbox(key="delete_confirm").check().run()
    teacher = teacher.button(key="delete_room").click().run()
    assert "Klassrummet och alla svar är raderade." in [i.value for i in teacher.info]
    assert "teacher" not in teacher.query_params
    assert run(teacher=token).error[0].value.startswith("Länken till lärarvyn gäller inte.")
    assert run(board=board_token(token)).error[0].value.startswith("Länken till projektorvyn gäller inte.")


def test_one_browser_cannot_lock_other_teachers_out():
    prankster = run()
    for _ in range(3):
        prankster, _, _ = create_room(teacher=prankster)
        prankster = run()  # back to the start page in new sessions: the address limit still counts
    for _ in range(7):
        create_room(teacher=run())
    blocked = run()
    blocked.button(key="FormSubmitter:create_room-Skapa klassrum").click().run()
    assert "Du har skapat många klassrum på kort tid. Vänta tio minuter och försök igen." in [
        i.value for i in blocked.info]
    from valkompass_app import classroom

    assert classroom.CREATIONS_PER_ADDRESS.allow("another school")  # others are not affected


def test_a_class_link_with_a_teacher_link_of_another_quiz_does_not_crash():
    _, _, code = create_room()
    other = run(quiz="kronoberg-alliansen-2018")
    other.button(key="FormSubmitter:create_room-Skapa klassrum").click().run()
    token = other.session_state["teacher_token"]
    mixed = run(**{"class": code, "teacher": token})
    assert not mixed.exception and mixed.session_state["page"] == "teacher"
    mixed = run(**{"class": code, "board": board_token(token)})
    assert not mixed.exception


def test_a_room_outlives_an_edit_of_its_quiz(tmp_path):
    from quiz.classroom import ClassroomStore

    quiz = load_quiz(ROOT / "statements.yaml")
    ids = ["familjecentraler-old", *(s.id for s in quiz.statements[:10])]  # a statement renamed since
    store = ClassroomStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    created = store.create_room(quiz.id, ids, [*quiz.parties, "KD"], all_statements=len(quiz.statements),
                                threshold=3, fingerprint="0123456789abcdef")
    store.engine.dispose()
    notice = ("Valkompassen har ändrats sedan klassrummet skapades. Klassrummet använder de påståenden och "
              "partier som fortfarande finns.")
    pupil = run(**{"class": created.code})
    assert not pupil.exception and notice in [i.value for i in pupil.info]
    for value in (2, 1, -1):
        pupil_finishes(created.code, value)
    for link in ({"teacher": created.token}, {"board": created.board_token}):
        page = run(**link)
        assert not page.exception and notice in [w.value for w in page.warning]
    assert len(run(board=created.board_token).get("vega_lite_chart")) == 2
