"""Readable, unique, stable ids for imported records.

An id is chosen, in this order:
1. the id the map file of an earlier import gave this sys_id
   (`DIR/.csmconf/servicenow-ids.yaml`), so a re-import renames nothing;
2. the original csmconf id, when the record's sys_id is csmconf's own
   UUIDv5 of `KIND/ID` (the export came from `csmconf compile`): candidates
   are spelled from the record's name, user name, e-mail and ServiceNow role
   name and kept only when the hash matches, so this never guesses;
3. an id derived from the name (`GSI Tech` -> `gsi-tech`), made unique within
   its kind with `-2`, `-3`, ... in the order of (derived id, sys_id).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
import uuid

from ..model.sections import ID_PATTERN

_ID = re.compile(ID_PATTERN)
_RUNS = re.compile(r"[^a-z0-9]+")
MAX_ID = 100
#: at most 3**8 spellings of one role name are hashed: `_` may have been `_`, `-` or `.`
_MAX_SEPARATORS = 8
#: a name of at most this many words is also tried shortened: 2**8 word choices, 3 separators
_MAX_WORDS = 8
_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def ascii_words(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def slug(text: str, sep: str = "-") -> str:
    """`GSI Tech` -> `gsi-tech`: ASCII-folded, lowercase, runs of other characters one `sep`."""
    out = _RUNS.sub(sep, ascii_words(text)).strip(sep)
    return out[:MAX_ID].rstrip(sep)


def valid(candidate: str) -> bool:
    return bool(_ID.match(candidate))


def spellings(texts: list[str]) -> list[str]:
    """Every id a csmconf author would likely have written for these texts, most likely first."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        lowered = ascii_words(text).strip()
        local = lowered.split("@", 1)[0]
        for form in (lowered, local):
            for sep in ("-", "_", ".", ""):
                out.append(_RUNS.sub(sep, form).strip(sep) if sep else _RUNS.sub("", form))
            out.append(form)
    seen: set[str] = set()
    return [c for c in out if c and c not in seen and not seen.add(c) and valid(c)]


def role_spellings(servicenow_name: str) -> list[str]:
    """Ids whose default ServiceNow name (`u_` + id, `.`/`-` as `_`) is this name."""
    if not servicenow_name.startswith("u_"):
        return []
    rest = servicenow_name[2:]
    parts = rest.split("_")
    if len(parts) - 1 > _MAX_SEPARATORS:
        return [rest]
    out = []
    for seps in itertools.product(("_", "-", "."), repeat=len(parts) - 1):
        out.append(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True)))
    return [c for c in out if valid(c)]


class IdAllocator:
    """Ids of one import: recovered ones first, then derived ones, unique within each kind."""

    def __init__(
        self, namespace: uuid.UUID, known: dict[str, dict[str, str]], reserved: dict[str, set[str]]
    ):
        self.namespace = namespace
        self.known = known  # kind -> sys_id -> id (the map file of an earlier import)
        self.taken: dict[str, set[str]] = {k: set(v) for k, v in reserved.items()}
        self.assigned: dict[str, dict[str, str]] = {}
        self.recovered = 0
        self.from_map = 0

    def recover(self, kind: str, sys_id: str, candidates: list[str], text: str = "") -> str | None:
        """The original id when `sys_id` is csmconf's hash of one of the candidates, or of a
        shortening of `text` (`ABC Germany GmbH` -> `abc-germany`, `Orion Industries -
        Finance` -> `orion-finance`: any words of it, in order)."""
        prefix = hashlib.sha1(self.namespace.bytes + f"{kind}/".encode())
        want = bytes.fromhex(sys_id) if _HEX32.match(sys_id) else None
        if want is None:
            return None

        def hit(candidate: str) -> bool:
            h = prefix.copy()
            h.update(candidate.encode())
            d = bytearray(h.digest()[:16])
            d[6] = (d[6] & 0x0F) | 0x50
            d[8] = (d[8] & 0x3F) | 0x80
            return d == want

        for candidate in candidates:
            if hit(candidate):
                return candidate
        words = slug(text).split("-") if text else []
        if 1 < len(words) <= _MAX_WORDS:
            for size in range(len(words) - 1, 0, -1):
                for chosen in itertools.combinations(words, size):
                    for sep in ("-", "_", "."):
                        candidate = sep.join(chosen)
                        if valid(candidate) and hit(candidate):
                            return candidate
        return None

    def assign(self, kind: str, wanted: list[tuple[str, str, list[str], str]]) -> dict[str, str]:
        """`wanted`: (sys_id, readable text, candidate ids, fallback) per record -> sys_id -> id."""
        taken = self.taken.setdefault(kind, set())
        out = self.assigned.setdefault(kind, {})
        known = self.known.get(kind, {})
        rest = []
        for sys_id, text, candidates, fallback in wanted:
            fixed = known.get(sys_id)
            if fixed is not None:
                self.from_map += 1
            else:
                fixed = self.recover(kind, sys_id, candidates, text)
                if fixed is not None:
                    self.recovered += 1
            if fixed is not None and fixed not in taken and valid(fixed):
                out[sys_id] = fixed
                taken.add(fixed)
            else:
                base = text if valid(text) else (slug(text) or fallback)
                if not valid(base):
                    base = f"{fallback}-{base}"[:MAX_ID].strip("-")
                rest.append((base, sys_id))
        for base, sys_id in sorted(rest):
            candidate, n = base, 1
            while candidate in taken:
                n += 1
                tail = f"-{n}"
                candidate = base[: MAX_ID - len(tail)] + tail
            out[sys_id] = candidate
            taken.add(candidate)
        return out
