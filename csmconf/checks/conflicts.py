"""CSM500-513: rows that are well formed and resolve, but contradict the access rules."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Related
from ..graph import AccessEngine
from ..resolve import Config
from ..resolve.objects import Account
from .registry import check


@check("CSM500")
def relationship_ends(config: Config, engine: AccessEngine):
    for rel in config.account_relationships:
        t, a, b = rel.type, rel.from_account, rel.to_account
        if t is None or not all(t.known(f) for f in ("from", "to", "partner_access")):
            continue  # the type's own CSM202 says what is wrong; guessing here would cascade
        if a is not None and not (a.known("partner") and a.known("customer")):
            a = None
        if b is not None and not (b.known("partner") and b.known("customer")):
            b = None
        if a is not None and t.from_end == "partner" and not a.partner:
            yield Diagnostic(
                "CSM500",
                f"account '{a.id}' is not a partner, but the `from` end of '{t.id}' must be one",
                rel.place("from"),
                related=(Related(a.id_place, f"account '{a.id}' (partner: false)"),),
                hint="set `partner: true` on the account, or use another relationship type",
            )
        if b is not None and b is not a:
            if t.to_end == "partner" and not b.partner:
                yield Diagnostic(
                    "CSM500",
                    f"account '{b.id}' is not a partner, but the `to` end of '{t.id}' must be one",
                    rel.place("to"),
                    related=(Related(b.id_place, f"account '{b.id}' (partner: false)"),),
                )
            elif t.partner_access and not b.customer:
                yield Diagnostic(
                    "CSM500",
                    f"account '{b.id}' is not a customer, but '{t.id}' gives partner access to its `to` end",
                    rel.place("to"),
                    related=(Related(b.id_place, f"account '{b.id}' (customer: false)"),),
                )


@check("CSM501")
def inactive_relationship_types(config: Config, engine: AccessEngine):
    for rel in config.account_relationships:
        if rel.type is not None and not rel.type.active:
            yield Diagnostic(
                "CSM501",
                f"relationship type '{rel.type.id}' is inactive and cannot be used",
                rel.place("type"),
                related=(
                    Related(rel.type.place("active"), f"'{rel.type.id}' is made inactive here"),
                ),
            )


def _duplicates(links, what: str):
    first: dict = {}
    for link in links:
        key = link.key
        if key is None:
            continue
        if key in first:
            yield Diagnostic(
                "CSM502",
                f"the same {what} is declared twice ({key.replace('|', ', ')})",
                link.place(),
                related=(Related(first[key].place(), "first declared here"),),
            )
        else:
            first[key] = link


@check("CSM502")
def duplicate_rows(config: Config, engine: AccessEngine):
    yield from _duplicates(config.account_relationships, "account relationship")
    yield from _duplicates(config.contact_relationships, "contact relationship")
    yield from _duplicates(config.team_members, "team member")
    for sp in config.sold_products.values():
        yield from _duplicates(sp.related_parties, "related party")


@check("CSM503")
def partner_roles_on_non_partners(config: Config, engine: AccessEngine):
    for contact in config.contacts.values():
        account = contact.account
        if account is None or account.partner or not account.known("partner"):
            continue
        for i, role in enumerate(contact.roles):
            if role is None:
                continue
            closure = engine.role_closure(role).keys()
            partner_roles = sorted(closure & {"partner", "partner_admin"})
            if partner_roles:
                via = "" if role.id in partner_roles else f" (it contains '{partner_roles[0]}')"
                yield Diagnostic(
                    "CSM503",
                    f"contact '{contact.id}' holds partner role '{role.id}'{via}, "
                    f"but its account '{account.id}' is not a partner",
                    contact.place("roles", i),
                    related=(
                        Related(account.id_place, f"account '{account.id}' (partner: false)"),
                    ),
                )


@check("CSM504")
def primary_contacts(config: Config, engine: AccessEngine):
    for account in config.accounts.values():
        pc = account.primary_contact
        if pc is not None and pc.account is not None and pc.account is not account:
            yield Diagnostic(
                "CSM504",
                f"primary contact '{pc.id}' belongs to account '{pc.account.id}', not '{account.id}'",
                account.place("primary_contact"),
                related=(Related(pc.place("account"), f"'{pc.id}' belongs to '{pc.account.id}'"),),
            )
    for sp in config.sold_products.values():
        c, owner = sp.contact, sp.account
        if c is not None and owner is not None and c.account is not None and c.account is not owner:
            yield Diagnostic(
                "CSM504",
                f"contact '{c.id}' of sold product '{sp.id}' belongs to account '{c.account.id}', "
                f"not to the owner '{owner.id}'",
                sp.place("contact"),
                related=(Related(c.place("account"), f"'{c.id}' belongs to '{c.account.id}'"),),
            )


@check("CSM505")
def role_kinds(config: Config, engine: AccessEngine):
    for index, forbidden, what in (
        (config.contacts, "internal", "contact"),
        (config.consumers, "internal", "consumer"),
        (config.users, "external", "user"),
    ):
        for p in index.values():
            for i, role in enumerate(p.roles):
                if role is None:
                    continue
                bad = sorted(
                    rid
                    for rid in engine.role_closure(role)
                    if config.roles[rid].role_kind == forbidden
                )
                if bad:
                    via = "" if bad[0] == role.id else f" (it contains {forbidden} role '{bad[0]}')"
                    yield Diagnostic(
                        "CSM505",
                        f"{what} '{p.id}' holds {forbidden} role '{role.id}'{via}",
                        p.place("roles", i),
                        hint="contacts and consumers hold external and either roles; users internal and either",
                    )


@check("CSM506")
def holder_types(config: Config, engine: AccessEngine):
    for links, holder in ((config.contact_relationships, "contact"), (config.team_members, "user")):
        for link in links:
            resp = link.responsibility
            if resp is not None and resp.known("type") and holder not in resp.holder_types:
                yield Diagnostic(
                    "CSM506",
                    f"responsibility '{resp.id}' is held by {', '.join(resp.holder_types)}, not by a {holder}",
                    link.place("responsibility"),
                    related=(Related(resp.place("type"), f"'{resp.id}' type"),),
                )


def _holdings(config: Config):
    """(holder principal, responsibility, holding place, record key) for every held responsibility."""
    for cr in config.contact_relationships:
        if cr.contact and cr.responsibility and cr.account:
            yield cr.contact, cr.responsibility, cr, f"account:{cr.account.id}"
    for tm in config.team_members:
        if tm.user and tm.responsibility and tm.account:
            yield tm.user, tm.responsibility, tm, f"account:{tm.account.id}"
    for sp in config.sold_products.values():
        for rp in sp.related_parties:
            if rp.party is not None and rp.responsibility is not None:
                yield rp.party, rp.responsibility, rp, f"sold_product:{sp.id}"


@check("CSM507")
def roles_required(config: Config, engine: AccessEngine):
    for holder, resp, link, _record in _holdings(config):
        if isinstance(holder, Account) or not holder.known("roles"):
            continue  # accounts hold no roles; a roles list with errors cannot be judged
        held = engine.held_roles(holder)
        for inner, _hops in engine.include_closure(resp):
            missing = [
                (i, r)
                for i, r in enumerate(inner.roles_required)
                if r is not None and r.id not in held
            ]
            if missing:
                via = "" if inner is resp else f" (required by included '{inner.id}')"
                yield Diagnostic(
                    "CSM507",
                    f"{holder.kind} '{holder.id}' holds '{resp.id}' without role"
                    f"{'s' if len(missing) > 1 else ''} {', '.join(repr(r.id) for _i, r in missing)}{via}",
                    link.place(),
                    related=tuple(
                        Related(inner.place("roles_required", i), f"'{inner.id}' requires '{r.id}'")
                        for i, r in missing
                    ),
                )


@check("CSM508")
def unique_responsibilities(config: Config, engine: AccessEngine):
    first: dict[tuple, object] = {}
    for holder, resp, link, record in _holdings(config):
        if not resp.unique:
            continue
        key = (resp.id, record)
        prior = first.get(key)
        if prior is None:
            first[key] = (holder, link)
        elif prior[0] is not holder:
            yield Diagnostic(
                "CSM508",
                f"'{resp.id}' is unique, but {record} already has a holder ({prior[0].ref})",
                link.place(),
                related=(Related(prior[1].place(), f"held by {prior[0].ref} here"),),
            )


@check("CSM509")
def one_responsibility_per_account(config: Config, engine: AccessEngine):
    if not config.settings.one_responsibility_per_contact_and_account:
        return
    first: dict[tuple, object] = {}
    for cr in config.contact_relationships:
        if not (cr.contact and cr.account and cr.responsibility):
            continue
        key = (cr.contact.id, cr.account.id)
        prior = first.get(key)
        if prior is None:
            first[key] = cr
        elif prior.responsibility is not cr.responsibility:
            yield Diagnostic(
                "CSM509",
                f"contact '{cr.contact.id}' already holds '{prior.responsibility.id}' on account "
                f"'{cr.account.id}'; one responsibility per contact and account",
                cr.place(),
                related=(Related(prior.place(), "first responsibility here"),),
                hint="or set `one_responsibility_per_contact_and_account: false` in settings",
            )


def _root(account: Account) -> Account | None:
    """The root of the account's tree; None when a `parent` on the way had an error."""
    seen = set()
    while account.id not in seen:
        if not account.known("parent"):
            return None
        if account.parent is None:
            return account
        seen.add(account.id)
        account = account.parent
    return account


@check("CSM510")
def contact_relationship_reach(config: Config, engine: AccessEngine):
    if not config.settings.restrict_contact_relationships_to_hierarchy:
        return
    related: dict[str, set[str]] = {}
    for rel in config.account_relationships:
        if rel.from_account and rel.to_account and rel.type and rel.type.active:
            related.setdefault(rel.from_account.id, set()).add(rel.to_account.id)
            related.setdefault(rel.to_account.id, set()).add(rel.from_account.id)
    for cr in config.contact_relationships:
        contact, target = cr.contact, cr.account
        if contact is None or target is None or contact.account is None:
            continue
        own = contact.account
        own_root, target_root = _root(own), _root(target)
        if own_root is None or target_root is None:
            continue  # a broken `parent` was reported; the tree cannot be judged
        if own_root is target_root or target.id in related.get(own.id, ()):
            continue
        yield Diagnostic(
            "CSM510",
            f"contact '{contact.id}' of account '{own.id}' cannot act for '{target.id}': it is outside "
            f"that account's tree and not related to it",
            cr.place("account"),
            hint="relate the accounts, or set `restrict_contact_relationships_to_hierarchy: false`",
        )


@check("CSM511")
def related_party_fit(config: Config, engine: AccessEngine):
    for sp in config.sold_products.values():
        for rp in sp.related_parties:
            t = rp.type
            if t is None:
                continue
            if t.applies_to is not None and t.applies_to != "sold_product":
                yield Diagnostic(
                    "CSM511",
                    f"related-party type '{t.id}' applies to {t.applies_to}, not to a sold product",
                    rp.place("type"),
                    related=(Related(t.place("applies_to"), f"'{t.id}' applies_to"),),
                )
            if t.entity_type is not None and rp.party_kind != t.entity_type:
                yield Diagnostic(
                    "CSM511",
                    f"related-party type '{t.id}' takes a {t.entity_type}, not a {rp.party_kind}",
                    rp.place("party"),
                    related=(Related(t.place("entity_type"), f"'{t.id}' entity_type"),),
                )
            judged = t.known("allowed_responsibilities") and t.known("default_responsibility")
            if rp.override is not None and judged and rp.override not in t.allowed:
                yield Diagnostic(
                    "CSM511",
                    f"responsibility '{rp.override.id}' is not allowed for related-party type '{t.id}'",
                    rp.place("responsibility"),
                    related=(
                        Related(t.place("allowed_responsibilities"), f"'{t.id}' allows these"),
                    ),
                    hint="allowed: " + (", ".join(r.id for r in t.allowed) or "none"),
                )


@check("CSM512")
def team_member_agents(config: Config, engine: AccessEngine):
    for tm in config.team_members:
        if (
            tm.user is not None
            and tm.user.known("roles")
            and "relationship_agent" not in engine.held_roles(tm.user)
        ):
            yield Diagnostic(
                "CSM512",
                f"user '{tm.user.id}' is a team member but does not hold 'relationship_agent'",
                tm.place("user"),
                related=(Related(tm.user.id_place, f"user '{tm.user.id}'"),),
            )


@check("CSM513")
def related_party_config_fit(config: Config, engine: AccessEngine):
    for cfg in config.related_party_configs.values():
        et = cfg.entity_type
        if et is None:
            continue
        d = cfg.default_responsibility
        if d is not None and d.known("type") and et not in d.holder_types:
            yield Diagnostic(
                "CSM513",
                f"default responsibility '{d.id}' is held by {', '.join(d.holder_types)}, not by a {et}",
                cfg.place("default_responsibility"),
            )
        for i, r in enumerate(cfg.allowed_responsibilities or ()):
            if r is not None and r.known("type") and et not in r.holder_types:
                yield Diagnostic(
                    "CSM513",
                    f"allowed responsibility '{r.id}' is held by {', '.join(r.holder_types)}, not by a {et}",
                    cfg.place("allowed_responsibilities", i),
                )
