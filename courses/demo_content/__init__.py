"""Demo curriculum for Akademi Pendamping, as plain data.

The page builder turns these dicts into Wagtail course, module and lesson pages; ``images``
draws the illustrations the lessons refer to by key.
"""

from .dasar_pendampingan import DASAR_PENDAMPINGAN
from .kewirausahaan_koperasi import KEWIRAUSAHAAN_KOPERASI
from .taxonomy import ASPECTS, MENTOR_ROLES

COURSES = [DASAR_PENDAMPINGAN, KEWIRAUSAHAAN_KOPERASI]

__all__ = ["ASPECTS", "COURSES", "DASAR_PENDAMPINGAN", "KEWIRAUSAHAAN_KOPERASI", "MENTOR_ROLES"]
