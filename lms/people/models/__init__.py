"""People, places and recruitment. The modules are re-exported so `lms.people.models` stays one import."""

from .accounts import PHONE_VALIDATOR, REGION_CODE_VALIDATOR, Region, User, UserManager
from .recruitment import ApplicationScreening, CandidateApplication

__all__ = [
    "PHONE_VALIDATOR",
    "REGION_CODE_VALIDATOR",
    "ApplicationScreening",
    "CandidateApplication",
    "Region",
    "User",
    "UserManager",
]
