"""`cyberkg profile template`: a commented Turtle skeleton of a profile, one block per option."""

from __future__ import annotations

import textwrap

import pyoxigraph as ox

from .iris import instrument_iri
from .queries import get_query, run

_HEAD = """\
# National implementation profile of {party} under {instrument} — a skeleton to fill in.
#
# Each block below is one statement, commented out. Uncomment the blocks that apply, replace
# YYYY-MM-DD with the date of the act, fill in values, and validate with
#     cyberkg validate THIS_FILE.ttl
# The act classes are ck:Signature, ck:Ratification, ck:Acceptance, ck:Approval, ck:Accession,
# ck:Reservation, ck:Declaration, ck:Notification, ck:ImplementationChoice (a choice made in
# national law), ck:Withdrawal and ck:Denunciation. Statement IRIs may be any IRIs; the ones
# below follow docs/iri-scheme.md.

@prefix ck:      <https://w3id.org/cyberkg/ontology#> .
@prefix id:      <https://w3id.org/cyberkg/id/> .
@prefix party:   <https://w3id.org/cyberkg/id/party/> .
@prefix profile: <https://w3id.org/cyberkg/id/profile/> .
@prefix {prefix}: <{namespace}/> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

profile:{party} a ck:Profile ;
    ck:party party:{party} .

# --- Signature and consent to be bound -------------------------------------------------
# <{base}/signature/none/YYYY-MM-DD> a ck:Signature ;
#     ck:party party:{party} ; ck:instrument id:{instrument} ; ck:date "YYYY-MM-DD"^^xsd:date .
# <{base}/ratification/none/YYYY-MM-DD> a ck:Ratification ;
#     ck:party party:{party} ; ck:instrument id:{instrument} ; ck:date "YYYY-MM-DD"^^xsd:date .
# (Link every statement to the profile: profile:{party} ck:statement <...> .)

# --- Options the instrument leaves to a Party ------------------------------------------
"""

_VALUE_LINES = {
    "age": "#     ck:ageValue 16 ;  # an integer",
    "provisions": "#     ck:scope {prefix}:artN-N ;  # each provision the statement is limited to",
    "text": '#     ck:textValue "..." ;',
    "keys": "#     ck:exercisesOption {prefix}:opt-KEY ;  # each qualifier chosen",
}


def _comment(text: str, width: int = 92) -> list[str]:
    return ["#   " + line for line in textwrap.wrap(text, width=width)]


def profile_template(store: ox.Store, instrument: str, party: str) -> str:
    """The skeleton for one Party under one instrument."""
    namespace = str(instrument_iri(instrument))
    prefix = instrument.lower()
    base = f"https://w3id.org/cyberkg/id/profile/{party}/{instrument}"
    out = [_HEAD.format(party=party, instrument=instrument, prefix=prefix, namespace=namespace,
                        base=base)]  # fmt: skip
    _, rows = run(store, get_query("option_details"), {"instrument": instrument})
    language = "hr" if instrument == "UNCC" else "sl"
    for row in rows:
        out.append(
            f"# [{row['kind']}] {row['key']} — {instrument} {row['provision']}: {row['label']}"
        )
        if row["definition"]:
            out += _comment(row["definition"])
        if row["text"]:
            out += _comment(f'text ({language}): "{row["text"]}"')
        local = row["option"].rsplit("/", 1)[-1]
        provision_local = row["provisionIri"].rsplit("/", 1)[-1]
        act_class = row["exercisedBy"].rsplit("#", 1)[-1]
        dashed = provision_local.removeprefix("art")
        out.append(f"# <{base}/{row['act']}/{dashed}/YYYY-MM-DD> a ck:{act_class} ;")
        out.append(f"#     ck:party party:{party} ; ck:instrument id:{instrument} ;")
        out.append(f"#     ck:provision {prefix}:{provision_local} ;")
        if row["kind"] != "qualifier":
            out.append(f"#     ck:exercisesOption {prefix}:{local} ;")
        else:
            out.append(
                f"#     ck:exercisesOption {prefix}:{local} ;  # with the other qualifiers chosen"
            )
        if row["valueType"] in _VALUE_LINES:
            out.append(_VALUE_LINES[row["valueType"]].format(prefix=prefix))
        out.append('#     ck:date "YYYY-MM-DD"^^xsd:date .')
        out.append("")
    return "\n".join(out)
