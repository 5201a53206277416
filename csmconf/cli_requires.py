"""Setup shared by the commands, as decorators (dbt-core's `requires.py`).

    @requires.output("validate")      # --format/--strict/-q/-v -> `out`; exit with the returned code
    @requires.config                  # [DIR] / --config -> `root`, checked
    @requires.compilation()           # run the pipeline -> `result` (with progress and timings)
    def apply(out, root, result, ...): ...

    @requires.validation              # `report`: from the answer cache, or a fresh compile
    @requires.answer_cache            # `cache`: the answer cache of `root` (None: not used)

A command returns its exit code; `CannotRun` anywhere below becomes exit 2 with
its message (and a SARIF document when asked for one); `InvalidConfiguration`
(a question on an invalid configuration) becomes exit 2 with its diagnostics.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from .cli_options import DEFAULT_CONFIG
from .errors import CannotRun, InvalidConfiguration
from .views import EXIT_CANNOT
from .views.output import Out


def output(command: str, fixed_format: str | None = None):
    """Make `out` from the diagnostics options; exit with what the command returns."""

    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, fmt="text", strict=False, quiet=0, verbose=0, **kwargs):
            out = Out(fixed_format or fmt, quiet, verbose, strict, command)
            try:
                code = fn(*args, out=out, **kwargs)
            except InvalidConfiguration as exc:
                code = invalid(out, exc.result)
            except CannotRun as exc:
                code = out.cannot_run(str(exc))
            finally:
                out.stop()
            sys.exit(code)

        return wrapper

    return decorate


def config_dir(positional: str | None, option: str | None) -> Path:
    if positional and option and Path(positional) != Path(option):
        raise CannotRun("give the configuration directory once (DIR or --config), not both")
    path = Path(positional or option or DEFAULT_CONFIG)
    if not path.exists():
        raise CannotRun(f"configuration directory '{path}' does not exist")
    if not path.is_dir():
        raise CannotRun(f"'{path}' is not a directory")
    return path


def config(fn):
    """`[DIR]` and `--config DIR` -> `root`, an existing directory."""

    @functools.wraps(fn)
    def wrapper(*args, directory=None, config_opt=None, **kwargs):
        return fn(*args, root=config_dir(directory, config_opt), **kwargs)

    return wrapper


def run_pipeline(
    out: Out,
    root: Path,
    exclude: Path | None = None,
    run_tests: bool = True,
    strict: bool | None = None,
    fast_reader: bool = True,
    render_ahead=None,
):
    """Compile `root`, timing each stage (progress on a terminal), strict when asked."""
    from .pipeline import compile_config

    try:
        result = compile_config(
            root,
            exclude=exclude,
            run_tests=run_tests,
            timer=out.start(),
            fast_reader=fast_reader,
            render_ahead=render_ahead,
        )
    except NotADirectoryError:
        raise CannotRun(f"'{root}' is not a directory") from None
    if out.strict if strict is None else strict:
        result.make_strict()
    return result


def compiled(out: Out, root: Path):
    """The pipeline's result for a question (no tests run): valid, else `InvalidConfiguration`."""
    result = run_pipeline(out, root, run_tests=False)
    if result.failed(out.strict):
        raise InvalidConfiguration(result)
    show_warnings(out, result)
    return result


def compilation(run_tests: bool = True, valid: bool = False):
    """Run the pipeline -> `result`. `valid`: a question needs a valid configuration (else exit 2)."""

    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, out, root, **kwargs):
            result = run_pipeline(out, root, run_tests=run_tests)
            if valid and result.failed(out.strict):
                raise InvalidConfiguration(result)
            if valid:
                show_warnings(out, result)
            return fn(*args, out=out, root=root, result=result, **kwargs)

        return wrapper

    return decorate


def safe_output_dir(target: Path, inputs, force: bool = False) -> None:
    """OUT may be written (emit/outdir.py: never the configuration, never a stranger's dir)."""
    from .emit.outdir import UnsafeOutput, check_output_dir

    try:
        check_output_dir(target, inputs=inputs, force=force)
    except UnsafeOutput as exc:
        raise CannotRun(str(exc)) from None


def safe_output_file(target: Path, inputs=()) -> None:
    """A single output file may be written (not inside the configuration, a regular file)."""
    from .emit.outdir import UnsafeOutput, check_output_file

    try:
        check_output_file(target, inputs=list(inputs))
    except UnsafeOutput as exc:
        raise CannotRun(str(exc)) from None


def show_warnings(out: Out, result) -> None:
    """Text mode: the warnings of a valid configuration on stderr (stdout holds the answer)."""
    if out.fmt == "text" and result.diagnostics and not out.quiet:
        out.report(result.diagnostics, result.root, 0, to_stderr=True)


# -- rendering ---------------------------------------------------------------------------------


def _existing_parent(path: Path) -> str:
    """The nearest directory above `path` that exists (OUT and its parents may be new)."""
    here = os.path.dirname(os.path.abspath(path))
    while not os.path.isdir(here) and os.path.dirname(here) != here:
        here = os.path.dirname(here)
    return here


def render_ahead(out_dir: Path):
    """`compile_config`'s `render_ahead` for `compile` into `out_dir`: a second process
    renders what needs no access graph while the graph and the checks run, where that
    pays (`CSMCONF_JOBS`, emit/lanes.py), spooling beside `out_dir`. A bad
    `CSMCONF_JOBS` is refused here, before any work."""
    from .emit.lanes import jobs_asked, workers

    try:
        jobs_asked()
    except ValueError as exc:
        raise CannotRun(str(exc)) from None

    def start(tree, config):
        from .emit import OtherLane

        if workers(input_bytes=tree.input_bytes) < 2:
            return None
        return OtherLane(config, spool_dir=_existing_parent(out_dir))

    return start


# -- the answer cache (cache.py, answers.py) ----------------------------------------------------


def cache_option() -> str | None:
    """The global `--cache-dir` (before the command), or None when not given."""
    import click

    ctx = click.get_current_context(silent=True)
    obj = (ctx.find_root().obj if ctx is not None else None) or {}
    return obj.get("cache_dir")


def answer_cache(fn):
    """`cache`: the answer cache of `root`, or None when caching is off.

    Also None for SARIF and GitHub output: those report the configuration's
    diagnostics, which only a fresh compile has (the cache holds answers).
    """

    @functools.wraps(fn)
    def wrapper(*args, out, root, **kwargs):
        return fn(*args, out=out, root=root, cache=open_answer_cache(out, root), **kwargs)

    return wrapper


def open_answer_cache(out: Out, root: Path):
    """The answer cache of `root` for this output format, or None (see `answer_cache`)."""
    if out.fmt not in ("text", "json"):
        return None
    from .cache import AnswerCache

    return AnswerCache.open(root, cache_option())


def validation(fn):
    """`report` (an `answers.Validation`) for validate and test: from the cache, or compiled.

    The cache holds the diagnostics before --strict (re-applied here) and the
    test results, so every format, -q and --strict render the same data either way.
    """

    @functools.wraps(fn)
    def wrapper(*args, out, root, **kwargs):
        import time

        from .answers import Validation, validation_data
        from .cache import AnswerCache

        started = time.perf_counter()
        cache = AnswerCache.open(root, cache_option())
        data = cache.get(["validate"]) if cache is not None else None
        if data is None:
            data = validation_data(run_pipeline(out, root, strict=False))
            if cache is not None:
                cache.put(["validate"], data)
        else:
            out.log(
                f"compiled {root}: unchanged, report from the cache in "
                f"{time.perf_counter() - started:.2f}s",
                level=1,
            )
        report = Validation.from_data(data, root, out.strict)
        return fn(*args, out=out, root=root, report=report, **kwargs)

    return wrapper


def invalid(out: Out, result) -> int:
    """Answers from an invalid configuration would mislead: report why, exit 2."""
    message = "the configuration is invalid; fix the errors above first"
    if out.fmt == "text":
        out.report(result.diagnostics, result.root, EXIT_CANNOT, to_stderr=True)
        out.error(message)
    else:
        out.report(
            result.diagnostics,
            result.root,
            EXIT_CANNOT,
            extra={"answered": False},
            notifications=[message.replace("above", "reported")],
        )
    return EXIT_CANNOT


def lookup(result, ref: str, kinds: tuple[str, ...], what: str):
    """A `kind:id` from the command line -> the entity; unknown is exit 2 with a did-you-mean."""
    from .resolve.lookup import find

    entity, close = find(result.config, ref, kinds)
    if entity is None:
        message = f"unknown {what} '{ref}' (write it as kind:id, kind one of {', '.join(kinds)})"
        if close:
            message += f"; did you mean '{close}'?"
        raise CannotRun(message)
    return entity
