"""The languages of the app and the quiz files, declared once.

Every language has a code (used in quiz files, `?lang=` and the language switch), its own name,
the value of `<html lang>`, a gettext locale (the folder of its catalogue under
`valkompass_app/locales/`) and a fallback chain: where a text is not written in the language,
the next language in the chain is used. Swedish is the base language and is always complete.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    english_name: str
    html_lang: str
    locale: str
    fallback: tuple[str, ...] = ()

    @property
    def chain(self) -> tuple[str, ...]:
        """This language's code, then the codes it falls back to, in order."""
        return (self.code, *self.fallback)


BASE = "sv"

LANGUAGES: dict[str, Language] = {
    "sv": Language("sv", "Svenska", "Swedish", "sv", "sv"),
    "en": Language("en", "English", "English", "en", "en", fallback=("sv",)),
    "lattlast": Language("lattlast", "Lättläst", "easy-to-read Swedish", "sv", "sv@lattlast", fallback=("sv",)),
}

CODES: tuple[str, ...] = tuple(LANGUAGES)
REQUIRED: tuple[str, ...] = ("sv", "en")
"""The languages every quiz text must have; a quiz may declare more in `quiz.languages`."""


def language(code: str | None) -> Language:
    """The language with this code; the base language for None or an unknown code."""
    return LANGUAGES.get(code or BASE, LANGUAGES[BASE])


def chain(code: str | None) -> tuple[str, ...]:
    """The codes to try, in order, for a text in `code` (`lattlast` → `lattlast`, `sv`)."""
    return language(code).chain
