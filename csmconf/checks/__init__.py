"""Stage 5: checks over the resolved configuration and its graph (CSM4xx, CSM5xx, CSM7xx)
and the access tests written in the configuration (CSM600, CSM601)."""

from .registry import CHECKS, check, run_checks

__all__ = ["CHECKS", "check", "run_checks"]
