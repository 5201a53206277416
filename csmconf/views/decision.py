"""One access decision with its paths, as text (`--explain`) and as JSON; shared by check and who-can.

A decision arrives as plain data (`answers.decision_data`), computed afresh or
read from the answer cache: both go through these two functions.
"""

from __future__ import annotations

from ..diagnostics import Place
from .paths import PathShower


def _where(show: PathShower, place: list, columns: bool) -> str:
    return show.where(Place(*place), columns=columns)


def human(d: dict, show: PathShower, explain: bool) -> str:
    lines = [f"{d['principal']} {d['level']} {d['table']} on {d['target']}: {d['decision']}"]
    if explain:
        for i, path in enumerate(d["paths"], 1):
            lines.append(f"  path {i} ({path['decision']}): {path['grant']}")
            hops, via = path["hops"], path["via"]
            # The way to the record first, then the role/responsibility chain it goes through.
            chain = hops[:via]
            for hop in [*hops[via:], *chain]:
                source, label, target, place = hop
                where = _where(show, place, columns=False)
                prefix = "via " if hop in chain else ""
                if source == target:  # an access entry: a statement, not a move
                    lines.append(f"    {prefix}{source} {label}    ({where})")
                else:
                    lines.append(f"    {prefix}{source} -[{label}]-> {target}    ({where})")
    return "\n".join(lines) + "\n"


def as_dict(d: dict, show: PathShower) -> dict:
    return {
        "principal": d["principal"],
        "level": d["level"],
        "table": d["table"],
        "target": d["target"],
        "decision": d["decision"],
        "paths": [
            {
                "grant": p["grant"],
                "decision": p["decision"],
                "hops": [
                    {"from": s, "edge": label, "to": t, "place": _where(show, place, True)}
                    for s, label, t, place in p["hops"]
                ],
            }
            for p in d["paths"]
        ],
    }
