"""The room's language: chosen by the teacher, stored with the room, on SQLite and PostgreSQL,
and added to a database made before rooms had one."""

from __future__ import annotations

import os
import secrets

import pytest
from sqlalchemy import create_engine, inspect, text

from quiz.classroom import ClassroomError, ClassroomStore
from quiz.classroom.schema import SCHEMA_VERSION, tables
from tests.test_classroom_store import POSTGRES, postgres_available

IDS = [f"s{i}" for i in range(30)]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request, tmp_path):
    """(url, schema) of an empty database; PostgreSQL gets a `lang_*` schema of its own, dropped after."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'class.sqlite3'}", None
        return
    if not postgres_available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but PostgreSQL at 127.0.0.1:5432 does not answer")
        pytest.skip("PostgreSQL at 127.0.0.1:5432 does not answer")
    schema = f"lang_{secrets.token_hex(6)}"
    with create_engine(POSTGRES).begin() as conn:
        conn.execute(text(f"create schema {schema}"))
    yield POSTGRES, schema
    with create_engine(POSTGRES).begin() as conn:
        conn.execute(text(f"drop schema {schema} cascade"))


def new_room(store, **options):
    return store.create_room("quiz", IDS, ["S", "SJVP"], all_statements=len(IDS), **options)


@pytest.mark.parametrize("lang", ["sv", "en", "lattlast", None])
def test_the_room_keeps_the_language_the_teacher_chose(database, lang):
    url, schema = database
    store = ClassroomStore(url, schema=schema)
    try:
        created = new_room(store, lang=lang)
        assert created.room.lang == lang
        assert store.join(created.code).lang == lang
        assert store.teacher_room(created.token).lang == lang
        assert store.board_room(created.board_token).lang == lang
        assert ClassroomStore(url, schema=schema).join(created.code).lang == lang  # another process
    finally:
        store.engine.dispose()


@pytest.mark.parametrize("bad", ["lättläst", "fr", "", "sv; drop table x"])
def test_an_unknown_room_language_is_refused_with_the_choices(database, bad):
    url, schema = database
    store = ClassroomStore(url, schema=schema)
    try:
        with pytest.raises(ClassroomError) as caught:
            new_room(store, lang=bad)
        assert caught.value.message("sv") == "Välj klassrummets språk i listan: sv, en, lattlast."
        assert caught.value.message("lattlast") == "Välj ett språk i listan: sv, en, lattlast."
        assert store.count_rooms() == 0
    finally:
        store.engine.dispose()


def test_a_version_2_database_gets_the_language_column_and_keeps_its_rooms(database):
    """A room made before the choice existed keeps working, with no language (each pupil's own)."""
    url, schema = database
    old = ClassroomStore(url, schema=schema)
    created = new_room(old)
    rooms = old.tables.rooms
    with old.engine.begin() as conn:  # back to version 2: no lang column
        conn.execute(text(f"ALTER TABLE {_name(schema, rooms.name)} DROP COLUMN lang"))
        conn.execute(text(f"UPDATE {_name(schema, 'valkompass_schema')} SET version = 2"))
        assert "lang" not in {c["name"] for c in inspect(conn).get_columns(rooms.name, schema=schema)}
    old.engine.dispose()
    store = ClassroomStore(url, schema=schema)
    try:
        assert store.join(created.code).lang is None
        assert new_room(store, lang="lattlast").room.lang == "lattlast"
        with store.engine.connect() as conn:
            version = conn.execute(text(f"SELECT version FROM {_name(schema, 'valkompass_schema')}")).scalar_one()
        assert version == SCHEMA_VERSION == 3
    finally:
        store.engine.dispose()


def test_the_rooms_table_declares_the_language_column():
    column = tables(None).rooms.c.lang
    assert column.nullable and column.type.length == 16


def _name(schema: str | None, table: str) -> str:
    return f'"{schema}"."{table}"' if schema else f'"{table}"'
