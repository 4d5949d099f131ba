"""Write a static build of a quiz: `index.html`, the quiz as JSON, the page script (the engine
`valkompass.js` and the flow `page.js` in one file), the stylesheet and the Vega / Vega-Lite /
vega-embed bundle. Nothing in it fetches from another origin and nothing
is sent anywhere: the page scores the answers in the visitor's browser, with the same methods (as
data, from the weights file) and the same formula as `quiz.scoring`.

The match chart is the spec `quiz.charts.match_chart` builds, made here with a named data set
`match` that the page fills with the ranked rows.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import vl_convert

from quiz import charts
from quiz.errors import DataError, Problem
from quiz.languages import REQUIRED
from quiz.model import Method, MissingRule, Quiz, Weights
from quiz.static.strings import STRINGS

LANGUAGES = REQUIRED  # the static page is in Swedish and English (its texts: quiz/static/strings.py)
MATCH_COLUMNS = ("party", "name", "color", "percent", "rank", "tied", "counted", "answered", "heading", "basis")
PACKAGE_FILES = ("style.css",)
SCRIPT_PARTS = ("valkompass.js", "page.js")
VEGA_FILE = "vega-bundle.js"
VEGA_GLOBALS = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"


def build_static(quiz: Quiz, out_dir: Path) -> list[Path]:
    """Write the static build of `quiz` into `out_dir` (created if needed); return the files written."""
    if out_dir.exists() and not out_dir.is_dir():
        raise DataError([Problem(str(out_dir), None, None, (), "exists and is not a folder",
                                 "give the name of a new or existing folder")])
    out_dir.mkdir(parents=True, exist_ok=True)
    data = json.dumps(quiz_data(quiz), ensure_ascii=False, separators=(",", ":"))
    written = [_write(out_dir / "quiz.json", data)]
    for name in PACKAGE_FILES:
        written.append(_write(out_dir / name, _package_text(name)))
    written.append(_write(out_dir / "valkompass.js", "\n".join(_package_text(name) for name in SCRIPT_PARTS)))
    written.append(_write(out_dir / VEGA_FILE, vl_convert.javascript_bundle(VEGA_GLOBALS, _vegalite_version())))
    versions = {path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:10] for path in written}
    html = _package_text("template.html").replace("{{title}}", _escape(quiz.title.sv))
    for name, digest in versions.items():
        html = html.replace("{{" + name + "}}", f"{name}?v={digest}")
    written.append(_write(out_dir / "index.html", html))
    return written


def quiz_data(quiz: Quiz) -> dict[str, Any]:
    """Everything the page needs, as plain JSON: texts, positions with their quotes and sources,
    the neutral party order per language, the weights with every method as data, the chart spec."""
    return {
        "id": quiz.id, "title": _text(quiz.title), "region": quiz.region, "election": _text(quiz.election),
        "description": _text(quiz.description),
        "parties": [{"id": p.id, "name": _text(p.name), "color": p.color} for p in quiz.parties.values()],
        "order": {lang: sorted(quiz.parties, key=lambda p: quiz.parties[p].name.get(lang).casefold())
                  for lang in LANGUAGES},
        "topics": [{"id": t.id, "name": _text(t.name)} for t in quiz.topics.values()],
        "sources": [{"id": s.id, "party": s.party, "title": s.title, "kind": _text(s.kind), "year": s.year,
                     "file": s.file} for s in quiz.sources.values()],
        "statements": [{"id": s.id, "topic": s.topic, "text": _text(s.text),
                        "positions": {party: {"stance": p.stance, "source": p.source, "quote": p.quote,
                                              "important": p.important} for party, p in s.positions.items()}}
                       for s in quiz.statements],
        "weights": weights_data(quiz.weights),
        "strings": {key: {"sv": sv, "en": en} for key, (sv, en) in STRINGS.items()},
        "chart": {lang: match_spec(quiz, lang) for lang in LANGUAGES},
    }


def weights_data(weights: Weights) -> dict[str, Any]:
    """The weights file as data for the page's scorer (points as numbers: exact for halves)."""
    scale = weights.scale
    return {
        "scale": {"answers": [{"value": o.value, "label": _text(o.label)} for o in scale.answers],
                  "skip": _text(scale.skip), "span": scale.span},
        "important_weight": weights.important_weight,
        "missing": _missing(weights.missing),
        "default_method": weights.default_method,
        "methods": {method_id: _method(method) for method_id, method in weights.methods.items()},
    }


def match_spec(quiz: Quiz, lang: str) -> dict[str, Any]:
    """`charts.match_chart`'s Vega-Lite spec with its data replaced by the named data set `match`;
    the page sets `datasets.match` to the ranked rows and the bars' sort to their party order."""
    frame = pd.DataFrame(columns=list(MATCH_COLUMNS))
    spec = charts.match_chart(frame, STRINGS["match_axis"][LANGUAGES.index(lang)]).to_dict()
    spec.pop("datasets", None)
    spec["data"] = {"name": "match"}
    return spec


def gzip_sizes(out_dir: Path) -> dict[str, tuple[int, int]]:
    """Each file's size in bytes, raw and gzip-compressed (level 9), for the transfer-size figures."""
    return {path.name: (path.stat().st_size, len(gzip.compress(path.read_bytes(), 9)))
            for path in sorted(out_dir.iterdir()) if path.is_file()}


def _vegalite_version() -> str:
    """The Vega-Lite version Altair writes specs for (`v6.4.1` → `v6.4`), so the bundle matches the spec."""
    return ".".join(alt.SCHEMA_VERSION.split(".")[:2])


def _method(method: Method) -> dict[str, Any]:
    return {
        "name": _text(method.name), "description": _text(method.description), "rule": method.rule,
        "table": {str(answer): {str(stance): _number(points) for stance, points in row.items()}
                  for answer, row in method.table.items()},
        "collapse": method.collapse, "party_importance": method.party_importance,
        "missing": _missing(method.missing),
    }


def _missing(rule: MissingRule) -> dict[str, Any]:
    return {"rule": rule.rule, "max_points": _number(rule.max_points)}


def _number(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


def _text(text: Any) -> dict[str, str]:
    return {lang: text.get(lang) for lang in LANGUAGES}


def _package_text(name: str) -> str:
    return resources.files("quiz.static").joinpath(name).read_text(encoding="utf-8")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
