"""Output directories: what compile/schema/graph refuse (exit 2, tree untouched), the atomic swap
under SIGKILL at every step, and the cleaning of stale temporary siblings."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CONFIGS, run_cli, run_cli_subprocess

from csmconf.cli import main
from csmconf.emit import outdir, write_outputs


def digests(root: Path) -> dict[str, str]:
    """Every entry below `root`: files by SHA-256 of their bytes, directories and links by kind."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        base = Path(dirpath)
        for name in dirnames:
            rel = (base / name).relative_to(root).as_posix()
            found[rel] = "link" if (base / name).is_symlink() else "dir"
        for name in filenames:
            path = base / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = "link:" + os.readlink(path)
            else:
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def cli(*args: str, cwd: Path):
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def project(tmp_path):
    """A project like a user's: repo/configs (the example), repo/.git/HEAD, repo/README."""
    repo = tmp_path / "repo"
    shutil.copytree(CONFIGS, repo / "configs")
    (repo / ".git").mkdir()
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / "README").write_text("keep me\n")
    return repo


@pytest.mark.parametrize(
    "out, why",
    [
        ("configs", "is the configuration directory"),
        ("configs/generated", "lies inside the configuration directory"),
        ("configs/accounts", "lies inside the configuration directory"),
        (".", "contains the configuration directory"),
        ("..", "contains the configuration directory"),
    ],
)
def test_compile_refuses_an_output_that_is_in_or_around_the_configuration(project, out, why):
    before = digests(project.parent)
    r = cli("compile", "configs", "-o", out, cwd=project)
    assert r.exit_code == 2, r.output
    assert why in r.output
    assert digests(project.parent) == before


def test_compile_dir_into_its_parent_is_refused(project):
    """`compile DIR -o DIR/..` (the issue's `compile repo/configs -o repo`, which deleted .git)."""
    before = digests(project.parent)
    r = cli("compile", str(project / "configs"), "-o", str(project / "configs" / ".."), cwd=project)
    assert r.exit_code == 2
    assert "contains the configuration directory" in r.output
    assert digests(project.parent) == before
    assert (project / ".git" / "HEAD").is_file()


def test_compile_into_itself_through_a_symlink_is_refused(project):
    (project / "gen").symlink_to(project / "configs")
    (project / "alias").symlink_to(project)
    before = digests(project.parent)
    for out in ("gen", "alias/configs", "alias"):
        r = cli("compile", "configs", "-o", out, cwd=project)
        assert r.exit_code == 2, (out, r.output)
    assert digests(project.parent) == before


def test_compile_refuses_a_non_empty_foreign_directory_unless_forced(project):
    out = project / "out"
    out.mkdir()
    (out / "notes.txt").write_text("my notes\n")
    before = digests(project.parent)
    r = cli("compile", "configs", "-o", "out", cwd=project)
    assert r.exit_code == 2
    assert "not written by csmconf" in r.output and "--force" in r.output
    assert digests(project.parent) == before
    # a manifest that is not csmconf's does not count either
    (out / "manifest.json").write_text('{"compiler": {"name": "other"}}')
    before = digests(project.parent)
    assert cli("compile", "configs", "-o", "out", cwd=project).exit_code == 2
    assert digests(project.parent) == before
    forced = cli("compile", "configs", "-o", "out", "--force", cwd=project)
    assert forced.exit_code == 0, forced.output
    assert not (out / "notes.txt").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["compiler"]["name"] == "csmconf"
    # now csmconf owns it: a stray file in it goes with the next compile, no --force needed
    (out / "stray.txt").write_text("x")
    assert cli("compile", "configs", "-o", "out", cwd=project).exit_code == 0
    assert not (out / "stray.txt").exists()
    # an empty directory is fine
    (project / "empty").mkdir()
    assert cli("compile", "configs", "-o", "empty", cwd=project).exit_code == 0


def test_compile_refuses_a_file_or_symlink_as_out(project):
    (project / "file").write_text("x")
    (project / "real").mkdir()
    (project / "link").symlink_to(project / "real")
    before = digests(project.parent)
    assert "not a directory" in cli("compile", "configs", "-o", "file", cwd=project).output
    assert "symbolic link" in cli("compile", "configs", "-o", "link", cwd=project).output
    assert digests(project.parent) == before


def test_must_show_via_the_real_command(project):
    """The three must-show refusals as a user types them: exit 2, a message, the tree untouched."""
    (project / "stray").mkdir()
    (project / "stray" / "file.txt").write_text("mine\n")
    before = digests(project.parent)
    for args in (
        ("compile", "configs", "-o", "configs"),
        ("compile", "configs", "-o", "configs/.."),
        ("compile", "configs", "-o", "stray"),
    ):
        r = run_cli(*args, cwd=project)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert r.stdout == "" and r.stderr.startswith("csmconf: output directory"), r.stderr
    assert digests(project.parent) == before


def test_graph_and_schema_refuse_unsafe_files(project):
    before = digests(project.parent)
    r = cli("graph", "configs", "-o", "configs/roles.yaml", cwd=project)
    assert r.exit_code == 2 and "inside the configuration directory" in r.output
    fifo = project / "pipe"
    os.mkfifo(fifo)
    r = cli("graph", "configs", "-o", "pipe", cwd=project)
    assert r.exit_code == 2 and "not a regular file" in r.output
    (project / "schemas").mkdir()
    (project / "schemas" / "csmconf.schema.json").mkdir()
    r = cli("schema", "-o", "schemas", cwd=project)
    assert r.exit_code == 2 and "not a regular file" in r.output
    fifo.unlink()
    (project / "schemas" / "csmconf.schema.json").rmdir()
    (project / "schemas").rmdir()
    assert digests(project.parent) == before
    assert cli("graph", "configs", "-o", "drawing.dot", cwd=project).exit_code == 0
    assert (project / "drawing.dot").read_text().startswith("digraph")


# ------------------------------------------------------------------- the swap under SIGKILL

OLD = {"keep.txt": b"old", "sub/a.txt": b"old a", "manifest.json": b"{}"}
NEW = {"new.txt": b"new", "sub/a.txt": b"new a", "sub/b/c.txt": b"c", "manifest.json": b"{1}"}


def tree_of(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def killed_write(out: Path, step: str, fallback: bool) -> int:
    """write_outputs(NEW, out) in a forked child that SIGKILLs itself at `step`; its wait status."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        try:
            os.environ[outdir.FAULT_ENV] = step
            if fallback:
                outdir.exchange = lambda a, b: False
            write_outputs(NEW, out)
        finally:
            os._exit(3)
    _pid, status = os.waitpid(pid, 0)
    return status


KILLS = [
    pytest.param(step, fallback, id=f"{'fallback' if fallback else 'exchange'}-{step}")
    for fallback in (False, True)
    for step in outdir.STEPS
    if fallback or step != "fallback-moved-aside"  # a step of the fallback swap only
]


@pytest.mark.parametrize("step, fallback", KILLS)
def test_a_kill_at_any_step_leaves_old_or_new_whole_and_no_litter(tmp_path, step, fallback):
    out = tmp_path / "generated"
    write_outputs(OLD, out)
    status = killed_write(out, step, fallback)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
    if step == "fallback-moved-aside":
        # the one documented gap of the fallback: OUT is inside the container until the next run
        assert not out.exists()
        outdir.clean_stale(out)
        assert tree_of(out) == OLD
    else:
        assert tree_of(out) in (OLD, NEW)
        swapped = outdir.STEPS.index(step) >= outdir.STEPS.index("swapped")
        assert tree_of(out) == (NEW if swapped else OLD)
    litter = sorted(p.name for p in tmp_path.iterdir() if p.name != "generated")
    if step != "fallback-moved-aside":
        assert litter, "the kill should have left the container behind"
    write_outputs(NEW, out)  # the next run cleans what the killed one left
    assert tree_of(out) == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["generated"]


@pytest.fixture(scope="module")
def two_configs(tmp_path_factory):
    """Two configurations whose outputs differ, and the digests of each output."""
    base = tmp_path_factory.mktemp("kill")
    a, b = base / "a", base / "b"
    shutil.copytree(CONFIGS, a)
    shutil.copytree(CONFIGS, b)
    contacts = b / "contacts.yaml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace("name: ", "name: Renamed ", 1), encoding="utf-8")
    outputs = []
    for config in (a, b):
        out = base / f"out-{config.name}"
        assert cli("compile", str(config), "-o", str(out), cwd=base).exit_code == 0
        outputs.append(digests(out))
    assert outputs[0] != outputs[1]
    return a, b, outputs[0], outputs[1]


@pytest.mark.parametrize("step", [s for s in outdir.STEPS if s != "fallback-moved-aside"])
def test_compile_killed_at_each_step(tmp_path, two_configs, step):
    """`csmconf compile` itself (in a forked child) SIGKILLed at each step of its write."""
    a, b, old, new = two_configs
    out = tmp_path / "gen"
    assert cli("compile", str(a), "-o", str(out), cwd=tmp_path).exit_code == 0
    pid = os.fork()
    if pid == 0:
        try:
            os.environ[outdir.FAULT_ENV] = step
            main(["compile", str(b), "-o", str(out), "-q"])
        finally:
            os._exit(3)
    _pid, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
    swapped = outdir.STEPS.index(step) >= outdir.STEPS.index("swapped")
    assert digests(out) == (new if swapped else old)
    assert len(list(tmp_path.iterdir())) == 2  # OUT and the killed run's container
    assert cli("compile", str(b), "-o", str(out), cwd=tmp_path).exit_code == 0
    assert digests(out) == new
    assert [p.name for p in tmp_path.iterdir()] == ["gen"]


def test_exchange_is_used_on_linux(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    (b / "x").write_text("b")
    assert outdir.exchange(a, b), "renameat2(RENAME_EXCHANGE) is expected on Linux"
    assert (a / "x").read_text() == "b" and (b / "x").read_text() == "a"


def test_compile_killed_after_the_swap_then_rerun(tmp_path):
    """The real command, SIGKILLed by the test hook right after its swap; the next run cleans up.

    A real process (the hook kills the process it runs in), with the answer cache off, so
    that the unchanged second compile is not skipped before it reaches the swap.
    """
    out = tmp_path / "gen"
    off = {"CSMCONF_CACHE_DIR": "off"}
    assert run_cli_subprocess("compile", "configs", "-o", str(out), env=off).returncode == 0
    first = digests(out)
    r = run_cli_subprocess(
        "compile", "configs", "-o", str(out), env={**off, outdir.FAULT_ENV: "swapped"}
    )
    assert r.returncode == -signal.SIGKILL
    assert digests(out) == first  # the same input: the new tree equals the old, whole
    assert len(list(tmp_path.iterdir())) == 2  # the container of the killed run
    assert run_cli_subprocess("compile", "configs", "-o", str(out), env=off).returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["gen"]


def test_two_process_compile_killed_midway_leaves_old_out_and_no_process(tmp_path):
    """Killed after its first file while the second process still renders: OUT as it
    was, the child gone with its parent, nothing beside OUT but the container."""
    import time

    out = tmp_path / "gen"
    off = {"CSMCONF_CACHE_DIR": "off", "CSMCONF_JOBS": "2"}
    assert run_cli_subprocess("compile", "configs", "-o", str(out), env=off).returncode == 0
    first = digests(out)
    r = run_cli_subprocess(
        "compile", "configs", "-o", str(out), env={**off, outdir.FAULT_ENV: "tree-half-written"}
    )
    assert r.returncode == -signal.SIGKILL
    assert digests(out) == first
    deadline = time.monotonic() + 10
    while _processes_naming(out) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _processes_naming(out)
    litter = [p.name for p in tmp_path.iterdir() if p.name != "gen"]
    assert litter and all(name.startswith(".gen.tmp-") for name in litter)  # the container only


def _processes_naming(path: Path) -> list[int]:
    """Live (not zombie) processes whose command line holds `path`."""
    found = []
    needle = str(path).encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                named = needle in fh.read()
            with open(f"/proc/{entry}/stat") as fh:
                zombie = fh.read().rsplit(") ", 1)[-1].startswith("Z")
        except OSError:
            continue
        if named and not zombie:
            found.append(int(entry))
    return found


# ------------------------------------------------------------------- what is never removed


def test_clean_stale_leaves_what_it_cannot_prove_it_made(tmp_path):
    out = tmp_path / "generated"
    write_outputs(OLD, out)
    dead = _dead_pid()
    keep = {
        # an old-style temp dir of an earlier csmconf, a user's directory, another tool's
        f".generated.tmp-abc{dead}": {"f": b"x"},
        ".generated.old-xyz": {"f": b"x"},
        f".generated.tmp-{dead}-abc": {"f": b"user data, no marker"},
        f".generated.tmp-{os.getpid()}-live": {outdir.MARKER: b""},
    }
    for name, files in keep.items():
        (tmp_path / name).mkdir()
        for f, data in files.items():
            (tmp_path / name / f).write_bytes(data)
    # a marker naming a live process (this one) is not stale
    live = tmp_path / f".generated.tmp-{os.getpid()}-mine"
    live.mkdir()
    (live / outdir.MARKER).write_text(json.dumps(outdir._identity()))
    # a marker of another host is not ours to judge
    other = tmp_path / f".generated.tmp-{dead}-otherhost"
    other.mkdir()
    (other / outdir.MARKER).write_text(
        json.dumps({"tool": "csmconf", "host": "elsewhere", "pid": dead, "start": None})
    )
    # stale and provably ours: removed
    stale = tmp_path / f".generated.tmp-{dead}-stale"
    (stale / outdir.TREE / "deep").mkdir(parents=True)
    (stale / outdir.TREE / "deep" / "f").write_text("x")
    (stale / outdir.MARKER).write_text(json.dumps({**outdir._identity(), "pid": dead}))
    empty = tmp_path / f".generated.tmp-{dead}-empty"
    empty.mkdir()
    before = {n: digests(tmp_path / n) for n in [*keep, live.name, other.name]}
    removed = outdir.clean_stale(out)
    assert sorted(removed) == sorted([stale.name, empty.name])
    assert {n: digests(tmp_path / n) for n in [*keep, live.name, other.name]} == before
    assert tree_of(out) == OLD


def _dead_pid() -> int:
    """A pid that ran and is gone (reaped)."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def test_compare_outputs_does_not_read_a_fifo(tmp_path):
    from csmconf.emit import compare_outputs

    out = tmp_path / "gen"
    write_outputs({"a.txt": b"a", "b.txt": b"b"}, out)
    (out / "b.txt").unlink()
    os.mkfifo(out / "b.txt")
    assert compare_outputs({"a.txt": b"a", "b.txt": b"b"}, out) == ["changed b.txt"]


def test_the_same_directory_under_another_name_is_found_by_inode(project, monkeypatch):
    """A bind mount or a case-insensitive file system gives a directory two real paths: the
    device and inode still tell. Simulated with a symlink that path resolution does not see."""
    (project / "gen").symlink_to(project / "configs")
    (project / "up").symlink_to(project)
    monkeypatch.setattr(outdir, "_real", lambda p: Path(os.path.abspath(p)))
    for out, why in (
        ("gen", "is the configuration directory"),
        ("up", "contains the configuration directory"),
    ):
        with pytest.raises(outdir.UnsafeOutput, match=why):
            outdir.check_output_dir(project / out, inputs=[project / "configs"])
    with pytest.raises(outdir.UnsafeOutput, match="inside the configuration directory"):
        outdir.check_output_dir(project / "gen" / "accounts", inputs=[project / "configs"])


# ------------------------------------------------------------------- a stream of files


def test_a_stream_that_fails_while_rendering_leaves_out_whole_and_no_litter(tmp_path):
    out = tmp_path / "generated"
    write_outputs(OLD, out)
    before = digests(out)

    def stream():
        yield "new.txt", b"new"
        yield "sub/a.txt", b"new a"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError, match="renderer failed"):
        write_outputs(stream(), out)
    assert digests(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["generated"]


@pytest.mark.parametrize("bad", ["../escape.txt", "/abs.txt", "sub//x", "dup.txt"])
def test_a_stream_with_a_bad_or_repeated_path_writes_nothing(tmp_path, bad):
    out = tmp_path / "generated"
    write_outputs(OLD, out)
    before = digests(out)
    stream = iter([("dup.txt", b"1"), (bad, b"2")])
    with pytest.raises(ValueError):
        write_outputs(stream, out)
    assert digests(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["generated"]


def test_write_outputs_of_a_stream_equals_that_of_its_dict(tmp_path):
    assert write_outputs(iter(NEW.items()), tmp_path / "a") == sorted(NEW)
    write_outputs(NEW, tmp_path / "b")
    assert digests(tmp_path / "a") == digests(tmp_path / "b")


def test_compile_stops_whole_when_a_file_changes_before_its_positions_are_read(
    tmp_path, monkeypatch
):
    """A file read fast is read again for the places the outputs name; changed: exit 2, OUT as it was."""
    from csmconf.load import files as load_files

    monkeypatch.setattr(load_files, "FAST_MIN_BYTES", 0)  # the example's files read fast
    config = tmp_path / "configs"
    shutil.copytree(CONFIGS, config)
    out = tmp_path / "gen"
    off = {"CSMCONF_CACHE_DIR": "off"}
    assert (
        CliRunner().invoke(main, ["compile", str(config), "-o", str(out)], env=off).exit_code == 0
    )
    before = digests(out)
    real_read_again = load_files.read_again

    def edited_meanwhile(real, digest, rel):
        real.write_bytes(real.read_bytes() + b"\n# edited\n")
        return real_read_again(real, digest, rel)

    monkeypatch.setattr(load_files, "read_again", edited_meanwhile)
    r = CliRunner().invoke(main, ["compile", str(config), "-o", str(out)], env=off)
    assert r.exit_code == 2, r.output
    assert "changed while csmconf was reading the tree: run it again" in r.stderr
    assert "Traceback" not in r.output
    assert digests(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["configs", "gen"]


def test_content_in_pieces_is_written_and_compared_as_its_bytes(tmp_path):
    from csmconf.emit import compare_outputs

    def pieces(*parts: bytes):
        yield from parts

    stream = [("a.txt", pieces(b"he", b"", b"llo")), ("sub/b.txt", b"b")]
    assert write_outputs(iter(stream), tmp_path / "out") == ["a.txt", "sub/b.txt"]
    assert (tmp_path / "out" / "a.txt").read_bytes() == b"hello"
    taken = []

    def watched(*parts: bytes):
        for part in parts:
            taken.append(part)
            yield part

    out = tmp_path / "out"
    same = [("a.txt", watched(b"hel", b"lo")), ("sub/b.txt", b"b")]
    assert compare_outputs(iter(same), out) == []
    # a difference in the first piece, a longer file, a shorter file, a missing file:
    # each is found, and every piece is still taken (the manifest hashes them)
    taken.clear()
    other = [
        ("a.txt", watched(b"HEL", b"lo")),
        ("sub/b.txt", watched(b"")),
        ("c.txt", watched(b"c1", b"c2")),
    ]
    assert compare_outputs(iter(other), out) == [
        "changed a.txt",
        "missing c.txt",
        "changed sub/b.txt",
    ]
    assert taken == [b"HEL", b"lo", b"", b"c1", b"c2"]
    assert compare_outputs(
        iter([("a.txt", watched(b"hello", b"!")), ("sub/b.txt", b"b")]), out
    ) == ["changed a.txt"]
