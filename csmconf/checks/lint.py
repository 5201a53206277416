"""CSM700-703: warnings. They never change an exit code, except under --strict."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..graph import AccessEngine
from ..graph.build import CONTAINS, HOLDS, HOLDS_ROLE, INCLUDES, REQUIRES, TYPED
from ..model import place_of
from ..resolve import Config
from .registry import check


@check("CSM700")
def listed_related_parties(config: Config, engine: AccessEngine):
    for sp in config.sold_products.values():
        for rp in sp.related_parties:
            if rp.type is not None and rp.party is not None and rp.responsibility is None:
                yield Diagnostic(
                    "CSM700",
                    f"{rp.party_ref} is a listed '{rp.type.name}' of '{sp.id}' with no responsibility: "
                    "it grants nothing",
                    rp.place(),
                    hint="give the party a `responsibility`, or the type a `default_responsibility`",
                )


def _write_without_read(holder):
    entries = list(holder.row.model.access or ())
    reads = {
        (e.table, e.scope) for e in entries if e is not None and {"read", "full"} & set(e.levels)
    }
    for i, e in enumerate(entries):
        if (
            e is not None
            and "write" in e.levels
            and "full" not in e.levels
            and (e.table, e.scope) not in reads
        ):
            node = holder.row.node.child("access")
            node = node.child(i) if node is not None else None
            place = holder.place("access", i)
            if node is not None and node.child("levels") is not None:
                place = place_of(holder.row.file, node.child("levels"))
            yield Diagnostic(
                "CSM701",
                f"{holder.kind} '{holder.id}' grants write on {e.table} ({e.scope}) without read",
                place,
                hint="write implies nothing: add read to `levels` if writers should see what they change",
            )


@check("CSM701")
def write_without_read(config: Config, engine: AccessEngine):
    for index in (config.roles, config.responsibilities):
        for holder in index.values():
            if not holder.builtin:
                yield from _write_without_read(holder)


@check("CSM702")
def unused(config: Config, engine: AccessEngine):
    g = engine.graph
    role_uses = {HOLDS_ROLE, CONTAINS, REQUIRES}
    resp_uses = {HOLDS, INCLUDES, TYPED}
    for index, uses, what in (
        (config.roles, role_uses, "role"),
        (config.responsibilities, resp_uses, "responsibility"),
    ):
        for entity in index.values():
            if entity.builtin:
                continue
            node = f"{entity.kind}:{entity.id}"
            used = any(
                data["rel"] in uses and u != node for u, _v, data in g.in_edges(node, data=True)
            )
            if not used:
                yield Diagnostic(
                    "CSM702",
                    f"{what} '{entity.id}' is declared but nothing uses it",
                    entity.id_place,
                    hint="hold it, reference it, or remove it",
                )


@check("CSM703")
def partners_without_customers(config: Config, engine: AccessEngine):
    has_partner_access = {
        rel.from_account.id
        for rel in config.account_relationships
        if rel.from_account is not None and rel.type is not None and rel.type.partner_access
    }
    for account in config.accounts.values():
        if account.partner and account.id not in has_partner_access:
            yield Diagnostic(
                "CSM703",
                f"partner account '{account.id}' has no partner-access relationship to any customer",
                account.place("partner"),
                hint="add an account relationship of type partner_account from it",
            )
