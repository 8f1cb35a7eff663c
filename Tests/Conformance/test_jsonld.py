"""JSON-LD: the context defines every term, pyld expands every dump offline without dropping anything, and
the triples pyld makes are exactly our N-Triples."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from pyld import jsonld

from conftest import DUMPS, triples

KEYWORDS = {"@id", "@type"}


def refuse_network(url, options=None):
    raise AssertionError(f"pyld tried to load {url}: the dumps must carry their context inline")


def expand(document):
    """pyld expansion with no network, failing on any key it would drop."""
    dropped = []
    expanded = jsonld.expand(
        document, {"documentLoader": refuse_network}, on_property_dropped=lambda key: dropped.append(key)
    )
    assert dropped == [], f"pyld dropped keys: {sorted(set(map(str, dropped)))[:20]}"
    return expanded


def pyld_triples(document) -> set:
    """The triples pyld makes from a document, read back through pyoxigraph's N-Quads parser."""
    nquads = jsonld.to_rdf(document, {"documentLoader": refuse_network, "format": "application/n-quads"})
    return triples(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))


def test_context_file_is_the_inline_context_of_every_dump(build):
    context = build.json("jsonld/context.jsonld")
    assert set(context) == {"@context"}
    for dump in DUMPS:
        document = build.json(f"jsonld/{dump}")
        assert set(document) == {"@context", "@graph"}, dump
        assert document["@context"] == context["@context"], dump


def test_context_defines_every_term_explicitly(build):
    context = build.json("jsonld/context.jsonld")["@context"]
    assert "@vocab" not in context and "@base" not in context
    for term, definition in context.items():
        iri = definition if isinstance(definition, str) else definition["@id"]
        assert iri.startswith(("http://", "https://")), term
    for dump in DUMPS:
        for node in build.json(f"jsonld/{dump}")["@graph"]:
            for key in node:
                assert key in KEYWORDS or key in context, f"{dump}: key {key!r} is not a term of the context"
            types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            assert all(t in context for t in types), f"{dump}: a type of {node['@id']} is not a term"


def test_graph_is_flat_and_every_id_absolute(build):
    for dump in DUMPS:
        for node in build.json(f"jsonld/{dump}")["@graph"]:
            assert node["@id"].startswith(build.base)
            for key, value in node.items():
                for v in value if isinstance(value, list) else [value]:
                    assert isinstance(v, str), f"{dump}: {node['@id']} {key} holds a nested object"


@pytest.mark.parametrize("dump", DUMPS)
def test_pyld_expands_without_dropping_a_key_or_value(build, dump):
    document = build.json(f"jsonld/{dump}")
    expanded = {node["@id"]: node for node in expand(document)}
    context = document["@context"]
    assert len(expanded) == len(document["@graph"])
    for node in document["@graph"]:
        out = expanded[node["@id"]]
        for key, value in node.items():
            if key == "@id":
                continue
            values = value if isinstance(value, list) else [value]
            iri = "@type" if key == "@type" else context[key]["@id"]
            assert len(out.get(iri, [])) == len(values), f"{node['@id']}: {key} lost values in expansion"


def test_pyld_triples_equal_our_n_triples(build):
    graph = pyld_triples(build.json("jsonld/graph.jsonld"))
    assert graph == build.ox_graph
    scheme = pyld_triples(build.json("jsonld/scheme.jsonld"))
    catalog = pyld_triples(build.json("jsonld/catalog.jsonld"))
    assert scheme | catalog == graph
    assert not scheme & catalog
