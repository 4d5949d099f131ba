"""Whatever the checker accepts, the app runs: generated quizzes walked through the real app.

For each generated quiz (tests/quizgen.py) the walk is start → answers (an answer, skipped, left
out, important or not) → results → method → share link → the link opened in a new session, which
must give back exactly the same answers. Also: what a visitor sees when the quiz file is broken.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
import streamlit.config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from quiz.load import load_quiz
from quiz.model import Quiz
from tests.conftest import FIXTURES, ROOT
from tests.quizgen import LABEL_PARTY_IDS, LABEL_PARTY_NAMES, QuizFiles, quizzes

APP = str(ROOT / "app.py")
BROKEN = ROOT / "tests" / "broken"
NOTICE = "Valkompassen kan inte visas just nu eftersom quizfilen innehåller fel. Försök igen senare."


@pytest.fixture(autouse=True, scope="module")
def _full_error_details() -> Iterator[None]:
    """Show the app's exceptions in full here, so that a failure names its cause."""
    before = streamlit.config.get_option("client.showErrorDetails")
    streamlit.config.set_option("client.showErrorDetails", "full")
    yield
    streamlit.config.set_option("client.showErrorDetails", before)


def run(quiz_file: Path, **query: str) -> AppTest:
    with mock.patch.dict(os.environ, {"VALKOMPASS_QUIZ": str(quiz_file)}):
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        return checked(at.run())


def step(at: AppTest, quiz_file: Path, action: str, key: str, value: object = None) -> AppTest:
    """One user action, with the app pointed at `quiz_file`."""
    with mock.patch.dict(os.environ, {"VALKOMPASS_QUIZ": str(quiz_file)}):
        if action == "click":
            return checked(at.button(key=key).click().run())
        if action == "toggle":
            return checked(at.toggle(key=key).set_value(value).run())
        return checked(at.pills(key=key).set_value(value).run())


def checked(at: AppTest) -> AppTest:
    assert not at.exception, [(e.message, e.stack_trace[-3:]) for e in at.exception]
    return at


Plan = list[tuple[str, int, bool]]  # per statement: ("answer" | "skip" | "leave", option index, important)


@st.composite
def walks(draw: st.DrawFn) -> tuple[QuizFiles, Plan, str]:
    files = draw(quizzes())
    count = files.files["statements.yaml"].count("\n  - id: ")
    plan = draw(st.lists(st.tuples(st.sampled_from(["answer", "answer", "skip", "leave"]), st.integers(0, 10),
                                   st.booleans()), min_size=count, max_size=count))
    return files, plan, draw(st.sampled_from(["sv", "en"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(walks())
def test_every_quiz_the_checker_accepts_runs_from_start_to_a_reopened_share_link(walk):
    files, plan, lang = walk
    with tempfile.TemporaryDirectory() as folder:
        quiz_file = files.write(Path(folder))
        quiz = load_quiz(quiz_file)
        at = step(run(quiz_file, lang=lang), quiz_file, "click", "start_button")
        at = answer(at, quiz_file, quiz, plan)
        answered = any(v is not None for v in at.session_state["answers"].values())
        at = step(at, quiz_file, "click", "to_results") if answered else step(at, quiz_file, "pills", "nav", "results")
        at = step(at, quiz_file, "pills", "nav", "method")
        if answered:
            at = step(at, quiz_file, "pills", "nav", "results")
            reopened = run(quiz_file, **share_query(at))
            assert reopened.session_state["page"] == "results"
            shared, answers = reopened.session_state["shared"], at.session_state["answers"]  # read-only
            assert dict(shared.values) == answers
            assert set(shared.important) == {i for i in at.session_state["important"] if answers.get(i) is not None}


def answer(at: AppTest, quiz_file: Path, quiz: Quiz, plan: Plan) -> AppTest:
    values = quiz.weights.scale.values
    for statement, (action, option, important) in zip(quiz.statements, plan, strict=True):
        if important:
            at = step(at, quiz_file, "toggle", f"important_{statement.id}", True)
        if action == "answer":
            at = step(at, quiz_file, "click", f"answer_{statement.id}_{values[option % len(values)]}")
        elif action == "skip":
            at = step(at, quiz_file, "click", f"skip_{statement.id}")
        elif statement is not quiz.statements[-1]:
            at = step(at, quiz_file, "click", "nav_next")
    return at


def share_query(at: AppTest) -> dict[str, str]:
    """The query of the share link the results page shows."""
    links = [c.value for c in at.code if "r=" in c.value]
    assert len(links) == 1, links
    return {key: values[0] for key, values in parse_qs(urlsplit(links[0]).query).items()}


LABEL_CASES = [("id", value, lang) for value in LABEL_PARTY_IDS for lang in ("sv", "en")
               if value not in ("Du", "You") or {"Du": "sv", "You": "en"}[value] == lang]
LABEL_CASES += [("name", value, {"Ämne": "sv", "Topic": "en"}[value]) for value in LABEL_PARTY_NAMES]


@pytest.mark.parametrize(("field", "value", "lang"), LABEL_CASES)
def test_party_ids_and_names_that_equal_the_results_tables_own_labels(tmp_path, field, value, lang):
    quiz_file = mini_copy(tmp_path)
    text = quiz_file.read_text(encoding="utf-8")
    if field == "id":
        text = text.replace("{id: S,", f"{{id: {value},").replace("party: S,", f"party: {value},")
        text = text.replace("      S: {", f"      {value}: {{")
    else:
        text = text.replace('{sv: "Socialdemokraterna", en: "Social Democrats"}', f"{{sv: {value}, en: {value}}}")
    quiz_file.write_text(text, encoding="utf-8")
    load_quiz(quiz_file)  # a valid quiz: this must not fail
    at = step(run(quiz_file, lang=lang), quiz_file, "click", "start_button")
    at = step(at, quiz_file, "click", "answer_solleftea-akut_2")
    step(at, quiz_file, "click", "to_results")


def test_a_party_stance_outside_minus_two_to_two_shows_results(tmp_path):
    quiz_file = mini_copy(tmp_path)
    weights = tmp_path / "weights.yaml"
    seven = "".join(f"    - {{value: {v}, label: {{sv: 'S{v}', en: 'E{v}'}}}}\n" for v in range(3, -4, -1))
    text = weights.read_text(encoding="utf-8")
    start, end = text.index("  answers:\n") + len("  answers:\n"), text.index("  skip:")
    weights.write_text(text[:start] + seven + text[end:text.index("  hybrid:")], encoding="utf-8")
    text = quiz_file.read_text(encoding="utf-8")
    quiz_file.write_text(text.replace("SJVP: {stance: 2,", "SJVP: {stance: 3,"), "utf-8")
    load_quiz(quiz_file)  # a valid quiz: this must not fail
    at = step(run(quiz_file), quiz_file, "click", "start_button")
    at = step(at, quiz_file, "click", "answer_solleftea-akut_3")
    step(at, quiz_file, "click", "to_results")


def mini_copy(folder: Path) -> Path:
    for file in (FIXTURES / "mini").iterdir():
        shutil.copy(file, folder)
    return folder / "statements.yaml"


def test_a_broken_quiz_shows_a_short_notice_and_logs_the_details(tmp_path, caplog):
    quiz_file = mini_copy(tmp_path)
    quiz_file.write_text(quiz_file.read_text(encoding="utf-8").replace("stance: 2,", "stance: 3,", 1), "utf-8")
    with caplog.at_level(logging.ERROR, logger="valkompass"):
        at = run(quiz_file)
    assert [e.value for e in at.error] == [NOTICE] and not at.code
    assert str(tmp_path) not in str(at._tree)  # no server path anywhere on the page
    assert f"{quiz_file}:21:22 › statements › solleftea-akut › positions › SJVP › stance: expected -2..2" in caplog.text


def test_a_quiz_file_with_a_nul_byte_shows_the_notice_not_streamlits_error_page(tmp_path):
    at = run(BROKEN / "nul-byte.yaml")
    assert [e.value for e in at.error] == [NOTICE]


def test_an_english_visitor_gets_the_notice_in_english():
    at = run(BROKEN / "billion-laughs.yaml", lang="en")
    assert [e.value for e in at.error] == [
        "The quiz cannot be shown right now because its file has errors. Please try again later."]


def test_one_broken_quiz_among_several_leaves_the_others_running(tmp_path, monkeypatch):
    (tmp_path / "quizzes").mkdir()
    shutil.copy(BROKEN / "nul-byte.yaml", tmp_path / "statements.yaml")
    mini_copy(tmp_path / "quizzes").rename(tmp_path / "quizzes" / "mini.yaml")
    monkeypatch.delenv("VALKOMPASS_QUIZ", raising=False)
    monkeypatch.setattr("valkompass_app.catalog.ROOT", tmp_path)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Miniquiz"
