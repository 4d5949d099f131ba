"""The results page, driven by AppTest: any party id or name, one party, one statement, any scale
size, and the verdict in words. Tables are HTML with positional columns (see valkompass_app/tables)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from quiz.errors import DataError
from quiz.load import load_quiz
from tests.conftest import ROOT

APP = str(ROOT / "app.py")
QUOTE = "Vi vill detta."


def write_quiz(folder: Path, parties: list[tuple[str, str]], stances: dict[str, dict[str, int | None]],
               scale: tuple[int, ...] = (2, 1, 0, -1, -2)) -> Path:
    """A quiz file with the given (id, name) parties and statement → party → stance."""
    (folder / "p.txt").write_text(QUOTE, encoding="utf-8")
    weights = {"scale": {"answers": [{"value": v, "label": {"sv": f"Svar {v}", "en": f"Answer {v}"}} for v in scale],
                         "skip": {"sv": "Hoppa över", "en": "Skip"}},
               "important_weight": 2, "missing": {"rule": "drop"}, "default_method": "cityblock",
               "methods": {"cityblock": {"name": {"sv": "Avstånd", "en": "Distance"},
                                         "description": {"sv": "d", "en": "d"}, "rule": "distance"}}}
    (folder / "weights.yaml").write_text(yaml.safe_dump(weights, allow_unicode=True), encoding="utf-8")
    data = {
        "quiz": {"id": "odd", "title": {"sv": "Udda", "en": "Odd"}, "region": "R", "election": "E",
                 "description": {"sv": "d", "en": "d"}, "weights": "weights.yaml"},
        "sources": [{"id": f"src-{i}", "party": pid, "title": "Program", "kind": "program", "year": 2024,
                     "file": "p.txt"} for i, (pid, _) in enumerate(parties)],
        "parties": [{"id": pid, "name": {"sv": name, "en": name}, "color": "#336699"} for pid, name in parties],
        "topics": [{"id": "t", "name": {"sv": "Ämne", "en": "Topic"}}],
        "statements": [{"id": sid, "topic": "t", "text": {"sv": f"Påstående {sid}", "en": f"Statement {sid}"},
                        "positions": {pid: ({"stance": None} if stance is None else
                                            {"stance": stance, "source": f"src-{[p for p, _ in parties].index(pid)}",
                                             "quote": QUOTE})
                                      for pid, stance in row.items()}}
                       for sid, row in stances.items()],
    }
    path = folder / "quiz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def results(path: Path, monkeypatch: pytest.MonkeyPatch, values: dict[str, int | None], **query: str) -> AppTest:
    monkeypatch.setenv("VALKOMPASS_QUIZ", str(path))
    load_quiz(path)  # the fixture itself passes the checker
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["answers"] = values
    at.session_state["important"] = set()
    at.session_state["page"] = at.session_state["nav"] = "results"
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["page"] == "results"
    return at


def tables(at: AppTest) -> list[list[list[str]]]:
    """Every HTML table on the page as rows of cell texts (header row first)."""
    found = []
    for element in at.get("html"):
        body = element.proto.body
        if "<table" not in body:
            continue
        rows = re.findall(r"<tr>(.*?)</tr>", body)
        found.append([[html.unescape(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)] for row in rows])
    return found


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.info]
    parts += [e.value for e in at.warning] + [e.value for e in at.success]
    # undo Markdown escaping and the word joiners `state.escape` puts after ":" (no emoji shortcodes)
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts)).replace("\u2060", "")


@pytest.mark.parametrize("odd", ["order", "Du", "You", "topic", "statement", "column", "key", "index"])
def test_any_party_id_makes_valid_tables(tmp_path, monkeypatch, odd):
    path = write_quiz(tmp_path, [(odd, odd), ("B", "Zulu")], {"a": {odd: 2, "B": -2}, "b": {odd: 1, "B": 1}})
    at = results(path, monkeypatch, {"a": 2, "b": 2}, lang="en" if odd == "You" else "sv")
    match, compare, topics = tables(at)
    you = "You" if odd == "You" else "Du"
    assert compare[0] == ([("Statement" if odd == "You" else "Påstående"), you, f"{odd} (2)" if odd == you else odd,
                           "B"])
    assert compare[1][1:] == ["++", "++", "−−"]
    assert [row[0] for row in match[1:]] == [f"1. {odd}", "2. Zulu"]


def test_two_parties_with_the_same_name_are_refused_before_any_page_shows_them(tmp_path):
    """Citizens tell parties apart by name, so the checker refuses a second 'Samma' (and the app
    never has to show two columns with one header)."""
    path = write_quiz(tmp_path, [("A", "Samma"), ("B", "Samma")], {"a": {"A": 2, "B": -2}})
    with pytest.raises(DataError, match="the name 'Samma' is already used by party 'A'"):
        load_quiz(path)


def test_one_party_shows_the_agreement_never_closest(tmp_path, monkeypatch):
    path = write_quiz(tmp_path, [("A", "Alfa")], {"a": {"A": 1}})
    at = results(path, monkeypatch, {"a": 2})
    text = page_text(at)
    assert "Din överensstämmelse med Alfa: 75\u00a0%." in text  # 4 − |2 − 1| = 3 of 4
    assert "Bara ett parti jämförs, så resultatet säger inget om vilket parti du står närmast." in text
    assert "närmast Alfa" not in text
    assert "Avstånd: 75,0\u00a0%." in text


def test_a_party_subset_is_stated_and_never_called_closest(tmp_path, monkeypatch):
    path = write_quiz(tmp_path, [("A", "Alfa"), ("B", "Bravo")], {"a": {"A": 2, "B": -2}})
    at = results(path, monkeypatch, {"a": 2}, parties="B")
    text = page_text(at)
    assert "Jämförelse med endast: Bravo. Valkompassen har fler partier än så." in text
    assert "Din överensstämmelse med Bravo: 0\u00a0%." in text
    assert "närmast" not in text.replace("vilket parti du står närmast", "")


def test_a_near_tie_is_called_too_close_with_the_margin(tmp_path, monkeypatch):
    path = write_quiz(tmp_path, [("A", "Alfa"), ("B", "Bravo")], {"a": {"A": 2, "B": 1}, "b": {"A": -1, "B": -1}})
    at = results(path, monkeypatch, {"a": 2, "b": 2})
    text = page_text(at)
    # Alfa (4 + 1)/8 = 62.5 %, Bravo (3 + 1)/8 = 50 %; answer a one step lower swaps them
    assert "Jämnt mellan Alfa och Bravo." in text
    assert ("Alfa ligger 12,5 procentenheter före, men om ett enda av dina svar flyttas ett steg på skalan kan "
            "ordningen bli en annan.") in text
    assert "Du står närmast" not in text


def test_a_clear_lead_names_the_margin_and_the_firmness(tmp_path, monkeypatch):
    stances = {s: {"A": 2, "B": -2} for s in "abc"}
    path = write_quiz(tmp_path, [("A", "Alfa"), ("B", "Bravo")], stances)
    at = results(path, monkeypatch, {"a": 2, "b": 2, "c": 2})
    text = page_text(at)
    assert "Du står närmast Alfa, 100,0 procentenheter före Bravo." in text
    assert "Alfa hamnar överst med alla räknesätt nedan. Minsta marginalen är 100,0 procentenheter." in text
    assert "Avstånd: Alfa överst med 100,0\u00a0%, 100,0 procentenheter före nästa parti." in text
    assert ("Resultatet håller även om något enskilt av partiernas ställningstaganden hade kodats ett steg "
            "annorlunda.") in text


def test_different_coverage_gets_a_head_to_head(tmp_path, monkeypatch):
    path = write_quiz(tmp_path, [("A", "Alfa"), ("B", "Bravo")],
                      {"a": {"A": 2, "B": -2}, "b": {"A": 2, "B": None}, "c": {"A": -2, "B": 2}})
    at = results(path, monkeypatch, {"a": 2, "b": 2, "c": 2})
    # on a and c only: Alfa 4 + 0 = 4/8, Bravo 0 + 4 = 4/8
    assert "Alfa mot Bravo, på 2 påståenden: Alfa 50,0\u00a0%, Bravo 50,0\u00a0%." in page_text(at)


@pytest.mark.parametrize("scale", [(1, -1), (3, 2, 1, 0, -1, -2, -3), tuple(range(5, -6, -1))])
def test_any_scale_from_2_to_11_options_renders(tmp_path, monkeypatch, scale):
    path = write_quiz(tmp_path, [("A", "Alfa"), ("B", "Bravo")], {"a": {"A": scale[0], "B": scale[-1]}}, scale)
    at = results(path, monkeypatch, {"a": scale[-1]})
    compare = tables(at)[1]
    assert compare[1][1] == compare[1][3]  # your answer and Bravo's stance have the same symbol


def test_english_quotes_say_they_are_in_the_original_swedish(tmp_path, monkeypatch):
    path = write_quiz(tmp_path, [("A", "Alfa")], {"a": {"A": 1}})
    at = results(path, monkeypatch, {"a": 2}, lang="en")
    [picker] = [box for box in at.selectbox if (box.key or "").startswith("quotes_")]
    picker.set_value("a").run()
    assert "The quotes are in the original Swedish; they are not translated." in page_text(at)


def test_before_any_answer_the_page_says_so_not_that_everything_was_skipped(tmp_path, monkeypatch):
    path = write_quiz(tmp_path, [("A", "Alfa")], {"a": {"A": 1}})
    at = results(path, monkeypatch, {})
    assert [w.value for w in at.warning] == [
        "Du har inte svarat på något påstående än. Gå till påståendena och svara på minst ett."]


def test_the_ux_walks_near_tie_link_is_called_too_close(monkeypatch):
    """ux-walk #5: S 55.68 % against SJVP 55.56 % was announced as "Du står närmast S" and "stable"."""
    monkeypatch.setenv("VALKOMPASS_QUIZ", str(ROOT / "tests" / "fixtures" / "ux-walk-2a16f23" / "statements.yaml"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(quiz="vasternorrland", lang="sv", r="AR0_730SRTASRTASRTASRTASRTASRTASRTASw9Y")
    at.run()
    text = page_text(at)
    assert "Jämnt mellan Socialdemokraterna Västernorrland och Sjukvårdspartiet Västernorrland." in text
    assert ("Socialdemokraterna Västernorrland ligger bara 0,1 procentenheter före, och avrundat är "
            "procentsatserna lika.") in text
    assert "Du står närmast" not in text
    assert "Minsta marginalen är 0,1 procentenheter." in text
