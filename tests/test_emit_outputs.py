"""render_outputs / write_outputs / compare_outputs: the files, their escaping, determinism, atomicity."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import CONFIGS, REPO, describe
from emit_fixtures.emitkit import HOSTILE, compile_tree, write_hostile_config

import csmconf
from csmconf.emit import compare_outputs, render_outputs, write_outputs
from csmconf.emit.review import GRANTS_HEADER
from csmconf.emit.templating import xml_escape
from csmconf.servicenow_names import DATA_TABLES

EXPECTED_FILES = {
    "access/grants.csv",
    "acl/rules.json",
    "manifest.json",
    "servicenow/update_set.xml",
    *(f"servicenow/data/{t.table}.xml" for t in DATA_TABLES.values()),
    *(
        f"sql/{d}/{f}"
        for d in ("mysql", "postgresql", "sqlite")
        for f in ("schema.sql", "seed.sql")
    ),
}


@pytest.fixture(scope="module")
def example():
    from csmconf.pipeline import compile_config

    c = compile_config(CONFIGS)
    assert c.errors == 0, describe(c.diagnostics)
    return c, render_outputs(c)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    c = compile_tree(write_hostile_config(tmp_path_factory.mktemp("hostile") / "cfg"))
    assert c.errors == 0, describe(c.diagnostics)
    return c, render_outputs(c)


def rules_of(files) -> list[dict]:
    return json.loads(files["acl/rules.json"])["rules"]


# -- the files -------------------------------------------------------------------------------


def test_file_set_and_manifest(example):
    c, files = example
    assert set(files) == EXPECTED_FILES
    assert list(files) == sorted(files, key=lambda p: p.encode())
    manifest = json.loads(files["manifest.json"])
    assert manifest["compiler"]["version"] == csmconf.__version__
    assert manifest["inputs"] == {p: {"sha256": d} for p, d in c.tree.digests.items()}
    for path, digest in c.tree.digests.items():
        assert hashlib.sha256((CONFIGS / path).read_bytes()).hexdigest() == digest
    assert set(manifest["outputs"]) == EXPECTED_FILES - {"manifest.json"}
    for path, entry in manifest["outputs"].items():
        assert entry["sha256"] == hashlib.sha256(files[path]).hexdigest()
    text = files["manifest.json"].decode()
    assert not re.search(r"20\d\d-\d\d-\d\d", text), "no timestamps in the manifest"


def test_only_wanted_dialects(tmp_path):
    from csmconf.pipeline import compile_config

    (tmp_path / "s.yaml").write_text(
        "version: 1\nsettings:\n  dialects: [postgresql]\n", encoding="utf-8"
    )
    c = compile_config(tmp_path)
    assert c.errors == 0, describe(c.diagnostics)
    files = render_outputs(c)
    assert {p for p in files if p.startswith("sql/")} == {
        "sql/postgresql/schema.sql",
        "sql/postgresql/seed.sql",
    }


def test_empty_configuration_renders(tmp_path):
    from csmconf.pipeline import compile_config

    c = compile_config(tmp_path)
    files = render_outputs(c)
    assert set(files) == EXPECTED_FILES
    assert b"partner_account" in files["sql/sqlite/seed.sql"]  # built-ins are rows too


def test_xml_escape_rules():
    assert xml_escape('a<b>&"c"\r\n\t') == "a&lt;b&gt;&amp;&quot;c&quot;&#13;&#10;&#9;"
    assert xml_escape("ctl\x01\x1a") == "ctl\ufffd\ufffd"  # not representable in XML 1.0
    attr, text = xml_escape('x\ny "q"'), xml_escape("]]> \r\n")
    element = ET.fromstring('<a b="' + attr + '">' + text + "</a>")
    assert element.get("b") == 'x\ny "q"' and element.text == "]]> \r\n"


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _grant_rows(files) -> list[dict]:
    rows = _csv_rows(files["access/grants.csv"])
    assert tuple(rows[0]) == GRANTS_HEADER
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def _row_key(r: dict) -> tuple:
    return (r["rule"], r["who"], r["held_on"], r["source"], r["table"], r["scope"], r["when"])


def _grant_key(g) -> tuple:
    """The grants.csv row a grant of the engine comes from."""
    when = g.when or ""
    if g.rule == "role":
        return ("role", f"role:{g.source}", "", f"role:{g.source}", g.table, g.scope, when)
    if g.rule == "responsibility":
        _rid, on, _through, holder = g.held
        return ("responsibility", holder, on, f"responsibility:{g.source}", g.table, g.scope, when)
    if g.rule == "account_sold_products":
        return ("account_sold_products", f"account:{g.origin}", "", "", g.table, "account", "")
    if g.account_records:
        (account,) = g.account_records
        return ("named_contact", f"account:{account}", "", "", g.table, "self", "")
    return (
        "named_contact",
        g.via[0].source,
        f"sold_product:{g.sold_product}",
        "",
        g.table,
        "holder",
        "",
    )


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_grants_csv_is_every_grant_path(which, example, hostile):
    c, files = example if which == "example" else hostile
    rows = _grant_rows(files)
    by_key = {}
    for r in rows:
        assert _row_key(r) not in by_key, r
        by_key[_row_key(r)] = r
        assert r["decision"] in ("allowed", "conditional"), r
        assert r["places"], r
    # every grant of every principal comes from one row, with its level and decision
    used = set()
    for p in c.config.principals:
        for g in c.engine.grants(p):
            key = _grant_key(g)
            assert key in by_key, (p.ref, g.describe(), key)
            row = by_key[key]
            assert g.level in row["levels"].split(), (p.ref, key, row["levels"])
            assert row["decision"] == ("conditional" if g.conditional else "allowed"), (key, row)
            used.add(key)
    # ...and every row a principal can use is used: a row nobody uses is a role nobody holds,
    # roles_required its holder lacks, or an account without contacts
    for key, r in by_key.items():
        if key in used:
            continue
        who = c.config.lookup(r["who"])
        if r["rule"] == "role":
            holders = [p for p in c.config.principals if r["who"][5:] in c.engine.held_roles(p)]
            # `self` reaches no account for a consumer: it only shapes ACL rules (LANGUAGE.md)
            if r["scope"] == "self":
                holders = [p for p in holders if p.kind != "consumer"]
            assert not [p for p in holders if c.engine.active_principal(p)], (key, holders)
        elif r["rule"] == "responsibility" and who.kind != "account":
            held = c.engine.held_roles(who)
            assert any(role not in held for role in r["roles_required"].split()), key
        else:
            assert who.kind == "account" and not [
                x for x in who.contacts if c.engine.active_principal(x)
            ], key


def test_grants_csv_decisions_match_the_engine_on_what_rows_reach(example):
    c, files = example
    cfg, engine = c.config, c.engine
    for r in _grant_rows(files):
        target = (
            cfg.lookup(r["reaches"]) if ":" in r["reaches"] and " " not in r["reaches"] else None
        )
        who = cfg.lookup(r["who"])
        if target is None or who is None or who.kind not in ("contact", "consumer", "user"):
            continue
        for level in r["levels"].split():
            d = engine.decide(who, level, r["table"], target)
            assert any(_grant_key(g) == _row_key(r) for g in d.grants), (r, d.decision)


def test_grants_csv_carries_hostile_values_exactly(hostile):
    _c, files = hostile
    rows = _grant_rows(files)
    assert any(r["when"] == HOSTILE["resp_when"] for r in rows)
    assert any(r["when"] == HOSTILE["role_when"] for r in rows)


def test_grants_csv_grows_with_the_configuration_not_its_product(tmp_path):
    """40 more accounts with 80 contacts add exactly 3 rows an account and none a contact."""
    import shutil

    from csmconf.pipeline import compile_config

    base = compile_config(CONFIGS)
    before = len(_grant_rows(render_outputs(base)))
    root = tmp_path / "cfg"
    shutil.copytree(CONFIGS, root)
    extra = ["version: 1", "accounts:"]
    extra += [f"  - id: more-{i}\n    name: More {i}" for i in range(40)]
    extra += ["contacts:"]
    extra += [
        f"  - id: more-c{i}\n    account: more-{i % 40}\n    roles: [customer_admin]"
        for i in range(80)
    ]
    (root / "more.yaml").write_text("\n".join(extra) + "\n", encoding="utf-8")
    bigger = compile_config(root)
    assert bigger.errors == 0, describe(bigger.diagnostics)
    after = _grant_rows(render_outputs(bigger))
    # two for rule 3 (sold products, install bases), one for rule 4 (the named contact)
    assert len(after) == before + 40 * 3
    assert not [r for r in after if r["who"].startswith("contact:more-")]


# -- determinism -----------------------------------------------------------------------------


def _yaml_rows(root: Path):
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    rows, settings = [], None
    for path in sorted(root.rglob("*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"))
        for section, items in doc.items():
            if section == "version":
                continue
            if section == "settings":
                settings = items
                continue
            for item in items or ():
                rows.append((section, item))
    return rows, settings


def _write_shuffled(src: Path, dst: Path, seed: int) -> None:
    """The same rows, spread over differently named files in another order."""
    rows, settings = _yaml_rows(src)
    rng = random.Random(seed)
    rng.shuffle(rows)
    names = ["zz/last.yaml", "a.yml", "m/n/middle.yaml", "0-first.yaml", "Q.yaml"]
    per_file: dict[str, list] = {n: [] for n in names}
    for i, row in enumerate(rows):
        per_file[names[(i * 7 + seed) % len(names)]].append(row)
    for name, items in per_file.items():
        lines = ["version: 1"]
        if settings is not None and name == names[seed % len(names)]:
            lines.append("settings: " + json.dumps(settings, ensure_ascii=False))
        sections: dict[str, list] = {}
        for section, item in items:
            sections.setdefault(section, []).append(item)
        for section in sorted(sections, key=lambda s: rng.random()):
            lines.append(f"{section}:")
            lines += ["  - " + json.dumps(item, ensure_ascii=False) for item in sections[section]]
        path = dst / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _without_sources(data: bytes) -> list:
    doc = json.loads(data)
    for rule in doc["rules"]:
        rule.pop("sources")
    return doc


def test_output_does_not_depend_on_file_names_or_row_order(example, tmp_path):
    from csmconf.pipeline import compile_config

    _c, files = example
    for seed in (1, 2):
        dst = tmp_path / f"shuffled{seed}"
        _write_shuffled(CONFIGS, dst, seed)
        c = compile_config(dst)
        assert c.errors == 0, describe(c.diagnostics)
        other = render_outputs(c)
        assert set(other) == set(files)
        for path in files:
            if path in ("manifest.json", "acl/rules.json", "access/grants.csv"):
                continue  # they name the input files and their lines
            assert other[path] == files[path], path
        assert _without_sources(other["acl/rules.json"]) == _without_sources(
            files["acl/rules.json"]
        )


def test_output_does_not_depend_on_the_order_files_were_created(example, tmp_path):
    from csmconf.pipeline import compile_config

    _c, files = example
    dst = tmp_path / "copy"
    for path in sorted(CONFIGS.rglob("*.yaml"), reverse=True):
        target = dst / path.relative_to(CONFIGS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    c = compile_config(dst)
    assert render_outputs(c) == files


_RENDER = """
import hashlib, json, sys
from pathlib import Path
from csmconf.pipeline import compile_config
from csmconf.emit import render_outputs
files = render_outputs(compile_config(Path(sys.argv[1])))
print(json.dumps({p: hashlib.sha256(d).hexdigest() for p, d in files.items()}, sort_keys=True))
"""


def test_output_does_not_depend_on_pythonhashseed(tmp_path):
    root = write_hostile_config(tmp_path / "cfg")
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _RENDER, str(CONFIGS)],
            capture_output=True,
            env=env,
            timeout=300,
            cwd=REPO,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()
        hostile_run = subprocess.run(
            [sys.executable, "-c", _RENDER, str(root)],
            capture_output=True,
            env=env,
            timeout=300,
            cwd=REPO,
            check=False,
        )
        assert hostile_run.returncode == 0, hostile_run.stderr.decode()
        runs.append((done.stdout, hostile_run.stdout))
    assert runs[0] == runs[1]


# -- writing and comparing -------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_write_outputs_swaps_the_whole_directory(tmp_path):
    out = tmp_path / "generated"
    first = {"a.txt": b"1", "sub/b.txt": b"2", "gone.txt": b"old"}
    write_outputs(first, out)
    assert _tree(out) == first
    second = {"a.txt": b"one", "sub/c.txt": b"3"}
    write_outputs(second, out)
    assert _tree(out) == second  # files no longer produced disappear
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]  # no temporary leftovers


def test_write_outputs_failure_leaves_the_old_output(tmp_path, monkeypatch):
    from csmconf.emit import outdir

    out = tmp_path / "generated"
    write_outputs({"keep.txt": b"old"}, out)
    real_fsync = os.fsync

    def failing_fsync(fd):
        # the disk fills up while the second new file is written
        if os.readlink(f"/proc/self/fd/{fd}").endswith("new2.txt"):
            raise OSError("disk full")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_outputs({"new1.txt": b"1", "new2.txt": b"2", "new3.txt": b"3"}, out)
    monkeypatch.undo()
    assert _tree(out) == {"keep.txt": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]

    def failing_exchange(a, b):
        raise OSError("rename refused")

    monkeypatch.setattr(outdir, "exchange", failing_exchange)
    with pytest.raises(OSError, match="rename refused"):
        write_outputs({"new.txt": b"1"}, out)
    monkeypatch.undo()
    assert _tree(out) == {"keep.txt": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]

    # the fallback swap (no RENAME_EXCHANGE): a failing second rename puts the old tree back
    real_rename = os.rename
    monkeypatch.setattr(outdir, "exchange", lambda a, b: False)

    def failing_rename(src, dst):
        if Path(src).name == outdir.TREE:
            raise OSError("rename refused")
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", failing_rename)
    with pytest.raises(OSError, match="rename refused"):
        write_outputs({"new.txt": b"1"}, out)
    monkeypatch.undo()
    assert _tree(out) == {"keep.txt": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]
    monkeypatch.setattr(outdir, "exchange", lambda a, b: False)
    write_outputs({"new.txt": b"1"}, out)  # and the fallback swap works
    assert _tree(out) == {"new.txt": b"1"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


@pytest.mark.parametrize("bad", ["/abs.txt", "../up.txt", "a/../../b", "a//b", "", "a\\b"])
def test_write_outputs_refuses_paths_outside(tmp_path, bad):
    with pytest.raises(ValueError):
        write_outputs({bad: b"x"}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_compare_outputs(tmp_path, example):
    _c, files = example
    out = tmp_path / "generated"
    assert compare_outputs(files, out) == [f"missing {p}" for p in sorted(files, key=str.encode)]
    write_outputs(files, out)
    assert compare_outputs(files, out) == []
    (out / "extra.txt").write_text("x")
    (out / "acl" / "rules.json").write_bytes(b"{}")
    (out / "manifest.json").unlink()
    assert compare_outputs(files, out) == [
        "changed acl/rules.json",
        "extra extra.txt",
        "missing manifest.json",
    ]


def test_the_stream_is_the_dict_and_refuses_a_file_whose_pieces_were_not_taken(example):
    from csmconf.emit import content_bytes, iter_outputs

    c, files = example
    streamed = [(path, content_bytes(data)) for path, data in iter_outputs(c)]
    assert dict(streamed) == files
    assert [p for p, _ in streamed][-1] == "manifest.json"  # last: it hashes the others
    assert any(not isinstance(d, bytes) for _p, d in iter_outputs(c))  # seeds come in pieces
    with pytest.raises(RuntimeError, match="pieces were not all taken"):
        for _path, _data in iter_outputs(c):  # never reads a seed's pieces
            pass


def test_released_compilation_writes_the_same_files_and_lets_its_graph_go():
    from csmconf.emit import content_bytes, iter_outputs
    from csmconf.pipeline import compile_config

    kept = compile_config(CONFIGS)
    released = compile_config(CONFIGS)
    engine = released.engine
    files = {p: content_bytes(d) for p, d in iter_outputs(released, release=True)}
    assert files == render_outputs(kept)
    assert released.engine is None and engine.graph.number_of_nodes() == 0


def test_grant_paths_by_rule_are_the_sorted_grant_paths(hostile):
    from csmconf.graph.paths import GrantPath, grant_paths_by_rule
    from csmconf.vocabulary import GRANT_RULES

    c, _files = hostile
    groups = list(grant_paths_by_rule(c.engine))
    assert [{g.rule for g in group} for group in groups] == [{r} for r in GRANT_RULES]
    flat = [g for group in groups for g in group]
    assert flat == sorted(flat, key=GrantPath.sort_key) and len(flat) > len(GRANT_RULES)
