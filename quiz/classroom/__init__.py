"""Class mode: rooms, anonymous submissions and class aggregates, on SQLite or PostgreSQL.

What is stored about a pupil: the answer vector to the room's statements, the statements marked
important, and a hash of a random key that lives in the pupil's own link (`?class=CODE&k=KEY`),
so that a double click, a reload, a second tab or a server restart counts once and the pupil can
change answers while the room is open. No name, no IP address, no browser details, no timestamps
and no order of submissions. Teachers and pupils only ever see published snapshots of the
aggregates: nothing until at least `threshold` pupils (never fewer than 3) answered, and a new
snapshot only once `threshold` more are new or changed.

    store = ClassroomStore.from_env()
    created = store.create_room("vasternorrland", statement_ids, party_ids, all_statements=44,
                                fingerprint=fingerprint(quiz))   # code, control token, board token
    store.submit(created.code, pupil_key, answers)               # a pupil
    room = store.teacher_room(created.token)                     # the teacher's device
    summary = published_summary(store, quiz, room)               # what the class may see
"""

from quiz.classroom.aggregate import ClassSummary, StatementSpread, published_summary, summarise, summary_csv
from quiz.classroom.codes import format_code, new_code, new_token, normalise_code
from quiz.classroom.errors import ClassroomError
from quiz.classroom.limits import SlidingWindow
from quiz.classroom.pinning import changed, fingerprint, fit
from quiz.classroom.store import ClassroomStore, CreatedRoom, Room, Snapshot

__all__ = [
    "ClassSummary",
    "ClassroomError",
    "ClassroomStore",
    "CreatedRoom",
    "Room",
    "SlidingWindow",
    "Snapshot",
    "StatementSpread",
    "changed",
    "fingerprint",
    "fit",
    "format_code",
    "new_code",
    "new_token",
    "normalise_code",
    "published_summary",
    "summarise",
    "summary_csv",
]
