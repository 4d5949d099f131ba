"""Rooms and submissions in a real database (SQLAlchemy Core): SQLite in WAL mode by default,
PostgreSQL (psycopg 3) via `VALKOMPASS_DATABASE_URL`. Shared state lives here, never in one
process's memory, so several app processes can serve one class.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from quiz.classroom.codes import digest, new_code, new_token, normalise_code
from quiz.classroom.errors import ClassroomError
from quiz.model import Answers

SCHEMA_VERSION = 1
MIN_THRESHOLD = 3
DEFAULT_THRESHOLD = 5
DEFAULT_TTL = timedelta(days=7)
SUBSET = (10, 15)
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


@dataclass(frozen=True)
class CreatedRoom:
    """What the teacher gets once: the join code and the secret token for the dashboard."""

    code: str
    token: str
    room: Room


def _tables(schema: str | None) -> tuple[MetaData, Table, Table, Table, Table]:
    meta = MetaData(schema=schema)
    info = Table("valkompass_schema", meta, Column("version", Integer, primary_key=True))
    rooms = Table(
        "class_rooms", meta,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("code", String(16), nullable=False, unique=True),
        Column("token_hash", String(64), nullable=False, unique=True),
        Column("quiz_id", String(100), nullable=False),
        Column("statement_ids", Text, nullable=False),
        Column("party_ids", Text, nullable=False),
        Column("threshold", Integer, nullable=False),
        Column("closed", Boolean, nullable=False, default=False),
        Column("revealed", Boolean, nullable=False, default=False),
        Column("expires_at", DateTime(timezone=True), nullable=False, index=True))
    submissions = Table(
        "class_submissions", meta,
        Column("room_id", Integer, ForeignKey(rooms.c.id, ondelete="CASCADE"), primary_key=True),
        Column("key_hash", String(64), primary_key=True),
        Column("answers", Text, nullable=False))
    creations = Table("class_room_creations", meta, Column("id", Integer, primary_key=True, autoincrement=True),
                      Column("created_at", DateTime(timezone=True), nullable=False, index=True))
    return meta, info, rooms, submissions, creations


class ClassroomStore:
    """All class-mode storage. Safe to share between threads and between processes."""

    def __init__(self, url: str, schema: str | None = None, room_limit: int = 30,
                 limit_window: timedelta = timedelta(minutes=10),
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC), ttl: timedelta = DEFAULT_TTL) -> None:
        self.engine = _engine(url)
        self.meta, self.info, self.rooms, self.submissions, self.creations = _tables(schema)
        self.room_limit, self.limit_window, self.clock, self.ttl = room_limit, limit_window, clock, ttl
        self.meta.create_all(self.engine)
        with self.engine.begin() as conn:
            if conn.execute(select(self.info.c.version)).first() is None:
                conn.execute(self.info.insert().values(version=SCHEMA_VERSION))

    @classmethod
    def from_env(cls) -> ClassroomStore:
        """PostgreSQL from VALKOMPASS_DATABASE_URL, else SQLite at VALKOMPASS_DB_PATH (or the default)."""
        url = os.environ.get("VALKOMPASS_DATABASE_URL")
        if not url:
            path = Path(os.environ.get("VALKOMPASS_DB_PATH", DEFAULT_DB))
            path.parent.mkdir(parents=True, exist_ok=True)
            url = f"sqlite:///{path}"
        return cls(url, room_limit=int(os.environ.get("VALKOMPASS_ROOM_LIMIT", "30")),
                   ttl=timedelta(days=float(os.environ.get("VALKOMPASS_ROOM_DAYS", "7"))))

    def create_room(self, quiz_id: str, statement_ids: Sequence[str], party_ids: Sequence[str], all_statements: int,
                    threshold: int = DEFAULT_THRESHOLD, ttl: timedelta | None = None) -> CreatedRoom:
        """A new room. `statement_ids` is the quiz's statements, or a subset of 10–15 of them.
        It expires after `ttl` (default: the store's), when `purge_expired` removes it."""
        _check_settings(statement_ids, party_ids, all_statements, threshold)
        self.purge_expired()
        now = self.clock()
        token = new_token()
        with self.engine.begin() as conn:
            recent = conn.execute(select(func.count()).select_from(self.creations)
                                  .where(self.creations.c.created_at > now - self.limit_window)).scalar_one()
            if recent >= self.room_limit:
                raise ClassroomError("rate_limited")
            conn.execute(self.creations.insert().values(created_at=now))
            code = self._unused_code(conn)
            conn.execute(self.rooms.insert().values(
                code=code, token_hash=digest(token), quiz_id=quiz_id, statement_ids=json.dumps(list(statement_ids)),
                party_ids=json.dumps(list(party_ids)), threshold=threshold, closed=False, revealed=False,
                expires_at=now + (ttl or self.ttl)))
        return CreatedRoom(code, token, self.join(code))

    def join(self, typed_code: str) -> Room:
        """The room for a code a pupil typed; refuse an unknown, expired or closed one."""
        room = self._room(self.rooms.c.code == normalise_code(typed_code), "unknown_code")
        if room.closed:
            raise ClassroomError("closed")
        return room

    def teacher_room(self, token: str) -> Room:
        """The room a teacher token opens. Any wrong token gets the same generic error."""
        return self._room(self.rooms.c.token_hash == digest(token), "bad_token")

    def submit(self, typed_code: str, submission_key: str, answers: Answers) -> None:
        """Store or replace one pupil's answers, once per submission key, while the room is open."""
        room = self.join(typed_code)
        known = set(room.statement_ids)
        if not set(answers.values) <= known:
            raise ClassroomError("bad_answers")
        payload = json.dumps({"values": dict(answers.values), "important": sorted(answers.important)})
        values = {"room_id": room.id, "key_hash": digest(submission_key), "answers": payload}
        insert = (postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert)(self.submissions)
        statement = insert.values(**values).on_conflict_do_update(
            index_elements=["room_id", "key_hash"], set_={"answers": payload})
        with self.engine.begin() as conn:
            closed = conn.execute(select(self.rooms.c.closed).where(self.rooms.c.id == room.id)).scalar_one_or_none()
            if closed is None or closed:
                raise ClassroomError("closed")
            conn.execute(statement)

    def answers(self, room: Room) -> list[Answers]:
        with self.engine.begin() as conn:
            rows = conn.execute(select(self.submissions.c.answers).where(self.submissions.c.room_id == room.id))
            return [_answers(json.loads(row.answers)) for row in rows]

    def count(self, room: Room) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(select(func.count()).select_from(self.submissions)
                                    .where(self.submissions.c.room_id == room.id)).scalar_one())

    def close(self, token: str) -> None:
        self._set(token, closed=True)

    def reveal(self, token: str, revealed: bool = True) -> None:
        self._set(token, revealed=revealed)

    def delete(self, token: str) -> None:
        """Remove the room and every answer in it, at once."""
        room = self.teacher_room(token)
        with self.engine.begin() as conn:
            conn.execute(delete(self.submissions).where(self.submissions.c.room_id == room.id))
            conn.execute(delete(self.rooms).where(self.rooms.c.id == room.id))

    def shown_to_pupils(self, typed_code: str) -> Room:
        """The room as a pupil who has finished sees it (closed rooms included)."""
        return self._room(self.rooms.c.code == normalise_code(typed_code), "unknown_code")

    def purge_expired(self) -> int:
        """Delete expired rooms with their answers, and old rate-limit entries. Returns rooms removed."""
        now = self.clock()
        with self.engine.begin() as conn:
            expired = select(self.rooms.c.id).where(self.rooms.c.expires_at <= now)
            conn.execute(delete(self.submissions).where(self.submissions.c.room_id.in_(expired)))
            removed = conn.execute(delete(self.rooms).where(self.rooms.c.expires_at <= now)).rowcount
            conn.execute(delete(self.creations).where(self.creations.c.created_at <= now - self.limit_window))
        return int(removed or 0)

    def _room(self, condition: Any, reason: str) -> Room:
        with self.engine.begin() as conn:
            row = conn.execute(select(self.rooms).where(condition)).first()
        if row is None or _aware(row.expires_at) <= self.clock():
            raise ClassroomError(reason)
        return Room(row.id, row.code, row.quiz_id, tuple(json.loads(row.statement_ids)),
                    tuple(json.loads(row.party_ids)), row.threshold, bool(row.closed), bool(row.revealed),
                    _aware(row.expires_at))

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
                    threshold: int) -> None:
    if threshold < MIN_THRESHOLD:
        raise ClassroomError("threshold", minimum=MIN_THRESHOLD)
    if len(statement_ids) != all_statements and not SUBSET[0] <= len(statement_ids) <= SUBSET[1]:
        raise ClassroomError("subset", low=SUBSET[0], high=SUBSET[1])
    if not party_ids:
        raise ClassroomError("no_parties")


def _answers(data: dict[str, Any]) -> Answers:
    return Answers(dict(data["values"]), frozenset(data["important"]))


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        connection.isolation_level = None  # we send BEGIN ourselves, below
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # Take the write lock at the start, so that concurrent writers wait (busy_timeout)
        # instead of failing when a read lock would have to be upgraded.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
