"""Hostile parameter values are bound as plain values or refused, never run as SPARQL."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from helpers import cyberkg
from queries import kg_support

from cyberkg.errors import InputError
from cyberkg.queries import Parameter, get_query, run, to_term, with_values

CLOSING_QUOTE = 'naklep"'
SECOND_PATTERN = '"} ?s ?p ?o . { "'
IRI_WITH_SPACES = "https://w3id.org/cyberkg/id/party/DEU> } ?s ?p ?o { <x"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return kg_support.store()


def test_a_closing_quote_is_part_of_the_searched_text(store: ox.Store) -> None:
    assert run(store, get_query("text_search"), {"text": CLOSING_QUOTE})[1] == []
    assert run(store, get_query("text_search"), {"text": "naklep"})[1] != []


def test_a_brace_and_a_second_pattern_match_nothing(store: ox.Store) -> None:
    # were it pasted into the query, ?s ?p ?o would return every triple of the graph
    assert run(store, get_query("text_search"), {"text": SECOND_PATTERN})[1] == []
    assert run(store, get_query("party_record"), {"party": SECOND_PATTERN})[1] == []


def test_regex_characters_are_literal(store: ox.Store) -> None:
    assert run(store, get_query("text_search"), {"text": ".*"})[1] == []


def test_an_iri_with_spaces_is_refused() -> None:
    param = Parameter("party", "iri", True, None, "")
    with pytest.raises(InputError, match="absolute IRI without spaces"):
        to_term(param, IRI_WITH_SPACES)


def test_the_bound_query_has_one_values_row_with_an_escaped_literal() -> None:
    text = with_values(get_query("text_search").text,
                       {ox.Variable("text"): ox.Literal(SECOND_PATTERN)})  # fmt: skip
    assert 'VALUES (?text) { ("\\"} ?s ?p ?o . { \\"") }' in text


def test_cli_treats_hostile_values_as_values(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder, _ = kg_support.built()
    for value in (CLOSING_QUOTE, SECOND_PATTERN):
        done = cyberkg("query", "text_search", "--build-dir", str(folder), "--param",
                       f"text={value}", "--format", "json")  # fmt: skip
        assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr


def test_cli_refuses_bad_parameters_with_a_message() -> None:
    folder, _ = kg_support.built()
    done = cyberkg("query", "dc_party_statements", "--build-dir", str(folder),
                   "--param", f"party={IRI_WITH_SPACES}", "--param", "instrument=x:y")  # fmt: skip
    if "no query named" in done.stderr:  # another part of the project owns that query
        pytest.skip("dc_party_statements is not in the library")
    assert done.returncode == 2
    assert "must be an absolute IRI" in done.stderr and "Traceback" not in done.stderr
    done = cyberkg("query", "text_search", "--build-dir", str(folder), "--param", "text")
    assert done.returncode == 2 and "must be written key=value" in done.stderr
    done = cyberkg("query", "text_search", "--build-dir", str(folder), "--param", "nope=1")
    assert done.returncode == 2 and "has no parameter 'nope'" in done.stderr
    done = cyberkg("query", "bound_dates", "--endpoint", "http://127.0.0.1:9/query",
                   "--profiles", str(kg_support.PROFILES))  # fmt: skip
    assert done.returncode == 2 and "--profiles cannot be used with --endpoint" in done.stderr
