"""One place where checks register: each is a small function with the codes it reports.

Adding a check means writing a function in the module of its family and
decorating it; no other check changes. `run_checks` runs them in a stable
order and collects everything they report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..diagnostics import CODES, Diagnostic
from ..graph import AccessEngine
from ..resolve import Config

CheckFn = Callable[[Config, AccessEngine], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Check:
    name: str
    codes: tuple[str, ...]
    fn: CheckFn


CHECKS: list[Check] = []


def check(*codes: str):
    for code in codes:
        if code not in CODES:
            raise ValueError(f"check registers undocumented code {code}")

    def register(fn: CheckFn) -> CheckFn:
        CHECKS.append(Check(fn.__name__, codes, fn))
        return fn

    return register


def run_checks(config: Config, engine: AccessEngine) -> list[Diagnostic]:
    from . import assertions, conflicts, cycles, lint  # noqa: F401 - importing registers the checks

    out: list[Diagnostic] = []
    for c in CHECKS:
        for d in c.fn(config, engine):
            if d.code not in c.codes:
                raise AssertionError(f"check {c.name} reported {d.code}, not among {c.codes}")
            out.append(d)
    return out
