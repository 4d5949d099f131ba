"""The real app.py, driven by Streamlit's AppTest."""

from __future__ import annotations

import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from quiz.load import load_quiz
from quiz.model import Answers
from quiz.share import encode
from tests.conftest import FIXTURES, ROOT

APP = str(ROOT / "app.py")


def app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [e.value for e in at.info] + [e.value for e in at.warning] + [e.value for e in at.success]
    parts += [e.value for e in at.error] + [t.value for t in at.title]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))  # undo Markdown escaping


def match_table(at: AppTest) -> str:
    """The HTML of the results page's table of the match per party."""
    return next(h.proto.body for h in at.get("html") if "Tabell: överensstämmelse per parti" in h.proto.body)


def click(at: AppTest, key: str) -> AppTest:
    return at.button(key=key).click().run()


def answer_all(at: AppTest, values: dict[str, int | None]) -> AppTest:
    for statement_id, value in values.items():
        at = click(at, f"skip_{statement_id}" if value is None else f"answer_{statement_id}_{value}")
    return at


@pytest.fixture(scope="module")
def shipped():
    return load_quiz(ROOT / "statements.yaml")


def test_start_page_says_what_it_is_and_promises_privacy():
    at = app()
    assert not at.exception
    assert at.title[0].value == "Valkompass Region Västernorrland"
    assert "De sparas inte och loggas aldrig." in texts(at)


def test_answering_every_statement_shows_the_top_party(shipped):
    at = click(app(), "start_button")
    # answer exactly as SJVP where it has a position, skip the rest: SJVP 100 %, S less (they differ)
    at = answer_all(at, {s.id: s.stance("SJVP") for s in shipped.statements})
    at = click(at, "to_results")
    assert not at.exception
    assert "Du står närmast Sjukvårdspartiet Västernorrland, " in texts(at)
    assert re.search(r"<td>\d+ av \d+ påståenden</td>", match_table(at))


def test_skipping_everything_gives_the_defined_message(shipped):
    at = click(app(), "start_button")
    at = answer_all(at, {s.id: None for s in shipped.statements})
    assert at.button(key="to_results").disabled
    at.pills(key="nav").set_value("results").run()
    assert "Du har hoppat över alla påståenden" in texts(at)


def test_switching_language_mid_quiz_keeps_the_answers(shipped):
    at = click(app(), "start_button")
    first = shipped.statements[0].id
    at = click(at, f"answer_{first}_1")
    at.segmented_control(key="lang").set_value("en").run()
    assert at.session_state["answers"] == {first: 1}
    assert "Statement 2 of" in str(at.get("progress")[0].proto.text)


def test_a_share_link_reopens_the_same_results(shipped):
    answers = Answers({s.id: -1 for s in shipped.statements[:10]}, frozenset({shipped.statements[0].id}))
    at = app(r=encode(shipped, answers))
    assert not at.exception and at.session_state["page"] == "results"
    assert at.session_state["answers"] == dict(answers.values)
    assert at.session_state["important"] == set(answers.important)


def test_a_tampered_link_is_ignored_with_a_notice(shipped):
    token = encode(shipped, Answers({shipped.statements[0].id: 2}))
    at = app(r=token[:-4] + "AAAA")
    assert not at.exception and at.session_state["page"] == "start"
    assert "Länken till resultatet kunde inte läsas (den har ändrats eller kortats)" in texts(at)


def test_unknown_parameters_get_a_notice_not_a_traceback():
    at = app(parties="S,NOPE", statements="solleftea-akut,zzz", lang="xx")
    assert not at.exception
    assert "Okänt parti i länken ignorerades: NOPE." in texts(at)
    assert "Okänt påstående i länken ignorerades: zzz." in texts(at)


def test_a_broken_quiz_file_shows_visitors_a_short_notice(tmp_path, monkeypatch):
    for file in (FIXTURES / "mini").iterdir():
        shutil.copy(file, tmp_path)
    broken = tmp_path / "statements.yaml"
    text = broken.read_text(encoding="utf-8").replace("../../../weights.yaml", str(ROOT / "weights.yaml"))
    broken.write_text(text.replace("SJVP: {stance: 2,", "SJVP: {stance: yes,"), encoding="utf-8")
    monkeypatch.setenv("VALKOMPASS_QUIZ", str(broken))
    at = app()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Valkompassen kan inte visas just nu eftersom quizfilen innehåller fel. Försök igen senare."]
    assert not at.code  # the checker's report, with server paths, goes to the server log only


def test_content_is_shown_as_text_never_as_html(tmp_path, monkeypatch):
    for file in (FIXTURES / "mini").iterdir():
        shutil.copy(file, tmp_path)
    quiz = tmp_path / "statements.yaml"
    text = quiz.read_text(encoding="utf-8").replace("../../../weights.yaml", str(ROOT / "weights.yaml"))
    quiz.write_text(text.replace("Återöppna akutkirurgin i Sollefteå.", "<script>alert(1)</script>"),
                    encoding="utf-8")
    monkeypatch.setenv("VALKOMPASS_QUIZ", str(quiz))
    at = click(app(), "start_button")
    heading = at.markdown[0]
    assert heading.value == r"### \<script\>alert\(1\)\</script\>"
    assert not any(m.proto.allow_html for m in at.markdown)


def test_an_embedded_subset_shows_only_those_statements_and_parties(shipped):
    at = click(app(embed="true", statements="solleftea-akut,arbetsskor", parties="SJVP"), "start_button")
    assert "Påstående 1 av 2" in str(at.get("progress")[0].proto.text)
    at = click(at, "answer_solleftea-akut_2")
    at = click(at, "answer_arbetsskor_2")
    at = click(at, "to_results")
    table = match_table(at)
    assert "Sjukvårdspartiet Västernorrland" in table and "Socialdemokraterna" not in table
    assert "Jämförelse med endast: Sjukvårdspartiet Västernorrland." in texts(at)


def test_the_list_layout_answers_every_statement_on_one_page(shipped):
    at = click(app(layout="list"), "start_button")
    for statement in shipped.statements[:3]:
        at = at.radio(key=f"list_{statement.id}").set_value(1).run()
    at = click(at, "list_results")
    assert not at.exception and at.session_state["page"] == "results"
    assert at.session_state["answers"] == {s.id: 1 for s in shipped.statements[:3]}
