"""`diff --git`: every argument passed to git is a revision (resolved to a commit id), never an option."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CONFIGS

from csmconf.cli import main
from csmconf.git_tree import GitError, resolve_commit

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(CONFIGS, repo / "configs")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*GIT, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "one"], check=True)
    monkeypatch.chdir(repo)
    return repo


@pytest.mark.parametrize(
    "option",
    [
        "--output={file}",
        "-o{file}",
        "--output",
        "--remote=ext::touch {file}",
        "--exec=touch {file}",
    ],
)
def test_an_option_given_as_a_revision_is_refused_and_no_file_is_touched(repo, option):
    victim = repo / "precious.txt"
    victim.write_text("keep me\n")
    created = repo / "new.txt"
    for target in (victim, created):
        arg = option.format(file=target)
        for old, new in ((arg, "HEAD"), ("HEAD", arg)):
            r = CliRunner().invoke(main, ["diff", "--git", "--", old, new], catch_exceptions=False)
            assert r.exit_code == 2, r.output
            assert "is not a revision" in r.output
    assert victim.read_text() == "keep me\n"  # not truncated
    assert not created.exists()  # not created


def test_revisions_are_resolved_to_commit_ids(repo):
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert resolve_commit("HEAD") == head
    assert resolve_commit(head[:10]) == head
    for bad in ("HEAD:configs", "no-such-rev", "HEAD --output=x", ""):
        with pytest.raises(GitError):
            resolve_commit(bad)
    r = CliRunner().invoke(main, ["diff", "--git", "HEAD", "HEAD"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["diff", "--git", "HEAD:configs", "HEAD"], catch_exceptions=False)
    assert r.exit_code == 2 and "does not name a commit" in r.output


def test_a_config_path_is_a_literal_path_not_pathspec_magic(repo):
    r = CliRunner().invoke(
        main, ["diff", "--git", "--config", ":(top)configs", "HEAD", "HEAD"], catch_exceptions=False
    )
    # read literally, ':(top)configs' is no path of the commit (as magic it would be `configs`)
    assert r.exit_code == 2, r.output
    assert "did not match any files" in r.output


def _tar(members):
    import io
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        for name, link in members:
            info = tarfile.TarInfo(name)
            if link is None:
                info.size = 1
                t.addfile(info, io.BytesIO(b"x"))
            else:
                info.type = tarfile.SYMTYPE
                info.linkname = link
                t.addfile(info)
    buf.seek(0)
    return tarfile.open(fileobj=buf)


@pytest.mark.parametrize("builtin_filter", [True, False])
@pytest.mark.parametrize(
    ("members", "safe"),
    [
        ([("c/a.yaml", None)], True),
        ([("c/b.yaml", None), ("c/l.yaml", "b.yaml")], True),
        ([("../x.yaml", None)], False),
        ([("/abs.yaml", None)], False),
        ([("c/l.yaml", "../../etc/passwd")], False),
        ([("c/l.yaml", "/etc/passwd")], False),
    ],
)
def test_archive_members_never_land_outside(tmp_path, monkeypatch, members, safe, builtin_filter):
    """Python 3.11.2 (Debian 12's own) has no tarfile `data` filter: the same rules by hand."""
    import tarfile

    from csmconf.git_tree import GitError, extract_within

    if not builtin_filter:
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    elif not hasattr(tarfile, "data_filter"):
        pytest.skip("this Python has no tarfile data filter")
    into = tmp_path / "into"
    into.mkdir()
    if safe:
        extract_within(_tar(members), into)
        assert (into / members[0][0]).is_file()
    else:
        try:
            extract_within(_tar(members), into)  # refused, or (data filter) made relative
        except (GitError, tarfile.TarError):
            pass
        assert [p.name for p in tmp_path.iterdir()] == ["into"]
        assert not Path("/abs.yaml").exists()
        for path in into.rglob("*"):  # nothing extracted points outside
            if path.is_symlink():
                assert into.resolve() in path.resolve().parents
