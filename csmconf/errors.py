"""The one exception a library function raises when a command cannot run (exit 2).

Bad *configuration* is never an exception (it is a `Diagnostic`); this is for
what stops a run before it starts: a missing directory, an unknown git revision,
an unknown principal on the command line. The CLI turns it into `csmconf: MESSAGE`
on stderr (and, with `--format sarif`, a document with a tool execution notification).
"""


class CannotRun(Exception):
    pass
