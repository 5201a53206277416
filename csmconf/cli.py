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


def _tests_line(result) -> str | None:
    total = len(result.config.tests)
    if not total:
        return None
    if not result.tests_run:
        return f"access tests: not run ({total} declared): the configuration has errors"
    passed = sum(1 for t in result.test_results if t.passed)
    return f"access tests: {passed} of {total} passed"


def common(fn=None, *, formats=FORMATS):
    """Options shared by every command that reports diagnostics."""
    if fn is None:
        return lambda f: common(f, formats=formats)
    fn = click.option(
        "--format",
        "fmt",
        type=click.Choice(formats),
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
def main() -> None:
    """csmconf: compile customer-service access configuration (YAML) into SQL and ACL rules."""


@main.command()
@click.argument("directory", required=False)
@config_option
@common
def validate(directory, config_opt, fmt, strict, quiet, verbose):
    """Load, validate, build the graph, run every check and the tests."""
    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    result = _compile(root, out, strict=strict)
    _report(out, result.diagnostics, root, extra={"command": "validate", **_tests_extra(result)})
    line = _tests_line(result)
    if line and fmt == "text" and not quiet:
        out.doc(line + "\n")
    sys.exit(EXIT_FOUND if result.failed(strict) else EXIT_OK)


@main.command("test")
@click.argument("directory", required=False)
@config_option
@common
def test_command(directory, config_opt, fmt, strict, quiet, verbose):
    """Run the `tests:` assertions of the configuration."""
    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    result = _compile(root, out, strict=strict)
    _report(out, result.diagnostics, root, extra={"command": "test", **_tests_extra(result)})
    if fmt == "text" and not quiet:
        for t in result.test_results:
            out.doc(f"{'PASS' if t.passed else 'FAIL'}  {t.name}\n")
        line = _tests_line(result)
        if line:
            out.doc(line + "\n")
    sys.exit(EXIT_FOUND if result.failed(strict) else EXIT_OK)


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


def _lookup(result, ref: str, kinds: tuple[str, ...], what: str):
    kind = ref.partition(":")[0]
    entity = result.config.lookup(ref) if kind in kinds else None
    if entity is None:
        _fail(f"unknown {what} '{ref}' (write it as kind:id, kind one of {', '.join(kinds)})")
    return entity


def _decision_text(d, root: Path, explain: bool) -> str:
    from .render import PathShower

    show = PathShower(root)
    lines = [f"{d.principal} {d.level} {d.table} on {d.target}: {d.decision}"]
    if explain:
        for i, (g, gd, hops) in enumerate(zip(d.grants, d.grant_decisions, d.paths), 1):
            lines.append(f"  path {i} ({gd}): {g.describe()}")
            # The way to the record first, then the role/responsibility chain it goes through.
            via = len(g.via)
            for hop in [*hops[via:], *hops[:via]]:
                where = show(hop.place.file) + (f":{hop.place.line}" if hop.place.line else "")
                prefix = "via " if hop in hops[:via] else ""
                if hop.source == hop.target:  # an access entry: a statement, not a move
                    lines.append(f"    {prefix}{hop.source} {hop.label}    ({where})")
                else:
                    lines.append(
                        f"    {prefix}{hop.source} -[{hop.label}]-> {hop.target}    ({where})"
                    )
    return "\n".join(lines) + "\n"


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
    out, root, result = _query_setup(directory, config_opt, fmt, strict, quiet, verbose)
    p = _lookup(result, principal, ("contact", "consumer", "user"), "principal")
    t = _lookup(result, target, ("account", "sold_product"), "target")
    d = result.engine.decide(p, level, table, t, explain=True)
    if fmt == "text":
        out.doc(_decision_text(d, root, explain))
    else:
        out.doc(
            json.dumps(
                {"format_version": 1, "command": "check", **_decision_dict(d, root)},
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    sys.exit(EXIT_FOUND if d.decision == "denied" else EXIT_OK)


def _decision_dict(d, root: Path) -> dict:
    from .render import PathShower

    show = PathShower(root)
    doc = d.to_dict()
    for path, (_g, hops) in zip(doc["paths"], zip(d.grants, d.paths)):
        for hop_dict, hop in zip(path["hops"], hops):
            hop_dict["place"] = show(hop.place.file) + (
                f":{hop.place.line}:{hop.place.column}" if hop.place.line else ""
            )
    return doc


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
    out, root, result = _query_setup(directory, config_opt, fmt, strict, quiet, verbose)
    t = _lookup(result, target, ("account", "sold_product"), "target")
    engine = result.engine
    decisions = engine.who_can(level, table, t, explain=True)
    if fmt == "text":
        if not decisions:
            out.doc(f"nobody may {level} {table} on {target}\n")
        for d in decisions:
            out.doc(_decision_text(d, root, explain=True))
    else:
        out.doc(
            json.dumps(
                {
                    "format_version": 1,
                    "command": "who-can",
                    "level": level,
                    "table": table,
                    "target": target,
                    "principals": [_decision_dict(d, root) for d in decisions],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    sys.exit(EXIT_OK)


@main.command("what-can")
@click.argument("principal", required=False)
@click.argument("directory", required=False)
@click.option("--all", "all_", is_flag=True, help="every principal, streamed (csv, json, text)")
@config_option
@common(formats=(*FORMATS, "csv"))
def what_can(principal, directory, config_opt, fmt, strict, quiet, verbose, all_):
    """Every declared target x table x level that PRINCIPAL (or, with --all, anyone) is not denied."""
    if all_:  # `what-can --all [DIR]`: the one positional argument is the directory
        from .emit import expansion

        if directory is not None or fmt not in expansion.FORMATS:
            _fail("what-can --all takes no PRINCIPAL and writes csv, json or text")
        shown = "text" if fmt == "csv" else fmt  # diagnostics of an invalid config: text on stderr
        _out, _root, result = _query_setup(principal, config_opt, shown, strict, quiet, verbose)
        expansion.stream(result.engine, fmt, sys.stdout.write)
        sys.exit(EXIT_OK)
    if principal is None or fmt == "csv":
        _fail("what-can needs PRINCIPAL (or --all); --format csv goes with --all")
    out, _root, result = _query_setup(directory, config_opt, fmt, strict, quiet, verbose)
    p = _lookup(result, principal, ("contact", "consumer", "user"), "principal")
    decisions = result.engine.what_can(p)
    if fmt == "text":
        if not decisions:
            out.doc(f"{principal} is denied everything\n")
        for d in decisions:
            out.doc(f"{d.decision:<12} {d.level:<7} {d.table:<13} {d.target}\n")
    else:
        out.doc(
            json.dumps(
                {
                    "format_version": 1,
                    "command": "what-can",
                    "principal": principal,
                    "access": [
                        {
                            "target": d.target,
                            "table": d.table,
                            "level": d.level,
                            "decision": d.decision,
                        }
                        for d in decisions
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
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
    from .emit import compare_outputs, render_outputs, write_outputs

    out = Out(fmt, quiet, verbose)
    root = _config_dir(directory, config_opt)
    target = Path(out_dir)
    result = _compile(root, out, exclude=target, strict=strict)
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


@main.group("import")
def import_group():
    """Adopt what exists: import configuration and data from another system."""


@import_group.command("servicenow")
@click.argument("sources", nargs=-1, required=True, metavar="SRC...")
@click.option(
    "-o", "--output", "out_dir", required=True, metavar="DIR", help="directory for the tree"
)
@click.option("--force", is_flag=True, help="replace a non-empty DIR")
@click.option("--sys-id-namespace", default=None, metavar="UUID", help="the exporter's namespace")
@common
def import_servicenow(sources, out_dir, force, sys_id_namespace, fmt, strict, quiet, verbose):
    """Read ServiceNow exports (Import XML, update set, Table API JSON); write a csmconf tree."""
    from .importer import run

    out = Out(fmt, quiet, verbose)
    code, result, message = run(
        [Path(s) for s in sources], Path(out_dir), force, sys_id_namespace, strict
    )
    if result is not None:
        _report(out, result.diagnostics, Path.cwd(), extra={"command": "import servicenow"})
    click.echo(f"csmconf: {message}" if code == 2 else message, err=True)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
