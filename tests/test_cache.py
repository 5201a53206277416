"""The answer cache (csmconf/cache.py): never changes an answer; stale or corrupt is a miss."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CONFIGS, run_cli

from csmconf import vocabulary
from csmconf.answers import decision_data, what_can_data
from csmconf.cache import AnswerCache, state_key
from csmconf.pipeline import compile_config
from csmconf.views.check import render as render_check
from csmconf.views.what_can import render as render_what_can
from csmconf.views.who_can import render as render_who_can


@pytest.fixture(scope="module")
def example():
    result = compile_config(CONFIGS, run_tests=False)
    assert result.errors == 0
    return result


def test_cached_answers_equal_fresh_ones_on_every_question_of_the_example(example, tmp_path):
    """Every principal x target x table x level, every who-can and what-can of configs/."""
    engine, config = example.engine, example.config
    targets = engine.targets()
    fresh: list[tuple[list, object]] = []
    for p in config.principals:
        ref = f"{p.kind}:{p.id}"
        fresh.append((["what-can", ref, False], what_can_data(engine.what_can(p))))
        for t in targets:
            for table in vocabulary.TABLES:
                for level in vocabulary.LEVELS:
                    d = engine.decide(p, level, table, t, explain=True)
                    question = ["check", ref, level, table, f"{t.kind}:{t.id}", False]
                    fresh.append((question, decision_data(d)))
    for t in targets:
        for table in vocabulary.TABLES:
            for level in vocabulary.LEVELS:
                who = engine.who_can(level, table, t, explain=True)
                question = ["who-can", level, table, f"{t.kind}:{t.id}", False]
                fresh.append((question, [decision_data(d) for d in who]))
    cache = AnswerCache(tmp_path, CONFIGS, state_key(CONFIGS))
    cache.put_many(fresh)
    assert len(fresh) > 1000
    for question, answer in fresh:
        cached = cache.get(question)
        assert cached == answer, question
        kind = question[0]
        if kind == "check":
            for fmt in ("text", "json"):
                for explain in (False, True):
                    assert render_check(cached, CONFIGS, fmt, explain) == render_check(
                        answer, CONFIGS, fmt, explain
                    )
        elif kind == "who-can":
            for fmt in ("text", "json"):
                args = (*question[1:4], CONFIGS, fmt)
                assert render_who_can(cached, *args) == render_who_can(answer, *args)
        else:
            for fmt in ("text", "json"):
                assert render_what_can(cached, question[1], fmt) == render_what_can(
                    answer, question[1], fmt
                )


QUESTIONS = [
    ("check", "contact:peter-robinson", "write", "case", "--on", "account:abc-corp", "--explain"),
    ("check", "contact:mia-xyz", "read", "case", "--on", "account:abc-corp"),
    ("who-can", "write", "case", "--on", "account:abc-corp"),
    ("what-can", "contact:mia-xyz"),
]


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q[0])
def test_cli_answers_cold_warm_and_uncached_are_identical(question, fmt, tmp_path):
    args = (*question, "--format", fmt, "configs")
    off = run_cli("--cache-dir", "off", *args)
    cold = run_cli("--cache-dir", str(tmp_path), *args)
    assert list(tmp_path.glob("tree-*.sqlite")), "the first answer is stored"
    warm = run_cli("--cache-dir", str(tmp_path), *args)
    assert off == cold == warm
    assert off.returncode in (0, 1) and off.stdout


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "configs"
    shutil.copytree(CONFIGS, root)
    return root


def test_corrupt_cache_is_ignored_and_rebuilt(tmp_path):
    root = _tree(tmp_path)
    cache_dir = tmp_path / "cache"
    args = ("--cache-dir", str(cache_dir), "what-can", "contact:mia-xyz", str(root))
    first = run_cli(*args)
    (db,) = cache_dir.glob("tree-*.sqlite")
    for garbage in (b"not a database at all" * 100, db.read_bytes()[:200], b""):
        db.write_bytes(garbage)
        again = run_cli(*args)
        assert again == first
        cache = AnswerCache.open(root, str(cache_dir))
        assert cache.get(["what-can", "contact:mia-xyz", False]) is not None, "rebuilt"


def test_a_changed_input_is_never_answered_from_the_cache(tmp_path):
    root = _tree(tmp_path)
    cache_dir = tmp_path / "cache"
    args = ("--cache-dir", str(cache_dir), "check", "contact:mia-xyz", "read", "sold_product")
    args += ("--on", "account:xyz-ltd", str(root))
    before = run_cli(*args)
    assert run_cli(*args) == before
    contacts = root / "contacts.yaml"
    text = contacts.read_text(encoding="utf-8")
    assert "  - id: mia-xyz\n" in text
    # Mia leaves: her own account's access must go, whatever the cache holds.
    contacts.write_text(
        text.replace("  - id: mia-xyz\n", "  - id: mia-xyz\n    active: false\n"), encoding="utf-8"
    )
    after = run_cli(*args)
    uncached = run_cli("--cache-dir", "off", *args[2:])
    assert after == uncached
    assert before.returncode == 0 and after.returncode == 1, (before, after)


def test_cache_location_from_option_environment_and_xdg(tmp_path, monkeypatch):
    from csmconf.cache import cache_dir

    monkeypatch.delenv("CSMCONF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "csmconf"
    monkeypatch.setenv("CSMCONF_CACHE_DIR", str(tmp_path / "env"))
    assert cache_dir() == tmp_path / "env"
    assert cache_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    assert cache_dir("off") is None
    monkeypatch.setenv("CSMCONF_CACHE_DIR", "off")
    assert cache_dir() is None


def test_unchanged_compile_skips_only_when_inputs_compiler_and_out_all_match(tmp_path):
    root = _tree(tmp_path)
    out = tmp_path / "out"
    cache_dir = tmp_path / "cache"
    args = ("--cache-dir", str(cache_dir), "compile", str(root), "-o", str(out))
    first = run_cli(*args)
    assert first.returncode == 0 and "wrote" in first.stderr
    written = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = run_cli(*args)
    assert second.returncode == 0 and "up to date" in second.stderr, second.stderr
    assert second.stdout == first.stdout
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == written
    # JSON report: the same list of files either way
    assert (
        run_cli(*args, "--format", "json").stdout
        == run_cli(
            "--cache-dir", "off", "compile", str(root), "-o", str(out), "--format", "json"
        ).stdout
    )

    # an output file edited by hand: rewritten
    (out / "manifest.json").write_bytes(written[out / "manifest.json"] + b" ")
    third = run_cli(*args)
    assert "wrote" in third.stderr
    assert (out / "manifest.json").read_bytes() == written[out / "manifest.json"]
    # a stray file in OUT: recompiled (the swap removes it)
    (out / "stray.txt").write_text("x")
    assert "wrote" in run_cli(*args).stderr and not (out / "stray.txt").exists()
    assert "up to date" in run_cli(*args).stderr
    # a changed input: recompiled, and the output follows
    settings = root / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    fourth = run_cli(*args)
    assert "wrote" in fourth.stderr
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert manifest != written[out / "manifest.json"].decode()
    # a deleted output: rewritten
    (out / "acl" / "rules.json").unlink()
    assert "wrote" in run_cli(*args).stderr and (out / "acl" / "rules.json").is_file()


def test_a_compile_with_warnings_is_never_skipped(tmp_path):
    """Only clean outputs are stamped: a skipped compile could not repeat the warnings."""
    from csmconf.cache import output_up_to_date

    root = _tree(tmp_path)
    out = tmp_path / "out"
    cache_dir = tmp_path / "cache"
    args = ("--cache-dir", str(cache_dir), "compile", str(root), "-o", str(out))
    assert run_cli(*args).returncode == 0
    assert output_up_to_date(root, out, str(cache_dir)) is not None
    # an unused role: CSM702, a warning; compile still writes, and must say so every time
    (root / "unused.yaml").write_text(
        "version: 1\nroles:\n  - id: nobody_holds_me\n    name: Unused\n    kind: external\n",
        encoding="utf-8",
    )
    for _ in range(2):
        r = run_cli(*args)
        assert r.returncode == 0 and "CSM702" in r.stdout and "wrote" in r.stderr, r
        assert output_up_to_date(root, out, str(cache_dir)) is None
    (root / "unused.yaml").unlink()
    assert "wrote" in run_cli(*args).stderr
    assert output_up_to_date(root, out, str(cache_dir)) is not None
    # a different compiler (its source digest) is a miss
    import csmconf.cache as cache_module

    saved = cache_module._COMPILER
    cache_module._COMPILER = "another compiler"
    try:
        assert output_up_to_date(root, out, str(cache_dir)) is None
    finally:
        cache_module._COMPILER = saved


CASE_DIRS = sorted((Path(__file__).parent / "cases").glob("*/*/config"))


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_validate_report_from_the_cache_equals_a_fresh_one_on_every_fixture(case, tmp_path):
    """Every fixture, valid or not: cached validate reports are the fresh ones, byte for byte."""
    for command, fmt, strict in (
        ("validate", "text", ()),
        ("validate", "json", ()),
        ("validate", "sarif", ("--strict",)),
        ("test", "text", ()),
        ("test", "github", ("--strict",)),
    ):
        args = (command, str(case), "--format", fmt, *strict)
        fresh = run_cli("--cache-dir", "off", *args)
        cold = run_cli("--cache-dir", str(tmp_path), *args)
        warm = run_cli("--cache-dir", str(tmp_path), *args)
        assert fresh == cold == warm, (command, fmt, strict)


def test_one_check_makes_every_check_of_that_principal_warm_and_equal(example, tmp_path):
    """After one question of a principal, every question of it comes from the cache, unchanged."""
    from csmconf.answers import cached_check, principal_checks

    engine, config = example.engine, example.config
    cache = AnswerCache(tmp_path, CONFIGS, state_key(CONFIGS))
    for p in config.principals:
        ref = f"{p.kind}:{p.id}"
        assert cached_check(cache, ref, "read", "case", "account:abc-corp", False) is None
        cache.put_many(principal_checks(engine, p, False))
        for t in engine.targets():
            for table in vocabulary.TABLES:
                for level in vocabulary.LEVELS:
                    fresh = decision_data(engine.decide(p, level, table, t, explain=True))
                    cached = cached_check(cache, ref, level, table, f"{t.kind}:{t.id}", False)
                    assert cached == fresh, (ref, level, table, t)
        # an unknown target is never answered from the cache: the CLI reports it (exit 2)
        assert cached_check(cache, ref, "read", "case", "account:no-such", False) is None
        assert cached_check(cache, ref, "read", "case", "account:abc-corp", True) is None


def test_cli_check_of_another_target_after_one_question_is_warm(tmp_path):
    cache = ("--cache-dir", str(tmp_path))
    first = ("check", "contact:mia-xyz", "read", "case", "--on", "account:abc-corp")
    assert run_cli(*cache, *first).returncode == 1
    from csmconf.answers import cached_check

    stored = AnswerCache.open(CONFIGS, str(tmp_path))
    for table in vocabulary.TABLES:  # asked nothing of these yet: known from the cache
        assert cached_check(stored, "contact:mia-xyz", "read", table, "account:xyz-ltd", False)
    for target in ("account:xyz-ltd", "account:abc-corp", "account:gsi-tech"):
        for table in ("case", "sold_product", "account"):
            args = ("check", "contact:mia-xyz", "read", table, "--on", target, "--explain")
            assert run_cli(*cache, *args) == run_cli("--cache-dir", "off", *args)
    unknown = run_cli(*cache, "check", "contact:mia-xyz", "read", "case", "--on", "account:nope")
    assert unknown.returncode == 2 and "unknown target" in unknown.stderr


# -- the digest memo: a file is read again whenever its stat changed ---------------------------


def _counting_hashes(monkeypatch):
    import csmconf.cache as cache_module

    calls: list[str] = []
    real = cache_module._sha256

    def counted(path):
        calls.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(cache_module, "_sha256", counted)
    return calls


def test_the_digest_memo_skips_unchanged_files_and_sees_every_write(tmp_path, monkeypatch):
    import hashlib
    import os

    from csmconf.cache import DigestMemo, input_digests

    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.yaml").write_text("accounts: []\n")
    (tree / "b.yaml").write_text("contacts: []\n")
    memo = tmp_path / "memo"
    calls = _counting_hashes(monkeypatch)
    monkeypatch.setattr(DigestMemo, "RACY_NS", -(10**18))  # files here are seconds old at most
    first, _ = input_digests(tree, memo_dir=memo)
    assert sorted(calls) == ["a.yaml", "b.yaml"]
    calls.clear()
    assert input_digests(tree, memo_dir=memo)[0] == first and calls == []
    # same size, mtime put back: the ctime still moved, so the file is read again
    st = os.stat(tree / "a.yaml")
    (tree / "a.yaml").write_text("accounts: {}\n")
    os.utime(tree / "a.yaml", ns=(st.st_atime_ns, st.st_mtime_ns))
    again, _ = input_digests(tree, memo_dir=memo)
    assert calls == ["a.yaml"]
    assert again["a.yaml"] == hashlib.sha256(b"accounts: {}\n").hexdigest() != first["a.yaml"]
    assert again["b.yaml"] == first["b.yaml"]


def test_a_file_written_just_now_is_not_memoised(tmp_path, monkeypatch):
    from csmconf.cache import input_digests

    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.yaml").write_text("accounts: []\n")
    calls = _counting_hashes(monkeypatch)
    for _ in range(2):  # within RACY_NS of its write: a same-tick rewrite could keep its stat
        input_digests(tree, memo_dir=tmp_path / "memo")
    assert calls == ["a.yaml", "a.yaml"]


def test_a_corrupt_digest_memo_is_ignored(tmp_path, monkeypatch):
    from csmconf.cache import DigestMemo, input_digests

    memo = tmp_path / "memo"
    monkeypatch.setattr(DigestMemo, "RACY_NS", -(10**18))
    truth, _ = input_digests(CONFIGS)
    input_digests(CONFIGS, memo_dir=memo)
    for junk in ("{", '{"format": 1, "files": []}', '{"format": 1, "files": {"a": 3}}', "\0"):
        for path in memo.glob("files-*.json"):
            path.write_text(junk)
        assert input_digests(CONFIGS, memo_dir=memo)[0] == truth
