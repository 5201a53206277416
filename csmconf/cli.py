"""The command line: parse flags, call the pipeline, render. No rules live here.

Exit codes (CLI.md): 0 success, 1 errors found (or the command's "no"), 2
could not run. With a machine format, stdout holds only the document; logs
go to stderr.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from . import __version__, vocabulary
from .diagnostics import Diagnostic
from .render import FORMATS, render

DEFAULT_CONFIG = "configs"
# From the vocabulary, which imports nothing: `csmconf --help` loads neither networkx nor pydantic.
TABLE_CHOICES = vocabulary.TABLES
LEVEL_CHOICES = vocabulary.LEVELS
EXIT_OK, EXIT_FOUND, EXIT_CANNOT = 0, 1, 2


class Out:
    """Where output goes, and how it looks."""

    def __init__(self, fmt: str = "text", quiet: int = 0, verbose: int = 0):
        self.fmt = fmt
        self.quiet = quiet
        self.verbose = verbose
        self.color = sys.stdout.isatty() and "NO_COLOR" not in os.environ

    def doc(self, text: str) -> None:
        sys.stdout.write(text)

    def log(self, message: str, level: int = 0) -> None:
        """Progress and notes: stderr, shown unless -q (or, for level > 0, without -v)."""
        if self.quiet or level > self.verbose:
            return
        click.echo(message, err=True)


def _fail(message: str) -> None:
    click.echo(f"csmconf: {message}", err=True)
    sys.exit(EXIT_CANNOT)


def _config_dir(positional: str | None, option: str | None) -> Path:
    if positional and option and Path(positional) != Path(option):
        _fail("give the configuration directory once (DIR or --config), not both")
    path = Path(positional or option or DEFAULT_CONFIG)
    if not path.exists():
        _fail(f"configuration directory '{path}' does not exist")
    if not path.is_dir():
        _fail(f"'{path}' is not a directory")
    return path


def _compile(
    root: Path, out: Out, exclude: Path | None = None, run_tests: bool = True, strict: bool = False
):
    from .pipeline import compile_config

    started = time.perf_counter()
    try:
        result = compile_config(root, exclude=exclude, run_tests=run_tests)
    except NotADirectoryError:
        _fail(f"'{root}' is not a directory")
    out.log(f"compiled {root} in {time.perf_counter() - started:.2f}s", level=1)
    if strict:
        result.make_strict()
    return result


def _report(out: Out, diags: list[Diagnostic], root: Path, extra: dict | None = None) -> None:
    if out.fmt == "text":
        if out.quiet and not diags:
            return
        text = render("text", diags, root, color=out.color)
        if out.quiet:
            text = "".join(line + "\n" for line in text.splitlines()[:-1])
        out.doc(text)
    else:
        out.doc(render(out.fmt, diags, root, extra=extra))


def _tests_extra(result) -> dict:
    from .render import PathShower

    show = PathShower(result.root)
    results = []
    for t in result.test_results:
        d = t.to_dict()
        place = t.row.place
        d["place"] = f"{show(place.file)}:{place.line}:{place.column}"
        results.append(d)
    return {
        "tests": {
            "run": result.tests_run,
            "total": len(result.config.tests),
            "passed": sum(1 for t in result.test_results if t.passed),
            "failed": sum(1 for t in result.test_results if not t.passed),
            "results": results,
        }
    }


def common(fn):
    """Options shared by every command that reports diagnostics."""
    fn = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="output format; with any but text, stdout holds only the document",
    )(fn)
    fn = click.option("--strict", is_flag=True, help="warnings count as errors")(fn)
    fn = click.option("-q", "--quiet", count=True, help="less output")(fn)
    fn = click.option("-v", "--verbose", count=True, help="more output (stage timings) on stderr")(
        fn
    )
    return fn


def config_option(fn):
    fn = click.option(
        "--config",
        "config_opt",
        type=str,
        default=None,
        metavar="DIR",
        help=f"configuration directory (default: {DEFAULT_CONFIG}/)",
    )(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="csmconf")
@click.option(
    "--cache-dir",
    metavar="DIR",
    default=None,
    help="cache of answers (default: $CSMCONF_CACHE_DIR, else the user cache dir; 'off': none)",
)
@click.pass_context
def main(ctx: click.Context, cache_dir: str | None) -> None:
    """csmconf: compile customer-service access configuration (YAML) into SQL and ACL rules."""
    from .runtime import pause_cyclic_gc

    ctx.obj = {"cache_dir": cache_dir}

    # No cyclic GC while a command runs (docs/performance.md); restored when it ends.
    ctx.call_on_close(pause_cyclic_gc())


@main.command()
@click.argument("directory", required=False)
@config_option
@common
def validate(directory, config_opt, fmt, strict, quiet, verbose):
    """Load, validate, build the graph, run every check and the tests."""
    from .answers import tests_extra, tests_line

    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    answer, diags, failed = _validation(root, out, strict)
    _report(out, diags, root, extra={"command": "validate", **tests_extra(answer["tests"], root)})
    line = tests_line(answer["tests"])
    if line and fmt == "text" and not quiet:
        out.doc(line + "\n")
    sys.exit(EXIT_FOUND if failed else EXIT_OK)


def _validation(root: Path, out: Out, strict: bool):
    """(validation data, diagnostics as reported, failed?) from the cache or a fresh compile."""
    from .answers import diagnostics_from, validation_data
    from .diagnostics import count
    from .diagnostics import strict as strict_diagnostics

    started = time.perf_counter()
    answer, store = _cached_answer(root, ["validate"])
    if answer is None:
        answer = validation_data(_compile(root, out))
        store(answer)
    else:
        out.log(
            f"compiled {root}: unchanged, report from the cache in "
            f"{time.perf_counter() - started:.2f}s",
            level=1,
        )
    diags = diagnostics_from(answer)
    if strict:
        diags = strict_diagnostics(diags)
    errors, warnings = count(diags)
    return answer, diags, bool(errors or (strict and warnings))


@main.command("test")
@click.argument("directory", required=False)
@config_option
@common
def test_command(directory, config_opt, fmt, strict, quiet, verbose):
    """Run the `tests:` assertions of the configuration."""
    from .answers import tests_extra, tests_line

    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    answer, diags, failed = _validation(root, out, strict)
    _report(out, diags, root, extra={"command": "test", **tests_extra(answer["tests"], root)})
    if fmt == "text" and not quiet:
        for t in answer["tests"]["results"]:
            out.doc(f"{'PASS' if t['passed'] else 'FAIL'}  {t['name']}\n")
        line = tests_line(answer["tests"])
        if line:
            out.doc(line + "\n")
    sys.exit(EXIT_FOUND if failed else EXIT_OK)


def _query_setup(directory, config_opt, fmt, strict, quiet, verbose):
    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    result = _compile(root, out, run_tests=False, strict=strict)
    if result.failed(strict):
        # Answers from an invalid configuration would mislead: report why, exit 2.
        if fmt == "text":
            click.echo(render("text", result.diagnostics, root), err=True, nl=False)
            click.echo(
                "csmconf: the configuration is invalid; fix the errors above first", err=True
            )
        else:
            out.doc(render(fmt, result.diagnostics, root, extra={"answered": False}))
        sys.exit(EXIT_CANNOT)
    return out, root, result


def _answer_cache(root: Path):
    """The answer cache of the tree at `root` (cache.py), or None when caching is off."""
    from .cache import AnswerCache

    obj = click.get_current_context().find_root().obj or {}
    return AnswerCache.open(root, obj.get("cache_dir"))


def _cached_answer(root: Path, question: list):
    """(cached answer or None, function storing a fresh one): see cache.py."""
    cache = _answer_cache(root)
    if cache is None:
        return None, lambda answer: None
    return cache.get(question), lambda answer: cache.put(question, answer)


def _lookup(result, ref: str, kinds: tuple[str, ...], what: str):
    kind = ref.partition(":")[0]
    entity = result.config.lookup(ref) if kind in kinds else None
    if entity is None:
        _fail(f"unknown {what} '{ref}' (write it as kind:id, kind one of {', '.join(kinds)})")
    return entity


@main.command()
@click.argument("principal")
@click.argument("level", type=click.Choice(LEVEL_CHOICES))
@click.argument("table", type=click.Choice(TABLE_CHOICES))
@click.option(
    "--on", "target", required=True, metavar="TARGET", help="account:ID or sold_product:ID"
)
@click.option("--explain", is_flag=True, help="show every granting path, hop by hop")
@click.argument("directory", required=False)
@config_option
@common
def check(
    principal, level, table, target, explain, directory, config_opt, fmt, strict, quiet, verbose
):
    """Answer one access question: allowed, conditional or denied."""
    from .answers import cached_check, decision_data, principal_checks, render_check

    root = _config_dir(directory, config_opt)
    cache = _answer_cache(root)
    answer = cached_check(cache, principal, level, table, target, strict) if cache else None
    if answer is None:
        _out, root, result = _query_setup(directory, config_opt, fmt, strict, quiet, verbose)
        p = _lookup(result, principal, ("contact", "consumer", "user"), "principal")
        t = _lookup(result, target, ("account", "sold_product"), "target")
        answer = decision_data(result.engine.decide(p, level, table, t, explain=True))
        if cache is not None:  # this principal's other questions are warm from now on
            question = ["check", principal, level, table, target, strict]
            cache.put_many([*principal_checks(result.engine, p, strict), (question, answer)])
    sys.stdout.write(render_check(answer, root, fmt, explain))
    sys.exit(EXIT_FOUND if answer["decision"] == "denied" else EXIT_OK)


@main.command("who-can")
@click.argument("level", type=click.Choice(LEVEL_CHOICES))
@click.argument("table", type=click.Choice(TABLE_CHOICES))
@click.option(
    "--on", "target", required=True, metavar="TARGET", help="account:ID or sold_product:ID"
)
@click.argument("directory", required=False)
@config_option
@common
def who_can(level, table, target, directory, config_opt, fmt, strict, quiet, verbose):
    """Every principal allowed or conditional, sorted by kind:id, with decision and paths."""
    from .answers import decision_data, render_who_can

    root = _config_dir(directory, config_opt)
    answer, store = _cached_answer(root, ["who-can", level, table, target, strict])
    if answer is None:
        _out, root, result = _query_setup(directory, config_opt, fmt, strict, quiet, verbose)
        t = _lookup(result, target, ("account", "sold_product"), "target")
        answer = [decision_data(d) for d in result.engine.who_can(level, table, t, explain=True)]
        store(answer)
    sys.stdout.write(render_who_can(answer, level, table, target, root, fmt))
    sys.exit(EXIT_OK)


@main.command("what-can")
@click.argument("principal")
@click.argument("directory", required=False)
@config_option
@common
def what_can(principal, directory, config_opt, fmt, strict, quiet, verbose):
    """Every declared target x table x level that PRINCIPAL is not denied."""
    from .answers import render_what_can, what_can_data

    root = _config_dir(directory, config_opt)
    answer, store = _cached_answer(root, ["what-can", principal, strict])
    if answer is None:
        _out, _root, result = _query_setup(directory, config_opt, fmt, strict, quiet, verbose)
        p = _lookup(result, principal, ("contact", "consumer", "user"), "principal")
        answer = what_can_data(result.engine.what_can(p))
        store(answer)
    sys.stdout.write(render_what_can(answer, principal, fmt))
    sys.exit(EXIT_OK)


def _revision_tree(rev: str, config_path: str, into: Path) -> Path:
    """Extract `config_path` as it is in git revision `rev` into `into`."""
    import io
    import subprocess
    import tarfile

    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
        ).stdout.strip()
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], capture_output=True, text=True, check=True
        ).stdout.strip()
        inside = (Path(prefix) / config_path).as_posix().rstrip("/")
        data = subprocess.run(
            ["git", "-C", top, "archive", "--format=tar", rev, "--", inside],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        detail = (
            detail.decode(errors="replace").strip() if isinstance(detail, bytes) else str(detail)
        )
        _fail(f"cannot read '{config_path}' at revision '{rev}': {detail or exc}")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    root = into / inside
    root.mkdir(parents=True, exist_ok=True)
    return root


@main.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--git",
    "use_git",
    is_flag=True,
    help="OLD and NEW are git revisions; the config path is resolved in each",
)
@click.option("--exit-code", is_flag=True, help="exit 1 when access changed")
@config_option
@common
def diff(old, new, use_git, exit_code, config_opt, fmt, strict, quiet, verbose):
    """Access gained and lost between two configurations (directories or git revisions)."""
    import tempfile

    from .graph.diff import access_set, diff_access

    out = Out(fmt, quiet, verbose)
    with tempfile.TemporaryDirectory(prefix="csmconf-diff-") as tmp:
        if use_git:
            config_path = config_opt or DEFAULT_CONFIG
            roots = [
                _revision_tree(old, config_path, Path(tmp) / "old"),
                _revision_tree(new, config_path, Path(tmp) / "new"),
            ]
        else:
            roots = [_config_dir(old, None), _config_dir(new, None)]
        sides = []
        for label, root in zip(("old", "new"), roots):
            result = _compile(root, out, run_tests=False, strict=strict)
            if result.failed(strict):
                if fmt == "text":
                    click.echo(render("text", result.diagnostics, root), err=True, nl=False)
                else:
                    out.doc(render(fmt, result.diagnostics, root, extra={"side": label}))
                _fail(f"the {label} configuration ({old if label == 'old' else new}) is invalid")
            sides.append(access_set(result.engine))
    changes = diff_access(*sides)
    if fmt == "text":
        marks = {"gained": "+", "lost": "-", "changed": "~"}
        for c in changes:
            detail = (
                c.after
                if c.kind == "gained"
                else c.before
                if c.kind == "lost"
                else f"{c.before} -> {c.after}"
            )
            out.doc(f"{marks[c.kind]} {c.principal} {c.level} {c.table} on {c.target}: {detail}\n")
        if not quiet:
            counts = {k: sum(1 for c in changes if c.kind == k) for k in marks}
            out.log(
                f"{counts['gained']} gained, {counts['lost']} lost, {counts['changed']} changed"
            )
    else:
        out.doc(
            json.dumps(
                {
                    "format_version": 1,
                    "command": "diff",
                    "old": old,
                    "new": new,
                    "changes": [c.to_dict() for c in changes],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    sys.exit(EXIT_FOUND if changes and exit_code else EXIT_OK)


@main.command("fmt")
@click.argument("directory", required=False)
@config_option
@click.option(
    "--check", "check_only", is_flag=True, help="change nothing; exit 1 when a file would change"
)
@common
def fmt_command(directory, config_opt, check_only, fmt, strict, quiet, verbose):
    """Rewrite configuration files in canonical form, comments kept."""
    from .fmt import format_tree

    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    result = format_tree(root, check=check_only)
    if result.diagnostics or result.refused:
        # A file that does not parse cleanly cannot be rewritten safely.
        click.echo(render("text", result.diagnostics, root), err=True, nl=False)
        for rel, why in sorted(result.refused.items()):
            click.echo(f"csmconf: {rel}: not formatted: {why}", err=True)
        sys.exit(EXIT_CANNOT)
    if fmt == "text":
        verb = "would reformat" if check_only else "reformatted"
        for rel in result.changed:
            out.doc(f"{verb}: {rel}\n")
        if not quiet:
            out.log(
                f"{len(result.changed)} file(s) {verb}, {len(result.unchanged)} already canonical"
            )
    else:
        _report(
            out,
            [],
            root,
            extra={
                "command": "fmt",
                "check": check_only,
                "changed": result.changed,
                "unchanged": result.unchanged,
            },
        )
    sys.exit(EXIT_FOUND if check_only and result.changed else EXIT_OK)


@main.command()
@click.argument("directory", required=False)
@config_option
@click.option(
    "--db",
    "url",
    required=True,
    metavar="URL",
    help="sqlite:///path.db, postgresql://user@host/db or mysql://user@host/db",
)
@click.option("--dry-run", is_flag=True, help="show the plan; change nothing")
@common
def apply(directory, config_opt, url, dry_run, fmt, strict, quiet, verbose):
    """Bring a database to exactly the compiled state, in one transaction."""
    from .emit.apply import ApplyError, apply_model
    from .emit.rows import build_model

    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    result = _compile(root, out, strict=strict)
    if result.failed(strict):
        _report(out, result.diagnostics, root, extra={"command": "apply", **_tests_extra(result)})
        out.log("errors found: the database was not changed")
        sys.exit(EXIT_FOUND)
    try:
        plan = apply_model(build_model(result.config, result.engine), url, dry_run=dry_run)
    except ApplyError as exc:
        _fail(f"{exc} (nothing was changed)")
    if fmt == "text":
        inserts, updates, deletes = plan.totals()
        out.doc(f"plan for {plan.url} ({plan.dialect}):\n")
        if plan.create_schema:
            out.doc(f"  create the schema ({len(plan.tables)} tables)\n")
        for t in plan.tables:
            if t.changed:
                out.doc(f"  {t.table}: +{t.insert} ~{t.update} -{t.delete}\n")
        if not plan.changed:
            out.doc("  nothing to do: the database is up to date\n")
        verb = (
            "applied" if plan.applied else "dry run, nothing changed" if dry_run else "up to date"
        )
        out.doc(f"{verb}: {inserts} inserted, {updates} updated, {deletes} deleted\n")
    else:
        _report(
            out,
            result.diagnostics,
            root,
            extra={"command": "apply", "dry_run": dry_run, "plan": plan.to_dict()},
        )
    sys.exit(EXIT_OK)


@main.command()
@click.argument("directory", required=False)
@config_option
@click.option(
    "--format",
    "drawing",
    type=click.Choice(("dot", "mermaid", "html")),
    default="dot",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="write to a file instead of stdout",
)
@click.option("--strict", is_flag=True, help="warnings count as errors")
@click.option("-q", "--quiet", count=True)
@click.option("-v", "--verbose", count=True)
def graph(directory, config_opt, drawing, output, strict, quiet, verbose):
    """Draw the access graph."""
    from .graph.draw import DRAWERS

    out = Out("text", quiet, verbose)
    root = _config_dir(directory, config_opt)
    result = _compile(root, out, run_tests=False, strict=strict)
    if result.failed(strict):
        click.echo(render("text", result.diagnostics, root), err=True, nl=False)
        sys.exit(EXIT_FOUND)
    text = DRAWERS[drawing](result.engine.graph)
    if output:
        from .emit.fsio import write_file_atomic

        try:
            write_file_atomic(Path(output), text.encode("utf-8"))
        except OSError as exc:
            _fail(f"cannot write {output}: {exc}")
        out.log(f"wrote {output}")
    else:
        out.doc(text)
    sys.exit(EXIT_OK)


@main.command("compile")
@click.argument("directory", required=False)
@config_option
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="generated",
    show_default=True,
    metavar="OUT",
    help="output directory",
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="compare with OUT instead of writing; exit 1 when out of date",
)
@common
def compile_command(directory, config_opt, out_dir, check_only, fmt, strict, quiet, verbose):
    """Validate, then write every output atomically (or --check it)."""
    from . import cache

    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    target = Path(out_dir)
    cache_opt = (click.get_current_context().find_root().obj or {}).get("cache_dir")
    if not check_only:
        unchanged = cache.output_up_to_date(root, target, cache_opt)
        if unchanged is not None:  # same inputs, same compiler, OUT as written: nothing to do
            _report(out, [], root, extra={"command": "compile", "written": unchanged})
            out.log(f"{target} is up to date ({len(unchanged)} files); nothing written")
            sys.exit(EXIT_OK)
    key = cache.state_key(root, exclude=target) if cache.cache_dir(cache_opt) else None
    result = _compile(root, out, exclude=target, strict=strict)
    from .emit import compare_outputs, render_outputs, write_outputs

    if result.failed(strict):
        _report(out, result.diagnostics, root, extra={"command": "compile", **_tests_extra(result)})
        out.log("errors found: nothing written")
        sys.exit(EXIT_FOUND)
    files = render_outputs(result)
    if check_only:
        differences = compare_outputs(files, target)
        _report(
            out,
            result.diagnostics,
            root,
            extra={"command": "compile", "up_to_date": not differences, "differences": differences},
        )
        for line in differences:
            click.echo(f"out of date: {line}", err=True)
        if differences:
            click.echo(
                f"{target} is out of date; run `csmconf compile {root} -o {target}`", err=True
            )
        sys.exit(EXIT_FOUND if differences else EXIT_OK)
    try:
        write_outputs(files, target)
    except OSError as exc:
        _fail(f"cannot write {target}: {exc}")
    if key is not None and not result.diagnostics:
        cache.record_output(root, target, key, cache_opt)
    _report(out, result.diagnostics, root, extra={"command": "compile", "written": sorted(files)})
    out.log(f"wrote {len(files)} files to {target}")
    sys.exit(EXIT_OK)


@main.command()
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    metavar="DIR",
    help="directory for the JSON Schema files",
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="compare with DIR instead of writing; exit 1 when stale",
)
def schema(out_dir, check_only):
    """Write the JSON Schema for configuration files."""
    from .emit.json_schema import render_schema, write_schema

    files = render_schema()
    target = Path(out_dir)
    if check_only:
        # Only the schema files are compared: the directory may hold other files.
        differences = [
            f"{'missing' if not (target / name).is_file() else 'changed'} {name}"
            for name, data in sorted(files.items())
            if not (target / name).is_file() or (target / name).read_bytes() != data
        ]
        for line in differences:
            click.echo(f"out of date: {line}", err=True)
        sys.exit(EXIT_FOUND if differences else EXIT_OK)
    try:
        write_schema(target)
    except OSError as exc:
        _fail(f"cannot write {target}: {exc}")
    click.echo(f"wrote {len(files)} file(s) to {target}", err=True)
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
