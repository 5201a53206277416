"""The command line: parse flags, call the pipeline or a library function, render a view, exit.

No rules and no formatting live here: options are in `cli_options.py`, shared
setup (output, configuration directory, pipeline run) in `cli_requires.py`, what
each command shows in `views/<command>.py`. Exit codes (CLI.md): 0 success,
1 errors found (or the command's "no"), 2 could not run, 130 interrupted.
Heavy libraries are imported inside the commands: `csmconf --help` loads
neither pydantic, networkx, jinja2 nor psycopg, and an answer from the cache
(cache.py, answers.py) loads neither pydantic nor networkx.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import click

from . import __version__, views, vocabulary
from . import cli_options as opt
from . import cli_requires as requires
from .cli_options import DEFAULT_CONFIG, LEVEL_CHOICES, TABLE_CHOICES  # noqa: F401 (API)
from .errors import CannotRun
from .views import EXIT_CANNOT, EXIT_INTERRUPTED


class CsmconfGroup(click.Group):
    """Ctrl-C is exit 130 (not click's "Aborted!" and 1); a usage error still writes SARIF."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\ncsmconf: interrupted; nothing was left half-written", err=True)
            sys.exit(EXIT_INTERRUPTED)

    def main(self, args=None, *rest, **kwargs):
        # click's standalone mode would turn Ctrl-C into "Aborted!" and exit 1: handled here.
        kwargs.pop("standalone_mode", None)
        try:
            code = super().main(args, *rest, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            argv = list(sys.argv[1:] if args is None else args)
            if _asks_for_sarif(argv):
                from .views.output import Out

                Out("sarif").report([], None, EXIT_CANNOT, notifications=[exc.format_message()])
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("\ncsmconf: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


def _asks_for_sarif(argv: list[str]) -> bool:
    pairs = itertools.pairwise(argv)
    return "--format=sarif" in argv or any(a == "--format" and b == "sarif" for a, b in pairs)


@click.group(cls=CsmconfGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
@opt.config
@opt.diagnostics
@requires.output("validate")
@requires.config
@requires.validation
def validate(out, root, report):
    """Load, validate, build the graph, run every check and the tests."""
    return views.validate.show(out, report)


@main.command("test")
@opt.config
@opt.diagnostics
@requires.output("test")
@requires.config
@requires.validation
def test_command(out, root, report):
    """Run the `tests:` assertions of the configuration."""
    return views.test.show(out, report)


@main.command()
@opt.principal
@opt.level
@opt.table
@opt.target
@click.option("--explain", is_flag=True, help="show every granting path, hop by hop")
@opt.config
@opt.diagnostics
@requires.output("check")
@requires.config
@requires.answer_cache
def check(out, root, cache, principal, level, table, target, explain):
    """Answer one access question: allowed, conditional or denied."""
    from .answers import cached_check, decision_data, principal_checks

    strict = out.strict
    answer = cached_check(cache, principal, level, table, target, strict) if cache else None
    diagnostics = []
    if answer is None:
        result = requires.compiled(out, root)
        p = requires.lookup(result, principal, vocabulary.PRINCIPAL_KINDS, "principal")
        t = requires.lookup(result, target, vocabulary.TARGET_KINDS, "target")
        answer = decision_data(result.engine.decide(p, level, table, t, explain=True))
        diagnostics = result.diagnostics
        if cache is not None:  # this principal's other questions are warm from now on
            question = ["check", principal, level, table, target, strict]
            cache.put_many([*principal_checks(result.engine, p, strict), (question, answer)])
    return views.check.show(out, root, answer, explain, diagnostics)


@main.command("who-can")
@opt.level
@opt.table
@opt.target
@opt.config
@opt.diagnostics
@requires.output("who-can")
@requires.config
@requires.answer_cache
def who_can(out, root, cache, level, table, target):
    """Every principal allowed or conditional, sorted by kind:id, with decision and paths."""
    from .answers import decision_data

    question = ["who-can", level, table, target, out.strict]
    answer = cache.get(question) if cache else None
    diagnostics = []
    if answer is None:
        result = requires.compiled(out, root)
        t = requires.lookup(result, target, vocabulary.TARGET_KINDS, "target")
        answer = [decision_data(d) for d in result.engine.who_can(level, table, t, explain=True)]
        diagnostics = result.diagnostics
        if cache is not None:
            cache.put(question, answer)
    return views.who_can.show(out, root, level, table, target, answer, diagnostics)


@main.command("what-can")
@click.argument("principal", required=False)
@click.argument("directory", required=False)
@click.option("--all", "all_", is_flag=True, help="every principal, streamed (csv, json, text)")
@opt.config_option
@opt.diagnostics_with("csv")
@requires.output("what-can")
def what_can(out, principal, directory, config_opt, all_):
    """Every declared target x table x level that PRINCIPAL (or, with --all, anyone) is not denied."""
    if all_ and (directory is not None or out.fmt not in vocabulary.STREAM_FORMATS):
        raise CannotRun("what-can --all takes no PRINCIPAL and writes csv, json or text")
    if not all_ and (principal is None or out.fmt == "csv"):
        raise CannotRun("what-can needs PRINCIPAL (or --all); --format csv goes with --all")
    # `what-can --all [DIR]`: the one positional argument is the directory
    root = requires.config_dir(principal if all_ else directory, config_opt)
    if all_:
        from .emit import expansion

        shown = out.fmt
        out.fmt = "text" if shown == "csv" else shown  # an invalid config's diagnostics
        result = requires.compiled(out, root)
        out.stop_progress()
        expansion.stream(result.engine, shown, sys.stdout.write)
        return views.EXIT_OK
    from .answers import what_can_data

    cache = requires.open_answer_cache(out, root)
    question = ["what-can", principal, out.strict]
    answer = cache.get(question) if cache else None
    diagnostics = []
    if answer is None:
        result = requires.compiled(out, root)
        p = requires.lookup(result, principal, vocabulary.PRINCIPAL_KINDS, "principal")
        answer = what_can_data(result.engine.what_can(p))
        diagnostics = result.diagnostics
        if cache is not None:
            cache.put(question, answer)
    return views.what_can.show(out, root, principal, answer, diagnostics)


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
@opt.config_option
@opt.diagnostics
@requires.output("diff")
def diff(out, old, new, use_git, exit_code, config_opt):
    """Access gained and lost between two configurations (directories or git revisions)."""
    import tempfile

    from .git_tree import GitError, revision_tree
    from .graph.diff import access_set, diff_access

    sides = []
    with tempfile.TemporaryDirectory(prefix="csmconf-diff-") as tmp:
        for label, name in (("old", old), ("new", new)):
            if use_git:
                config_path = config_opt or DEFAULT_CONFIG
                try:
                    root = revision_tree(name, config_path, Path(tmp) / label)
                except GitError as exc:
                    raise CannotRun(
                        f"cannot read '{config_path}' at revision '{name}': {exc}"
                    ) from None
            else:
                root = requires.config_dir(name, None)
            result = requires.run_pipeline(out, root, run_tests=False)
            if result.failed(out.strict):
                return views.diff.invalid_side(out, label, name, result)
            requires.show_warnings(out, result)
            sides.append(access_set(result.engine))
    return views.diff.show(out, old, new, diff_access(*sides), exit_code)


@main.command("fmt")
@click.argument("directory", required=False)
@opt.config_option
@click.option(
    "--check", "check_only", is_flag=True, help="change nothing; exit 1 when a file would change"
)
@opt.diagnostics
@requires.output("fmt")
@requires.config
def fmt_command(out, root, check_only):
    """Rewrite configuration files in canonical form, comments kept."""
    from .fmt import format_tree

    result = format_tree(root, check=check_only)
    if result.diagnostics or result.refused:
        return views.fmt.refused(out, result, root)
    return views.fmt.show(out, result, root, check_only)


@main.command()
@click.argument("directory", required=False)
@opt.config_option
@click.option(
    "--db",
    "url",
    required=True,
    metavar="URL",
    help="sqlite:///path.db, postgresql://user@host/db or mysql://user@host/db",
)
@click.option("--dry-run", is_flag=True, help="show the plan; change nothing")
@opt.diagnostics
@requires.output("apply")
@requires.config
@requires.compilation()
def apply(out, root, result, url, dry_run):
    """Bring a database to exactly the compiled state, in one transaction."""
    from .emit.apply import ApplyError, apply_model
    from .emit.rows import build_model

    if result.failed(out.strict):
        return views.apply.errors(out, result)
    views.apply.warnings(out, result)
    try:
        plan = apply_model(build_model(result.config), url, dry_run=dry_run, log=out.log)
    except ApplyError as exc:
        return views.apply.refused(out, result, exc)
    return views.apply.show(out, result, plan, dry_run)


@main.command()
@click.argument("directory", required=False)
@opt.config_option
@click.option(
    "--format", "drawing", type=click.Choice(opt.DRAWINGS), default="dot", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="write to a file instead of stdout",
)
@click.option(
    "--around",
    metavar="KIND:ID",
    help="draw only this principal's or account's neighbourhood",
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="with --around: how many edges away",
)
@click.option("--strict", is_flag=True, help="warnings count as errors")
@click.option("-q", "--quiet", count=True)
@click.option("-v", "--verbose", count=True)
@requires.output("graph", fixed_format="text")
@requires.config
@requires.compilation(run_tests=False)
def graph(out, root, result, drawing, output, around, depth):
    """Draw the access graph (or one neighbourhood of it)."""
    from .graph import node_id
    from .graph.draw import DRAWERS, neighbourhood

    if result.failed(out.strict):
        return views.graph.errors(out, result)
    requires.show_warnings(out, result)
    g = result.engine.graph
    if around:
        kinds = (*vocabulary.PRINCIPAL_KINDS, "account")
        g = neighbourhood(g, node_id(requires.lookup(result, around, kinds, "node")), depth)
    text = DRAWERS[drawing](g)
    if output:
        from .emit.fsio import write_file_atomic

        requires.safe_output_file(Path(output), inputs=[root])
        try:
            write_file_atomic(Path(output), text.encode("utf-8"))
        except OSError as exc:
            raise CannotRun(f"cannot write {output}: {exc}") from None
    return views.graph.show(out, text, output)


@main.command("compile")
@click.argument("directory", required=False)
@opt.config_option
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
@click.option("--force", is_flag=True, help="replace a non-empty OUT that csmconf did not write")
@opt.diagnostics
@requires.output("compile")
@requires.config
def compile_command(out, root, out_dir, check_only, force):
    """Validate, then write every output atomically (or --check it)."""
    from . import cache

    target = Path(out_dir)
    cache_opt = requires.cache_option()
    ahead = requires.render_ahead(target)
    if not check_only:
        requires.safe_output_dir(target, inputs=[root], force=force)
        unchanged = cache.output_up_to_date(root, target, cache_opt)
        if unchanged is not None:  # same inputs, same compiler, OUT as written: nothing to do
            return views.compile.up_to_date(out, root, target, unchanged)
    directory = cache.cache_dir(cache_opt)
    key = cache.state_key(root, exclude=target, memo_dir=directory) if directory else None
    result = requires.run_pipeline(out, root, exclude=target, render_ahead=ahead)
    from .emit import compare_outputs, iter_outputs, write_outputs

    if result.failed(out.strict):
        result.stop_other_lane()
        return views.compile.errors(out, result)
    # each file rendered, then written (or compared) and let go: one file held at a time
    files = out.timer.stream(iter_outputs(result, release=True), "emit", "write")
    if check_only:
        return views.compile.checked(out, result, target, compare_outputs(files, target))
    try:
        written = write_outputs(files, target)
    except OSError as exc:
        raise CannotRun(f"cannot write {target}: {exc}") from None
    if result.other_lane is not None and result.other_lane.used:  # for -v
        out.timer.detail("emit", f"{len(written)} files, 2 processes")
    if key is not None and not result.diagnostics:  # clean output: the next compile may skip
        cache.record_output(root, target, key, cache_opt)
    return views.compile.written(out, result, target, written)


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
@requires.output("schema", fixed_format="text")
def schema(out, out_dir, check_only):
    """Write the JSON Schema for configuration files."""
    from .emit.json_schema import check_schema, render_schema, write_schema

    target = Path(out_dir)
    files = render_schema()
    for name in files:
        requires.safe_output_file(target / name)
    if check_only:
        return views.schema.checked(out, check_schema(files, target))
    try:
        written = write_schema(target)
    except OSError as exc:
        raise CannotRun(f"cannot write {target}: {exc}") from None
    return views.schema.written(out, written, target)


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
@opt.diagnostics
@requires.output("import servicenow")
def import_servicenow(out, sources, out_dir, force, sys_id_namespace):
    """Read ServiceNow exports (Import XML, update set, Table API JSON); write a csmconf tree."""
    from .importer import run

    code, result, message = run(
        [Path(s) for s in sources], Path(out_dir), force, sys_id_namespace, out.strict
    )
    return views.import_servicenow.show(out, code, result, message)


if __name__ == "__main__":  # pragma: no cover
    main()
