"""The engine stays pure and typed: no Streamlit in quiz/, mypy --strict and ruff are clean."""

import subprocess
import sys
import tomllib

import streamlit.config

from tests.conftest import ROOT


def test_the_engine_never_imports_streamlit():
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "quiz").rglob("*.py")
                 if "import streamlit" in path.read_text(encoding="utf-8")
                 or "from streamlit" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_the_chart_module_does_not_load_the_database_layer():
    run = subprocess.run([sys.executable, "-c", "import sys, quiz.charts; print('sqlalchemy' in sys.modules)"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_the_app_modules_import_each_other_one_way():
    """Every app module imports on its own, in any order: no import cycle hidden inside a function."""
    modules = sorted(p.stem for p in (ROOT / "valkompass_app").glob("*.py") if p.stem != "__init__")
    for module in modules:
        run = subprocess.run([sys.executable, "-c", f"import valkompass_app.{module}"], cwd=ROOT,
                             capture_output=True, text=True, check=False)
        assert run.returncode == 0, (module, run.stderr[-500:])
    inline = [str(p.relative_to(ROOT)) for p in (ROOT / "valkompass_app").glob("*.py")
              if any(line.startswith(("    from valkompass_app", "        from valkompass_app"))
                     for line in p.read_text(encoding="utf-8").splitlines())]
    assert inline == []


def test_mypy_as_configured_is_strict_and_passes_on_the_engine_and_the_app():
    """`mypy` alone runs what pyproject.toml configures: strict, on quiz/ and valkompass_app/."""
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'packages = ["quiz", "valkompass_app"]' in config and "strict = true" in config
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout


def test_ruff_passes():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout


def test_no_test_or_tool_reads_outside_the_repository():
    """Only bench/ may use the workspace's ../shared/tools; everything else is self-contained."""
    patterns = ("../shared", '/ "shared"', "ROOT.parent", "parents[2]")  # not the session key "shared"
    files = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "quiz").rglob("*.py"), *(ROOT / "valkompass_app").rglob("*.py")]
    offenders = [str(p.relative_to(ROOT)) for p in files if p.name != "test_code_quality.py"
                 and any(pattern in p.read_text(encoding="utf-8") for pattern in patterns)]
    assert offenders == []


def test_the_match_formula_has_one_home():
    """Points become a percentage only in quiz.rules.percent."""
    files = [*(ROOT / "quiz").rglob("*.py"), *(ROOT / "valkompass_app").rglob("*.py")]
    offenders = [str(p.relative_to(ROOT)) for p in files if p.name != "rules.py"
                 and "100 *" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_streamlit_caps_what_one_browser_can_send():
    """A frame over 1 MB is closed (1009), not kept in the session (was 25 MB, about 40 MB per session)."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["server"]
    assert (config["maxWidgetStateSize"], config["maxMessageSize"], config["maxUploadSize"]) == (1, 10, 1)
    known = streamlit.config._config_options_template  # a misspelt option would be ignored silently
    assert {f"server.{key}" for key in config} <= set(known)
