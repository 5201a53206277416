"""The hostile values of issue 9 come back byte for byte from every output.

One configuration (tests/hostile_values.py) puts 38 hostile values into names, emails and
phones; it is compiled once, then:

- the seed files are loaded with each dialect's own client as docs/database.md documents
  it (`sqlite3 -bail`, `psql -v ON_ERROR_STOP=1`, `mysql`), and the same model is applied
  with `csmconf apply`, into SQLite, PostgreSQL and MariaDB; every value is read back and
  compared byte for byte;
- a seed that fails half way (a trigger refuses one row) leaves every table empty with each
  client: the documented load stops at the first error and the file is one transaction;
- every XML file compile writes is parsed with an XML parser, every CSV with the csv module,
  every JSON with json: wherever a file carries a field at all (its plain sentinel is
  there), every hostile value of that field is there too, exactly (XML: the characters XML
  1.0 cannot carry as U+FFFD; CSV: no cell begins with a formula character, a cell that
  would is prefixed with `'`, csmconf/emit/csv_cells.py).

This is written over whatever files compile writes, not over a list of them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import hostile_values as hv
import pytest
from dbservers import MY_HOST, MY_PORT, MY_USER, PG_URL, in_ci
from dbtargets import DIALECTS, target

from csmconf.emit import csv_cells, render_outputs
from csmconf.emit.apply import apply_model
from csmconf.emit.csv_cells import FORMULA_STARTS
from csmconf.emit.rows import build_model
from csmconf.pipeline import compile_config

SEED_DIALECT = {"sqlite": "sqlite", "postgresql": "postgresql", "mariadb": "mysql"}
LINE_BREAKS = "x\n" * 500
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    result = compile_config(hv.write_config(base / "cfg"))
    assert result.errors == 0, [d.message for d in result.diagnostics]
    out = base / "out"
    for path, data in render_outputs(result).items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    return out, build_model(result.config)


def read_back(db) -> dict[tuple[str, str, str], str]:
    wanted = defaultdict(set)
    for table, _id, column in hv.expected():
        wanted[table].add(column)
    q = "`" if db.name == "mariadb" else '"'
    out = {}
    for table, columns in wanted.items():
        cols = sorted(columns)
        select = ", ".join(f"{q}{c}{q}" for c in ["id", *cols])
        for row in db.rows(f"SELECT {select} FROM {q}{table}{q}"):
            for column, value in zip(cols, row[1:]):
                out[(table, row[0], column)] = value
    return out


def assert_values(db) -> None:
    got = read_back(db)
    for key, value in hv.expected().items():
        assert got.get(key) == value, f"{db.name}: {key} differs"


def _need_client(name: str) -> None:
    found = shutil.which({"sqlite": "sqlite3", "postgresql": "psql"}.get(name, "mysql"))
    if name == "mariadb":
        found = found or shutil.which("mariadb")
    if not found:
        message = f"the {name} command-line client is not installed (.ci/run installs it)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def load_with_client(name: str, db, path: Path) -> subprocess.CompletedProcess:
    """One SQL file loaded with the dialect's own client, as docs/database.md says."""
    _need_client(name)
    with open(path, "rb") as fh:
        if name == "sqlite":
            return subprocess.run(
                ["sqlite3", "-bail", str(db._path)], stdin=fh, capture_output=True, check=False
            )
        if name == "postgresql":
            schema = db.url.rsplit("%3D", 1)[1]
            return subprocess.run(
                ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(path), PG_URL],
                capture_output=True,
                env={**os.environ, "PGOPTIONS": f"-c search_path={schema}"},
                check=False,
            )
        client = shutil.which("mariadb") or "mysql"
        return subprocess.run(
            [
                client,
                f"--host={MY_HOST}",
                f"--port={MY_PORT}",
                f"--user={MY_USER}",
                "--default-character-set=utf8mb4",
                db.url.rsplit("/", 1)[1],
            ],
            stdin=fh,
            capture_output=True,
            check=False,
        )


@pytest.mark.parametrize("name", DIALECTS)
def test_seed_loaded_by_the_client_round_trips(name, compiled, tmp_path):
    out, _model = compiled
    sql = out / "sql" / SEED_DIALECT[name]
    with target(name, tmp_path) as db:
        for file in ("schema.sql", "seed.sql", "seed.sql"):  # the seed twice: idempotent
            done = load_with_client(name, db, sql / file)
            assert done.returncode == 0, done.stderr.decode(errors="replace")[:2000]
            assert b"rror" not in done.stderr, done.stderr.decode(errors="replace")[:2000]
        assert_values(db)


REFUSE_ONE = {
    "sqlite": "CREATE TRIGGER refuse BEFORE INSERT ON csm_contact WHEN NEW.id = 'h05'"
    " BEGIN SELECT RAISE(ABORT, 'refused'); END",
    "postgresql": "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN"
    " IF NEW.id = 'h05' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $f$;"
    " CREATE TRIGGER refuse BEFORE INSERT ON csm_contact FOR EACH ROW EXECUTE FUNCTION refuse()",
    "mariadb": "CREATE TRIGGER refuse BEFORE INSERT ON csm_contact FOR EACH ROW"
    " IF NEW.id = 'h05' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'; END IF",
}


@pytest.mark.parametrize("name", DIALECTS)
def test_failing_seed_stops_and_leaves_nothing(name, compiled, tmp_path):
    out, _model = compiled
    sql = out / "sql" / SEED_DIALECT[name]
    with target(name, tmp_path) as db:
        assert load_with_client(name, db, sql / "schema.sql").returncode == 0
        db.execute(REFUSE_ONE[name])
        done = load_with_client(name, db, sql / "seed.sql")
        assert done.returncode != 0
        assert b"refused" in done.stderr
        tables = [t for t in db.tables() if t.startswith("csm_")]
        assert len(tables) > 20
        q = "`" if name == "mariadb" else '"'
        counts = {t: db.rows(f"SELECT COUNT(*) FROM {q}{t}{q}")[0][0] for t in tables}
        assert set(counts.values()) == {0}, counts


@pytest.mark.parametrize("name", DIALECTS)
def test_apply_round_trips(name, compiled, tmp_path):
    _out, model = compiled
    with target(name, tmp_path) as db:
        assert apply_model(model, db.url).applied
        assert_values(db)
        assert not apply_model(model, db.url).changed, "values read back compare equal"


# -- the other outputs, whatever files they are -----------------------------------------------


def _xml_strings(data: bytes) -> list[str]:
    root = ET.fromstring(data)  # expat: a strict XML parser
    out = []
    for el in root.iter():
        out += [el.text or "", el.tail or "", *el.attrib.values()]
    return out


def _csv_cells(data: bytes) -> list[str]:
    csv.field_size_limit(1 << 30)  # the 1 MB value is one cell; the default limit is 128 KB
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8"), newline="")) for c in row]


def _json_strings(data: bytes) -> list[str]:
    out = []

    def walk(x):
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                out.append(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    text = data.decode("utf-8")
    try:
        walk(json.loads(text))
    except json.JSONDecodeError:  # one document per line (JSON lines)
        for line in text.splitlines():
            if line.strip():
                walk(json.loads(line))
    return out


READERS = {".xml": _xml_strings, ".csv": _csv_cells, ".json": _json_strings}


def _as_written(kind: str, value: str) -> str:
    if kind == ".xml":
        return XML_ILLEGAL.sub("\ufffd", value)
    return value


def test_xml_csv_and_json_outputs_carry_every_value_exactly(compiled):
    out, _model = compiled
    carried: dict[str, set[str]] = defaultdict(set)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for path in sorted(out.rglob("*")):
        reader = READERS.get(path.suffix)
        if reader is None or not path.is_file():
            continue
        strings = reader(path.read_bytes())  # parses, or the test fails here
        if path.suffix == ".csv":
            guarded = [c for c in strings if c.startswith(FORMULA_STARTS)]
            assert not guarded, f"{path}: cells begin with a formula character: {guarded[:3]!r}"
        by_kind[path.suffix] += strings
    for kind, strings in by_kind.items():
        # NUL never occurs in a value (the language forbids it): a safe separator
        text = "\x00".join(strings)
        for field in hv.FIELDS:
            if hv.sentinel(field) not in text:
                continue  # no file of this kind carries this field
            carried[kind].add(field)
            for value in hv.values_of(field):
                written = _as_written(kind, value)
                assert written in text, f"{kind} files: {field} {value[:60]!r} not found exactly"
                if kind == ".csv" and value.startswith(FORMULA_STARTS):
                    assert "\x00'" + written in "\x00" + text, (
                        f"{field} {value[:40]!r}: not neutralised"
                    )
    # the checks are not vacuous: the XML outputs carry every field. access/grants.csv holds
    # ids, the language's words and places, no free text: the CSV rule is proven on the
    # hostile values themselves below
    assert carried[".xml"] == set(hv.FIELDS), dict(carried)


def test_every_hostile_value_survives_a_csv_cell():
    """Each value through csv_cells reads back with the csv module as itself, or `'` + itself
    when a spreadsheet would take it for a formula; one cell, one row, whatever it holds."""
    csv.field_size_limit(1 << 30)
    for field in hv.FIELDS:
        for value in hv.values_of(field):
            text = csv_cells.row([value, "end"])
            rows = list(csv.reader(io.StringIO(text, newline="")))
            expected = "'" + value if value.startswith(FORMULA_STARTS) else value
            assert rows == [[expected, "end"]], (field, value[:60])


def test_sqlite_seed_has_no_deep_expression(compiled, tmp_path):
    """500 line breaks (and the 1 MB value) load with Python's sqlite3 too: no depth limit hit."""
    out, _model = compiled
    con = sqlite3.connect(tmp_path / "x.db")
    con.executescript((out / "sql/sqlite/schema.sql").read_text(encoding="utf-8"))
    con.executescript((out / "sql/sqlite/seed.sql").read_text(encoding="utf-8"))
    names = dict(con.execute("SELECT id, name FROM csm_contact"))
    assert names[f"h{hv.VALUES.index(hv.MEGABYTE):02d}"] == hv.MEGABYTE
    assert names[f"h{hv.VALUES.index(LINE_BREAKS):02d}"] == LINE_BREAKS
    con.close()
