"""The questionnaire engine: pure Python, knows nothing of the web, the store or the report."""

from prepcheck.engine.assess import Assessment, Context, InvalidAnswers, assess, check_answers
from prepcheck.engine.load import LoadError, QuestionnaireError, load_questionnaire, parse_questionnaire, validate_paths
from prepcheck.engine.model import Questionnaire
from prepcheck.engine.path import Path, compute_path

__all__ = [
    "Assessment",
    "Context",
    "InvalidAnswers",
    "LoadError",
    "Path",
    "Questionnaire",
    "QuestionnaireError",
    "assess",
    "check_answers",
    "compute_path",
    "load_questionnaire",
    "parse_questionnaire",
    "validate_paths",
]
