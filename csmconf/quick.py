"""Warm answers before the command line library is loaded.

A question on an unchanged tree is one row of the answer cache (cache.py),
but importing click alone costs about 60 ms here, most of the 100 ms that a
warm `check`, `who-can` or `what-can` may take (issue 8). So the executable
first hands its arguments to `answer`, which understands only the plain
shapes of those commands and of `validate` and `test`:

    [--cache-dir DIR] check PRINCIPAL LEVEL TABLE --on TARGET [DIR] [options]
    [--cache-dir DIR] who-can LEVEL TABLE --on TARGET [DIR] [options]
    [--cache-dir DIR] what-can PRINCIPAL [DIR] [options]
    [--cache-dir DIR] validate|test [DIR] [options]

with the options `--config`, `--format`, `--strict`, `-q`/`--quiet` (and
`--explain` for `check`). When the answer is in the cache it is rendered by
the command's own view, exactly as the command would (a test compares both
on every shape); anything else, a cache miss, `--help`, `-v`, an unknown
option or a usage error, returns None and click parses the arguments as it
always does. Nothing here writes a file but the cache's digest memo.
"""

from __future__ import annotations

from pathlib import Path

from . import vocabulary

#: options taking a value -> the name it is kept under
_VALUED = {"--config": "config", "--format": "fmt", "--on": "target"}
#: flags -> the name they are counted under
_FLAGS = {"--strict": "strict", "-q": "quiet", "--quiet": "quiet", "--explain": "explain"}

#: command -> (positional names, options it takes, formats it answers from the cache)
_SHAPES = {
    "check": (("principal", "level", "table"), {"target", "explain"}, ("text", "json")),
    "who-can": (("level", "table"), {"target"}, ("text", "json")),
    "what-can": (("principal",), set(), ("text", "json")),
    "validate": ((), set(), vocabulary.FORMATS),
    "test": ((), set(), vocabulary.FORMATS),
}
_COMMON = {"config", "fmt", "strict", "quiet"}


def parse(argv: list[str]) -> tuple[str, dict] | None:
    """(command, arguments) for a shape listed above, else None."""
    args = list(argv)
    cache_dir = None
    if args and (args[0] == "--cache-dir" or args[0].startswith("--cache-dir=")):
        name = args.pop(0)
        cache_dir = name.partition("=")[2] if "=" in name else (args.pop(0) if args else None)
        if cache_dir is None:
            return None
    if not args or args[0] not in _SHAPES:
        return None
    command = args.pop(0)
    names, own, formats = _SHAPES[command]
    allowed = _COMMON | own
    seen: dict = {"cache_dir": cache_dir, "fmt": "text", "strict": 0, "quiet": 0, "explain": 0}
    given: set[str] = set()
    positional: list[str] = []
    while args:
        token = args.pop(0)
        option, eq, value = token.partition("=")
        if option in _VALUED and _VALUED[option] in allowed:
            name = _VALUED[option]
            if not eq:
                if not args:
                    return None
                value = args.pop(0)
            if name in given:
                return None  # click keeps the last; leave such lines to it
            given.add(name)
            seen[name] = value
        elif token in _FLAGS and _FLAGS[token] in allowed:
            seen[_FLAGS[token]] += 1
        elif token.startswith("-"):
            return None  # -h, -v, --all, --, combined flags, anything unknown
        else:
            positional.append(token)
    if not len(names) <= len(positional) <= len(names) + 1:
        return None
    seen.update(zip(names, positional))
    seen["directory"] = positional[len(names)] if len(positional) > len(names) else None
    if "target" in own and "target" not in given:
        return None
    if seen["fmt"] not in formats:
        return None
    if seen.get("level", "read") not in vocabulary.LEVELS:
        return None
    if seen.get("table", "case") not in vocabulary.TABLES:
        return None
    return command, seen


def answer(argv: list[str]) -> int | None:
    """The exit code after printing a cached answer, or None when the command line must run."""
    parsed = parse(argv)
    if parsed is None:
        return None
    command, a = parsed
    try:
        root = _root(a["directory"], a.get("config"))
        if root is None:
            return None
        from .cache import AnswerCache
        from .views.output import Out

        cache = AnswerCache.open(root, a["cache_dir"])
        if cache is None:
            return None
        out = Out(a["fmt"], a["quiet"], 0, bool(a["strict"]), command)
        shown = _ANSWERS[command](cache, out, root, a)
        if shown is not None:
            out.stop()
        return shown
    except KeyboardInterrupt:
        import sys

        sys.stderr.write("\ncsmconf: interrupted; nothing was left half-written\n")
        return 130  # views.EXIT_INTERRUPTED, as the command line exits after Ctrl-C


def _root(directory: str | None, option: str | None) -> Path | None:
    """What `cli_requires.config_dir` accepts; None where it would refuse (click reports it)."""
    if directory and option and Path(directory) != Path(option):
        return None
    path = Path(directory or option or vocabulary.DEFAULT_CONFIG)
    return path if path.is_dir() else None


def _check(cache, out, root: Path, a: dict) -> int | None:
    from . import views
    from .answers import cached_check

    d = cached_check(cache, a["principal"], a["level"], a["table"], a["target"], out.strict)
    return None if d is None else views.check.show(out, root, d, bool(a["explain"]))


def _who_can(cache, out, root: Path, a: dict) -> int | None:
    from . import views

    rows = cache.get(["who-can", a["level"], a["table"], a["target"], out.strict])
    if rows is None:
        return None
    return views.who_can.show(out, root, a["level"], a["table"], a["target"], rows)


def _what_can(cache, out, root: Path, a: dict) -> int | None:
    from . import views

    rows = cache.get(["what-can", a["principal"], out.strict])
    return None if rows is None else views.what_can.show(out, root, a["principal"], rows)


def _validation(cache, out, root: Path, a: dict) -> int | None:
    from . import views
    from .answers import Validation

    data = cache.get(["validate"])
    if data is None:
        return None
    report = Validation.from_data(data, root, out.strict)
    return (views.validate if out.command == "validate" else views.test).show(out, report)


_ANSWERS = {
    "check": _check,
    "who-can": _who_can,
    "what-can": _what_can,
    "validate": _validation,
    "test": _validation,
}
