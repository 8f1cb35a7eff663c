"""Each page's embedded JSON-LD parses (rdflib), names what the page shows, and says nothing that the linked-data
dump (jsonld/graph.jsonld) does not say with the same IRIs — apart from the page's own blank nodes."""
import json
from html.parser import HTMLParser

import pytest
from rdflib import RDF, BNode, Graph, Literal, URIRef

from pages import html_pages

SCHEMA = "https://schema.org/"
BASE = "https://example.org/safetygraph/"


class _LD(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self._open = [], False

    def handle_starttag(self, tag, attrs):
        self._open = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._open:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._open = False

    def handle_data(self, data):
        if self._open:
            self.blocks[-1] += data


def page_graph(path):
    parser = _LD()
    parser.feed(path.read_text(encoding="utf-8"))
    assert len(parser.blocks) == 1, path
    graph = Graph()
    graph.parse(data=parser.blocks[0], format="json-ld")
    return graph


@pytest.fixture(scope="module")
def dump(built):
    graph = Graph()
    graph.parse(built[0] / "jsonld" / "graph.jsonld", format="json-ld")
    return graph


def test_every_page_json_ld_is_a_subset_of_the_dump(site, dump):
    for path in html_pages(site):
        graph = page_graph(path)
        pages = list(graph.subjects(RDF.type, URIRef(SCHEMA + "CollectionPage"))) + list(
            graph.subjects(RDF.type, URIRef(SCHEMA + "SearchResultsPage")))
        assert len(pages) == 1, path
        extra = [t for t in graph if not isinstance(t[0], BNode) and t not in dump]
        assert not extra, (path.name, extra[:5])
        # The listed entries are nodes of the dump with their names.
        for item in graph.objects(None, URIRef(SCHEMA + "item")):
            assert str(item).startswith(BASE + "entries/")
            assert (item, URIRef(SCHEMA + "name"), None) in graph


def test_topic_page_is_about_its_concept_and_lists_its_entries(site, catalogue):
    concept = max((c for c in catalogue["concepts"] if c["broader"]), key=lambda c: c["totalCount"])
    graph = page_graph(site / "topics" / f"{concept['id']}.html")
    page = next(graph.subjects(RDF.type, URIRef(SCHEMA + "CollectionPage")))
    assert (page, URIRef(SCHEMA + "about"), URIRef(BASE + "concepts/" + concept["id"])) in graph
    items = set(graph.objects(None, URIRef(SCHEMA + "item")))
    assert len(items) == concept["totalCount"]
    skos_label = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    assert (URIRef(BASE + "concepts/" + concept["id"]), skos_label, Literal(concept["prefLabel"], lang="en")) in graph
