"""tools/strings_to_po.py: (Swedish, English) tuples of an old strings.py into the catalogues."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from tools.strings_to_po import catalogue_path, main

BASE = '''STRINGS: dict[str, tuple[str, str]] = {
    "start": ("Starta", "Start"),
    "back": ("← Föregående", "← Previous"),
    "gone": ("Borta", "Gone"),
    "duration": ("{n} påståenden", "{n} statements"),
}
'''
BRANCH = '''STRINGS: dict[str, tuple[str, str]] = {
    "start": ("Starta", "Start"),
    "back": ("← Tillbaka", "← Back"),
    "duration": ("{n} påståenden", "{n} statements"),
    # Journeys
    "embed_hint": ("Bädda in " "valkompassen", "Embed the quiz"),
}
'''


def read(locales: Path, locale: str) -> Catalog:
    with catalogue_path(locales, locale).open("rb") as file:
        return read_po(file, locale=locale)


def texts(locales: Path, locale: str) -> dict[str, tuple[object, bool]]:
    return {m.id if isinstance(m.id, str) else m.id[0]: (m.string, m.fuzzy) for m in read(locales, locale) if m.id}


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Catalogues made from BASE, with lättläst written for it, and BASE and BRANCH as files."""
    base, branch, locales = tmp_path / "base.py", tmp_path / "branch.py", tmp_path / "locales"
    base.write_text(BASE, encoding="utf-8")
    branch.write_text(BRANCH, encoding="utf-8")
    assert main([str(base), "--locales", str(locales)]) == 0
    easy = read(locales, "sv@lattlast")
    for message, text in zip(list(easy)[1:], ("Börja", "← Förra", "Borta", "{n} påståenden"), strict=True):
        message.string, message.flags = text, set()
    with catalogue_path(locales, "sv@lattlast").open("wb") as file:
        write_po(file, easy)
    return base, branch, locales


def test_without_a_base_every_entry_is_written(files):
    _, _, locales = files
    assert texts(locales, "sv") == {"start": ("Starta", False), "back": ("← Föregående", False),
                                    "gone": ("Borta", False), "duration": ("{n} påståenden", False)}
    assert texts(locales, "en")["back"] == ("← Previous", False)


def test_new_keys_get_an_empty_fuzzy_lattlast(tmp_path):
    (tmp_path / "s.py").write_text(BASE, encoding="utf-8")
    main([str(tmp_path / "s.py"), "--locales", str(tmp_path)])
    assert texts(tmp_path, "sv@lattlast")["start"] == ("", True)


def test_with_a_base_only_the_branch_changes_are_applied(files, capsys):
    base, branch, locales = files
    assert main([str(branch), "--base", str(base), "--locales", str(locales)]) == 0
    assert texts(locales, "sv") == {"start": ("Starta", False), "back": ("← Tillbaka", False),
                                    "duration": ("{n} påståenden", False),
                                    "embed_hint": ("Bädda in valkompassen", False)}
    assert texts(locales, "en")["embed_hint"] == ("Embed the quiz", False)
    assert texts(locales, "sv@lattlast") == {
        "start": ("Börja", False),  # unchanged: left alone
        "back": ("← Förra", True),  # the Swedish changed: kept, marked for review
        "duration": ("{n} påståenden", False),
        "embed_hint": ("", True),  # new: to translate
    }
    assert capsys.readouterr().out == ("added 1, updated 1, removed 1\n"
                                       "to translate in sv@lattlast: embed_hint, back\n")


def test_a_plural_entry_is_never_overwritten(files, capsys):
    base, branch, locales = files
    for locale in ("sv", "en", "sv@lattlast"):
        catalogue = read(locales, locale)
        catalogue.delete("duration")
        catalogue.add(("duration", "duration_plural"), ("{n} påstående", "{n} påståenden"))
        with catalogue_path(locales, locale).open("wb") as file:
            write_po(file, catalogue)
    branch.write_text(BRANCH.replace('("{n} påståenden", "{n} statements")', '("{n} frågor", "{n} questions")'),
                      encoding="utf-8")
    main([str(branch), "--base", str(base), "--locales", str(locales)])
    assert texts(locales, "sv")["duration"] == (("{n} påstående", "{n} påståenden"), False)
    assert capsys.readouterr().out.splitlines()[-1] == (
        "skipped (plural in the catalogues, edit the .po files): duration")


def test_a_file_without_strings_is_an_error(tmp_path, capsys):
    (tmp_path / "s.py").write_text("X = 1\n", encoding="utf-8")
    assert main([str(tmp_path / "s.py"), "--locales", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 's.py'}: no STRINGS dict (expected `STRINGS = {{key: (Swedish, English)}}`)\n")


def test_an_entry_that_is_not_a_pair_is_an_error(tmp_path, capsys):
    (tmp_path / "s.py").write_text('STRINGS = {"a": ("x", "y", "z")}\n', encoding="utf-8")
    assert main([str(tmp_path / "s.py"), "--locales", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"error: {tmp_path / 's.py'}: not a (Swedish, English) pair: a\n"
