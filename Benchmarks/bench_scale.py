#!/usr/bin/env python3
"""`make bench` at scale: SafetyGraph's stages over 1x, 5x, 20x and ~100,000 entries of the corpora, and the
tools a user would otherwise use, on the same input, in the same run. Prints tables; writes nothing to the repo.

Per scale: the in-process driver (`safetygraph-bench`: ingest, tag, link with wall time, throughput and the
process's peak RSS after each stage; `query`/`related` latency over many calls) and a whole `safetygraph build
--timings` (linked data, drawings, site; its peak RSS). On the largest scale, the peers: `cmark-gfm` parsing
the same file, GNU grep / flashtext / pyahocorasick over the same terms and text as our tagger, the Python
pipeline (markdown-it-py, flashtext, rdflib), ratios printed.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
BUILD = Path(os.environ.get("BUILD_DIR", ROOT / ".build"))
BIN = BUILD / "release" / "safetygraph"
DRIVER = BUILD / "release" / "safetygraph-bench"
PY = sys.executable
SCALES = [int(s) for s in os.environ.get("SCALES", "1,5,20,43").split(",")]
SITE_MAX = int(os.environ.get("SITE_MAX_SCALE", "5"))  # the site of 100k entries is gigabytes of pages


def settle():
    """Writes out what earlier steps left in the page cache (the builds write gigabytes), so that no timed step
    pays for an earlier one's writeback; each still pays for its own."""
    os.sync()


def run(cmd, **kw):
    """Runs cmd; returns (seconds, completed process, peak RSS in MiB of the children so far)."""
    settle()
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, done


def peak_rss_of(cmd, clear: Path | None = None) -> tuple[float, float, str]:
    """Runs cmd in a fresh Python child so that RUSAGE_CHILDREN is its own; returns (seconds, MiB, stderr).

    `clear`, the build's output folder, is removed first, outside the timing: each timed build writes a new folder,
    as the Python pipeline does, rather than also deleting the gigabyte an earlier run of the bench left there."""
    if clear is not None:
        shutil.rmtree(clear, ignore_errors=True)
    probe = (
        "import resource,subprocess,sys,time,json;"
        "t=time.perf_counter();p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
        "t=time.perf_counter()-t;"
        "print(json.dumps([t,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024,p.returncode,p.stderr[-20000:]]))"
    )
    settle()
    done = subprocess.run([PY, "-c", probe, *map(str, cmd)], capture_output=True, text=True)
    seconds, mib, code, stderr = json.loads(done.stdout)
    if code != 0:
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed ({code}):\n{stderr[-2000:]}")
    return seconds, mib, stderr


def timings(stderr: str) -> dict[str, float]:
    out = {}
    for line in stderr.splitlines():
        m = re.match(r"timing:\s+([\d.]+) s\s+(.*)", line)
        if m:
            out[m.group(2)] = float(m.group(1))
    return out


def stage_time(t: dict[str, float], prefix: str) -> float:
    return sum(v for k, v in t.items() if k.startswith(prefix))


def table(title, header, rows):
    print(f"\n{title}")
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda r: "| " + " | ".join(str(x).ljust(w) for x, w in zip(r, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))


def main():
    tmp = Path(tempfile.mkdtemp(prefix="sg-bench-"))
    try:
        measure(tmp)
    finally:
        # The builds' outputs are gigabytes: never left behind.
        shutil.rmtree(tmp, ignore_errors=True)


def measure(tmp: Path):
    rows, latency_rows, results, repeated = [], [], {}, {}
    for scale in SCALES:
        corpus = tmp / f"corpus-{scale}.md"
        subprocess.run([PY, ROOT / "Benchmarks" / "make_corpus.py", CORPORA, str(scale), corpus], check=True)
        mb = corpus.stat().st_size / 1e6
        seconds, done = run([DRIVER, "--ontology", ROOT / "Ontology", "--calls", "2000",
                             "--dump-terms", tmp / "terms.txt", "--dump-text", tmp / f"text-{scale}.txt", corpus])
        driver = json.loads(done.stdout)
        stages = {s["stage"].split(" ")[0]: s for s in driver["stages"]}
        site = scale <= SITE_MAX
        out = tmp / f"out-{scale}"
        cmd = [BIN, "build", "--quiet", "--timings", "--list", corpus, "--output", out]
        if not site:
            cmd.append("--no-site")
        # This machine's speed swings between runs (and a build's first gigabytes of output can meet a cold page
        # cache): the largest scale, the one the peers are compared with, is built three times and its median run
        # is reported, with every run's wall time printed below the table.
        # There the build the targets name (no site, no full graph: `--no-full-graph` leaves out
        # graph/knowledge-graph.dot) is run three times too, each run right after one of the full builds.
        runs, target_runs = [], []
        for _ in range(3 if scale == SCALES[-1] else 1):
            runs.append(peak_rss_of(cmd, clear=out))
            if scale == SCALES[-1]:
                # Without --timings: only its wall clock is used, and the stage clocks read the time a few million
                # times in the linked-data writers.
                target = [c for c in cmd if c != "--timings"] + ["--no-full-graph"]
                target_runs.append(peak_rss_of(target, clear=out))
        runs.sort(key=lambda r: r[0])
        target_runs.sort(key=lambda r: r[0])
        build_s, build_mib, stderr = runs[len(runs) // 2]
        build_mib = max(r[1] for r in runs)
        if len(runs) > 1:
            repeated[scale] = [r[0] for r in runs]
            repeated[f"{scale}x --no-full-graph"] = [r[0] for r in target_runs]
        t = timings(stderr)
        results[scale] = {"driver": driver, "build_seconds": build_s, "build_mib": build_mib, "timings": t, "mb": mb,
                          "target": target_runs[len(target_runs) // 2] if target_runs else None}
        n = driver["entries"]
        ing, tag, link = stages["ingest"], stages["tag"], stages["link"]
        linked = stage_time(t, "linked data (")
        graphs = stage_time(t, "graph/")
        catalogue = t.get("catalog.json", 0.0)
        # The related search, catalog.json, the linked data and the drawings run at once (the linked data from the
        # start, the others after the search): their wall time together.
        together = t.get("related entries, catalog.json, linked data and graph/, at once", 0.0)
        site_s = stage_time(t, "site/")
        rows.append([
            f"{scale}x", n, f"{mb:.1f}",
            f"{ing['seconds']:.2f} ({mb / ing['seconds']:.1f} MB/s)",
            f"{tag['seconds']:.2f} ({n / tag['seconds']:,.0f}/s)",
            f"{link['seconds']:.2f} ({n / link['seconds']:,.0f}/s)",
            f"{linked:.2f} ({n / linked:,.0f}/s)" if linked else "-",
            f"{graphs:.2f}",
            f"{catalogue:.2f}",
            f"{together:.2f}",
            f"{site_s:.2f}" if site else "not built",
            f"{ing['peak_rss_mib']:.0f}/{tag['peak_rss_mib']:.0f}/{link['peak_rss_mib']:.0f}",
            f"{build_s:.2f}", f"{build_mib:.0f}",
        ])
        for lat in driver["latency"]:
            latency_rows.append([f"{scale}x ({n} entries)", lat["what"], lat["calls"], f"{lat['median_ms']:.3f}", f"{lat['p99_ms']:.3f}"])

    table("SafetyGraph per stage (release; seconds, throughput; ingest and tag: median of 3 runs; peak RSS MiB of the "
          "in-process driver after ingest/tag/link; whole `build` wall time and peak RSS)",
          ["scale", "entries", "MB", "ingest", "tag", "link (+related)", "JSON-LD+NT+TTL", "drawings", "catalog.json",
           "those 3 at once", "site", "driver RSS i/t/l", "build s", "build RSS"], rows)
    for scale, seconds in repeated.items():
        name = scale if isinstance(scale, str) else f"{scale}x"
        print(f"{name}: the build ran {len(seconds)} times ({', '.join(f'{x:.2f}' for x in seconds)} s, sorted); "
              "the median run is reported\n")
    table("Query latency inside one process", ["corpus", "call", "calls", "median ms", "p99 ms"], latency_rows)

    # --- Peers, on the largest scale.
    big = SCALES[-1]
    corpus = tmp / f"corpus-{big}.md"
    text = tmp / f"text-{big}.txt"
    r = results[big]
    ours_ingest = next(s for s in r["driver"]["stages"] if s["stage"].startswith("ingest"))["seconds"]
    ours_tag = next(s for s in r["driver"]["stages"] if s["stage"].startswith("tag"))["seconds"]
    text_mb = text.stat().st_size / 1e6
    peers = []
    # Every peer, and our ingest and tag stages, as the median of three runs.
    settle()
    cmark_runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(["cmark-gfm", "-e", "table", "-e", "autolink", "-e", "strikethrough", "--to", "xml", str(corpus)],
                       stdout=subprocess.DEVNULL, check=True)
        cmark_runs.append(time.perf_counter() - start)
    cmark = statistics.median(cmark_runs)
    peers.append(["parse: cmark-gfm command (to XML)", f"{cmark:.2f}", f"ours ingest {ours_ingest:.2f}",
                  f"{ours_ingest / cmark:.2f}x its time"])
    env = dict(os.environ, LC_ALL="C")
    settle()
    grep_runs = []
    for _ in range(3):
        start = time.perf_counter()
        # Not to /dev/null: GNU grep notices it and stops at the first match. Into a file, as a user would.
        with open(tmp / "grep.out", "wb") as sink:
            done = subprocess.run(["grep", "-o", "-i", "-w", "-F", "-f", str(tmp / "terms.txt"), str(text)], stdout=sink, env=env)
        grep_runs.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"bench: grep failed ({done.returncode})")
    grep = statistics.median(grep_runs)
    peers.append(["tag: GNU grep -o -i -w -F -f terms (LC_ALL=C)", f"{grep:.2f} ({text_mb / grep:.1f} MB/s)",
                  f"ours tag {ours_tag:.2f} ({text_mb / ours_tag:.1f} MB/s)", f"{grep / ours_tag:.2f}x faster" if ours_tag < grep else f"{ours_tag / grep:.2f}x slower"])
    _, done = run([PY, ROOT / "Benchmarks" / "peers" / "tag_peers.py", tmp / "terms.txt", text, "--repeat", "3"])
    tp = json.loads(done.stdout)
    for name in ("flashtext", "pyahocorasick"):
        s = tp[name]["seconds"]
        peers.append([f"tag: {name}", f"{s:.2f} ({text_mb / s:.1f} MB/s)", f"ours tag {ours_tag:.2f}", f"{s / ours_tag:.1f}x faster"])
    _, done = run([PY, ROOT / "Benchmarks" / "peers" / "python_pipeline.py", ROOT / "Ontology", tmp / "py-out", corpus])
    pp = json.loads(done.stdout)
    # The whole build as the targets name it, without the site and the full graph: load, ingest, tag, link, related
    # entries, then catalog.json, the linked data (JSON-LD, N-Triples, Turtle) and the drawings (topic map and
    # neighbourhoods) at once, and the swap. The process's wall clock from start to exit, measured around it, so
    # nothing is left out. The build that also writes the whole graph's DOT is printed beside it.
    target = r["target"][0]
    ours_nosite = r["build_seconds"] - stage_time(r["timings"], "site/")
    peers.append(["whole build: Python pipeline (markdown-it-py, flashtext, rdflib JSON-LD+NT)", f"{pp['total']:.2f}",
                  f"ours (no site, no full graph) {target:.2f}", f"{pp['total'] / target:.1f}x faster"])
    peers.append(["whole build vs cmark-gfm alone", f"{cmark:.2f}", f"ours (no site, no full graph) {target:.2f}",
                  f"{target / cmark:.2f}x its time"])
    peers.append(["  the same two, with graph/knowledge-graph.dot", f"{pp['total']:.2f} / {cmark:.2f}",
                  f"ours (no site) {ours_nosite:.2f}",
                  f"{pp['total'] / ours_nosite:.1f}x faster / {ours_nosite / cmark:.2f}x its time"])
    table(f"Peers on the {big}x corpus ({r['driver']['entries']} entries, {r['mb']:.1f} MB; tagger text {text_mb:.1f} MB)",
          ["peer", "peer seconds", "ours", "ratio"], peers)


if __name__ == "__main__":
    main()
