#!/usr/bin/env python3
"""Tagging peers for `make bench`: flashtext and pyahocorasick over the same terms and text as ours.

Usage: tag_peers.py TERMS TEXT [--repeat N]
  TERMS  one label per line (what `safetygraph-bench --dump-terms` writes: every label and ignore phrase)
  TEXT   one entry per line (title, description, keywords, sections: `--dump-text`)
Prints one JSON object: per peer the median seconds over N runs, the MB/s and the match count.

Both peers get what they need to do the job our tagger does, and no more: flashtext matches whole words
case-insensitively; pyahocorasick finds every occurrence in lowercased text and we keep those on word
boundaries (the check a user of it would have to write).
"""
import json
import statistics
import sys
import time

import ahocorasick
from flashtext import KeywordProcessor


def timed(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    args = sys.argv[1:]
    repeat = 3
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i : i + 2]
    terms_path, text_path = args
    terms = [t.strip() for t in open(terms_path, encoding="utf-8") if t.strip()]
    lines = open(text_path, encoding="utf-8").read().split("\n")
    size_mb = sum(len(l.encode("utf-8")) + 1 for l in lines) / 1e6

    # flashtext: build once (like our automaton), then extract per entry.
    kp = KeywordProcessor(case_sensitive=False)
    for t in terms:
        kp.add_keyword(t)

    def run_flashtext():
        return sum(len(kp.extract_keywords(line)) for line in lines)

    # pyahocorasick: build once over lowercased terms, iterate per entry, keep word-bounded hits.
    automaton = ahocorasick.Automaton()
    for t in terms:
        automaton.add_word(t.lower(), len(t))
    automaton.make_automaton()

    def run_pyahocorasick():
        count = 0
        for line in lines:
            low = line.lower()
            n = len(low)
            for end, length in automaton.iter(low):
                start = end - length + 1
                if (start == 0 or not low[start - 1].isalnum()) and (end + 1 == n or not low[end + 1].isalnum()):
                    count += 1
        return count

    out = {"text_mb": round(size_mb, 3), "entries": len(lines), "terms": len(terms)}
    for name, fn in (("flashtext", run_flashtext), ("pyahocorasick", run_pyahocorasick)):
        seconds, matches = timed(fn, repeat)
        out[name] = {"seconds": round(seconds, 4), "mb_per_s": round(size_mb / seconds, 2), "matches": matches}
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
