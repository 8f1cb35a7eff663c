#!/usr/bin/env python3
"""The build a user would otherwise write in Python, for `make bench`: parse the lists with markdown-it-py,
tag with flashtext over the ontology's labels, build an rdflib graph (SKOS concepts, schema.org entries,
dcterms:subject tags) and serialise it as JSON-LD and N-Triples.

Usage: python_pipeline.py ONTOLOGY_DIR OUT_DIR LIST.md [LIST.md ...]
Prints one JSON object with the seconds of each stage and the entry count.

It is kept small but fair: the same entry definition in spirit (list items and table rows whose own inline
text has an http(s) link; merged by URL), every label of every concept, one pass of flashtext per entry.
"""
import glob
import json
import os
import sys
import time

import yaml
from flashtext import KeywordProcessor
from markdown_it import MarkdownIt
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

SCHEMA = Namespace("https://schema.org/")
BASE = "https://example.org/safetygraph/"


def load_concepts(folder):
    concepts = []
    for path in sorted(glob.glob(os.path.join(folder, "concepts", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            concepts.extend(yaml.safe_load(f)["concepts"])
    return concepts


def entries_of(md, text):
    """(url, title, inline text) of every list item / table cell inline run holding an http(s) link."""
    found = []
    for token in md.parse(text):
        if token.type != "inline" or not token.children:
            continue
        href, title, parts, in_link = None, [], [], False
        for child in token.children:
            if child.type == "link_open":
                h = child.attrs.get("href", "")
                if href is None and h.startswith(("http://", "https://")):
                    href, in_link = h, True
            elif child.type == "link_close":
                in_link = False
            elif child.type in ("text", "code_inline"):
                parts.append(child.content)
                if in_link:
                    title.append(child.content)
        if href:
            found.append((href, "".join(title).strip(), " ".join(parts)))
    return found


def main():
    ontology, out_dir, lists = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    times = {}

    start = time.perf_counter()
    md = MarkdownIt("commonmark").enable("table")
    entries = {}
    for path in lists:
        with open(path, encoding="utf-8", errors="replace") as f:
            for url, title, text in entries_of(md, f.read()):
                key = url.rstrip("/").lower()
                entries.setdefault(key, (url, title, text))
    times["ingest"] = time.perf_counter() - start

    start = time.perf_counter()
    concepts = load_concepts(ontology)
    kp = KeywordProcessor(case_sensitive=False)
    for c in concepts:
        for label in [c["prefLabel"]] + c.get("altLabels", []) + c.get("hiddenLabels", []):
            kp.add_keyword(str(label), c["id"])
    tags = {key: sorted(set(kp.extract_keywords(title + " " + text))) for key, (url, title, text) in entries.items()}
    times["tag"] = time.perf_counter() - start

    start = time.perf_counter()
    g = Graph()
    for c in concepts:
        iri = URIRef(BASE + "concepts/" + c["id"])
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, SKOS.prefLabel, Literal(c["prefLabel"], lang="en")))
        for b in c.get("broader", []):
            g.add((iri, SKOS.broader, URIRef(BASE + "concepts/" + b)))
    for i, (key, (url, title, text)) in enumerate(sorted(entries.items())):
        iri = URIRef(BASE + "entries/" + str(i))
        g.add((iri, RDF.type, SCHEMA.CreativeWork))
        g.add((iri, SCHEMA.name, Literal(title)))
        g.add((iri, SCHEMA.url, URIRef(url.replace(" ", "%20"))))
        for t in tags[key]:
            g.add((iri, DCTERMS.subject, URIRef(BASE + "concepts/" + t)))
    times["link"] = time.perf_counter() - start

    start = time.perf_counter()
    g.serialize(destination=os.path.join(out_dir, "graph.jsonld"), format="json-ld")
    g.serialize(destination=os.path.join(out_dir, "graph.nt"), format="nt")
    times["jsonld_nt"] = time.perf_counter() - start

    print(json.dumps({"entries": len(entries), "seconds": {k: round(v, 4) for k, v in times.items()},
                      "total": round(sum(times.values()), 4)}, sort_keys=True))


if __name__ == "__main__":
    main()
