"""valkompass engine: load quizzes, check provenance, score answers. No Streamlit here."""

from quiz.errors import DataError, Problem
from quiz.load import load_quiz, load_weights
from quiz.model import Answers, Method, Party, Quiz, Statement, Weights
from quiz.scoring import PartyScore, rank, score

__all__ = [
    "Answers",
    "DataError",
    "Method",
    "Party",
    "PartyScore",
    "Problem",
    "Quiz",
    "Statement",
    "Weights",
    "load_quiz",
    "load_weights",
    "rank",
    "score",
]
