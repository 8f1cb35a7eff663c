"""SPARQL over the exported graph (pyoxigraph) answers tag queries exactly as `safetygraph query` does:
a concept stands for itself and everything narrower (`skos:broader*`)."""

from __future__ import annotations

import pytest

PREFIXES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def concept(build, cid):
    return f"<{build.base}concepts/{cid}>"


def sparql_ids(build, all_=(), not_=()) -> list[str]:
    """Entries tagged (through the closure) with every concept of all_ and none of not_."""
    patterns = [f"?e dcterms:subject ?t{i} . ?t{i} skos:broader* {concept(build, c)} ." for i, c in enumerate(all_)]
    exclusions = [
        f"FILTER NOT EXISTS {{ ?e dcterms:subject ?n{i} . ?n{i} skos:broader* {concept(build, c)} . }}"
        for i, c in enumerate(not_)
    ]
    query = PREFIXES + f"SELECT DISTINCT ?id WHERE {{ {' '.join(patterns)} {' '.join(exclusions)} ?e dcterms:identifier ?id . }}"
    return sorted(row["id"].value for row in build.store.query(query))


def facets(build) -> list[str]:
    rows = build.store.query(PREFIXES + "SELECT ?id WHERE { ?c skos:topConceptOf ?s ; dcterms:identifier ?id }")
    return sorted(row["id"].value for row in rows)


def busiest_narrower(build, n: int) -> list[str]:
    """The n non-facet concepts with the most entries (tagged directly), for queries that return something."""
    rows = build.store.query(
        PREFIXES + """SELECT ?id (COUNT(?e) AS ?n) WHERE {
            ?c skos:broader ?b ; dcterms:identifier ?id . ?e dcterms:subject ?c . }
            GROUP BY ?id ORDER BY DESC(?n) ?id"""
    )
    return [row["id"].value for row in rows][:n]


def test_every_facet(build):
    found = facets(build)
    assert len(found) >= 8
    for facet in found:
        assert sparql_ids(build, [facet]) == build.query_ids(facet), facet
    assert any(sparql_ids(build, [f]) for f in found)


def test_narrower_concepts_and_leaves(build):
    for cid in busiest_narrower(build, 4) + ["adversarial-attacks", "aviation"]:
        expected = build.query_ids(cid)
        assert sparql_ids(build, [cid]) == expected, cid
    assert build.query_ids("robustness"), "the query for a facet must find entries, or the comparison proves nothing"


@pytest.mark.parametrize(
    "all_, not_",
    [(["robustness", "verification-and-validation"], []), (["trustworthy-ai"], ["robustness"])],
)
def test_and_and_not(build, all_, not_):
    args = list(all_) + [a for c in not_ for a in ("--not", c)]
    assert sparql_ids(build, all_, not_) == build.query_ids(*args)
