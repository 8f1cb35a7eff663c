"""Hostile text goes through every writer and comes back exactly, from every consumer: quotes, backslashes,
newlines, tabs, control characters, `</script>`, right-to-left marks, emoji, canonically equivalent spellings."""

from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
import rdflib
from pyld import jsonld

from conftest import DEFAULT_BASE, ROOT, make_build, triples

NFC, NFD = "\u00e9", "e\u0301"  # the same letter, two code-point sequences: nothing may normalise one into the other
CONTROLS = "\x01\x02\x08\x1b\x1f\x7f"  # ingest turns \x0b and \x0c (whitespace) into spaces; the ontology keeps them

# --- The hostile ontology: a facet whose texts are hostile (YAML double-quoted escapes give exact control characters).
DEFINITION = 'Line one\nLine two\twith tab "quotes" \\ back </script><!-- \x00\x0b\x0c' + CONTROLS + " \u202eRTL\u202c 😀 end"
PREF_LABEL = 'Hostile "facet" \\ </script>'
ALT_LABEL = f"h{NFC}stile \u200f mark 👩\u200d💻"
SCOPE_NOTE = 'Block line one\n\ttabbed line "two"\r\ncarriage'


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text`."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


CONCEPTS = f"""concepts:
  - id: hostile-facet
    prefLabel: {yaml_quoted(PREF_LABEL)}
    altLabels: [{yaml_quoted(ALT_LABEL)}]
    hiddenLabels: [{yaml_quoted("hidden " + NFD)}]
    definition: {yaml_quoted(DEFINITION)}
    scopeNote: {yaml_quoted(SCOPE_NOTE)}
"""

# --- The hostile list.
LIST = f"""# Hostile list

## Tools

- [Quote "double" and 'single' \\\\ back\\\\slash &lt;/script&gt; &lt;!-- x --&gt; 😀 smile](https://example.org/hostile/one) - Ctrl {CONTROLS} and RTL \u202eevil\u202c mark \u200f emoji 👩\u200d💻🇪🇺 and\ttab &amp; amp.
- [Keywords](https://example.org/hostile/two) - `key"word` `back\\slash` `</script> tag` `{NFC}`
- [Weird link](<https://example.org/a/{{c}}|d^e`f\\g?q="x"&r=y#frag#two>) - braces and pipes.
- [Unicode link {NFD}](https://example.org/{NFC}/😀?q=ü) - a valid IRI with non-ASCII characters.
"""

# Ingest removes control characters, bidi controls and invisible marks from list text (with a warning for the
# bidi ones), so the entry carries the rest; the ontology above carries controls and RTL marks to the writers.
ENTRY_ONE = {
    "title": "Quote \"double\" and 'single' \\ back\\slash </script> <!-- x --> 😀 smile",
    "description": "Ctrl and RTL evil mark emoji 👩\u200d💻🇪🇺 and tab & amp.",
}
KEYWORDS = {'key"word', "back\\slash", "</script> tag", NFC}
SDO = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    ontology = root / "Ontology"
    shutil.copytree(ROOT / "Ontology", ontology)
    (ontology / "catalogue.md").unlink()
    (ontology / "overrides.yaml").write_text("overrides: []\n", encoding="utf-8")
    (ontology / "concepts" / "zz-hostile.yaml").write_text(CONCEPTS, encoding="utf-8")
    lst = root / "hostile.md"
    lst.write_text(LIST, encoding="utf-8")
    return make_build("hostile", root / "Output", ["--ontology", str(ontology), "--list", str(lst)])


def entry_iri(build, url: str) -> str:
    entry = next(e for e in build.catalog["entries"] if e["url"] == url)
    return build.base + "entries/" + entry["id"]


def concept_iri(build) -> str:
    return build.base + "concepts/hostile-facet"


# Every consumer, as a function from (build) to a set of (subject, predicate, python value, language) tuples.
def values_rdflib(path, fmt):
    graph = rdflib.Graph().parse(path, format=fmt)
    return {(str(s), str(p), str(o), o.language) for s, p, o in graph if isinstance(o, rdflib.Literal)}


def values_oxigraph(path, fmt):
    return {
        (t.subject.value, t.predicate.value, t.object.value, t.object.language)
        for t in triples(ox.parse(path=path, format=fmt)) if isinstance(t.object, ox.Literal)
    }


def values_pyld(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": None})
    return {
        (t.subject.value, t.predicate.value, t.object.value, t.object.language)
        for t in triples(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)) if isinstance(t.object, ox.Literal)
    }


CONSUMERS = {
    "rdflib json-ld": lambda b: values_rdflib(b.path("jsonld/graph.jsonld"), "json-ld"),
    "rdflib n-triples": lambda b: values_rdflib(b.path("rdf/graph.nt"), "nt"),
    "rdflib turtle": lambda b: values_rdflib(b.path("rdf/graph.ttl"), "turtle"),
    "pyoxigraph json-ld": lambda b: values_oxigraph(b.path("jsonld/graph.jsonld"), ox.RdfFormat.JSON_LD),
    "pyoxigraph n-triples": lambda b: values_oxigraph(b.path("rdf/graph.nt"), ox.RdfFormat.N_TRIPLES),
    "pyoxigraph turtle": lambda b: values_oxigraph(b.path("rdf/graph.ttl"), ox.RdfFormat.TURTLE),
    "pyld json-ld": lambda b: values_pyld(b.path("jsonld/graph.jsonld")),
}


def test_the_catalogue_holds_the_hostile_texts(hostile):
    # Guards the test itself: ingest and the ontology loader pass the texts through as expected.
    one = next(e for e in hostile.catalog["entries"] if e["url"] == "https://example.org/hostile/one")
    assert {k: one[k] for k in ENTRY_ONE} == ENTRY_ONE
    two = next(e for e in hostile.catalog["entries"] if e["url"] == "https://example.org/hostile/two")
    assert set(two["keywords"]) == KEYWORDS


@pytest.mark.parametrize("consumer", sorted(CONSUMERS))
def test_every_consumer_reads_back_exactly_the_hostile_texts(hostile, consumer):
    values = CONSUMERS[consumer](hostile)
    one = entry_iri(hostile, "https://example.org/hostile/one")
    two = entry_iri(hostile, "https://example.org/hostile/two")
    concept = concept_iri(hostile)
    expected = {
        (one, SDO + "name", ENTRY_ONE["title"], None),
        (one, SDO + "description", ENTRY_ONE["description"], None),
        (concept, SKOS + "prefLabel", PREF_LABEL, "en"),
        (concept, SKOS + "altLabel", ALT_LABEL, "en"),
        (concept, SKOS + "definition", DEFINITION, "en"),
        (concept, SKOS + "scopeNote", SCOPE_NOTE, "en"),
        (concept, SKOS + "hiddenLabel", "hidden " + NFD, "en"),
        (entry_iri(hostile, f"https://example.org/{NFC}/😀?q=ü"), SDO + "name", "Unicode link " + NFD, None),
    } | {(two, SDO + "keywords", k, None) for k in KEYWORDS}
    missing = expected - values
    assert not missing, f"{consumer} read differently: {sorted(map(repr, missing))}"


def test_json_ld_is_safe_inside_a_script_element(hostile):
    for dump in ("context", "scheme", "catalog", "graph"):
        text = hostile.path(f"jsonld/{dump}.jsonld").read_text(encoding="utf-8")
        assert "</script" not in text.lower() and "<!--" not in text, dump
        assert "<" not in text and ">" not in text and "&" not in text
        assert "\u2028" not in text and "\u2029" not in text
    assert "\\u003c/script\\u003e" in hostile.path("jsonld/graph.jsonld").read_text(encoding="utf-8")


def test_n_triples_escape_control_characters(hostile):
    text = hostile.path("rdf/graph.nt").read_text(encoding="utf-8")
    assert not any(ord(ch) < 0x20 and ch != "\n" or ord(ch) == 0x7F for ch in text)
    assert "\\u0001" in text and "\\u007F" in text and "\\n" in text and "\\t" in text and '\\"' in text


def test_bad_links_become_valid_iris_with_a_warning(hostile):
    weird = next(e for e in hostile.catalog["entries"] if e["title"] == "Weird link")
    urls = {t.object.value for t in hostile.ox_graph if t.predicate.value == SDO + "url"}
    encoded = [u for u in urls if u.startswith("https://example.org/a/")]
    assert encoded == ["https://example.org/a/%7Bc%7D%7Cd%5Ee%60f%5Cg?q=%22x%22&r=y#frag%23two"], weird["url"]
    assert "url-not-iri" not in hostile.stderr or "percent-encoded" in hostile.stderr
    assert "percent-encoded as 'https://example.org/a/%7Bc%7D" in hostile.stderr
    # A valid IRI with non-ASCII characters is kept as it is.
    assert f"https://example.org/{NFC}/😀?q=ü" in urls


def test_default_base_is_used(hostile):
    assert hostile.base == DEFAULT_BASE
