"""The results page's sentences and table rows, from the engine's verdict, firmness and scores.

Plain text only; the page escapes it for Markdown or HTML."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from quiz.firmness import Firmness, Recoding
from quiz.numbers import decimal, share
from quiz.robustness import MethodOutcome, depends_on_method
from quiz.rules import percent_of
from quiz.scoring import PartyScore, rank
from quiz.verdict import HeadToHead, Verdict
from valkompass_app.state import View
from valkompass_app.strings import t, tn


def names(view: View, parties: Iterable[str]) -> str:
    """Party names as a list in running text: "A", "A och B", "A, B och C"."""
    listed = [view.quiz.parties[p].name.get(view.lang) for p in parties]
    if len(listed) < 2:
        return "".join(listed)
    return ", ".join(listed[:-1]) + f" {t('and', view.lang)} " + listed[-1]


def verdict_lines(view: View, found: Verdict) -> list[str]:
    """The headline (first) and its explanation; [""] when no party has a basis."""
    lang, margin = view.lang, "" if found.margin is None else decimal(percent_of(found.margin), view.lang, 1)
    if found.kind == "none":
        return [""]
    leader = names(view, found.parties[:1])
    if found.kind == "single":
        agreement = t("single_agreement", lang, party=leader, percent=share(found.match, lang))
        return [agreement, t("single_note", lang)] if len(view.parties) == 1 else [agreement]
    if found.kind == "tie":
        return [t("tie_top", lang, parties=names(view, found.parties))]
    if found.kind == "close":
        reason = (t("close_rounded", lang, leader=leader, margin=margin) if found.rounded_equal
                  else t("close_one_answer", lang, leader=leader, margin=margin))
        return [t("verdict_close", lang, parties=names(view, found.parties)), reason]
    runner = names(view, [found.runner_up] if found.runner_up else [])
    return [t("verdict_clear", lang, party=leader, margin=margin, runner=runner)]


def head_lines(view: View, heads: Sequence[HeadToHead]) -> list[str]:
    """One sentence per pair: both parties' match on the statements both address."""
    lines = []
    for pair in heads:
        a, b = names(view, [pair.first.party]), names(view, [pair.second.party])
        if not pair.common:
            lines.append(t("head_none", view.lang, a=a, b=b))
            continue
        lines.append(t("head_line", view.lang, a=a, b=b, count=count(view.lang, pair.common, "statement"),
                       pa=share(pair.first.match, view.lang, 1), pb=share(pair.second.match, view.lang, 1)))
    return lines


def match_rows(view: View, scores: Mapping[str, PartyScore]) -> list[list[str]]:
    """"1. Party" (with "(=)" for a shared place), match with one decimal, "22 av 37"."""
    lang = view.lang
    return [[f"{r.rank}. {view.quiz.parties[r.score.party].name.get(lang)}{' (=)' if r.tied else ''}",
             share(r.score.match, lang, 1), tn("n_of", "n_of_plural", r.score.answered, lang, counted=r.score.counted)]
            for r in rank(scores)]


def stability_line(view: View, outcomes: Sequence[MethodOutcome], single: bool) -> tuple[str, str]:
    """("info" or "warning", the sentence) about the top party across methods, with the margin."""
    lang = view.lang
    scored = [o for o in outcomes if o.top]
    if single:
        party = scored[0].top[0] if scored else view.parties[0]
        return "info", t("single_methods", lang, party=names(view, [party]))
    if depends_on_method(list(outcomes)):
        return "warning", t("unstable", lang)
    if scored and scored[0].tied:
        return "info", t("stable_tie", lang, parties=names(view, scored[0].top))
    margins = [o.margin for o in scored if o.margin is not None]
    smallest = decimal(min(margins), lang, 1) if margins else "–"
    return "info", t("stable_all", lang, party=names(view, scored[0].top if scored else ()), margin=smallest)


def firmness_lines(view: View, firm: Firmness) -> list[str]:
    """Whether one recoded stance, or the other coder's reading, changes the top party."""
    lang, lines = view.lang, list[str]()
    if not firm.top:
        return lines
    if not firm.recodings:
        lines.append(t("firm_holds", lang))
    else:
        example = firm.recodings[0]
        values = _recoding_values(view, example)
        lines.append(t("firm_one", lang, **values) if len(firm.recodings) == 1
                     else t("firm_many", lang, n=len(firm.recodings), **values))
    if firm.disagreements:
        counted = count(lang, len(firm.disagreements), "position")
        if firm.other_reading_top == firm.top:
            lines.append(t("readings_hold", lang, count=counted))
        else:
            lines.append(t("readings_change", lang, count=counted, outcome=outcome(view, firm.other_reading_top)))
    return lines


def method_lines(view: View, outcomes: Sequence[MethodOutcome], single: bool) -> list[str]:
    """One line per method: the top party, its match and its lead (a list reads at any width)."""
    lang, lines = view.lang, list[str]()
    for o in outcomes:
        method = view.quiz.weights.methods[o.method].name.get(lang)
        percent = "–" if o.percent is None else decimal(o.percent, lang, 1) + ("%" if lang == "en" else "\u00a0%")
        if single or not o.top or o.margin is None:
            lines.append(t("method_line_single", lang, method=method, percent=percent))
        elif o.tied:
            lines.append(t("method_line_tie", lang, method=method, parties=names(view, o.top), percent=percent))
        else:
            lines.append(t("method_line", lang, method=method, party=names(view, o.top), percent=percent,
                           margin=decimal(o.margin, lang, 1)))
    return lines


def png_lines(view: View, found: Verdict, link: str, today: date) -> list[str]:
    """The image's subtitle: the verdict, the party subset if any, the date and method, the link."""
    lines = [verdict_lines(view, found)[0]]
    if len(view.parties) < len(view.quiz.parties):
        lines.append(t("subset_note", view.lang, parties=names(view, view.parties)))
    method = view.quiz.weights.method().name.get(view.lang)
    return [line for line in lines if line] + [t("png_lines", view.lang, date=today.isoformat(), method=method), link]


def outcome(view: View, top: Sequence[str] | None) -> str:
    """"S hamna överst" / "S och V dela första platsen" (the end of a "skulle …" sentence)."""
    if not top:
        return t("outcome_none", view.lang)
    if len(top) == 1:
        return t("outcome_one", view.lang, party=names(view, top))
    return t("outcome_tie", view.lang, parties=names(view, top))


def count(lang: str, n: int, noun: str) -> str:
    """"1 påstående" / "3 påståenden"; noun is "statement" or "position"."""
    if noun == "statement":
        return tn("statement_count", "statement_count_plural", n, lang)
    return tn("position_count", "position_count_plural", n, lang)


def _recoding_values(view: View, recoding: Recoding) -> dict[str, str]:
    quiz, lang = view.quiz, view.lang
    number = view.statement_ids.index(recoding.statement) + 1
    return {"party": names(view, [recoding.party]), "label": quiz.weights.scale.label(recoding.stance).get(lang),
            "number": str(number), "statement": quiz.statement(recoding.statement).text.get(lang).rstrip(". "),
            "outcome": outcome(view, recoding.top)}
