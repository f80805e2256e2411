from .attempts import Answer, Attempt, ScoreChange
from .bank import Choice, Question, QuestionCategory
from .quizzes import Quiz, QuizDraw, QuizQuestion, QuizWindow
from .regrading import RegradeRun
from .studies import Arm, Study, StudyParticipant

__all__ = [
    "Answer",
    "Arm",
    "Attempt",
    "Choice",
    "Question",
    "QuestionCategory",
    "Quiz",
    "QuizDraw",
    "QuizQuestion",
    "QuizWindow",
    "RegradeRun",
    "ScoreChange",
    "Study",
    "StudyParticipant",
]
