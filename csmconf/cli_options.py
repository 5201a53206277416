"""The command line's options, defined once (dbt-core's `params.py`).

Choices come from `vocabulary.py`, which imports nothing: `csmconf --help`
loads neither pydantic nor networkx.
"""

from __future__ import annotations

import click

from . import vocabulary

DEFAULT_CONFIG = vocabulary.DEFAULT_CONFIG
TABLE_CHOICES = vocabulary.TABLES
LEVEL_CHOICES = vocabulary.LEVELS
DRAWINGS = ("dot", "mermaid", "html")


def _stack(*decorators):
    def apply(fn):
        for decorator in reversed(decorators):
            fn = decorator(fn)
        return fn

    return apply


def diagnostics_with(*extra_formats: str):
    """`--format`, `--strict`, `-q`, `-v`, with formats of a command's own beside the reporters."""
    return _stack(
        click.option("-v", "--verbose", count=True, help="more output (stage timings) on stderr"),
        click.option("-q", "--quiet", count=True, help="less output"),
        click.option("--strict", is_flag=True, help="warnings count as errors"),
        click.option(
            "--format",
            "fmt",
            type=click.Choice((*vocabulary.FORMATS, *extra_formats)),
            default="text",
            show_default=True,
            help="output format; with any but text, stdout holds only the document",
        ),
    )


#: `--format`, `--strict`, `-q`, `-v`: every command that reports diagnostics
diagnostics = _stack(
    click.option("-v", "--verbose", count=True, help="more output (stage timings) on stderr"),
    click.option("-q", "--quiet", count=True, help="less output"),
    click.option("--strict", is_flag=True, help="warnings count as errors"),
    click.option(
        "--format",
        "fmt",
        type=click.Choice(vocabulary.FORMATS),
        default="text",
        show_default=True,
        help="output format; with any but text, stdout holds only the document",
    ),
)

config_option = click.option(
    "--config",
    "config_opt",
    type=str,
    default=None,
    metavar="DIR",
    help=f"configuration directory (default: {DEFAULT_CONFIG}/)",
)

#: `[DIR]` and `--config DIR`
config = _stack(click.argument("directory", required=False), config_option)

principal = click.argument("principal")
level = click.argument("level", type=click.Choice(LEVEL_CHOICES))
table = click.argument("table", type=click.Choice(TABLE_CHOICES))
target = click.option(
    "--on", "target", required=True, metavar="TARGET", help="account:ID or sold_product:ID"
)
