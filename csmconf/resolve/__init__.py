"""Stage 3: raw rows -> resolved objects, built-ins merged in (CSM300-303)."""

from .objects import sys_id
from .resolver import Config, resolve

__all__ = ["Config", "resolve", "sys_id"]
