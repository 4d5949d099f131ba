"""The one error type of class mode, with its message in every language of `quiz/languages.py`."""

from __future__ import annotations

from quiz.model import Text

MESSAGES = {
    "unknown_code": Text("Koden finns inte eller har gått ut. Kontrollera koden med din lärare.",
                         "That code does not exist or has expired. Check the code with your teacher.",
                         "Koden finns inte. Eller så gäller den inte längre. Fråga din lärare om koden."),
    "closed": Text("Klassrummet är stängt och tar inte emot fler svar.",
                   "The classroom is closed and takes no more answers.",
                   "Klassrummet är stängt. Du kan inte skicka fler svar."),
    "bad_token": Text("Länken till lärarvyn gäller inte. Använd den hemliga lärarlänken du fick när klassen skapades.",
                      "This teacher link is not valid. Use the secret teacher link you got when the class was created.",
                      "Länken till läraren fungerar inte. Använd den hemliga länken. Du fick den när du skapade "
                      "klassrummet."),
    "rate_limited": Text("Det har skapats många klassrum nyss. Vänta några minuter och försök igen.",
                         "Many classrooms were created just now. Wait a few minutes and try again.",
                         "Många klassrum skapades nyss. Vänta några minuter. Försök sedan igen."),
    "bad_board": Text("Länken till projektorvyn gäller inte. Öppna projektorlänken från lärarvyn igen.",
                      "This projector link is not valid. Open the projector link from the teacher view again.",
                      "Länken till skärmen fungerar inte. Gå till lärarens sida. Öppna länken till skärmen där."),
    "full": Text("Klassrummet är fullt: {size} elever har redan svarat. Be din lärare om hjälp.",
                 "The classroom is full: {size} pupils have already answered. Ask your teacher for help.",
                 "Klassrummet är fullt. {size} elever har redan svarat. Fråga din lärare."),
    "class_size": Text("Klassens storlek måste vara minst gränsen för anonymitet ({threshold}) och högst {maximum}.",
                       "The class size must be at least the anonymity threshold ({threshold}) and at most {maximum}.",
                       "Skriv hur många elever som går i klassen. Det ska vara minst {threshold}. "
                       "Det får vara högst {maximum}."),
    "too_fast": Text("Du har skickat många gånger på kort tid. Vänta en minut och försök igen.",
                     "You have sent many times in a short while. Wait a minute and try again.",
                     "Du har skickat svar många gånger nyss. Vänta en minut. Försök sedan igen."),
    "busy": Text("Du har skapat många klassrum på kort tid. Vänta tio minuter och försök igen.",
                 "You have created many classrooms in a short while. Wait ten minutes and try again.",
                 "Du har skapat många klassrum nyss. Vänta tio minuter. Försök sedan igen."),
    "threshold": Text("Gränsen för anonymitet måste vara minst {minimum} elever.",
                      "The anonymity threshold must be at least {minimum} pupils.",
                      "Minst {minimum} elever måste svara innan klassen ser svaren. Skriv {minimum} eller mer."),
    "subset": Text("Välj mellan {low} och {high} påståenden, eller alla.",
                   "Choose between {low} and {high} statements, or all of them.",
                   "Välj mellan {low} och {high} påståenden. Eller välj alla."),
    "language": Text("Välj klassrummets språk i listan: {languages}.",
                     "Choose the classroom's language from the list: {languages}.",
                     "Välj ett språk i listan: {languages}."),
    "no_parties": Text("Välj minst ett parti.", "Choose at least one party.", "Välj minst ett parti."),
    "bad_answers": Text("Svaren passar inte klassrummets påståenden.", "The answers do not fit the room's statements.",
                        "Svaren passar inte till påståendena i klassrummet."),
}
"""Each reason's message; `Text.get` falls back along the language's chain (see quiz/languages.py)."""


class ClassroomError(Exception):
    """Bad input in class mode: a wrong, expired or closed code, a bad token, a bad setting."""

    def __init__(self, reason: str, **values: object) -> None:
        self.reason = reason
        self.values = values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        return MESSAGES[self.reason].get(lang).format(**self.values)
