"""SQLite files after a delete: nothing of the room is readable in the database or its WAL file."""

from __future__ import annotations

from quiz.classroom import ClassroomStore
from quiz.classroom.codes import digest
from quiz.classroom.schema import SCHEMA_VERSION
from quiz.model import Answers

IDS = [f"s{i}" for i in range(12)]


def test_deleting_a_room_leaves_no_key_hash_or_answers_in_the_files(tmp_path):
    path = tmp_path / "class.sqlite3"
    store = ClassroomStore(f"sqlite:///{path}")
    created = store.create_room("quiz", IDS, ["S"], all_statements=len(IDS))
    marker = "pupil-marker-key"
    store.submit(created.code, marker, Answers({"s7": -2}, frozenset({"s7"})))
    files = [path, tmp_path / "class.sqlite3-wal"]
    assert any(digest(marker).encode() in f.read_bytes() for f in files if f.exists())  # the check can fail
    store.delete(created.token)
    for file in files:
        if file.exists():
            content = file.read_bytes()
            assert digest(marker).encode() not in content, file.name
            assert b'"s7": -2' not in content and created.code.encode() not in content, file.name
    store.engine.dispose()


def test_the_version_1_tables_which_kept_submission_order_are_dropped(tmp_path):
    from sqlalchemy import create_engine, inspect, text

    path = tmp_path / "class.sqlite3"
    with create_engine(f"sqlite:///{path}").begin() as conn:
        conn.execute(text("CREATE TABLE valkompass_schema (version INTEGER PRIMARY KEY)"))
        conn.execute(text("INSERT INTO valkompass_schema VALUES (1)"))
        conn.execute(text("CREATE TABLE class_submissions (room_id INTEGER, key_hash TEXT, answers TEXT)"))
    store = ClassroomStore(f"sqlite:///{path}")
    names = set(inspect(store.engine).get_table_names())
    assert "class_submissions" not in names and "class_submissions_v2" in names
    with store.engine.begin() as conn:
        assert conn.execute(text("SELECT version FROM valkompass_schema")).scalars().all() == [SCHEMA_VERSION] == [3]
    store.engine.dispose()
