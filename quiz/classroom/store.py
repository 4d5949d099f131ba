"""Rooms and submissions in a real database (SQLAlchemy Core): SQLite in WAL mode by default,
PostgreSQL (psycopg 3) via `VALKOMPASS_DATABASE_URL`. Shared state lives here, never in one
process's memory, so several app processes can serve one class.

Every check-then-write is serialised: on SQLite each transaction takes the write lock at BEGIN
(BEGIN IMMEDIATE); on PostgreSQL a submission and publishing hold the room row FOR UPDATE (so `close()`, an UPDATE
of that row, waits for submissions in flight, every later submission sees the room closed, and
the class-size cap holds), and room creation holds a transaction-level advisory lock.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from quiz.classroom.codes import board_token, digest, new_code, new_token, normalise_code
from quiz.classroom.errors import ClassroomError
from quiz.classroom.schema import checkpoint, install, make_engine, tables
from quiz.languages import CODES
from quiz.model import Answers

MIN_THRESHOLD = 3
DEFAULT_THRESHOLD = 5
DEFAULT_CLASS_SIZE = 40
MAX_CLASS_SIZE = 200
DEFAULT_TTL = timedelta(days=7)
DEFAULT_ROOM_LIMIT = 500
SUBSET = (10, 15)
CREATION_LOCK = 7315002
DEFAULT_DB = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "valkompass" / "class.sqlite3"


@dataclass(frozen=True)
class Room:
    id: int
    code: str
    quiz_id: str
    statement_ids: tuple[str, ...]
    party_ids: tuple[str, ...]
    threshold: int
    closed: bool
    revealed: bool
    expires_at: datetime
    class_size: int = DEFAULT_CLASS_SIZE
    fingerprint: str = ""
    lang: str | None = None
    """The language the teacher chose for the room (a code of quiz/languages.py); pupils who join
    get it. None: each pupil keeps their own (rooms made before the choice existed)."""


@dataclass(frozen=True)
class CreatedRoom:
    """What the teacher gets once: the join code, the control token and the projector's view token."""

    code: str
    token: str
    board_token: str
    room: Room


@dataclass(frozen=True)
class Snapshot:
    """The published class results: built from `submissions` answer sets, as `summary` (JSON)."""

    submissions: int
    summary: str


class ClassroomStore:
    """All class-mode storage. Safe to share between threads and between processes."""

    def __init__(self, url: str, schema: str | None = None, room_limit: int = DEFAULT_ROOM_LIMIT,
                 limit_window: timedelta = timedelta(minutes=10),
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC), ttl: timedelta = DEFAULT_TTL) -> None:
        self.engine = make_engine(url)
        self.tables = tables(schema)
        self.rooms, self.submissions = self.tables.rooms, self.tables.submissions
        self.snapshots, self.creations = self.tables.snapshots, self.tables.creations
        self.room_limit, self.limit_window, self.clock, self.ttl = room_limit, limit_window, clock, ttl
        install(self.engine, self.tables)

    @classmethod
    def from_env(cls) -> ClassroomStore:
        """PostgreSQL from VALKOMPASS_DATABASE_URL, else SQLite at VALKOMPASS_DB_PATH (or the default)."""
        url = os.environ.get("VALKOMPASS_DATABASE_URL")
        if not url:
            path = Path(os.environ.get("VALKOMPASS_DB_PATH", DEFAULT_DB))
            path.parent.mkdir(parents=True, exist_ok=True)
            url = f"sqlite:///{path}"
        return cls(url, room_limit=int(os.environ.get("VALKOMPASS_ROOM_LIMIT", str(DEFAULT_ROOM_LIMIT))),
                   ttl=timedelta(days=float(os.environ.get("VALKOMPASS_ROOM_DAYS", "7"))))

    def create_room(self, quiz_id: str, statement_ids: Sequence[str], party_ids: Sequence[str], all_statements: int,
                    threshold: int = DEFAULT_THRESHOLD, ttl: timedelta | None = None,
                    class_size: int = DEFAULT_CLASS_SIZE, fingerprint: str = "",
                    lang: str | None = None) -> CreatedRoom:
        """A new room for the quiz version `fingerprint`. `statement_ids` is the quiz's statements,
        or a subset of 10–15 of them. It expires after `ttl` (default: the store's).

        At most `room_limit` rooms are created per `limit_window` by all clients together: a
        ceiling for the whole service, far above what one school needs. Limits per client are
        the app's job (`quiz.classroom.limits`)."""
        _check_settings(statement_ids, party_ids, all_statements, threshold, class_size, lang)
        self.purge_expired()
        now = self.clock()
        token = new_token()
        board = board_token(token)
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CREATION_LOCK})
            recent = conn.execute(select(func.count()).select_from(self.creations)
                                  .where(self.creations.c.created_at > now - self.limit_window)).scalar_one()
            if recent >= self.room_limit:
                raise ClassroomError("rate_limited")
            conn.execute(self.creations.insert().values(created_at=now))
            code = self._unused_code(conn)
            conn.execute(self.rooms.insert().values(
                code=code, token_hash=digest(token), board_hash=digest(board), quiz_id=quiz_id,
                fingerprint=fingerprint, statement_ids=json.dumps(list(statement_ids)),
                party_ids=json.dumps(list(party_ids)), threshold=threshold, class_size=class_size,
                closed=False, revealed=False, expires_at=now + (ttl or self.ttl), lang=lang))
        return CreatedRoom(code, token, board, self.join(code))

    def join(self, typed_code: str) -> Room:
        """The room for a code a pupil typed; refuse an unknown, expired or closed one."""
        room = self._room(self.rooms.c.code == normalise_code(typed_code), "unknown_code")
        if room.closed:
            raise ClassroomError("closed")
        return room

    def teacher_room(self, token: str) -> Room:
        """The room a control token opens. Any wrong token gets the same generic error."""
        return self._room(self.rooms.c.token_hash == digest(token), "bad_token")

    def board_room(self, board_token: str) -> Room:
        """The room a projector's view token shows (read-only). Wrong tokens get one generic error."""
        return self._room(self.rooms.c.board_hash == digest(board_token), "bad_board")

    def submit(self, typed_code: str, submission_key: str, answers: Answers) -> None:
        """Store or replace one pupil's answers, once per submission key, while the room is open
        and, for a new key, while fewer than `class_size` pupils have answered."""
        room = self.join(typed_code)
        if not set(answers.values) <= set(room.statement_ids):
            raise ClassroomError("bad_answers")
        payload = _payload(answers)
        key_hash = digest(submission_key)
        with self.engine.begin() as conn:
            closed = conn.execute(select(self.rooms.c.closed).where(self.rooms.c.id == room.id)
                                  .with_for_update()).scalar_one_or_none()
            if closed is None or closed:
                raise ClassroomError("closed")
            others = conn.execute(select(func.count()).select_from(self.submissions).where(
                self.submissions.c.room_id == room.id, self.submissions.c.key_hash != key_hash)).scalar_one()
            if others >= room.class_size:
                raise ClassroomError("full", size=room.class_size)
            conn.execute(self._upsert(room.id, key_hash, payload))

    def publish(self, room: Room, build: Callable[[list[Answers]], str]) -> Snapshot | None:
        """The published class results, published anew first if at least `room.threshold` pupils
        are new or have changed their answers since the last snapshot. None before the first.

        So two snapshots anyone can see always differ by at least `threshold` pupils' answers:
        their difference never isolates one pupil. `build` turns the answer sets into the
        stored summary (aggregates only); it runs inside the room's lock."""
        with self.engine.begin() as conn:
            if conn.execute(select(self.rooms.c.id).where(self.rooms.c.id == room.id)
                            .with_for_update()).first() is None:
                return None
            mine = self.submissions.c.room_id == room.id
            changed = conn.execute(select(func.count()).select_from(self.submissions).where(
                mine, or_(self.submissions.c.published.is_(None),
                          self.submissions.c.published != self.submissions.c.answers))).scalar_one()
            if changed >= room.threshold:
                self._publish(conn, room, build)
            row = conn.execute(select(self.snapshots).where(self.snapshots.c.room_id == room.id)).first()
        return None if row is None else Snapshot(row.submissions, row.summary)

    def pending(self, room: Room) -> int:
        """How many pupils are new or changed since the last snapshot (not yet in the results)."""
        with self.engine.begin() as conn:
            return int(conn.execute(select(func.count()).select_from(self.submissions).where(
                self.submissions.c.room_id == room.id,
                or_(self.submissions.c.published.is_(None),
                    self.submissions.c.published != self.submissions.c.answers))).scalar_one())

    def answers(self, room: Room) -> list[Answers]:
        """Every answer set in the room, in an order that says nothing about when it came."""
        with self.engine.begin() as conn:
            rows = conn.execute(select(self.submissions.c.answers).where(self.submissions.c.room_id == room.id)
                                .order_by(self.submissions.c.answers, self.submissions.c.key_hash))
            return [_answers(json.loads(row.answers)) for row in rows]

    def count(self, room: Room) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(select(func.count()).select_from(self.submissions)
                                    .where(self.submissions.c.room_id == room.id)).scalar_one())

    def count_rooms(self) -> int:
        """Rooms that exist now, open or closed (for operators and tests)."""
        with self.engine.begin() as conn:
            return int(conn.execute(select(func.count()).select_from(self.rooms)).scalar_one())

    def close(self, token: str) -> None:
        """No submission is stored after this returns (it waits for the ones in flight)."""
        self._set(token, closed=True)

    def reveal(self, token: str, revealed: bool = True) -> None:
        self._set(token, revealed=revealed)

    def delete(self, token: str) -> None:
        """Remove the room, its snapshot and every answer in it, at once, leaving no copy in the files."""
        room = self.teacher_room(token)
        with self.engine.begin() as conn:
            self._delete_rooms(conn, [room.id])
        checkpoint(self.engine)

    def shown_to_pupils(self, typed_code: str) -> Room:
        """The room as a pupil who has finished sees it (closed rooms included)."""
        return self._room(self.rooms.c.code == normalise_code(typed_code), "unknown_code")

    def purge_expired(self) -> int:
        """Delete expired rooms with their answers, and old rate-limit entries. Returns rooms removed."""
        now = self.clock()
        with self.engine.begin() as conn:
            expired = [row.id for row in conn.execute(select(self.rooms.c.id).where(self.rooms.c.expires_at <= now))]
            self._delete_rooms(conn, expired)
            conn.execute(delete(self.creations).where(self.creations.c.created_at <= now - self.limit_window))
        if expired:
            checkpoint(self.engine)
        return len(expired)

    def _publish(self, conn: Connection, room: Room, build: Callable[[list[Answers]], str]) -> None:
        mine = self.submissions.c.room_id == room.id
        rows = conn.execute(select(self.submissions.c.answers).where(mine)
                            .order_by(self.submissions.c.answers, self.submissions.c.key_hash)).all()
        summary = build([_answers(json.loads(row.answers)) for row in rows])
        conn.execute(delete(self.snapshots).where(self.snapshots.c.room_id == room.id))
        conn.execute(self.snapshots.insert().values(room_id=room.id, submissions=len(rows), summary=summary))
        conn.execute(update(self.submissions).where(mine).values(published=self.submissions.c.answers))

    def _upsert(self, room_id: int, key_hash: str, payload: str) -> Any:
        insert = (postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert)(self.submissions)
        return insert.values(room_id=room_id, key_hash=key_hash, answers=payload, published=None) \
            .on_conflict_do_update(index_elements=["room_id", "key_hash"], set_={"answers": payload})

    def _delete_rooms(self, conn: Connection, ids: list[int]) -> None:
        if not ids:
            return
        conn.execute(delete(self.submissions).where(self.submissions.c.room_id.in_(ids)))
        conn.execute(delete(self.snapshots).where(self.snapshots.c.room_id.in_(ids)))
        conn.execute(delete(self.rooms).where(self.rooms.c.id.in_(ids)))

    def _room(self, condition: Any, reason: str) -> Room:
        with self.engine.begin() as conn:
            row = conn.execute(select(self.rooms).where(condition)).first()
        if row is None or _aware(row.expires_at) <= self.clock():
            raise ClassroomError(reason)
        return Room(row.id, row.code, row.quiz_id, tuple(json.loads(row.statement_ids)),
                    tuple(json.loads(row.party_ids)), row.threshold, bool(row.closed), bool(row.revealed),
                    _aware(row.expires_at), row.class_size, row.fingerprint, row.lang)

    def _set(self, token: str, **values: bool) -> None:
        room = self.teacher_room(token)
        with self.engine.begin() as conn:
            conn.execute(update(self.rooms).where(self.rooms.c.id == room.id).values(**values))

    def _unused_code(self, conn: Connection) -> str:
        while True:
            code = new_code()
            if conn.execute(select(self.rooms.c.id).where(self.rooms.c.code == code)).first() is None:
                return code


def _check_settings(statement_ids: Sequence[str], party_ids: Sequence[str], all_statements: int,
                    threshold: int, class_size: int, lang: str | None = None) -> None:
    if threshold < MIN_THRESHOLD:
        raise ClassroomError("threshold", minimum=MIN_THRESHOLD)
    if not threshold <= class_size <= MAX_CLASS_SIZE:
        raise ClassroomError("class_size", threshold=threshold, maximum=MAX_CLASS_SIZE)
    if len(statement_ids) != all_statements and not SUBSET[0] <= len(statement_ids) <= SUBSET[1]:
        raise ClassroomError("subset", low=SUBSET[0], high=SUBSET[1])
    if not party_ids:
        raise ClassroomError("no_parties")
    if lang is not None and lang not in CODES:
        raise ClassroomError("language", languages=", ".join(CODES))


def _payload(answers: Answers) -> str:
    """Canonical JSON, so that the same answers always give the same text (changes are text changes)."""
    return json.dumps({"values": dict(sorted(answers.values.items())), "important": sorted(answers.important)},
                      sort_keys=True)


def _answers(data: dict[str, Any]) -> Answers:
    return Answers(dict(data["values"]), frozenset(data["important"]))


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
