"""The real app.py, driven by Streamlit's AppTest."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from quiz.load import load_quiz
from quiz.model import Answers
from quiz.share import decode, encode
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


def card(at: AppTest) -> dict[str, str]:
    """The card's top, one HTML element: progress, topic and statement, as the browser shows them
    (each text unescaped once), and the heading's data for the page script."""
    [top] = [m.value for m in at.markdown if m.proto.allow_html and 'class="vk-card-top"' in m.value]
    found = {name: re.search(pattern, top) for name, pattern in (
        ("progress", r'class="vk-progress-text">([^<]*)<'), ("topic", r'class="vk-topic">([^<]*)<'),
        ("statement", r'<h3 class="vk-statement"[^>]*>([^<]*)<'), ("move", r'data-vk-move="([^"]*)"'),
        ("target", r'data-vk-target="([^"]*)"'), ("announce", r'data-vk-announce="([^"]*)"'))}
    assert all(found.values()), top
    return {name: html.unescape(match.group(1)) for name, match in found.items() if match}


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
    assert "De sparas inte på servern och loggas aldrig." in texts(at)


def test_answering_every_statement_shows_the_top_party(shipped):
    at = click(app(), "start_button")
    # answer exactly as SJVP where it has a position, skip the rest: SJVP 100 %, S less (they differ)
    at = answer_all(at, {s.id: s.stance("SJVP") for s in shipped.statements})
    at = click(at, "to_results")
    assert not at.exception
    assert "Du står närmast Sjukvårdspartiet Västernorrland, " in texts(at)
    assert re.search(r"<td>\d+ av \d+ påståenden</td>", match_table(at))


def test_the_shared_chart_templates_are_not_changed_by_the_pages_that_use_them(shipped):
    """`results.templates` hands every visitor the same dicts (`cache_resource`): after two result
    pages with other answers, they still equal freshly built ones."""
    from valkompass_app import results
    from valkompass_app.catalog import party_order

    ids = [s.id for s in shipped.statements]
    for tokens in ({s.id: 2 for s in shipped.statements[:5]}, {s.id: -1 for s in shipped.statements[3:9]}):
        at = app(r=encode(shipped, Answers(tokens)))
        assert not at.exception and at.session_state["page"] == "results"
    path, parties = str(ROOT / "statements.yaml"), tuple(party_order(shipped, "sv"))
    args = (path, parties, tuple(ids), "sv")
    key = json.dumps([path, parties, ids, "sv"])
    shared = results.templates(key, *args)
    assert shared is results.templates(key, *args)        # one copy for every visitor
    assert shared == results.templates._info.func(key, *args)  # type: ignore[attr-defined]


def test_skipping_everything_gives_the_defined_message(shipped):
    at = click(app(), "start_button")
    at = click(at, "to_results")
    assert "Du har inte svarat på något påstående än." in texts(at)
    at = click(at, "results_back")
    at = answer_all(at, {s.id: None for s in shipped.statements})
    at = click(at, "to_results")
    assert "Du har hoppat över alla påståenden" in texts(at)
    at.pills(key="nav").set_value("question").run()
    at.pills(key="nav").set_value("results").run()
    assert "Du har hoppat över alla påståenden" in texts(at)


def test_switching_language_mid_quiz_keeps_the_answers(shipped):
    at = click(app(), "start_button")
    first = shipped.statements[0].id
    at = click(at, f"answer_{first}_1")
    at.segmented_control(key="lang").set_value("en").run()
    assert at.session_state["answers"] == {first: 1}
    assert card(at)["progress"].startswith("Statement 2 of")


def test_a_share_link_reopens_the_same_results(shipped):
    answers = Answers({s.id: -1 for s in shipped.statements[:10]}, frozenset({shipped.statements[0].id}))
    at = app(r=encode(shipped, answers))
    assert not at.exception and at.session_state["page"] == "results"
    assert at.session_state["shared"] == answers
    assert at.session_state["answers"] == {}  # the receiver's own answers stay apart


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
    quiz.write_text(text.replace("Återöppna akutkirurgin i Sollefteå.", "<script>alert(1)</script>\\n\\n**fet**"),
                    encoding="utf-8")  # a blank line in the statement (YAML "\n\n"), then Markdown
    monkeypatch.setenv("VALKOMPASS_QUIZ", str(quiz))
    at = click(app(), "start_button")
    assert card(at)["statement"] == "<script>alert(1)</script> **fet**"  # as text: escaped once in the HTML
    top = [m.value for m in at.markdown if m.proto.allow_html]
    assert len(top) == 1 and "<script" not in top[0] and "&lt;script&gt;alert(1)&lt;/script&gt; **fet**" in top[0]
    assert "\n" not in top[0]  # one HTML block: a blank line would hand the rest to Markdown


def test_an_embedded_subset_shows_only_those_statements_and_parties(shipped):
    at = click(app(embed="true", statements="solleftea-akut,arbetsskor", parties="SJVP"), "start_button")
    assert card(at)["progress"] == "Påstående 1 av 2"
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


def test_back_next_and_the_jump_list_act_on_the_card_on_screen(shipped):
    """They sit outside the card's fragment, so they are drawn once per page, not per card: each
    acts on the statement shown when it is pressed."""
    ids = [s.id for s in shipped.statements]
    at = click(app(), "start_button")
    at = click(at, f"answer_{ids[0]}_2")            # a fragment run: the card moves to statement 2
    at = click(at, "nav_next")
    assert at.session_state["index"] == 2 and card(at)["progress"] == f"Påstående 3 av {len(ids)}"
    at = click(click(at, "nav_back"), "nav_back")
    assert at.session_state["index"] == 0
    at = click(at, "nav_back")                      # back from the first statement: the start page
    assert at.session_state["page"] == "start"
    at = click(at, "start_button")
    at.selectbox(key="jump_0").set_value(ids[-1]).run()
    assert at.session_state["index"] == len(ids) - 1 and at.selectbox(key="jump_1").value is None
    moves = int(card(at)["move"])
    assert card(at)["target"] == "h3.vk-statement" and card(at)["announce"] == f"Påstående {len(ids)} av {len(ids)}"
    at = click(at, f"answer_{ids[-1]}_1")           # the last answer: focus goes to "Visa resultat"
    assert card(at)["move"] == str(moves + 1) and card(at)["target"] == ".st-key-to_results button"
    at = click(at, "nav_next")                      # on from the last statement: the results
    assert at.session_state["page"] == "results" and not at.exception


# Journeys: address bar, restart, shared links, embedding, plain text


def test_answers_importance_and_place_go_into_the_address(shipped):
    at = click(app(), "start_button")
    first, second = shipped.statements[0].id, shipped.statements[1].id
    at = click(at, f"answer_{first}_2")
    at = at.toggle(key=f"important_previous_{first}").set_value(True).run()
    assert at.query_params["p"] == "question" and at.query_params["i"] == "2"
    assert decode(shipped, at.query_params["a"]) == Answers({first: 2}, frozenset({first}))
    assert second not in at.session_state["answers"]


def test_a_reload_restores_answers_importance_and_place(shipped):
    token = encode(shipped, Answers({shipped.statements[0].id: -1}, frozenset({shipped.statements[0].id})))
    at = app(a=token, p="question", i="7")
    assert not at.exception
    assert at.session_state["page"] == "question" and at.session_state["index"] == 6
    assert at.session_state["answers"] == {shipped.statements[0].id: -1}
    assert at.session_state["important"] == {shipped.statements[0].id}


def test_a_broken_answer_token_in_the_address_starts_empty_with_a_notice():
    at = app(a="garbage", p="question", i="999999999")
    assert not at.exception and at.session_state["answers"] == {}
    assert at.session_state["index"] == 0
    assert "Svaren i adressen kunde inte läsas (det är ingen resultatlänk), så du börjar utan svar." in texts(at)


def test_start_over_asks_first_and_no_keeps_the_answers(shipped):
    first = shipped.statements[0].id
    at = click(click(app(), "start_button"), f"answer_{first}_1")
    at.pills(key="nav").set_value("start").run()
    at = click(at, "restart_button")
    assert "Vill du börja om? Då tas ditt svar bort." in texts(at)
    at = click(at, "restart_no")
    assert at.session_state["answers"] == {first: 1}
    at = click(click(at, "restart_button"), "restart_yes")
    assert at.session_state["answers"] == {} and at.session_state["page"] == "question"


def test_a_shared_link_is_read_only_and_make_own_starts_empty(shipped):
    shared = Answers({s.id: 2 for s in shipped.statements[:3]})
    at = app(r=encode(shipped, shared))
    assert "Det här är resultatet från en delad länk" in texts(at)
    at = click(at, "make_own")
    assert at.session_state["shared"] is None and at.session_state["answers"] == {}
    assert at.session_state["page"] == "question" and "r" not in at.query_params


def test_widget_mode_shows_only_the_quiz():
    at = app(widget="1")
    assert not at.exception
    assert len(at.segmented_control) == 0 and len(at.pills) == 0 and len(at.selectbox) == 0
    assert "Klassrum" not in [s.value for s in at.subheader]
    assert "Öppen källkod" not in texts(at)


def test_the_quiz_chooser_lists_only_current_quizzes(monkeypatch):
    import valkompass_app.chooser as chooser

    archived = [e for e in chooser_entries() if e.quiz is not None][1:]
    monkeypatch.setattr(chooser, "is_archive", lambda quiz: quiz.id in {e.quiz.id for e in archived})
    at = app()
    assert [s.key for s in at.selectbox] == ["room_lang"]  # one current quiz: no chooser (only class mode's)
    assert "Äldre valkompasser (arkiv)" in [e.label for e in at.expander]


def chooser_entries():
    from valkompass_app.catalog import entries

    return entries()


def test_the_embed_page_gives_a_snippet_for_the_chosen_subset():
    at = app(p="embed")
    assert not at.exception
    at.multiselect(key="embed_statements_vasternorrland").set_value(["solleftea-akut", "arbetsskor"]).run()
    snippet = at.code[0].value
    assert "widget=1" in snippet and "statements=solleftea-akut,arbetsskor" in snippet and "lang=sv" in snippet
    assert "Valkompassen får 2 påståenden." in texts(at)


def test_the_duration_uses_singular_and_plural():
    at = app(statements="solleftea-akut")
    assert "1 påstående, cirka 1 minut." in texts(at)


@pytest.mark.parametrize(("payload", "escaped"), [
    ("Rubrik\n===", "Rubrik\n\\=\\=\\="),                      # no setext heading
    ("    kod", "kod"),                                          # no indented code block
    ("http://evil.example", "http\\:\u2060\\/\\/evil\\.example"),  # no autolink after unescaping
    ("www.evil.example", "www\u2060\\.evil\\.example"),
    ("a@evil.example", "a\\@\u2060evil\\.example"),
    (":warning:", "\\:\u2060warning\\:\u2060"),                  # no emoji shortcode
    (":red[x] $x$", "\\:\u2060red\\[x\\] \\$x\\$"),            # no colour directive, no KaTeX
    ("![](http://e.example/p.png)", "\\!\\[\\]\\(http\\:\u2060\\/\\/e\\.example\\/p\\.png\\)"),
])
def test_escape_leaves_nothing_for_markdown_to_read(payload, escaped):
    from valkompass_app.state import escape

    assert escape(payload) == escaped
