"""Shared fixtures of the linked-data conformance suite.

Every test runs the real consumers (pyld, rdflib, pyoxigraph, pyshacl) on what the built `safetygraph`
binary writes. Builds go into temporary folders: the default catalogue and every list in
../shared/corpora/*.md.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_BASE = "https://example.org/safetygraph/"
SHAPES = Path(__file__).with_name("shapes.ttl")
DUMPS = ("scheme.jsonld", "catalog.jsonld", "graph.jsonld")


def binary() -> Path:
    """The built command: $SAFETYGRAPH_BIN, else .build/debug/safetygraph."""
    path = Path(os.environ.get("SAFETYGRAPH_BIN", ROOT / ".build" / "debug" / "safetygraph"))
    if not path.is_absolute():
        path = ROOT / path
    if not os.access(path, os.X_OK):
        pytest.fail(f"no safetygraph binary at {path}: run `swift build` first or set SAFETYGRAPH_BIN")
    return path


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Runs the binary from the repository root, as a user would."""
    result = subprocess.run(
        [str(binary()), *args], cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if check and result.returncode != 0:
        pytest.fail(f"safetygraph {' '.join(args)} exited {result.returncode}:\n{result.stderr[-4000:]}")
    return result


@dataclass
class Build:
    """One build's output folder and the arguments that made it."""

    name: str
    out: Path
    project_args: list[str]
    base: str = DEFAULT_BASE
    stderr: str = ""
    _cache: dict = field(default_factory=dict)

    def path(self, relative: str) -> Path:
        return self.out / relative

    def json(self, relative: str):
        return json.loads(self.path(relative).read_text(encoding="utf-8"))

    @cached_property
    def vocab(self) -> str:
        return self.base + ("vocab/" if self.base.endswith("#") else "vocab#")

    @cached_property
    def catalog(self) -> dict:
        return self.json("catalog.json")

    @cached_property
    def ox_graph(self) -> set:
        """The triples of rdf/graph.nt as read by pyoxigraph."""
        return triples(ox.parse(path=self.path("rdf/graph.nt"), format=ox.RdfFormat.N_TRIPLES))

    @cached_property
    def rdflib_graph(self) -> rdflib.Graph:
        """rdf/graph.nt as read by rdflib."""
        return rdflib.Graph().parse(self.path("rdf/graph.nt"), format="nt")

    @cached_property
    def store(self) -> ox.Store:
        """An in-memory Oxigraph store holding rdf/graph.ttl, for SPARQL."""
        store = ox.Store()
        store.load(path=self.path("rdf/graph.ttl"), format=ox.RdfFormat.TURTLE)
        return store

    def query_ids(self, *args: str) -> list[str]:
        """`safetygraph query ARGS --format json` on the same input: the ids of the matching entries."""
        report = json.loads(run("query", *args, "--format", "json", *self.project_args).stdout)
        assert report["count"] == len(report["entries"])
        return [e["id"] for e in report["entries"]]


def triples(quads) -> set:
    """pyoxigraph's parser yields quads in the default graph: their triples, as a set."""
    return {q.triple for q in quads}


def corpus_lists() -> list[str]:
    lists = sorted(CORPORA.glob("*.md"))
    if not lists:
        pytest.fail(f"no lists in {CORPORA}: the suite needs ../shared/corpora beside the repository")
    return [str(p) for p in lists]


def make_build(name: str, out: Path, project_args: list[str], base: str = DEFAULT_BASE) -> Build:
    if out.exists():
        shutil.rmtree(out)
    extra = [] if base == DEFAULT_BASE else ["--base-iri", base]
    result = run("build", "--output", str(out), *project_args, *extra)
    return Build(name=name, out=out, project_args=project_args, base=base, stderr=result.stderr)


@pytest.fixture(scope="session")
def default_build(tmp_path_factory) -> Build:
    return make_build("default", tmp_path_factory.mktemp("default") / "Output", [])


@pytest.fixture(scope="session")
def corpora_build(tmp_path_factory) -> Build:
    args = [a for path in corpus_lists() for a in ("--list", path)]
    return make_build("corpora", tmp_path_factory.mktemp("corpora") / "Output", args)


@pytest.fixture(scope="session", params=["default", "corpora"])
def build(request) -> Build:
    """Each test taking `build` runs on the default catalogue and on the corpora."""
    return request.getfixturevalue(f"{request.param}_build")


def shapes_for(build: Build) -> rdflib.Graph:
    """The SHACL shapes, with the vocabulary namespace of this build's base."""
    text = SHAPES.read_text(encoding="utf-8").replace(DEFAULT_BASE + "vocab#", build.vocab)
    return rdflib.Graph().parse(data=text, format="turtle")
