"""Move UI strings written the old way, `STRINGS = {key: (Swedish, English)}`, into the catalogues.

    python tools/strings_to_po.py BRANCH_STRINGS_PY [--base BASE_STRINGS_PY]

Reads the `STRINGS` dict of a strings.py (without importing it) and writes the Swedish and
English texts into `valkompass_app/locales/{sv,en}/LC_MESSAGES/valkompass.po`, with the key as
msgid. With `--base` (the same file at the common ancestor, e.g. from `git show`), only what the
branch added, changed or removed is applied; without it, every entry is. Lättläst gets each new
key with an empty text, and each key whose Swedish changed is marked fuzzy: both are listed as
"to translate", and the test suite fails until they are written. Plural entries (made with `tn`)
are never overwritten by a single text: they are reported as skipped.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "valkompass_app" / "locales"
DOMAIN = "valkompass"
SOURCE_LANGUAGES = {"sv": 0, "en": 1}
"""The gettext locales filled from the tuple, with the tuple slot each takes."""
TRANSLATED = ("sv@lattlast",)
"""The gettext locales translated by hand from Swedish."""
HEADER = """\
# valkompass UI strings, locale {locale}. The msgid is the key that the code passes to t() or tn().
# Managed with Babel: see README.md, "Languages and translation"."""


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("strings", type=Path, help="a strings.py with a STRINGS dict of (sv, en) tuples")
    parser.add_argument("--base", type=Path, help="the same file before the branch changed it")
    parser.add_argument("--locales", type=Path, default=LOCALES, help="the catalogue folder")
    args = parser.parse_args(argv)
    try:
        strings = read_strings(args.strings)
        base = read_strings(args.base) if args.base else {}
    except (OSError, ValueError, SyntaxError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    changes = apply(strings, base, args.locales)
    print(summary(changes))
    return 0


def read_strings(path: Path) -> dict[str, tuple[str, str]]:
    """The `STRINGS` dict of a strings.py, read as a literal."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "STRINGS" and node.value is not None:  # type: ignore[union-attr]
            value = ast.literal_eval(node.value)  # type: ignore[union-attr]
            bad = [key for key, texts in value.items() if not (isinstance(texts, tuple) and len(texts) == 2)]
            if bad:
                raise ValueError(f"{path}: not a (Swedish, English) pair: {', '.join(bad)}")
            return dict(value)
    raise ValueError(f"{path}: no STRINGS dict (expected `STRINGS = {{key: (Swedish, English)}}`)")


def apply(strings: dict[str, tuple[str, str]], base: dict[str, tuple[str, str]], locales: Path) -> Changes:
    """Write what `strings` adds, changes or removes (against `base`) into every catalogue."""
    catalogues = {locale: _load(locales, locale) for locale in (*SOURCE_LANGUAGES, *TRANSLATED)}
    changes = Changes()
    for key, texts in strings.items():
        if base.get(key) == texts:
            continue
        if catalogues["sv"].get(key) is not None and catalogues["sv"][key].pluralizable:
            changes.skipped.append(key)
            continue
        new = catalogues["sv"].get(key) is None
        sv_changed = new or catalogues["sv"][key].string != texts[0]
        (changes.added if new else changes.updated).append(key)
        for locale, slot in SOURCE_LANGUAGES.items():
            _set(catalogues[locale], key, texts[slot])
        for locale in TRANSLATED:
            _mark(catalogues[locale], key, sv_changed)
    for key in base:
        if key not in strings:
            changes.removed.append(key)
            for catalogue in catalogues.values():
                catalogue.delete(key)
    for locale, catalogue in catalogues.items():
        _save(locales, locale, catalogue)
    return changes


def summary(changes: Changes) -> str:
    lines = [f"added {len(changes.added)}, updated {len(changes.updated)}, removed {len(changes.removed)}"]
    if changes.added or changes.updated:
        lines.append(f"to translate in {', '.join(TRANSLATED)}: {', '.join(changes.added + changes.updated)}")
    if changes.skipped:
        lines.append(f"skipped (plural in the catalogues, edit the .po files): {', '.join(changes.skipped)}")
    return "\n".join(lines)


def catalogue_path(locales: Path, locale: str) -> Path:
    return locales / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def _load(locales: Path, locale: str) -> Catalog:
    path = catalogue_path(locales, locale)
    if not path.exists():
        return Catalog(locale=locale, domain=DOMAIN, header_comment=HEADER.format(locale=locale),
                       project="valkompass", version="1", copyright_holder="the valkompass contributors",
                       msgid_bugs_address="the project's issue tracker", last_translator="valkompass editors",
                       language_team="valkompass editors", fuzzy=False)
    with path.open("rb") as file:
        return read_po(file, locale=locale, domain=DOMAIN)


def _set(catalogue: Catalog, key: str, text: str) -> None:
    message = catalogue.get(key)
    if message is None:
        catalogue.add(key, text)
    else:
        message.string = text


def _mark(catalogue: Catalog, key: str, sv_changed: bool) -> None:
    """A new key gets an empty text; a key whose Swedish changed is marked fuzzy (to review)."""
    message = catalogue.get(key)
    if message is None:
        catalogue.add(key, "", flags=("fuzzy",))
    elif sv_changed:
        message.flags.add("fuzzy")


def _save(locales: Path, locale: str, catalogue: Catalog) -> None:
    path = catalogue_path(locales, locale)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalogue, width=100, omit_header=False)


if __name__ == "__main__":
    sys.exit(main())
