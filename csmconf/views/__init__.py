"""The presentation layer: what each command shows, in each format.

    cli.py  --parses-->  a command  --calls-->  pipeline / library  --answer-->  views.<command>

One module per command (`views/validate.py`, `views/check.py`, ...), each with a
`human` and a `json` rendering and a `show(out, ...)` that picks one by format,
prints it and returns the exit code (Terraform's command views). Diagnostics go
through one registry of reporters (`views/diagnostics.py`: text, json, sarif,
github; check-jsonschema's pattern), so a new format is one function and one
entry. Views may import the answer types (decisions, plans); nothing below them
imports a view.
"""

#: exit codes (CLI.md): success, errors found / "no", could not run; 130 after Ctrl-C (128+SIGINT)
EXIT_OK, EXIT_FOUND, EXIT_CANNOT, EXIT_INTERRUPTED = 0, 1, 2, 130

#: one module per command (plus the shared `diagnostics`, `decision`, `paths`, `output`)
COMMAND_VIEWS = (
    "validate",
    "compile",
    "test",
    "check",
    "who_can",
    "what_can",
    "diff",
    "apply",
    "fmt",
    "schema",
    "graph",
    "import_servicenow",
)


def __getattr__(name: str):
    # `views.check` imports views/check.py on first use, so a command loads only its own view.
    if name in COMMAND_VIEWS:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(name)
