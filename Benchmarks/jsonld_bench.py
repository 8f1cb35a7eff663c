"""Benchmark: writing JSON-LD (and N-Triples, Turtle) for a ~100,000-entry build, against rdflib serialising
the same graph as JSON-LD. Run by `make bench-jsonld`; prints both times and their ratio.

The corpus is made here, in a temporary folder, never committed: every list of ../shared/corpora/*.md under
its own `#` heading, repeated, each copy with its link hosts made distinct (`https://c7.example.org/…`) so the
copies do not merge into one set of entries. The mojibake copy of the seed list is left out.
"""

from __future__ import annotations

import argparse
import re
import shutil
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import rdflib

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
LINK = re.compile(r"(https?://)(?:www\.)?", re.IGNORECASE)


def make_corpus(path: Path, copies: int) -> int:
    """Writes the scale corpus; returns its size in bytes."""
    # The mojibake copy of the seed list is left out: mixed into clean text it is (rightly) not repaired as a
    # whole, and it holds the same entries as the clean seed.
    lists = [p for p in sorted(CORPORA.glob("*.md")) if p.name != "README.md" and "mojibake" not in p.name]
    if not lists:
        sys.exit(f"bench: no lists in {CORPORA}")
    texts = [(p.stem, p.read_text(encoding="utf-8", errors="replace")) for p in lists]
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for name, text in texts:
                out.write(f"# Copy {copy}: {name}\n\n")
                out.write(LINK.sub(lambda m: f"{m.group(1)}c{copy}.", text))
                out.write("\n\n")
    return path.stat().st_size


def timings(stderr: str) -> dict[str, float]:
    """`timing: <seconds> s  <stage>` lines printed by `safetygraph build --timings`."""
    out = {}
    for line in stderr.splitlines():
        m = re.match(r"timing:\s+([0-9.]+) s\s+(.*)", line)
        if m:
            out[m.group(2)] = float(m.group(1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "safetygraph"))
    parser.add_argument("--copies", type=int, default=45, help="copies of the corpora (45 ≈ 100,000 entries)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="safetygraph-bench-"))
    try:
        corpus = work / "corpus.md"
        size = make_corpus(corpus, args.copies)
        print(f"corpus: {args.copies} copies of {CORPORA}/*.md, {size / 1e6:.1f} MB")

        os.sync()  # no timed step pays for an earlier one's writeback
        start = time.perf_counter()
        result = subprocess.run(
            # Without the site and the drawings: they do not touch the linked data, and the build runs them at
            # the same time as the linked-data writers, which would blur the writers' own times.
            [args.binary, "build", "--list", str(corpus), "--output", str(work / "Output"), "--timings", "--quiet",
             "--no-site", "--no-graphs"],
            cwd=ROOT, capture_output=True, text=True,
        )
        wall = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"bench: build failed ({result.returncode}):\n{result.stderr[-3000:]}")
        print(result.stdout.strip())
        stages = timings(result.stderr)
        for stage, seconds in stages.items():
            print(f"  ours   {seconds:8.3f} s  {stage}")
        ours_jsonld = stages.get("linked data: nodes", 0) + stages.get("linked data: JSON-LD", 0)
        ours_all = next(v for k, v in stages.items() if k.startswith("linked data ("))
        print(f"  ours   {wall:8.3f} s  whole build (wall clock)")

        nt = work / "Output" / "rdf" / "graph.nt"
        sizes = {p.name: p.stat().st_size for p in (work / "Output").glob("*/*")}
        print("  files: " + ", ".join(f"{name} {size / 1e6:.0f} MB" for name, size in sorted(sizes.items())))

        os.sync()  # no timed step pays for an earlier one's writeback
        start = time.perf_counter()
        graph = rdflib.Graph()
        graph.parse(nt, format="nt")
        load = time.perf_counter() - start
        print(f"  rdflib {load:8.3f} s  parse graph.nt ({len(graph)} triples)")

        os.sync()  # no timed step pays for an earlier one's writeback
        start = time.perf_counter()
        graph.serialize(destination=str(work / "rdflib.jsonld"), format="json-ld")
        rdflib_jsonld = time.perf_counter() - start
        print(f"  rdflib {rdflib_jsonld:8.3f} s  serialize(format=\"json-ld\")")

        print()
        # The stage clocks add up the seconds of every thread making runs of entries: CPU time, against rdflib's
        # single thread; the whole linked-data stage is wall-clock time.
        print(f"JSON-LD writing, ours (nodes + JSON-LD writer, 3 dumps + context; seconds of all threads): {ours_jsonld:.2f} s")
        print(f"all linked data, ours (+ N-Triples + Turtle; wall clock):                                {ours_all:.2f} s")
        print(f"rdflib serialize(format='json-ld') of the same graph:              {rdflib_jsonld:.2f} s")
        if ours_jsonld > 0:
            print(f"ratio rdflib / ours (JSON-LD): {rdflib_jsonld / ours_jsonld:.1f}x;"
                  f" rdflib / ours (all six files): {rdflib_jsonld / ours_all:.1f}x")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
