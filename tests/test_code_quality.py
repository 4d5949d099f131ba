"""The engine stays pure and typed: no Streamlit in quiz/, mypy --strict and ruff are clean."""

import subprocess
import sys

from tests.conftest import ROOT


def test_the_engine_never_imports_streamlit():
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "quiz").rglob("*.py")
                 if "import streamlit" in path.read_text(encoding="utf-8")
                 or "from streamlit" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_mypy_strict_passes_on_the_engine():
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "quiz"], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout


def test_ruff_passes():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout
