"""`kind:id` references given on the command line, with did-you-mean like the configuration's.

entity, hint = find(config, "contact:peter-robinsn", PRINCIPAL_KINDS)
# None, "contact:peter-robinson"
"""

from __future__ import annotations

import difflib


def _close(value: str, candidates, cutoff: float = 0.75) -> str | None:
    # Only ids of about the same length (as the resolver does): difflib over 50,000 ids is slow.
    slack = max(2, len(value) // 4)
    near = [c for c in candidates if abs(len(c) - len(value)) <= slack]
    found = difflib.get_close_matches(value, near, n=1, cutoff=cutoff)
    return found[0] if found else None


def find(config, ref: str, kinds: tuple[str, ...]):
    """(the entity, None) or (None, the closest `kind:id` among `kinds`, or None)."""
    kind, sep, ident = ref.partition(":")
    if not sep:
        kind, ident = "", ref
    if kind in kinds:
        entity = config.lookup(ref)
        if entity is not None:
            return entity, None
    elif kind:
        fixed = _close(kind, kinds, cutoff=0.6)
        if fixed and config.lookup(f"{fixed}:{ident}") is not None:
            return None, f"{fixed}:{ident}"
    # the id under another of the allowed kinds, then the closest id of the same kind
    for other in kinds:
        if other != kind and config.lookup(f"{other}:{ident}") is not None:
            return None, f"{other}:{ident}"
    for other in (kind, *kinds) if kind in kinds else kinds:
        index = config.kind_index(other) or {}
        close = _close(ident, index)
        if close:
            return None, f"{other}:{close}"
    return None, None
