"""The one error type of class mode, with its message in Swedish and English."""

from __future__ import annotations

MESSAGES = {
    "unknown_code": ("Koden finns inte eller har gått ut. Kontrollera koden med din lärare.",
                     "That code does not exist or has expired. Check the code with your teacher."),
    "closed": ("Klassrummet är stängt och tar inte emot fler svar.",
               "The classroom is closed and takes no more answers."),
    "bad_token": ("Länken till lärarvyn gäller inte. Använd den hemliga lärarlänken du fick när klassen skapades.",
                  "This teacher link is not valid. Use the secret teacher link you got when the class was created."),
    "rate_limited": ("Det har skapats många klassrum nyss. Vänta några minuter och försök igen.",
                     "Many classrooms were created just now. Wait a few minutes and try again."),
    "bad_board": ("Länken till projektorvyn gäller inte. Öppna projektorlänken från lärarvyn igen.",
                  "This projector link is not valid. Open the projector link from the teacher view again."),
    "full": ("Klassrummet är fullt: {size} elever har redan svarat. Be din lärare om hjälp.",
             "The classroom is full: {size} pupils have already answered. Ask your teacher for help."),
    "class_size": ("Klassens storlek måste vara minst gränsen för anonymitet ({threshold}) och högst {maximum}.",
                   "The class size must be at least the anonymity threshold ({threshold}) and at most {maximum}."),
    "too_fast": ("Du har skickat många gånger på kort tid. Vänta en minut och försök igen.",
                 "You have sent many times in a short while. Wait a minute and try again."),
    "busy": ("Du har skapat många klassrum på kort tid. Vänta tio minuter och försök igen.",
             "You have created many classrooms in a short while. Wait ten minutes and try again."),
    "threshold": ("Gränsen för anonymitet måste vara minst {minimum} elever.",
                  "The anonymity threshold must be at least {minimum} pupils."),
    "subset": ("Välj mellan {low} och {high} påståenden, eller alla.",
               "Choose between {low} and {high} statements, or all of them."),
    "no_parties": ("Välj minst ett parti.", "Choose at least one party."),
    "bad_answers": ("Svaren passar inte klassrummets påståenden.", "The answers do not fit the room's statements."),
}


class ClassroomError(Exception):
    """Bad input in class mode: a wrong, expired or closed code, a bad token, a bad setting."""

    def __init__(self, reason: str, **values: object) -> None:
        self.reason = reason
        self.values = values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        sv, en = MESSAGES[self.reason]
        return (en if lang == "en" else sv).format(**self.values)
