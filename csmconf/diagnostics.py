"""The one error type every stage reports with, and the catalogue of codes.

Every stage, from the loader to the emitters, reports problems as
`Diagnostic` values and never raises for bad input. A run collects all of
them; sorting is by (file, line, column, code) so output never depends on the
order in which stages or files were visited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import NamedTuple

BUILTIN_FILE = "<builtin>"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Place(NamedTuple):
    """A span in a configuration file. `file` is POSIX, relative to the config root.

    A named tuple, not a dataclass: the compiler makes one for every edge of
    the access graph, and tuples are several times cheaper to build; they
    order and hash as (file, line, column, ...) just the same.
    """

    file: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    @property
    def is_builtin(self) -> bool:
        return self.file == BUILTIN_FILE

    def __str__(self) -> str:
        if self.is_builtin or not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line or None,
            "column": self.column or None,
            "end_line": self.end_line or None,
            "end_column": self.end_column or None,
        }


BUILTIN = Place(BUILTIN_FILE)


class LazyPlace:
    """A `Place` found only when first read: positions of a file read by the fast reader
    are built on demand (load/fast_yaml.py), and most places of a clean run are never read.

    It answers what a Place answers (fields, `str`, iteration, order, equality with
    Places); a subclass says how to find the place (`_find`). Diagnostics and
    related places turn it into a real Place when they are made.
    """

    __slots__ = ("_place",)

    def _find(self) -> Place:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    @property
    def document(self):  # pragma: no cover - every subclass defines it
        """The document (load.ParsedDocument) whose positions `_find` reads."""
        raise NotImplementedError

    @property
    def place(self) -> Place:
        try:
            return self._place
        except AttributeError:
            self._place = found = self._find()
            return found

    file = property(lambda self: self.place.file)
    line = property(lambda self: self.place.line)
    column = property(lambda self: self.place.column)
    end_line = property(lambda self: self.place.end_line)
    end_column = property(lambda self: self.place.end_column)
    is_builtin = property(lambda self: self.place.is_builtin)

    def to_dict(self) -> dict:
        return self.place.to_dict()

    def __str__(self) -> str:
        return str(self.place)

    def __repr__(self) -> str:
        return repr(self.place)

    def __iter__(self):
        return iter(self.place)

    def __len__(self) -> int:
        return 5

    def __getitem__(self, index):
        return self.place[index]

    def __hash__(self) -> int:
        return hash(self.place)

    def __eq__(self, other) -> bool:
        return self.place == _exact(other)

    def __lt__(self, other) -> bool:
        return self.place < _exact(other)

    def __le__(self, other) -> bool:
        return self.place <= _exact(other)

    def __gt__(self, other) -> bool:
        return self.place > _exact(other)

    def __ge__(self, other) -> bool:
        return self.place >= _exact(other)


def find_places(places: Iterable) -> None:
    """Find every lazy place among `places` a file at a time, letting each file's position
    tree go once its places are found (it is built again if something reads it later).

    An output that names the places of rows in many files (grants.csv: 26 files at
    benchmark scale 1) then holds one position tree at a time, not all of them.
    """
    by_document: dict[int, tuple[object, list[LazyPlace]]] = {}
    for place in places:
        if isinstance(place, LazyPlace) and not hasattr(place, "_place"):
            doc = place.document
            by_document.setdefault(id(doc), (doc, []))[1].append(place)
    for doc, found in by_document.values():
        for place in found:
            place.place  # noqa: B018 - finds it, and keeps it
        doc.forget_positions()


def _exact(place):
    return place.place if isinstance(place, LazyPlace) else place


def exact_place(place: Place | LazyPlace) -> Place:
    """The Place itself, or the one a LazyPlace stands for."""
    return place.place if place.__class__ is not Place and isinstance(place, LazyPlace) else place


@dataclass(frozen=True, slots=True)
class Related:
    """Another place involved in a diagnostic (a first definition, a cycle hop)."""

    place: Place
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "place", exact_place(self.place))

    def to_dict(self) -> dict:
        return {**self.place.to_dict(), "message": self.message}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    place: Place
    related: tuple[Related, ...] = ()
    hint: str | None = None
    severity: Severity = field(default=Severity.ERROR)

    def __post_init__(self) -> None:
        spec = CODES.get(self.code)
        if spec is None:
            raise ValueError(f"undocumented diagnostic code {self.code}")
        # The severity of a code is part of the contract, not the caller's choice.
        object.__setattr__(self, "severity", spec.severity)
        object.__setattr__(self, "place", exact_place(self.place))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        p = self.place
        return (p.file.encode(), p.line, p.column, self.code, self.message)

    def to_dict(self) -> dict:
        d = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            **self.place.to_dict(),
            "related": [r.to_dict() for r in self.related],
        }
        if self.hint:
            d["hint"] = self.hint
        return d


@dataclass(frozen=True, slots=True)
class CodeSpec:
    severity: Severity
    title: str


E, W = Severity.ERROR, Severity.WARNING

#: Every code the compiler can emit. `docs/diagnostics.md` documents each one;
#: a test fails when the two disagree.
CODES: dict[str, CodeSpec] = {
    "CSM100": CodeSpec(E, "file is not valid YAML (syntax)"),
    "CSM101": CodeSpec(E, "duplicate key in a mapping"),
    "CSM102": CodeSpec(E, "`version` missing or not 1; file is not a mapping"),
    "CSM103": CodeSpec(E, "unknown top-level section"),
    "CSM104": CodeSpec(E, "alias/size budget exceeded, unreadable file, bad encoding"),
    "CSM200": CodeSpec(E, "missing required field"),
    "CSM201": CodeSpec(E, "unknown field"),
    "CSM202": CodeSpec(E, "wrong type or invalid value"),
    "CSM300": CodeSpec(E, "duplicate id within a kind, or a built-in's id redeclared"),
    "CSM301": CodeSpec(E, "reference to an unknown id"),
    "CSM302": CodeSpec(E, "duplicate unique value"),
    "CSM303": CodeSpec(E, "`settings` given more than once"),
    "CSM400": CodeSpec(E, "cycle in the account hierarchy"),
    "CSM401": CodeSpec(E, "cycle in role containment"),
    "CSM402": CodeSpec(E, "cycle in responsibility `includes`"),
    "CSM403": CodeSpec(E, "cycle among account relationships of one type"),
    "CSM404": CodeSpec(E, "an entity refers to itself"),
    "CSM500": CodeSpec(E, "relationship end does not fit its type"),
    "CSM501": CodeSpec(E, "inactive relationship type used"),
    "CSM502": CodeSpec(E, "the same row declared twice"),
    "CSM503": CodeSpec(E, "partner role on a contact whose account is not a partner"),
    "CSM504": CodeSpec(E, "primary contact is not a contact of the account"),
    "CSM505": CodeSpec(E, "internal role on a contact/consumer, or external role on a user"),
    "CSM506": CodeSpec(E, "responsibility held by the wrong kind of holder"),
    "CSM507": CodeSpec(E, "responsibility held without its `roles_required`"),
    "CSM508": CodeSpec(E, "unique responsibility held by two holders on one account or record"),
    "CSM509": CodeSpec(E, "two different responsibilities for one contact and account"),
    "CSM510": CodeSpec(E, "contact relationship outside the contact's hierarchy"),
    "CSM511": CodeSpec(E, "related party does not fit its type"),
    "CSM512": CodeSpec(E, "team member without `relationship_agent`"),
    "CSM513": CodeSpec(E, "related-party config responsibility does not fit its entity type"),
    "CSM600": CodeSpec(E, "a test assertion failed"),
    "CSM601": CodeSpec(E, "a test names an unknown principal or target"),
    "CSM700": CodeSpec(W, "related party of a listed type grants nothing"),
    "CSM701": CodeSpec(W, "`write` without `read` on the same table and scope"),
    "CSM702": CodeSpec(W, "a responsibility or declared role that nothing uses"),
    "CSM703": CodeSpec(W, "a partner account with no partner-access relationship"),
    # `csmconf import servicenow` (csmconf/importer/): places are in the export files
    "CSM800": CodeSpec(E, "export file unreadable or malformed"),
    "CSM801": CodeSpec(E, "table that csmconf does not import"),
    "CSM802": CodeSpec(W, "column that csmconf does not import"),
    "CSM803": CodeSpec(E, "reference to a record that is not in the export"),
    "CSM804": CodeSpec(W, "record or value the language cannot express: dropped"),
    "CSM805": CodeSpec(E, "invalid value in an exported record"),
    "CSM806": CodeSpec(E, "one record exported twice with different values"),
}


def sort_diagnostics(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Canonical order, with exact duplicates (same code, place, message) removed."""
    seen: set[tuple] = set()
    out: list[Diagnostic] = []
    for d in sorted(diags, key=Diagnostic.sort_key):
        key = d.sort_key()
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def strict(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Under --strict warnings count as errors: in the exit code and in every report."""
    out = []
    for d in diags:
        if not d.is_error:
            d = replace(d)
            object.__setattr__(d, "severity", Severity.ERROR)
        out.append(d)
    return out


def count(diags: list[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diags if d.is_error)
    return errors, len(diags) - errors
