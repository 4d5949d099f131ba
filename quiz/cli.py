"""Command line: `python -m quiz check|report|score|import-wahlomat|build-static`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quiz import load
from quiz.answers import parse_respondents
from quiz.errors import DataError, Problem
from quiz.load import load_quiz
from quiz.report import report
from quiz.scoring import score


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except DataError as error:
        print(error.render(), file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m quiz",
                                     description="Check, report on and score valkompass quizzes.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate quiz files and print every problem")
    check.add_argument("files", nargs="*", type=Path,
                       help="statements files (default: statements.yaml and quizzes/*.yaml)")
    check.set_defaults(run=_check)
    editors = commands.add_parser("report", help="coverage, comparable statements, coder agreement, weak spots "
                                                 "and readability (LIX)")
    editors.add_argument("files", nargs="*", type=Path, help="statements files (default: statements.yaml)")
    editors.set_defaults(run=_report)
    scoring = commands.add_parser("score", help="score respondents' answers (JSON) against every party")
    scoring.add_argument("--quiz", type=Path, default=Path("statements.yaml"))
    scoring.add_argument("--weights", type=Path, default=None)
    scoring.add_argument("--method", default=None, help="method id from the weights file (default: its default)")
    scoring.add_argument("--answers", type=Path, required=True, help="JSON list of {answers, important}")
    scoring.set_defaults(run=_score)
    importer = commands.add_parser("import-wahlomat", help="import a qual-o-mat-data election folder")
    importer.add_argument("folder", type=Path)
    importer.add_argument("-o", "--output", type=Path, required=True, help="the quiz file to write")
    importer.set_defaults(run=_import)
    static = commands.add_parser("build-static", help="write a static build of a quiz for any web host")
    static.add_argument("--quiz", type=Path, default=Path("statements.yaml"))
    static.add_argument("--weights", type=Path, default=None)
    static.add_argument("-o", "--output", type=Path, required=True, help="the folder to write")
    static.set_defaults(run=_build_static)
    return parser


def _check(args: argparse.Namespace) -> int:
    files = args.files or shipped_quizzes()
    failed = 0
    for file in files:
        try:
            quiz = load_quiz(file)
        except DataError as error:
            failed += 1
            print(f"{file}: {error.render()}")
            continue
        positions = sum(len(s.positions) for s in quiz.statements)
        parties = f"{len(quiz.parties)} part{'y' if len(quiz.parties) == 1 else 'ies'}"
        print(f"{file}: ok ({len(quiz.statements)} statements, {parties}, "
              f"{positions} positions with verified quotes)")
    return 1 if failed else 0


def shipped_quizzes() -> list[Path]:
    """The quizzes this project ships, relative to the working directory."""
    return load.shipped_quizzes(Path())


def _report(args: argparse.Namespace) -> int:
    for file in args.files or [Path("statements.yaml")]:
        print(report(load_quiz(file)))
    return 0


def _score(args: argparse.Namespace) -> int:
    quiz = load_quiz(args.quiz, args.weights)
    if args.method is not None and args.method not in quiz.weights.methods:
        raise DataError([Problem(str(args.weights or quiz.weights.file), None, None, ("methods",),
                                 f"unknown method '{args.method}'",
                                 f"use one of: {', '.join(quiz.weights.methods)}")])
    data = _read_json(args.answers)
    results = []
    for answers in parse_respondents(data, quiz, str(args.answers)):
        results.append({
            party: {"percent": s.percent, "points": float(s.points), "max_points": float(s.max_points),
                    "coverage": {"counted": s.counted, "answered": s.answered}}
            for party, s in score(quiz, answers, args.method).items()
        })
    json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


def _import(args: argparse.Namespace) -> int:
    from quiz.wahlomat import import_folder

    written = import_folder(args.folder, args.output)
    print("wrote " + ", ".join(str(path) for path in written))
    return 0


def _build_static(args: argparse.Namespace) -> int:
    from quiz.static.build import build_static, gzip_sizes

    build_static(load_quiz(args.quiz, args.weights), args.output)
    sizes = gzip_sizes(args.output)
    total = sum(compressed for _, compressed in sizes.values())
    print(f"wrote {args.output}/: {', '.join(sizes)} ({total / 1_000_000:.2f} MB gzip-compressed)")
    return 0


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError([Problem(str(path), None, None, (), "file not found", "check the path")]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        column = getattr(error, "colno", None)
        raise DataError([Problem(str(path), line, column, (), f"not valid JSON: {getattr(error, 'msg', error)}",
                                 "check brackets, commas and quotes")]) from None
