"""Class mode: rooms, anonymous submissions and class aggregates, on SQLite or PostgreSQL.

What is stored about a pupil: the answer vector to the room's statements, the statements marked
important, and a hash of a random submission key made in the pupil's browser session (so that a
double click or a reload counts once and the pupil can change answers while the room is open).
No name, no IP address, no browser details, no timestamps per submission. Teachers only ever see
aggregates, and no distribution until at least `threshold` pupils (never fewer than 3) answered.

    store = ClassroomStore.from_env()
    created = store.create_room("vasternorrland", statement_ids, party_ids)   # code + teacher token
    store.submit(created.code, submission_key, answers)                       # a pupil
    room = store.teacher_room(created.token)                                  # the teacher
    summary = summarise(quiz, room, store.answers(room))
"""

from quiz.classroom.aggregate import ClassSummary, StatementSpread, summarise, summary_csv
from quiz.classroom.codes import format_code, new_code, new_token, normalise_code
from quiz.classroom.errors import ClassroomError
from quiz.classroom.store import ClassroomStore, CreatedRoom, Room

__all__ = [
    "ClassSummary",
    "ClassroomError",
    "ClassroomStore",
    "CreatedRoom",
    "Room",
    "StatementSpread",
    "format_code",
    "new_code",
    "new_token",
    "normalise_code",
    "summarise",
    "summary_csv",
]
