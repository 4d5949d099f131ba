"""The docs are part of the product: every data field is documented, and CI runs the README's commands."""

import re

from quiz import load, weights
from quiz.cli import main
from quiz.rules import RULES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def documented(name: str) -> bool:
    return f"`{name}`" in README


def test_every_statements_field_is_in_the_readme():
    fields = [f"quiz.{f}" for f in load.QUIZ_FIELDS] + [f"sources[].{f}" for f in load.SOURCE_FIELDS]
    fields += [f"parties[].{f}" for f in load.PARTY_FIELDS] + [f"topics[].{f}" for f in load.TOPIC_FIELDS]
    fields += [f"statements[].{f}" for f in load.STATEMENT_FIELDS]
    fields += [f"positions.<party>.{f}" for f in load.POSITION_FIELDS]
    assert [f for f in fields if not documented(f)] == []


def test_every_weights_field_is_in_the_readme():
    fields = list(weights.TOP_FIELDS) + [f"methods.<id>.{f}" for f in weights.METHOD_FIELDS]
    fields += ["scale.answers", "scale.answers[].value", "scale.answers[].label", "scale.skip"]
    assert [f for f in fields if not documented(f)] == []


def setup_commands() -> list[str]:
    section = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    ")]


def test_readme_has_exactly_two_setup_commands():
    commands = setup_commands()
    assert len(commands) == 2
    assert commands[0].endswith("streamlit run app.py") and commands[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_commands()[1] in ci.splitlines()


def test_requirements_use_ranges():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        assert re.match(r"^[A-Za-z0-9_.-]+(\[\w+\])?>=[\d.]+,<[\d.]+$", line), line


def test_the_readmes_example_error_is_what_the_checker_says(capsys):
    section = README.split("## Check your own files", 1)[1].split("\n## ", 1)[0]
    example = section.split("    $ ", 1)[1].split("\n\n", 1)[0].splitlines()
    command, expected = example[0].split(), [line.removeprefix("    ") for line in example[1:]]
    assert command[:3] == ["python", "-m", "quiz"]
    assert main(command[3:]) == 1
    assert capsys.readouterr().out.splitlines() == expected


def test_every_scoring_rule_is_in_the_readme():
    assert [rule for rule in RULES if f"`{rule}`" not in README] == []
