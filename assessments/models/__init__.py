from .attempts import Answer, Attempt, ScoreChange
from .bank import Choice, Question, QuestionCategory
from .quizzes import Quiz, QuizDraw, QuizQuestion, QuizWindow

__all__ = [
    "Answer",
    "Attempt",
    "Choice",
    "Question",
    "QuestionCategory",
    "Quiz",
    "QuizDraw",
    "QuizQuestion",
    "QuizWindow",
    "ScoreChange",
]
