"""Stage 2: documents -> raw pydantic rows (CSM200-202)."""

from . import sections
from .validate import Row, SettingsBlock, Validated, place_of, shape_checks, validate_documents

__all__ = [
    "Row",
    "SettingsBlock",
    "Validated",
    "place_of",
    "sections",
    "shape_checks",
    "validate_documents",
]
