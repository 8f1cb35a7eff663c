"""--base-iri, determinism, and IRIs that stay put when lists are re-ordered."""

from __future__ import annotations

import filecmp

import pyoxigraph as ox
import pytest

from conftest import CORPORA, corpus_lists, make_build, run, shapes_for, triples

HASH_BASE = "https://data.example.net/kb/graph#"


@pytest.fixture(scope="module")
def hash_build(tmp_path_factory):
    return make_build("hash", tmp_path_factory.mktemp("hash") / "Output", [], base=HASH_BASE)


def test_a_hash_base_gives_valid_iris_under_it(hash_build, default_build):
    graph = hash_build.ox_graph
    assert len(graph) == len(default_build.ox_graph)
    assert all(t.subject.value.startswith(HASH_BASE) for t in graph)
    assert ox.NamedNode(HASH_BASE + "concepts/robustness") in {t.subject for t in graph}
    # One `#` per IRI: the vocabulary moves to {base}vocab/.
    assert hash_build.vocab == HASH_BASE + "vocab/"
    assert any(t.predicate.value == HASH_BASE + "vocab/kind" for t in graph)
    for relative in ("rdf/graph.ttl", "jsonld/graph.jsonld"):
        fmt = ox.RdfFormat.TURTLE if relative.endswith("ttl") else ox.RdfFormat.JSON_LD
        assert triples(ox.parse(path=hash_build.path(relative), format=fmt)) == graph
    # The default build's graph, with every IRI moved to the new base, is this graph.
    moved = default_build.path("rdf/graph.nt").read_text(encoding="utf-8")
    moved = moved.replace(default_build.vocab, hash_build.vocab).replace(default_build.base, HASH_BASE)
    assert triples(ox.parse(moved, format=ox.RdfFormat.N_TRIPLES)) == graph
    assert shapes_for(hash_build)


@pytest.mark.parametrize(
    "base",
    ["ftp://example.org/", "https://example.org/no-slash", "relative/", "https://exa mple.org/",
     "https://example.org/a b/", "https://example.org/?q=1/", "https:///", "https://example.org/a#b#", ""],
)
def test_bad_base_iris_are_usage_errors(base, tmp_path):
    result = run("build", "--output", str(tmp_path / "Output"), "--base-iri", base, check=False)
    assert result.returncode == 64, result.stderr
    assert "base" in result.stderr.lower()
    assert not (tmp_path / "Output").exists()


def test_two_builds_are_byte_identical(default_build, tmp_path):
    again = make_build("again", tmp_path / "Output", [])
    comparison = filecmp.dircmp(default_build.out, again.out)
    files = ["context.jsonld", "scheme.jsonld", "catalog.jsonld", "graph.jsonld"]
    match, mismatch, errors = filecmp.cmpfiles(default_build.out / "jsonld", again.out / "jsonld", files, shallow=False)
    assert match == files, (mismatch, errors)
    match, mismatch, errors = filecmp.cmpfiles(default_build.out / "rdf", again.out / "rdf", ["graph.nt", "graph.ttl"], shallow=False)
    assert len(match) == 2, (mismatch, errors)
    assert not comparison.left_only and not comparison.right_only


def test_iris_do_not_depend_on_list_order(tmp_path):
    lists = [p for p in corpus_lists() if "safety-critical" in p or "llm-security" in p]
    assert len(lists) >= 3, CORPORA
    forward = make_build("forward", tmp_path / "a" / "Output", [a for p in lists for a in ("--list", p)])
    backward = make_build("backward", tmp_path / "b" / "Output", [a for p in reversed(lists) for a in ("--list", p)])
    # The same resources get the same IRIs (what is said about a resource listed twice may differ: the first
    # listing wins the title, and so the tags).
    def nodes(build):
        return {t.subject.value for t in build.ox_graph if "/authors/" not in t.subject.value
                and "/tags/" not in t.subject.value and not t.subject.value.endswith("/publisher")}
    assert nodes(forward) == nodes(backward)
    # An entry whose record is the same in both builds is described by exactly the same triples.
    records = lambda b: {e["id"]: {k: v for k, v in e.items() if k not in ("sources", "related")} for e in b.catalog["entries"]}
    same = [i for i, r in records(forward).items() if records(backward).get(i) == r]
    assert len(same) > 100
    def about(build, ids):
        prefixes = tuple(build.base + "entries/" + i for i in ids)
        return {t for t in build.ox_graph if t.subject.value.startswith(prefixes)}
    assert about(forward, same) == about(backward, same)
