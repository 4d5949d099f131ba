"""Every user-facing UI string, in the gettext catalogues under `valkompass_app/locales/`.

`t(key, lang, **values)` looks a string up and fills in `{placeholders}`; `tn(key, plural_key, n,
lang, **values)` does the same for a text that depends on a count. The msgid in the catalogues
is the key; each language's catalogue holds the text. Which languages exist, and which language
stands in when a text is missing, is declared once in `quiz/languages.py`. How to add or change
a string: README.md, "Languages and translation". Content (statements, quotes, party names)
comes from the quiz files, never from here.
"""

from __future__ import annotations

import gettext
import re
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from quiz.languages import language

LOCALES = Path(__file__).parent / "locales"
DOMAIN = "valkompass"


def N_(key: str) -> str:
    """Mark a key that a page passes to `t` in a variable, so that extraction finds it."""
    return key


INDIRECT = (
    N_("what_quiz"), N_("what_parties"), N_("what_statements"), N_("what_lang"),  # main: unknown ids in a link
    N_("reason_too_long"), N_("reason_malformed"), N_("reason_version"),  # main: ShareError.reason
    N_("reason_other_quiz"), N_("reason_checksum"), N_("reason_bad_value"),
    N_("divisive"), N_("consensus"),  # classview: discussion headings
)
"""Keys used only through a variable (`t(what, lang)`, `t(f"reason_{reason}", lang)`)."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def t(key: str, lang: str | None, **values: object) -> str:
    """The string `key` in `lang` (a code of `quiz/languages.py`), with `{placeholders}` filled in."""
    template = translations(lang).gettext(key)
    return template.format(**values) if values else template


def tn(key: str, plural_key: str, n: int, lang: str | None, **values: object) -> str:
    """The form of `key` that fits the count `n` in `lang` ("1 minut", "2 minuter"); `{n}` is `n`."""
    return translations(lang).ngettext(key, plural_key, n).format(n=n, **values)


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@cache
def translations(lang: str | None) -> gettext.NullTranslations:
    """The catalogue of `lang`, falling back along the language's chain (lättläst → Swedish).

    A key that no catalogue of the chain has raises KeyError: it is a bug, never shown as a key."""
    chain = [Translations(BytesIO(_compiled(language(code).locale))) for code in language(lang).chain]
    for catalogue, fallback in zip(chain, chain[1:], strict=False):
        catalogue.add_fallback(fallback)
    chain[-1].add_fallback(_Missing())
    return chain[0]


def catalogue_path(locale: str) -> Path:
    return LOCALES / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _compiled(locale: str) -> bytes:
    """The .po catalogue compiled to .mo in memory, without fuzzy or empty texts."""
    with catalogue_path(locale).open("rb") as file:
        catalogue = read_po(file, locale=locale, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    return compiled.getvalue()


class _Missing(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        raise KeyError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(msgid1)
