"""One access decision with its paths, as text (`--explain`) and as JSON; shared by check and who-can."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .paths import PathShower

if TYPE_CHECKING:
    from ..graph.access import Decision


def human(d: Decision, show: PathShower, explain: bool) -> str:
    lines = [f"{d.principal} {d.level} {d.table} on {d.target}: {d.decision}"]
    if explain:
        for i, (g, gd, hops) in enumerate(zip(d.grants, d.grant_decisions, d.paths), 1):
            lines.append(f"  path {i} ({gd}): {g.describe()}")
            # The way to the record first, then the role/responsibility chain it goes through.
            via = len(g.via)
            for hop in [*hops[via:], *hops[:via]]:
                where = show.where(hop.place, columns=False)
                prefix = "via " if hop in hops[:via] else ""
                if hop.source == hop.target:  # an access entry: a statement, not a move
                    lines.append(f"    {prefix}{hop.source} {hop.label}    ({where})")
                else:
                    lines.append(
                        f"    {prefix}{hop.source} -[{hop.label}]-> {hop.target}    ({where})"
                    )
    return "\n".join(lines) + "\n"


def as_dict(d: Decision, show: PathShower) -> dict:
    doc = d.to_dict()
    for path, hops in zip(doc["paths"], d.paths):
        for hop_dict, hop in zip(path["hops"], hops):
            hop_dict["place"] = show.where(hop.place)
    return doc
