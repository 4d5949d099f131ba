"""`python -m quiz build-static`: which files it writes and what the quiz JSON holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.model import Quiz
from quiz.static.build import build_static, gzip_sizes, match_spec, quiz_data
from tests.conftest import ROOT

FILES = ["index.html", "quiz.json", "style.css", "valkompass.js", "vega-bundle.js"]


def test_build_writes_the_page_its_data_script_and_the_vega_bundle(shipped: Quiz, tmp_path: Path) -> None:
    written = build_static(shipped, tmp_path / "site")
    assert sorted(path.name for path in written) == FILES
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    for name in FILES[1:]:
        assert f"{name}?v=" in html
    assert "{{" not in html


def test_the_command_builds_and_prints_the_compressed_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build-static", "--quiz", "quizzes/ett-gott-liv.yaml", "-o", str(tmp_path / "out")]) == 0
    total = sum(compressed for _, compressed in gzip_sizes(tmp_path / "out").values())
    assert capsys.readouterr().out == (f"wrote {tmp_path / 'out'}/: {', '.join(FILES)} "
                                       f"({total / 1_000_000:.2f} MB gzip-compressed)\n")


def test_the_command_refuses_a_file_as_the_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    assert main(["build-static", "-o", str(tmp_path / "taken")]) == 1
    assert capsys.readouterr().err == (f"1 problem found:\n- {tmp_path / 'taken'}: exists and is not a folder "
                                       "(hint: give the name of a new or existing folder)\n")


def test_our_own_files_name_no_other_host() -> None:
    """The page, its scripts and its style load nothing by absolute URL (the CSP allows 'self' only)."""
    for name in ("template.html", "page.js", "valkompass.js", "style.css"):
        text = (ROOT / "quiz" / "static" / name).read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//" + "cdn" not in text, name


def test_quiz_data_lists_parties_in_a_neutral_order_per_language(shipped: Quiz) -> None:
    data = quiz_data(shipped)
    for lang in ("sv", "en"):
        names = [shipped.parties[p].name.get(lang).casefold() for p in data["order"][lang]]
        assert names == sorted(names)


def test_methods_are_data_with_their_tables_and_missing_rules() -> None:
    from quiz.load import load_quiz

    svt = quiz_data(load_quiz(ROOT / "tests" / "fixtures" / "svt-rule" / "quiz.yaml"))["weights"]["methods"]["svt"]
    assert svt["rule"] == "table" and svt["party_importance"] is True
    assert svt["missing"] == {"rule": "penalty", "max_points": 2.5}
    assert svt["table"]["-2"] == {"-2": 11, "-1": 8, "1": 3, "2": 0}


def test_the_match_chart_is_the_apps_spec_with_named_data(shipped: Quiz) -> None:
    spec = match_spec(shipped, "sv")
    assert spec["data"] == {"name": "match"} and "datasets" not in spec
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "text", "text"]
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Överensstämmelse (%)"
    json.dumps(spec)


def test_the_readme_offers_the_static_build_with_its_command_and_snippet() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Static build (any web host)\n", 1)[1].split("\n## ", 1)[0]
    assert "    python -m quiz build-static --quiz statements.yaml -o valkompass-site/\n" in section
    assert '<iframe src="https://your-site.example/valkompass-site/?lang=sv"' in section
    assert readme.index("### Embedding") < readme.index("## Static build") < readme.index("## Class mode")
