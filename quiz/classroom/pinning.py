"""A room pins the version of the quiz it was made for, and survives edits to the quiz file.

The fingerprint covers the quiz id, the statement ids and the party ids. When the file changes,
the room keeps the statements and parties that still exist (`fit`), and `changed` tells the pages
to show a notice. Nothing ever looks up an id the quiz no longer has.
"""

from __future__ import annotations

import dataclasses
import hashlib

from quiz.classroom.store import Room
from quiz.model import Quiz


def fingerprint(quiz: Quiz) -> str:
    """16 hex digits of sha256 over the quiz id, its statement ids and its party ids, in order."""
    text = "\n".join([quiz.id, *(s.id for s in quiz.statements), "--", *quiz.parties])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fit(quiz: Quiz, room: Room) -> Room:
    """The room limited to the statements and parties `quiz` still has."""
    statements = {s.id for s in quiz.statements}
    return dataclasses.replace(
        room, statement_ids=tuple(s for s in room.statement_ids if s in statements),
        party_ids=tuple(p for p in room.party_ids if p in quiz.parties))


def changed(quiz: Quiz, room: Room) -> bool:
    """Whether the quiz is another one, or another version, than the room was made for."""
    return room.quiz_id != quiz.id or (room.fingerprint != "" and room.fingerprint != fingerprint(quiz))
