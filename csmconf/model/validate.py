"""Validate each document's sections into raw rows; pydantic errors become CSM200-202.

Each error's `loc` is walked through the data and the position tree in step,
so a diagnostic points at the offending value itself (or, for a missing
field, at the row that lacks it), never at a parent.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, create_model

from .. import servicenow_names, vocabulary
from ..diagnostics import Diagnostic, LazyPlace, Place
from ..load import INVALID, Node, ParsedDocument
from .encoded_query import check as check_filter
from .sections import SECTION_MODELS, RawModel, Settings


def place_of(file: str, node: Node) -> Place:
    return Place(file, node.line, node.column, node.end_line, node.end_column)


@dataclass(slots=True)
class Row:
    """One validated row and where it was written.

    The row is item `index` of `section` in `doc`. Its position node is looked
    up when first needed; in a file the fast reader read, that builds the file's
    position tree (load/fast_yaml.py), so until then places are `RowPlace`s.
    """

    kind: str
    model: RawModel | None  # None once resolved, but in MODELS_READ_AFTER_RESOLVE's sections
    file: str
    doc: ParsedDocument
    section: str
    index: int
    invalid_fields: frozenset = frozenset()  # fields (as written) that had CSM2xx errors
    _node: Node | None = None

    @property
    def node(self) -> Node:
        """The row mapping's position node."""
        node = self._node
        if node is None:
            node = self.doc.root.values[self.section].items[self.index]
            if not self.doc.rebuilds_positions:  # else kept by the document alone
                self._node = node
        return node

    def known(self, name: str) -> bool:
        """Whether field `name` holds what was written (False: it had an error)."""
        return name not in self.invalid_fields

    def read_node(self) -> Node | None:
        """The row's node; None while its file's positions are unbuilt (hand out a lazy place)."""
        node = self._node
        if node is None and self.doc.has_positions:
            node = self.node
        return node

    @property
    def place(self) -> Place:
        row = self.read_node()
        if row is None:
            return RowPlace(self, None, None, False)
        return place_of(self.file, row)

    def value_place(self, name: str, index: int | None = None) -> Place:
        """Place of a field's value (or of one item of a list field); the row when absent."""
        row = self.read_node()
        if row is None:
            return RowPlace(self, name, index, False)
        node = row.child(name)
        if node is None:
            return place_of(self.file, row)
        if index is not None:
            node = node.child(index) or node
        return place_of(self.file, node)

    def key_place(self, name: str) -> Place:
        row = self.read_node()
        if row is None:
            return RowPlace(self, name, None, True)
        node = row.key(name)
        return place_of(self.file, node) if node is not None else self.place

    def sort_key(self) -> tuple:
        # A file's rows of one section are in the order they were written: the same order
        # as by line and column, without reading a position.
        return (self.file.encode(), self.index)


class RowPlace(LazyPlace):
    """Where a row, one of its fields or a field's key was written, found when first read."""

    __slots__ = ("_index", "_key", "_name", "_row")

    def __init__(self, row: Row, name: str | None, index: int | None, key: bool):
        self._row, self._name, self._index, self._key = row, name, index, key

    @property
    def document(self) -> ParsedDocument:
        return self._row.doc

    def _find(self) -> Place:
        row = self._row
        row.node  # noqa: B018 - builds the file's positions, so the methods answer with Places
        if self._name is None:
            return row.place
        return row.key_place(self._name) if self._key else row.value_place(self._name, self._index)


@dataclass(slots=True)
class SettingsBlock:
    model: Settings
    file: str
    doc: ParsedDocument

    @property
    def key_node(self) -> Node:
        return self.doc.root.keys["settings"]

    @property
    def node(self) -> Node:
        return self.doc.root.values["settings"]


#: Sections whose rows' models are read after `resolve`: the access entries of roles and
#: responsibilities (graph/build.py, checks/lint.py) and the tests (checks/assertions.py).
MODELS_READ_AFTER_RESOLVE = frozenset({"roles", "responsibilities", "tests"})


@dataclass
class Validated:
    """Every row of every section, in canonical order (file, line, column)."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: {s: [] for s in SECTION_MODELS})
    settings: list[SettingsBlock] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def release_models(self) -> None:
        """Let the models of the other sections go once `resolve` has read them.

        The resolved entities hold every value (the same strings); a row is kept
        for its place. At benchmark scale 1 this is 47 MB of the peak, which the
        graph, built next, reuses.
        """
        for section, rows in self.rows.items():
            if section not in MODELS_READ_AFTER_RESOLVE:
                for row in rows:
                    row.model = None


@cache
def _list_adapter(model: type[RawModel]) -> TypeAdapter:
    return TypeAdapter(list[model])


@cache
def _partial_model(model: type[RawModel]) -> type[BaseModel]:
    """The same fields, all optional: rebuilds a row from the fields that did validate."""
    # `info.metadata` holds what `Annotated` carried (validators, constraints): keep it.
    fields = {
        name: (
            Annotated[info.annotation, *info.metadata] | None
            if info.metadata
            else info.annotation | None,
            Field(default=None, alias=info.alias),
        )
        for name, info in model.model_fields.items()
    }
    return create_model(f"Partial{model.__name__}", __base__=RawModel, **fields)


def _list_item_type(annotation):
    """`X` for a field typed `list[X]` (or `list[X] | None`); None for any other field."""
    if get_origin(annotation) in (Union, UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else None
    if get_origin(annotation) is list:
        return get_args(annotation)[0]
    return None


@cache
def _item_adapter(item_type) -> TypeAdapter:
    if isinstance(item_type, type) and issubclass(item_type, BaseModel):
        return TypeAdapter(item_type)
    return TypeAdapter(item_type, config=ConfigDict(strict=True))


def _salvage(
    model: type[RawModel], item: dict, errors: list[dict]
) -> tuple[RawModel | None, frozenset]:
    """A row holding only its valid fields, so later stages still see its id (no cascades).

    A list field keeps its valid items: a bad item becomes None in its place (so
    positions of the others stay right), and the rest of the list is still
    resolved and checked. Returns the row and the names of the fields with errors.
    """
    names = {info.alias or name: name for name, info in model.model_fields.items()}
    whole: set[str] = set()
    items: dict[str, set[int]] = {}
    for err in errors:
        loc = err["loc"][1:]
        if not loc:
            continue
        key = str(loc[0])
        field_info = model.model_fields.get(names.get(key, key))
        item_type = _list_item_type(field_info.annotation) if field_info is not None else None
        if item_type is not None and len(loc) > 1 and isinstance(loc[1], int):
            items.setdefault(key, set()).add(loc[1])
        else:
            whole.add(key)
    invalid = frozenset(whole | set(items))
    cleaned = {k: v for k, v in item.items() if k in names and k not in invalid}
    try:
        partial = _partial_model(model).model_validate(cleaned)
    except ValidationError:
        return None, invalid
    values = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in items and key not in whole and isinstance(item.get(key), list):
            adapter = _item_adapter(_list_item_type(info.annotation))
            kept = []
            for i, element in enumerate(item[key]):
                if i in items[key]:
                    kept.append(None)
                    continue
                try:
                    kept.append(adapter.validate_python(element))
                except ValidationError:
                    kept.append(None)
            values[name] = kept
        elif name in partial.model_fields_set:
            values[name] = getattr(partial, name)
        elif info.is_required():
            values[name] = None
        else:
            values[name] = info.get_default(call_default_factory=True)
    return model.model_construct(**values), invalid


def validate_documents(documents: list[ParsedDocument]) -> Validated:
    out = Validated()
    for doc in documents:
        if not isinstance(doc.data, dict) or not doc.parsed:
            continue
        for section, value in doc.data.items():
            if section == "settings":
                _settings(doc, value, out)
            elif section in SECTION_MODELS:
                _section(doc, section, value, out)
    for rows in out.rows.values():
        rows.sort(key=Row.sort_key)
    return out


def _settings(doc: ParsedDocument, value, out: Validated) -> None:
    if value is None:
        value = {}
    if value is INVALID:
        return
    if not isinstance(value, dict):
        out.diagnostics.append(
            Diagnostic(
                "CSM202",
                f"`settings` must be a mapping, not {describe(value)}",
                place_of(doc.file, doc.root.values["settings"]),
            )
        )
        return
    try:
        model = Settings.model_validate(value)
    except ValidationError as exc:
        out.diagnostics.extend(
            _map_error_list(
                exc.errors(include_url=False),
                doc.file,
                value,
                doc.root.values["settings"],
                "settings",
            )
        )
        model, _invalid = _salvage(
            Settings, value, [{**e, "loc": ("settings", *e["loc"])} for e in exc.errors()]
        )
        if model is None:
            return
    out.settings.append(SettingsBlock(model, doc.file, doc))


def _section(doc: ParsedDocument, section: str, value, out: Validated) -> None:
    model, kind = SECTION_MODELS[section]
    if value is None:  # `accounts:` with nothing under it
        return
    if value is INVALID:
        return
    if not isinstance(value, list):
        out.diagnostics.append(
            Diagnostic(
                "CSM202",
                f"section `{section}` must be a list of rows, not {describe(value)}",
                place_of(doc.file, doc.root.values[section]),
                hint=f"write each row as an item: `{section}:` then `  - id: ...`",
            )
        )
        return
    # Item nodes when the positions are built already; else each row finds its own later.
    nodes = doc.root.values[section].items if doc.has_positions else None
    rows = out.rows[section]

    def add(row_model, index: int, invalid: frozenset = frozenset()) -> None:
        node = nodes[index] if nodes is not None else None
        rows.append(Row(kind, row_model, doc.file, doc, section, index, invalid, node))

    try:
        models = _list_adapter(model).validate_python(value)
        for index, item_model in enumerate(models):
            _share_fields_set(item_model)
            add(item_model, index)
        return
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    out.diagnostics.extend(
        _map_error_list(errors, doc.file, value, doc.root.values[section], section)
    )
    bad_rows: dict[int, list[dict]] = {}
    for err in errors:
        bad_rows.setdefault(err["loc"][0], []).append(err)
    adapter = _list_adapter(model)
    for index, item in enumerate(value):
        if index in bad_rows:
            if not isinstance(item, dict):
                continue
            salvaged, invalid = _salvage(model, item, bad_rows[index])
            if salvaged is not None and getattr(salvaged, "id", "") is not None:
                add(salvaged, index, invalid)
        else:
            row_model = adapter.validate_python([item])[0]
            _share_fields_set(row_model)
            add(row_model, index)


#: every distinct `model_fields_set` of a validated row, once (see `_share_fields_set`)
_FIELDS_SETS: dict[frozenset, frozenset] = {}


def _share_fields_set(row_model: RawModel) -> None:
    """Let rows that wrote the same fields share one frozenset of their names.

    pydantic gives every instance a set of its own (728 bytes for a contact: 36 MB
    for the 50k contacts of benchmark scale 1). The models are frozen, so nothing
    adds to it after validation; a frozenset would refuse loudly if anything tried.
    Set as pydantic itself sets it (`object.__setattr__` on the slot).
    """
    names = frozenset(row_model.__pydantic_fields_set__)
    object.__setattr__(row_model, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(names, names))


def _map_error_list(errors, file, data, node, section) -> list[Diagnostic]:
    diags = []
    seen = set()
    for err in errors:
        if err.get("input") is INVALID:
            continue  # the loader reported this value already
        d = _diagnostic(err, file, data, node, section)
        key = (d.code, d.place)
        if key not in seen:
            seen.add(key)
            diags.append(d)
    return diags


def _walk(data, node: Node, loc) -> tuple[object, Node, list, bool]:
    """Follow `loc` through data and positions; skip pydantic's non-path steps (union tags)."""
    path = []
    complete = True
    for step in loc:
        if (
            isinstance(data, dict)
            and isinstance(step, str)
            and step in data
            or isinstance(data, list)
            and isinstance(step, int)
            and 0 <= step < len(data)
        ):
            data = data[step]
            child = node.child(step)
        else:
            if isinstance(data, dict) and isinstance(step, str):
                complete = False  # a missing key: stop at the mapping
                path.append(step)
                break
            continue
        path.append(step)
        if child is None:
            complete = False
            break
        node = child
    return data, node, path, complete


def _diagnostic(err: dict, file: str, data, node: Node, section: str) -> Diagnostic:
    etype = err["type"]
    loc = err["loc"]
    value, at, path, _complete = _walk(data, node, loc)
    fields = [p for p in path if isinstance(p, str)]
    name = fields[-1] if fields else section
    where = _row_label(section, data, loc)
    if etype == "missing":
        missing = loc[-1]
        return Diagnostic(
            "CSM200",
            f"{where} is missing required field '{missing}'",
            place_of(file, at),
        )
    if etype == "extra_forbidden":
        unknown = str(loc[-1])
        _parent_value, parent_node, _, _ = _walk(data, node, loc[:-1])
        key_node = parent_node.key(unknown) or at
        allowed = _allowed_fields(section, loc)
        close = difflib.get_close_matches(unknown, allowed, n=1)
        return Diagnostic(
            "CSM201",
            f"unknown field '{unknown}' in {where}"
            + (f" (did you mean '{close[0]}'?)" if close else ""),
            place_of(file, key_node),
            hint=("fields are: " + ", ".join(allowed)) if allowed else None,
        )
    message, hint = _describe_error(err, name, value, at)
    return Diagnostic("CSM202", f"{name}: {message}", place_of(file, at), hint=hint)


def _row_label(section: str, data, loc) -> str:
    if section == "settings":
        return "settings"
    kind = SECTION_MODELS[section][1].replace("_", " ")
    if loc and isinstance(loc[0], int) and isinstance(data, list) and loc[0] < len(data):
        row = data[loc[0]]
        if isinstance(row, dict) and isinstance(row.get("id"), str):
            return f"{kind} '{row['id']}'"
        return f"{kind} #{loc[0] + 1}"
    return kind


def _allowed_fields(section: str, loc) -> list[str]:
    model = Settings if section == "settings" else SECTION_MODELS[section][0]
    # Descend into nested models (access entries, related parties) by field name.
    for step in loc[1:-1] if section != "settings" else loc[:-1]:
        if isinstance(step, str) and step in model.model_fields:
            ann = model.model_fields[step].annotation
            nested = _nested_model(ann)
            if nested is not None:
                model = nested
    return sorted(info.alias or n for n, info in model.model_fields.items())


def _nested_model(annotation):
    for arg in getattr(annotation, "__args__", ()) or ():
        if isinstance(arg, type) and issubclass(arg, RawModel):
            return arg
        inner = _nested_model(arg)
        if inner is not None:
            return inner
    return None


def describe(value) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


_YAML11_BOOLS = {
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Yes",
    "No",
    "On",
    "Off",
    "YES",
    "NO",
    "ON",
    "OFF",
}
_PATTERN_MESSAGES = {
    "id": "is not a valid id: use lowercase letters, digits, '_', '.' and '-', "
    "starting with a letter or digit, at most 100 characters",
    "email": "is not a valid email address",
    "party": "must be written kind:id, with kind contact, consumer, account or user",
    "sys_id_namespace": "is not a UUID",
    "servicenow_name": "is not a ServiceNow role name: lowercase letters, digits and '_', "
    "starting with a letter, with at most one '.' after a scope (x_vendor_app.name)",
}


def _describe_error(err: dict, name: str, value, at: Node) -> tuple[str, str | None]:
    etype = err["type"]
    shown = at.raw if at.raw is not None else None
    if etype == "string_type":
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        # Quoting helps a number or a boolean written where text was meant, not a null.
        hint = f'quote it: {name}: "{shown}"' if shown is not None and value is not None else None
        got = f"the number {shown}" if number and shown is not None else describe(value)
        return f"expected text, got {got}", hint
    if etype == "bool_type":
        hint = None
        if isinstance(value, str) and value in _YAML11_BOOLS:
            hint = "YAML 1.2 reads yes/no/on/off as text; write true or false"
        return f"expected true or false, got {describe(value)}", hint
    if etype in ("int_type", "int_from_float", "int_parsing"):
        return f"expected a whole number, got {describe(value)}", None
    if etype == "list_type":
        return f"expected a list, got {describe(value)}", None
    if etype in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping, got {describe(value)}", None
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"{describe(value)} is not allowed; expected {expected}", None
    if etype == "string_pattern_mismatch":
        msg = _PATTERN_MESSAGES.get(name, "has an invalid format")
        return f"'{value}' {msg}", None
    if etype == "string_too_short":
        return "must not be empty", None
    if etype == "too_short":
        return "must list at least one value", None
    return f"invalid value ({err.get('msg', etype)})", None


def _scope_node(row, i: int):
    node = row.node.child("access")
    entry_node = node.child(i) if node is not None else None
    scope_node = entry_node.child("scope") if entry_node is not None else None
    return scope_node or entry_node or row.node


def shape_checks(out: Validated) -> None:
    """Rules of a row's shape that a field type cannot say (still CSM200/CSM202)."""
    for row in out.rows["roles"]:
        for i, entry in enumerate(row.model.access or ()):
            if entry is not None and entry.scope in vocabulary.HOLDER_SCOPES:
                out.diagnostics.append(
                    Diagnostic(
                        "CSM202",
                        f"scope: '{entry.scope}' is measured from where a responsibility is held; "
                        "a role is held on nothing",
                        place_of(row.file, _scope_node(row, i)),
                        hint="use the scope in a responsibility, or a principal scope here",
                    )
                )
        name = row.model.servicenow_name
        if name is not None and name.startswith(servicenow_names.RESERVED_ROLE_PREFIXES):
            out.diagnostics.append(
                Diagnostic(
                    "CSM202",
                    f"servicenow_name: '{name}' begins with "
                    + " or ".join(f"'{p}'" for p in servicenow_names.RESERVED_ROLE_PREFIXES)
                    + ", which ServiceNow reserves for its own roles",
                    row.value_place("servicenow_name"),
                    hint="name a declared role u_<name>, or x_<vendor>_<app>.<name> in a scope",
                )
            )
    # a scope that reads a record field only some tables have (`partner_account`: a case's
    # `partner`) is an invalid value elsewhere, in a role or a responsibility alike
    for section in ("roles", "responsibilities"):
        for row in out.rows[section]:
            for i, entry in enumerate(row.model.access or ()):
                tables = vocabulary.SCOPE_TABLES.get(entry.scope) if entry is not None else None
                if tables is not None and entry.table not in tables:
                    out.diagnostics.append(
                        Diagnostic(
                            "CSM202",
                            f"scope: '{entry.scope}' reads a field that only "
                            + ", ".join(tables)
                            + f" records have; table '{entry.table}' has none",
                            place_of(row.file, _scope_node(row, i)),
                            hint="use this scope on table "
                            + " or ".join(tables)
                            + ", or another scope here",
                        )
                    )
    for section in ("roles", "responsibilities"):
        for row in out.rows[section]:
            for i, entry in enumerate(row.model.access or ()):
                refusal = None if entry is None or entry.when is None else check_filter(entry.when)
                if refusal is not None:
                    node = row.node.child("access")
                    entry_node = node.child(i) if node is not None else None
                    when_node = entry_node.child("when") if entry_node is not None else None
                    out.diagnostics.append(
                        Diagnostic(
                            "CSM202",
                            f"when: {refusal}",
                            place_of(row.file, when_node or row.node),
                            hint="write field-operator-value terms joined by '^' (AND), "
                            "e.g. active=true^priority<=2",
                        )
                    )
    for row in out.rows["tests"]:
        t = row.model
        if t.principal is None and t.who_can is None:
            out.diagnostics.append(
                Diagnostic(
                    "CSM200",
                    f"test '{t.name}' is missing required field 'principal' (or 'who_can')",
                    row.place,
                )
            )
        elif t.principal is not None and t.who_can is not None:
            out.diagnostics.append(
                Diagnostic(
                    "CSM202",
                    f"test '{t.name}': give either 'principal' or 'who_can', not both",
                    row.value_place("who_can"),
                )
            )
        elif t.principal is not None and not (t.can or t.cannot or t.conditional):
            out.diagnostics.append(
                Diagnostic(
                    "CSM200",
                    f"test '{t.name}' is missing required field 'can', 'cannot' or 'conditional'",
                    row.place,
                )
            )
        elif t.principal is not None and t.expect is not None:
            out.diagnostics.append(
                Diagnostic(
                    "CSM201",
                    f"test '{t.name}': 'expect' goes with 'who_can', not with 'principal'",
                    row.key_place("expect"),
                )
            )
        elif t.who_can is not None and t.expect is None:
            out.diagnostics.append(
                Diagnostic(
                    "CSM200",
                    f"test '{t.name}' is missing required field 'expect'",
                    row.place,
                )
            )
        elif t.who_can is not None and (t.can or t.cannot or t.conditional):
            out.diagnostics.append(
                Diagnostic(
                    "CSM202",
                    f"test '{t.name}': can/cannot/conditional go with 'principal', not 'who_can'",
                    row.value_place("who_can"),
                )
            )
