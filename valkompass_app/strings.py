"""Every user-facing UI string, in Swedish and English, in one place.

`t(key, lang, **values)` looks a string up and fills in `{placeholders}`. Content (statements,
quotes, party names) comes from the quiz files, never from here.
"""

from __future__ import annotations

import re

STRINGS: dict[str, tuple[str, str]] = {
    # (Swedish, English)
    "app_title": ("Valkompass", "Voting compass"),
    "language": ("Språk", "Language"),
    "choose_quiz": ("Välj valkompass", "Choose a quiz"),
    "quiz_option": ("{title} – {region}, {election}", "{title} – {region}, {election}"),
    "sources_heading": ("Påståendena bygger på", "The statements are based on"),
    "source_line": ("{party}: ”{title}” ({kind}, {year})", "{party}: “{title}” ({kind}, {year})"),
    "duration": ("{statements}, cirka {minutes}.", "{statements}, about {minutes}."),
    "privacy": ("Dina svar finns bara i adressen till sidan i din webbläsare, så de finns kvar om du laddar om. "
                "De sparas inte på servern och loggas aldrig.",
                "Your answers live only in the page's address in your browser, so a reload keeps them. They are "
                "never stored on the server or logged."),
    "start": ("Starta", "Start"),
    "continue": ("Fortsätt där du var", "Continue where you were"),
    "restart": ("Börja om", "Start over"),
    "progress": ("Påstående {n} av {of}", "Statement {n} of {of}"),
    "topic": ("Ämne: {topic}", "Topic: {topic}"),
    "important": ("Viktig för mig", "Important to me"),
    "important_help": ("Viktiga påståenden räknas {n} gånger.", "Important statements count {n} times."),
    "back": ("← Föregående", "← Previous"),
    "next": ("Nästa →", "Next →"),
    "jump": ("Gå till påstående", "Go to statement"),
    "show_results": ("Visa resultat", "Show results"),
    "answer_first": ("Svara på minst ett påstående för att se resultatet.",
                     "Answer at least one statement to see your results."),
    "back_to_quiz": ("← Tillbaka till påståendena", "← Back to the statements"),
    "results": ("Ditt resultat", "Your results"),
    "all_skipped": ("Du har hoppat över alla påståenden, så det finns inget att jämföra med partierna. "
                    "Gå tillbaka och svara på minst ett påstående.",
                    "You skipped every statement, so there is nothing to compare with the parties. "
                    "Go back and answer at least one statement."),
    "match_heading": ("1. Hur väl du matchar partierna", "1. How well you match the parties"),
    "match_axis": ("Överensstämmelse (%)", "Agreement (%)"),
    "based_on": ("baserat på {n} av {of} påståenden", "based on {n} of {of} statements"),
    "tie_top": ("Delad första plats: {parties}.", "Tied for first place: {parties}."),
    "top_party": ("Du står närmast {party}.", "You are closest to {party}."),
    "no_basis": ("{party} har inget uttalat ställningstagande i något av de påståenden du svarat på.",
                 "{party} has no stated position on any statement you answered."),
    "table_party": ("Parti", "Party"),
    "table_percent": ("Överensstämmelse %", "Agreement %"),
    "table_basis": ("Underlag", "Based on"),
    "compare_heading": ("2. Påstående för påstående", "2. Statement by statement"),
    "you": ("Du", "You"),
    "statement": ("Påstående", "Statement"),
    "no_position": ("Inget uttalat ställningstagande", "No stated position"),
    "quote_from": ("Ur ”{title}” ({kind}, {year})", "From “{title}” ({kind}, {year})"),
    "editor_note": ("Redaktionens kommentar: {note}", "Editors' note: {note}"),
    "stance_label": ("Ställningstagande: {label}", "Position: {label}"),
    "topic_heading": ("3. Överensstämmelse per ämne", "3. Agreement by topic"),
    "topic_col": ("Ämne", "Topic"),
    "stability_heading": ("4. Hur stabilt är resultatet?", "4. How stable is the result?"),
    "stable": ("Samma parti hamnar överst med alla {n} räknesätt.",
               "The same party comes out on top with all {n} methods."),
    "unstable": ("Vilket parti som hamnar överst beror på hur man räknar. Se tabellen och läs om metoderna.",
                 "Which party comes out on top depends on how you count. See the table and read about the methods."),
    "share_heading": ("Dela resultat", "Share your results"),
    "share_help": ("Länken innehåller dina svar. Inget sparas på servern.",
                   "The link contains your answers. Nothing is stored on the server."),
    "download_csv": ("Ladda ner som CSV", "Download as CSV"),
    "download_json": ("Ladda ner som JSON", "Download as JSON"),
    "download_png": ("Ladda ner diagrammet (PNG)", "Download the chart (PNG)"),
    "method_page": ("Om metoden", "About the method"),
    "method_formula": ("För varje påstående du svarat på får varje parti poäng efter hur nära partiets "
                       "ställningstagande ligger ditt svar. Överensstämmelsen är summan av poängen dividerad med "
                       "den högsta möjliga summan.",
                       "For every statement you answered, each party gets points for how close its stance is "
                       "to your answer. Your agreement is the sum of the points divided by the highest "
                       "possible sum."),
    "method_example": ("Exempel med «{method}»: du svarar {answers} där partiet har {stances}. "
                       "Det ger {points} av {max} poäng = {percent} %.",
                       "Example with «{method}»: you answer {answers} where the party holds {stances}. "
                       "That gives {points} of {max} points = {percent} %."),
    "method_important": ("Ett påstående du markerat som viktigt räknas {n} gånger. Påståenden du hoppar över "
                         "räknas inte alls.",
                         "A statement you mark as important counts {n} times. Statements you skip do not "
                         "count at all."),
    "missing_drop": ("Har ett parti inget uttalat ställningstagande räknas påståendet bort för det partiet, "
                     "och resultatet visar hur många påståenden det bygger på. Tystnad räknas aldrig som ett nej.",
                     "Where a party has no stated position, the statement is left out for that party, and the "
                     "result says how many statements it is based on. Silence never counts as a no."),
    "missing_penalty": ("Har ett parti inget uttalat ställningstagande får det 0 av {n} poäng för påståendet.",
                        "Where a party has no stated position, it gets 0 of {n} points for that statement."),
    "methods_heading": ("Räknesätten", "The methods"),
    "all_sources": ("Källor", "Sources"),
    "matrix_heading": ("Alla ställningstaganden (öppna data)", "Every position (open data)"),
    "download_matrix": ("Ladda ner alla ställningstaganden (CSV)", "Download every position (CSV)"),
    "broken_quiz": ("Valkompassen kan inte visas just nu eftersom quizfilen innehåller fel. Försök igen senare.",
                    "The quiz cannot be shown right now because its file has errors. Please try again later."),
    "notice_share": ("Länken till resultatet kunde inte läsas ({reason}), så den ignorerades.",
                     "The results link could not be read ({reason}), so it was ignored."),
    "reason_too_long": ("länken är för lång", "the link is too long"),
    "reason_malformed": ("det är ingen resultatlänk", "it is not a results link"),
    "reason_version": ("den kommer från en annan version", "it comes from another version"),
    "reason_other_quiz": ("den hör till ett annat quiz eller en äldre version av det här",
                          "it belongs to another quiz or an older version of this one"),
    "reason_checksum": ("den har ändrats eller kortats", "it has been changed or cut short"),
    "reason_bad_value": ("den innehåller ett ogiltigt svar", "it contains an invalid answer"),
    "notice_unknown": ("Okänt {what} i länken ignorerades: {ids}.", "Unknown {what} in the link ignored: {ids}."),
    "what_quiz": ("quiz", "quiz"),
    "what_parties": ("parti", "party"),
    "what_statements": ("påstående", "statement"),
    "what_lang": ("språk", "language"),
    "quiz_changed": ("Du bytte valkompass, så dina tidigare svar togs bort.",
                     "You switched quizzes, so your earlier answers were cleared."),
    # Class mode
    "class_heading": ("Klassrum", "Classroom"),
    "class_intro": ("Lärare kan låta eleverna göra valkompassen på sina egna telefoner och visa klassens "
                    "anonyma resultat på projektorn.",
                    "Teachers can let the class take the quiz on their own phones and project the class's "
                    "anonymous results."),
    "join_label": ("Har du fått en kod av din lärare?", "Did your teacher give you a code?"),
    "join_button": ("Gå med i klassen", "Join the class"),
    "create_heading": ("Skapa ett klassrum", "Set up a classroom"),
    "create_statements": ("Bara några påståenden (10–15), eller lämna tomt för alla",
                          "Only some statements (10–15), or leave empty for all"),
    "create_parties": ("Partier att visa", "Parties to show"),
    "create_threshold": ("Visa fördelningar först när så här många elever har svarat (minst 3)",
                         "Show distributions only once this many pupils have answered (at least 3)"),
    "create_button": ("Skapa klassrum", "Create classroom"),
    "in_class": ("Du svarar i klassrummet {code}. Dina svar skickas anonymt: inget namn, ingen IP-adress.",
                 "You are answering in classroom {code}. Your answers are sent anonymously: no name, no IP address."),
    "submitted": ("Dina svar är inskickade anonymt till klassen. Du kan ändra dem så länge klassrummet är öppet.",
                  "Your answers have been sent anonymously to the class. You can change them while the room is open."),
    "class_results": ("Klassens resultat", "The class's results"),
    "class_not_revealed": ("Läraren visar klassens resultat när alla är klara. De dyker upp här av sig själva.",
                           "Your teacher will show the class's results when everyone is done. They appear "
                           "here by themselves."),
    "teacher_heading": ("Lärarvy för klassrummet {code}", "Teacher view for classroom {code}"),
    "teacher_join": ("Skanna QR-koden eller öppna länken. Eller skriv koden på startsidan:",
                     "Scan the QR code or open the link. Or type the code on the start page:"),
    "teacher_secret": ("Den här sidans adress är din hemliga lärarlänk. Spara den och visa den inte för "
                       "klassen: den kan stänga och radera klassrummet.",
                       "This page's address is your secret teacher link. Keep it and do not show it to the "
                       "class: it can close and delete the classroom."),
    "finished_label": ("Elever som har svarat", "Pupils who have answered"),
    "waiting": ("Resultaten visas när minst {threshold} elever har svarat ({n} av {threshold} hittills). "
                "Det skyddar elevernas anonymitet.",
                "The results appear once at least {threshold} pupils have answered ({n} of {threshold} so "
                "far). This protects the pupils' anonymity."),
    "distribution_heading": ("Så svarade klassen", "How the class answered"),
    "share_of_class": ("Andel av klassen", "Share of the class"),
    "class_average": ("Klassens genomsnittliga överensstämmelse per parti", "The class's average agreement per party"),
    "discuss_heading": ("Diskutera", "Discuss"),
    "divisive": ("Där klassen är mest oenig", "Where the class disagrees most"),
    "consensus": ("Där klassen är mest överens", "Where the class agrees most"),
    "reveal": ("Visa klassens resultat för eleverna", "Show the class's results to the pupils"),
    "close_room": ("Stäng för nya svar", "Close to new answers"),
    "room_closed": ("Klassrummet är stängt för nya svar.", "The classroom is closed to new answers."),
    "export": ("Ladda ner klassens sammanställning (CSV)", "Download the class summary (CSV)"),
    "delete_confirm": ("Jag vill radera klassrummet och alla svar", "I want to delete the classroom and all answers"),
    "delete_room": ("Radera klassrummet", "Delete the classroom"),
    "deleted": ("Klassrummet och alla svar är raderade.", "The classroom and all answers have been deleted."),
    "leave_class": ("Lämna klassrummet", "Leave the classroom"),
    "footer": ("Öppen källkod. Inga kakor för spårning, inga externa tjänster.",
               "Open source. No tracking cookies, no external services."),
    # Journeys: start, question, embedding, navigation, share links (new strings go below).
    "last_answered": ("Det var det sista påståendet. Tryck på Visa resultat när du är klar.",
                      "That was the last statement. Press Show results when you are ready."),
    "nav_start": ("Startsidan", "Start page"),
    "nav_question": ("Påståendena", "The statements"),
    "statements_one": ("1 påstående", "1 statement"),
    "statements_many": ("{n} påståenden", "{n} statements"),
    "minutes_one": ("1 minut", "1 minute"),
    "minutes_many": ("{n} minuter", "{n} minutes"),
    "answers_one": ("ditt svar", "your answer"),
    "answers_many": ("dina {n} svar", "your {n} answers"),
    "restart_question": ("Vill du börja om? Då tas {n} bort.", "Start over? That clears {n}."),
    "restart_yes": ("Ja, börja om", "Yes, start over"),
    "restart_no": ("Nej, behåll svaren", "No, keep my answers"),
    "important_counts": ("Viktig för mig (räknas {n} gånger)", "Important to me (counts {n} times)"),
    "important_previous": ("Det förra påståendet är viktigt för mig (ditt svar: {answer})",
                           "The previous statement is important to me (your answer: {answer})"),
    "skip_link": ("Hoppa till innehållet", "Skip to main content"),
    "progress_label": ("Hur långt du har kommit", "Your progress"),
    "notice_own": ("Svaren i adressen kunde inte läsas ({reason}), så du börjar utan svar.",
                   "The answers in the address could not be read ({reason}), so you start with none."),
    "shared_banner": ("Det här är resultatet från en delad länk: någon annans svar. Dina egna svar påverkas inte.",
                      "These are the results from a shared link: someone else's answers. Your own answers are "
                      "not affected."),
    "make_own": ("Gör valkompassen själv", "Take the quiz yourself"),
    "archive_link": ("Äldre valkompasser (arkiv)", "Older quizzes (archive)"),
    "archive_note": ("Det här är en arkivvalkompass från ett tidigare val.",
                     "This is an archive quiz from an earlier election."),
    "embed_link": ("Bädda in valkompassen på din webbplats", "Embed the quiz on your website"),
    "embed_title": ("Bädda in", "Embed"),
    "embed_intro": ("Välj valkompass, språk, partier och påståenden. Förhandsvisningen visar valkompassen som "
                    "den blir på din sida. Klistra sedan in koden i din sida.",
                    "Choose the quiz, language, parties and statements. The preview shows the quiz as it will "
                    "look on your page. Then paste the code into your page."),
    "embed_quiz": ("Valkompass", "Quiz"),
    "embed_lang": ("Språk", "Language"),
    "embed_parties": ("Partier", "Parties"),
    "embed_one_party": ("Med bara ett parti hamnar alla besökare närmast det partiet. Välj minst två partier för "
                        "en rättvis jämförelse.",
                        "With only one party, every visitor comes out closest to that party. Choose at least two "
                        "parties for a fair comparison."),
    "embed_statements": ("Påståenden (lämna tomt för alla)", "Statements (leave empty for all)"),
    "embed_all": ("Alla påståenden", "All statements"),
    "embed_count": ("Valkompassen får {n} påståenden.", "The quiz will have {n} statements."),
    "embed_snippet": ("Kod att klistra in", "Code to paste"),
    "embed_height": ("Ramen visar bara valkompassen och rullar inuti sig själv. 640 pixlar räcker på både mobil "
                     "och dator; ändra höjden om du vill.",
                     "The frame shows only the quiz and scrolls inside itself. 640 pixels is enough on phones and "
                     "computers; change the height if you like."),
    "embed_preview": ("Förhandsvisning", "Preview"),
    "static_heading": ("Statisk version", "Static version"),
    "static_intro": ("Vill du inte köra någon server kan du bygga en statisk version (vanliga HTML-filer) och "
                     "lägga den på din egen webbplats:",
                     "If you would rather not run a server, build a static version (plain HTML files) and put it "
                     "on your own website:"),
    "method_source": ("{party}: ”{title}”, {kind}, {year} ({file})", "{party}: “{title}”, {kind}, {year} ({file})"),
    "matrix_show": ("Visa tabellen", "Show the table"),
    "formula": ("överensstämmelse = Σ poäng ÷ Σ högsta möjliga poäng", "match = Σ points ÷ Σ highest possible points"),
    # Streamlit's own labels (aria-label, title), translated in the browser by focus.py
    "chrome_open": ("Öppna", "Open"),
    "chrome_clear_all": ("Rensa alla", "Clear all"),
    "chrome_selected": ("Valda värden", "Selected values"),
    "chrome_increment": ("Öka", "Increment"),
    "chrome_decrement": ("Minska", "Decrement"),
    "chrome_copy": ("Kopiera till urklipp", "Copy to clipboard"),
    "chrome_heading_link": ("Länk till rubriken", "Link to heading"),
    "chrome_show_data": ("Visa data", "Show data"),
    "chrome_fullscreen": ("Helskärm", "Fullscreen"),
    "chrome_close_fullscreen": ("Stäng helskärm", "Close fullscreen"),
    "chrome_download_csv": ("Ladda ner som CSV", "Download as CSV"),
    "chrome_search": ("Sök", "Search"),
    "chrome_columns": ("Visa eller dölj kolumner", "Show/hide columns"),
    "chrome_download_png": ("Ladda ner som PNG", "Download as PNG"),
    "chrome_download_svg": ("Ladda ner som SVG", "Download as SVG"),
    "chrome_view_source": ("Visa källkod", "View Source"),
    "chrome_vega_spec": ("Kopiera Vega-Lite-specifikationen", "Copy Vega-Lite spec"),
    "chrome_iframe": ("Förhandsvisning", "st.iframe"),
    "chrome_remove": ("Ta bort", "Remove"),
    "chrome_choose": ("Välj", "Choose options"),
    "back_to_start": ("← Till startsidan", "← To the start page"),

    # ----------------------------------------------------------------------------------------
    # Results: verdict, head-to-head, firmness, tables, downloads (new strings go below).
    "not_started": ("Du har inte svarat på något påstående än. Gå till påståendena och svara på minst ett.",
                    "You have not answered any statement yet. Go to the statements and answer at least one."),
    "subset_note": ("Jämförelse med endast: {parties}. Valkompassen har fler partier än så.",
                    "Compared with only: {parties}. The quiz has more parties than that."),
    "single_agreement": ("Din överensstämmelse med {party}: {percent}.", "Your agreement with {party}: {percent}."),
    "single_note": ("Bara ett parti jämförs, så resultatet säger inget om vilket parti du står närmast.",
                    "Only one party is compared, so the result says nothing about which party you are closest to."),
    "verdict_clear": ("Du står närmast {party}, {margin} procentenheter före {runner}.",
                      "You are closest to {party}, {margin} percentage points ahead of {runner}."),
    "verdict_close": ("Jämnt mellan {parties}.", "Too close to call between {parties}."),
    "close_rounded": ("{leader} ligger bara {margin} procentenheter före, och avrundat är procentsatserna lika.",
                      "{leader} is only {margin} percentage points ahead, and the rounded percentages are equal."),
    "close_one_answer": ("{leader} ligger {margin} procentenheter före, men om ett enda av dina svar flyttas "
                         "ett steg på skalan kan ordningen bli en annan.",
                         "{leader} is {margin} percentage points ahead, but moving a single one of your answers "
                         "by one step on the scale could change the order."),
    "and": ("och", "and"),
    "head_intro": ("Partierna har tagit ställning till olika många av påståendena. Jämförda bara på de "
                   "påståenden som båda har tagit ställning till:",
                   "The parties address different numbers of the statements. Compared only on the statements "
                   "both address:"),
    "head_line": ("{a} mot {b}, på {count}: {a} {pa}, {b} {pb}.", "{a} against {b}, on {count}: {a} {pa}, {b} {pb}."),
    "head_none": ("{a} och {b} har inte båda tagit ställning till något av de påståenden du svarat på.",
                  "{a} and {b} do not both address any of the statements you answered."),
    "one_statement": ("1 påstående", "1 statement"),
    "n_statements": ("{n} påståenden", "{n} statements"),
    "one_position": ("1 ställningstagande", "1 position"),
    "n_positions": ("{n} ställningstaganden", "{n} positions"),
    "legend_no_position": ("inget uttalat ställningstagande", "no stated position"),
    "legend_not_answered": ("inte besvarat", "not answered"),
    "quotes_original": ("Citaten står på originalspråket, svenska.",
                        "The quotes are in the original Swedish; they are not translated."),
    "match_alt": ("Stapeldiagram över din överensstämmelse med varje parti. Samma siffror står i tabellen under.",
                  "Bar chart of your agreement with each party. The table below has the same numbers."),
    "compare_alt": ("Rutnät med ditt svar och partiernas ställningstaganden för varje påstående. Samma symboler "
                    "står i tabellen under.",
                    "Grid of your answer and the parties' positions on every statement. The table below has the "
                    "same symbols."),
    "topic_alt": ("Rutnät med överensstämmelsen per ämne och parti. Samma siffror står i tabellen under.",
                  "Grid of the agreement by topic and party. The table below has the same numbers."),
    "stable_all": ("{party} hamnar överst med alla räknesätt nedan. Minsta marginalen är {margin} "
                   "procentenheter.",
                   "{party} comes out on top with every method below. The smallest margin is {margin} "
                   "percentage points."),
    "stable_tie": ("Delad första plats med alla räknesätt nedan: {parties}.",
                   "Tied for first place with every method below: {parties}."),
    "single_methods": ("Din överensstämmelse med {party} med vart och ett av räknesätten:",
                       "Your agreement with {party} under each method:"),
    "firm_holds": ("Resultatet håller även om något enskilt av partiernas ställningstaganden hade kodats ett steg "
                   "annorlunda.",
                   "The result holds even if any single one of the parties' positions had been coded one step "
                   "differently."),
    "firm_one": ("Resultatet hänger på en enda kodning: om {party} i stället hade kodats som ”{label}” i påstående "
                 "{number}, ”{statement}”, skulle {outcome}.",
                 "The result hangs on a single coding: if {party} had been coded as “{label}” on statement "
                 "{number}, “{statement}”, {outcome}."),
    "firm_many": ("Resultatet hänger på hur ställningstagandena kodats: {n} olika enskilda kodningar, ett steg "
                  "annorlunda, ändrar vem som hamnar överst. Till exempel: om {party} i stället hade kodats som "
                  "”{label}” i påstående {number}, ”{statement}”, skulle {outcome}.",
                  "The result depends on how the positions were coded: {n} different single codings, one step "
                  "different, change who comes out on top. For example: if {party} had been coded as “{label}” "
                  "on statement {number}, “{statement}”, {outcome}."),
    "outcome_one": ("{party} hamna överst", "{party} would come out on top"),
    "outcome_tie": ("{parties} dela första platsen", "{parties} would share first place"),
    "outcome_none": ("inget parti ha något underlag", "no party would have a basis"),
    "readings_hold": ("De två kodarna läste {count} olika. Med den andra läsningen hamnar samma parti ändå överst.",
                      "The two coders read {count} differently. With the other reading the same party still "
                      "comes out on top."),
    "readings_change": ("De två kodarna läste {count} olika. Med den andra läsningen skulle {outcome}.",
                        "The two coders read {count} differently. With the other reading, {outcome}."),
    "col_match": ("Överensstämmelse", "Agreement"),
    "n_of": ("{n} av {of} påståenden", "{n} of {of} statements"),
    "caption_match": ("Tabell: överensstämmelse per parti", "Table: agreement per party"),
    "caption_compare": ("Tabell: påstående för påstående", "Table: statement by statement"),
    "caption_topics": ("Tabell: överensstämmelse per ämne", "Table: agreement by topic"),
    "method_line": ("{method}: {party} överst med {percent}, {margin} procentenheter före nästa parti.",
                    "{method}: {party} on top with {percent}, {margin} percentage points ahead of the next party."),
    "method_line_tie": ("{method}: delad första plats för {parties} med {percent}.",
                        "{method}: {parties} tied for first place with {percent}."),
    "method_line_single": ("{method}: {percent}.", "{method}: {percent}."),
    "png_lines": ("{date} · räknesätt: {method}", "{date} · method: {method}"),

    # ----------------------------------------------------------------------------------------
    # Class mode: rooms, dashboard, projector, pupils (new strings go below).
    "create_class_size": ("Antal elever i klassen (högst så många kan svara)",
                          "Pupils in the class (at most this many can answer)"),
    "pupils_one": ("{n} elev", "{n} pupil"),
    "pupils_many": ("{n} elever", "{n} pupils"),
    "snapshot_of": ("Resultaten bygger på svaren från {pupils}.", "The results are based on the answers of {pupils}."),
    "snapshot_pending": ("{pending} av minst {threshold} nya eller ändrade svar har kommit sedan dess. Resultaten "
                         "uppdateras först när de är {threshold}, så att ingen enskild elevs svar syns.",
                         "{pending} of at least {threshold} new or changed answers have arrived since. The results "
                         "are updated only once there are {threshold}, so that no single pupil's answers show."),
    "board_link": ("Öppna projektorvyn", "Open the projector view"),
    "board_help": ("Visa projektorvyn för klassen. Den visar bara det klassen får se och har inga knappar för "
                   "att stänga eller radera, så den tål att fotograferas. Behåll den här sidan på din egen skärm.",
                   "Show the projector view to the class. It shows only what the class may see and has no "
                   "buttons to close or delete, so it is safe to photograph. Keep this page on your own screen."),
    "qr_caption": ("QR-kod till klassrummets länk", "QR code for the classroom's link"),
    "board_one_statement": ("Visa ett påstående i helskärm", "Show one statement full screen"),
    "all_statements": ("Alla påståenden", "All statements"),
    "table_statement": ("Påstående", "Statement"),
    "show_table": ("Visa som tabell", "Show as a table"),
    "party_answers": ("Vad partierna säger", "What the parties say"),
    "export_none": ("Det finns inget att ladda ner förrän resultaten har visats första gången.",
                    "There is nothing to download until the results have been shown for the first time."),
    "class_quiz_changed": ("Valkompassen har ändrats sedan klassrummet skapades. Klassrummet använder de "
                           "påståenden och partier som fortfarande finns.",
                           "The quiz has changed since the classroom was created. The classroom uses the "
                           "statements and parties that still exist."),
    "class_quiz_gone": ("Valkompassen som klassrummet skapades för finns inte längre på den här sidan. "
                        "Skapa ett nytt klassrum.",
                        "The quiz this classroom was created for is no longer on this site. Set up a new "
                        "classroom."),
    "teacher_device": ("Det här är din kontrollpanel. Visa den inte på projektorn.",
                       "This is your control panel. Do not show it on the projector."),
    "status_heading": ("Läget just nu", "Right now"),

    # ----------------------------------------------------------------------------------------
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` ('sv' or 'en'), with `{placeholders}` filled in."""
    sv, en = STRINGS[key]
    template = en if lang == "en" else sv
    return template.format(**values) if values else template


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))
