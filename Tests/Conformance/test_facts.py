"""Nothing dropped, nothing invented: the triples about entries and sections are exactly the ones an
independent reading of catalog.json (written by another writer, JSONEncoder) says they must be, and the
concepts' labels and hierarchy match it too. The kind → type table is the README's."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote, unquote

import pyoxigraph as ox

from conftest import ROOT

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SDO = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
GYEAR = ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")


def readme_kind_types() -> dict[str, str]:
    """The table under '### Entry kinds and schema.org types' in README.md."""
    text = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    section = text.split("### Entry kinds and schema.org types", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| `([A-Za-z]+)` \|", section, flags=re.M)
    assert len(rows) > 20
    return dict(rows)


def segment(text: str) -> str:
    """One IRI path segment, as the README describes: unreserved ASCII kept, the rest %-encoded (UTF-8)."""
    if text and set(text) == {"."}:
        return "".join(f"%{b:02X}" for b in text.encode())
    return quote(text, safe="-._~")


def iri(s: str) -> ox.NamedNode:
    return ox.NamedNode(s)


def string(s: str) -> ox.Literal:
    return ox.Literal(s)


def link(url: str, actual_links: set[str]) -> ox.NamedNode:
    """A URL as it must appear: itself when it is a valid IRI, else the written IRI that decodes to it."""
    try:
        return ox.NamedNode(url)
    except ValueError:
        matches = [a for a in actual_links if unquote(a) == unquote(url)]
        assert len(matches) == 1, f"no percent-encoded form of {url!r} in the graph"
        return ox.NamedNode(matches[0])


def expected_catalog(build) -> set:
    """Every triple about entries, their authors, publishers, taggings and sections, from catalog.json."""
    base, vocab = build.base, build.vocab
    types = readme_kind_types()
    links = {t.object.value for t in build.ox_graph if isinstance(t.object, ox.NamedNode)}
    out = set()

    def add(s, p, o):
        out.add(ox.Triple(s, iri(p) if isinstance(p, str) else p, o))

    sections = set()
    for e in build.catalog["entries"]:
        s = iri(base + "entries/" + segment(e["id"]))
        add(s, RDF_TYPE, iri(SDO + types.get(e["kind"], "CreativeWork")))
        add(s, DCT + "identifier", string(e["id"]))
        add(s, SDO + "name", string(e["title"]))
        add(s, vocab + "kind", string(e["kind"]))
        if "description" in e:
            add(s, SDO + "description", string(e["description"]))
        for k in e["keywords"]:
            add(s, SDO + "keywords", string(k))
        if "year" in e:
            add(s, SDO + "datePublished", ox.Literal(f"{e['year']:04d}", datatype=GYEAR))
        add(s, SDO + "url", link(e["url"], links))
        for other in e["otherURLs"]:
            add(s, SDO + "sameAs", link(other, links))
        if "githubRepo" in e:
            add(s, SDO + "codeRepository", iri("https://github.com/" + e["githubRepo"]))
        for path in e["sectionPaths"]:
            if path:
                add(s, SDO + "isPartOf", iri(base + "sections/" + "/".join(map(segment, path))))
                sections.update(tuple(path[:n]) for n in range(1, len(path) + 1))
        for i, name in enumerate(e["authors"], start=1):
            person = iri(s.value + f"/authors/{i}")
            add(s, SDO + "author", person)
            add(person, RDF_TYPE, iri(SDO + "Person"))
            add(person, SDO + "name", string(name))
        if "organization" in e:
            org = iri(s.value + "/publisher")
            add(s, SDO + "publisher", org)
            add(org, RDF_TYPE, iri(SDO + "Organization"))
            add(org, SDO + "name", string(e["organization"]))
        for tag in e["tags"]:
            c = iri(base + "concepts/" + tag["concept"])
            add(s, DCT + "subject", c)
            add(s, SDO + "about", c)
    for path in sections:
        node = iri(base + "sections/" + "/".join(map(segment, path)))
        add(node, RDF_TYPE, iri(vocab + "Section"))
        add(node, SDO + "name", string(" › ".join(path)))
        if len(path) > 1:
            add(node, SDO + "isPartOf", iri(base + "sections/" + "/".join(map(segment, path[:-1]))))
    return out


def is_tagging(build, subject: str) -> bool:
    return "/tags/" in subject and subject.startswith(build.base + "entries/")


def test_entries_and_sections_are_exactly_the_catalogue(build):
    ours = {
        t for t in build.ox_graph
        if t.subject.value.startswith((build.base + "entries/", build.base + "sections/")) and not is_tagging(build, t.subject.value)
    }
    expected = expected_catalog(build)
    missing, invented = expected - ours, ours - expected
    assert not missing, f"{len(missing)} facts dropped, e.g. {sorted(map(str, missing))[:5]}"
    assert not invented, f"{len(invented)} facts invented, e.g. {sorted(map(str, invented))[:5]}"


def test_tag_provenance_is_exactly_the_catalogue(build):
    vocab = build.vocab
    by_subject: dict[str, dict[str, str]] = {}
    for t in build.ox_graph:
        if is_tagging(build, t.subject.value):
            by_subject.setdefault(t.subject.value, {})[t.predicate.value.removeprefix(vocab)] = t.object.value
    ours = Counter()
    for subject, facts in by_subject.items():
        assert facts.pop(RDF_TYPE.value) == vocab + "Tagging"
        entry = facts["entry"].removeprefix(build.base + "entries/")
        concept = facts["concept"].removeprefix(build.base + "concepts/")
        assert subject.startswith(facts["entry"] + f"/tags/{concept}/")
        rule = facts["rule"].removeprefix(vocab).removesuffix("Rule")
        ours[(entry, concept, rule, facts["term"], facts.get("field"))] += 1
    expected = Counter(
        (e["id"], tag["concept"], p["rule"], p["term"], p.get("field"))
        for e in build.catalog["entries"] for tag in e["tags"] for p in tag["provenance"]
    )
    assert ours == expected


def test_concepts_match_the_catalogue(build):
    graph = build.ox_graph
    concepts = {t.subject.value for t in graph if t.predicate == RDF_TYPE and t.object == iri(SKOS + "Concept")}
    assert len(concepts) == build.catalog["scheme"]["conceptCount"] == len(build.catalog["concepts"])
    labels: dict[str, set] = {}
    broader: dict[str, set] = {}
    for t in graph:
        if t.predicate.value == SKOS + "prefLabel":
            labels.setdefault(t.subject.value, set()).add((t.object.value, t.object.language))
        elif t.predicate.value == SKOS + "broader":
            broader.setdefault(t.subject.value, set()).add(t.object.value.removeprefix(build.base + "concepts/"))
    for c in build.catalog["concepts"]:
        s = build.base + "concepts/" + c["id"]
        assert s in concepts
        assert labels[s] == {(c["prefLabel"], "en")}
        assert broader.get(s, set()) == set(c["broader"])


def test_every_subject_is_one_of_ours(build):
    prefixes = tuple(build.base + p for p in ("scheme", "concepts/", "entries/", "sections/"))
    assert all(t.subject.value.startswith(prefixes) for t in build.ox_graph)
