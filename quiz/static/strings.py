"""The static page's own texts, (Swedish, English). `{n}`-style fields are filled in by the page."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "lang_switch": ("In English", "På svenska"),
    "start": ("Börja", "Start"),
    "sources": ("Källor", "Sources"),
    "sources_intro": ("Varje partis ståndpunkt citerar partiets egen text, ord för ord:",
                      "Every party position quotes the party's own text, word for word:"),
    "privacy": ("Dina svar stannar i din webbläsare. Ingenting skickas någonstans.",
                "Your answers stay in your browser. Nothing is sent anywhere."),
    "progress": ("Påstående {n} av {of}", "Statement {n} of {of}"),
    "important": ("Viktig för mig", "Important to me"),
    "back": ("Tillbaka", "Back"),
    "to_results": ("Visa resultat", "Show results"),
    "results": ("Ditt resultat", "Your result"),
    "match_axis": ("Överensstämmelse (%)", "Agreement (%)"),
    "based_on": ("baserat på {n} av {of} påståenden", "based on {n} of {of} statements"),
    "tied": ("lika", "tied"),
    "table_party": ("Parti", "Party"),
    "table_match": ("Överens\u00adstämmelse", "Agree\u00adment"),
    "table_basis": ("Underlag", "Basis"),
    "table_caption": ("Samma siffror som i diagrammet", "The same numbers as in the chart"),
    "no_basis": ("inget underlag", "no basis"),
    "method": ("Räknesätt", "Counting method"),
    "compare": ("Påstående för påstående", "Statement by statement"),
    "you": ("Du", "You"),
    "skipped": ("Hoppade över", "Skipped"),
    "no_position": ("Ingen uttalad ståndpunkt", "No stated position"),
    "quote_from": ("Ur {title} ({kind}, {year})", "From {title} ({kind}, {year})"),
    "method_note": ("Om metoden", "About the method"),
    "method_formula": ("Överensstämmelse = summan av poäng / summan av maxpoäng, över de påståenden som räknas "
                       "för partiet. Ett påstående du markerar som viktigt räknas {w} gånger. Påståenden du "
                       "hoppar över räknas inte för någon. Lika resultat visas som lika.",
                       "Agreement = sum of points / sum of maximum points, over the statements that count for "
                       "the party. A statement you mark as important counts {w} times. Statements you skip count "
                       "for no one. Equal results are shown as ties."),
    "missing_drop": ("Har ett parti ingen uttalad ståndpunkt räknas påståendet inte för det partiet; "
                     "resultatet säger hur många påståenden det bygger på.",
                     "When a party has no stated position, the statement does not count for that party; "
                     "the result says how many statements it is based on."),
    "missing_penalty": ("Har ett parti ingen uttalad ståndpunkt får det 0 av {max} poäng.",
                        "When a party has no stated position it gets 0 of {max} points."),
    "share": ("Dela resultat", "Share result"),
    "share_intro": ("Länken innehåller dina svar, inget annat. Den som har länken ser samma resultat.",
                    "The link holds your answers and nothing else. Whoever has the link sees the same result."),
    "copy": ("Kopiera länken", "Copy the link"),
    "copied": ("Länken är kopierad.", "The link is copied."),
    "restart": ("Börja om", "Start again"),
    "all_skipped": ("Du har hoppat över alla påståenden, så det finns inget att jämföra. Gå tillbaka och svara.",
                    "You skipped every statement, so there is nothing to compare. Go back and answer."),
    "link_error": ("Länken kunde inte läsas: {reason}. Du kan göra quizet från början.",
                   "The link could not be read: {reason}. You can take the quiz from the start."),
    "err_too_long": ("den är för lång", "it is too long"),
    "err_malformed": ("det är ingen resultatlänk från valkompassen", "it is not a valkompass result link"),
    "err_version": ("den gjordes av en annan version av valkompassen", "it was made by another version of valkompass"),
    "err_other_quiz": ("den hör till ett annat quiz, eller till en äldre version av det här",
                       "it belongs to another quiz, or to an older version of this one"),
    "err_checksum": ("den har ändrats eller kortats av", "it has been changed or cut short"),
    "err_bad_value": ("den har ett svar som inte finns på skalan", "it has an answer that is not on the scale"),
    "chart_label": ("Diagram: överensstämmelse per parti", "Chart: agreement per party"),
}
