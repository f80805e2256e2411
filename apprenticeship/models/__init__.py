from .placements import LogbookEntry, LogbookPhoto, Placement, PlacementEvaluation, PlacementRoleScore
from .registry import (
    ApprenticeInterest,
    ApprenticeshipSettings,
    BusinessType,
    KubeAssessment,
    KubeGroup,
    StimulusGrant,
)

__all__ = [
    "ApprenticeInterest",
    "ApprenticeshipSettings",
    "BusinessType",
    "KubeAssessment",
    "KubeGroup",
    "LogbookEntry",
    "LogbookPhoto",
    "Placement",
    "PlacementEvaluation",
    "PlacementRoleScore",
    "StimulusGrant",
]
