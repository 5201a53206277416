"""The one exception a library function raises when a command cannot run (exit 2).

Bad *configuration* is never an exception (it is a `Diagnostic`); this is for
what stops a run before it starts: a missing directory, an unknown git revision,
an unknown principal on the command line. The CLI turns it into `csmconf: MESSAGE`
on stderr (and, with `--format sarif`, a document with a tool execution notification).
"""


class CannotRun(Exception):
    pass


class InvalidConfiguration(Exception):
    """A question (check, who-can, what-can) asked of an invalid configuration: exit 2.

    Carries the compilation, whose diagnostics the CLI reports before it stops.
    """

    def __init__(self, result):
        super().__init__("the configuration is invalid")
        self.result = result
