"""Readers per input format: every export file becomes `Record`s with their places.

- Import XML list export: `<unload>` holding one `<TABLE action=...>` per row,
  each field a child element, references `<f display_value="NAME">SYS_ID</f>`.
- Update set: `<unload>` holding `sys_remote_update_set` (the header, skipped)
  and `sys_update_xml` rows whose `payload` text is
  `<record_update table="T"><T action=...>fields</T></record_update>`. The
  payload is parsed again and its places are shifted to where the payload
  text starts, so a record inside a payload points at its own line.
- Table API JSON: `{"result": [...]}`; a field is a string or, with
  `sysparm_display_value=all|true`, `{"value", "display_value", "link"}`. The
  table comes from `sys_class_name` or else from the file name
  (`customer_account.json`, `customer_account_2.json`).

XML is read with expat (the stdlib's position-reporting parser); a document
type declaration is refused, so no entity can expand. JSON elements are
decoded one by one with `raw_decode` to know where each record starts.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from pathlib import Path
from xml.parsers import expat

from .. import servicenow_names as sn
from ..diagnostics import Diagnostic, Place
from .records import Record, Value

UPDATE_XML = sn.PLATFORM_TABLES["update_xml"].table
UPDATE_SET = sn.PLATFORM_TABLES["update_set"].table
PAYLOAD = next(c.name for c in sn.PLATFORM_TABLES["update_xml"].columns if c.source == "payload")
SUFFIXES = (".xml", ".json")


class _Refused(Exception):
    """A problem that stops reading one file; becomes a CSM800 at its place."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.line, self.column = line, column


def source_files(sources: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The files to read: each file given, and every *.xml / *.json below each directory."""
    files: list[Path] = []
    diags: list[Diagnostic] = []
    for src in sources:
        if src.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(src):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                found.extend(
                    Path(dirpath) / n
                    for n in filenames
                    if n.endswith(SUFFIXES) and not n.startswith(".")
                )
            files.extend(sorted(found, key=lambda p: p.as_posix().encode()))
        elif src.is_file():
            files.append(src)
        else:
            diags.append(Diagnostic("CSM800", "no such file or directory", Place(src.as_posix())))
    return files, diags


def shown(path: Path) -> str:
    """How a source file is named in places and comments: relative to the working directory
    when it lies below it (so a tree imported in a checkout names its exports portably)."""
    full = Path(os.path.abspath(path))
    try:
        return full.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return full.as_posix()


def read_file(path: Path, known_tables: frozenset[str]) -> tuple[list[Record], list[Diagnostic]]:
    """Every record of one export file (XML or JSON, told apart by the first byte)."""
    name = shown(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Diagnostic("CSM800", f"cannot read the file: {exc.strerror}", Place(name))]
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    try:
        if start == b"<":
            return _XmlReader(name).read(data), []
        if start in (b"{", b"["):
            return _read_json(name, data, known_tables), []
    except _Refused as exc:
        return [], [Diagnostic("CSM800", str(exc), Place(name, exc.line, exc.column))]
    return [], [
        Diagnostic(
            "CSM800",
            'not a ServiceNow export: expected XML (`<unload>`) or Table API JSON (`{"result": [...]}`)',
            Place(name, 1, 1),
        )
    ]


# -- XML ---------------------------------------------------------------------------------------


class _XmlReader:
    def __init__(self, file: str):
        self.file = file
        self.records: list[Record] = []

    def read(self, data: bytes) -> list[Record]:
        self._parse(data, 0, 0, top=True)
        return self.records

    def _parse(self, data: bytes | str, line0: int, col0: int, top: bool) -> None:
        """Parse one document; `line0`/`col0` shift places of a payload to the outer file."""
        parser = expat.ParserCreate()
        parser.buffer_text = True
        stack: list[str] = []
        record: dict | None = None  # table, attrs, place, fields
        field_name: str | None = None
        field_attrs: dict = {}
        text: list[str] = []
        text_at: tuple[int, int] | None = None

        def place() -> Place:
            line, col = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
            if line == 1:
                col += col0
            return Place(self.file, line + line0, col)

        def doctype(*_args):
            raise _Refused(
                "a document type declaration is not accepted in an export", *place()[1:3]
            )

        root = sn.UNLOAD_ELEMENT if top else sn.RECORD_UPDATE_ELEMENT

        def start(name, attrs):
            nonlocal record, field_name, field_attrs, text, text_at
            depth = len(stack)
            stack.append(name)
            if depth == 0:
                if name != root:
                    raise _Refused(
                        f"not a ServiceNow export: the root element is <{name}>, expected <{root}>",
                        *place()[1:3],
                    )
            elif depth == 1:
                record = {"table": name, "attrs": attrs, "place": place(), "fields": {}}
            elif depth == 2:
                field_name, field_attrs, text = name, attrs, []
                # buffered text is reported where it ends: note where it would start
                text_at = (parser.CurrentLineNumber, parser.CurrentColumnNumber + len(name) + 2)

        def chars(data):
            if field_name is not None and len(stack) == 3:
                text.append(data)

        def cdata():
            nonlocal text_at
            if field_name is not None and len(stack) == 3 and not text:
                text_at = (parser.CurrentLineNumber, parser.CurrentColumnNumber + len("<![CDATA["))

        def end(name):
            nonlocal record, field_name
            depth = len(stack) - 1
            stack.pop()
            if depth == 2 and record is not None and field_name is not None:
                record["fields"][field_name] = (
                    Value("".join(text), field_attrs.get("display_value")),
                    text_at,
                )
                field_name = None
            elif depth == 1 and record is not None:
                self._record(record, line0, col0)
                record = None

        parser.StartDoctypeDeclHandler = doctype
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = chars
        parser.StartCdataSectionHandler = cdata
        try:
            if isinstance(data, str):
                parser.Parse(data.encode("utf-8"), True)
            else:
                parser.Parse(data, True)
        except expat.ExpatError as exc:
            line = exc.lineno + line0
            col = exc.offset + 1 + (col0 if exc.lineno == 1 else 0)
            raise _Refused(f"malformed XML: {expat.ErrorString(exc.code)}", line, col) from None

    def _record(self, raw: dict, line0: int, col0: int) -> None:
        table = raw["table"]
        fields = raw["fields"]
        if table == UPDATE_SET:
            return
        if table == UPDATE_XML:
            payload = fields.get(PAYLOAD)
            if payload is None or not payload[0].value.strip():
                return
            value, at = payload
            line, col = at if at else (raw["place"].line - line0, 0)
            # expat columns are 0-based; the payload's own line 1 starts at that column
            shift_col = col + (col0 if line == 1 else 0)
            self._parse(value.value.lstrip("\ufeff"), line - 1 + line0, shift_col, top=False)
            return
        values = {name: v for name, (v, _at) in fields.items()}
        sys_id = values.get("sys_id")
        self.records.append(
            Record(
                table,
                sys_id.value.strip() if sys_id else "",
                values,
                raw["place"],
                raw["attrs"].get("action", "INSERT_OR_UPDATE"),
            )
        )


# -- JSON --------------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_LINK_ID = re.compile(r"([0-9a-fA-F]{32})/?$")


def table_from_name(path: str, known_tables: frozenset[str]) -> str | None:
    """`customer_account.json`, `customer_account_2.json`, `customer_account.part2.json` -> table."""
    stem = Path(path).name.rsplit(".", 1)[0]
    best = None
    for table in known_tables:
        fits = stem == table or (
            stem.startswith(table) and re.fullmatch(r"[._-].*", stem[len(table) :])
        )
        if fits and (best is None or len(table) > len(best)):
            best = table
    return best


def _json_value(raw) -> Value:
    if isinstance(raw, dict):
        value = raw.get("value")
        display = raw.get("display_value")
        link = raw.get("link")
        if value is None and isinstance(link, str):
            # sysparm_display_value=true: a reference carries its sys_id only in the link
            m = _LINK_ID.search(link)
            value = m.group(1) if m else None
        if value is None:
            value = display
        return Value(_text(value), None if display is None else _text(display))
    return Value(_text(raw))


def _text(raw) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return str(raw)


def _read_json(file: str, data: bytes, known_tables: frozenset[str]) -> list[Record]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Refused(f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    newlines = [m.start() for m in re.finditer("\n", text)]

    def where(index: int) -> tuple[int, int]:
        line = bisect_right(newlines, index - 1)
        start = newlines[line - 1] + 1 if line else 0
        return line + 1, index - start + 1

    decoder = json.JSONDecoder()

    def decode_at(index: int):
        try:
            return decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise _Refused(f"malformed JSON: {exc.msg}", exc.lineno, exc.colno) from None

    def skip(index: int) -> int:
        return _WS.match(text, index).end()

    i = skip(0)
    if text[i : i + 1] != "{":
        raise _Refused('not a Table API response: expected {"result": [...]}', *where(i))
    i = skip(i + 1)
    elements: list[tuple[int, object]] = []
    found = False
    while text[i : i + 1] != "}":
        key, i = decode_at(i)
        i = skip(i)
        if text[i : i + 1] != ":":
            raise _Refused("malformed JSON: expected ':'", *where(i))
        i = skip(i + 1)
        if key == "result" and text[i : i + 1] == "[":
            found = True
            i = skip(i + 1)
            while text[i : i + 1] != "]":
                at = i
                element, i = decode_at(i)
                elements.append((at, element))
                i = skip(i)
                if text[i : i + 1] == ",":
                    i = skip(i + 1)
                elif text[i : i + 1] != "]":
                    raise _Refused("malformed JSON: expected ',' or ']'", *where(i))
            i = skip(i + 1)
        else:
            _value, i = decode_at(i)
            i = skip(i)
        if text[i : i + 1] == ",":
            i = skip(i + 1)
        elif text[i : i + 1] != "}":
            raise _Refused("malformed JSON: expected ',' or '}'", *where(i))
    if skip(i + 1) != len(text):
        raise _Refused("malformed JSON: text after the response", *where(skip(i + 1)))
    if not found:
        raise _Refused('not a Table API response: no "result" list', 1, 1)
    file_table = table_from_name(file, known_tables)
    records: list[Record] = []
    for at, element in elements:
        line, col = where(at)
        if not isinstance(element, dict):
            raise _Refused("a Table API result row must be an object", line, col)
        values = {str(k): _json_value(v) for k, v in element.items()}
        table = values[sn.CLASS_COLUMN].value if sn.CLASS_COLUMN in values else ""
        if table not in known_tables:
            table = file_table or table
        if not table:
            raise _Refused(
                "cannot tell the table of these rows: name the file after it "
                "(customer_account.json) or export sys_class_name",
                line,
                col,
            )
        sys_id = values.get("sys_id")
        records.append(
            Record(table, sys_id.value.strip() if sys_id else "", values, Place(file, line, col))
        )
    return records
