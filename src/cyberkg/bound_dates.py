"""The date each Party became bound: the entry-into-force formulae of the final clauses.

The rows come from the `bound_dates` query (one per consent to be bound, with the rules of its
instrument read from the graph); this module does the date arithmetic, which SPARQL engines do
not agree on. The formulae, as the graph states them (ck:EntryIntoForceRule):

- general entry into force (ETS185 36(3), ETS189 10(1), UNCC 65(1)): the instrument enters into
  force once ck:consentsRequired consents have been expressed (ETS185: of which at least
  ck:memberConsentsRequired by member States of the Council of Europe; UNCC: an instrument of a
  regional economic integration organisation is not counted in addition to those of its member
  States, so it is not counted), after ck:delayMonths or ck:delayDays;
- a Party whose consent counted towards that, or came before that date, is bound from the
  general date of entry into force;
- a later Party (ETS185 36(4), 37(2); ETS189 10(2), 11(2); UNCC 65(2)) is bound after the
  later-consent rule's delay counted from its own deposit, and never before the general date
  (UNCC 65(2) says "whichever is later"; for the others the later date is always the later one).

Delays: ck:delayMonths N = "the first day of the month following the expiration of a period of
N months after the date" — a period starting on day d of month m expires in month m+N, so the
date is the first day of month m+N+1. ck:delayDays N = "the N-th day after the date": date + N.

The general date is computed from the consents loaded, so it is right only when the profiles
hold every consent deposited up to the one that brought the instrument into force; otherwise the
status says how many consents are recorded.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

COLUMNS = ["instrument", "party", "act", "deposited", "bound", "basis", "status"]


def after_months(date: dt.date, months: int) -> dt.date:
    """The first day of the month following the expiry of `months` months after `date`."""
    index = date.year * 12 + (date.month - 1) + months + 1
    return dt.date(index // 12, index % 12 + 1, 1)


def apply_delay(date: dt.date, months: str, days: str) -> dt.date:
    """Apply a rule's delay (ck:delayMonths or ck:delayDays, as strings) to a date."""
    if months:
        return after_months(date, int(months))
    return date + dt.timedelta(days=int(days or 0))


def _trigger(rows: list[dict[str, str]]) -> dt.date | None:
    """The date of the consent that fulfils the general entry-into-force condition."""
    required = int(rows[0]["consentsRequired"])
    members_required = int(rows[0]["memberConsentsRequired"] or 0)
    first: dict[str, tuple[dt.date, bool]] = {}
    for r in rows:
        if r["reio"] == "true":
            continue  # UNCC 65(1): not counted in addition to its member States
        date = dt.date.fromisoformat(r["deposited"])
        if r["party"] not in first or date < first[r["party"]][0]:
            first[r["party"]] = (date, r["coeMember"] == "true")
    members = 0
    for count, (date, member) in enumerate(sorted(first.values()), start=1):
        members += member
        if count >= required and members >= members_required:
            return date
    return None


def compute(
    columns: list[str], rows: list[dict[str, str]]
) -> tuple[list[str], list[dict[str, str]]]:
    """Turn the `bound_dates` query rows into one row per Party and instrument."""
    by_instrument: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_instrument[r["instrument"]].append(r)
    out: list[dict[str, str]] = []
    for instrument, group in sorted(by_instrument.items()):
        general = group[0]
        trigger = _trigger(group)
        in_force = (
            apply_delay(trigger, general["generalMonths"], general["generalDays"])
            if trigger
            else None
        )
        counted = len({r["party"] for r in group if r["reio"] != "true"})
        first: dict[str, dict[str, str]] = {}
        for r in sorted(group, key=lambda r: (r["deposited"], r["act"], r["laterProvision"])):
            first.setdefault(r["party"], r)
        for party, r in sorted(first.items()):
            deposited = dt.date.fromisoformat(r["deposited"])
            row = {"instrument": instrument, "party": party, "act": r["act"],
                   "deposited": r["deposited"]}  # fmt: skip
            if in_force is None or trigger is None:
                row |= {
                    "bound": "",
                    "basis": f"{instrument} {general['generalProvision']}",
                    "status": f"not in force: {counted} of {general['consentsRequired']} "
                    "consents recorded",
                }
            elif deposited <= trigger or not r["laterProvision"]:
                row |= {"bound": in_force.isoformat(),
                        "basis": f"{instrument} {general['generalProvision']}",
                        "status": "bound from the general entry into force"}  # fmt: skip
            else:
                own = apply_delay(deposited, r["laterMonths"], r["laterDays"])
                row |= {"bound": max(own, in_force).isoformat(),
                        "basis": f"{instrument} {r['laterProvision']}",
                        "status": "bound after its own deposit"}  # fmt: skip
            out.append(row)
    return COLUMNS, out
