"""One error type for bad data: `DataError` carries every `Problem` found in one pass."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, with where it is and how to fix it."""

    file: str
    line: int | None
    column: int | None
    path: tuple[str, ...]
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        crumbs = " › ".join(self.path)
        text = f"{where} › {crumbs}: {self.message}" if crumbs else f"{where}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class DataError(Exception):
    """Raised when input data has problems; `problems` lists all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found:"
        return "\n".join([head, *(f"- {p}" for p in self.problems)])
