"""The class-mode tables and the database engine (SQLite in WAL mode, or PostgreSQL).

Privacy by layout:
- `class_submissions` has no row id, no timestamp and no sequence: its key is (room, hash of the
  pupil's random key). In SQLite it is a WITHOUT ROWID table, so rows sit in hash order, not in
  the order pupils pressed "Visa resultat".
- `published` holds a pupil's answers as of the last published snapshot, so that the store can
  count how many pupils changed since then (see `ClassroomStore.publish`).
- SQLite runs with `secure_delete=ON`, and the store checkpoints the WAL file after deletes, so a
  deleted room leaves nothing readable in the database files.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine

SCHEMA_VERSION = 3  # 3: class_rooms_v2.lang (the room's language)
OLD_TABLES = ("class_submissions", "class_room_creations", "class_rooms")


@dataclass(frozen=True)
class Tables:
    meta: MetaData
    info: Table
    rooms: Table
    submissions: Table
    snapshots: Table
    creations: Table


def tables(schema: str | None) -> Tables:
    meta = MetaData(schema=schema)
    info = Table("valkompass_schema", meta, Column("version", Integer, primary_key=True))
    rooms = Table(
        "class_rooms_v2", meta,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("code", String(16), nullable=False, unique=True),
        Column("token_hash", String(64), nullable=False, unique=True),
        Column("board_hash", String(64), nullable=False, unique=True),
        Column("quiz_id", String(100), nullable=False),
        Column("fingerprint", String(64), nullable=False),
        Column("statement_ids", Text, nullable=False),
        Column("party_ids", Text, nullable=False),
        Column("threshold", Integer, nullable=False),
        Column("class_size", Integer, nullable=False),
        Column("closed", Boolean, nullable=False, default=False),
        Column("revealed", Boolean, nullable=False, default=False),
        Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
        Column("lang", String(16), nullable=True))
    submissions = Table(
        "class_submissions_v2", meta,
        Column("room_id", Integer, ForeignKey(rooms.c.id, ondelete="CASCADE"), primary_key=True),
        Column("key_hash", String(64), primary_key=True),
        Column("answers", Text, nullable=False),
        Column("published", Text, nullable=True),
        sqlite_with_rowid=False)
    snapshots = Table(
        "class_snapshots", meta,
        Column("room_id", Integer, ForeignKey(rooms.c.id, ondelete="CASCADE"), primary_key=True),
        Column("submissions", Integer, nullable=False),
        Column("summary", Text, nullable=False))
    creations = Table("class_room_creations_v2", meta,
                      Column("id", Integer, primary_key=True, autoincrement=True),
                      Column("created_at", DateTime(timezone=True), nullable=False, index=True))
    return Tables(meta, info, rooms, submissions, snapshots, creations)


def install(engine: Engine, schema: Tables) -> None:
    """Create the tables; drop the version-1 class tables, which kept submission order; add the
    version-3 room language to a version-2 database."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7315001)"))  # one installer at a time
        schema.meta.create_all(conn)
        version = conn.execute(select(schema.info.c.version)).scalar_one_or_none()
        if version is None or version < SCHEMA_VERSION:
            present = set(inspect(conn).get_table_names(schema=schema.meta.schema))
            for name in OLD_TABLES:
                if name in present:
                    conn.execute(text(f"DROP TABLE {_qualified(schema.meta.schema, name)}"))
            _add_room_language(conn, schema)
            conn.execute(schema.info.delete())
            conn.execute(schema.info.insert().values(version=SCHEMA_VERSION))


def _add_room_language(conn: Connection, schema: Tables) -> None:
    """Version 2 → 3: rooms get a nullable `lang` column (existing rooms: each pupil's own language)."""
    rooms = schema.rooms
    if "lang" not in {column["name"] for column in inspect(conn).get_columns(rooms.name, schema=rooms.schema)}:
        conn.execute(text(f"ALTER TABLE {_qualified(rooms.schema, rooms.name)} ADD COLUMN lang VARCHAR(16)"))


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _record: Any) -> None:
        connection.isolation_level = None  # we send BEGIN ourselves, below
        cursor = connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000", "secure_delete=ON"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # Take the write lock at the start: every transaction is serialised against every
        # writer, which makes check-then-write (limits, close) safe on SQLite.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def checkpoint(engine: Engine) -> None:
    """SQLite: copy the WAL into the database and empty it, so deleted rows leave no copy there."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _qualified(schema: str | None, name: str) -> str:
    return f'"{schema}"."{name}"' if schema else f'"{name}"'
