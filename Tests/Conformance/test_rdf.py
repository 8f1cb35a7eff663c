"""rdflib and pyoxigraph read the JSON-LD, N-Triples and Turtle to the same graph."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib
from rdflib.compare import isomorphic, to_isomorphic

from conftest import triples


def ox_parse(path, fmt) -> set:
    return triples(ox.parse(path=path, format=fmt))


def test_pyoxigraph_reads_all_three_forms_to_one_graph(build):
    nt = build.ox_graph
    assert len(nt) > 1000
    assert ox_parse(build.path("rdf/graph.ttl"), ox.RdfFormat.TURTLE) == nt
    assert ox_parse(build.path("jsonld/graph.jsonld"), ox.RdfFormat.JSON_LD) == nt


def test_rdflib_reads_all_three_forms_to_isomorphic_graphs(build):
    nt = build.rdflib_graph
    ttl = rdflib.Graph().parse(build.path("rdf/graph.ttl"), format="turtle")
    js = rdflib.Graph().parse(build.path("jsonld/graph.jsonld"), format="json-ld")
    assert len(nt) == len(ttl) == len(js) == len(build.ox_graph)
    assert isomorphic(nt, ttl)
    assert isomorphic(nt, js)
    # No blank nodes anywhere, so isomorphic means equal, triple for triple.
    assert set(nt) == set(ttl) == set(js)
    assert not any(isinstance(t, rdflib.BNode) for triple in nt for t in triple)


def test_rdflib_and_pyoxigraph_agree(build):
    # rdflib's graph, written by rdflib and read by pyoxigraph, is pyoxigraph's graph.
    canonical = to_isomorphic(build.rdflib_graph).serialize(format="nt")
    assert triples(ox.parse(canonical, format=ox.RdfFormat.N_TRIPLES)) == build.ox_graph


def test_n_triples_has_one_line_per_triple_and_no_duplicates(build):
    lines = build.path("rdf/graph.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(build.ox_graph)
    assert all(line.endswith(" .") for line in lines)


def test_every_iri_is_absolute_and_ours_are_under_the_base(build):
    for triple in build.ox_graph:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                assert term.value.startswith(("http://", "https://")), term
        assert triple.subject.value.startswith(build.base)
